import type { Core, UID } from '@strapi/strapi';

const OFICIO = 'api::oficio.oficio';

const inDays = (days: number, hourUtc = 17) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
};
const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A few oficios with their work items, so a new installation shows the queues with something in
 * them. Written through the Document Service, so folios, lead times and logs are real.
 */
export const seedDemoWork = async ({ strapi }: { strapi: Core.Strapi }) => {
  if ((await strapi.db.query(OFICIO).count()) > 0) return;
  const area = async (shortName: string) =>
    ((await strapi.db.query('api::area.area').findOne({ where: { shortName } })) as { id: number })
      .id;
  const create = (uid: string, data: Record<string, unknown>) =>
    strapi.documents(uid as UID.ContentType).create({ data: data as never });
  // The seeded institutional logos, chosen in order (list order is the order on the design).
  const logos = async (...codes: string[]) => {
    const rows = (await strapi.db
      .query('api::logo.logo')
      .findMany({ where: { code: { $in: codes } }, select: ['code', 'documentId'] })) as {
      code: string;
      documentId: string;
    }[];
    return codes.flatMap((code) => {
      const row = rows.find((logo) => logo.code === code);
      return row ? [{ logo: row.documentId }] : [];
    });
  };

  const festival = await create(OFICIO, {
    subject: 'Difusión y cobertura del Festival Cultural de Invierno',
    senderReference: 'DC/214/2026',
    receivedAt: inDays(-1, 16).toISOString(),
    channel: 'fisico',
    area: await area('DC'),
    requesterName: 'Enlace de la Dirección de Cultura',
    requesterPhone: '722 000 0000',
  });
  const eventDay = inDays(12);
  await create('api::design.design', {
    title: 'Cartel del Festival Cultural de Invierno',
    oficio: festival.documentId,
    medium: 'digital',
    eventName: 'Festival Cultural de Invierno',
    eventDate: dateOnly(eventDay),
    eventTime: '17:00',
    place: 'Explanada del Palacio Municipal',
    specification: 'Post 1080×1080 y portada de Facebook; colores institucionales',
    responsiblePerson: 'Directora de Cultura',
    requirements: 'Incluir el programa de actividades y la leyenda «Entrada libre».',
    logos: await logos('ayuntamiento'),
  });
  await create('api::coverage-event.coverage-event', {
    title: 'Cobertura del Festival Cultural de Invierno',
    oficio: festival.documentId,
    eventName: 'Festival Cultural de Invierno',
    startsAt: eventDay.toISOString(),
    endsAt: new Date(eventDay.getTime() + 3 * 3_600_000).toISOString(),
    place: 'Explanada del Palacio Municipal',
    deliverables: ['fotos', 'video', 'redes_sociales'],
  });
  await create('api::social-post.social-post', {
    title: 'Invitación al Festival Cultural de Invierno',
    oficio: festival.documentId,
    text: '¡Te esperamos en el Festival Cultural de Invierno!',
    eventDate: dateOnly(eventDay),
  });

  const dif = await create(OFICIO, {
    subject: 'Lonas para la jornada de salud del SMDIF',
    senderReference: 'SMDIF/088/2026',
    receivedAt: inDays(-2, 15).toISOString(),
    channel: 'digital',
    area: await area('SMDIF'),
    // Print material: addressed to the Presidencia with a copy to the Dirección (manual 1.1).
    addressedTo: 'presidencia',
    copiedTo: ['direccion'],
  });
  await create('api::design.design', {
    title: 'Lona 3×2 m de la jornada de salud',
    oficio: dif.documentId,
    medium: 'impreso',
    eventName: 'Jornada de salud',
    eventDate: dateOnly(inDays(2)),
    eventTime: '09:00',
    place: 'Auditorio del SMDIF',
    specification: 'Lona 3×2 m, alta resolución',
    responsiblePerson: 'Coordinación de salud del SMDIF',
    requirements: 'Horario de atención y lista de servicios gratuitos.',
    logos: await logos('ayuntamiento', 'smdif'),
  });

  // Asked for too late: it waits for a coordinator to accept it with a justification.
  await create('api::design.design', {
    title: 'Invitación digital a la jornada de salud',
    oficio: dif.documentId,
    medium: 'digital',
    eventName: 'Jornada de salud',
    eventDate: dateOnly(inDays(0)),
    eventTime: '09:00',
    place: 'Auditorio del SMDIF',
    specification: 'Post 1080×1080 para redes del SMDIF',
    responsiblePerson: 'Coordinación de salud del SMDIF',
    logos: await logos('smdif', 'ayuntamiento'),
  });

  const transparency = await create(OFICIO, {
    subject: 'Actualización trimestral de la fracción II',
    receivedAt: inDays(-3, 18).toISOString(),
    channel: 'digital',
    area: await area('UT'),
  });
  await create('api::transparency-document.transparency-document', {
    title: 'Estructura orgánica: cuarto trimestre',
    oficio: transparency.documentId,
    law: 'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios',
    article: '92',
    fraccion: 'II',
    ejercicio: Number(dateOnly(inDays(0)).slice(0, 4)),
    responsibleArea: 'Dirección de Administración',
    wantedDate: dateOnly(inDays(10)),
  });

  const email = await create(OFICIO, {
    subject: 'Correo institucional de la Dirección de Turismo: alta y soporte',
    receivedAt: inDays(-1, 20).toISOString(),
    channel: 'digital',
    area: await area('DT'),
  });
  await create('api::email-account-request.email-account-request', {
    title: 'Correo de la Dirección de Turismo',
    oficio: email.documentId,
    kind: 'alta',
    requestedAddress: 'turismo',
    personName: 'Titular de la Dirección de Turismo',
    personPosition: 'Director(a) de Turismo',
  });

  // Support needs no authorization: Gobierno Digital attends it directly.
  await create('api::email-account-request.email-account-request', {
    title: 'El correo de informes de Turismo no recibe mensajes',
    oficio: email.documentId,
    kind: 'soporte',
    emailAddress: 'informes.turismo@calimaya.gob.mx',
  });

  // An advisory to an organismo auxiliar, with its first follow-up recorded.
  await create('api::advisory.advisory', {
    title: 'Asesoría de imagen institucional del SMDIF',
    oficio: dif.documentId,
    organism: await area('SMDIF'),
    channel: 'oficio',
    receivedAt: inDays(-2, 15).toISOString(),
    topic: 'Uso del manual de identidad en las lonas del SMDIF',
    followUps: [
      {
        date: dateOnly(inDays(-1)),
        by: 'Coordinación de Atención a Organismos Auxiliares',
        notes: 'Reunión con el enlace del SMDIF: se revisaron los logotipos y colores.',
        nextDate: dateOnly(inDays(6)),
      },
    ],
  });

  // Manual 3.2: an organismo auxiliar's event, scheduled by its coordination or the Community
  // Manager; the press bulletin is written with the coverage.
  const difEvent = inDays(9);
  await create('api::coverage-event.coverage-event', {
    title: 'Cobertura de la jornada de salud del SMDIF',
    oficio: dif.documentId,
    eventName: 'Jornada de salud',
    startsAt: difEvent.toISOString(),
    endsAt: new Date(difEvent.getTime() + 2 * 3_600_000).toISOString(),
    place: 'Auditorio del SMDIF',
    deliverables: ['fotos', 'redes_sociales', 'boletin_prensa'],
    bulletin: 'El SMDIF Calimaya realizó su jornada de salud con consultas y vacunación gratuitas.',
  });

  // Manual GD 1: Gobierno Digital sends the image of a web publication to the designer.
  const web = await create(OFICIO, {
    subject: 'Publicación del programa de verano en el sitio web',
    receivedAt: inDays(-1, 17).toISOString(),
    channel: 'digital',
    area: await area('DT'),
  });
  const publication = await create('api::web-publication.web-publication', {
    title: 'Programa de verano de la Dirección de Turismo',
    oficio: web.documentId,
    section: 'Noticias',
    body: 'La Dirección de Turismo invita al programa de verano en los parajes de Calimaya.',
    wantedDate: dateOnly(inDays(12)),
  });
  const move = (workflowStatus: string, data: Record<string, unknown> = {}) =>
    strapi.documents('api::web-publication.web-publication').update({
      documentId: publication.documentId,
      data: { ...data, workflowStatus } as never,
    });
  await move('en_analisis');
  await move('en_diseno', {
    designRequest: 'Recortar la imagen del cartel a 1200×630 px para la portada de la noticia.',
  });
};
