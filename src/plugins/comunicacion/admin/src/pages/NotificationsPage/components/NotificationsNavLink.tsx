import { Badge } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { useT } from '../../../hooks/useT';
import { useUnreadCountQuery } from '../../../services/notifications';

/** «Notificaciones» in the plugin's menu, with the unread count while there is any. */
export const NotificationsNavLink = () => {
  const t = useT();
  const { data: count } = useUnreadCountQuery();

  return (
    <SubNav.Link
      to="notificaciones"
      label={t('nav.notifications', 'Notificaciones')}
      endAction={
        count ? (
          <Badge
            variant="primary"
            active
            data-testid="unread-badge"
            title={t('notifications.unreadCount', '{count} sin leer', { count })}
          >
            {count > 99 ? '99+' : count}
          </Badge>
        ) : null
      }
    />
  );
};
