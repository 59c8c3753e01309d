import { bootApp, type TestApp } from '../harness/app';
import { testDatabaseClient } from '../harness/database';
import { startInstance } from '../harness/instance';

const OFICIO = 'api::oficio.oficio';

const createOficio = (app: TestApp, receivedAt: string, subject = 'Solicitud') =>
  app.strapi.documents(OFICIO).create({
    data: { subject, receivedAt, channel: 'digital' } as never,
  });

const sequenceOf = (folio: string) => Number(folio.split('/')[1]);

describe('folios DCSGD/NNNN/AAAA', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('50 oficios creados a la vez reciben 50 folios distintos y consecutivos', async () => {
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createOficio(app, '2026-03-10T17:00:00Z', `Concurrente ${i}`)
      )
    );
    const folios = created.map((oficio) => String((oficio as { folio: string }).folio));

    expect(new Set(folios).size).toBe(50);
    folios.forEach((folio) => expect(folio).toMatch(/^DCSGD\/\d{4}\/2026$/));
    const sequences = folios.map(sequenceOf).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => sequences[0] + i));
  });

  it('cada año empieza en 0001 y el año es el de la recepción en la Ciudad de México', async () => {
    // 1 January 2027 05:30 UTC is still 31 December 2026 in Mexico City.
    const lastOf2026 = await createOficio(app, '2027-01-01T05:30:00Z');
    const firstOf2027 = await createOficio(app, '2027-01-01T07:00:00Z');
    expect(String((lastOf2026 as { folio: string }).folio)).toMatch(/\/2026$/);
    expect((firstOf2027 as { folio: string }).folio).toBe('DCSGD/0001/2027');
  });

  it('un oficio rechazado no consume folio y nadie puede fijar ni cambiar el suyo', async () => {
    const before = await createOficio(app, '2028-02-01T16:00:00Z');
    await expect(
      app.strapi.documents(OFICIO).create({
        data: { subject: '', receivedAt: 'no es fecha', channel: 'digital' } as never,
      })
    ).rejects.toBeTruthy();
    await expect(
      app.strapi.documents(OFICIO).create({
        data: { receivedAt: '2028-02-01T16:00:00Z', channel: 'digital' } as never,
      })
    ).rejects.toBeTruthy();
    const after = await createOficio(app, '2028-02-01T16:00:00Z');
    expect(sequenceOf((after as { folio: string }).folio)).toBe(
      sequenceOf((before as { folio: string }).folio) + 1
    );

    await expect(
      app.strapi.documents(OFICIO).update({
        documentId: after.documentId,
        data: { folio: 'DCSGD/9999/2028' } as never,
      })
    ).rejects.toMatchObject({ details: { code: 'READONLY_FIELD', fields: ['folio'] } });
    await expect(
      app.strapi.documents(OFICIO).delete({ documentId: after.documentId })
    ).rejects.toMatchObject({ details: { code: 'DELETE_NOT_ALLOWED' } });
  });
});

const postgresOnly = testDatabaseClient() === 'postgres' ? describe : describe.skip;

postgresOnly('folios con dos instancias sobre la misma base PostgreSQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const runSecondInstance = (command: Record<string, unknown>) =>
    startInstance('second-instance.js', command).result<string[]>();

  it('50 oficios creados entre las dos instancias reciben folios distintos y consecutivos', async () => {
    const receivedAt = '2029-05-07T16:00:00Z';
    const [fromB, fromA] = await Promise.all([
      runSecondInstance({ action: 'create-oficios', count: 25, receivedAt }),
      (async () => {
        // Let the second instance boot so both really write at the same time.
        await new Promise((resolve) => setTimeout(resolve, 4000));
        const created = await Promise.all(
          Array.from({ length: 25 }, (_, i) => createOficio(app, receivedAt, `Instancia A ${i}`))
        );
        return created.map((oficio) => String((oficio as { folio: string }).folio));
      })(),
    ]);
    const all = [...fromA, ...fromB];
    expect(new Set(all).size).toBe(50);
    expect(all.map(sequenceOf).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1)
    );
  });
});
