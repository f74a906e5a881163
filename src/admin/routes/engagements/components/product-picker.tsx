import { Checkbox, Input, Label, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { QueryState } from "../../../components/query-state"
import { useProductsToDraft } from "../../../hooks/use-engagements"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 10
const SEARCH_DELAY_MS = 300

/** The products a run drafts: chosen one by one, or every product of the catalogue. */
export interface PickedProducts {
  ids: string[]
  all: boolean
}

interface ProductPickerProps {
  value: PickedProducts
  onChange: (value: PickedProducts) => void
  disabled?: boolean
}

/** A searchable page of products with a checkbox each, a checkbox for the page, and "All products". */
export function ProductPicker({ value, onChange, disabled }: ProductPickerProps) {
  const [search, setSearch] = useState("")
  const [q, setQ] = useState("")
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, refetch } = useProductsToDraft(q, { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
  const picked = new Set(value.ids)
  const pageIds = data?.products.map((product) => product.id) ?? []
  const pagePicked = pageIds.filter((id) => picked.has(id)).length
  const rowsDisabled = disabled || value.all

  useEffect(() => {
    const timer = setTimeout(() => (setQ(search.trim()), setPageIndex(0)), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [search])

  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(picked)
    ids.forEach((id) => (on ? next.add(id) : next.delete(id)))
    onChange({ ...value, ids: [...next] })
  }

  return (
    <div className="flex flex-col" data-testid="product-picker">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-3">
        <Input
          type="search"
          size="small"
          className="w-64"
          placeholder="Search products"
          aria-label="Search products"
          value={search}
          disabled={disabled}
          onChange={(event) => setSearch(event.target.value)}
        />
        <div className="flex items-center gap-x-4">
          <div className="flex items-center gap-x-2">
            <Checkbox id="draft-all-products" checked={value.all} disabled={disabled} onCheckedChange={(checked) => onChange({ ...value, all: checked === true })} />
            <Label htmlFor="draft-all-products" size="small">
              All products{data && !q ? ` (${data.count})` : ""}
            </Label>
          </div>
          <Text size="small" className="text-ui-fg-subtle" role="status" aria-live="polite" data-testid="picked-count">
            {value.all ? "Every product selected" : `${value.ids.length} selected`}
          </Text>
        </div>
      </div>
      <QueryState what="products" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.count === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
          {q ? `No products match "${q}".` : "The catalogue has no products."}
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-10">
                  <Checkbox
                    aria-label="Select every product on this page"
                    checked={value.all || (pagePicked > 0 && (pagePicked === pageIds.length || "indeterminate"))}
                    disabled={rowsDisabled}
                    onCheckedChange={(checked) => toggle(pageIds, checked === true)}
                  />
                </Table.HeaderCell>
                <Table.HeaderCell>Product</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.products.map((product) => (
                <Table.Row key={product.id} data-testid={`pick-${product.id}`}>
                  <Table.Cell>
                    <Checkbox
                      aria-label={`Select ${product.title}`}
                      checked={value.all || picked.has(product.id)}
                      disabled={rowsDisabled}
                      onCheckedChange={(checked) => toggle([product.id], checked === true)}
                    />
                  </Table.Cell>
                  <Table.Cell>{product.title}</Table.Cell>
                  <Table.Cell className="capitalize">{product.status}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data.count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </>
      )}
    </div>
  )
}
