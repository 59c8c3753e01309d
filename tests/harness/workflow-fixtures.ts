import type { UID } from '@strapi/strapi';
import {
  ROLE_LABELS,
  STAFF_ROLES,
  WORKFLOW_UIDS,
  type Actor,
  type Role,
  type WorkflowKey,
} from '../../src/domain/workflows';
import { STATUS_FIELD } from '../../src/api/workflow/services/workflow';
import { runAs, runInternal } from './runtime';
import { bootApp, type TestApp } from './app';
import { loginAsAdmin, type Session } from './auth';

export const OFICIO_UID = 'api::oficio.oficio';
export const LOG_UID = 'api::transition-log.transition-log';

/** One logged-in admin per staff role, created once per test file. */
export const staffSessions = async (app: TestApp) => {
  const sessions = {} as Record<Role, Session>;
  for (const role of STAFF_ROLES) {
    sessions[role] = await loginAsAdmin(app, ROLE_LABELS[role]);
  }
  return sessions;
};

export const actorFor = (role: Role, session?: Session): Actor => ({
  kind: role === 'area' || role === 'secretaria_tecnica' ? 'api' : 'admin',
  roles: [role],
  id: session?.user.id ?? null,
  name: ROLE_LABELS[role],
});

/** A media file row to attach as a proposal, an answer or a document. */
export const createFile = async (app: TestApp, name = 'propuesta.pdf') =>
  (await app.strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash: `${name.replace(/\W/g, '_')}_${Math.random().toString(36).slice(2)}`,
      ext: '.pdf',
      mime: 'application/pdf',
      size: 1,
      url: `/uploads/${name}`,
      provider: 'local',
    },
  })) as { id: number };

export const areaId = async (app: TestApp, shortName: string) =>
  (
    (await app.strapi.db.query('api::area.area').findOne({ where: { shortName } })) as {
      id: number;
    }
  ).id;

/** The organismo auxiliar advisories of the fixtures attend (known once an oficio was created). */
let fixtureOrganism: number | null = null;

/** An oficio registered well ahead of every date the fixtures use, so lead times are met. */
export const createOficio = async (
  app: TestApp,
  { area = 'DC', receivedAt = '2027-01-04T16:00:00Z', subject = 'Solicitud de servicios' } = {}
) => {
  fixtureOrganism = await areaId(app, 'SMDIF');
  return app.strapi.documents(OFICIO_UID).create({
    data: { subject, receivedAt, channel: 'digital', area: await areaId(app, area) } as never,
  });
};

let coverageSlot = 0;
/** A two-hour slot of its own for each coverage, so fixtures never compete for the crew. */
const nextCoverageSlot = () => {
  const start = Date.parse('2027-03-01T15:00:00Z') + coverageSlot++ * 3 * 3_600_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 7_200_000).toISOString(),
  };
};

/** Data that satisfies every intake guard of a work item. */
export const completeData = (workflow: WorkflowKey, crewId: number): Record<string, unknown> => {
  switch (workflow) {
    case 'design':
      return {
        title: 'Cartel del festival',
        medium: 'digital',
        eventName: 'Festival de la Primavera',
        eventDate: '2027-03-19',
        eventTime: '11:00',
        place: 'Explanada municipal',
        specification: 'Cartel 60×90 cm y versión cuadrada para redes',
        responsiblePerson: 'Lic. Responsable',
        // The first institutional logo seeded on bootstrap (Ayuntamiento de Calimaya).
        logos: [{ logo: 1 }],
      };
    case 'coverage-event':
      return {
        title: 'Cobertura del festival',
        eventName: 'Festival de la Primavera',
        ...nextCoverageSlot(),
        place: 'Explanada municipal',
        deliverables: ['fotos', 'redes_sociales'],
        crew: [crewId],
      };
    case 'social-post':
      return {
        title: 'Invitación al festival',
        text: 'Te esperamos en el Festival de la Primavera.',
        scheduledAt: '2027-03-15T16:00:00Z',
        eventDate: '2027-03-19',
      };
    case 'web-publication':
      return {
        title: 'Convocatoria de becas',
        section: 'convocatorias',
        body: 'Texto de la convocatoria.',
        wantedDate: '2027-02-15',
      };
    case 'transparency-document':
      return {
        title: 'Estructura orgánica',
        law: 'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios',
        article: '92',
        fraccion: 'II',
        ejercicio: 2027,
        periodStart: '2027-01-01',
        periodEnd: '2027-03-31',
        responsibleArea: 'Dirección de Administración',
        body: 'Organigrama vigente',
        wantedDate: '2027-02-15',
      };
    case 'email-account-request':
      return {
        title: 'Cuenta de correo de la Dirección',
        kind: 'alta',
        requestedAddress: 'cultura',
      };
    case 'advisory':
      return {
        title: 'Asesoría de imagen',
        channel: 'oficio',
        topic: 'Manual de identidad',
        ...(fixtureOrganism ? { organism: fixtureOrganism } : {}),
      };
    default:
      return {};
  }
};

