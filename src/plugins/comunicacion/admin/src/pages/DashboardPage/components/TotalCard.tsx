import { Box, Flex, Typography } from '@strapi/design-system';

type Tone = 'neutral' | 'danger' | 'warning' | 'primary' | 'alternative';

interface TotalCardProps {
  /** Contract key of the total (`overdue`, `dueToday`...), used in the test id. */
  totalKey: string;
  label: string;
  value: number;
  hint: string;
  tone: Tone;
}

const TEXT_COLOR: Record<Tone, string> = {
  neutral: 'neutral800',
  danger: 'danger600',
  warning: 'warning600',
  primary: 'primary600',
  alternative: 'alternative600',
};

/** One headline figure of the Tablero; its accessible name carries the label and the number. */
export const TotalCard = ({ totalKey, label, value, hint, tone }: TotalCardProps) => {
  const labelId = `total-${totalKey}-label`;
  return (
    <Box
      role="group"
      aria-labelledby={labelId}
      aria-describedby={`total-${totalKey}-hint`}
      data-testid={`total-${totalKey}`}
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={5}
      flex="1 1 180px"
      minWidth="180px"
    >
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Typography id={labelId} variant="sigma" textColor="neutral600">
          {label}
        </Typography>
        <Typography
          tag="p"
          variant="alpha"
          textColor={value > 0 ? TEXT_COLOR[tone] : 'neutral800'}
          data-testid={`total-${totalKey}-value`}
          aria-label={`${label}: ${value}`}
        >
          {value}
        </Typography>
        <Typography id={`total-${totalKey}-hint`} variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      </Flex>
    </Box>
  );
};
