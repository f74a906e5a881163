import { Label, Select } from "@medusajs/ui"
import { CHANNEL_LABELS, CHANNELS, STATUS_LOOK, STATUSES, type DeliveryFilters } from "../../../../lib/deliveries"

const ALL = "all"

interface FilterSelectProps<T extends string> {
  id: string
  label: string
  value: T | undefined
  options: { value: T; label: string }[]
  onChange: (value: T | undefined) => void
}

function FilterSelect<T extends string>({ id, label, value, options, onChange }: FilterSelectProps<T>) {
  return (
    <div className="flex items-center gap-x-2">
      <Label htmlFor={id} size="small" className="text-ui-fg-subtle">
        {label}
      </Label>
      <Select size="small" value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? undefined : (next as T))}>
        <Select.Trigger id={id} className="w-[150px]">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL}>All</Select.Item>
          {options.map((option) => (
            <Select.Item key={option.value} value={option.value}>
              {option.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

export function DeliveryFilterBar({ filters, onChange }: { filters: DeliveryFilters; onChange: (filters: DeliveryFilters) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-4 px-6 py-3">
      <FilterSelect
        id="delivery-status-filter"
        label="Status"
        value={filters.status}
        options={STATUSES.map((status) => ({ value: status, label: STATUS_LOOK[status].label }))}
        onChange={(status) => onChange({ ...filters, status })}
      />
      <FilterSelect
        id="delivery-channel-filter"
        label="Channel"
        value={filters.channel}
        options={CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }))}
        onChange={(channel) => onChange({ ...filters, channel })}
      />
    </div>
  )
}
