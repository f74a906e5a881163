/** English strings of the built-in templates; `{name}` is filled from the filter's arguments. */
export const en = {
  common: {
    greeting: "Hi {name},",
    footer: "{store} · You receive this message because of your account or order with us.",
    quantity: "Quantity: {quantity}",
    subtotal: "Subtotal",
    shipping: "Shipping",
    discount: "Discount",
    tax: "Tax",
    total: "Total",
    ship_to: "Shipping to",
  },
  order_placed: {
    subject: "Order #{number} confirmed",
    intro: "Thank you for your order #{number}. We are getting it ready.",
    outro: "We will let you know as soon as it ships.",
    sms: "{store}: thank you! Order #{number} ({total}) is confirmed.",
  },
  order_shipped: {
    subject: "Your order #{number} is on its way",
    intro: "Good news: your order #{number} has shipped.",
    tracking: "Tracking number: {number}",
    track: "Track your parcel",
    sms: "{store}: your order #{number} has shipped.",
  },
  order_canceled: {
    subject: "Order #{number} canceled",
    intro: "Your order #{number} has been canceled.",
    outro: "If you paid already, the money is on its way back to you.",
    sms: "{store}: your order #{number} has been canceled.",
  },
  customer_welcome: {
    subject: "Welcome to {store}",
    intro: "Your account at {store} is ready. Sign in any time to follow your orders.",
    cta: "Visit the shop",
    sms: "Welcome to {store}! Your account is ready.",
  },
  password_reset: {
    subject: "Reset your {store} password",
    intro: "We received a request to reset your password. The link below is valid for a short time.",
    cta: "Choose a new password",
    ignore: "If you did not ask for this, you can ignore this message: your password stays as it is.",
    sms: "{store}: reset your password here:",
  },
  admin_password_reset: {
    subject: "Reset your {store} admin password",
    intro: "Someone asked to reset the password of your {store} admin account.",
    sms: "{store} admin: reset your password here:",
  },
  refund_issued: {
    subject: "Refund for order #{number}",
    intro: "We have refunded {amount} for your order #{number}.",
    outro: "Depending on your bank it can take a few days to show on your statement.",
    sms: "{store}: we refunded {amount} for order #{number}.",
  },
  test_message: {
    subject: "{store}: test message",
    intro: "This is a test message from CommerceBridge, sent through {provider}. If you can read it, the integration works.",
    sent_at: "Sent at {time}.",
    sms: "{store}: test message from CommerceBridge through {provider}.",
  },
}

export type LocaleStrings = typeof en
