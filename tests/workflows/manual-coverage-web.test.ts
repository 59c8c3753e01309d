/*
 * The manual's procedures of event coverage (1.3 and 3.2) and web publication (Gobierno Digital 1),
 * walked through the doors staff use: the `comunicacion` plugin's transitions and the content
 * manager, each with the admin role under test.
 */
import path from 'node:path';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { startHttpPeer, type HttpPeer } from '../site/http-peer';
import {
  createFile,
  createOficio,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const COVERAGE = 'api::coverage-event.coverage-event';
const WEB = 'api::web-publication.web-publication';
const cm = (uid: string, documentId = '') =>
  `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

describe('manual: cobertura de eventos y publicación en la página web', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let site: HttpPeer;
  useStaffApp((booted) => ({ app, staff } = booted));

  /** Gives a staff member a name of their own (the panel and the messages show it). */
  const rename = (role: Role, firstname: string, lastname: string) =>
    app.strapi.db
      .query('admin::user')
      .update({ where: { id: staff[role].user.id }, data: { firstname, lastname } });

  beforeAll(async () => {
    site = await startHttpPeer();
    await rename('fotografo', 'Ana', 'López');
    await rename('creador_contenido', 'Bruno', 'Díaz');
    await rename('auxiliar_gobierno_digital', 'Laura', 'Méndez');
    await rename('coordinador_gobierno_digital', 'Jorge', 'Salinas');
  });
  afterAll(async () => {
    delete process.env.SITE_URL;
    await site?.close();
  });

  const transition = (role: Role, uid: string, documentId: string, to: string, comment = '') =>
    app
      .http()
      .post('/comunicacion/transitions')
      .set(staff[role].auth)
      .send({ uid, documentId, to, comment });

  const edit = (role: Role, uid: string, documentId: string, data: Record<string, unknown>) =>
    app.http().put(cm(uid, documentId)).set(staff[role].auth).send(data);

  const read = async (role: Role, uid: string, documentId: string) =>
    (await app.http().get(cm(uid, documentId)).set(staff[role].auth).expect(200)).body.data;

  const queue = (role: Role, key: string) =>
    app.http().get(`/comunicacion/queues/${key}`).set(staff[role].auth);

  /** A coverage registered by `role` in the content manager for an oficio of `area`. */
  const registerCoverage = async (
    role: Role,
    oficio: { documentId: string },
    data: Record<string, unknown>
  ) => {
    const res = await app
      .http()
      .post(cm(COVERAGE))
      .set(staff[role].auth)
      .send({
        place: 'Explanada del Palacio Municipal',
        ...data,
        oficio: { connect: [{ documentId: oficio.documentId }] },
      });
    expect(res.status).toBe(201);
    return res.body.data as { documentId: string };
  };

  const crewOf = (role: Role) => ({ connect: [{ id: staff[role].user.id }] });

  it('1.3 Cobertura de eventos: la coordinación programa con su personal por orden de recepción; cubierta, postproducción y entregada o publicada con sus entregables', async () => {
    // Given two requests for the same hour; the cabildo's arrived first.
    const earlier = await createOficio(app, { receivedAt: '2027-01-05T16:00:00Z' });
    const later = await createOficio(app, { receivedAt: '2027-01-06T16:00:00Z' });
    const slot = { startsAt: '2027-03-10T16:00:00.000Z', endsAt: '2027-03-10T18:00:00.000Z' };
    const cabildo = await registerCoverage('coordinador_comunicacion', earlier, {
      title: 'Sesión de cabildo abierto',
      ...slot,
      deliverables: ['fotos', 'redes_sociales'],
      crew: crewOf('fotografo'),
    });
    const feria = await registerCoverage('coordinador_comunicacion', later, {
      title: 'Inauguración de la feria',
      startsAt: '2027-03-10T17:00:00.000Z',
      endsAt: '2027-03-10T19:00:00.000Z',
      deliverables: ['fotos', 'video', 'redes_sociales', 'boletin_prensa'],
      crew: crewOf('fotografo'),
    });

    // A designer does not schedule coverage.
    const designer = await transition(
      'disenador_senior',
      COVERAGE,
      cabildo.documentId,
      'programada'
    );
    expect(designer.status).toBe(403);
    expect(designer.body.error.details.code).toBe('TRANSITION_FORBIDDEN');

    await transition('coordinador_comunicacion', COVERAGE, cabildo.documentId, 'programada').expect(
      200
    );
    // First come, first served: the photographer keeps the cabildo; the message names her.
    const conflict = await transition(
      'coordinador_comunicacion',
      COVERAGE,
      feria.documentId,
      'programada'
    );
    expect(conflict.status).toBe(400);
    expect(conflict.body.error.details.code).toBe('CREW_CONFLICT');
    expect(conflict.body.error.message).toMatch(
      /^Conflicto de personal: Ana López ya tiene asignada la cobertura «Sesión de cabildo abierto»/
    );
    expect(conflict.body.error.message).not.toMatch(new RegExp(`\\b${staff.fotografo.user.id}\\b`));
    expect(conflict.body.error.details.conflicts).toEqual([
      expect.objectContaining({
        documentId: cabildo.documentId,
        people: [String(staff.fotografo.user.id)],
      }),
    ]);
    expect(await stateOf(app, 'coverage-event', feria.documentId)).toBe('solicitada');
    // The oficio page says the same before anyone tries: «Programar» is refused, naming her.
    const page = await app
      .http()
      .get(`/comunicacion/oficios/${later.documentId}`)
      .set(staff.coordinador_comunicacion.auth)
      .expect(200);
    const item = (
      page.body.data.items as {
        documentId: string;
        transitions: { to: string; reason: { code: string; message: string } | null }[];
      }[]
    ).find((entry) => entry.documentId === feria.documentId)!;
    const schedule = item.transitions.find((t) => t.to === 'programada')!;
    expect(schedule.reason?.code).toBe('CREW_CONFLICT');
    expect(schedule.reason?.message).toContain('Ana López ya tiene asignada');

    // Another person covers the fair.
    await edit('coordinador_comunicacion', COVERAGE, feria.documentId, {
      crew: {
        disconnect: [{ id: staff.fotografo.user.id }],
        connect: [{ id: staff.creador_contenido.user.id }],
      },
    }).expect(200);
    await transition('coordinador_comunicacion', COVERAGE, feria.documentId, 'programada').expect(
      200
    );
    await transition('creador_contenido', COVERAGE, feria.documentId, 'cubierta').expect(200);
    await transition('creador_contenido', COVERAGE, feria.documentId, 'en_postproduccion').expect(
      200
    );

    // Delivery asks for every requested deliverable, by name.
    const missing = await transition('creador_contenido', COVERAGE, feria.documentId, 'entregada');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.code).toBe('MISSING_DATA');
    expect(missing.body.error.message).toBe(
      'Faltan las fotografías, el video y el texto del boletín de prensa de la cobertura: el ' +
        'material va en «Material entregado», con su archivo o enlace y el boletín va en ' +
        '«Boletín de prensa».'
    );

    // A link that is not a web address is refused.
    const badLink = await edit('creador_contenido', COVERAGE, feria.documentId, {
      material: [{ kind: 'video', link: 'javascript:alert(1)' }],
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body.error.details.code).toBe('INVALID_URL');

    const photos = await createFile(app, 'feria-01.jpg');
    await edit('creador_contenido', COVERAGE, feria.documentId, {
      material: [
        { kind: 'fotos', file: [photos.id], note: 'Selección de 40 fotografías' },
        { kind: 'video', link: 'https://youtube.com/watch?v=feria2027' },
      ],
      bulletin: 'El Ayuntamiento de Calimaya inauguró la feria anual con actividades culturales.',
    }).expect(200);
    await transition('creador_contenido', COVERAGE, feria.documentId, 'entregada').expect(200);

    const delivered = await read('coordinador_comunicacion', COVERAGE, feria.documentId);
    expect(delivered.workflowStatus).toBe('entregada');
    expect(delivered.deliveredAt).toBeTruthy();
    expect(delivered.material.map((m: { kind: string }) => m.kind)).toEqual(['fotos', 'video']);
    expect(delivered.bulletin).toMatch(/inauguró la feria/);

    // What closed it is not taken away afterwards.
    const stripped = await edit('creador_contenido', COVERAGE, feria.documentId, {
      material: [{ kind: 'fotos', file: [photos.id] }],
    });
    expect(stripped.status).toBe(400);
    expect(stripped.body.error.details.code).toBe('DELIVERABLES_KEPT');
    expect(stripped.body.error.message).toMatch(
      /^La cobertura ya está entregada: .*Falta el video/
    );

    // The cabildo is published on social media: where it was published is recorded first.
    await transition('fotografo', COVERAGE, cabildo.documentId, 'cubierta').expect(200);
    await transition('fotografo', COVERAGE, cabildo.documentId, 'en_postproduccion').expect(200);
    const unpublished = await transition(
      'community_manager',
      COVERAGE,
      cabildo.documentId,
      'publicada'
    );
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.message).toBe(
      'Falta dónde se publicó: agrega en «Publicado en» al menos una publicación con su enlace.'
    );
    await edit('community_manager', COVERAGE, cabildo.documentId, {
      publications: [
        {
          where: 'facebook',
          url: 'https://facebook.com/calimaya/posts/2027031001',
          postedAt: '2027-03-10T20:00:00.000Z',
        },
      ],
    }).expect(200);
    // Where and when it was published is kept as given.
    const posted = await app.strapi
      .documents(COVERAGE)
      .findOne({ documentId: cabildo.documentId, populate: { publications: true } });
    expect(posted?.publications).toEqual([
      expect.objectContaining({
        where: 'facebook',
        url: 'https://facebook.com/calimaya/posts/2027031001',
        postedAt: '2027-03-10T20:00:00.000Z',
      }),
    ]);
    await transition('community_manager', COVERAGE, cabildo.documentId, 'publicada').expect(200);

    expect((await logsOf(app, feria.documentId)).map((l) => l.toStatus)).toEqual([
      'solicitada',
      'programada',
      'cubierta',
      'en_postproduccion',
      'entregada',
    ]);
    expect((await logsOf(app, cabildo.documentId)).map((l) => l.toStatus)).toEqual([
      'solicitada',
      'programada',
      'cubierta',
      'en_postproduccion',
      'publicada',
    ]);
  });

  it('3.2 Cobertura para organismos auxiliares: su coordinación y el Community Manager programan, reprograman y cancelan; para una dependencia no', async () => {
    const smdif = await createOficio(app, { area: 'SMDIF', receivedAt: '2027-01-05T16:00:00Z' });
    const jornada = await registerCoverage('coordinador_organismos', smdif, {
      title: 'Jornada de salud del SMDIF',
      startsAt: '2027-03-12T16:00:00.000Z',
      endsAt: '2027-03-12T18:00:00.000Z',
      deliverables: ['fotos', 'redes_sociales'],
      crew: crewOf('fotografo'),
    });

    // The organismos coordination sees it in its coverage queue; the general one does not hold it.
    const own = await queue('coordinador_organismos', 'cobertura_organismos').expect(200);
    expect(own.body.data.map((row: { documentId: string }) => row.documentId)).toContain(
      jornada.documentId
    );
    await queue('coordinador_organismos', 'cobertura').expect(403);
    const crew = await queue('fotografo', 'cobertura_organismos').expect(200);
    expect(crew.body.data.map((row: { documentId: string }) => row.documentId)).toContain(
      jornada.documentId
    );

    // Its coordination schedules it (content manager), the Community Manager reschedules and schedules again.
    await edit('coordinador_organismos', COVERAGE, jornada.documentId, {
      workflowStatus: 'programada',
    }).expect(200);
    await transition(
      'community_manager',
      COVERAGE,
      jornada.documentId,
      'solicitada',
      'El SMDIF movió la jornada una hora.'
    ).expect(200);
    await edit('coordinador_organismos', COVERAGE, jornada.documentId, {
      startsAt: '2027-03-12T17:00:00.000Z',
      endsAt: '2027-03-12T19:00:00.000Z',
    }).expect(200);
    await transition('community_manager', COVERAGE, jornada.documentId, 'programada').expect(200);
    expect(await stateOf(app, 'coverage-event', jornada.documentId)).toBe('programada');

    // For a dependencia's event neither of them schedules; Comunicación Social does.
    const cultura = await createOficio(app, { area: 'DC', receivedAt: '2027-01-05T16:00:00Z' });
    const concierto = await registerCoverage('coordinador_comunicacion', cultura, {
      title: 'Concierto de la Dirección de Cultura',
      startsAt: '2027-03-13T01:00:00.000Z',
      endsAt: '2027-03-13T03:00:00.000Z',
      deliverables: ['fotos'],
      crew: crewOf('creador_contenido'),
    });
    for (const role of ['coordinador_organismos', 'community_manager'] as const) {
      const refused = await transition(role, COVERAGE, concierto.documentId, 'programada');
      expect(refused.status).toBe(403);
      expect(refused.body.error.details.code).toBe('TRANSITION_FORBIDDEN');
    }
    const viaForm = await edit('coordinador_organismos', COVERAGE, concierto.documentId, {
      workflowStatus: 'programada',
    });
    expect(viaForm.status).toBe(403);
    expect(await stateOf(app, 'coverage-event', concierto.documentId)).toBe('solicitada');
    await transition(
      'coordinador_comunicacion',
      COVERAGE,
      concierto.documentId,
      'programada'
    ).expect(200);

    // The organismos coordination cancels its organism's event, with a reason.
    await transition(
      'coordinador_organismos',
      COVERAGE,
      jornada.documentId,
      'cancelada',
      'El SMDIF suspendió la jornada por lluvia.'
    ).expect(200);
    expect((await logsOf(app, jornada.documentId)).map((l) => l.toStatus)).toEqual([
      'solicitada',
      'programada',
      'solicitada',
      'programada',
      'cancelada',
    ]);
  });

  it('GD 1 Publicación en la página web: análisis con revisiones registradas, la imagen al diseñador y de vuelta, lista, publicada, verificada y respondida', async () => {
    const oficio = await createOficio(app, { area: 'DT', receivedAt: '2027-01-05T16:00:00Z' });
    const created = await app
      .http()
      .post(cm(WEB))
      .set(staff.coordinador_gobierno_digital.auth)
      .send({
        title: 'Programa de verano 2027',
        section: 'Noticias',
        body: 'La Dirección de Turismo invita al programa de verano.',
        wantedDate: '2027-02-15',
        attachments: [(await createFile(app, 'cartel-verano.png')).id],
        oficio: { connect: [{ documentId: oficio.documentId }] },
      });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data as { documentId: string };
    await transition('auxiliar_gobierno_digital', WEB, documentId, 'en_analisis').expect(200);

    // The reviews are recorded with who and when; nobody writes those by hand.
    await edit('auxiliar_gobierno_digital', WEB, documentId, {
      spellingChecked: true,
      plainLanguageChecked: true,
    }).expect(200);
    const forged = await edit('auxiliar_gobierno_digital', WEB, documentId, {
      spellingCheckedBy: 'Otra persona',
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.details.code).toBe('READONLY_FIELD');
    let row = await read('coordinador_gobierno_digital', WEB, documentId);
    expect(row.spellingCheckedBy).toBe('Laura Méndez');
    expect(row.plainLanguageCheckedBy).toBe('Laura Méndez');
    expect(Date.now() - Date.parse(row.spellingCheckedAt)).toBeLessThan(60_000);
    expect(row.personalDataCheckedBy ?? null).toBeNull();

    // The image needs the designer: Gobierno Digital says what to do.
    const silent = await transition('auxiliar_gobierno_digital', WEB, documentId, 'en_diseno');
    expect(silent.status).toBe(400);
    expect(silent.body.error.details.code).toBe('MISSING_DATA');
    await transition(
      'auxiliar_gobierno_digital',
      WEB,
      documentId,
      'en_diseno',
      'Recortar el cartel a 1200×630 px y aclarar el fondo.'
    ).expect(200);

    // It leaves Gobierno Digital's queue for the senior designer's (a dependencia's request).
    const designerQueue = await queue('disenador_senior', 'diseno_senior').expect(200);
    expect(
      designerQueue.body.data.find((r: { documentId: string }) => r.documentId === documentId)
    ).toMatchObject({ workflow: 'web-publication', status: 'en_diseno' });
    const digitalQueue = await queue('auxiliar_gobierno_digital', 'gobierno_digital').expect(200);
    expect(digitalQueue.body.data.map((r: { documentId: string }) => r.documentId)).not.toContain(
      documentId
    );
    const junior = await queue('disenador_junior', 'diseno_junior').expect(200);
    expect(junior.body.data.map((r: { documentId: string }) => r.documentId)).not.toContain(
      documentId
    );

    // The designer reads the request, uploads the worked image and returns it; the content is not theirs.
    const seen = await read('disenador_senior', WEB, documentId);
    expect(seen.designRequest).toBe('Recortar el cartel a 1200×630 px y aclarar el fondo.');
    expect(seen.internalNotes).toBeUndefined();
    const early = await transition('disenador_senior', WEB, documentId, 'en_analisis');
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/Falta el archivo trabajado/);
    const other = await transition('disenador_junior', WEB, documentId, 'en_analisis');
    expect(other.status).toBe(403);
    await edit('disenador_senior', WEB, documentId, {
      designedFiles: [(await createFile(app, 'cartel-verano-1200x630.png')).id],
      body: 'Texto cambiado por el diseñador',
    }).expect(200);
    row = await read('coordinador_gobierno_digital', WEB, documentId);
    expect(row.designedFiles).toHaveLength(1);
    expect(row.body).toBe('La Dirección de Turismo invita al programa de verano.');
    const designerReady = await transition('disenador_senior', WEB, documentId, 'lista');
    expect(designerReady.status).toBe(400);
    expect(designerReady.body.error.details.code).toBe('INVALID_TRANSITION');
    await transition('disenador_senior', WEB, documentId, 'en_analisis').expect(200);

    // Gobierno Digital completes the reviews and marks it ready.
    const unreviewed = await transition('coordinador_gobierno_digital', WEB, documentId, 'lista');
    expect(unreviewed.status).toBe(400);
    expect(unreviewed.body.error.message).toMatch(/revisión de datos personales/);
    await edit('coordinador_gobierno_digital', WEB, documentId, {
      personalDataChecked: true,
    }).expect(200);
    await transition('coordinador_gobierno_digital', WEB, documentId, 'lista').expect(200);
    row = await read('coordinador_gobierno_digital', WEB, documentId);
    expect(row.personalDataCheckedBy).toBe('Jorge Salinas');
    const unchecked = await edit('auxiliar_gobierno_digital', WEB, documentId, {
      spellingChecked: false,
    });
    expect(unchecked.status).toBe(400);
    expect(unchecked.body.error.details.code).toBe('REVIEW_RECORDED');

    // The designer does not publish, by any door.
    await app
      .http()
      .post(`${cm(WEB, documentId)}/actions/publish`)
      .set(staff.disenador_senior.auth)
      .send({})
      .expect(403);
    const byPlugin = await transition('disenador_senior', WEB, documentId, 'publicada');
    expect(byPlugin.status).toBe(403);
    await app
      .http()
      .post('/comunicacion/publications/publish')
      .set(staff.disenador_senior.auth)
      .send({ uid: WEB, documentId })
      .expect(403);
    expect(await stateOf(app, 'web-publication', documentId)).toBe('lista');

    // Strapi publish, then the site is checked and the answer recorded.
    await app
      .http()
      .post(`${cm(WEB, documentId)}/actions/publish`)
      .set(staff.coordinador_gobierno_digital.auth)
      .send({})
      .expect(200);
    expect(await stateOf(app, 'web-publication', documentId)).toBe('publicada');
    process.env.SITE_URL = site.url;
    site.respond([], 200);
    const verified = await app
      .http()
      .post('/comunicacion/publications/verify')
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ uid: WEB, documentId })
      .expect(200);
    expect(verified.body.data.status).toBe('respondida');
    expect((await logsOf(app, documentId)).map((l) => l.toStatus)).toEqual([
      'recibida',
      'en_analisis',
      'en_diseno',
      'en_analisis',
      'lista',
      'publicada',
      'verificada',
      'respondida',
    ]);
  });
  it('GD 1 y 3.2 en una instalación anterior: los diseñadores y la coordinación de organismos reciben una sola vez su acceso, limitado a su parte', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { widenStaffAccess } = require(
      path.resolve(__dirname, '..', '..', 'dist', 'src', 'bootstrap', 'admin-roles')
    ) as typeof import('../../src/bootstrap/admin-roles');
    const roleId = async (code: string) =>
      ((await app.strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number })
        .id;
    const permissions = async (code: string, subject: string) =>
      (await app.strapi.db
        .query('admin::permission')
        .findMany({ where: { role: await roleId(code), subject } })) as {
        id: number;
        action: string;
        properties: { fields?: string[] };
      }[];
    const store = app.strapi.store({ type: 'plugin', name: 'comunicacion' });

    // Given roles as an older version seeded them: no web publications, no coverage
    for (const [code, subject] of [
      ['cs-disenador-senior', WEB],
      ['cs-coordinador-organismos', COVERAGE],
    ] as const) {
      for (const permission of await permissions(code, subject)) {
        await app.strapi.db.query('admin::permission').delete({ where: { id: permission.id } });
      }
    }
    await store.delete({ key: 'widened-staff-access' });

    // When the upgrade runs
    await widenStaffAccess({ strapi: app.strapi });

    // Then the designer reads and updates only its part; it does not publish
    const designer = await permissions('cs-disenador-senior', WEB);
    expect(designer.map((p) => p.action.split('.').pop()).sort()).toEqual(['read', 'update']);
    const update = designer.find((p) => p.action.endsWith('.update'))!;
    expect(update.properties.fields?.sort()).toEqual(
      ['designedFiles', 'transitionComment', 'workflowStatus'].sort()
    );
    const designerRead = designer.find((p) => p.action.endsWith('.read'))!;
    expect(designerRead.properties.fields).toContain('designRequest');
    expect(designerRead.properties.fields).not.toContain('internalNotes');
    const coordinator = await permissions('cs-coordinador-organismos', COVERAGE);
    expect(coordinator.map((p) => p.action.split('.').pop()).sort()).toEqual([
      'create',
      'read',
      'update',
    ]);

    // And what staff remove afterwards stays removed: it ran once
    await app.strapi.db.query('admin::permission').delete({ where: { id: update.id } });
    await widenStaffAccess({ strapi: app.strapi });
    expect((await permissions('cs-disenador-senior', WEB)).map((p) => p.action)).toEqual([
      designerRead.action,
    ]);
  });
});
