import { ROLE_LABELS, type Role } from '../app-domain';

/** Spanish name of an admin role code: `cs-disenador-senior` → «Diseñador(a) Senior». */
export const roleLabel = (code: string): string => {
  if (code === 'strapi-super-admin') return 'Superadministrador(a)';
  const role = code.replace(/^cs-/, '').replace(/-/g, '_') as Role;
  return ROLE_LABELS[role] ?? code;
};
