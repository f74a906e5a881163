/**
 * A counting HTTP proxy between Medusa and Strapi: Medusa's `STRAPI_URL` points here, and every request is
 * forwarded to Strapi over a keep-alive connection (as Medusa's own fetch keeps its connection). It counts
 * catalogue writes (`PUT /api/commerce-bridge/catalogue/:entity`) apart from anything else (the health
 * check's `GET /api/commerce-bridge/status`), reads Strapi's answer to each write (`created`, `changed`),
 * and adds up how long Strapi took to answer.
 */
import http from "http"
import type { AddressInfo } from "net"

const CATALOGUE_WRITE = /^PUT \/api\/commerce-bridge\/catalogue\/[a-z]+$/

export interface ProxyCounts {
  /** Every request Medusa sent to Strapi. */
  requests: number
  /** `PUT /api/commerce-bridge/catalogue/:entity` requests. */
  catalogue_writes: number
  /** Other requests, by `METHOD /path`. */
  other: Record<string, number>
  /** Answers other than 2xx. */
  errors: number
  /** Documents Strapi answered for, over all catalogue writes. */
  documents: number
  created: number
  /** Existing entries whose Medusa-owned fields Strapi had to change. */
  changed: number
  /** Milliseconds from forwarding a catalogue write to the end of Strapi's answer, summed. */
  strapi_ms: number
  /** Distinct Medusa ids Strapi answered `created: true` for. */
  created_ids: number
}

export interface CountingProxy {
  url: string
  counts(): ProxyCounts
  reset(): void
  close(): Promise<void>
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
  let counts: ProxyCounts
  let createdIds: Set<string>
  const reset = () => {
    counts = { requests: 0, catalogue_writes: 0, other: {}, errors: 0, documents: 0, created: 0, changed: 0, strapi_ms: 0, created_ids: 0 }
    createdIds = new Set()
  }
  reset()

  const server = http.createServer((req, res) => {
    const route = `${req.method} ${(req.url ?? "/").split("?")[0]}`
    const write = CATALOGUE_WRITE.test(route)
    counts.requests++
    if (write) counts.catalogue_writes++
    else counts.other[route] = (counts.other[route] ?? 0) + 1
    const started = performance.now()
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        if ((answer.statusCode ?? 500) >= 300) counts.errors++
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        const chunks: Buffer[] = []
        answer.on("data", (chunk: Buffer) => {
          if (write) chunks.push(chunk)
          res.write(chunk)
        })
        answer.on("end", () => {
          if (write) {
            counts.strapi_ms += performance.now() - started
            tally(Buffer.concat(chunks).toString("utf8"))
          }
          res.end()
        })
      }
    )
    forward.on("error", (error) => {
      counts.errors++
      res.writeHead(502, { "content-type": "application/json" })
      res.end(JSON.stringify({ error: { name: "BenchProxyError", message: error.message } }))
    })
    req.pipe(forward)
  })

  const tally = (text: string) => {
    let rows: { medusa_id: string; created: boolean; changed: boolean }[] = []
    try {
      rows = JSON.parse(text)?.data ?? []
    } catch {
      return
    }
    counts.documents += rows.length
    for (const row of rows) {
      if (row.created) {
        counts.created++
        createdIds.add(row.medusa_id)
      } else if (row.changed) counts.changed++
    }
    counts.created_ids = createdIds.size
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ ...counts, other: { ...counts.other }, strapi_ms: Math.round(counts.strapi_ms) }),
    reset,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      agent.destroy()
    },
  }
}
