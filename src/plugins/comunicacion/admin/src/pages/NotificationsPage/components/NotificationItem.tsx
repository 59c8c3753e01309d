import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { NotificationDto } from '../../../../../shared/contracts/notifications';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { relativeTime } from '../utils/relativeTime';

export interface NotificationItemProps {
  notification: NotificationDto;
  now: number;
  /** Whether a request to mark it read is in flight. */
  busy: boolean;
  onMarkRead: (notification: NotificationDto) => void;
  /** Opening the linked item also counts as reading the notice. */
  onOpen: (notification: NotificationDto) => void;
}

/** Only paths inside the admin are followed; anything else is shown as text. */
const adminPath = (link: string | null) =>
  link && link.startsWith('/') && !link.startsWith('//') ? link : null;

/** One notice: unread ones stand out, with when it arrived and what it is about. */
export const NotificationItem = ({
  notification,
  now,
  busy,
  onMarkRead,
  onOpen,
}: NotificationItemProps) => {
  const t = useT();
  const { formatRelativeTime } = useIntl();
  const { dateTime } = useFormatters();
  const unread = notification.readAt === null;
  const ago = relativeTime(notification.createdAt, now);
  const link = adminPath(notification.link);

  return (
    <Box
      tag="li"
      aria-label={notification.title}
      data-unread={unread}
      hasRadius
      shadow="tableShadow"
      background={unread ? 'primary100' : 'neutral0'}
      borderColor={unread ? 'primary200' : 'neutral150'}
      borderStyle="solid"
      borderWidth="1px"
      padding={4}
    >
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Flex gap={2} wrap="wrap">
            {unread && (
              <Badge variant="primary" size="S">
                {t('notifications.new', 'Nueva')}
              </Badge>
            )}
            <Typography
              tag="h2"
              variant="omega"
              fontWeight={unread ? 'bold' : 'regular'}
              textColor="neutral800"
            >
              {notification.title}
            </Typography>
          </Flex>
          <Typography variant="omega" textColor="neutral700" style={{ whiteSpace: 'pre-line' }}>
            {notification.body}
          </Typography>
          <Flex gap={3} wrap="wrap">
            <Typography variant="pi" textColor="neutral600">
              <time
                dateTime={notification.createdAt}
                title={dateTime(notification.createdAt) ?? ''}
              >
                {formatRelativeTime(ago.value, ago.unit, { numeric: 'auto' })}
              </time>
              {' · '}
              {dateTime(notification.createdAt)}
            </Typography>
            {link && (
              <Link tag={NavLink} to={link} onClick={() => onOpen(notification)}>
                {t('notifications.open', 'Ver el trabajo')}
              </Link>
            )}
          </Flex>
        </Flex>
        {unread && (
          <Box flex="none">
            <Button
              variant="tertiary"
              size="S"
              startIcon={<Check />}
              loading={busy}
              onClick={() => onMarkRead(notification)}
            >
              {t('notifications.markRead', 'Marcar como leída')}
            </Button>
          </Box>
        )}
      </Flex>
    </Box>
  );
};
