/**
 * The email frame every HTML template renders in: a 600 px table layout with inline styles that
 * mail clients keep, a dark-mode hint, and a preheader. Templates fill `{% block content %}`.
 */
export const layout = `<!doctype html>
<html lang="{{ locale }}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<title>{{ subject }}</title>
<style>
  body { margin: 0; padding: 0; background: #f4f4f5; }
  a { color: #2563eb; }
  @media (max-width: 620px) {
    .container { width: 100% !important; }
    .content { padding: 24px 16px !important; }
    .stack td { display: block !important; width: 100% !important; text-align: left !important; }
  }
  @media (prefers-color-scheme: dark) {
    body, .outer { background: #18181b !important; }
    .content { background: #27272a !important; color: #f4f4f5 !important; }
  }
</style>
</head>
<body>
<div style="display:none;max-height:0;overflow:hidden;">{{ preheader }}</div>
<table role="presentation" class="outer" width="100%" cellspacing="0" cellpadding="0" style="background:#f4f4f5;">
  <tr><td align="center" style="padding:24px 8px;">
    <table role="presentation" class="container" width="600" cellspacing="0" cellpadding="0" style="width:600px;max-width:600px;">
      <tr><td style="padding:0 0 16px 0;font:600 20px/1.3 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b;">{{ store.name }}</td></tr>
      <tr><td class="content" style="background:#ffffff;border-radius:8px;padding:32px;font:15px/1.6 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#27272a;">
        {% block content %}{% endblock %}
      </td></tr>
      <tr><td style="padding:16px 8px;font:12px/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#71717a;text-align:center;">
        {{ "common.footer" | t: store: store.name }}{% if store.url %} · <a href="{{ store.url }}" style="color:#71717a;">{{ store.url }}</a>{% endif %}
      </td></tr>
    </table>
  </td></tr>
</table>
</body>
</html>`

/** Items and totals of an order, shared by the order templates. */
export const orderSummary = `<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="margin:16px 0;border-top:1px solid #e4e4e7;">
{% for item in order.items %}
  <tr class="stack">
    <td style="padding:12px 0;border-bottom:1px solid #e4e4e7;">
      <strong>{{ item.title }}</strong>{% if item.variant_title %}<br><span style="color:#71717a;">{{ item.variant_title }}</span>{% endif %}
      <br><span style="color:#71717a;">{{ "common.quantity" | t: quantity: item.quantity }}</span>
    </td>
    <td align="right" style="padding:12px 0;border-bottom:1px solid #e4e4e7;white-space:nowrap;">{{ item.total | money: order.currency_code }}</td>
  </tr>
{% endfor %}
</table>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0">
  <tr><td>{{ "common.subtotal" | t }}</td><td align="right">{{ order.subtotal | money: order.currency_code }}</td></tr>
  <tr><td>{{ "common.shipping" | t }}</td><td align="right">{{ order.shipping_total | money: order.currency_code }}</td></tr>
  {% if order.discount_total > 0 %}<tr><td>{{ "common.discount" | t }}</td><td align="right">-{{ order.discount_total | money: order.currency_code }}</td></tr>{% endif %}
  <tr><td>{{ "common.tax" | t }}</td><td align="right">{{ order.tax_total | money: order.currency_code }}</td></tr>
  <tr><td style="padding-top:8px;"><strong>{{ "common.total" | t }}</strong></td><td align="right" style="padding-top:8px;"><strong>{{ order.total | money: order.currency_code }}</strong></td></tr>
</table>`

export const orderSummaryText = `{% for item in order.items %}- {{ item.title }}{% if item.variant_title %} ({{ item.variant_title }}){% endif %} × {{ item.quantity }}: {{ item.total | money: order.currency_code }}
{% endfor %}
{{ "common.subtotal" | t }}: {{ order.subtotal | money: order.currency_code }}
{{ "common.shipping" | t }}: {{ order.shipping_total | money: order.currency_code }}
{{ "common.tax" | t }}: {{ order.tax_total | money: order.currency_code }}
{{ "common.total" | t }}: {{ order.total | money: order.currency_code }}`

/** A call-to-action button that survives Outlook. */
export const button = (href: string, label: string) =>
  `<table role="presentation" cellspacing="0" cellpadding="0" style="margin:24px 0;"><tr><td style="border-radius:6px;background:#18181b;"><a href="${href}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:600;">${label}</a></td></tr></table>`
