import { Container, Heading } from "@medusajs/ui"
import type { DeliveryDetail } from "../../../../../lib/deliveries"

/**
 * The rendered message. The HTML runs in a frame with an empty sandbox: no scripts, no forms and
 * no access to the admin's origin, whatever the template contains.
 */
export function DeliveryBody({ delivery }: { delivery: DeliveryDetail }) {
  return (
    <Container className="divide-y p-0">
      {delivery.html !== null && (
        <section className="flex flex-col gap-y-3 px-6 py-4">
          <Heading level="h2">Email preview</Heading>
          <iframe
            sandbox=""
            srcDoc={delivery.html}
            title="Email preview"
            className="h-[560px] w-full rounded-lg bg-white shadow-borders-base"
          />
        </section>
      )}
      <section className="flex flex-col gap-y-3 px-6 py-4">
        <Heading level="h2">{delivery.html !== null ? "Plain text" : "Message text"}</Heading>
        <pre className="txt-compact-small max-h-[400px] overflow-auto whitespace-pre-wrap break-words rounded-lg bg-ui-bg-subtle p-4 font-mono text-ui-fg-base">
          {delivery.text}
        </pre>
      </section>
    </Container>
  )
}
