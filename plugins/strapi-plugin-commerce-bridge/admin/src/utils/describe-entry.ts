import type { SyncLogEntry } from '../api/types';

const count = (value: unknown) => (typeof value === 'number' ? value : 0);

/** The error of a failed entry, or what its details say happened. */
export function describeEntry(entry: SyncLogEntry): string {
  if (entry.error) return entry.error;
  const details = entry.details ?? {};
  if (details.deleted) return 'Deleted in Medusa, removed here';
  if (typeof details.reason === 'string') return details.reason;
  if (details.stored === false) return 'Medusa already held this content';
  if (details.stored === true) return 'Stored in Medusa';
  if (details.removed === true) return 'Medusa stopped serving this content';
  if (details.removed === false) return 'Medusa held no content for it';
  if (typeof details.count === 'number') {
    return `${details.count} received: ${count(details.created)} created, ${count(details.changed)} changed`;
  }
  return '';
}
