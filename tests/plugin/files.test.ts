import type { Role } from '../../src/domain/workflows';
import type { GetOficio } from '../../src/plugins/comunicacion/shared/contracts/oficios';
import { uploadBuffer, type StoredFile } from '../../src/utils/upload-buffer';
import type { TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import {
  OFICIO_UID,
  areaId,
  completeData,
  createFile,
  useStaffApp,
} from '../harness/workflow-fixtures';

const DESIGN = 'api::design.design';
const WEB = 'api::web-publication.web-publication';

const bytes = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');

/** Downloads a file as the panel does (binary body kept as bytes). */
const download = (app: TestApp, id: number | string, session?: Session) => {
  const req = app
    .http()
    .get(`/comunicacion/files/${id}`)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return session ? req.set(session.auth) : req;
};

describe('archivos de los registros para el personal: GET /comunicacion/files/:id', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const files: Record<string, StoredFile> = {};
  let oficioId: string;
  const content: Record<string, Buffer> = {};
  const store = async (key: string, name: string, mimetype = 'application/pdf') => {
    content[key] = bytes(`${key} ${name}`);
    files[key] = await uploadBuffer(app.strapi, content[key], { name, mimetype });
    return files[key].id;
  };

  beforeAll(async () => {
    // Given an oficio with its scan, two attachments of the area, its acuse and its answer
    const oficio = await app.strapi.documents(OFICIO_UID).create({
      data: {
        subject: 'Cartel de la feria',
        receivedAt: '2027-01-04T16:00:00Z',
        channel: 'digital',
        area: await areaId(app, 'DC'),
        scan: await store('scan', 'oficio-escaneado.pdf'),
      } as never,
    });
    oficioId = oficio.documentId;
    const attachments = [
      await store('anexo', 'programa-de-la-feria.pdf'),
      await store('foto', 'fotografía del escenario.png', 'image/png'),
    ];
    const acuse = await store('acuse', 'acuse.pdf');
    const answer = await store('respuesta', 'respuesta.pdf');
    await runInternal(() =>
      app.strapi.documents(OFICIO_UID).update({
        documentId: oficio.documentId,
        data: { attachments, acuse, responseDocument: answer } as never,
      })
    );
    // … a design with a proposal and a delivery oficio, and a web publication with an attachment.
    const proposal = await store('propuesta', 'propuesta-v1.pdf');
    const delivery = await store('entrega', 'oficio-de-entrega.pdf');
    await runInternal(() =>
      app.strapi.documents(DESIGN).create({
        data: {
          ...completeData('design', 0),
          oficio: oficio.documentId,
          proposals: [{ version: 1, file: proposal }],
          delivery: { number: 'DCSGD/0100/2027', date: '2027-02-01', document: delivery },
        } as never,
      })
    );
    const web = await store('web', 'anexo-web.pdf');
    await runInternal(() =>
      app.strapi.documents(WEB).create({
        data: {
          ...completeData('web-publication', 0),
          oficio: oficio.documentId,
          attachments: [web],
        } as never,
      })
    );
  });

  it('quien puede leer el oficio descarga su escaneo, anexos, acuse y respuesta, sin caché', async () => {
    for (const session of [staff.coordinador_comunicacion, staff.fotografo]) {
      for (const key of ['scan', 'anexo', 'foto', 'acuse', 'respuesta']) {
        const res = await download(app, files[key].id, session).expect(200);
        expect(Buffer.compare(res.body as Buffer, content[key])).toBe(0);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    }
    const photo = await download(app, files.foto.id, staff.fotografo).expect(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['content-disposition']).toBe(
      `attachment; filename="fotografia del escenario.png"; filename*=UTF-8''${encodeURIComponent('fotografía del escenario.png')}`
    );
  });

  it('los archivos de un servicio los descarga quien lee ese servicio y ese campo; a los demás, 404', async () => {
    // The designer reads designs: the proposal (inside its component) and the delivery oficio.
    await download(app, files.propuesta.id, staff.disenador_senior).expect(200);
    await download(app, files.entrega.id, staff.disenador_senior).expect(200);
    // The photographer does not read designs; the community manager reads them, but not the
    // internal delivery document of a design it does not work on.
    for (const key of ['propuesta', 'entrega']) {
      const res = await download(app, files[key].id, staff.fotografo).expect(404);
      expect(JSON.parse(res.body.toString()).error).toMatchObject({
        message: 'No existe ese archivo.',
        details: { code: 'NOT_FOUND' },
      });
    }
    await download(app, files.propuesta.id, staff.community_manager).expect(200);
    await download(app, files.entrega.id, staff.community_manager).expect(404);
    // Web publications: Gobierno Digital yes, Comunicación Social's photographer no.
    await download(app, files.web.id, staff.coordinador_gobierno_digital).expect(200);
    await download(app, files.web.id, staff.fotografo).expect(404);
  });

  it('un rol sin lectura de oficios recibe 404 aunque vea la ficha; sin el permiso de la ficha, 403', async () => {
    const roles = app.strapi.service('admin::role');
    const pageOnly = await roles.create({ name: 'Solo ficha de oficios', description: 'prueba' });
    await roles.assignPermissions(pageOnly.id, [
      {
        action: 'plugin::comunicacion.oficios.read',
        subject: null,
        properties: {},
        conditions: [],
      },
    ]);
    const nothing = await roles.create({ name: 'Sin complemento', description: 'prueba' });
    await roles.assignPermissions(nothing.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: OFICIO_UID,
        properties: { fields: ['subject', 'scan'] },
        conditions: [],
      },
    ]);
    const withoutRecords = await loginAsAdmin(app, 'Solo ficha de oficios');
    const withoutPage = await loginAsAdmin(app, 'Sin complemento');

    await download(app, files.scan.id, withoutRecords).expect(404);
    await download(app, files.scan.id, withoutPage).expect(403);
  });

  it('la ficha del oficio lista escaneo, anexos del área, acuse y respuesta; a cada quien, los que puede abrir', async () => {
    const documents = async (session: Session) =>
      (
        (await app.http().get(`/comunicacion/oficios/${oficioId}`).set(session.auth).expect(200))
          .body as { data: GetOficio.Response['data'] }
      ).data.documents.map((document) => [document.kind, document.label, document.name]);

    const oficioFiles = [
      ['scan', 'Oficio escaneado', 'oficio-escaneado.pdf'],
      ['attachment', 'Anexo del área', 'programa-de-la-feria.pdf'],
      ['attachment', 'Anexo del área', 'fotografía del escenario.png'],
      ['acuse', 'Acuse de recibo', 'acuse.pdf'],
    ];
    const answer = ['response', 'Respuesta', 'respuesta.pdf'];
    expect(await documents(staff.coordinador_gobierno_digital)).toEqual([
      ...oficioFiles,
      ['attachment', 'Anexo de la publicación (Convocatoria de becas)', 'anexo-web.pdf'],
      answer,
    ]);
    // The photographer reads neither designs nor web publications: only the oficio's files.
    expect(await documents(staff.fotografo)).toEqual([...oficioFiles, answer]);
    expect(await documents(staff.disenador_senior)).toEqual([
      ...oficioFiles,
      ['proposal', 'Propuesta v1 (Cartel del festival)', 'propuesta-v1.pdf'],
      ['attachment', 'Anexo de la publicación (Convocatoria de becas)', 'anexo-web.pdf'],
      answer,
    ]);
    // Every listed file downloads for whoever sees it listed.
    const page = (
      await app.http().get(`/comunicacion/oficios/${oficioId}`).set(staff.fotografo.auth)
    ).body as { data: GetOficio.Response['data'] };
    for (const document of page.data.documents) {
      await download(app, document.id, staff.fotografo).expect(200);
    }
  });

  it('un id desconocido, inválido o de un archivo sin registro responde 404; sin sesión, 401', async () => {
    const orphan = await createFile(app, 'suelto.pdf');
    for (const id of [999_999, 'abc', '-1', orphan.id]) {
      await download(app, id, staff.director).expect(404);
    }
    await download(app, files.scan.id).expect(401);
  });
});
