import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { actorFor, logsOf, useStaffApp } from '../harness/workflow-fixtures';
import { runAs, runInternal } from '../harness/runtime';
import type { Role } from '../../src/domain/workflows';
import { startHttpPeer, type HttpPeer } from './http-peer';
import {
  TRANSPARENCY,
  WEB,
  deliveriesOf,
  publishableItem,
  publishedRow,
  sha256,
  workflowState,
  type PublishableItem,
} from './publishing-helpers';

const isoDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const cm = (uid: string, documentId: string) =>
  `/content-manager/collection-types/${uid}/${documentId}`;

describe('publicar en el sitio desde el complemento', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let site: HttpPeer;
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(async () => {
    site = await startHttpPeer();
  });
  afterAll(async () => {
    await site?.close();
  });
  afterEach(() => {
    delete process.env.SITE_URL;
    delete process.env.SITE_WEBHOOK_URL;
  });

  const publish = (item: { uid: string; documentId: string }, session: Session) =>
    app
      .http()
      .post('/comunicacion/publications/publish')
      .set(session.auth)
      .send({ uid: item.uid, documentId: item.documentId, comment: 'Listo para el sitio' });

  const publicApi = (item: PublishableItem) =>
    app
      .http()
      .get(
        `/api/${item.uid === WEB ? 'web-publications' : 'transparency-documents'}/${item.documentId}`
      );

  describe('solo se publica desde «lista», por cualquier puerta', () => {
    const NOT_READY = ['recibida', 'en_analisis', 'en_diseno', 'retirada'];

    it.each(NOT_READY)(
      'desde «%s» lo rechazan el complemento, el administrador de contenido, el Document Service y la API pública; no queda aviso',
      async (state) => {
        const item = await publishableItem(app, 'web-publication', { state });
        const coordinator = staff.coordinador_gobierno_digital;

        const plugin = await publish(item, coordinator);
        expect(plugin.status).toBe(400);
        expect(plugin.body.error.details.code).toBe('INVALID_TRANSITION');
        expect(plugin.body.error.message).toMatch(/[«»]/);

        const transitions = await app
          .http()
          .post('/comunicacion/transitions')
          .set(coordinator.auth)
          .send({ uid: WEB, documentId: item.documentId, to: 'publicada' });
        expect(transitions.status).toBe(400);
        expect(transitions.body.error.details.code).toBe('INVALID_TRANSITION');

        const contentManager = await app
          .http()
          .post(`${cm(WEB, item.documentId)}/actions/publish`)
          .set(coordinator.auth)
          .send({});
        expect(contentManager.status).toBe(400);
        expect(contentManager.body.error.details.code).toBe('INVALID_TRANSITION');

        await expect(
          runAs(actorFor('coordinador_gobierno_digital', coordinator), () =>
            app.strapi
              .documents('api::web-publication.web-publication')
              .publish({ documentId: item.documentId })
          )
        ).rejects.toMatchObject({ details: { code: 'INVALID_TRANSITION' } });

        // The content API only reads: no write route exists for anyone outside the office.
        const apiWrite = await app
          .http()
          .put(`/api/web-publications/${item.documentId}`)
          .send({ data: { workflowStatus: 'publicada' } });
        expect([403, 404, 405]).toContain(apiWrite.status);

        expect(await workflowState(app, WEB, item.documentId)).toBe(state);
        expect(await publishedRow(app, WEB, item.documentId)).toBeNull();
        expect(await deliveriesOf(app, item.documentId)).toHaveLength(0);
        await publicApi(item).expect(404);
      }
    );

    it.each(['publicada', 'verificada', 'respondida'])(
      'el complemento no vuelve a publicar lo que ya está «%s»',
      async (state) => {
        const item = await publishableItem(app, 'web-publication', { state });
        const res = await publish(item, staff.coordinador_gobierno_digital).expect(400);
        expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
        expect(await workflowState(app, WEB, item.documentId)).toBe(state);
        expect(await deliveriesOf(app, item.documentId)).toHaveLength(0);
      }
    );

    it('quien no tiene el permiso de publicar recibe 403 y nada cambia', async () => {
      const item = await publishableItem(app, 'web-publication');
      await publish(item, staff.disenador_senior).expect(403);
      expect(await workflowState(app, WEB, item.documentId)).toBe('lista');
      expect(await deliveriesOf(app, item.documentId)).toHaveLength(0);
    });

    it('una noticia en veda electoral se rechaza con el código de la regla y sin aviso', async () => {
      const item = await publishableItem(app, 'web-publication');
      await runInternal(() =>
        app.strapi.documents(WEB as UID.ContentType).update({
          documentId: item.documentId,
          data: { isNews: true } as never,
        })
      );
      const setBlackout = (periods: { start: string; end: string }[]) =>
        app
          .http()
          .put('/content-manager/single-types/api::setting.setting')
          .set(staff.director.auth)
          .send({ blackoutPeriods: periods })
          .expect(200);
      await setBlackout([{ start: isoDay(-1), end: isoDay(30) }]);
      try {
        const res = await publish(item, staff.coordinador_gobierno_digital).expect(400);
        expect(res.body.error.details.code).toBe('BLACKOUT');
        expect(res.body.error.message).toMatch(/veda/i);
        expect(await workflowState(app, WEB, item.documentId)).toBe('lista');
        expect(await publishedRow(app, WEB, item.documentId)).toBeNull();
        expect(await deliveriesOf(app, item.documentId)).toHaveLength(0);
      } finally {
        await setBlackout([]);
      }
    });
  });

  describe('desde «lista» publica, avisa, verifica y responde en un clic', () => {
    it('una publicación web queda «respondida» con evidencia que coincide con la API pública', async () => {
      const item = await publishableItem(app, 'web-publication');
      const res = await publish(item, staff.auxiliar_gobierno_digital).expect(200);
      const result = res.body.data;

      expect(result).toMatchObject({
        uid: WEB,
        documentId: item.documentId,
        title: item.title,
        status: 'respondida',
        pageUrl: null,
      });
      expect(result.steps.map((step: { key: string; ok: boolean }) => [step.key, step.ok])).toEqual(
        [
          ['publicada', true],
          ['aviso', false],
          ['verificada', true],
          ['respondida', true],
        ]
      );
      // No webhook configured: the notice stays in the log without destination.
      expect(result.delivery).toMatchObject({
        event: 'publicacion.publicada',
        status: 'sin_destino',
        target: null,
        attempts: 0,
      });

      // The evidence: what the anonymous API answers right now, byte for byte.
      const api = await publicApi(item).expect(200);
      expect(api.body.data.title).toBe(item.title);
      expect(api.body.data.verificationEvidence).toBeUndefined();
      const apiUrl = `http://127.0.0.1:${(app.strapi.server.httpServer.address() as { port: number }).port}/api/web-publications/${item.documentId}`;
      expect(result.evidence).toMatchObject({
        url: apiUrl,
        httpStatus: 200,
        contentHash: sha256(JSON.stringify(api.body.data)),
        api: { url: apiUrl, httpStatus: 200, contentHash: sha256(JSON.stringify(api.body.data)) },
        page: null,
      });
      expect(Date.parse(result.evidence.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(result.answer.folio).toBe(`${item.oficioFolio}-R1`);

      const logs = await logsOf(app, item.documentId);
      expect(logs.slice(-3).map((log) => [log.fromStatus, log.toStatus, log.actorKind])).toEqual([
        ['lista', 'publicada', 'admin'],
        ['publicada', 'verificada', 'admin'],
        ['verificada', 'respondida', 'admin'],
      ]);
      expect(logs[logs.length - 3].comment).toBe('Listo para el sitio');

      // The same result later, from the status route.
      const status = await app
        .http()
        .get('/comunicacion/publications/status')
        .query({ uid: WEB, documentId: item.documentId })
        .set(staff.coordinador_gobierno_digital.auth)
        .expect(200);
      expect(status.body.data).toMatchObject({
        status: 'respondida',
        evidence: result.evidence,
        answer: result.answer,
        delivery: { id: result.delivery.id },
      });
    });

    it('un documento de transparencia sigue el mismo camino', async () => {
      const item = await publishableItem(app, 'transparency-document');
      const res = await publish(item, staff.coordinador_gobierno_digital).expect(200);
      expect(res.body.data.status).toBe('respondida');
      const api = await publicApi(item).expect(200);
      expect(res.body.data.evidence.contentHash).toBe(sha256(JSON.stringify(api.body.data)));
      expect(res.body.data.evidence.url).toMatch(
        new RegExp(`/api/transparency-documents/${item.documentId}$`)
      );
    });
  });

  describe('verificación de la página del sitio (SITE_URL)', () => {
    it('si la página responde 404 queda «publicada» con el motivo; al corregirse, verificar la responde', async () => {
      const item = await publishableItem(app, 'web-publication');
      process.env.SITE_URL = `${site.url}/sitio`;
      site.respond([404]);
      const first = await publish(item, staff.coordinador_gobierno_digital).expect(200);
      const pageUrl = `${site.url}/sitio/publicacion.html?slug=${item.slug}`;

      expect(first.body.data.status).toBe('publicada');
      expect(first.body.data.pageUrl).toBe(pageUrl);
      const failed = first.body.data.steps.find(
        (step: { key: string }) => step.key === 'verificada'
      );
      expect(failed).toEqual({
        key: 'verificada',
        ok: false,
        message: `El sitio respondió 404 en ${pageUrl}.`,
      });
      expect(first.body.data.evidence).toBeNull();
      expect(first.body.data.answer).toBeNull();
      expect(await publishedRow(app, WEB, item.documentId)).toBeTruthy();
      expect(site.requests.at(-1)?.url).toBe(`/sitio/publicacion.html?slug=${item.slug}`);

      site.respond([], 200);
      const second = await app
        .http()
        .post('/comunicacion/publications/verify')
        .set(staff.coordinador_gobierno_digital.auth)
        .send({ uid: WEB, documentId: item.documentId })
        .expect(200);
      const body = site.bodyFor(`/sitio/publicacion.html?slug=${item.slug}`);
      expect(second.body.data.status).toBe('respondida');
      expect(second.body.data.evidence).toMatchObject({
        url: pageUrl,
        httpStatus: 200,
        contentHash: sha256(body),
        page: { url: pageUrl, httpStatus: 200, contentHash: sha256(body) },
        api: { httpStatus: 200 },
      });
    });

    it('un documento de transparencia se verifica en documento.html?id=…', async () => {
      const item = await publishableItem(app, 'transparency-document');
      process.env.SITE_URL = site.url;
      site.respond([], 200);
      const res = await publish(item, staff.coordinador_gobierno_digital).expect(200);
      expect(res.body.data.status).toBe('respondida');
      expect(res.body.data.evidence.url).toBe(`${site.url}/documento.html?id=${item.documentId}`);
    });

    it('verificar fuera de «publicada» o «verificada» se rechaza', async () => {
      const item = await publishableItem(app, 'transparency-document');
      const res = await app
        .http()
        .post('/comunicacion/publications/verify')
        .set(staff.coordinador_gobierno_digital.auth)
        .send({ uid: TRANSPARENCY, documentId: item.documentId })
        .expect(400);
      expect(res.body.error.details.code).toBe('INVALID_TRANSITION');
      expect(await workflowState(app, TRANSPARENCY, item.documentId)).toBe('lista');
    });
  });

  describe('retirar del sitio', () => {
    it('pide un motivo de al menos 10 caracteres; retira, despublica y avisa al sitio', async () => {
      const item = await publishableItem(app, 'web-publication');
      await publish(item, staff.coordinador_gobierno_digital).expect(200);
      await publicApi(item).expect(200);

      const withdraw = (reason: string) =>
        app
          .http()
          .post('/comunicacion/publications/withdraw')
          .set(staff.auxiliar_gobierno_digital.auth)
          .send({ uid: WEB, documentId: item.documentId, reason });
      const short = await withdraw('Vencida').expect(400);
      expect(short.body.error.details.code).toBe('MISSING_DATA');
      expect(await workflowState(app, WEB, item.documentId)).toBe('respondida');
      await publicApi(item).expect(200);

      const res = await withdraw('La convocatoria se canceló por acuerdo de cabildo.').expect(200);
      expect(res.body.data.status).toBe('retirada');
      expect(res.body.data.delivery).toMatchObject({ event: 'publicacion.retirada' });
      await publicApi(item).expect(404);
      expect(await publishedRow(app, WEB, item.documentId)).toBeNull();
      const logs = await logsOf(app, item.documentId);
      expect(logs.at(-1)).toMatchObject({
        fromStatus: 'respondida',
        toStatus: 'retirada',
        comment: 'La convocatoria se canceló por acuerdo de cabildo.',
      });
      const draft = (await app.strapi.db
        .query(WEB as UID.ContentType)
        .findOne({ where: { documentId: item.documentId, publishedAt: null } })) as {
        withdrawalReason: string;
      };
      expect(draft.withdrawalReason).toBe('La convocatoria se canceló por acuerdo de cabildo.');
      expect((await deliveriesOf(app, item.documentId)).map((row) => row.event)).toEqual([
        'publicacion.publicada',
        'publicacion.retirada',
      ]);

      const again = await withdraw('Segundo intento de retiro del sitio.').expect(400);
      expect(again.body.error.details.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('permisos de las rutas de consulta', () => {
    it('el estado lo ven quienes publican o ven los avisos; nadie más', async () => {
      const item = await publishableItem(app, 'web-publication');
      const status = (session: Session) =>
        app
          .http()
          .get('/comunicacion/publications/status')
          .query({ uid: WEB, documentId: item.documentId })
          .set(session.auth);
      const res = await status(staff.auxiliar_gobierno_digital).expect(200);
      expect(res.body.data).toMatchObject({ status: 'lista', steps: [], delivery: null });
      await status(staff.disenador_junior).expect(403);
      await app
        .http()
        .get('/comunicacion/publications/status')
        .query({ uid: 'api::design.design', documentId: item.documentId })
        .set(staff.auxiliar_gobierno_digital.auth)
        .expect(400);
    });
  });
});
