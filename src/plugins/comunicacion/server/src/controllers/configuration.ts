import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';
import {
  HOLIDAY_SOURCES,
  LFT_MAX_YEAR,
  LFT_MIN_YEAR,
  ROOT_MESSAGE,
  adminActor,
  invalid,
  parseIsoDate,
} from '../app';
import type { Holidays, Settings } from '../../../shared/contracts/configuration';
import { getPluginService } from '../utils/get-plugin-service';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const unknownField = 'Campo no admitido: ${unknown}.';

const holidayFields = {
  // Dates are checked by the holiday rules, with their own Spanish messages and codes.
  date: yup.string().typeError('La fecha debe escribirse como AAAA-MM-DD.'),
  endDate: yup.string().nullable().typeError('La fecha final debe escribirse como AAAA-MM-DD.'),
  name: yup
    .string()
    .trim()
    .min(1, 'Escribe el nombre del día inhábil.')
    .max(150, 'El nombre admite hasta 150 caracteres.'),
  source: yup
    .string()
    .oneOf([...HOLIDAY_SOURCES], `La fuente debe ser una de: ${HOLIDAY_SOURCES.join(', ')}.`),
  note: yup.string().nullable().max(1000, 'La nota admite hasta 1000 caracteres.'),
};

const createSchema = yup
  .object({
    ...holidayFields,
    date: holidayFields.date.required('Indica la fecha del día inhábil (AAAA-MM-DD).'),
    name: holidayFields.name.required('Escribe el nombre del día inhábil.'),
    source: holidayFields.source.required('Indica la fuente del día inhábil.'),
  })
  .noUnknown(true, unknownField);

const updateSchema = yup.object(holidayFields).noUnknown(true, unknownField);

const leadTime = (label: string, max: number) =>
  yup
    .number()
    .typeError(`El plazo de ${label} debe ser un número entero de 0 a ${max}.`)
    .integer(`El plazo de ${label} debe ser un número entero de 0 a ${max}.`)
    .min(0, `El plazo de ${label} debe ser un número entero de 0 a ${max}.`)
    .max(max, `El plazo de ${label} debe ser un número entero de 0 a ${max}.`);

const url = (label: string) =>
  yup
    .string()
    .nullable()
    .max(300, `La dirección ${label} admite hasta 300 caracteres.`)
    .matches(/^https?:\/\/[^\s]+$/, {
      message: `La dirección ${label} debe empezar con http:// o https://.`,
      excludeEmptyString: true,
    });

const settingsSchema = yup
  .object({
    officeHoursCutoff: yup.string().typeError('La hora de corte debe escribirse como HH:mm.'),
    digitalArtLeadBusinessDays: leadTime('arte digital (días hábiles)', 60),
    coverageLeadBusinessDays: leadTime('cobertura (días hábiles)', 60),
    webPublicationLeadBusinessDays: leadTime('publicación web (días hábiles)', 60),
    transparencyLeadBusinessDays: leadTime('transparencia (días hábiles)', 60),
    promotionLeadCalendarDays: leadTime('difusión (días naturales)', 90),
    printDeliveryBusinessDays: leadTime('entrega de impresos (días hábiles)', 60),
    blackoutPeriods: yup
      .array()
      .of(
        yup
          .object({
            start: yup.string().required('Cada veda necesita su fecha de inicio (AAAA-MM-DD).'),
            end: yup.string().required('Cada veda necesita su fecha de fin (AAAA-MM-DD).'),
            scope: yup
              .string()
              .nullable()
              .max(200, 'El alcance de la veda admite hasta 200 caracteres.'),
            note: yup
              .string()
              .nullable()
              .max(2000, 'La nota de la veda admite hasta 2000 caracteres.'),
          })
          .noUnknown(true, unknownField)
      )
      .max(50, 'Se registran como máximo 50 periodos de veda.'),
    siteUrl: url('del sitio'),
    siteWebhookUrl: url('del webhook del sitio'),
  })
  .noUnknown(true, unknownField);

