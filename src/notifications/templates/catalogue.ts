import { button } from "./layout"

/** One message in every form: email subject, HTML body (inside the layout), plain text, SMS. */
export interface MessageTemplate {
  subject: string
  html: string
  text: string
  sms: string
}

export const TEMPLATE_NAMES = [
  "order-placed",
  "order-shipped",
  "order-canceled",
  "customer-welcome",
  "password-reset",
  "admin-password-reset",
  "refund-issued",
  "test-message",
] as const

export type TemplateName = (typeof TEMPLATE_NAMES)[number]

const greeting = `<p>{{ "common.greeting" | t: name: customer.first_name }}</p>`
const greetingText = `{{ "common.greeting" | t: name: customer.first_name }}`

export const BUILT_IN_TEMPLATES: Record<TemplateName, MessageTemplate> = {
  "order-placed": {
    subject: `{{ "order_placed.subject" | t: number: order.display_id }}`,
    html: `${greeting}
<p>{{ "order_placed.intro" | t: number: order.display_id }}</p>
{% include "order-summary" %}
{% if order.shipping_address %}<p style="margin-top:24px;"><strong>{{ "common.ship_to" | t }}</strong><br>
{{ order.shipping_address.first_name }} {{ order.shipping_address.last_name }}<br>{{ order.shipping_address.address_1 }}<br>
{{ order.shipping_address.postal_code }} {{ order.shipping_address.city }}<br>{{ order.shipping_address.country_code | upcase }}</p>{% endif %}
<p>{{ "order_placed.outro" | t }}</p>`,
    text: `${greetingText}

{{ "order_placed.intro" | t: number: order.display_id }}

{% include "order-summary-text" %}

{{ "order_placed.outro" | t }}`,
    sms: `{% assign total = order.total | money: order.currency_code %}{{ "order_placed.sms" | t: store: store.name, number: order.display_id, total: total }}`,
  },
  "order-shipped": {
    subject: `{{ "order_shipped.subject" | t: number: order.display_id }}`,
    html: `${greeting}
<p>{{ "order_shipped.intro" | t: number: order.display_id }}</p>
{% for link in shipment.tracking %}<p>{{ "order_shipped.tracking" | t: number: link.number }}{% if link.url %} — <a href="{{ link.url }}">{{ "order_shipped.track" | t }}</a>{% endif %}</p>{% endfor %}
{% include "order-summary" %}`,
    text: `${greetingText}

{{ "order_shipped.intro" | t: number: order.display_id }}
{% for link in shipment.tracking %}{{ "order_shipped.tracking" | t: number: link.number }}{% if link.url %} {{ link.url }}{% endif %}
{% endfor %}
{% include "order-summary-text" %}`,
    sms: `{{ "order_shipped.sms" | t: store: store.name, number: order.display_id }}{% if shipment.tracking[0].url %} {{ shipment.tracking[0].url }}{% endif %}`,
  },
  "order-canceled": {
    subject: `{{ "order_canceled.subject" | t: number: order.display_id }}`,
    html: `${greeting}
<p>{{ "order_canceled.intro" | t: number: order.display_id }}</p>
{% include "order-summary" %}
<p>{{ "order_canceled.outro" | t }}</p>`,
    text: `${greetingText}

{{ "order_canceled.intro" | t: number: order.display_id }}

{% include "order-summary-text" %}

{{ "order_canceled.outro" | t }}`,
    sms: `{{ "order_canceled.sms" | t: store: store.name, number: order.display_id }}`,
  },
  "customer-welcome": {
    subject: `{{ "customer_welcome.subject" | t: store: store.name }}`,
    html: `${greeting}
<p>{{ "customer_welcome.intro" | t: store: store.name }}</p>
{% if store.url %}${button("{{ store.url }}", `{{ "customer_welcome.cta" | t }}`)}{% endif %}`,
    text: `${greetingText}

{{ "customer_welcome.intro" | t: store: store.name }}
{% if store.url %}{{ store.url }}{% endif %}`,
    sms: `{{ "customer_welcome.sms" | t: store: store.name }}`,
  },
  "password-reset": {
    subject: `{{ "password_reset.subject" | t: store: store.name }}`,
    html: `<p>{{ "password_reset.intro" | t }}</p>
${button("{{ reset.url }}", `{{ "password_reset.cta" | t }}`)}
<p style="color:#71717a;">{{ "password_reset.ignore" | t }}</p>`,
    text: `{{ "password_reset.intro" | t }}

{{ reset.url }}

{{ "password_reset.ignore" | t }}`,
    sms: `{{ "password_reset.sms" | t: store: store.name }} {{ reset.url }}`,
  },
  "admin-password-reset": {
    subject: `{{ "admin_password_reset.subject" | t: store: store.name }}`,
    html: `<p>{{ "admin_password_reset.intro" | t: store: store.name }}</p>
${button("{{ reset.url }}", `{{ "password_reset.cta" | t }}`)}
<p style="color:#71717a;">{{ "password_reset.ignore" | t }}</p>`,
    text: `{{ "admin_password_reset.intro" | t: store: store.name }}

{{ reset.url }}

{{ "password_reset.ignore" | t }}`,
    sms: `{{ "admin_password_reset.sms" | t: store: store.name }} {{ reset.url }}`,
  },
  "refund-issued": {
    subject: `{{ "refund_issued.subject" | t: number: order.display_id }}`,
    html: `${greeting}
{% assign amount = refund.amount | money: order.currency_code %}<p>{{ "refund_issued.intro" | t: amount: amount, number: order.display_id }}</p>
{% if refund.note %}<p style="color:#71717a;">{{ refund.note }}</p>{% endif %}
<p>{{ "refund_issued.outro" | t }}</p>`,
    text: `${greetingText}

{% assign amount = refund.amount | money: order.currency_code %}{{ "refund_issued.intro" | t: amount: amount, number: order.display_id }}
{% if refund.note %}{{ refund.note }}
{% endif %}
{{ "refund_issued.outro" | t }}`,
    sms: `{% assign amount = refund.amount | money: order.currency_code %}{{ "refund_issued.sms" | t: store: store.name, amount: amount, number: order.display_id }}`,
  },
  "test-message": {
    subject: `{{ "test_message.subject" | t: store: store.name }}`,
    html: `<p>{{ "test_message.intro" | t: provider: provider }}</p>
<p style="color:#71717a;">{{ "test_message.sent_at" | t: time: sent_at }}</p>`,
    text: `{{ "test_message.intro" | t: provider: provider }}

{{ "test_message.sent_at" | t: time: sent_at }}`,
    sms: `{{ "test_message.sms" | t: store: store.name, provider: provider }}`,
  },
}
