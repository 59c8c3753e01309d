/*
 * Validation at intake: what an area files through the content API and what staff write through
 * the content manager holds the same rules — a coverage ends after it starts, its deliverables and
 * a post's networks are lists of known codes, a transparency document names its law with its
 * article and fracción, a blackout period ends after it starts. Each refusal is a 400 in Spanish
 * with a stable code, and leaves nothing written (not even a folio).
 */
import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, loginAsApiUser, type Session } from '../harness/auth';
import { areaId, completeData, createOficio } from '../harness/workflow-fixtures';
import { STATE_TRANSPARENCY_LAW } from '../../src/bootstrap/transparency-obligations';
import { ROLE_LABELS } from '../../src/domain/workflows';

const COVERAGE = 'api::coverage-event.coverage-event';
const SOCIAL = 'api::social-post.social-post';
const TRANSPARENCY = 'api::transparency-document.transparency-document';
const cm = (uid: string, documentId?: string) =>
  `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

const coverage = {
  type: 'coverage-event',
  title: 'Cobertura de la Feria del Elote',
  eventName: 'Feria del Elote',
  startsAt: '2031-03-20T17:00:00.000Z',
  endsAt: '2031-03-20T19:00:00.000Z',
  place: 'Jardín principal',
  deliverables: ['fotos', 'video'],
};
const post = {
  type: 'social-post',
  title: 'Invitación a la feria',
  text: 'Te esperamos en la Feria del Elote.',
  eventDate: '2031-03-20',
  networks: ['facebook', 'instagram'],
};

describe('validación al recibir solicitudes', () => {
  let app: TestApp;
  let cultura: Session;
  let comunicacion: Session;
  let gobiernoDigital: Session;
  let director: Session;

  beforeAll(async () => {
    app = await bootApp();
    cultura = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
    });
    comunicacion = await loginAsAdmin(app, ROLE_LABELS.coordinador_comunicacion);
    gobiernoDigital = await loginAsAdmin(app, ROLE_LABELS.coordinador_gobierno_digital);
    director = await loginAsAdmin(app, ROLE_LABELS.director);
    // The calendar of every year used below is built before the first snapshot.
    for (const receivedAt of [
      new Date().toISOString(),
      '2027-01-04T16:00:00Z',
      '2031-01-06T16:00:00Z',
    ]) {
      await createOficio(app, { receivedAt });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Rows of every table and the folio counters: what "nothing was written" means. */
  const snapshot = async () => {
    const knex = app.strapi.db.connection;
    const tables =
      app.db.client === 'postgres'
        ? ((
            await knex.raw(
              'select tablename as name from pg_tables where schemaname = current_schema()'
            )
          ).rows as { name: string }[])
        : ((await knex.raw(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
          )) as { name: string }[]);
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      if (name === 'strapi_sessions' || name === 'admin_users') continue;
      const [{ count }] = await knex(name).count({ count: '*' });
      counts[name] = Number(count);
    }
    const folios = await knex('folio_counters').select('year', 'last').orderBy('year');
    return { counts, folios: JSON.stringify(folios) };
  };

  /** An error answer, as the client reads it. */
  interface Refusal {
    status: number;
    body: { error: { message: string; details: Record<string, unknown> & { code?: string } } };
  }

  /** Sends `request`, expects a coded Spanish 400, and that nothing at all was written. */
  const refused = async (request: () => PromiseLike<Refusal>, code: string, message: RegExp) => {
    const before = await snapshot();
    const res = await request();
    expect({ status: res.status, code: res.body?.error?.details?.code }).toEqual({
      status: 400,
      code,
    });
    expect(res.body.error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
    return res;
  };

  const file = (services: Record<string, unknown>[]) =>
    app
      .http()
      .post('/api/oficios')
      .set(cultura.auth)
      .send({ data: { subject: 'Difusión de la Feria del Elote', services } });

  describe('un área, por la API de contenido', () => {
    it('no registra una cobertura que termina antes de empezar', async () => {
      const res = await refused(
        () => file([{ ...coverage, endsAt: '2031-03-20T16:00:00.000Z' }]),
        'INVALID_RANGE',
        /El término del evento .* debe ser posterior a su inicio/
      );
      expect(res.body.error.details.fields).toEqual(['startsAt', 'endsAt']);
    });

    it('no registra entregables escritos como texto, ni uno que la oficina no produce', async () => {
      const text = await refused(
        () => file([{ ...coverage, deliverables: 'fotos' }]),
        'INVALID_DELIVERABLES',
        /van en una lista/
      );
      expect(text.body.error.details).toMatchObject({
        fields: ['deliverables'],
        allowed: ['fotos', 'video', 'transmision_en_vivo', 'redes_sociales', 'boletin_prensa'],
      });
      await refused(
        () => file([{ ...coverage, deliverables: ['fotos', 'drone'] }]),
        'INVALID_DELIVERABLES',
        /no admiten «drone»/
      );
    });

    it('no registra redes sociales con JSON anidado ni repetidas', async () => {
      await refused(
        () => file([post, { ...post, networks: { facebook: { pagina: { id: 1 } } } }]),
        'INVALID_NETWORKS',
        /van en una lista/
      );
      await refused(
        () => file([{ ...post, networks: ['facebook', { instagram: ['reels'] }] }]),
        'INVALID_NETWORKS',
        /no admiten un objeto/
      );
      await refused(
        () => file([{ ...post, networks: ['facebook', 'facebook'] }]),
        'INVALID_NETWORKS',
        /repiten «facebook»/
      );
    });

    it('no registra un documento de transparencia con fracción y sin ley', async () => {
      await refused(
        () =>
          file([
            {
              type: 'transparency-document',
              title: 'Estructura orgánica',
              article: '92',
              fraccion: 'XLVIII',
            },
          ]),
        'TRANSPARENCY_LAW_REQUIRED',
        /Indica la ley de la obligación/
      );
    });

    const printDesign = (logos: unknown) => ({
      type: 'design',
      title: 'Lona de la Feria del Elote',
      medium: 'impreso',
      eventName: 'Feria del Elote',
      eventDate: '2031-03-20',
      logos,
    });
    const fileWith = (oficio: Record<string, unknown>, services: Record<string, unknown>[]) =>
      app
        .http()
        .post('/api/oficios')
        .set(cultura.auth)
        .send({ data: { subject: 'Lona de la Feria del Elote', ...oficio, services } });
    const catalogue = async () =>
      (await app.http().get('/api/logos').set(cultura.auth).expect(200)).body.data as {
        documentId: string;
        name: string;
      }[];

    it('no registra copias del oficio fuera de la lista ni un destinatario desconocido', async () => {
      const copies = await refused(
        () =>
          fileWith({ addressedTo: 'presidencia', copiedTo: ['direccion', 'la prensa'] }, [post]),
        'INVALID_COPIES',
        /Las copias del oficio no admiten «la prensa»/
      );
      expect(copies.body.error.details.fields).toEqual(['copiedTo']);
      await refused(
        () => fileWith({ copiedTo: 'direccion' }, [post]),
        'INVALID_COPIES',
        /van en una lista/
      );
      await refused(
        () => fileWith({ addressedTo: 'el alcalde' }, [post]),
        'INVALID_REQUEST',
        /Indica a quién va dirigido el oficio/
      );
    });

    it('no registra un logotipo que no está en el catálogo ni uno dado de baja', async () => {
      await refused(
        () => fileWith({}, [printDesign(['no-existe'])]),
        'INVALID_REQUEST',
        /No existe en el catálogo el logotipo «no-existe»/
      );
      const retired = await app.strapi.documents('api::logo.logo').create({
        data: { name: 'Logotipo de otra administración', active: false } as never,
      });
      await refused(
        () => fileWith({}, [printDesign([retired.documentId])]),
        'INACTIVE_LOGO',
        /«Logotipo de otra administración» está dado de baja/
      );
    });

    it('registra el destinatario, las copias y los logotipos en el orden pedido', async () => {
      const logos = await catalogue();
      const chosen = [logos[2].documentId, logos[0].documentId];
      const res = await fileWith({ addressedTo: 'presidencia', copiedTo: ['direccion'] }, [
        printDesign(chosen),
      ]).expect(201);
      const oficio = await app.strapi.documents('api::oficio.oficio').findOne({
        documentId: res.body.data.documentId,
      });
      expect(oficio).toMatchObject({ addressedTo: 'presidencia', copiedTo: ['direccion'] });
      const design = (await app.strapi.documents('api::design.design').findOne({
        documentId: res.body.data.services[0].documentId,
        populate: { logos: { populate: { logo: true } } },
      } as never)) as unknown as { logos: { logo: { documentId: string } }[] };
      expect(design.logos.map((choice) => choice.logo.documentId)).toEqual(chosen);
      // Without a word about it, an oficio is addressed to the Dirección.
      const plain = await fileWith({}, [post]).expect(201);
      expect(
        await app.strapi.documents('api::oficio.oficio').findOne({
          documentId: plain.body.data.documentId,
        })
      ).toMatchObject({ addressedTo: 'direccion' });
    });

    it('registra lo que está bien formado, tal como lo pidió', async () => {
      const res = await file([
        coverage,
        post,
        { type: 'transparency-document', title: 'Pendiente de análisis' },
      ]).expect(201);
      const [event, social] = res.body.data.services as { documentId: string }[];
      const stored = await app.strapi.documents(COVERAGE).findOne({
        documentId: event.documentId,
      });
      expect(stored?.deliverables).toEqual(['fotos', 'video']);
      const storedPost = await app.strapi.documents(SOCIAL).findOne({
        documentId: social.documentId,
      });
      expect(storedPost?.networks).toEqual(['facebook', 'instagram']);
    });
  });

  describe('el personal, por el administrador de contenido', () => {
    it('no crea una cobertura que termina antes de empezar ni la edita para que lo haga', async () => {
      const oficio = await createOficio(app);
      const data: Record<string, unknown> = {
        ...completeData('coverage-event', 0),
        crew: [],
        oficio: oficio.documentId,
      };
      await refused(
        () =>
          app
            .http()
            .post(cm(COVERAGE))
            .set(comunicacion.auth)
            .send({ ...data, endsAt: data.startsAt }),
        'INVALID_RANGE',
        /debe ser posterior a su inicio/
      );
      const created = await app.http().post(cm(COVERAGE)).set(comunicacion.auth).send(data);
      expect(created.status).toBe(201);
      const documentId = created.body.data.documentId as string;
      await refused(
        () =>
          app
            .http()
            .put(cm(COVERAGE, documentId))
            .set(comunicacion.auth)
            .send({ startsAt: '2027-03-02T15:00:00.000Z' }),
        'INVALID_RANGE',
        /debe ser posterior a su inicio/
      );
      await refused(
        () =>
          app
            .http()
            .put(cm(COVERAGE, documentId))
            .set(comunicacion.auth)
            .send({ deliverables: { fotos: true } }),
        'INVALID_DELIVERABLES',
        /van en una lista/
      );
      // The content manager's JSON editor sends its text; cleared, an empty text.
      const edit = (deliverables: unknown) =>
        app
          .http()
          .put(cm(COVERAGE, documentId))
          .set(comunicacion.auth)
          .send({ deliverables })
          .expect(200);
      await edit('[\n  "fotos",\n  "boletin_prensa"\n]');
      expect((await app.strapi.documents(COVERAGE).findOne({ documentId }))?.deliverables).toEqual([
        'fotos',
        'boletin_prensa',
      ]);
      await edit('');
      expect(
        (await app.strapi.documents(COVERAGE).findOne({ documentId }))?.deliverables
      ).toBeNull();
    });

    it('no guarda un enlace de material ni de publicación de una cobertura que no sea una dirección web', async () => {
      const oficio = await createOficio(app);
      const data: Record<string, unknown> = {
        ...completeData('coverage-event', 0),
        crew: [],
        oficio: oficio.documentId,
      };
      await refused(
        () =>
          app
            .http()
            .post(cm(COVERAGE))
            .set(comunicacion.auth)
            .send({ ...data, material: [{ kind: 'fotos', link: 'ftp://fotos.calimaya.gob.mx' }] }),
        'INVALID_URL',
        /El enlace del material entregado 1 no es una dirección web/
      );
      const created = await app.http().post(cm(COVERAGE)).set(comunicacion.auth).send(data);
      expect(created.status).toBe(201);
      await refused(
        () =>
          app
            .http()
            .put(cm(COVERAGE, created.body.data.documentId))
            .set(comunicacion.auth)
            .send({
              publications: [
                { where: 'facebook', url: 'https://facebook.com/calimaya/posts/1' },
                { where: 'x', url: 'javascript:alert(1)' },
              ],
            }),
        'INVALID_URL',
        /El enlace de la publicación 2 no es una dirección web/
      );
    });

    it('no guarda redes sociales anidadas en una publicación', async () => {
      const oficio = await createOficio(app);
      const created = await app
        .http()
        .post(cm(SOCIAL))
        .set(comunicacion.auth)
        .send({ ...completeData('social-post', 0), networks: ['x'], oficio: oficio.documentId });
      expect(created.status).toBe(201);
      await refused(
        () =>
          app
            .http()
            .put(cm(SOCIAL, created.body.data.documentId))
            .set(comunicacion.auth)
            .send({ networks: [['facebook'], 'instagram'] }),
        'INVALID_NETWORKS',
        /no admiten una lista/
      );
    });

    it('no registra un documento de transparencia sin ley ni con una fracción fuera del catálogo', async () => {
      const oficio = await createOficio(app);
      const data = { ...completeData('transparency-document', 0), oficio: oficio.documentId };
      const noLaw = await refused(
        () =>
          app
            .http()
            .post(cm(TRANSPARENCY))
            .set(gobiernoDigital.auth)
            .send({ ...data, law: null }),
        'TRANSPARENCY_LAW_REQUIRED',
        /Leyes del catálogo: «Ley de Transparencia/
      );
      expect(noLaw.body.error.details.fields).toEqual(['law']);
      await refused(
        () =>
          app
            .http()
            .post(cm(TRANSPARENCY))
            .set(gobiernoDigital.auth)
            .send({ ...data, article: '' }),
        'INCOMPLETE_OBLIGATION',
        /Indica el artículo/
      );
      await refused(
        () =>
          app
            .http()
            .post(cm(TRANSPARENCY))
            .set(gobiernoDigital.auth)
            .send({ ...data, fraccion: 'CCC' }),
        'UNKNOWN_OBLIGATION',
        /no está en el catálogo/
      );
      const created = await app.http().post(cm(TRANSPARENCY)).set(gobiernoDigital.auth).send(data);
      expect(created.status).toBe(201);
      expect(created.body.data.law).toBe(STATE_TRANSPARENCY_LAW);
      // Taking the law away later is refused the same way.
      await refused(
        () =>
          app
            .http()
            .put(cm(TRANSPARENCY, created.body.data.documentId))
            .set(gobiernoDigital.auth)
            .send({ law: '' }),
        'TRANSPARENCY_LAW_REQUIRED',
        /Indica la ley/
      );
    });

    it('el editor de las listas dice cómo se escriben y qué valores admiten', async () => {
      const hint = async (uid: string, field: string) =>
        (
          await app
            .http()
            .get(`/content-manager/content-types/${uid}/configuration`)
            .set(director.auth)
            .expect(200)
        ).body.data.contentType.metadatas[field].edit.description as string;
      expect(await hint(COVERAGE, 'deliverables')).toBe(
        'Lista JSON, p. ej. ["fotos","video"]. Valores: fotos, video, transmision_en_vivo, ' +
          'redes_sociales, boletin_prensa.'
      );
      expect(await hint(SOCIAL, 'networks')).toContain('facebook, instagram, x, tiktok');
    });

    it('no guarda una veda que termina antes de empezar', async () => {
      await refused(
        () =>
          app
            .http()
            .put('/content-manager/single-types/api::setting.setting')
            .set(director.auth)
            .send({
              blackoutPeriods: [
                { start: '2030-04-01', end: '2030-06-02', note: 'Veda 2030' },
                { start: '2033-06-06', end: '2033-04-01', note: 'Al revés' },
              ],
            }),
        'INVALID_RANGE',
        /La veda 2 termina \(2033-04-01\) antes de empezar \(2033-06-06\)/
      );
    });
  });
});
