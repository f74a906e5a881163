const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const shortDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');

/** Table cells: the time alone for today, a short date and time otherwise (the full one goes in a title). */
export const formatCompact = (iso: string | null | undefined) => {
  if (!iso) return '—';
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? timeOnly.format(date) : shortDateTime.format(date);
};

export const DIRECTION_LABELS = { to_medusa: 'To Medusa', from_medusa: 'From Medusa' } as const;

export const OUTCOME_LABELS = { pending: 'Pending', succeeded: 'Succeeded', skipped: 'Skipped', failed: 'Failed' } as const;

export const ENTITY_LABELS = { product: 'Product', category: 'Category', collection: 'Collection' } as const;

export const TRIGGER_LABELS: Record<string, string> = {
  publish: 'Publish',
  manual: 'Manual sync',
  push_all: 'Push all',
  retry: 'Retry',
  catalogue: 'Catalogue',
  unpublish: 'Unpublish',
  delete: 'Delete',
};

export const SOURCE_LABELS = { admin: 'saved on this settings page', config: 'from the plugin config (config/plugins)' } as const;
