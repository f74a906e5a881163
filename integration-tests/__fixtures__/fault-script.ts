import { STATUS_CODES, type ServerResponse } from "http"

/** `body`: a string is sent as text/plain, anything else as JSON; default `{ message: <status text> }`. */
export interface ScriptedFault {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** What a fixture was told to do wrong: answer the next requests with faults, or answer slowly. */
export class FaultScript {
  private faults: ScriptedFault[] = []
  private latencyMs = 0

  failNext(count: number, fault: ScriptedFault) {
    this.faults.push(...Array.from({ length: count }, () => fault))
  }

  setLatency(ms: number) {
    this.latencyMs = ms
  }

  /** The fault the next request gets, if one is scripted. */
  take(): ScriptedFault | undefined {
    return this.faults.shift()
  }

  async delay() {
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
  }

  reset() {
    this.faults = []
    this.latencyMs = 0
  }
}

/** Answers with a scripted fault; `defaultBody` is the vendor's error shape for a fault without a body. */
export function sendFault(res: ServerResponse, fault: ScriptedFault, defaultBody: (statusText: string) => unknown) {
  const body = fault.body ?? defaultBody(STATUS_CODES[fault.status] ?? "Error")
  const isText = typeof body === "string"
  res.writeHead(fault.status, { "content-type": isText ? "text/plain" : "application/json", ...fault.headers })
  res.end(isText ? body : JSON.stringify(body))
}
