import { PERMISSIONS } from '../permissions';

const guarded = (action: string) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: [action] } },
  ],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/transitions',
        handler: 'transitions.fire',
        config: guarded(PERMISSIONS.fireTransitions),
      },
    ],
  },
};
