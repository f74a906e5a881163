import { attributeCovers, Doc, Leaf, leavesAt, valuesAt } from "./documents"
import { FilterError, FilterNode, Token } from "./filter-ast"
import { parseFilterString } from "./filter-parser"

/** The `filter` parameter: read (string or array form), checked against the index settings, evaluated on documents. */

/** A string, or an array, or an array whose strings are ANDed and whose inner arrays are ORed. */
export function parseFilter(filter: unknown): FilterNode | null {
  if (filter === null || filter === undefined) return null
  if (typeof filter === "string") return parseFilterString(filter)
  if (!Array.isArray(filter)) throw invalidFilterShape("String, Array", filter)
  const children: FilterNode[] = []
  for (const element of filter) {
    if (typeof element === "string") {
      const node = parseFilterString(element)
      if (node) children.push(node)
    } else if (Array.isArray(element)) {
      const alternatives = element.map((inner) => {
        if (typeof inner !== "string") throw invalidFilterShape("String", inner)
        return parseFilterString(inner)
      })
      const present = alternatives.filter((node): node is FilterNode => node !== null)
      if (present.length) children.push(present.length === 1 ? present[0] : { kind: "or", children: present })
    } else {
      throw invalidFilterShape("String, Array", element)
    }
  }
  if (children.length === 0) return null
  return children.length === 1 ? children[0] : { kind: "and", children }
}

const invalidFilterShape = (expected: string, found: unknown) =>
  new FilterError(`Invalid syntax for the filter parameter: \`expected ${expected}, found: ${JSON.stringify(found)}\`.`)

export type FilterableAttribute = string | { attributePatterns: string[]; features?: unknown }

export interface FilterRules {
  indexUid: string
  filterableAttributes: FilterableAttribute[]
  displayedAttributes: string[]
  containsFilterEnabled: boolean
}

export function isFilterable(path: string, filterable: FilterableAttribute[]): boolean {
  return filterable.some((entry) =>
    typeof entry === "string" ? attributeCovers(entry, path) : entry.attributePatterns.some((pattern) => attributeCovers(pattern, path))
  )
}

/** "Available filterable attributes are: `a, b`." in Meilisearch's words, hiding attributes that are not displayed. */
export function describeFilterable(filterable: FilterableAttribute[], displayed: string[]): string {
  if (filterable.length === 0) return "This index does not have configured filterable attributes."
  const usesPatterns = filterable.some((entry) => typeof entry !== "string")
  const names = filterable.flatMap((entry) => (typeof entry === "string" ? [entry] : entry.attributePatterns)).sort()
  const visible = names.filter((name) => displayed.includes("*") || displayed.includes(name))
  const listed = visible.length < names.length ? [...visible, "<..hidden-attributes>"] : visible
  return `Available filterable ${usesPatterns ? "attribute patterns" : "attributes"} are: \`${listed.join(", ")}\`.`
}

/** Throws Meilisearch's error for the first CONTAINS without the feature, then for the first non-filterable attribute. */
export function checkFilter(node: FilterNode, rules: FilterRules) {
  const keyword = conditions(node).find((condition) => condition.kind === "contains" || condition.kind === "startsWith")
  if (keyword && !rules.containsFilterEnabled && "keyword" in keyword) {
    const { start, end, source } = keyword.keyword
    throw FilterError.at(
      "Using `CONTAINS` or `STARTS WITH` in a filter requires enabling the `contains filter` experimental feature. See https://github.com/orgs/meilisearch/discussions/763",
      start,
      end,
      source,
      "feature_not_enabled"
    )
  }
  for (const condition of conditions(node)) {
    const attribute = (condition as { attribute: Token }).attribute
    if (isFilterable(attribute.value, rules.filterableAttributes)) continue
    throw FilterError.at(
      `Index \`${rules.indexUid}\`: Attribute \`${attribute.value}\` is not filterable. ${describeFilterable(rules.filterableAttributes, rules.displayedAttributes)}`,
      attribute.start,
      attribute.end,
      attribute.source
    )
  }
}

