import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import {
  completeData,
  createOficio,
  fire,
  itemIn,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const COVERAGE = 'api::coverage-event.coverage-event';
const SOCIAL = 'api::social-post.social-post';
const WEB = 'api::web-publication.web-publication';
const TRANSPARENCY = 'api::transparency-document.transparency-document';
const EMAIL = 'api::email-account-request.email-account-request';
const cm = (uid: string, documentId = '') =>
  `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

const isoDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('reglas de cada servicio', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let photographer: number;
  useStaffApp((booted) => ({ app, staff } = booted));
  beforeAll(async () => {
    photographer = Number(staff.fotografo.user.id);
  });

  const coverage = async (receivedAt: string, slot: { startsAt: string; endsAt: string }) => {
    const oficio = await createOficio(app, { receivedAt });
    return app.strapi.documents(COVERAGE).create({
      data: {
        ...completeData('coverage-event', photographer),
        ...slot,
        oficio: oficio.documentId,
      } as never,
    });
  };
  const schedule = (documentId: string) =>
    fire(app, 'plugin', {
      workflow: 'coverage-event',
      documentId,
      to: 'programada',
      role: 'coordinador_comunicacion',
      session: staff.coordinador_comunicacion,
      comment: 'Programada',
    });

  describe('coberturas: la misma persona no cubre dos eventos a la vez', () => {
    it('la solicitud recibida después no puede tomar el horario ocupado', async () => {
      const slot = { startsAt: '2027-04-10T16:00:00Z', endsAt: '2027-04-10T18:00:00Z' };
      const first = await coverage('2027-01-05T16:00:00Z', slot);
      const second = await coverage('2027-01-06T16:00:00Z', {
        startsAt: '2027-04-10T17:00:00Z',
        endsAt: '2027-04-10T19:00:00Z',
      });

      expect((await schedule(first.documentId)).status).toBe(200);
      const refused = await schedule(second.documentId);
      expect(refused.status).toBe(400);
      expect(refused.body.error?.details.code).toBe('CREW_CONFLICT');
      expect(refused.body.error?.message).toMatch(/Cobertura del festival/);
      expect(await stateOf(app, 'coverage-event', second.documentId)).toBe('solicitada');
    });

    it('la solicitud recibida antes conserva el horario y la otra queda marcada en conflicto', async () => {
      const laterReceived = await coverage('2027-01-08T16:00:00Z', {
        startsAt: '2027-04-12T16:00:00Z',
        endsAt: '2027-04-12T18:00:00Z',
      });
      const earlierReceived = await coverage('2027-01-07T16:00:00Z', {
        startsAt: '2027-04-12T17:00:00Z',
        endsAt: '2027-04-12T18:30:00Z',
      });

      expect((await schedule(laterReceived.documentId)).status).toBe(200);
      expect((await schedule(earlierReceived.documentId)).status).toBe(200);
      const displaced = (await app.strapi.db
        .query(COVERAGE)
        .findOne({ where: { documentId: laterReceived.documentId } })) as {
        hasCrewConflict: boolean;
      };
      expect(displaced.hasCrewConflict).toBe(true);
    });

    it('eventos que solo se tocan no chocan', async () => {
      const a = await coverage('2027-01-05T16:00:00Z', {
        startsAt: '2027-04-14T16:00:00Z',
        endsAt: '2027-04-14T18:00:00Z',
      });
      const b = await coverage('2027-01-06T16:00:00Z', {
        startsAt: '2027-04-14T18:00:00Z',
        endsAt: '2027-04-14T20:00:00Z',
      });
      expect((await schedule(a.documentId)).status).toBe(200);
      expect((await schedule(b.documentId)).status).toBe(200);
    });
  });

  describe('veda electoral y art. 134', () => {
    const setBlackout = (
      periods: { start: string; end: string; scope?: string; note?: string }[]
    ) =>
      app
        .http()
        .put('/content-manager/single-types/api::setting.setting')
        .set(staff.director.auth)
        .send({ blackoutPeriods: periods })
        .expect(200);

    afterEach(async () => {
      await setBlackout([]);
    });

    it('durante la veda no se publica en redes salvo una excepción permitida', async () => {
      await setBlackout([
        { start: isoDay(-1), end: isoDay(30), scope: 'Elección local', note: 'Campañas 2027' },
      ]);
      const post = await itemIn(app, 'social-post', 'programada', 'publicada', {
        crewId: photographer,
      });
      const publish = () =>
        app
          .http()
          .put(cm(SOCIAL, post.documentId))
          .set(staff.community_manager.auth)
          .send({ workflowStatus: 'publicada', transitionComment: 'Publicación' });

      const refused = await publish().expect(400);
      expect(refused.body.error.details.code).toBe('BLACKOUT');
      expect(refused.body.error.message).toMatch(/veda/i);
      expect(await stateOf(app, 'social-post', post.documentId)).toBe('programada');

      await app
        .http()
        .put(cm(SOCIAL, post.documentId))
        .set(staff.community_manager.auth)
        .send({ blackoutException: 'proteccion_civil' })
        .expect(200);
      await publish().expect(200);
      expect(await stateOf(app, 'social-post', post.documentId)).toBe('publicada');
    });

    it('los documentos de transparencia se publican aun en veda', async () => {
      await setBlackout([{ start: isoDay(-1), end: isoDay(30) }]);
      const doc = await itemIn(app, 'transparency-document', 'lista', 'publicada', {
        crewId: photographer,
      });
      await app
        .http()
        .post(`${cm(TRANSPARENCY, doc.documentId)}/actions/publish`)
        .set(staff.coordinador_gobierno_digital.auth)
        .send({})
        .expect(200);
      expect(await stateOf(app, 'transparency-document', doc.documentId)).toBe('publicada');
    });

    it('una publicación que menciona a una persona servidora pública la publica la coordinación', async () => {
      const post = await itemIn(app, 'social-post', 'programada', 'publicada', {
        crewId: photographer,
      });
      await runInternal(() =>
        app.strapi.documents(SOCIAL).update({
          documentId: post.documentId,
          data: { mentionsPublicServant: true } as never,
        })
      );
      const byCommunityManager = await fire(app, 'plugin', {
        workflow: 'social-post',
        documentId: post.documentId,
        to: 'publicada',
        role: 'community_manager',
        session: staff.community_manager,
        comment: 'Publicar',
      });
      expect(byCommunityManager.status).toBe(400);
      expect(byCommunityManager.body.error?.details.code).toBe('PUBLIC_SERVANT_MENTION');

      const byCoordinator = await fire(app, 'plugin', {
        workflow: 'social-post',
        documentId: post.documentId,
        to: 'publicada',
        role: 'coordinador_comunicacion',
        session: staff.coordinador_comunicacion,
        comment: 'Revisado: cumple el art. 134',
      });
      expect(byCoordinator.status).toBe(200);
    });

    it('una publicación sobre un diseño no se publica antes de que el diseño esté aprobado', async () => {
      const design = await itemIn(app, 'design', 'en_diseno', 'en_revision', {
        crewId: photographer,
      });
      const post = await itemIn(app, 'social-post', 'programada', 'publicada', {
        crewId: photographer,
      });
      await runInternal(() =>
        app.strapi.documents(SOCIAL).update({
          documentId: post.documentId,
          data: { design: design.documentId } as never,
        })
      );
      const res = await fire(app, 'plugin', {
        workflow: 'social-post',
        documentId: post.documentId,
        to: 'publicada',
        role: 'community_manager',
        session: staff.community_manager,
        comment: 'Publicar',
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.details.code).toBe('NOT_APPROVED');
    });
  });

  it('una cuenta de correo no se crea sin la autorización de la Secretaría Técnica', async () => {
    const request = await itemIn(app, 'email-account-request', 'autorizada', 'creada', {
      crewId: photographer,
    });
    await runInternal(() =>
      app.strapi.documents(EMAIL).update({
        documentId: request.documentId,
        data: { authorizationReference: null, authorizationDate: null } as never,
      })
    );
    const res = await fire(app, 'content-manager', {
      workflow: 'email-account-request',
      documentId: request.documentId,
      to: 'creada',
      role: 'coordinador_gobierno_digital',
      session: staff.coordinador_gobierno_digital,
      comment: 'Alta',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.details.code).toBe('NOT_AUTHORIZED');
  });

  describe('publicar en el sitio solo desde «lista», por cualquier puerta', () => {
    const publishViaAdmin = (documentId: string) =>
      app
        .http()
        .post(`${cm(WEB, documentId)}/actions/publish`)
        .set(staff.coordinador_gobierno_digital.auth)
        .send({});
    const publishedRow = (documentId: string) =>
      app.strapi.db
        .query(WEB as UID.ContentType)
        .findOne({ where: { documentId, publishedAt: { $notNull: true } } });

    it('el botón Publicar del administrador se rechaza antes de «lista»', async () => {
      const web = await itemIn(app, 'web-publication', 'en_analisis', 'lista', {
        crewId: photographer,
      });
      const res = await publishViaAdmin(web.documentId).expect(400);
      expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
      expect(await publishedRow(web.documentId)).toBeNull();
      await expect(
        app.strapi.documents(WEB).publish({ documentId: web.documentId })
      ).rejects.toMatchObject({ details: { code: 'INVALID_TRANSITION' } });
      expect(await publishedRow(web.documentId)).toBeNull();
    });

    it('desde «lista» publica, pasa a «publicada» y lo anota en la bitácora', async () => {
      const web = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      await publishViaAdmin(web.documentId).expect(200);
      expect(await stateOf(app, 'web-publication', web.documentId)).toBe('publicada');
      expect(await publishedRow(web.documentId)).toMatchObject({ workflowStatus: 'publicada' });
      const logs = await logsOf(app, web.documentId);
      expect(logs[logs.length - 1]).toMatchObject({ fromStatus: 'lista', toStatus: 'publicada' });
    });

    it('la transición a «publicada» por la ruta del complemento también publica', async () => {
      const web = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      const res = await fire(app, 'plugin', {
        workflow: 'web-publication',
        documentId: web.documentId,
        to: 'publicada',
        role: 'auxiliar_gobierno_digital',
        session: staff.auxiliar_gobierno_digital,
        comment: 'Publicar',
      });
      expect(res.status).toBe(200);
      expect(await publishedRow(web.documentId)).toBeTruthy();
    });

    it('la publicación masiva del administrador aplica la misma regla, todo o nada', async () => {
      const ready = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      const notReady = await itemIn(app, 'web-publication', 'en_analisis', 'lista', {
        crewId: photographer,
      });
      const bulk = (documentIds: string[]) =>
        app
          .http()
          .post(`${cm(WEB)}/actions/bulkPublish`)
          .set(staff.coordinador_gobierno_digital.auth)
          .send({ documentIds });

      const refused = await bulk([ready.documentId, notReady.documentId]);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.code).toBe('INVALID_TRANSITION');
      expect(await publishedRow(ready.documentId)).toBeNull();
      expect(await stateOf(app, 'web-publication', ready.documentId)).toBe('lista');

      const other = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      await bulk([ready.documentId, other.documentId]).expect(200);
      expect(await publishedRow(ready.documentId)).toBeTruthy();
      expect(await stateOf(app, 'web-publication', other.documentId)).toBe('publicada');
    });

    it('despublicar pide el motivo y deja la publicación «retirada»', async () => {
      const web = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      await publishViaAdmin(web.documentId).expect(200);

      const unpublish = () =>
        app
          .http()
          .post(`${cm(WEB, web.documentId)}/actions/unpublish`)
          .set(staff.coordinador_gobierno_digital.auth)
          .send({});
      const noReason = await unpublish().expect(400);
      expect(noReason.body.error.details).toMatchObject({
        code: 'MISSING_DATA',
        fields: ['withdrawalReason'],
      });
      expect(await publishedRow(web.documentId)).toBeTruthy();

      // A placeholder is no reason, whatever door the withdrawal comes through.
      const reason = (withdrawalReason: string) =>
        app
          .http()
          .put(cm(WEB, web.documentId))
          .set(staff.coordinador_gobierno_digital.auth)
          .send({ withdrawalReason })
          .expect(200);
      await reason('Vencida');
      const short = await unpublish().expect(400);
      expect(short.body.error.message).toBe('Motivo del retiro: escribe al menos 10 caracteres.');
      expect(await publishedRow(web.documentId)).toBeTruthy();

      await reason('La convocatoria se canceló.');
      await unpublish().expect(200);
      expect(await stateOf(app, 'web-publication', web.documentId)).toBe('retirada');
      expect(await publishedRow(web.documentId)).toBeNull();
    });

    it('descartar el borrador no puede regresar el estado', async () => {
      const web = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      await publishViaAdmin(web.documentId).expect(200);
      await runInternal(() =>
        app.strapi.documents(WEB).update({
          documentId: web.documentId,
          data: { workflowStatus: 'verificada' } as never,
        })
      );
      const res = await app
        .http()
        .post(`${cm(WEB, web.documentId)}/actions/discard`)
        .set(staff.coordinador_gobierno_digital.auth)
        .send({})
        .expect(400);
      expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
      expect(await stateOf(app, 'web-publication', web.documentId)).toBe('verificada');
    });
  });

  describe('permisos del administrador de contenido por rol', () => {
    it('un diseñador lee de una publicación web solo su parte (la imagen) y no la publica', async () => {
      const web = await itemIn(app, 'web-publication', 'lista', 'publicada', {
        crewId: photographer,
      });
      const seen = await app
        .http()
        .get(cm(WEB, web.documentId))
        .set(staff.disenador_senior.auth)
        .expect(200);
      expect(seen.body.data.designRequest).toBeDefined();
      expect(seen.body.data.internalNotes).toBeUndefined();
      expect(seen.body.data.spellingChecked).toBeUndefined();
      await app
        .http()
        .post(`${cm(WEB, web.documentId)}/actions/publish`)
        .set(staff.disenador_senior.auth)
        .send({})
        .expect(403);
      expect(await stateOf(app, 'web-publication', web.documentId)).toBe('lista');
    });

    it('el community manager no puede aprobar diseños', async () => {
      const design = await itemIn(app, 'design', 'en_revision', 'aprobado', {
        crewId: photographer,
      });
      await app
        .http()
        .put(cm('api::design.design', design.documentId))
        .set(staff.community_manager.auth)
        .send({ workflowStatus: 'aprobado' })
        .expect(403);
      const viaPlugin = await fire(app, 'plugin', {
        workflow: 'design',
        documentId: design.documentId,
        to: 'aprobado',
        role: 'community_manager',
        session: staff.community_manager,
        comment: 'x',
      });
      expect(viaPlugin.status).toBe(403);
      expect(await stateOf(app, 'design', design.documentId)).toBe('en_revision');
    });

    it('la bitácora no se edita ni se borra', async () => {
      const [record] = (await app.strapi.db
        .query('api::transition-log.transition-log')
        .findMany({ limit: 1 })) as { documentId: string }[];
      await expect(
        app.strapi.documents('api::transition-log.transition-log').update({
          documentId: record.documentId,
          data: { comment: 'reescrito' } as never,
        })
      ).rejects.toMatchObject({ details: { code: 'LOG_APPEND_ONLY' } });
      await expect(
        app.strapi
          .documents('api::transition-log.transition-log')
          .delete({ documentId: record.documentId })
      ).rejects.toMatchObject({ details: { code: 'LOG_APPEND_ONLY' } });
      await expect(
        app.strapi.documents('api::transition-log.transition-log').create({
          data: {
            subjectUid: 'x',
            subjectDocumentId: 'y',
            toStatus: 'z',
            at: new Date().toISOString(),
          } as never,
        })
      ).rejects.toMatchObject({ details: { code: 'LOG_APPEND_ONLY' } });
    });
  });
});
