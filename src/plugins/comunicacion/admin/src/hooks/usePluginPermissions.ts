import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';

const ACTIONS = [
  ...PERMISSIONS.fireTransitions,
  ...PERMISSIONS.assign,
  ...PERMISSIONS.acceptLate,
  ...PERMISSIONS.proposals,
  ...PERMISSIONS.oficios,
  ...PERMISSIONS.publish,
];

/** Which item actions the logged-in staff member holds (the server checks them again). */
export const usePluginPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(ACTIONS);
  return {
    isLoading,
    canFireTransitions: Boolean(allowedActions.canFire),
    canAssign: Boolean(allowedActions.canAssign),
    canAcceptLate: Boolean(allowedActions.canAcceptLate),
    canUploadProposals: Boolean(allowedActions.canProposals),
    canReadOficios: Boolean(allowedActions.canRead),
    /** Publish to the site, verify, withdraw and retry its notices. */
    canPublish: Boolean(allowedActions.canPublish),
  };
};
