/** The parsed form of a Meilisearch filter expression, and the error a refused filter carries. */

export interface Token {
  value: string
  start: number
  end: number
  quoted: boolean
  source: string
}

export type CompareOperator = "=" | ">" | ">=" | "<" | "<="

export type FilterNode =
  | { kind: "or" | "and"; children: FilterNode[] }
  | { kind: "not"; child: FilterNode }
  | { kind: "compare"; attribute: Token; operator: CompareOperator; value: Token }
  | { kind: "range"; attribute: Token; from: Token; to: Token }
  | { kind: "in"; attribute: Token; values: Token[] }
  | { kind: "exists" | "isNull" | "isEmpty"; attribute: Token }
  | { kind: "contains" | "startsWith"; attribute: Token; value: Token; keyword: Token }
  | { kind: "geoRadius"; attribute: Token; lat: number; lng: number; radius: number }
  | { kind: "geoBoundingBox"; attribute: Token; topRight: [number, number]; bottomLeft: [number, number] }

/** A filter the engine refuses; `code` is set when it is not a plain syntax/filterability error. */
export class FilterError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message)
  }

  static at(diagnostic: string, start: number, end: number, source: string, code?: string) {
    return new FilterError(`${diagnostic}\n${start + 1}:${end + 1} ${source}`, code)
  }
}

/** Rust's `escape_debug`, which Meilisearch applies to the fragment it quotes. */
export const escapeDebug = (text: string) =>
  text.replace(/[\\'"\n\r\t]/g, (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" } as Record<string, string>)[c] ?? `\\${c}`)
