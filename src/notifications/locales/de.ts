import type { LocaleStrings } from "./en"

export const de: LocaleStrings = {
  common: {
    greeting: "Hallo {name},",
    footer: "{store} · Sie erhalten diese Nachricht wegen Ihres Kontos oder Ihrer Bestellung bei uns.",
    quantity: "Menge: {quantity}",
    subtotal: "Zwischensumme",
    shipping: "Versand",
    discount: "Rabatt",
    tax: "Steuer",
    total: "Gesamt",
    ship_to: "Lieferadresse",
  },
  order_placed: {
    subject: "Bestellung #{number} bestätigt",
    intro: "Vielen Dank für Ihre Bestellung #{number}. Wir bereiten sie jetzt vor.",
    outro: "Wir melden uns, sobald sie versandt ist.",
    sms: "{store}: Danke! Bestellung #{number} ({total}) ist bestätigt.",
  },
  order_shipped: {
    subject: "Ihre Bestellung #{number} ist unterwegs",
    intro: "Gute Nachricht: Ihre Bestellung #{number} wurde versandt.",
    tracking: "Sendungsnummer: {number}",
    track: "Sendung verfolgen",
    sms: "{store}: Ihre Bestellung #{number} wurde versandt.",
  },
  order_canceled: {
    subject: "Bestellung #{number} storniert",
    intro: "Ihre Bestellung #{number} wurde storniert.",
    outro: "Falls Sie bereits bezahlt haben, ist das Geld auf dem Weg zurück zu Ihnen.",
    sms: "{store}: Ihre Bestellung #{number} wurde storniert.",
  },
  customer_welcome: {
    subject: "Willkommen bei {store}",
    intro: "Ihr Konto bei {store} ist eingerichtet. Melden Sie sich jederzeit an, um Ihre Bestellungen zu verfolgen.",
    cta: "Zum Shop",
    sms: "Willkommen bei {store}! Ihr Konto ist eingerichtet.",
  },
  password_reset: {
    subject: "Ihr Passwort bei {store} zurücksetzen",
    intro: "Wir haben eine Anfrage zum Zurücksetzen Ihres Passworts erhalten. Der Link ist nur kurze Zeit gültig.",
    cta: "Neues Passwort wählen",
    ignore: "Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.",
    sms: "{store}: Passwort hier zurücksetzen:",
  },
  admin_password_reset: {
    subject: "Admin-Passwort bei {store} zurücksetzen",
    intro: "Jemand hat angefordert, das Passwort Ihres Admin-Kontos bei {store} zurückzusetzen.",
    sms: "{store} Admin: Passwort hier zurücksetzen:",
  },
  refund_issued: {
    subject: "Erstattung für Bestellung #{number}",
    intro: "Wir haben {amount} für Ihre Bestellung #{number} erstattet.",
    outro: "Je nach Bank kann es einige Tage dauern, bis der Betrag auf Ihrem Konto erscheint.",
    sms: "{store}: Wir haben {amount} für Bestellung #{number} erstattet.",
  },
  test_message: {
    subject: "{store}: Testnachricht",
    intro: "Dies ist eine Testnachricht von CommerceBridge, gesendet über {provider}. Wenn Sie sie lesen können, funktioniert die Integration.",
    sent_at: "Gesendet um {time}.",
    sms: "{store}: Testnachricht von CommerceBridge über {provider}.",
  },
}
