import { factories, type UID } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import { WORKFLOW_UIDS, type WorkflowKey } from '../../../domain/workflows';
import { runAs, SYSTEM_ACTOR } from '../../../services/write-context';
import { requireArea } from '../../../utils/area-scope';
import { invalid } from '../../../utils/errors';
import { validateInput } from '../../../utils/validation';
import { scopeReads } from '../../workflow/scoped-controller';
import { ADDRESSEE_LABELS } from '../../../domain/workflows/intake-values';

const UID_OFICIO = 'api::oficio.oficio';

/** What an area may say about each service it requests; everything else the office decides. */
const SERVICE_FIELDS: Record<string, readonly string[]> = {
  design: [
    'title',
    'medium',
    'eventName',
    'eventDate',
    'eventTime',
    'place',
    'specification',
    'responsiblePerson',
    'requirements',
    'logos',
    'contactPhone',
    'officeAddress',
  ],
  'coverage-event': ['title', 'eventName', 'startsAt', 'endsAt', 'place', 'deliverables'],
  'social-post': ['title', 'text', 'eventDate', 'networks'],
  'web-publication': ['title', 'section', 'summary', 'body', 'wantedDate', 'isNews'],
  'transparency-document': [
    'title',
    'law',
    'lawVersion',
    'article',
    'fraccion',
    'ejercicio',
    'periodStart',
    'periodEnd',
    'responsibleArea',
    'note',
    'body',
    'wantedDate',
  ],
  'email-account-request': ['title', 'kind', 'personName', 'personPosition', 'requestedAddress'],
};

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

  /**
   * The logos an area asks for, as documentIds of the catalogue in the order they go on the
   * design, turned into the design's ordered list. An unknown logo is refused here; an inactive
   * one by the `logo-active` rule.
   */
  const logoChoices = async (given: unknown) => {
    if (given === null || given === undefined) return [];
    const ids = Array.isArray(given) ? given : [given];
    if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
      throw invalid(
        'INVALID_REQUEST',
        'Los logotipos van en una lista con el identificador (documentId) de cada logotipo del ' +
          'catálogo, en el orden en que deben aparecer.',
        { fields: ['logos'] }
      );
    }
    const found = (await strapi.db.query('api::logo.logo').findMany({
      where: { documentId: { $in: ids } },
      select: ['documentId'],
    })) as { documentId: string }[];
    const known = new Set(found.map((logo) => logo.documentId));
    const unknown = (ids as string[]).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalid(
        'INVALID_REQUEST',
        `No existe en el catálogo el logotipo ${unknown.map((id) => `«${id}»`).join(', ')}: ` +
          'consulta los logotipos en /api/logos.',
        { fields: ['logos'], unknown }
      );
    }
    return (ids as string[]).map((logo) => ({ logo }));
  };

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

      const result = await strapi.db.transaction(async () => {
        const oficio = (await runAs(actor, () =>
          strapi.documents(UID_OFICIO).create({
            data: {
              ...oficioData,
              channel: oficioData.channel ?? 'digital',
              receivedAt: new Date().toISOString(),
              area: area.id,
            } as never,
          })
        )) as unknown as Record<string, unknown> & { documentId: string };

        const created = [];
        for (const service of services) {
          const { type, ...fields } = service;
          if (type === 'design' && 'logos' in fields)
            fields.logos = await logoChoices(fields.logos);
          const uid = WORKFLOW_UIDS[type as WorkflowKey] as UID.ContentType;
          // Registered with the oficio on the area's behalf: the office's intake, not a staff act.
          const item = (await runAs(
            SYSTEM_ACTOR,
            () =>
              strapi
                .documents(uid)
                .create({ data: { ...fields, oficio: oficio.documentId } as never }),
            `Solicitado en el oficio ${String(oficio.folio)}`
          )) as unknown as Record<string, unknown>;
          created.push({
            type,
            documentId: item.documentId,
            title: item.title,
            workflowStatus: item.workflowStatus,
            leadTimeMet: item.leadTimeMet ?? null,
            earliestAllowedDate: item.earliestAllowedDate ?? null,
            dueAt: item.dueAt ?? null,
          });
        }
        const stored = (await strapi.db.query(UID_OFICIO).findOne({
          where: { documentId: oficio.documentId },
          select: ['documentId', 'folio', 'receivedAt', 'receptionDay', 'workflowStatus', 'isLate'],
        })) as Record<string, unknown>;
        return {
          ...stored,
          area: { documentId: area.documentId, name: area.name },
          services: created,
        };
      });

      ctx.status = 201;
      ctx.body = { data: result };
    },
  };
});
