import type { Core, UID } from '@strapi/strapi';
import { STATUS_FIELD } from '../api/workflow/services/workflow';
import { runAs, SYSTEM_ACTOR } from '../services/write-context';

const OFICIO = 'api::oficio.oficio';
const WEB = 'api::web-publication.web-publication';
const TRANSPARENCY = 'api::transparency-document.transparency-document';
const STATE_LAW =
  'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

const PUBLICATIONS = [
  {
    title: 'Arranca la Feria del Elote Calimaya 2026',
    slug: 'feria-del-elote-calimaya-2026',
    section: 'Noticias',
    isNews: true,
    summary: 'Cuatro días de música, gastronomía y artesanías en la explanada municipal.',
    body: 'La **Feria del Elote** reúne a productores de San Andrés Ocotlán, Santa María Nativitas y la cabecera municipal.\n\n- Jueves a domingo, de 10:00 a 22:00 horas.\n- Entrada libre.\n\nConsulta el programa completo en la Casa de Cultura.',
  },
  {
    title: 'Jornada de vacunación en las delegaciones',
    slug: 'jornada-de-vacunacion-en-las-delegaciones',
    section: 'Noticias',
    isNews: true,
    summary: 'Módulos itinerantes aplicarán vacunas contra influenza y COVID-19.',
    body: 'El Sistema Municipal DIF y el Centro de Salud instalarán módulos en cada delegación.\n\nLleva tu Cartilla Nacional de Salud y una identificación.',
  },
  {
    title: 'Pago del impuesto predial 2027',
    slug: 'pago-del-impuesto-predial-2027',
    section: 'Trámites y servicios',
    isNews: false,
    summary: 'Descuentos por pago anticipado en enero, febrero y marzo.',
    body: '## Requisitos\n\n1. Último recibo de pago.\n2. Identificación oficial.\n\nEl pago se realiza en la Tesorería Municipal, de lunes a viernes de 9:00 a 17:00 horas, o en línea.',
  },
  {
    title: 'Licencia de funcionamiento para negocios de bajo riesgo',
    slug: 'licencia-de-funcionamiento-bajo-riesgo',
    section: 'Trámites y servicios',
    isNews: false,
    summary: 'Requisitos y tiempos de respuesta de la Ventanilla Única.',
    body: 'La Ventanilla Única de Gestión emite la licencia en un plazo de tres días hábiles.\n\nPresenta el formato de solicitud, comprobante de domicilio y el visto bueno de Protección Civil.',
  },
  {
    title: 'Taller de danza folclórica en la Casa de Cultura',
    slug: 'taller-de-danza-folclorica',
    section: 'Cultura',
    isNews: false,
    summary: 'Inscripciones abiertas para niñas, niños y jóvenes de 8 a 17 años.',
    body: 'Clases los martes y jueves de 16:00 a 18:00 horas. Cupo limitado a 30 participantes.',
  },
  {
    title: 'Repavimentación de la calle Hidalgo',
    slug: 'repavimentacion-de-la-calle-hidalgo',
    section: 'Obras',
    isNews: false,
    summary: 'Los trabajos se realizarán por tramos para no cerrar la circulación.',
    body: 'La Dirección de Obras Públicas informa que la obra tendrá una duración aproximada de seis semanas.\n\nSe habilitarán rutas alternas señalizadas.',
  },
];

const TRANSPARENCY_DOCUMENTS = [
  {
    title: 'Estructura orgánica: primer trimestre 2026',
    fraccion: 'II',
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    updatedOn: '2026-04-08',
    validatedOn: '2026-04-10',
    responsibleArea: 'Dirección de Administración',
    body: 'Organigrama vigente del Ayuntamiento de Calimaya con sus direcciones y coordinaciones.',
  },
  {
    title: 'Estructura orgánica: segundo trimestre 2026',
    fraccion: 'II',
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    updatedOn: '2026-07-07',
    validatedOn: '2026-07-09',
    responsibleArea: 'Dirección de Administración',
    note: 'Sin cambios respecto del trimestre anterior.',
    body: 'Organigrama vigente del Ayuntamiento de Calimaya.',
  },
  {
    title: 'Directorio de servidores públicos: tercer trimestre 2026',
    fraccion: 'VII',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    updatedOn: '2026-10-06',
    validatedOn: '2026-10-08',
    responsibleArea: 'Dirección de Administración',
    body: 'Directorio de las personas servidoras públicas con cargo de jefatura de departamento o superior.',
  },
  {
    title: 'Trámites, requisitos y formatos: tercer trimestre 2026',
    fraccion: 'XX',
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    updatedOn: '2026-10-03',
    validatedOn: '2026-10-06',
    responsibleArea: 'Secretaría del Ayuntamiento',
    body: 'Catálogo de trámites que ofrece el Ayuntamiento, con requisitos, costos y formatos.',
  },
];

