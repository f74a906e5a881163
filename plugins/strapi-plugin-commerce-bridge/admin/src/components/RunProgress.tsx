import { Box } from '@strapi/design-system';

interface RunProgressProps {
  percent: number;
  tone: 'primary600' | 'success500' | 'warning500' | 'danger500';
  labelledBy: string;
}

/** A full-width bar: the design system's ProgressBar is a fixed-width light bar meant for dark media cards. */
export const RunProgress = ({ percent, tone, labelledBy }: RunProgressProps) => (
  <Box
    role="progressbar"
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={percent}
    aria-labelledby={labelledBy}
    background="neutral150"
    hasRadius
    height="0.8rem"
    overflow="hidden"
    width="100%"
  >
    <Box background={tone} height="100%" style={{ width: `${percent}%`, transition: 'width 300ms ease-out' }} />
  </Box>
);