/** Extra data a transition's guards need once the item stands in `from`. */
export const dataFor = async (
  app: TestApp,
  workflow: WorkflowKey,
  from: string,
  to: string
): Promise<Record<string, unknown>> => {
  const key = `${workflow}:${from}->${to}`;
  const sent = new Date().toISOString();
  if (workflow === 'design') {
    const file = await createFile(app);
    const medium = to === 'en_imprenta' || from === 'en_imprenta' ? 'impreso' : 'digital';
    if (key === 'design:en_diseno->en_revision') {
      return { medium, proposals: [{ version: 1, file: file.id, sentAt: null }] };
    }
    if (to === 'aprobado' || from === 'aprobado' || from === 'en_imprenta') {
      return {
        medium,
        proposals: [{ version: 1, file: file.id, sentAt: sent, decision: 'aprobada' }],
        ...(from === 'en_imprenta'
          ? { delivery: { number: 'DCSGD/0100/2027', date: '2027-02-01' } }
          : {}),
      };
    }
    if (to === 'con_observaciones') {
      return {
        medium,
        proposals: [
          {
            version: 1,
            file: file.id,
            sentAt: sent,
            decision: 'observaciones',
            feedback: 'Cambiar colores',
          },
        ],
      };
    }
    return { medium };
  }
  if (workflow === 'web-publication' || workflow === 'transparency-document') {
    const checks = { spellingChecked: true, plainLanguageChecked: true, personalDataChecked: true };
    const base = workflow === 'web-publication' ? checks : { personalDataChecked: true };
    if (to === 'verificada') {
      return {
        ...base,
        verificationEvidence: { url: 'http://localhost/sitio/x', status: 200, hash: 'abc' },
      };
    }
    if (to === 'respondida')
      return { ...base, responseDocument: (await createFile(app, 'respuesta.pdf')).id };
    if (to === 'retirada') return { ...base, withdrawalReason: 'Información desactualizada' };
    if (key === 'web-publication:en_analisis->en_diseno') {
      return { ...base, designRequest: 'Recortar la imagen a 1200×630 px y aclarar el fondo.' };
    }
    if (key === 'web-publication:en_diseno->en_analisis') {
      return { ...base, designedFiles: [(await createFile(app, 'imagen-trabajada.png')).id] };
    }
    return base;
  }
  if (workflow === 'coverage-event' && to === 'entregada') {
    return { material: [{ kind: 'fotos', link: 'https://drive.calimaya.gob.mx/festival' }] };
  }
  if (workflow === 'coverage-event' && to === 'publicada') {
    return { publications: [{ where: 'facebook', url: 'https://facebook.com/calimaya/posts/1' }] };
  }
  if (workflow === 'email-account-request') {
    const authorization = {
      authorizationReference: 'ST/0123/2027',
      authorizationDate: '2027-01-05',
    };
    // Support is attended without authorization; only a baja removes an account.
    if (to === 'atendida' || from === 'atendida') {
      return {
        kind: 'soporte',
        emailAddress: 'cultura@calimaya.gob.mx',
        supportActions: 'Se restableció el acceso al buzón.',
        verificationNote: 'El área confirmó que recibe mensajes.',
      };
    }
    if (to === 'dada_de_baja' || from === 'dada_de_baja') {
      return {
        ...authorization,
        kind: 'baja',
        emailAddress: 'cultura@calimaya.gob.mx',
        removalActions: 'Se respaldó el buzón y se eliminó la cuenta.',
        delivery: {
          number: 'DCSGD/0098/2027',
          date: '2027-01-08',
          document: (await createFile(app, 'oficio-baja.pdf')).id,
        },
        verificationNote: 'Un mensaje de prueba fue rechazado.',
      };
    }
    if (to === 'autorizada') return authorization;
    if (to === 'creada') return { ...authorization, emailAddress: 'cultura@calimaya.gob.mx' };
    if (to === 'entregada' || to === 'verificada') {
      return {
        ...authorization,
        emailAddress: 'cultura@calimaya.gob.mx',
        delivery: {
          number: 'DCSGD/0099/2027',
          date: '2027-01-08',
          document: (await createFile(app, 'oficio-entrega.pdf')).id,
          receivedBy: 'Enlace de la Dirección de Cultura',
        },
        installedAt: '2027-01-08T17:00:00.000Z',
        installedBy: 'Auxiliar de Gobierno Digital',
        verificationNote: 'El área envió y recibió un mensaje de prueba.',
      };
    }
    return {};
  }
  if (workflow === 'advisory' && to === 'concluida') {
    return {
      notes: 'Se entregó el manual.',
      followUps: [
        { date: '2027-01-11', by: 'Coordinación de Organismos', notes: 'Se entregó el manual.' },
      ],
    };
  }
  if (workflow === 'oficio' && to === 'atendido') {
    return { responseFolio: 'DCSGD/R/0001/2027', responseDate: '2027-01-20' };
  }
  return {};
};

