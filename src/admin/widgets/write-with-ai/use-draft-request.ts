import { toast } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import type { Engagement, GenerateResponse } from "../../lib/engagements"

/** The draft a widget shows, and how it asks for a new one: the product and order widgets share it. */
export function useDraftRequest<Input>(generate: UseMutationResult<GenerateResponse, Error, Input>, input: () => Input) {
  const [shown, setShown] = useState<Engagement | null>(null)
  const requestDraft = () =>
    generate.mutate(input(), {
      onSuccess: ({ engagement, reused }) => {
        setShown(engagement)
        toast.info(reused ? "Draft reused from an identical earlier request, at no cost" : "Draft written: review it below")
      },
    })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    requestDraft()
  }
  return { shown, setShown, requestDraft, submit }
}
