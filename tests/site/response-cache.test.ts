import { bootApp, type TestApp } from '../harness/app';
import type {
  ListPublicationsResponse,
  ListTransparencyResponse,
} from '../../src/api/public-site/types';
import { moveTo, publishedItem, readyItem, STATE_LAW, token } from './site-fixtures';

/**
 * The public listings are served from an in-process cache; publishing and withdrawing through the
 * workflow must show at once, never a stale page.
 */
describe('caché de respuestas del sitio', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const listing = (section: string, etag?: string) => {
    const req = app.http().get(`/api/site/publications?section=${encodeURIComponent(section)}`);
    return etag ? req.set('If-None-Match', etag) : req;
  };
  const idsOf = (body: unknown) =>
    (body as ListPublicationsResponse).data.map((item) => item.documentId);

  it('publicar y retirar por el flujo se ve al instante; sin cambios, 304', async () => {
    const section = `Noticias ${token()}`;
    const old = await publishedItem(app, 'web-publication', { title: 'Aviso anterior', section });

    // Given a cached listing
    const first = await listing(section).expect(200);
    const firstTag = first.headers.etag as string;
    expect(idsOf(first.body)).toEqual([old]);
    const cached = await listing(section).expect(200);
    expect(cached.headers.etag).toBe(firstTag);
    await listing(section, firstTag).expect(304);

    // When a new item is published through the workflow (lista → publicada)
    const fresh = await readyItem(app, 'web-publication', { title: 'Aviso nuevo', section });
    await moveTo(app, 'web-publication', fresh, 'publicada');

    // Then the very next read shows it, even to a client holding the old ETag
    const after = await listing(section, firstTag).expect(200);
    expect(idsOf(after.body)).toEqual([fresh, old]);
    const afterTag = after.headers.etag as string;
    expect(afterTag).not.toBe(firstTag);
    await listing(section, afterTag).expect(304);

    // An unrelated draft changes nothing the public sees
    await readyItem(app, 'web-publication', { title: 'Otro borrador', section });
    await listing(section, afterTag).expect(304);

    // When it is withdrawn (→ retirada), it leaves the listing and its page
    await moveTo(app, 'web-publication', fresh, 'retirada', {
      withdrawalReason: 'Información desactualizada',
    });
    const withdrawn = await listing(section, afterTag).expect(200);
    expect(idsOf(withdrawn.body)).toEqual([old]);
  });

  it('los documentos de transparencia también se ven al publicarse', async () => {
    const word = token();
    const path = `/api/site/transparency?q=${word}`;
    const before = await app.http().get(path).expect(200);
    expect((before.body as ListTransparencyResponse).data).toEqual([]);
    const documentId = await publishedItem(app, 'transparency-document', {
      title: `Estructura orgánica ${word}`,
      law: STATE_LAW,
      article: '92',
      fraccion: 'II',
      ejercicio: 2026,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
    });
    const after = await app
      .http()
      .get(path)
      .set('If-None-Match', before.headers.etag as string)
      .expect(200);
    expect((after.body as ListTransparencyResponse).data.map((item) => item.documentId)).toEqual([
      documentId,
    ]);
  });

  it('una lectura entre la escritura y el commit no deja la página vieja en la caché', async () => {
    const section = `Avisos ${token()}`;
    const old = await publishedItem(app, 'web-publication', { title: 'Primero', section });
    await listing(section).expect(200);
    const fresh = await readyItem(app, 'web-publication', { title: 'Segundo', section });

    let early: Promise<{ body: unknown }> | undefined;
    await app.strapi.db.transaction(async () => {
      await moveTo(app, 'web-publication', fresh, 'publicada');
      // A visitor asks while the publication is written but not committed.
      const request = listing(section)
        .expect(200)
        .then((res) => res);
      if (app.db.client === 'postgres') {
        // PostgreSQL answers from another connection: it cannot see the uncommitted row yet.
        expect(idsOf((await request).body)).toEqual([old]);
      } else {
        // SQLite has one connection: the read waits for the commit.
        early = request;
      }
    });
    if (early) expect(idsOf((await early).body)).toEqual([fresh, old]);

    // After the commit nobody gets the page computed before it.
    expect(idsOf((await listing(section).expect(200)).body)).toEqual([fresh, old]);
  });

  it('una petición anónima repetida se contesta antes del enrutador, con las mismas cabeceras', async () => {
    const section = `Cultura ${token()}`;
    await publishedItem(app, 'web-publication', { title: 'Festival', section });
    const cache = app.strapi.service('api::public-site.site-cache') as {
      answerEarly(ctx: unknown): boolean;
    };
    const early = jest.spyOn(cache, 'answerEarly');
    try {
      const origin = 'http://localhost:1337';
      const first = await listing(section).set('Origin', origin).expect(200);
      expect(early).toHaveLastReturnedWith(false);
      const again = await listing(section).set('Origin', origin).expect(200);
      expect(early).toHaveLastReturnedWith(true);
      expect(again.body).toEqual(first.body);
      for (const header of [
        'etag',
        'cache-control',
        'content-type',
        'vary',
        'access-control-allow-origin',
        'content-security-policy',
        'x-content-type-options',
      ]) {
        expect([header, again.headers[header]]).toEqual([header, first.headers[header]]);
      }
      await listing(section, first.headers.etag as string).expect(304);
      expect(early).toHaveLastReturnedWith(true);

      // With credentials, or with a query the controller refuses, it goes the whole way.
      await listing(section).set('Authorization', 'Bearer cualquiera').expect(200);
      expect(early).toHaveLastReturnedWith(false);
      const bad = () =>
        app
          .http()
          .get(`/api/site/publications?section=${encodeURIComponent(section)}&pageSize=abc`);
      await bad().expect(400);
      await bad().expect(400);
      expect(early).toHaveLastReturnedWith(false);
    } finally {
      early.mockRestore();
    }
  });
});
