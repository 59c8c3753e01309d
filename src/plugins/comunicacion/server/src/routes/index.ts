import { PERMISSIONS } from '../permissions';

/** Logged-in admin holding every listed action. */
const guarded = (...actions: string[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    ...(actions.length ? [{ name: 'admin::hasPermissions', config: { actions } }] : []),
  ],
});

const route = (method: string, path: string, handler: string, config: object) => ({
  method,
  path,
  handler,
  config,
});

export default {
  admin: {
    type: 'admin',
    routes: [
      route('GET', '/meta', 'meta.get', guarded()),
      // Each queue checks its own permission (queues.<key>.read) in the controller.
      route('GET', '/queues', 'queues.list', guarded()),
      route('GET', '/queues/:key', 'queues.get', guarded()),
      route('GET', '/queues/:key/export', 'queues.export', guarded()),
      route('GET', '/dashboard', 'dashboard.get', guarded(PERMISSIONS.dashboard)),
      route('GET', '/dashboard/export', 'dashboard.export', guarded(PERMISSIONS.dashboard)),
      route('GET', '/calendar', 'calendar.get', guarded(PERMISSIONS.calendar)),
      route('GET', '/calendar/feed', 'calendar.feed', guarded(PERMISSIONS.calendar)),
      route('POST', '/calendar/feed/rotate', 'calendar.rotateFeed', guarded(PERMISSIONS.calendar)),
      // Before /oficios/:documentId, so «export» is not read as a documentId.
      route('GET', '/oficios', 'oficios.search', guarded(PERMISSIONS.oficios)),
      route('GET', '/oficios/export', 'oficios.export', guarded(PERMISSIONS.oficios)),
      route('GET', '/oficios/:documentId', 'oficios.get', guarded(PERMISSIONS.oficios)),
      route(
        'POST',
        '/oficios/:documentId/accept-late',
        'oficios.acceptLate',
        guarded(PERMISSIONS.acceptLate)
      ),
      route('GET', '/items/transitions', 'items.transitions', guarded()),
      route('POST', '/items/assign', 'items.assign', guarded(PERMISSIONS.assign)),
      route(
        'POST',
        '/designs/:documentId/proposals',
        'items.addProposal',
        guarded(PERMISSIONS.proposals)
      ),
      route('POST', '/transitions', 'transitions.fire', guarded(PERMISSIONS.fireTransitions)),
      route('GET', '/holidays', 'configuration.listHolidays', guarded(PERMISSIONS.holidays)),
      route('POST', '/holidays', 'configuration.createHoliday', guarded(PERMISSIONS.holidays)),
      route(
        'PUT',
        '/holidays/:documentId',
        'configuration.updateHoliday',
        guarded(PERMISSIONS.holidays)
      ),
      route(
        'DELETE',
        '/holidays/:documentId',
        'configuration.deleteHoliday',
        guarded(PERMISSIONS.holidays)
      ),
      route('GET', '/settings', 'configuration.getSettings', guarded(PERMISSIONS.settings)),
      route('PUT', '/settings', 'configuration.updateSettings', guarded(PERMISSIONS.settings)),
      // Every logged-in admin has notices; each one only reads and marks their own.
      route('GET', '/notifications', 'notifications.list', guarded()),
      route('GET', '/notifications/unread-count', 'notifications.unreadCount', guarded()),
      route('POST', '/notifications/read', 'notifications.markRead', guarded()),
      route('POST', '/notifications/read-all', 'notifications.markAllRead', guarded()),
      route('GET', '/surveys', 'surveys.list', guarded(PERMISSIONS.surveys)),
      route('GET', '/surveys/:documentId/results', 'surveys.results', guarded(PERMISSIONS.surveys)),
      route(
        'GET',
        '/surveys/:documentId/responses.csv',
        'surveys.responsesCsv',
        guarded(PERMISSIONS.surveys)
      ),
      route('POST', '/publications/publish', 'publications.publish', guarded(PERMISSIONS.publish)),
      route('POST', '/publications/verify', 'publications.verify', guarded(PERMISSIONS.publish)),
      route(
        'POST',
        '/publications/withdraw',
        'publications.withdraw',
        guarded(PERMISSIONS.publish)
      ),
      // site.publish or site.deliveries.read: checked in the controller.
      route('GET', '/publications/status', 'publications.status', guarded()),
      route(
        'GET',
        '/site/deliveries',
        'publications.deliveries',
        guarded(PERMISSIONS.siteDeliveries)
      ),
      route(
        'POST',
        '/site/deliveries/:id/retry',
        'publications.retry',
        guarded(PERMISSIONS.publish)
      ),
      route(
        'GET',
        '/transparency/obligations',
        'transparency.obligations',
        guarded(PERMISSIONS.transparency)
      ),
      route('GET', '/intake/form', 'intake.form', guarded(PERMISSIONS.register)),
      route('POST', '/intake/lead-time', 'intake.leadTime', guarded(PERMISSIONS.register)),
      route('POST', '/oficios', 'intake.register', guarded(PERMISSIONS.register)),
      route(
        'POST',
        '/oficios/:documentId/services',
        'intake.addService',
        guarded(PERMISSIONS.register)
      ),
      route('GET', '/oficios/:documentId/acuse', 'intake.acuse', guarded(PERMISSIONS.oficios)),
      // Who may complete an item's data is its content type's update permission: checked inside.
      route('GET', '/items/:workflow/:documentId/form', 'intake.itemForm', guarded()),
      route('PUT', '/items/:workflow/:documentId', 'intake.completeItem', guarded()),
      // Whether the file's record may be read is checked inside (404 otherwise).
      route('GET', '/files/:id', 'files.get', guarded(PERMISSIONS.oficios)),
      route('GET', '/area-accounts', 'area-accounts.list', guarded(PERMISSIONS.areaAccounts)),
      route('POST', '/area-accounts', 'area-accounts.create', guarded(PERMISSIONS.areaAccounts)),
      route(
        'POST',
        '/area-accounts/:documentId/invitation',
        'area-accounts.resendInvitation',
        guarded(PERMISSIONS.areaAccounts)
      ),
      route(
        'POST',
        '/area-accounts/:documentId/deactivate',
        'area-accounts.deactivate',
        guarded(PERMISSIONS.areaAccounts)
      ),
      route(
        'POST',
        '/area-accounts/:documentId/reactivate',
        'area-accounts.reactivate',
        guarded(PERMISSIONS.areaAccounts)
      ),
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      // The token in the path is the key: phones subscribe without logging in.
      route('GET', '/calendar/:token', 'calendar.ical', { auth: false }),
    ],
  },
};
