import path from 'node:path';
import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { OFICIO_UID, areaId, fire, stateOf, useStaffApp } from '../harness/workflow-fixtures';
import type { OficioDetailResponse } from '../../src/api/portal/contract';
import { PNG, fileOficio, footprint, pdfOf, settle, tagged } from './portal-helpers';

// The compiled module the running app uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uploadBuffer } = require(
  path.resolve(__dirname, '..', '..', 'dist', 'src', 'utils', 'upload-buffer')
) as typeof import('../../src/utils/upload-buffer');

type Detail = OficioDetailResponse['data'];

const DESIGN = 'api::design.design';

describe('Portal de áreas: completar datos, revisar, agregar archivos y cancelar', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  let cultura: Session;
  let tesoreria: Session;
  let scan: Buffer;
  let logo: string;

  beforeAll(async () => {
    cultura = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
    });
    tesoreria = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'TM') },
    });
    scan = await pdfOf('Oficio firmado');
    logo = (await app.http().get('/api/portal/form').set(cultura.auth).expect(200)).body.data
      .logos[0].documentId;
  });

  const design = (overrides: Record<string, unknown> = {}) => ({
    workflow: 'design',
    fields: {
      title: 'Cartel del festival',
      medium: 'digital',
      eventName: 'Festival de la Primavera',
      eventDate: '2031-03-19',
      eventTime: '11:00',
      place: 'Explanada municipal',
      specification: 'Cartel 60×90',
      responsiblePerson: 'Lic. Responsable',
      logos: [logo],
      ...overrides,
    },
  });
  const file = async (services: unknown[], subject = 'Festival de la Primavera') => {
    const res = await fileOficio(
      app,
      cultura,
      { subject, services },
      { scan: { name: 'oficio.pdf', content: scan } }
    ).expect(201);
    return res.body.data as { documentId: string; services: { documentId: string }[] };
  };
  const detailOf = async (documentId: string, session = cultura): Promise<Detail> =>
    (await app.http().get(`/api/portal/oficios/${documentId}`).set(session.auth).expect(200)).body
      .data;
  const coordinator = (
    workflow: 'oficio' | 'design',
    documentId: string,
    to: string,
    comment: string
  ) =>
    fire(app, 'documents', {
      workflow,
      documentId,
      to,
      comment,
      role: 'coordinador_comunicacion',
      session: staff.coordinador_comunicacion,
    });

  it('completa el dato que pidió la Dirección y el oficio se reanuda con su plazo', async () => {
    // Given an oficio whose design lacks its place, held by the coordinator for it
    const filed = await file([design({ place: null })]);
    const designId = filed.services[0].documentId;
    let detail = await detailOf(filed.documentId);
    expect(detail.services[0].missing.map((field) => field.name)).toEqual(['place']);
    expect(detail.needsAction).toBe(true);
    const asked = await coordinator(
      'oficio',
      filed.documentId,
      'informacion_incompleta',
      'Indiquen el lugar del festival, por favor.'
    );
    expect(asked.status).toBe(200);

    detail = await detailOf(filed.documentId);
    expect(detail).toMatchObject({
      status: 'informacion_incompleta',
      missingInformation: 'Indiquen el lugar del festival, por favor.',
      needsAction: true,
      waitingFor: expect.stringMatching(/lugar/i),
    });
    expect(detail.forms).toHaveLength(1);
    const place = detail.forms[0].fields.find((field) => field.name === 'place');
    expect(place).toMatchObject({ value: null, editable: true });
    expect(detail.forms[0].fields.some((field) => field.kind.startsWith('media'))).toBe(false);
    expect(detail.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'message',
        subject: 'Oficio',
        comment: 'Indiquen el lugar del festival, por favor.',
      })
    );
    const paused = (await app.strapi.db
      .query(DESIGN)
      .findOne({ where: { documentId: designId } })) as { pauses: { to: string | null }[] };
    expect(paused.pauses.some((pause) => pause.to === null)).toBe(true);

    // When the area completes it from the portal
    const res = await app
      .http()
      .put(`/api/portal/oficios/${filed.documentId}/services/design/${designId}`)
      .set(cultura.auth)
      .send({ fields: { place: 'Jardín principal' } })
      .expect(200);

    // Then the oficio resumes, the clock runs again and the history says the area did it
    expect(res.body.data).toMatchObject({ status: 'recibido', needsAction: false });
    expect(res.body.data.services[0].missing).toEqual([]);
    const resumed = (await app.strapi.db
      .query(DESIGN)
      .findOne({ where: { documentId: designId } })) as {
      place: string;
      pauses: { to: string | null }[];
    };
    expect(resumed.place).toBe('Jardín principal');
    expect(resumed.pauses.every((pause) => pause.to !== null)).toBe(true);
    expect(res.body.data.timeline.at(-1)).toMatchObject({
      subject: 'Oficio',
      text: expect.stringMatching(/Tu área/),
    });

    // A field of the office, or a service already started, is refused
    const system = await app
      .http()
      .put(`/api/portal/oficios/${filed.documentId}/services/design/${designId}`)
      .set(cultura.auth)
      .send({ fields: { dueAt: '2031-01-01' } })
      .expect(400);
    expect(system.body.error.details.code).toBe('INVALID_REQUEST');
  });

  it('la historia no muestra notas internas ni nombres del personal', async () => {
    const filed = await file([design()]);
    await runInternal(() =>
      app.strapi.documents(OFICIO_UID).update({
        documentId: filed.documentId,
        data: { internalNotes: 'Nota interna: llamar al director' } as never,
      })
    );
    const started = await coordinator(
      'oficio',
      filed.documentId,
      'en_atencion',
      'Comentario interno: prioridad baja'
    );
    expect(started.status).toBe(200);
    const res = await app
      .http()
      .get(`/api/portal/oficios/${filed.documentId}`)
      .set(cultura.auth)
      .expect(200);
    const body = JSON.stringify(res.body);
    expect(body).not.toMatch(/Nota interna|Comentario interno|Persona De Prueba/);
    expect(res.body.data.timeline).toContainEqual(
      expect.objectContaining({ kind: 'state', subject: 'Oficio', text: 'Pasó a «En atención».' })
    );
  });

  it('una propuesta en revisión aparece con su archivo y la nota que la acompaña', async () => {
    const filed = await file([design()]);
    const designId = filed.services[0].documentId;
    // A real stored file, so that it can be downloaded.
    const pdf = await uploadBuffer(app.strapi, await pdfOf('Propuesta v1'), {
      name: 'propuesta-v1.pdf',
      mimetype: 'application/pdf',
    });
    await runInternal(() =>
      app.strapi.documents(DESIGN).update({
        documentId: designId,
        data: { workflowStatus: 'en_diseno', proposals: [{ version: 1, file: pdf.id }] } as never,
      })
    );
    const sent = await coordinator(
      'design',
      designId,
      'en_revision',
      'Les compartimos la primera versión.'
    );
    expect(sent.status).toBe(200);
    const detail = await detailOf(filed.documentId);
    expect(detail.needsAction).toBe(true);
    expect(detail.waitingFor).toMatch(/propuesta espera tu revisión/);
    expect(detail.proposals).toEqual([
      expect.objectContaining({
        designDocumentId: designId,
        version: 1,
        comment: 'Les compartimos la primera versión.',
        file: expect.objectContaining({ id: pdf.id, kind: 'proposal' }),
      }),
    ]);
    const proposal = detail.files.find((f) => f.kind === 'proposal')!;
    expect(proposal.label).toBe('Propuesta v1 de «Cartel del festival»');
    await app.http().get(proposal.url).set(cultura.auth).expect(200);
    await app.http().get(proposal.url).set(tesoreria.auth).expect(404);
    expect(detail.forms).toEqual([]);
    const me = await app.http().get('/api/portal/me').set(cultura.auth).expect(200);
    expect(me.body.data.pendingActions).toBeGreaterThan(0);
  });

  it('agrega anexos a un oficio abierto, no a uno de otra área', async () => {
    const filed = await file([design()]);
    const res = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/files`)
      .set(cultura.auth)
      .attach('files', PNG, { filename: 'plano.png', contentType: 'image/png' })
      .expect(201);
    expect(res.body.data).toEqual([
      expect.objectContaining({ kind: 'attachment', name: 'plano.png', url: expect.any(String) }),
    ]);
    const detail = await detailOf(filed.documentId);
    expect(detail.files.filter((f) => f.kind === 'attachment')).toHaveLength(1);
    await app.http().get(res.body.data[0].url).set(cultura.auth).expect(200);

    const before = await footprint(app);
    const theirs = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/files`)
      .set(tesoreria.auth)
      .attach('files', PNG, { filename: tagged('intruso.png'), contentType: 'image/png' })
      .expect(404);
    expect(theirs.body.error.details.code).toBe('NOT_FOUND');
    await settle();
    expect(await footprint(app)).toEqual(before);
  });

  it('los archivos que pidió la Dirección reanudan el oficio que esperaba información', async () => {
    const filed = await file([design()]);
    const asked = await coordinator(
      'oficio',
      filed.documentId,
      'informacion_incompleta',
      'Envíen el programa del evento.'
    );
    expect(asked.status).toBe(200);
    const res = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/files`)
      .set(cultura.auth)
      .attach('files', await pdfOf('Programa del festival'), {
        filename: 'programa.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    expect(res.body.data[0]).toMatchObject({ name: 'programa.pdf', kind: 'attachment' });
    const detail = await detailOf(filed.documentId);
    expect(detail).toMatchObject({ status: 'recibido', needsAction: false, waitingFor: null });
  });

  it('cancela un servicio o el oficio con un motivo, que ve en su historia', async () => {
    const filed = await file([design(), design({ title: 'Versión para redes' })]);
    const [first, second] = filed.services.map((service) => service.documentId);

    const noReason = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/services/design/${first}/cancel`)
      .set(cultura.auth)
      .send({})
      .expect(400);
    expect(noReason.body.error.details.code).toBe('COMMENT_REQUIRED');
    expect(await stateOf(app, 'design', first)).toBe('pendiente');

    const res = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/services/design/${first}/cancel`)
      .set(cultura.auth)
      .send({ reason: 'El evento cambió de formato.' })
      .expect(200);
    const cancelled = res.body.data.services.find(
      (service: { documentId: string }) => service.documentId === first
    );
    expect(cancelled).toMatchObject({ status: 'cancelado', closed: true, cancellable: false });
    expect(res.body.data.timeline).toContainEqual(
      expect.objectContaining({ kind: 'message', comment: 'El evento cambió de formato.' })
    );

    const oficio = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/cancel`)
      .set(cultura.auth)
      .send({ reason: 'Se suspendió el festival.' })
      .expect(200);
    expect(oficio.body.data).toMatchObject({ status: 'cancelado', cancellable: false });
    expect(oficio.body.data.timeline).toContainEqual(
      expect.objectContaining({ subject: 'Oficio', comment: 'Se suspendió el festival.' })
    );
    // Its open services are cancelled with it, with the oficio's reason; nothing is left to change.
    expect(oficio.body.data.forms).toEqual([]);
    expect(
      oficio.body.data.services.find((s: { documentId: string }) => s.documentId === second)
    ).toMatchObject({ status: 'cancelado', closed: true, cancellable: false });
    expect(await stateOf(app, 'design', second)).toBe('cancelado');
    expect(oficio.body.data.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'message',
        comment: 'Se canceló el oficio: Se suspendió el festival.',
      })
    );

    const closed = await app
      .http()
      .post(`/api/portal/oficios/${filed.documentId}/files`)
      .set(cultura.auth)
      .attach('files', PNG, { filename: 'tarde.png', contentType: 'image/png' })
      .expect(400);
    expect(closed.body.error.details.code).toBe('OFICIO_CLOSED');
  });

  it('un oficio pide como máximo 20 servicios: más se niega en cada puerta sin escribir nada', async () => {
    const many = Array.from({ length: 21 }, (_, i) => design({ title: `Cartel ${i + 1}` }));
    const before = await footprint(app);
    const filed = await fileOficio(
      app,
      cultura,
      { subject: 'Demasiados servicios', services: many },
      { scan: { name: tagged('oficio.pdf'), content: scan } }
    ).expect(400);
    expect(filed.body.error).toMatchObject({
      message: 'Un oficio pide como máximo 20 servicios: divide la solicitud en varios oficios.',
      details: { code: 'INVALID_REQUEST' },
    });
    const preview = await app
      .http()
      .post('/api/portal/lead-time')
      .set(cultura.auth)
      .send({ services: many })
      .expect(400);
    expect(preview.body.error.message).toBe(filed.body.error.message);
    const json = await app
      .http()
      .post('/api/oficios')
      .set(cultura.auth)
      .send({
        data: {
          subject: 'Demasiados servicios',
          services: many.map(({ fields }) => ({ type: 'design', ...fields, logos: undefined })),
        },
      })
      .expect(400);
    expect(json.body.error.message).toBe(filed.body.error.message);
    await settle();
    expect(await footprint(app)).toEqual(before);
    // Twenty is still a valid oficio; a service added to it afterwards meets the same limit.
    const twenty = await file(many.slice(0, 20));
    const registration = app.strapi.service('api::oficio.registration') as unknown as {
      addService(documentId: string, data: unknown, actor: unknown): Promise<unknown>;
    };
    await expect(
      registration.addService(
        twenty.documentId,
        { workflow: 'design', fields: design({ title: 'Cartel 21' }).fields },
        { kind: 'admin', id: 1, roles: ['coordinador_comunicacion'], name: 'Coordinación' }
      )
    ).rejects.toMatchObject({
      message: filed.body.error.message,
      details: { fields: ['services'] },
    });
    expect((await detailOf(twenty.documentId)).services).toHaveLength(20);
  });

  it('con el oficio o el servicio de otra área, cada puerta responde 404', async () => {
    const filed = await file([design({ place: null })]);
    const designId = filed.services[0].documentId;
    const { files } = await detailOf(filed.documentId);
    const doors: [string, string, Record<string, unknown>?][] = [
      ['get', `/api/portal/oficios/${filed.documentId}`],
      ['get', `/api/portal/oficios/${filed.documentId}/acuse`],
      ['post', `/api/portal/oficios/${filed.documentId}/cancel`, { reason: 'Ajeno' }],
      [
        'put',
        `/api/portal/oficios/${filed.documentId}/services/design/${designId}`,
        { fields: { place: 'X' } },
      ],
      [
        'post',
        `/api/portal/oficios/${filed.documentId}/services/design/${designId}/cancel`,
        { reason: 'Ajeno' },
      ],
      ...files.map((f) => ['get', f.url] as [string, string]),
    ];
    for (const [method, path, body] of doors) {
      const req = (app.http() as unknown as Record<string, (p: string) => import('supertest').Test>)
        [method](path)
        .set(tesoreria.auth);
      const res = body ? await req.send(body) : await req;
      expect({ path, status: res.status, code: res.body?.error?.details?.code }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    // Nothing changed for the area it belongs to.
    const detail = await detailOf(filed.documentId);
    expect(detail.status).toBe('recibido');
    expect(await stateOf(app, 'design', designId)).toBe('pendiente');
    // A service of its own oficio under another oficio is not found either.
    const mine = await file([design()]);
    await app
      .http()
      .put(`/api/portal/oficios/${mine.documentId}/services/design/${designId}`)
      .set(cultura.auth)
      .send({ fields: { place: 'X' } })
      .expect(404);
  });
});
