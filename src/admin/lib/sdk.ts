import Medusa from "@medusajs/js-sdk"

/** Talks to the Medusa server that serves this admin, with the admin's session. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})

/** The message to show for a failed request: the server's, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") {
    return error.message
  }
  return "Something went wrong. Try again."
}
