import { Button, Flex, Typography } from '@strapi/design-system';
import type { AvailableTransitionDto } from '../../../shared/contracts/items';

export interface TransitionButtonsProps {
  transitions: AvailableTransitionDto[];
  onSelect: (transition: AvailableTransitionDto) => void;
  /** Extra buttons shown after the transitions (assign, upload…). */
  children?: React.ReactNode;
}

/**
 * The transitions of a state as buttons; those the rules refuse now are disabled and their reason
 * is written under them, since a disabled button cannot show a tooltip.
 */
export const TransitionButtons = ({ transitions, onSelect, children }: TransitionButtonsProps) => {
  const refused = transitions.filter((transition) => !transition.allowed && transition.reason);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} wrap="wrap">
        {transitions.map((transition) => (
          <Button
            key={transition.to}
            variant={transition.to.startsWith('cancel') ? 'danger-light' : 'secondary'}
            disabled={!transition.allowed}
            onClick={() => onSelect(transition)}
          >
            {transition.label}
          </Button>
        ))}
        {children}
      </Flex>
      {refused.map((transition) => (
        <Typography key={transition.to} variant="pi" textColor="neutral600">
          {`${transition.label}: ${transition.reason?.message}`}
        </Typography>
      ))}
    </Flex>
  );
};
