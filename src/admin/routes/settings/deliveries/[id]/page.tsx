import { Container, Heading } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { QueryState } from "../../../../components/query-state"
import { useDelivery } from "../../../../hooks/use-deliveries"
import { DeliveryStatusBadge, StatusReason } from "../components/delivery-status-badge"
import { DeliveryBody } from "./components/delivery-body"
import { DeliveryFields } from "./components/delivery-fields"
import { ResendButton } from "./components/resend-button"

const DeliveryPage = () => {
  const id = useParams().id!
  const { data, isLoading, isError, error, refetch } = useDelivery(id)
  const delivery = data?.delivery

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
          <div className="flex min-w-0 flex-col gap-y-1">
            <Link to=".." relative="path" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base">
              ← Deliveries
            </Link>
            <Heading level="h1">{delivery ? (delivery.subject ?? delivery.template) : "Message"}</Heading>
            {delivery && (
              <div className="flex flex-col items-start gap-y-1" data-testid="delivery-status">
                <DeliveryStatusBadge status={delivery.status} />
                <StatusReason delivery={delivery} />
              </div>
            )}
          </div>
          {delivery && <ResendButton delivery={delivery} />}
        </div>
        <QueryState what="the message" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
        {delivery && <DeliveryFields delivery={delivery} />}
      </Container>
      {delivery && <DeliveryBody delivery={delivery} />}
    </div>
  )
}

export default DeliveryPage
