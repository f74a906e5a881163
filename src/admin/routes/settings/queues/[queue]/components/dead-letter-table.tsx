import { Checkbox, Table, Text } from "@medusajs/ui"
import type { DeadLetter } from "../../../../../lib/queues"

interface Props {
  letters: DeadLetter[]
  selected: Set<string>
  onToggle: (id: string, checked: boolean) => void
}

export function DeadLetterTable({ letters, selected, onToggle }: Props) {
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell className="w-8" />
          <Table.HeaderCell>Job</Table.HeaderCell>
          <Table.HeaderCell>Last error</Table.HeaderCell>
          <Table.HeaderCell>Attempts</Table.HeaderCell>
          <Table.HeaderCell>Dead-lettered</Table.HeaderCell>
          <Table.HeaderCell>Payload (masked)</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {letters.map((letter) => {
          const last = letter.attempts[letter.attempts.length - 1]
          return (
            <Table.Row key={letter.id} data-testid={`dead-letter-${letter.id}`}>
              <Table.Cell>
                <Checkbox
                  aria-label={`Select job ${letter.id}`}
                  checked={selected.has(letter.id)}
                  onCheckedChange={(checked) => onToggle(letter.id, checked === true)}
                />
              </Table.Cell>
              <Table.Cell>
                <Text size="small" weight="plus">
                  {letter.name}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {letter.id}
                </Text>
              </Table.Cell>
              <Table.Cell className="max-w-[240px] whitespace-normal text-ui-fg-error">
                <span title={letter.attempts.map((a) => `#${a.attempt} ${new Date(a.failed_at).toLocaleString()}: ${a.error}`).join("\n")}>
                  {last?.error ?? "—"}
                </span>
              </Table.Cell>
              <Table.Cell>{letter.attempts.length}</Table.Cell>
              <Table.Cell>{new Date(letter.dead_at).toLocaleString()}</Table.Cell>
              <Table.Cell className="max-w-[320px]">
                <code className="txt-compact-xsmall block truncate text-ui-fg-subtle" title={letter.payload_preview}>
                  {letter.payload_preview}
                </code>
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
