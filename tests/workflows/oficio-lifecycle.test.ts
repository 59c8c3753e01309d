import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import {
  OFICIO_UID,
  completeData,
  createOficio,
  fire,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const ADVISORY = 'api::advisory.advisory';

describe('el oficio sigue a sus servicios', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const as = (role: Role, workflow: 'oficio' | 'advisory', documentId: string, to: string) =>
    fire(app, 'plugin', {
      workflow,
      documentId,
      to,
      role,
      session: staff[role],
      comment: 'Avance',
    });

  it('queda «atendido» solo con todos sus servicios cerrados y la respuesta registrada', async () => {
    const oficio = await createOficio(app, { area: 'OPDAPAS' });
    const first = await app.strapi.documents(ADVISORY).create({
      data: { ...completeData('advisory', 0), oficio: oficio.documentId } as never,
    });
    const second = await app.strapi.documents(ADVISORY).create({
      data: { ...completeData('advisory', 0), oficio: oficio.documentId } as never,
    });

    expect(
      (await as('coordinador_organismos', 'advisory', first.documentId, 'en_seguimiento')).status
    ).toBe(200);
    expect(await stateOf(app, 'oficio', oficio.documentId)).toBe('en_atencion');

    // Asked directly, the oficio refuses while work is open.
    const early = await as('coordinador_organismos', 'oficio', oficio.documentId, 'atendido');
    expect(early.status).toBe(400);
    expect(early.body.error?.details.code).toBe('OPEN_ITEMS');
    expect(early.body.error?.message).toBe(
      'Quedan 2 trabajos abiertos en este oficio: ciérralos antes de marcarlo como atendido.'
    );

    await app.strapi.documents(ADVISORY).update({
      documentId: first.documentId,
      data: {
        followUps: [
          {
            date: '2027-01-12',
            by: 'Coordinación de Atención a Organismos Auxiliares',
            notes: 'Se revisó el material con el organismo.',
          },
        ],
      } as never,
    });
    expect(
      (await as('coordinador_organismos', 'advisory', first.documentId, 'concluida')).status
    ).toBe(200);
    expect(
      (await as('coordinador_comunicacion', 'advisory', second.documentId, 'cancelada')).status
    ).toBe(200);
    // Every item closed but no response yet: still being attended.
    expect(await stateOf(app, 'oficio', oficio.documentId)).toBe('en_atencion');

    await app
      .http()
      .put(`/content-manager/collection-types/${OFICIO_UID}/${oficio.documentId}`)
      .set(staff.coordinador_organismos.auth)
      .send({ responseFolio: 'DCSGD/R/0010/2027', responseDate: '2027-01-20' })
      .expect(200);
    expect(await stateOf(app, 'oficio', oficio.documentId)).toBe('atendido');
    const logs = await logsOf(app, oficio.documentId);
    expect(logs.map((l) => l.toStatus)).toEqual(['recibido', 'en_atencion', 'atendido']);
    expect(logs[2].actorKind).toBe('system');
  });

  it('pedir información faltante pausa el oficio y la guarda; al completarse vuelve a «recibido»', async () => {
    const oficio = await createOficio(app);
    const res = await fire(app, 'content-manager', {
      workflow: 'oficio',
      documentId: oficio.documentId,
      to: 'informacion_incompleta',
      role: 'coordinador_comunicacion',
      session: staff.coordinador_comunicacion,
      comment: 'Falta la hora del evento y el lugar.',
    });
    expect(res.status).toBe(200);
    const paused = (await app.strapi.db
      .query(OFICIO_UID)
      .findOne({ where: { documentId: oficio.documentId } })) as Record<string, unknown>;
    expect(paused.missingInformation).toBe('Falta la hora del evento y el lugar.');
    expect(paused.pauses).toEqual([{ from: expect.any(String), to: null }]);
    expect(paused.transitionComment).toBeNull();

    expect(
      (await as('coordinador_comunicacion', 'oficio', oficio.documentId, 'recibido')).status
    ).toBe(200);
  });
});

describe('el administrador de contenido habla español', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const configuration = async (uid: string) =>
    (
      await app
        .http()
        .get(`/content-manager/content-types/${uid}/configuration`)
        .set(staff.director.auth)
        .expect(200)
    ).body.data.contentType;

  it('etiquetas de campo en español, listas ordenadas y campos calculados de solo lectura', async () => {
    const oficio = await configuration(OFICIO_UID);
    expect(oficio.settings).toMatchObject({ mainField: 'folio', defaultSortBy: 'receivedAt' });
    expect(oficio.metadatas.folio.edit).toMatchObject({ label: 'Folio', editable: false });
    expect(oficio.metadatas.receivedAt.edit.label).toBe('Fecha y hora de recepción');
    expect(oficio.metadatas.workflowStatus.list.label).toBe('Estado');

    const design = await configuration('api::design.design');
    expect(design.settings).toMatchObject({ mainField: 'title', defaultSortBy: 'dueAt' });
    expect(design.metadatas.leadTimeMet.edit).toMatchObject({
      label: 'Llegó con la anticipación debida',
      editable: false,
    });
    expect(design.metadatas.specification.edit.label).toBe(
      'Especificaciones (formato, colores, medidas)'
    );
  });

  it('los errores de validación de Strapi llegan en español y con código, por cualquier puerta', async () => {
    const viaAdmin = await app
      .http()
      .post(`/content-manager/collection-types/${OFICIO_UID}`)
      .set(staff.director.auth)
      .send({ receivedAt: '2027-01-04T16:00:00Z', channel: 'digital' })
      .expect(400);
    expect(viaAdmin.body.error.message).toBe('Falta «Asunto».');
    expect(viaAdmin.body.error.details).toMatchObject({
      code: 'MISSING_DATA',
      fields: ['subject'],
    });

    await expect(
      app.strapi.documents(OFICIO_UID).create({
        data: {
          subject: 'x'.repeat(301),
          receivedAt: '2027-01-04T16:00:00Z',
          channel: 'fax',
        } as never,
      })
    ).rejects.toMatchObject({
      message:
        '«Asunto» admite hasta 300 caracteres. «Medio de recepción» debe ser uno de: fisico, digital.',
      details: { code: 'INVALID_DATA', fields: ['subject', 'channel'] },
    });
  });

  it('respeta una etiqueta que el personal ya cambió', async () => {
    const uid = 'api::logo.logo';
    const current = await configuration(uid);
    current.metadatas.name.edit.label = 'Nombre del logotipo';
    const service = app.strapi.plugin('content-manager').service('content-types');
    const contentType = service.findContentType(uid);
    await service.updateConfiguration(contentType, {
      settings: current.settings,
      metadatas: current.metadatas,
      layouts: current.layouts,
    });
    const { configureContentManager } = jest.requireActual(
      '../../dist/src/bootstrap/content-manager-labels'
    );
    await configureContentManager({ strapi: app.strapi });
    expect((await configuration(uid)).metadatas.name.edit.label).toBe('Nombre del logotipo');
  });
});
