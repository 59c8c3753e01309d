import { factories } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import { WORK_ITEM_KEYS, type WorkItemKey } from '../../../domain/workflows';
import {
  SERVICE_FIELDS as DOMAIN_SERVICE_FIELDS,
  MAX_SERVICES_PER_OFICIO,
  TOO_MANY_SERVICES_MESSAGE,
} from '../../../domain/workflows/intake-requirements';
import { SYSTEM_ACTOR } from '../../../services/write-context';
import { getService } from '../../../utils/get-service';
import { requireArea } from '../../../utils/area-scope';
import { invalid } from '../../../utils/errors';
import { validateInput } from '../../../utils/validation';
import { scopeReads } from '../../workflow/scoped-controller';
import { ADDRESSEE_LABELS } from '../../../domain/workflows/intake-values';

const UID_OFICIO = 'api::oficio.oficio';

/** Media attributes of the services: not given through this door. */
const FILE_FIELDS = ['attachments', 'file'];

/**
 * What an area may say about each service it requests through this door (the domain's list, files
 * aside: they come with the portal's upload); everything else the office decides. An advisory is
 * for the organismo auxiliar that asks for it: the `advisory-organism` rule refuses anyone else.
 */
const SERVICE_FIELDS: Record<string, readonly string[]> = Object.fromEntries(
  WORK_ITEM_KEYS.map((key) => [
    key,
    DOMAIN_SERVICE_FIELDS[key].filter((field) => !FILE_FIELDS.includes(field)),
  ])
);

const oficioSchema = yup
  .object({
    subject: yup.string().trim().required('Escribe el asunto del oficio.').max(300),
    senderReference: yup.string().trim().max(80).nullable(),
    summary: yup.string().trim().max(5000).nullable(),
    channel: yup.string().oneOf(['fisico', 'digital']).nullable(),
    addressedTo: yup
      .string()
      .oneOf(
        Object.keys(ADDRESSEE_LABELS),
        `Indica a quién va dirigido el oficio: ${Object.keys(ADDRESSEE_LABELS).join(' o ')}.`
      )
      .nullable(),
    // A list of known codes: the `known-lists` rule names what is wrong with it.
    copiedTo: yup.mixed().nullable(),
    requesterName: yup.string().trim().max(200).nullable(),
    requesterPhone: yup.string().trim().max(40).nullable(),
    requesterEmail: yup.string().trim().email('El correo de contacto no es válido.').nullable(),
    requesterAddress: yup.string().trim().max(1000).nullable(),
    services: yup
      .array()
      .of(
        yup
          .object({
            type: yup
              .string()
              .oneOf(Object.keys(SERVICE_FIELDS), 'Servicio desconocido: ${value}.')
              .required('Indica el tipo de cada servicio.'),
            title: yup.string().trim().required('Cada servicio necesita un título.').max(200),
          })
          .test('known-fields', 'Campo no admitido en el servicio.', function check(service) {
            const allowed = new Set(['type', ...(SERVICE_FIELDS[String(service?.type)] ?? [])]);
            const unknown = Object.keys(service ?? {}).filter((key) => !allowed.has(key));
            return unknown.length === 0
              ? true
              : this.createError({
                  message: `Campo no admitido en el servicio: ${unknown.join(', ')}.`,
                });
          })
      )
      .min(1, 'Pide al menos un servicio en el oficio.')
      .max(MAX_SERVICES_PER_OFICIO, TOO_MANY_SERVICES_MESSAGE)
      .required('Pide al menos un servicio en el oficio.'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

type ServiceInput = { type: string; title: string } & Record<string, unknown>;

export default factories.createCoreController(UID_OFICIO, ({ strapi }) => {
  const scope = scopeReads(strapi, UID_OFICIO, {
    areaPath: (areaId) => ({ area: { id: areaId } }),
    populate: {
      designs: true,
      coverageEvents: true,
      socialPosts: true,
      webPublications: true,
      transparencyDocuments: true,
      emailAccountRequests: true,
      advisories: true,
    },
  });

  return {
    async find(ctx) {
      return scope.find(this, ctx);
    },
    async findOne(ctx) {
      return scope.findOne(this, ctx);
    },

    /**
     * POST /api/oficios — an area files an oficio with the services it asks for. The area comes
     * from the account, never from the body; the answer carries the folio and, per service, whether
     * its lead time was met and the earliest date that would have met it.
     */
    async create(ctx) {
      const area = await requireArea(strapi, ctx);
      const raw = (ctx.request.body as { data?: unknown })?.data;
      const unknownKeys = Object.keys((raw ?? {}) as object).filter(
        (key) => !(key in oficioSchema.fields)
      );
      if (unknownKeys.length > 0) {
        throw invalid('INVALID_REQUEST', `Campo no admitido: ${unknownKeys.join(', ')}.`, {
          fields: unknownKeys,
        });
      }
      const input = await validateInput<yup.InferType<typeof oficioSchema>>(oficioSchema, raw);
      const { services, ...oficioData } = input as typeof input & { services: ServiceInput[] };
      const user = ctx.state.user as { id: number; username?: string; email?: string };
      const actor = {
        kind: 'api' as const,
        roles: ['area' as const],
        id: user.id,
        name: `${area.name} (${user.username ?? user.email ?? user.id})`,
      };

      const registration = getService('oficio-registration', strapi);
      const data = [];
      for (const { type, ...fields } of services) {
        if (type === 'design' && 'logos' in fields) {
          fields.logos = await registration.logoChoices(fields.logos);
        }
        data.push({ workflow: type as WorkItemKey, fields });
      }
      const registered = await registration.register({
        actor,
        // Registered with the oficio on the area's behalf: the office's intake, not a staff act.
        itemActor: SYSTEM_ACTOR,
        area,
        oficio: {
          ...oficioData,
          channel: oficioData.channel ?? 'digital',
          receivedAt: new Date().toISOString(),
        },
        services: data,
        // The area completes what it left blank from its portal; the office asks for it if not.
        holdWhenIncomplete: false,
      });
      const result = {
        documentId: registered.documentId,
        folio: registered.folio,
        receivedAt: registered.receivedAt,
        receptionDay: registered.receptionDay,
        workflowStatus: registered.status,
        isLate: registered.isLate,
        area: { documentId: area.documentId, name: area.name },
        services: registered.services.map((service) => ({
          type: service.workflow,
          documentId: service.documentId,
          title: service.title,
          workflowStatus: service.status,
          leadTimeMet: service.leadTimeMet,
          earliestAllowedDate: service.earliestAllowedDate,
          dueAt: service.dueAt,
          // What the service still needs before its work may start (SPEC §2).
          missing: service.missing,
        })),
      };

      ctx.status = 201;
      ctx.body = { data: result };
    },
  };
});
