/** What the order templates are rendered with in unit tests: an order of two shirts, shipping to Berlin. */
export const sampleOrder = {
  display_id: 1042,
  currency_code: "eur",
  items: [{ title: "Linen shirt", variant_title: "M / Blue", quantity: 2, unit_price: 39.5, total: 79 }],
  subtotal: 79,
  shipping_total: 4.9,
  tax_total: 12.61,
  discount_total: 0,
  total: 83.9,
  shipping_address: { first_name: "Jane", last_name: "Doe", address_1: "Main St 1", postal_code: "10115", city: "Berlin", country_code: "de" },
}

export const sampleOrderData = {
  store: { name: "Nordic <Goods>", url: "https://shop.example.com" },
  customer: { first_name: "Jane" },
  order: sampleOrder,
}
