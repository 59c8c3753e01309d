import { Box, Flex, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';

type Tone = 'neutral' | 'danger' | 'warning' | 'primary' | 'alternative';

interface TotalCardProps {
  /** Contract key of the total (`overdue`, `dueToday`...), used in the test id. */
  totalKey: string;
  label: string;
  value: number;
  hint: string;
  tone: Tone;
  /** Where the figure's items are listed (a Bandejas queue with its filters). */
  to?: string | null;
}

const TEXT_COLOR: Record<Tone, string> = {
  neutral: 'neutral800',
  danger: 'danger600',
  warning: 'warning700',
  primary: 'primary600',
  alternative: 'alternative600',
};

/** The whole card answers the click; the link itself is the figure, named «Vencidos: 3». */
const CardLink = styled(RouterLink)`
  color: inherit;
  text-decoration: none;

  &::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: ${({ theme }) => theme.borderRadius};
  }

  &:focus-visible {
    outline: none;
  }
  &:focus-visible::after {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const Card = styled(Box)<{ $linked: boolean }>`
  position: relative;
  ${({ $linked, theme }) =>
    $linked
      ? `&:hover { box-shadow: ${theme.shadows.filterShadow}; background: ${theme.colors.primary100}; }`
      : ''}
`;

/** One headline figure of the Tablero; its accessible name carries the label and the number. */
export const TotalCard = ({ totalKey, label, value, hint, tone, to }: TotalCardProps) => {
  const labelId = `total-${totalKey}-label`;
  const figure = (
    <Typography
      tag="span"
      variant="alpha"
      textColor={value > 0 ? TEXT_COLOR[tone] : 'neutral800'}
      data-testid={`total-${totalKey}-value`}
    >
      {value}
    </Typography>
  );
  return (
    <Card
      $linked={Boolean(to)}
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
        {to ? (
          <CardLink
            to={to}
            aria-label={`${label}: ${value}`}
            data-testid={`total-${totalKey}-link`}
          >
            {figure}
          </CardLink>
        ) : (
          <p>{figure}</p>
        )}
        <Typography id={`total-${totalKey}-hint`} variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      </Flex>
    </Card>
  );
};
