import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

const ALL = 'all';

interface FilterSelectProps<T extends string> {
  /** `commerce-bridge-filter-<name>` on the wrapper, `commerce-bridge-filter-<name>-input` on the combobox. */
  name: string;
  label: string;
  allLabel: string;
  options: Record<T, string>;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}

/** A labelled select whose first option removes the filter ("all" stands in: options cannot be empty). */
export function FilterSelect<T extends string>({ name, label, allLabel, options, value, onChange }: FilterSelectProps<T>) {
  const id = `commerce-bridge-filter-${name}`;
  return (
    <Box minWidth="18rem" data-testid={id}>
      <Field.Root id={`${id}-input`} name={name}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect
          size="S"
          value={value ?? ALL}
          onChange={(next: string | number) => onChange(next === ALL ? undefined : (String(next) as T))}
        >
          <SingleSelectOption value={ALL}>{allLabel}</SingleSelectOption>
          {(Object.entries(options) as [T, string][]).map(([optionValue, optionLabel]) => (
            <SingleSelectOption key={optionValue} value={optionValue}>
              {optionLabel}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
}
