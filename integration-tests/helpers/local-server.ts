import http, { IncomingMessage, ServerResponse } from "http"
import type { AddressInfo } from "net"

export interface LocalServer {
  url: string
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[]
  close(): Promise<void>
}

/** A throwaway HTTP server on a loopback port: a free one, or `port` when a config must know it in advance. */
export async function startLocalServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port = 0
): Promise<LocalServer> {
  const requests: LocalServer["requests"] = []
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers })
    handler(req, res)
  })
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve))
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" })
  res.end(JSON.stringify(body))
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * A port a spec can name before anything boots (medusa-config reads it on load), fixed per process and
 * `offset`. It lies below Linux's ephemeral range (32768–60999), where an outgoing connection of any
 * process could already hold it, and skips RabbitMQ's 25672.
 */
export function fixedPort(offset: number): number {
  const port = 20000 + ((process.pid + offset) % 12000)
  return port === 25672 ? 25673 : port
}
