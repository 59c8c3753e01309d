import { Badge, type BadgeProps } from '@strapi/design-system';

type Variant = NonNullable<BadgeProps['variant']>;

// Colour follows what the state means to staff: done, waiting on someone else, stopped.
const DONE =
  /^(aprobado|entregad[ao]|publicad[ao]|verificad[ao]|respondida|atendido|cubierta|creada)$/;
const WAITING = /^(en_revision|con_observaciones|informacion_incompleta|autorizada|programada)$/;
const STOPPED = /^(cancelad[ao]|rechazad[ao]|retirada)$/;

const variantOf = (status: string): Variant => {
  if (DONE.test(status)) return 'success';
  if (WAITING.test(status)) return 'warning';
  if (STOPPED.test(status)) return 'neutral';
  return 'secondary';
};

/**
 * A badge's colours by meaning, readable at the 4.5:1 WCAG AA asks of small text: the design
 * system's variants draw `…700` on `…200`, below it for danger, warning and alternative.
 */
export const badgeTone = (variant: Variant) => ({
  backgroundColor: `${variant}100`,
  // No warning shade is dark enough on a light background: the text stays neutral.
  textColor: variant === 'warning' ? 'neutral800' : `${variant}700`,
});

export interface StatusBadgeProps {
  /** Workflow state value, e.g. `en_diseno`. */
  status: string;
  /** Spanish label the server sent, e.g. «En diseño». */
  label: string;
}

/** A workflow state as a coloured badge. */
export const StatusBadge = ({ status, label }: StatusBadgeProps) => (
  <Badge {...badgeTone(variantOf(status))} data-status={status}>
    {label}
  </Badge>
);