/**
 * A few web publications in four sections and a few transparency documents, brought to
 * `publicada` through the Document Service and the workflow as the system, so the reference site
 * at /sitio/ shows content on a new development installation. Runs once.
 */
export const seedDemoSite = async ({ strapi }: { strapi: Core.Strapi }) => {
  const done = await strapi.db.query(WEB).count({ where: { slug: PUBLICATIONS[0].slug } });
  if (done > 0) return;

  const documents = (uid: string) => strapi.documents(uid as UID.ContentType);
  /** Moves an item along its workflow as the system, one transition at a time. */
  const advance = async (
    uid: string,
    documentId: string,
    steps: [string, Record<string, unknown>?][]
  ) => {
    for (const [to, data = {}] of steps) {
      await runAs(
        SYSTEM_ACTOR,
        () => documents(uid).update({ documentId, data: { ...data, [STATUS_FIELD]: to } as never }),
        'Contenido de ejemplo del sitio'
      );
    }
  };

  const areaId = async (shortName: string) =>
    (
      (await strapi.db.query('api::area.area').findOne({ where: { shortName } })) as {
        id: number;
      } | null
    )?.id;

  // Transparency updates hang off the Unidad de Transparencia's open oficio of the demo work.
  const open = (await strapi.db.query(OFICIO).findOne({
    where: {
      area: { shortName: 'UT' },
      workflowStatus: { $notIn: ['atendido', 'rechazado', 'cancelado'] },
    },
    orderBy: { id: 'desc' },
  })) as { documentId: string } | null;
  const transparencyOficio =
    open ??
    (await documents(OFICIO).create({
      data: {
        subject: 'Actualización trimestral de obligaciones de transparencia',
        receivedAt: inDays(-10).toISOString(),
        channel: 'digital',
        area: await areaId('UT'),
      } as never,
    }));
  // The publications are the Secretaría del Ayuntamiento's request for the site.
  const oficio = await documents(OFICIO).create({
    data: {
      subject: 'Difusión en el sitio web de avisos, trámites y actividades del Ayuntamiento',
      senderReference: 'SA/0871/2026',
      receivedAt: inDays(-10).toISOString(),
      channel: 'digital',
      area: await areaId('SA'),
    } as never,
  });
  const wantedDate = dateOnly(inDays(20));

  // Last first, so the site lists them in the order written here.
  for (const publication of [...PUBLICATIONS].reverse()) {
    const created = await documents(WEB).create({
      data: { ...publication, wantedDate, oficio: oficio.documentId } as never,
    });
    await advance(WEB, created.documentId, [
      ['en_analisis'],
      ['lista', { spellingChecked: true, plainLanguageChecked: true, personalDataChecked: true }],
      ['publicada'],
    ]);
  }

  for (const document of TRANSPARENCY_DOCUMENTS) {
    const created = await documents(TRANSPARENCY).create({
      data: {
        ...document,
        law: STATE_LAW,
        lawVersion: 'Texto vigente',
        article: '92',
        ejercicio: 2026,
        wantedDate,
        oficio: transparencyOficio.documentId,
      } as never,
    });
    await advance(TRANSPARENCY, created.documentId, [
      ['en_analisis'],
      ['lista', { personalDataChecked: true }],
      ['publicada'],
    ]);
  }
  strapi.log.info(
    `Sitio de ejemplo: ${PUBLICATIONS.length} publicaciones y ${TRANSPARENCY_DOCUMENTS.length} documentos de transparencia publicados.`
  );
};
