/**
 * Parser for Meilisearch filter expressions, following the grammar of its `filter-parser` crate:
 *   or = and ("OR" and)* ; and = not ("AND" not)* ; not = "NOT" not | primary
 *   primary = "(" or ")" | _geoRadius(..) | _geoBoundingBox(..) | value condition
 * Errors carry Meilisearch's wording and its `start:end source` position line.
 */

import { escapeDebug, FilterError, FilterNode, Token } from "./filter-ast"

const MAX_DEPTH = 200
const RESERVED_WORDS = new Set(["AND", "OR", "NOT", "TO", "IN", "EXISTS"])
const RESERVED_GEO = new Set(["_geo", "_geoDistance", "_geoPoint"])
const OPERATORS = ["!=", ">=", "<=", "=", ">", "<"] as const
const NUMBER = String.raw`\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*`
const GEO_RADIUS = new RegExp(String.raw`^_geoRadius\(${NUMBER},${NUMBER},${NUMBER}\)`)
const GEO_BOX = new RegExp(String.raw`^_geoBoundingBox\(\s*\[${NUMBER},${NUMBER}\]\s*,\s*\[${NUMBER},${NUMBER}\]\s*\)`)

/** Unquoted values are made of letters, digits, `_`, `-` and `.` only. */
const isWordChar = (c: string | undefined) => c !== undefined && /^[\p{L}\p{N}_.-]$/u.test(c)
/** What Meilisearch quotes back when no value could be read: text up to the next space or operator. */
const isSyntaxChar = (c: string) => /\s/.test(c) || ["(", ")", "=", "<", ">", "!"].includes(c)

export function parseFilterString(source: string): FilterNode | null {
  if (source.trim() === "") return null
  return new Parser(source).parse()
}

class Parser {
  private pos = 0
  private depth = 0

  constructor(private readonly source: string) {}

  parse(): FilterNode {
    const node = this.or()
    this.skipSpaces()
    if (this.pos < this.source.length) {
      throw this.errorFrom(
        this.pos,
        `Found unexpected characters at the end of the filter: \`${escapeDebug(this.rest())}\`. You probably forgot an \`OR\` or an \`AND\` rule.`
      )
    }
    return node
  }

  private or(): FilterNode {
    if (++this.depth > MAX_DEPTH) {
      throw this.errorFrom(this.pos, "The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.")
    }
    const children = [this.and()]
    while (this.takeKeyword("OR")) children.push(this.and())
    this.depth--
    return children.length === 1 ? children[0] : { kind: "or", children }
  }

  private and(): FilterNode {
    const children = [this.not()]
    while (this.takeKeyword("AND")) children.push(this.not())
    return children.length === 1 ? children[0] : { kind: "and", children }
  }

  private not(): FilterNode {
    if (!this.takeKeyword("NOT")) return this.primary()
    const child = this.not()
    return child.kind === "not" ? child.child : { kind: "not", child }
  }

  private primary(): FilterNode {
    this.skipSpaces()
    const start = this.pos
    if (this.source[start] === "(") {
      this.pos++
      const node = this.or()
      this.skipSpaces()
      if (this.source[this.pos] !== ")") {
        throw this.errorFrom(start, `Expression \`${escapeDebug(this.source.slice(start))}\` is missing the following closing delimiter: \`)\`.`)
      }
      this.pos++
      this.skipSpaces()
      return node
    }
    if (this.rest().startsWith("_geoRadius")) return this.geoRadius(start)
    if (this.rest().startsWith("_geoBoundingBox")) return this.geoBoundingBox(start)

    const attribute = this.value()
    if (!attribute) throw this.invalidPrimary(start)
    if (!attribute.quoted && RESERVED_GEO.has(attribute.value)) {
      throw this.errorFrom(
        start,
        `\`${attribute.value}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`
      )
    }
    if (!attribute.quoted && RESERVED_WORDS.has(attribute.value)) {
      const word = attribute.value
      throw FilterError.at(
        `\`${word}\` is a reserved keyword and thus cannot be used as a field name unless it is put inside quotes. Use "${word}" or '${word}' instead.`,
        attribute.start,
        attribute.end,
        this.source
      )
    }
    return this.condition(attribute, start)
  }