function conditions(node: FilterNode): FilterNode[] {
  if (node.kind === "or" || node.kind === "and") return node.children.flatMap(conditions)
  if (node.kind === "not") return conditions(node.child)
  return [node]
}

export function matchesFilter(doc: Doc, node: FilterNode): boolean {
  switch (node.kind) {
    case "or":
      return node.children.some((child) => matchesFilter(doc, child))
    case "and":
      return node.children.every((child) => matchesFilter(doc, child))
    case "not":
      return !matchesFilter(doc, node.child)
    case "compare":
      return leavesAt(doc, node.attribute.value).some((leaf) => satisfies(leaf, node.operator, node.value.value))
    case "range":
      return leavesAt(doc, node.attribute.value).some(
        (leaf) => satisfies(leaf, ">=", node.from.value) && satisfies(leaf, "<=", node.to.value)
      )
    case "in":
      return leavesAt(doc, node.attribute.value).some((leaf) => node.values.some((value) => satisfies(leaf, "=", value.value)))
    case "exists":
      return valuesAt(doc, node.attribute.value).length > 0
    case "isNull":
      return valuesAt(doc, node.attribute.value).some((value) => value === null)
    case "isEmpty":
      return valuesAt(doc, node.attribute.value).some(isEmptyValue)
    case "contains":
      return stringLeaves(doc, node.attribute.value).some((leaf) => leaf.includes(normalizeFacet(node.value.value)))
    case "startsWith":
      return stringLeaves(doc, node.attribute.value).some((leaf) => leaf.startsWith(normalizeFacet(node.value.value)))
    case "geoRadius":
      return geoPoints(doc).some((point) => distanceInMeters(point, [node.lat, node.lng]) <= node.radius)
    case "geoBoundingBox":
      return geoPoints(doc).some((point) => insideBox(point, node.topRight, node.bottomLeft))
  }
}

/** Facet strings compare case-insensitively. */
export const normalizeFacet = (value: string) => value.trim().toLowerCase()

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const asNumber = (text: string) => (NUMBER.test(text.trim()) ? Number(text) : undefined)

/** Numbers compare numerically, strings lexicographically (Meilisearch ≥ 1.15), booleans as "true"/"false". */
function satisfies(leaf: Leaf, operator: "=" | ">" | ">=" | "<" | "<=", expected: string): boolean {
  let order: number
  if (typeof leaf === "number") {
    const number = asNumber(expected)
    if (number === undefined) return false
    order = Math.sign(leaf - number)
  } else {
    const text = normalizeFacet(String(leaf))
    const wanted = normalizeFacet(expected)
    if (typeof leaf === "boolean" && operator !== "=") return false
    order = text === wanted ? 0 : text < wanted ? -1 : 1
  }
  return { "=": order === 0, ">": order > 0, ">=": order >= 0, "<": order < 0, "<=": order <= 0 }[operator]
}

const stringLeaves = (doc: Doc, path: string) =>
  leavesAt(doc, path)
    .filter((leaf): leaf is string => typeof leaf === "string")
    .map(normalizeFacet)

function isEmptyValue(value: unknown): boolean {
  if (value === "") return true
  if (Array.isArray(value)) return value.length === 0
  return value !== null && typeof value === "object" && Object.keys(value).length === 0
}

function geoPoints(doc: Doc): [number, number][] {
  return valuesAt(doc, "_geo").flatMap((geo) => {
    const { lat, lng } = (geo ?? {}) as { lat?: unknown; lng?: unknown }
    const point = [Number(lat), Number(lng)] as [number, number]
    return point.every(Number.isFinite) ? [point] : []
  })
}

function distanceInMeters([lat1, lng1]: [number, number], [lat2, lng2]: [number, number]): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180
  const a =
    Math.sin(toRadians(lat2 - lat1) / 2) ** 2 +
    Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(toRadians(lng2 - lng1) / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a))
}

function insideBox([lat, lng]: [number, number], [top, right]: [number, number], [bottom, left]: [number, number]): boolean {
  if (lat < bottom || lat > top) return false
  return left <= right ? lng >= left && lng <= right : lng >= left || lng <= right
}
