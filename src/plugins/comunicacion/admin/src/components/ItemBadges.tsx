import { Badge, Flex } from '@strapi/design-system';
import type { ItemBadges as ItemBadgesDto } from '../../../shared/contracts/common';
import { useT } from '../hooks/useT';
import { badgeTone } from './StatusBadge';

export interface ItemBadgesProps {
  badges: ItemBadgesDto;
}

/** Vencido, vence hoy, extemporáneo (por aceptar) and en pausa, as small badges. */
export const ItemBadges = ({ badges }: ItemBadgesProps) => {
  const t = useT();
  const shown = [
    badges.overdue && (
      <Badge key="overdue" {...badgeTone('danger')} data-badge="overdue">
        {t('badges.overdue', 'Vencido')}
      </Badge>
    ),
    badges.dueToday && (
      <Badge key="dueToday" {...badgeTone('warning')} data-badge="dueToday">
        {t('badges.dueToday', 'Vence hoy')}
      </Badge>
    ),
    badges.awaitingLateAcceptance ? (
      <Badge key="late" {...badgeTone('warning')} data-badge="awaitingLateAcceptance">
        {t('badges.awaitingLateAcceptance', 'Extemporáneo · por aceptar')}
      </Badge>
    ) : (
      badges.late && (
        <Badge key="late" {...badgeTone('alternative')} data-badge="late">
          {t('badges.late', 'Extemporáneo')}
        </Badge>
      )
    ),
    badges.paused && (
      <Badge key="paused" {...badgeTone('secondary')} data-badge="paused">
        {t('badges.paused', 'En pausa')}
      </Badge>
    ),
  ].filter(Boolean);

  if (!shown.length) return null;
  return (
    <Flex gap={1} wrap="wrap">
      {shown}
    </Flex>
  );
};