/**
 * A record of `workflow` standing in state `from`, with everything the transition to `to` needs.
 * The state is set directly (test set-up, not a door under test).
 */
export const itemIn = async (
  app: TestApp,
  workflow: WorkflowKey,
  from: string,
  to: string,
  { crewId, area = 'DC' }: { crewId: number; area?: string }
) => {
  const uid = WORKFLOW_UIDS[workflow] as UID.ContentType;
  const oficio = await createOficio(app, { area });
  let documentId = oficio.documentId;
  if (workflow !== 'oficio') {
    const created = await app.strapi
      .documents(uid)
      .create({ data: { ...completeData(workflow, crewId), oficio: oficio.documentId } as never });
    documentId = created.documentId;
  }
  const extra = await dataFor(app, workflow, from, to);
  await runInternal(() =>
    app.strapi.documents(uid).update({
      documentId,
      data: { ...extra, [STATUS_FIELD]: from } as never,
    })
  );
  return { uid, documentId, oficioDocumentId: oficio.documentId };
};

export const stateOf = async (app: TestApp, workflow: WorkflowKey, documentId: string) => {
  const where: Record<string, unknown> = { documentId };
  if (workflow === 'web-publication' || workflow === 'transparency-document')
    where.publishedAt = null;
  const row = (await app.strapi.db
    .query(WORKFLOW_UIDS[workflow] as UID.ContentType)
    .findOne({ where, select: [STATUS_FIELD] })) as Record<string, string>;
  return row[STATUS_FIELD];
};

export const logsOf = async (app: TestApp, documentId: string) =>
  (await app.strapi.db.query(LOG_UID).findMany({
    where: { subjectDocumentId: documentId },
    orderBy: { id: 'asc' },
  })) as {
    fromStatus: string | null;
    toStatus: string;
    actorKind: string;
    comment: string | null;
  }[];

/** Fires a transition through one of the three doors. Resolves to { status, body }. */
export const fire = async (
  app: TestApp,
  door: 'plugin' | 'content-manager' | 'documents',
  {
    workflow,
    documentId,
    to,
    comment,
    role,
    session,
  }: {
    workflow: WorkflowKey;
    documentId: string;
    to: string;
    comment: string;
    role: Role;
    session?: Session;
  }
): Promise<{
  status: number;
  body: { error?: { message: string; details: { code: string } } };
}> => {
  const uid = WORKFLOW_UIDS[workflow];
  if (door === 'plugin') {
    const res = await app
      .http()
      .post('/comunicacion/transitions')
      .set(session!.auth)
      .send({ uid, documentId, to, comment });
    return { status: res.status, body: res.body };
  }
  if (door === 'content-manager') {
    const res = await app
      .http()
      .put(`/content-manager/collection-types/${uid}/${documentId}`)
      .set(session!.auth)
      .send({ [STATUS_FIELD]: to, transitionComment: comment });
    return { status: res.status, body: res.body };
  }
  try {
    await runAs(
      actorFor(role, session),
      () =>
        app.strapi
          .documents(uid as UID.ContentType)
          .update({ documentId, data: { [STATUS_FIELD]: to } as never }),
      comment
    );
    return { status: 200, body: {} };
  } catch (error) {
    const e = error as { name?: string; message: string; details?: { code: string } };
    const status = ['ForbiddenError', 'PolicyError'].includes(e.name ?? '')
      ? 403
      : e.name === 'ValidationError'
        ? 400
        : 500;
    return {
      status,
      body: { error: { message: e.message, details: e.details ?? { code: 'UNKNOWN' } } },
    };
  }
};

/**
 * Boots the app for the enclosing describe block, logs in one admin per staff role, hands both to
 * `receive`, and closes the app afterwards.
 */
export const useStaffApp = (
  receive: (booted: { app: TestApp; staff: Record<Role, Session> }) => void
) => {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await bootApp();
    receive({ app, staff: await staffSessions(app) });
  });
  afterAll(async () => {
    await app?.close();
  });
};
