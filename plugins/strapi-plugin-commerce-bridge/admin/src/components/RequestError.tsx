import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';

interface RequestErrorProps {
  message: string;
  onRetry?: () => void;
  testId?: string;
}

/** A failed fetch: its readable message and a way to try again. */
export const RequestError = ({ message, onRetry, testId }: RequestErrorProps) => (
  <Box role="alert" padding={4} hasRadius background="danger100" borderColor="danger200" data-testid={testId}>
    <Flex gap={3} justifyContent="space-between" alignItems="center" wrap="wrap">
      <Flex gap={2} alignItems="center">
        <WarningCircle fill="danger600" aria-hidden />
        <Typography textColor="danger700">{message}</Typography>
      </Flex>
      {onRetry && (
        <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} onClick={onRetry}>
          Try again
        </Button>
      )}
    </Flex>
  </Box>
);
