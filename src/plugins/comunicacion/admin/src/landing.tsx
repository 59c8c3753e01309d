import * as React from 'react';
import { Page, useAuth } from '@strapi/strapi/admin';
import { Navigate } from 'react-router-dom';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

/** Where staff start their day. */
export const STAFF_HOME = `/plugins/${PLUGIN_ID}/bandejas`;

const SUPER_ADMIN = 'strapi-super-admin';
const QUEUE_ACTIONS = new Set(PERMISSIONS.queues.map((permission) => permission.action));

interface RouteLike {
  index?: boolean;
  path?: string;
  lazy?: () => Promise<{ Component?: React.ComponentType } & Record<string, unknown>>;
}

/** The part of Strapi's admin app this module needs. */
export interface LandingApp {
  router: { addRoute: (update: (routes: RouteLike[]) => RouteLike[]) => void };
}

/**
 * Strapi's home page for administrators; staff who work a queue (any queue permission, not a
 * super admin) go straight to their Bandejas. The decision waits for the user's permissions.
 */
const StaffLanding = ({ Home }: { Home: React.ComponentType }) => {
  const isLoading = useAuth('StaffLanding', (state) => state.isLoading);
  const user = useAuth('StaffLanding', (state) => state.user);
  const permissions = useAuth('StaffLanding', (state) => state.permissions);

  if (isLoading || !user) return <Page.Loading />;
  const administrator = (user.roles ?? []).some((role) => role.code === SUPER_ADMIN);
  const works = permissions.some((permission) => QUEUE_ACTIONS.has(permission.action));
  if (works && !administrator) return <Navigate to={STAFF_HOME} replace />;
  return <Home />;
};

/**
 * Replaces the component of Strapi's home route (`/admin`, where the login leads) with the one
 * above. The home page itself is still Strapi's, loaded lazily as before.
 */
export const landStaffOnQueues = (app: LandingApp) => {
  app.router.addRoute((routes) =>
    routes.map((route) => {
      const load = route.lazy;
      if (!route.index || !load) return route;
      return {
        ...route,
        lazy: async () => {
          const loaded = await load();
          const Home = loaded.Component;
          if (!Home) return loaded;
          const Landing = () => <StaffLanding Home={Home} />;
          return { ...loaded, Component: Landing };
        },
      };
    })
  );
};
