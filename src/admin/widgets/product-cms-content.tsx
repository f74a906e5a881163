import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import type { ProductCmsView } from "../../api/admin/commerce-bridge/strapi/view"
import { QueryState } from "../components/query-state"
import { formatDate } from "../lib/deliveries"
import { errorMessage, sdk } from "../lib/sdk"

/** Dates arrive as ISO strings over JSON. */
type CmsView = Omit<ProductCmsView, "last_pushed_at" | "last_received_at"> & { last_pushed_at: string | null; last_received_at: string | null }

const BASE = "/admin/commerce-bridge/strapi/products"
const EXCERPT_LENGTH = 160
/** How long a queued push is followed closely before the widget stops waiting for it. */
const WAIT_MS = 60_000

/** The description's first words as plain text (Strapi stores markdown). */
function excerpt(markdown: string | null): string | null {
  const text = markdown?.replace(/[#*_`>\[\]()!-]+/g, " ").replace(/\s+/g, " ").trim()
  if (!text) return null
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text
}

/** Product page: the product's Strapi entry, when it was last pushed and received, a link to edit it in Strapi, and a push on demand. */
const ProductCmsContentWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const client = useQueryClient()
  const [queued, setQueued] = useState<{ at: number; pushedBefore: string | null } | null>(null)
  const waiting = (view?: CmsView) => Boolean(queued) && view?.last_pushed_at === queued!.pushedBefore && Date.now() - queued!.at < WAIT_MS
  const queryKey = ["commerce-bridge", "strapi", "product", product.id]
  const { data, isLoading, isError, error, refetch } = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<CmsView>(`${BASE}/${encodeURIComponent(product.id)}`),
    refetchInterval: (query) => (waiting(query.state.data) ? 1_000 : false),
  })
  const sync = useMutation({
    mutationFn: () => sdk.client.fetch<{ job_id: string }>(`${BASE}/${encodeURIComponent(product.id)}/sync`, { method: "POST", body: {} }),
    onSuccess: () => {
      setQueued({ at: Date.now(), pushedBefore: data?.last_pushed_at ?? null })
      toast.info("Product queued for Strapi")
    },
    onError: (failure) => toast.error(errorMessage(failure)),
    onSettled: () => client.invalidateQueries({ queryKey }),
  })

  return (
    <Container className="divide-y p-0" data-testid="product-cms-content">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2">Strapi</Heading>
        <Button size="small" variant="secondary" onClick={() => sync.mutate()} isLoading={sync.isPending} disabled={!data?.sync_active}>
          Sync to Strapi
        </Button>
      </div>
      <QueryState what="Strapi content" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && <EntryState view={data} title={product.title} />}
      {data && <SyncTimes view={data} waiting={waiting(data)} />}
    </Container>
  )
}

function EntryState({ view, title }: { view: CmsView; title: string }) {
  if (!view.content && !view.strapi) {
    return (
      <div className="flex flex-col gap-y-1 px-6 py-4" role="status">
        <Text size="small" weight="plus">Not in Strapi yet</Text>
        <Text size="small" className="text-ui-fg-subtle">
          {view.sync_active
            ? "Sync to Strapi creates its entry; editors then write its description, SEO text and gallery there."
            : "The Strapi integration is off. Switch it on under Settings → Integrations."}
        </Text>
      </div>
    )
  }
  const content = view.content
  const description = excerpt(content?.description ?? null)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="product-cms-entry">
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus">{title}</Text>
        <StatusBadge color={content?.published_at ? "green" : "grey"}>{content?.published_at ? "Published" : content ? "Draft" : "No content yet"}</StatusBadge>
      </div>
      {content ? (
        <>
          <Text size="small" className="text-ui-fg-subtle">{description ?? "No description in Strapi."}</Text>
          <Field label="SEO title" value={content.seo_title ?? "—"} />
          <Field label="Gallery" value={`${content.gallery.length} ${content.gallery.length === 1 ? "image" : "images"}`} />
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">The entry exists in Strapi; nothing has been published from it yet.</Text>
      )}
      {view.strapi && (
        <a href={view.strapi.edit_url} target="_blank" rel="noreferrer" className="txt-compact-small text-ui-fg-interactive hover:underline">
          Open in Strapi
        </a>
      )}
    </div>
  )
}

function SyncTimes({ view, waiting }: { view: CmsView; waiting: boolean }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4" aria-live="polite">
      <Field label="Last pushed" value={waiting ? "Queued…" : formatDate(view.last_pushed_at)} />
      <Field label="Last received" value={formatDate(view.last_received_at)} />
    </div>
  )
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-center justify-between gap-x-2">
      <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
      <Text size="xsmall">{value}</Text>
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductCmsContentWidget
