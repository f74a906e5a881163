export interface ProbeResponse {
  status: number
  body: unknown
}

export interface ProbeRequest {
  signal: AbortSignal
  headers?: Record<string, string>
}

/** GETs a vendor endpoint and parses its JSON body, if any. */
export async function probe(url: string, { signal, headers }: ProbeRequest): Promise<ProbeResponse> {
  let response: Response
  try {
    response = await fetch(url, { method: "GET", headers: { accept: "application/json", ...headers }, signal })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new ProbeError(`Could not reach ${new URL(url).origin} (${cause?.code ?? cause?.message ?? (error as Error).message})`)
  }
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body }
}

export class ProbeError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = "ProbeError"
  }
}

/** Throws a message an operator can act on unless the vendor answered 2xx. */
export function expectSuccess(response: ProbeResponse, vendor: string): void {
  if (response.status >= 200 && response.status < 300) {
    return
  }
  if (response.status === 401 || response.status === 403) {
    throw new ProbeError(`${vendor} rejected the credentials (HTTP ${response.status})`, response.status)
  }
  throw new ProbeError(`${vendor} answered HTTP ${response.status}`, response.status)
}

export function basicAuth(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` }
}

export function bearerAuth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`
}