/** Input errors of this page answer INVALID_DATA, as Strapi's own attribute validation does. */
const validate = async <T>(schema: yup.AnySchema, body: unknown): Promise<T> => {
  try {
    return (await schema.validate(body ?? {}, { abortEarly: true, stripUnknown: false })) as T;
  } catch (error) {
    const e = error as { message?: string; path?: string };
    // yup names the whole body «this», in English: the body is not an object at all.
    const message = /^this\b/.test(e.message ?? '') ? ROOT_MESSAGE : e.message;
    throw invalid('INVALID_DATA', message ?? 'Datos inválidos.', {
      ...(e.path ? { fields: [e.path] } : {}),
    });
  }
};

const checkBlackouts = (periods: Settings.UpdateBody['blackoutPeriods']) => {
  (periods ?? []).forEach((period, index) => {
    for (const field of ['start', 'end'] as const) {
      if (!parseIsoDate(period[field])) {
        throw invalid(
          'INVALID_DATE',
          `La fecha de ${field === 'start' ? 'inicio' : 'fin'} de la veda ${index + 1} («${period[field]}») no es válida; usa AAAA-MM-DD.`,
          { fields: [`blackoutPeriods.${index}.${field}`] }
        );
      }
    }
    if (period.end < period.start) {
      throw invalid(
        'INVALID_RANGE',
        `La veda ${index + 1} termina (${period.end}) antes de empezar (${period.start}).`,
        { fields: [`blackoutPeriods.${index}.end`] }
      );
    }
  });
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService('office-configuration', strapi);

  return {
    /** GET /comunicacion/holidays?year=YYYY */
    async listHolidays(ctx: Ctx) {
      const raw = (ctx.query as Record<string, unknown>).year;
      const text = typeof raw === 'string' ? raw.trim() : '';
      const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(year) || year < LFT_MIN_YEAR || year > LFT_MAX_YEAR) {
        throw invalid(
          'INVALID_YEAR',
          text
            ? `El año «${text}» no es válido; se admite de ${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}.`
            : `Falta el parámetro «year» (un año de ${LFT_MIN_YEAR} a ${LFT_MAX_YEAR}).`
        );
      }
      const body: Holidays.ListResponse = await service().holidaysOfYear(year);
      ctx.body = body;
    },

    /** POST /comunicacion/holidays */
    async createHoliday(ctx: Ctx) {
      const input = await validate<Holidays.WriteBody>(createSchema, ctx.request.body);
      const body: Holidays.WriteResponse = {
        data: await service().createHoliday(input, adminActor(ctx.state.user)),
      };
      ctx.body = body;
    },

    /** PUT /comunicacion/holidays/:documentId */
    async updateHoliday(ctx: Ctx) {
      const input = await validate<Partial<Holidays.WriteBody>>(updateSchema, ctx.request.body);
      const body: Holidays.WriteResponse = {
        data: await service().updateHoliday(
          String(ctx.params.documentId),
          input,
          adminActor(ctx.state.user)
        ),
      };
      ctx.body = body;
    },

    /** DELETE /comunicacion/holidays/:documentId */
    async deleteHoliday(ctx: Ctx) {
      const body: Holidays.WriteResponse = {
        data: await service().deleteHoliday(
          String(ctx.params.documentId),
          adminActor(ctx.state.user)
        ),
      };
      ctx.body = body;
    },

    /** GET /comunicacion/settings */
    async getSettings(ctx: Ctx) {
      const body: Settings.Response = { data: await service().settings() };
      ctx.body = body;
    },

    /** PUT /comunicacion/settings */
    async updateSettings(ctx: Ctx) {
      const input = await validate<Settings.UpdateBody>(settingsSchema, ctx.request.body);
      checkBlackouts(input.blackoutPeriods);
      const body: Settings.Response = {
        data: await service().updateSettings(input, adminActor(ctx.state.user)),
      };
      ctx.body = body;
    },
  };
};