  private condition(attribute: Token, start: number): FilterNode {
    const operator = OPERATORS.find((candidate) => this.source.startsWith(candidate, this.pos))
    if (operator) {
      this.pos += operator.length
      const value = this.requiredValue()
      if (operator === "!=") return { kind: "not", child: { kind: "compare", attribute, operator: "=", value } }
      return { kind: "compare", attribute, operator, value }
    }
    if (this.takeKeyword("IN")) return { kind: "in", attribute, values: this.inList() }
    if (this.takeKeyword("EXISTS")) return { kind: "exists", attribute }
    const textMatch = this.textMatch(attribute, start)
    if (textMatch) return textMatch
    if (this.takeKeyword("NOT")) {
      const negated = this.takeKeyword("IN")
        ? ({ kind: "in", attribute, values: this.inList() } as FilterNode)
        : this.takeKeyword("EXISTS")
          ? ({ kind: "exists", attribute } as FilterNode)
          : this.textMatch(attribute, start)
      if (!negated) throw this.invalidPrimary(start)
      return { kind: "not", child: negated }
    }
    if (this.takeKeyword("IS")) {
      const negate = this.takeKeyword("NOT")
      const kind = this.takeKeyword("NULL") ? "isNull" : this.takeKeyword("EMPTY") ? "isEmpty" : undefined
      if (!kind) throw this.invalidPrimary(start)
      const node: FilterNode = { kind, attribute }
      return negate ? { kind: "not", child: node } : node
    }
    const from = this.value()
    if (from && this.takeKeyword("TO")) return { kind: "range", attribute, from, to: this.requiredValue() }
    throw this.invalidPrimary(start)
  }

  /** `CONTAINS value` or `STARTS WITH value`, remembering where the keyword stands for the feature error. */
  private textMatch(attribute: Token, start: number): FilterNode | undefined {
    this.skipSpaces()
    const at = this.pos
    if (this.takeKeyword("CONTAINS")) {
      return { kind: "contains", attribute, keyword: this.token("CONTAINS", at, at + 8, false), value: this.requiredValue() }
    }
    if (!this.takeKeyword("STARTS")) return undefined
    if (!this.takeKeyword("WITH")) throw this.invalidPrimary(start)
    const keyword = this.token("STARTS WITH", at, this.source.indexOf("WITH", at) + 4, false)
    return { kind: "startsWith", attribute, keyword, value: this.requiredValue() }
  }

  private inList(): Token[] {
    this.skipSpaces()
    if (this.source[this.pos] !== "[") throw this.errorFrom(this.pos, "Expected `[` after `IN` keyword.")
    this.pos++
    const values: Token[] = []
    for (;;) {
      this.skipSpaces()
      if (this.source[this.pos] === "]") break
      const value = this.value()
      if (!value || (!value.quoted && RESERVED_WORDS.has(value.value))) {
        this.pos = value?.start ?? this.pos
        break
      }
      values.push(value)
      this.skipSpaces()
      if (this.source[this.pos] !== ",") break
      this.pos++
    }
    this.skipSpaces()
    if (this.source[this.pos] === "]") {
      this.pos++
      this.skipSpaces()
      return values
    }
    if (this.pos >= this.source.length) {
      throw this.errorFrom(this.pos, "Expected matching `]` after the list of field names given to `IN[`")
    }
    const found = escapeDebug(this.rest())
    const keyword = RESERVED_WORDS.has(this.rest().split(/\s/)[0])
      ? `, which is a keyword. To use \`${found}\` as a field name or a value, surround it by quotes.`
      : "."
    throw this.errorFrom(this.pos, `Expected only comma-separated field names inside \`IN[..]\` but instead found \`${found}\`${keyword}`)
  }

  private geoRadius(start: number): FilterNode {
    const match = GEO_RADIUS.exec(this.rest())
    if (!match) throw this.errorFrom(start, "The `_geoRadius` filter expects three arguments: `_geoRadius(latitude, longitude, radius)`.")
    this.pos += match[0].length
    const attribute = this.token("_geo", start, this.pos, false)
    this.skipSpaces()
    return { kind: "geoRadius", attribute, lat: Number(match[1]), lng: Number(match[2]), radius: Number(match[3]) }
  }

