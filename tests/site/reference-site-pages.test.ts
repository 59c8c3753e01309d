import type { AddressInfo } from 'node:net';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { useStaffApp } from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';
import { WEB, TRANSPARENCY, publishableItem, sha256 } from './publishing-helpers';

describe('páginas del sitio de referencia como destino de la verificación', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(() => {
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    process.env.SITE_URL = `http://127.0.0.1:${port}/sitio`;
  });
  afterAll(() => {
    delete process.env.SITE_URL;
  });

  const page = (path: string) => app.http().get(path);

  it('la página de algo que no está publicado responde 404 con la misma página, que lo explica', async () => {
    const missing = await page('/sitio/publicacion.html?slug=no-existe').expect(404);
    expect(missing.text).toContain('<html lang="es"');
    expect(missing.headers['cache-control']).toBe('no-store');
    await page('/sitio/publicacion.html').expect(404);
    await page('/sitio/documento.html?id=abc').expect(404);
    await page('/sitio/').expect(200);
    await page('/sitio/transparencia.html').expect(200);
  });

  it('publicar verifica contra la página del propio sitio; retirar la devuelve a 404', async () => {
    const item = await publishableItem(app, 'web-publication');
    const path = `/sitio/publicacion.html?slug=${item.slug}`;
    await page(path).expect(404);

    const res = await app
      .http()
      .post('/comunicacion/publications/publish')
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ uid: WEB, documentId: item.documentId })
      .expect(200);
    const shown = await page(path).expect(200);
    expect(res.body.data.status).toBe('respondida');
    expect(res.body.data.evidence).toMatchObject({
      url: `${process.env.SITE_URL}/publicacion.html?slug=${item.slug}`,
      httpStatus: 200,
      contentHash: sha256(shown.text),
    });

    await app
      .http()
      .post('/comunicacion/publications/withdraw')
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ uid: WEB, documentId: item.documentId, reason: 'La convocatoria se canceló.' })
      .expect(200);
    await page(path).expect(404);
  });

  it('un documento de transparencia se verifica en documento.html', async () => {
    const item = await publishableItem(app, 'transparency-document');
    const res = await app
      .http()
      .post('/comunicacion/publications/publish')
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ uid: TRANSPARENCY, documentId: item.documentId })
      .expect(200);
    expect(res.body.data.status).toBe('respondida');
    expect(res.body.data.evidence.page).toMatchObject({
      url: `${process.env.SITE_URL}/documento.html?id=${item.documentId}`,
      httpStatus: 200,
    });
  });
});
