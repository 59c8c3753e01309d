import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import {
  ADDRESSEE_LABELS,
  COPY_LABELS,
  LFT_MIN_YEAR,
  MAX_SERVICES_PER_OFICIO,
  TOO_MANY_SERVICES_MESSAGE,
  adminActor,
  invalid,
  validateInput,
} from '../app';
import type {
  AddService,
  CompleteItem,
  GetIntakeForm,
  GetItemForm,
  PreviewLeadTime,
  RegisterOficio,
} from '../../../shared/contracts/intake';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** yup's own trim() throws on a value that is not a string; this leaves it to the type check. */
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : trimmed(value);

const text = (label: string, max: number) =>
  yup
    .string()
    .typeError(`${label}: debe ser un texto.`)
    .transform(blankToNull)
    .max(max, `${label}: admite hasta ${max} caracteres.`)
    .nullable();

// Registration may be a few minutes behind the clock (the form was opened earlier), not ahead.
const FUTURE_SLACK_MS = 5 * 60 * 1000;

const instant = (label: string) =>
  yup
    .string()
    .typeError(`${label}: debe ser una fecha y hora.`)
    .transform(blankToNull)
    .nullable()
    .test(
      'instant',
      `${label}: no es una fecha y hora válida (AAAA-MM-DDTHH:MM con zona horaria).`,
      (value) =>
        value === null || value === undefined
          ? true
          : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) &&
            !Number.isNaN(new Date(value).getTime()) &&
            new Date(value).getUTCFullYear() >= LFT_MIN_YEAR
    );

const servicesSchema = (min: number) =>
  yup
    .array()
    .typeError('Los servicios van en una lista.')
    .min(min, 'Pide al menos un servicio en el oficio.')
    .max(MAX_SERVICES_PER_OFICIO, TOO_MANY_SERVICES_MESSAGE)
    .required('Pide al menos un servicio en el oficio.');

const registerSchema = yup
  .object({
    area: yup
      .string()
      .typeError('Indica el área solicitante (documentId).')
      .transform(trimmed)
      .required('Indica el área solicitante.'),
    senderReference: text('Número de oficio del área', 80),
    receivedAt: instant('Fecha y hora de recepción').test(
      'not-future',
      'La fecha y hora de recepción no puede ser posterior a este momento.',
      (value) => !value || new Date(value).getTime() <= Date.now() + FUTURE_SLACK_MS
    ),
    channel: yup
      .string()
      .typeError('Indica el medio de recepción.')
      .oneOf(['fisico', 'digital'], 'El medio de recepción es «fisico» o «digital».')
      .required('Indica el medio de recepción (físico o digital).'),
    scan: yup
      .number()
      .typeError('El oficio digitalizado es el id numérico de un archivo subido.')
      .integer('El oficio digitalizado es el id numérico de un archivo subido.')
      .positive('El oficio digitalizado es el id numérico de un archivo subido.')
      .nullable(),
    subject: yup
      .string()
      .typeError('El asunto debe ser un texto.')
      .transform(trimmed)
      .required('Escribe el asunto del oficio.')
      .max(300, 'El asunto admite hasta 300 caracteres.'),
    summary: text('Resumen', 5000),
    addressedTo: yup
      .string()
      .transform(blankToNull)
      .oneOf(
        [...Object.keys(ADDRESSEE_LABELS), null],
        `Indica a quién va dirigido el oficio: ${Object.keys(ADDRESSEE_LABELS).join(' o ')}.`
      )
      .nullable(),
    copiedTo: yup
      .array()
      .typeError('«Con copia a» va en una lista.')
      .of(
        yup
          .string()
          .oneOf(
            Object.keys(COPY_LABELS),
            `«Con copia a» admite: ${Object.keys(COPY_LABELS).join(', ')}.`
          )
          .required()
      )
      .nullable(),
    requester: yup
      .object({
        name: text('Nombre de quien solicita', 200),
        phone: text('Teléfono de quien solicita', 40),
        email: text('Correo de quien solicita', 200).email('El correo de contacto no es válido.'),
        address: text('Domicilio de quien solicita', 1000),
      })
      .noUnknown(true, 'Campo no admitido en el contacto: ${unknown}.')
      .default(undefined)
      .nullable(),
    services: servicesSchema(1),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

const leadTimeSchema = yup
  .object({
    receivedAt: instant('Fecha y hora de recepción'),
    services: servicesSchema(0),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

const completeSchema = yup
  .object({
    fields: yup
      .object()
      .typeError('Los datos van en un objeto «fields».')
      .required('Indica los datos del servicio en «fields».'),
  })
  .noUnknown(true, 'Campo no admitido: ${unknown}.');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('intake', strapi);
  const staff = (ctx: Ctx) => ({
    actor: adminActor(ctx.state.user),
    userAbility: ctx.state.userAbility,
  });

  return {
    /** GET /comunicacion/intake/form */
    async form(ctx: Ctx) {
      const body: GetIntakeForm.Response = { data: await service().form() };
      ctx.body = body;
    },

    /** POST /comunicacion/intake/lead-time */
    async leadTime(ctx: Ctx) {
      const input = await validateInput<{ receivedAt?: string | null; services: unknown[] }>(
        leadTimeSchema,
        ctx.request.body
      );
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
      const body: PreviewLeadTime.Response = {
        data: await service().leadTime(receivedAt, input.services),
      };
      ctx.body = body;
    },

    /** POST /comunicacion/oficios */
    async register(ctx: Ctx) {
      const input = await validateInput<
        Omit<RegisterOficio.Request['body'], 'services'> & { services: unknown[] }
      >(registerSchema, ctx.request.body);
      const body: RegisterOficio.Response = {
        data: await service().register(
          { ...input, receivedAt: input.receivedAt ?? new Date().toISOString() },
          adminActor(ctx.state.user)
        ),
      };
      ctx.status = 201;
      ctx.body = body;
    },

    /** POST /comunicacion/oficios/:documentId/services */
    async addService(ctx: Ctx) {
      const body: AddService.Response = {
        data: await service().addService(
          String(ctx.params.documentId),
          ctx.request.body,
          adminActor(ctx.state.user)
        ),
      };
      ctx.status = 201;
      ctx.body = body;
    },

    /** GET /comunicacion/oficios/:documentId/acuse */
    async acuse(ctx: Ctx) {
      const acuse = await service().acuse(String(ctx.params.documentId));
      if (!acuse) throw new errors.NotFoundError('No existe ese oficio.', { code: 'NOT_FOUND' });
      ctx.set('Content-Type', 'application/pdf');
      ctx.set('Content-Disposition', `inline; filename="${acuse.fileName}"`);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = acuse.buffer;
    },

    /** GET /comunicacion/items/:workflow/:documentId/form */
    async itemForm(ctx: Ctx) {
      const body: GetItemForm.Response = {
        data: await service().itemForm(
          String(ctx.params.workflow),
          String(ctx.params.documentId),
          staff(ctx)
        ),
      };
      ctx.body = body;
    },

    /** PUT /comunicacion/items/:workflow/:documentId */
    async completeItem(ctx: Ctx) {
      const input = await validateInput<CompleteItem.Request['body']>(
        completeSchema,
        ctx.request.body
      );
      if (Array.isArray(input.fields)) {
        throw invalid('INVALID_REQUEST', 'Los datos van en un objeto «fields».');
      }
      const body: CompleteItem.Response = {
        data: await service().completeItem(
          String(ctx.params.workflow),
          String(ctx.params.documentId),
          input.fields,
          staff(ctx)
        ),
      };
      ctx.body = body;
    },
  };
};
