import path from 'node:path';
import { bootApp, type TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import { areaId } from '../harness/workflow-fixtures';
import type {
  FormResponse,
  OficioCreated,
  OficioDetailResponse,
} from '../../src/api/portal/contract';
import {
  EXECUTABLE,
  PNG,
  binary,
  fileOficio,
  footprint,
  tagged,
  pdfOf,
  pdfText,
  photo,
  settle,
} from './portal-helpers';

type Form = FormResponse['data'];
type Detail = OficioDetailResponse['data'];

// A small limit keeps the over-limit file small.
const SIZE_LIMIT = 200 * 1024;

describe('Portal de áreas: presentar un oficio con sus archivos y seguirlo', () => {
  let app: TestApp;
  let cultura: Session;
  let tesoreria: Session;
  let smdif: Session;
  let form: Form;
  let scan: Buffer;

  beforeAll(async () => {
    app = await bootApp({ env: { UPLOAD_SIZE_LIMIT: String(SIZE_LIMIT) } });
    cultura = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
    });
    tesoreria = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'TM') },
    });
    smdif = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'SMDIF') },
    });
    scan = await pdfOf('Oficio DC/410/2031 firmado');
  });
  afterAll(async () => {
    await app?.close();
  });

  const designFields = () => ({
    title: 'Cartel de la Feria del Elote',
    medium: 'digital',
    eventName: 'Feria del Elote',
    eventDate: '2031-03-20',
    eventTime: '10:00',
    place: 'Jardín principal',
    specification: 'Cartel 60×90 y versión cuadrada',
    responsiblePerson: 'Lic. Responsable',
    logos: form.logos.slice(0, 2).map((logo) => logo.documentId),
  });
  const newOficio = (overrides: Record<string, unknown> = {}) => ({
    subject: 'Difusión de la Feria del Elote',
    senderReference: 'DC/410/2031',
    requester: { name: 'Lic. Responsable', phone: '722 000 1111' },
    services: [{ workflow: 'design', fields: designFields() }],
    ...overrides,
  });
  const detailOf = async (session: Session, documentId: string): Promise<Detail> =>
    (await app.http().get(`/api/portal/oficios/${documentId}`).set(session.auth).expect(200)).body
      .data;

  it('el formulario es el del registro del personal: sin archivos dentro de los servicios ni asesoría para una dependencia', async () => {
    const res = await app.http().get('/api/portal/form').set(cultura.auth).expect(200);
    form = res.body.data;
    expect(form.area).toMatchObject({ name: 'Dirección de Cultura', kind: 'dependencia' });
    const workflows = form.services.map((service) => service.workflow);
    expect(workflows).toContain('design');
    expect(workflows).not.toContain('advisory');
    const kinds = form.services.flatMap((service) => service.fields.map((field) => field.kind));
    expect(kinds).not.toContain('media');
    expect(kinds).not.toContain('media-multiple');
    const design = form.services.find((service) => service.workflow === 'design')!;
    expect(design.fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(['eventName', 'eventDate', 'place', 'logos', 'responsiblePerson'])
    );
    expect(form.logos.length).toBeGreaterThan(1);
    expect(form.upload).toMatchObject({ maxFileBytes: SIZE_LIMIT, maxFiles: 10 });
    expect(form.upload.mimeTypes).toEqual(
      expect.arrayContaining(['application/pdf', 'image/png', 'image/jpeg'])
    );
    expect(form.upload.mimeTypes).not.toContain('image/svg+xml');
    expect(form.upload.extensions).toContain('.pdf');

    const organismo = await app.http().get('/api/portal/form').set(smdif.auth).expect(200);
    expect(organismo.body.data.area.kind).toBe('organismo_auxiliar');
    expect(organismo.body.data.services.map((s: { workflow: string }) => s.workflow)).toContain(
      'advisory'
    );
  });

  it('el plazo se calcula en vivo como si se recibiera ahora, sin escribir nada', async () => {
    const before = await footprint(app);
    const res = await app
      .http()
      .post('/api/portal/lead-time')
      .set(cultura.auth)
      .send({ services: [{ workflow: 'design', fields: designFields() }] })
      .expect(200);
    expect(res.body.data.receptionDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.data.services[0]).toMatchObject({ workflow: 'design', leadTimeMet: true });
    expect(await footprint(app)).toEqual(before);
  });

  let filed: OficioCreated['data'];

  it('presenta un oficio con el PDF firmado y una imagen anexa: folio y acuse con el folio', async () => {
    const res = await fileOficio(app, cultura, newOficio(), {
      scan: { name: 'oficio-firmado.pdf', content: scan, type: 'application/pdf' },
      attachments: [
        { name: 'croquis.png', content: PNG, type: 'image/png' },
        { name: 'foto del lugar.jpg', content: await photo(), type: 'image/jpeg' },
      ],
    }).expect(201);
    filed = res.body.data;
    expect(filed).toMatchObject({
      folio: expect.stringMatching(/^DCSGD\/\d{4}\/\d{4}$/),
      status: 'recibido',
      statusLabel: 'Recibido',
      acuseUrl: `/api/portal/oficios/${filed.documentId}/acuse`,
    });
    expect(filed.services[0]).toMatchObject({ workflow: 'design', status: 'pendiente' });
    expect(JSON.stringify(res.body)).not.toContain('722 000 1111');

    const acuse = await app
      .http()
      .get(filed.acuseUrl)
      .set(cultura.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(acuse.headers['content-type']).toMatch(/application\/pdf/);
    expect(acuse.headers['cache-control']).toBe('private, no-store');
    expect(pdfText(acuse.body)).toContain(filed.folio);
  });

  it('descarga el oficio, su anexo y su acuse; otra área no, y su dirección pública responde 404', async () => {
    const detail = await detailOf(cultura, filed.documentId);
    const kinds = detail.files.map((file) => file.kind).sort();
    expect(kinds).toEqual(['acuse', 'attachment', 'attachment', 'scan']);
    let formats = 0;
    for (const file of detail.files) {
      const res = await app
        .http()
        .get(file.url)
        .set(cultura.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.body.length).toBeGreaterThan(0);
      if (file.kind === 'scan') expect(res.body.equals(scan)).toBe(true);
      // The media library may optimise an image; it stays a PNG.
      if (file.name === 'croquis.png') expect(res.body.subarray(0, 8)).toEqual(PNG.subarray(0, 8));

      const other = await app.http().get(file.url).set(tesoreria.auth).expect(404);
      expect(other.body.error.details.code).toBe('NOT_FOUND');

      const row = (await app.strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id: file.id } })) as {
        url: string;
        formats?: Record<string, { url: string }> | null;
      };
      await app.http().get(row.url).expect(404);
      await app.http().head(row.url).expect(404);
      // Nor by a crafted address the static server would resolve to the same file.
      const name = row.url.slice('/uploads/'.length);
      for (const crafted of [
        `/areas/%2e%2e/uploads/${name}`,
        `/sitio/%2E%2E/uploads/${name}`,
        `/x/../uploads/${name}`,
        `/favicon.ico/%2e%2e/uploads/${name}`,
        `//uploads/${name}`,
        `/uploads/./${name}`,
        `/uploads%2f${name}`,
      ]) {
        await app.http().get(crafted).expect(404);
      }
      for (const format of Object.values(row.formats ?? {})) {
        formats += 1;
        await app.http().get(format.url).expect(404);
        await app.http().head(format.url).expect(404);
      }
    }
    // The photo's thumbnail and smaller sizes were made, and none is served either.
    expect(formats).toBeGreaterThan(0);
    const inline = await app
      .http()
      .get(`${detail.files.find((file) => file.kind === 'scan')!.url}?inline=1`)
      .set(cultura.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
  });

  it('un archivo que se marca privado deja de servirse en su dirección pública', async () => {
    // The compiled module the running app uses (importing src/ would not share its state).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const privateFiles = require(
      path.resolve(__dirname, '..', '..', 'dist', 'src', 'utils', 'private-files')
    ) as typeof import('../../src/utils/private-files');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const uploadBuffer = require(
      path.resolve(__dirname, '..', '..', 'dist', 'src', 'utils', 'upload-buffer')
    ) as typeof import('../../src/utils/upload-buffer');
    const stored = await uploadBuffer.uploadBuffer(app.strapi, scan, {
      name: 'respuesta-publica.pdf',
      mimetype: 'application/pdf',
    });
    await app.http().get(stored.url).expect(200);
    expect(await privateFiles.isPrivateFile(app.strapi, stored.id)).toBe(false);
    await privateFiles.markPrivate(app.strapi, [stored.id]);
    expect(await privateFiles.isPrivateFile(app.strapi, stored.id)).toBe(true);
    await app.http().get(stored.url).expect(404);
  });

  it('un ejecutable con nombre de PDF se rechaza por su contenido y no deja nada escrito', async () => {
    const before = await footprint(app);
    const disguised = await fileOficio(app, cultura, newOficio(), {
      scan: { name: tagged('oficio.pdf'), content: scan },
      attachments: [{ name: tagged('anexo.pdf'), content: EXECUTABLE, type: 'application/pdf' }],
    }).expect(400);
    expect(disguised.body.error.details.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(disguised.body.error.message).toMatch(/anexo-\w+\.pdf.*contenido/);
    await settle();
    expect(await footprint(app)).toEqual(before);
  });

  it('un archivo sobre el límite, demasiados archivos o la falta del oficio firmado: errores con código', async () => {
    const before = await footprint(app);
    const big = await fileOficio(app, cultura, newOficio(), {
      scan: { name: tagged('oficio.pdf'), content: scan },
      attachments: [
        { name: tagged('enorme.pdf'), content: Buffer.concat([scan, Buffer.alloc(SIZE_LIMIT)]) },
      ],
    });
    expect([400, 413]).toContain(big.status);
    expect(big.body.error.details.code).toBe('FILE_TOO_LARGE');
    expect(big.body.error.message).toMatch(/enorme-\w+\.pdf.*límite/);

    const many = await fileOficio(app, cultura, newOficio(), {
      scan: { name: tagged('oficio.pdf'), content: scan },
      attachments: Array.from({ length: 10 }, (_, i) => ({
        name: tagged(`foto-${i}.png`),
        content: PNG,
      })),
    }).expect(400);
    expect(many.body.error.details.code).toBe('TOO_MANY_FILES');

    const unsigned = await fileOficio(app, cultura, newOficio()).expect(400);
    expect(unsigned.body.error.details.code).toBe('SCAN_REQUIRED');
    expect(unsigned.body.error.message).toMatch(/oficio firmado/);

    await settle();
    expect(await footprint(app)).toEqual(before);
  });

  it('un formulario que rebasa los límites del lector de formularios responde con código, nunca 500', async () => {
    let req = app.http().post('/api/portal/oficios').set(cultura.auth);
    for (let i = 0; i < 1001; i += 1) req = req.field(`campo${i}`, 'x');
    const res = await req;
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.details.code).toMatch(/^[A-Z_]+$/);
    expect(res.body.error.message).toMatch(/solicitud|archivo/);
  });

  it('una falla a media escritura no deja oficio, filas de archivos ni archivos en disco', async () => {
    const before = await footprint(app);
    // A logo that is not in the catalogue is refused by the registration, after the files.
    const res = await fileOficio(
      app,
      cultura,
      newOficio({
        services: [{ workflow: 'design', fields: { ...designFields(), logos: ['no-existe'] } }],
      }),
      { scan: { name: 'oficio.pdf', content: scan } }
    ).expect(400);
    expect(res.body.error.details.code).toBe('INVALID_REQUEST');
    // A dependencia asking for an advisory: the rule refuses it inside the transaction.
    const advisory = await fileOficio(
      app,
      cultura,
      newOficio({
        services: [{ workflow: 'advisory', fields: { title: 'Asesoría', topic: 'Imagen' } }],
      }),
      {
        scan: { name: 'oficio.pdf', content: scan },
        // A photo: its formats (thumbnail, small…) must leave the disk too.
        attachments: [{ name: 'foto.jpg', content: await photo() }],
      }
    ).expect(400);
    expect(advisory.body.error.details.code).toBe('INVALID_ORGANISM');
    await settle();
    expect(await footprint(app)).toEqual(before);
  });

  it('un organismo auxiliar pide una asesoría por el portal y por POST /api/oficios', async () => {
    const res = await fileOficio(
      app,
      smdif,
      newOficio({
        subject: 'Asesoría de imagen institucional',
        services: [{ workflow: 'advisory', fields: { title: 'Asesoría', topic: 'Manual' } }],
      }),
      { scan: { name: 'oficio.png', content: PNG, type: 'image/png' } }
    ).expect(201);
    expect(res.body.data.services[0]).toMatchObject({ workflow: 'advisory', status: 'abierta' });

    const json = await app
      .http()
      .post('/api/oficios')
      .set(smdif.auth)
      .send({
        data: {
          subject: 'Asesoría por oficio',
          services: [{ type: 'advisory', title: 'Asesoría de redes', topic: 'Redes' }],
        },
      })
      .expect(201);
    expect(json.body.data.services[0]).toMatchObject({ type: 'advisory' });

    const refused = await app
      .http()
      .post('/api/oficios')
      .set(cultura.auth)
      .send({
        data: {
          subject: 'Asesoría que no corresponde',
          services: [{ type: 'advisory', title: 'Asesoría', topic: 'Redes' }],
        },
      })
      .expect(400);
    expect(refused.body.error.details.code).toBe('INVALID_ORGANISM');
  });

  it('«Mis oficios» lista solo los de su área, con su estado y el de sus servicios', async () => {
    const mine = await app.http().get('/api/portal/oficios').set(cultura.auth).expect(200);
    const folios = mine.body.data.map((row: { folio: string }) => row.folio);
    expect(folios).toContain(filed.folio);
    expect(mine.body.meta.pagination).toMatchObject({ page: 1, pageSize: 20 });
    const row = mine.body.data.find((entry: { folio: string }) => entry.folio === filed.folio);
    expect(row).toMatchObject({
      status: 'recibido',
      statusLabel: 'Recibido',
      needsAction: false,
      waitingFor: null,
      services: [expect.objectContaining({ workflow: 'design', cancellable: true, missing: [] })],
    });

    const theirs = await app.http().get('/api/portal/oficios').set(tesoreria.auth).expect(200);
    expect(theirs.body.data.map((entry: { folio: string }) => entry.folio)).not.toContain(
      filed.folio
    );
    const search = await app
      .http()
      .get('/api/portal/oficios')
      .query({ q: filed.folio, status: 'recibido' })
      .set(cultura.auth)
      .expect(200);
    expect(search.body.data).toHaveLength(1);
    const wrong = await app
      .http()
      .get('/api/portal/oficios')
      .query({ status: 'inventado' })
      .set(cultura.auth)
      .expect(400);
    expect(wrong.body.error.details.code).toBe('INVALID_QUERY');
  });

  it('una instalación sembrada antes del portal recibe sus permisos una sola vez', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedApiRoles } = require(
      path.resolve(__dirname, '..', '..', 'dist', 'src', 'bootstrap', 'api-roles')
    ) as typeof import('../../src/bootstrap/api-roles');
    const role = (await app.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'area-solicitante' } })) as { id: number };
    const portal = { action: { $startsWith: 'api::portal.portal.' }, role: role.id };
    const store = app.strapi.store({ type: 'api', name: 'users-permissions', key: 'roles-seeded' });
    const seeded = (await store.get({})) as string[];
    expect(seeded).toContain('portal-de-areas');
    expect(
      await app.strapi.db.query('plugin::users-permissions.permission').count({ where: portal })
    ).toBe(12);

    // As an installation seeded before the portal existed: no portal actions, no marker.
    await app.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: portal });
    await store.set({ value: seeded.filter((step) => step !== 'portal-de-areas') });
    await seedApiRoles({ strapi: app.strapi });
    expect(
      await app.strapi.db.query('plugin::users-permissions.permission').count({ where: portal })
    ).toBe(12);
    for (const type of ['public', 'authenticated']) {
      const other = (await app.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type } })) as { id: number };
      expect(
        await app.strapi.db
          .query('plugin::users-permissions.permission')
          .count({ where: { ...portal, role: other.id } })
      ).toBe(0);
    }
  });

  it('sin sesión, o con una cuenta que no es de un área, no entra', async () => {
    for (const [method, path] of [
      ['get', '/api/portal/me'],
      ['get', '/api/portal/form'],
      ['get', '/api/portal/oficios'],
      ['get', `/api/portal/oficios/${filed.documentId}`],
      ['get', `/api/portal/oficios/${filed.documentId}/acuse`],
      ['get', '/api/portal/files/1'],
      ['post', `/api/portal/oficios/${filed.documentId}/cancel`],
    ] as const) {
      const res = await app.http()[method](path).expect(401);
      expect(res.body.error).toMatchObject({
        message: 'Inicia sesión con la cuenta de tu área para usar el portal.',
        details: { code: 'UNAUTHENTICATED' },
      });
    }
    const plain = await loginAsApiUser(app, 'authenticated');
    await app.http().get('/api/portal/oficios').set(plain.auth).expect(403);
    const unlinked = await loginAsApiUser(app, 'Área solicitante');
    const res = await app.http().get('/api/portal/form').set(unlinked.auth).expect(403);
    expect(res.body.error.details.code).toBe('NO_AREA');
  });
});
