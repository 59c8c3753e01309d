import type { Core } from '@strapi/strapi';

const SURVEY = 'api::survey.survey';
const SLUG = 'satisfaccion-tramites';

/**
 * An open satisfaction survey, so the site's survey form and the results page have something to
 * show on a new installation. Written through the Document Service, so the survey rules apply.
 */
export const seedDemoSurvey = async ({ strapi }: { strapi: Core.Strapi }) => {
  if ((await strapi.db.query(SURVEY).count({ where: { slug: SLUG } })) > 0) return;
  // Made by Gobierno Digital on behalf of the Tesorería, where most of these trámites are paid.
  const area = (await strapi.db
    .query('api::area.area')
    .findOne({ where: { shortName: 'TM' }, select: ['id'] })) as { id: number } | null;
  const survey = await strapi.documents(SURVEY).create({
    data: {
      title: 'Encuesta de satisfacción de trámites',
      area: area?.id ?? null,
      slug: SLUG,
      description:
        'Cuéntanos cómo te fue al realizar tu trámite en el Ayuntamiento de Calimaya. ' +
        'Es anónima y te toma menos de un minuto.',
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      questions: [
        {
          key: 'tramite',
          prompt: '¿Qué trámite realizaste?',
          kind: 'opcion_unica',
          options: [
            'Pago del impuesto predial',
            'Licencia de funcionamiento',
            'Registro civil (actas)',
            'Pago de agua potable',
            'Otro',
          ].join('\n'),
          required: true,
        },
        {
          key: 'satisfaccion',
          prompt: '¿Qué tan satisfecho(a) quedaste con la atención?',
          kind: 'escala',
          scaleMin: 1,
          scaleMax: 5,
          required: true,
        },
        {
          key: 'medios',
          prompt: '¿Por qué medios te informaste del trámite?',
          kind: 'opcion_multiple',
          options: ['Sitio web', 'Redes sociales', 'En la ventanilla', 'Por otra persona'].join(
            '\n'
          ),
          required: false,
        },
        {
          key: 'comentarios',
          prompt: '¿Qué podríamos mejorar?',
          kind: 'texto',
          required: false,
        },
      ],
    } as never,
  });
  await strapi.documents(SURVEY).publish({ documentId: survey.documentId });
};