  private geoBoundingBox(start: number): FilterNode {
    const match = GEO_BOX.exec(this.rest())
    if (!match) {
      throw this.errorFrom(
        start,
        "The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`."
      )
    }
    this.pos += match[0].length
    const attribute = this.token("_geo", start, this.pos, false)
    this.skipSpaces()
    const [topRight, bottomLeft] = [[match[1], match[2]], [match[3], match[4]]].map((pair) => pair.map(Number) as [number, number])
    return { kind: "geoBoundingBox", attribute, topRight, bottomLeft }
  }

  /** A quoted string or a bare word, with the spaces after it; null when there is none. */
  private value(): Token | null {
    this.skipSpaces()
    const start = this.pos
    const quote = this.source[start]
    let token: Token
    if (quote === "'" || quote === '"') {
      let i = start + 1
      while (i < this.source.length && this.source[i] !== quote) {
        if (this.source[i] === "\\") {
          if (i + 1 >= this.source.length) throw this.errorFrom(start + 1, `Malformed value: \`${escapeDebug(this.source.slice(start + 1))}\`.`)
          i++
        }
        i++
      }
      if (i >= this.source.length) {
        throw this.errorFrom(start, `Expression \`${escapeDebug(this.source.slice(start))}\` is missing the following closing delimiter: \`${quote}\`.`)
      }
      // Like Meilisearch, only an escaped quote is unescaped; other backslashes stay as typed.
      const text = this.source.slice(start + 1, i).split(`\\${quote}`).join(quote)
      token = this.token(text, start, i + 1, true)
    } else {
      let end = start
      while (isWordChar(this.source[end])) end++
      if (end === start) return null
      token = this.token(this.source.slice(start, end), start, end, false)
    }
    this.pos = token.end
    this.skipSpaces()
    return token
  }

  private requiredValue(): Token {
    this.skipSpaces()
    const start = this.pos
    const value = this.value()
    if (!value) {
      let end = start
      while (end < this.source.length && !isSyntaxChar(this.source[end])) end++
      const found = this.source.slice(start, end)
      const diagnostic = found === "" ? "Was expecting a value but instead got nothing." : `Was expecting a value but instead got \`${escapeDebug(found)}\`.`
      throw FilterError.at(diagnostic, start, end, this.source)
    }
    if (!value.quoted && RESERVED_WORDS.has(value.value)) {
      throw FilterError.at(
        `Was expecting a value but instead got \`${value.value}\`, which is a reserved keyword. To use \`${value.value}\` as a field name or a value, surround it by quotes.`,
        value.start,
        value.end,
        this.source
      )
    }
    return value
  }

  /** Consumes `word` (and surrounding spaces) when it stands alone, e.g. `TO` but not `TO1000`. */
  private takeKeyword(word: string): boolean {
    if (!this.peekKeyword(word)) return false
    this.skipSpaces()
    this.pos += word.length
    this.skipSpaces()
    return true
  }

  private peekKeyword(word: string): boolean {
    let at = this.pos
    while (/\s/.test(this.source[at] ?? "")) at++
    return this.source.startsWith(word, at) && !isWordChar(this.source[at + word.length])
  }

  private skipSpaces() {
    while (/\s/.test(this.source[this.pos] ?? "")) this.pos++
  }

  private rest = () => this.source.slice(this.pos)

  private token = (value: string, start: number, end: number, quoted: boolean): Token => ({ value, start, end, quoted, source: this.source })

  private errorFrom = (start: number, diagnostic: string) => FilterError.at(diagnostic, start, this.source.length, this.source)

  private invalidPrimary(start: number) {
    const rest = this.source.slice(start)
    const where = rest.trim() === "" ? "but instead got nothing." : `at \`${escapeDebug(rest)}\`.`
    return this.errorFrom(
      start,
      `Was expecting an operation \`=\`, \`!=\`, \`>=\`, \`>\`, \`<=\`, \`<\`, \`IN\`, \`NOT IN\`, \`TO\`, \`EXISTS\`, \`NOT EXISTS\`, \`IS NULL\`, \`IS NOT NULL\`, \`IS EMPTY\`, \`IS NOT EMPTY\`, \`CONTAINS\`, \`NOT CONTAINS\`, \`STARTS WITH\`, \`NOT STARTS WITH\`, \`_geoRadius\`, or \`_geoBoundingBox\` ${where}`
    )
  }
}
