/**
 * The demo catalogue: 50 products across 6 categories, generated from fixed lists so that every
 * run produces the same handles, SKUs, prices and stock quantities.
 */

export const DEMO_HANDLE_PREFIX = "cb-demo-"

export type DemoCategory = {
  name: string
  handle: string
  description: string
  option: { title: "Size" | "Color"; values: string[] }
  /** Lowest EUR price of the category, in major units (Medusa 2 stores amounts as decimals). */
  basePrice: number
  /** Product types of the category; each becomes one product. */
  types: string[]
}

export type DemoVariant = {
  title: string
  sku: string
  optionValue: string
  prices: { eur: number; usd: number }
  stock: number
}

export type DemoProduct = {
  handle: string
  title: string
  description: string
  categoryHandle: string
  option: { title: string; values: string[] }
  variants: DemoVariant[]
}

const SIZES = ["S", "M", "L", "XL"]
const COLORS = ["Black", "Navy", "Olive", "Sand"]

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    name: "Shirts",
    handle: "cb-shirts",
    description: "Everyday shirts and tees.",
    option: { title: "Size", values: SIZES },
    basePrice: 25,
    types: ["Oxford Shirt", "Linen Shirt", "Flannel Shirt", "Polo Shirt", "Henley", "Camp Collar Shirt", "Chambray Shirt", "Crew Tee", "Pocket Tee"],
  },
  {
    name: "Sweatshirts",
    handle: "cb-sweatshirts",
    description: "Hoodies, crewnecks and fleeces.",
    option: { title: "Size", values: SIZES },
    basePrice: 45,
    types: ["Crewneck Sweatshirt", "Zip Hoodie", "Pullover Hoodie", "Half-Zip Fleece", "Quilted Sweatshirt", "Raglan Sweatshirt", "Waffle Knit Crew", "Heavyweight Hoodie"],
  },
  {
    name: "Pants",
    handle: "cb-pants",
    description: "Chinos, jeans and joggers.",
    option: { title: "Size", values: ["30", "32", "34", "36"] },
    basePrice: 55,
    types: ["Slim Chino", "Straight Jeans", "Cargo Pant", "Jogger", "Pleated Trouser", "Corduroy Pant", "Drawstring Short", "Carpenter Pant"],
  },
  {
    name: "Shoes",
    handle: "cb-shoes",
    description: "Sneakers, boots and slip-ons.",
    option: { title: "Size", values: ["40", "42", "44", "46"] },
    basePrice: 79,
    types: ["Canvas Sneaker", "Leather Sneaker", "Chelsea Boot", "Trail Runner", "Suede Loafer", "Slip-On", "Hiking Boot", "Court Shoe"],
  },
  {
    name: "Accessories",
    handle: "cb-accessories",
    description: "Bags, caps and small goods.",
    option: { title: "Color", values: COLORS },
    basePrice: 15,
    types: ["Beanie", "Baseball Cap", "Canvas Tote", "Leather Belt", "Wool Scarf", "Crossbody Bag", "Card Wallet", "Rib Socks", "Backpack"],
  },
  {
    name: "Home",
    handle: "cb-home",
    description: "Textiles and objects for the home.",
    option: { title: "Color", values: COLORS },
    basePrice: 19,
    types: ["Ceramic Mug", "Throw Blanket", "Linen Napkins", "Cushion Cover", "Scented Candle", "Waffle Towel", "Table Runner", "Plant Pot"],
  },
]

/** Collection lines that prefix the product types; rotated so that categories read differently. */
const LINES = ["Harbor", "Alpine", "Meadow", "Summit", "Coast", "Forest", "Canyon", "Prairie", "Fjord", "Dune"]

const ADJECTIVES = ["soft", "durable", "lightweight", "timeless", "relaxed", "sturdy", "breathable", "classic"]
const MATERIALS = ["organic cotton", "recycled polyester", "merino wool", "linen", "full-grain leather", "hemp", "stoneware", "canvas"]

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

/** EUR price of a product: the category base plus a step that varies with the product's position. */
function eurPrice(category: DemoCategory, index: number): number {
  return category.basePrice + 5 * (index % 5)
}

/** USD prices run about 10 % above EUR and end in 9. */
function usdPrice(eur: number): number {
  return Math.ceil((eur * 1.1) / 10) * 10 - 1
}

/**
 * Stock of one variant: 3–47 units, with a few variants at 0 and every 17th product sold out,
 * so the storefront shows out-of-stock states.
 */
function stockFor(productNumber: number, variantIndex: number): number {
  if (productNumber % 17 === 16) return 0
  if ((productNumber + variantIndex) % 11 === 0) return 0
  return 3 + ((productNumber * 7 + variantIndex * 13) % 45)
}

function buildProduct(category: DemoCategory, categoryIndex: number, index: number, productNumber: number): DemoProduct {
  const type = category.types[index]
  const title = `${LINES[(index + categoryIndex * 3) % LINES.length]} ${type}`
  const slug = slugify(title)
  const variantCount = 2 + (productNumber % 3)
  const values = category.option.values.slice(0, variantCount)
  const eur = eurPrice(category, index)
  const adjective = ADJECTIVES[productNumber % ADJECTIVES.length]
  const material = MATERIALS[(productNumber * 3) % MATERIALS.length]

  return {
    handle: `${DEMO_HANDLE_PREFIX}${slug}`,
    title,
    description: `A ${adjective} ${type.toLowerCase()} made from ${material}. Part of the CommerceBridge demo catalogue.`,
    categoryHandle: category.handle,
    option: { title: category.option.title, values },
    variants: values.map((value, variantIndex) => ({
      title: value,
      sku: `CB-${slug.toUpperCase()}-${slugify(value).toUpperCase()}`,
      optionValue: value,
      prices: { eur, usd: usdPrice(eur) },
      stock: stockFor(productNumber, variantIndex),
    })),
  }
}

/** The full demo catalogue, in a stable order. */
export function buildCatalogue(): DemoProduct[] {
  const products: DemoProduct[] = []
  DEMO_CATEGORIES.forEach((category, categoryIndex) => {
    category.types.forEach((_type, index) => {
      products.push(buildProduct(category, categoryIndex, index, products.length))
    })
  })
  return products
}
