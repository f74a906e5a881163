import { Badge } from '@strapi/design-system';
import type { Outcome } from '../api/types';
import { OUTCOME_LABELS } from '../utils/format';

const VARIANTS = { pending: 'secondary', succeeded: 'success', skipped: 'neutral', failed: 'danger' } as const;

export const OutcomeBadge = ({ outcome }: { outcome: Outcome }) => (
  <Badge variant={VARIANTS[outcome] ?? 'neutral'} data-testid="commerce-bridge-outcome">
    {OUTCOME_LABELS[outcome] ?? outcome}
  </Badge>
);
