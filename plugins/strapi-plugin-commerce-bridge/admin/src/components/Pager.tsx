import { Button, Flex, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import type { Pagination } from '../api/types';

interface PagerProps {
  pagination: Pagination;
  onPage: (page: number) => void;
  disabled?: boolean;
}

export const Pager = ({ pagination, onPage, disabled }: PagerProps) => {
  const { page, pageCount, total } = pagination;
  const lastPage = Math.max(pageCount, 1);
  return (
    <Flex tag="nav" aria-label="Sync log pages" justifyContent="space-between" alignItems="center" paddingTop={4} gap={4}>
      <Typography variant="pi" textColor="neutral600" data-testid="commerce-bridge-log-page">
        Page {page} of {lastPage} · {total} {total === 1 ? 'entry' : 'entries'}
      </Typography>
      <Flex gap={2}>
        <Button variant="tertiary" size="S" startIcon={<ChevronLeft />} disabled={disabled || page <= 1} onClick={() => onPage(page - 1)} data-testid="commerce-bridge-log-previous">
          Previous page
        </Button>
        <Button variant="tertiary" size="S" endIcon={<ChevronRight />} disabled={disabled || page >= lastPage} onClick={() => onPage(page + 1)} data-testid="commerce-bridge-log-next">
          Next page
        </Button>
      </Flex>
    </Flex>
  );
};
