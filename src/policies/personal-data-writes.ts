import type { Core } from '@strapi/strapi';
import { personalFieldsOf } from '../domain/workflows/staff-access';
import { staffReadsOf, type StaffReader } from '../services/staff-reads';
import { forbidden } from '../utils/errors';

/**
 * A staff member who reads personal data only of the items assigned to it edits it only there:
 * on another item the content manager shows the field empty, and a value typed in it would
 * overwrite data it was never shown.
 */
export default async (
  policyContext: {
    params?: Record<string, string>;
    request?: { body?: unknown };
    state: Partial<StaffReader>;
  },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const { model = '', id = '' } = policyContext.params ?? {};
  const personal = personalFieldsOf(model);
  const body = policyContext.request?.body;
  if (personal.length === 0 || !body || typeof body !== 'object') return true;
  if (!policyContext.state.user || !policyContext.state.userAbility) return true;
  const written = personal.filter((field) => field in (body as Record<string, unknown>));
  if (written.length === 0) return true;

  const reads = staffReadsOf(strapi, policyContext.state as StaffReader);
  if ((await reads.personalReadable(model, [id])).has(id)) return true;
  throw forbidden(
    'PERSONAL_DATA_NOT_ASSIGNED',
    'Solo quien tiene asignado este registro, la coordinación o la Dirección pueden cambiar sus datos de contacto.',
    { fields: written }
  );
};
