import { Badge, Flex, Typography } from '@strapi/design-system';
import type { ObligationWarningDto } from '../../../../../shared/contracts/transparency';
import { badgeTone } from '../../../components/StatusBadge';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { STATUSES } from '../utils/labels';

type Props = { obligation: ObligationWarningDto };

/** «Art. 92, fr. II» over the law's version; the law's long name shows on hover. */
export const ObligationReference = ({ obligation }: Props) => {
  const t = useT();
  const law = obligation.lawVersion
    ? `${obligation.law} (${obligation.lawVersion})`
    : obligation.law;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} title={law}>
      <Typography fontWeight="semiBold" data-testid="obligation-reference">
        {t('transparency.reference', 'Art. {article}, fr. {fraccion}', {
          article: obligation.article,
          fraccion: obligation.fraccion,
        })}
      </Typography>
      {obligation.lawVersion && (
        <Typography variant="pi" textColor="neutral600">
          {obligation.lawVersion}
        </Typography>
      )}
    </Flex>
  );
};

/** What the obligation is and who updates it. */
export const ObligationTitle = ({ obligation }: Props) => (
  <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="320px">
    {/* Table cells do not wrap; an obligation's name is worth two lines. */}
    <Typography style={{ whiteSpace: 'normal' }}>{obligation.title}</Typography>
    {obligation.responsibleArea && (
      <Typography variant="pi" textColor="neutral600">
        {obligation.responsibleArea}
      </Typography>
    )}
  </Flex>
);

export const ObligationStatusBadge = ({ obligation }: Props) => {
  const t = useT();
  const status = STATUSES[obligation.status];
  return (
    <Badge {...badgeTone(status.variant)} data-status={obligation.status}>
      {t(status.id, status.label)}
    </Badge>
  );
};

/** The deadline and how far it is, in the status's colour. */
export const Deadline = ({ obligation }: Props) => {
  const t = useT();
  const { day } = useFormatters();
  const { daysLeft } = obligation;
  const distance =
    daysLeft === null
      ? null
      : daysLeft < 0
        ? t('transparency.daysOverdue', 'Venció hace {days, plural, one {# día} other {# días}}', {
            days: -daysLeft,
          })
        : daysLeft === 0
          ? t('transparency.dueToday', 'Vence hoy')
          : t('transparency.daysLeft', 'Faltan {days, plural, one {# día} other {# días}}', {
              days: daysLeft,
            });
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography>{day(obligation.deadline)}</Typography>
      {distance && (
        <Typography
          variant="pi"
          fontWeight="semiBold"
          textColor={STATUSES[obligation.status].color}
          data-testid="days-left"
        >
          {distance}
        </Typography>
      )}
    </Flex>
  );
};

/** The published document with the latest period, or a note that there is none. */
export const LatestDocument = ({ obligation }: Props) => {
  const t = useT();
  const { day } = useFormatters();
  const latest = obligation.latestDocument;
  if (!latest) {
    return (
      <Typography textColor="neutral600">
        {t('transparency.noDocument', 'Ninguno publicado')}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={1} maxWidth="240px">
      <Typography ellipsis title={latest.title}>
        {latest.title}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('transparency.coversUntil', 'Cubre hasta el {date}', {
          date: day(latest.periodEnd) ?? latest.periodEnd,
        })}
      </Typography>
    </Flex>
  );
};
