import path from 'node:path';
import { QUEUES } from '../../src/domain/queues';
import { ROLE_LABELS, STAFF_ROLES, type Role } from '../../src/domain/workflows';
import { bootApp, type TestApp } from '../harness/app';
import { loginAsAdmin, type Session } from '../harness/auth';
import { runAs, runInternal } from '../harness/runtime';
import { actorFor, completeData, createOficio, staffSessions } from '../harness/workflow-fixtures';

const OFICIO = 'api::oficio.oficio';
const DESIGN = 'api::design.design';
const COVERAGE = 'api::coverage-event.coverage-event';
const EMAIL = 'api::email-account-request.email-account-request';
const AUDIT = 'api::audit-record.audit-record';
const CM = '/content-manager/collection-types';

/** One value planted in each personal or internal field; each must reach only its readers. */
const CANARY = {
  requesterName: 'CANARIO-NOMBRE-SOLICITANTE',
  requesterPhone: 'CANARIO-TELEFONO-SOLICITANTE',
  requesterEmail: 'canario.solicitante@privado.mx',
  requesterAddress: 'CANARIO-DOMICILIO-SOLICITANTE',
  oficioNotes: 'CANARIO-NOTAS-OFICIO',
  contactPhone: 'CANARIO-TELEFONO-DISENO',
  officeAddress: 'CANARIO-OFICINA-DISENO',
  designNotes: 'CANARIO-NOTAS-DISENO',
  coverageNotes: 'CANARIO-NOTAS-COBERTURA',
  personName: 'CANARIO-PERSONA-CORREO',
  personPosition: 'CANARIO-CARGO-CORREO',
  emailNotes: 'CANARIO-NOTAS-CORREO',
} as const;
type Canary = keyof typeof CANARY;

/** Who reads: each seeded role (not assigned to anything) and two assignees. */
type Reader = Role | 'disenador_asignado' | 'auxiliar_asignado';

const CONTACT: Reader[] = [
  'director',
  'coordinador_comunicacion',
  'coordinador_gobierno_digital',
  'coordinador_organismos',
];
const REQUESTER: Reader[] = CONTACT;

/** Who must read each canary (through at least one door) and no one else. */
const READERS: Record<Canary, Reader[]> = {
  requesterName: REQUESTER,
  requesterPhone: REQUESTER,
  requesterEmail: REQUESTER,
  requesterAddress: REQUESTER,
  oficioNotes: CONTACT,
  // Designs are read by the Dirección's coordinator, the organismos' coordinator, the designers
  // and the community manager; the contact data only by the coordinators and the assigned designer.
  contactPhone: [
    'director',
    'coordinador_comunicacion',
    'coordinador_organismos',
    'disenador_asignado',
  ],
  officeAddress: [
    'director',
    'coordinador_comunicacion',
    'coordinador_organismos',
    'disenador_asignado',
  ],
  designNotes: [
    'director',
    'coordinador_comunicacion',
    'coordinador_organismos',
    'disenador_senior',
    'disenador_junior',
    'disenador_asignado',
  ],
  // The organismos' coordinator schedules their coverage (manual 3.2), so it works on the type.
  coverageNotes: [
    'director',
    'coordinador_comunicacion',
    'coordinador_organismos',
    'community_manager',
    'fotografo',
    'creador_contenido',
  ],
  personName: ['director', 'coordinador_gobierno_digital', 'auxiliar_asignado'],
  personPosition: ['director', 'coordinador_gobierno_digital', 'auxiliar_asignado'],
  emailNotes: [
    'director',
    'coordinador_gobierno_digital',
    'auxiliar_gobierno_digital',
    'auxiliar_asignado',
  ],
};

describe('cada rol del personal lee solo los tipos y campos de su trabajo', () => {
  let app: TestApp;
  let readers: Record<Reader, Session>;
  const ids = { oficio: '', design: '', coverage: '', email: '' };

  beforeAll(async () => {
    app = await bootApp();
    const staff = await staffSessions(app);
    readers = {
      ...staff,
      disenador_asignado: await loginAsAdmin(app, ROLE_LABELS.disenador_senior),
      auxiliar_asignado: await loginAsAdmin(app, ROLE_LABELS.auxiliar_gobierno_digital),
    };

    // Given an oficio with a design, a coverage and an e-mail request, every private field planted
    const oficio = await createOficio(app);
    ids.oficio = oficio.documentId;
    await runInternal(() =>
      app.strapi.documents(OFICIO).update({
        documentId: oficio.documentId,
        data: {
          requesterName: CANARY.requesterName,
          requesterPhone: CANARY.requesterPhone,
          requesterEmail: CANARY.requesterEmail,
          requesterAddress: CANARY.requesterAddress,
          internalNotes: CANARY.oficioNotes,
        } as never,
      })
    );
    const design = await app.strapi.documents(DESIGN).create({
      data: {
        ...completeData('design', staff.fotografo.user.id),
        oficio: oficio.documentId,
        contactPhone: CANARY.contactPhone,
        officeAddress: CANARY.officeAddress,
        assignees: [readers.disenador_asignado.user.id],
      } as never,
    });
    ids.design = design.documentId;
    const coverage = await app.strapi.documents(COVERAGE).create({
      data: {
        ...completeData('coverage-event', staff.fotografo.user.id),
        oficio: oficio.documentId,
        internalNotes: CANARY.coverageNotes,
      } as never,
    });
    ids.coverage = coverage.documentId;
    const email = await app.strapi.documents(EMAIL).create({
      data: {
        ...completeData('email-account-request', staff.fotografo.user.id),
        oficio: oficio.documentId,
        personName: CANARY.personName,
        personPosition: CANARY.personPosition,
        internalNotes: CANARY.emailNotes,
        assignees: [readers.auxiliar_asignado.user.id],
      } as never,
    });
    ids.email = email.documentId;
    // The design's notes are written by a person: the audit trail records their value.
    await runAs(actorFor('coordinador_comunicacion', staff.coordinador_comunicacion), () =>
      app.strapi.documents(DESIGN).update({
        documentId: design.documentId,
        data: { internalNotes: CANARY.designNotes } as never,
      })
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Every admin door that shows the oficio, its items or their trail. */
  const doors = () => [
    `${CM}/${OFICIO}/${ids.oficio}`,
    `${CM}/${OFICIO}/${ids.oficio}?populate=*`,
    `${CM}/${OFICIO}/${ids.oficio}?populate[designs]=*`,
    `${CM}/${OFICIO}/${ids.oficio}?populate[designs][populate]=*`,
    `${CM}/${OFICIO}/${ids.oficio}?populate[coverageEvents][populate]=*`,
    `${CM}/${OFICIO}/${ids.oficio}?populate[emailAccountRequests]=*`,
    `${CM}/${OFICIO}?populate=*`,
    `${CM}/${OFICIO}?populate[designs]=*&populate[emailAccountRequests]=*`,
    ...(
      [
        [DESIGN, ids.design],
        [COVERAGE, ids.coverage],
        [EMAIL, ids.email],
      ] as const
    ).flatMap(([uid, documentId]) => [
      `${CM}/${uid}/${documentId}`,
      `${CM}/${uid}/${documentId}?populate=*`,
      `${CM}/${uid}/${documentId}?populate[oficio][populate]=*`,
      `${CM}/${uid}?populate=*`,
      `${CM}/${uid}?populate[oficio][populate]=*`,
      `/content-manager/relations/${uid}/${documentId}/oficio`,
    ]),
    `/content-manager/relations/${OFICIO}/${ids.oficio}/designs`,
    `/content-manager/relations/${OFICIO}/${ids.oficio}/emailAccountRequests`,
    `/content-manager/relations/${OFICIO}/${ids.oficio}/coverageEvents`,
    `${CM}/${AUDIT}?pageSize=100`,
    `${CM}/api::transition-log.transition-log?pageSize=100`,
    `/comunicacion/oficios/${ids.oficio}`,
    '/comunicacion/queues',
    ...QUEUES.map(({ key }) => `/comunicacion/queues/${key}`),
  ];

  it('ninguna puerta muestra un dato a quien no le toca, y cada dato llega a quien sí', async () => {
    const leaks: string[] = [];
    const missing: string[] = [];
    const failures: string[] = [];
    for (const [reader, session] of Object.entries(readers) as [Reader, Session][]) {
      const seen = new Set<Canary>();
      for (const door of doors()) {
        const res = await app.http().get(door).set(session.auth);
        if (res.status >= 500) failures.push(`${reader} ${door} → ${res.status}`);
        const text = JSON.stringify(res.body);
        for (const [key, value] of Object.entries(CANARY) as [Canary, string][]) {
          if (!text.includes(value)) continue;
          seen.add(key);
          if (!READERS[key].includes(reader)) leaks.push(`${reader} lee ${key} en ${door}`);
        }
      }
      for (const key of Object.keys(CANARY) as Canary[]) {
        if (READERS[key].includes(reader) && !seen.has(key)) missing.push(`${reader} no ve ${key}`);
      }
    }
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('el fotógrafo abre la cobertura con su oficio, sin los diseños ni los datos de contacto', async () => {
    // When the Fotógrafo(a) asks for the coverage with everything under its oficio
    const res = await app
      .http()
      .get(`${CM}/${COVERAGE}/${ids.coverage}?populate[oficio][populate]=*`)
      .set(readers.fotografo.auth)
      .expect(200);
    // Then the coverage and its oficio come back, without the designs (a type it does not read)
    // nor the requester's data
    expect(res.body.data.internalNotes).toBe(CANARY.coverageNotes);
    expect(res.body.data.oficio).toMatchObject({ documentId: ids.oficio });
    expect(res.body.data.oficio).not.toHaveProperty('designs');
    expect(res.body.data.oficio).not.toHaveProperty('requesterPhone');
    expect(res.body.data.oficio).not.toHaveProperty('internalNotes');
    // And the designs themselves stay refused
    await app.http().get(`${CM}/${DESIGN}/${ids.design}`).set(readers.fotografo.auth).expect(403);
  });

  it('el diseñador asignado lee el contacto de su diseño; otro diseñador no', async () => {
    const assigned = await app
      .http()
      .get(`${CM}/${DESIGN}/${ids.design}`)
      .set(readers.disenador_asignado.auth)
      .expect(200);
    expect(assigned.body.data).toMatchObject({
      contactPhone: CANARY.contactPhone,
      officeAddress: CANARY.officeAddress,
    });
    const other = await app
      .http()
      .get(`${CM}/${DESIGN}/${ids.design}`)
      .set(readers.disenador_senior.auth)
      .expect(200);
    expect(other.body.data.title).toBe('Cartel del festival');
    expect(other.body.data.internalNotes).toBe(CANARY.designNotes);
    expect(other.body.data).not.toHaveProperty('contactPhone');
    expect(other.body.data).not.toHaveProperty('officeAddress');
  });

  it('nadie filtra ni ordena por un dato que no puede leer (sería un oráculo)', async () => {
    // When the Fotógrafo(a) filters coverage by its oficio's requester phone, or sorts by it
    const filtered = await app
      .http()
      .get(`${CM}/${COVERAGE}?filters[oficio][requesterPhone][$eq]=${CANARY.requesterPhone}`)
      .set(readers.fotografo.auth)
      .expect(400);
    expect(filtered.body.error.details).toMatchObject({
      code: 'INVALID_QUERY',
      field: 'oficio.requesterPhone',
    });
    expect(filtered.body.error.message).toMatch(/Su rol no puede filtrar/);
    await app
      .http()
      .get(`${CM}/${COVERAGE}?sort=oficio.requesterName:asc`)
      .set(readers.fotografo.auth)
      .expect(400);
    // Nor inside a populate
    await app
      .http()
      .get(
        `${CM}/${COVERAGE}/${ids.coverage}?populate[oficio][filters][requesterPhone][$eq]=${CANARY.requesterPhone}`
      )
      .set(readers.fotografo.auth)
      .expect(400);
    // Nor through the oficio to the designs, a type it does not read
    await app
      .http()
      .get(`${CM}/${OFICIO}?filters[designs][title][$eq]=x`)
      .set(readers.fotografo.auth)
      .expect(400);
    // A designer reads contact data only of its own designs: it may not search the others by it
    await app
      .http()
      .get(`${CM}/${DESIGN}?filters[contactPhone][$eq]=${CANARY.contactPhone}`)
      .set(readers.disenador_senior.auth)
      .expect(400);
    // The coordinator, who contacts the areas, finds the oficio by its requester's phone
    const found = await app
      .http()
      .get(`${CM}/${OFICIO}?filters[requesterPhone][$eq]=${CANARY.requesterPhone}`)
      .set(readers.coordinador_comunicacion.auth)
      .expect(200);
    expect(found.body.results.map((row: { documentId: string }) => row.documentId)).toEqual([
      ids.oficio,
    ]);
  });

  it('el buscador del administrador de contenido no busca en los datos que el rol no lee', async () => {
    const search = (reader: Reader, uid: string, q: string) =>
      app
        .http()
        .get(`${CM}/${uid}?_q=${encodeURIComponent(q)}`)
        .set(readers[reader].auth)
        .expect(200)
        .then((res) => res.body.results.map((row: { documentId: string }) => row.documentId));
    // The Community Manager searches oficios by the requester's name or phone: nothing
    expect(await search('community_manager', OFICIO, CANARY.requesterName)).toEqual([]);
    expect(await search('community_manager', OFICIO, CANARY.requesterPhone)).toEqual([]);
    // A designer not assigned to the design cannot find it by its contact phone
    expect(await search('disenador_senior', DESIGN, CANARY.contactPhone)).toEqual([]);
    // What they may read still finds it, with the list's own filters kept
    expect(await search('community_manager', OFICIO, 'Solicitud de servicios')).toContain(
      ids.oficio
    );
    expect(await search('disenador_senior', DESIGN, 'Cartel del festival')).toContain(ids.design);
    // The coordination, who contacts the area, finds the oficio by its requester
    expect(await search('coordinador_comunicacion', OFICIO, CANARY.requesterName)).toEqual([
      ids.oficio,
    ]);
    // The assigned designer reads the contact, but its search is the restricted one too: a
    // designer's search never tells the contact of designs it does not hold
    expect(await search('disenador_asignado', DESIGN, 'Cartel del festival')).toContain(ids.design);
  });

  it('las listas de relaciones se abren solo hacia tipos que el rol lee', async () => {
    const refused = await app
      .http()
      .get(`/content-manager/relations/${OFICIO}/${ids.oficio}/designs`)
      .set(readers.fotografo.auth)
      .expect(403);
    expect(refused.body.error).toMatchObject({
      message: 'Su rol no puede ver los registros de esta relación.',
      details: { code: 'RELATION_NOT_READABLE' },
    });
    // Strapi refused a type the role does not read with a 500
    await app
      .http()
      .get(`/content-manager/relations/${DESIGN}/${ids.design}/oficio`)
      .set(readers.fotografo.auth)
      .expect(403);
    const allowed = await app
      .http()
      .get(`/content-manager/relations/${OFICIO}/${ids.oficio}/coverageEvents`)
      .set(readers.fotografo.auth)
      .expect(200);
    expect(allowed.body.results.map((row: { documentId: string }) => row.documentId)).toEqual([
      ids.coverage,
    ]);
  });

  it('el contacto de un diseño lo cambia quien lo tiene asignado, no otro diseñador', async () => {
    const write = (session: Session, contactPhone: string) =>
      app
        .http()
        .put(`${CM}/${DESIGN}/${ids.design}`)
        .set(session.auth)
        .send({ contactPhone, officeAddress: CANARY.officeAddress });
    const refused = await write(readers.disenador_senior, '').expect(403);
    expect(refused.body.error.details).toMatchObject({
      code: 'PERSONAL_DATA_NOT_ASSIGNED',
      fields: ['contactPhone', 'officeAddress'],
    });
    // Saving the form without the fields it was not shown changes the rest
    await app
      .http()
      .put(`${CM}/${DESIGN}/${ids.design}`)
      .set(readers.disenador_senior.auth)
      .send({ place: 'Explanada municipal (frente)' })
      .expect(200);
    await write(readers.disenador_asignado, CANARY.contactPhone).expect(200);
    const stored = (await app.strapi.db
      .query(DESIGN)
      .findOne({ where: { documentId: ids.design } })) as { contactPhone: string; place: string };
    expect(stored).toMatchObject({
      contactPhone: CANARY.contactPhone,
      place: 'Explanada municipal (frente)',
    });
  });

  it('la bitácora muestra el valor de un campo solo a quien puede leerlo en el registro', async () => {
    const recordOf = async (session: Session) => {
      const res = await app
        .http()
        .get(`${CM}/${AUDIT}?pageSize=100&filters[subjectDocumentId][$eq]=${ids.design}`)
        .set(session.auth)
        .expect(200);
      const changes = (res.body.results as { changes: { field: string }[] }[]).flatMap(
        (record) => record.changes
      );
      return changes.find((change) => change.field === 'internalNotes');
    };
    expect(await recordOf(readers.disenador_senior)).toEqual({
      field: 'internalNotes',
      from: null,
      to: CANARY.designNotes,
    });
    expect(await recordOf(readers.community_manager)).toEqual({
      field: 'internalNotes',
      changed: true,
    });
  });

  it('la ficha del oficio muestra al solicitante solo a quien atiende al área', async () => {
    const pageOf = async (session: Session) =>
      (await app.http().get(`/comunicacion/oficios/${ids.oficio}`).set(session.auth).expect(200))
        .body.data.oficio.requester;
    expect(await pageOf(readers.coordinador_comunicacion)).toEqual({
      name: CANARY.requesterName,
      phone: CANARY.requesterPhone,
      email: CANARY.requesterEmail,
    });
    expect(await pageOf(readers.fotografo)).toEqual({ name: null, phone: null, email: null });
  });

  it('los roles de una instalación anterior pierden una sola vez los campos que no leen', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { narrowStaffFieldPermissions } = require(
      path.resolve(__dirname, '..', '..', 'dist', 'src', 'bootstrap', 'admin-roles')
    ) as typeof import('../../src/bootstrap/admin-roles');
    const role = (await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'cs-fotografo' } })) as { id: number };
    const read = 'plugin::content-manager.explorer.read';
    const permissionOf = async (subject: string) =>
      (await app.strapi.db
        .query('admin::permission')
        .findOne({ where: { role: role.id, action: read, subject } })) as {
        id: number;
        properties: { fields?: string[] | null };
      };
    const store = app.strapi.store({ type: 'plugin', name: 'comunicacion' });

    // Given a Fotógrafo(a) role as an older version seeded it (every field of the oficio), with
    // the designs added by hand (every field)
    const oficioPermission = await permissionOf(OFICIO);
    await app.strapi.db.query('admin::permission').update({
      where: { id: oficioPermission.id },
      data: { properties: { fields: null } },
    });
    await app.strapi
      .service('admin::permission')
      .createMany([
        { action: read, subject: DESIGN, properties: {}, conditions: [], role: role.id },
      ]);
    await store.delete({ key: 'narrowed-staff-fields' });

    // When the upgrade runs
    await narrowStaffFieldPermissions({ strapi: app.strapi });

    // Then both keep every field but the personal data and internal notes
    const oficioFields = (await permissionOf(OFICIO)).properties.fields ?? [];
    expect(oficioFields).toEqual(expect.arrayContaining(['folio', 'subject', 'designs']));
    for (const field of ['requesterName', 'requesterPhone', 'internalNotes']) {
      expect(oficioFields).not.toContain(field);
    }
    const designFields = (await permissionOf(DESIGN)).properties.fields ?? [];
    expect(designFields).toEqual(expect.arrayContaining(['title', 'eventName']));
    expect(designFields).not.toContain('contactPhone');
    expect(designFields).not.toContain('internalNotes');

    // And a field staff grant afterwards stays: the upgrade ran once
    await app.strapi.db.query('admin::permission').update({
      where: { id: oficioPermission.id },
      data: { properties: { fields: [...oficioFields, 'internalNotes'] } },
    });
    await narrowStaffFieldPermissions({ strapi: app.strapi });
    expect((await permissionOf(OFICIO)).properties.fields).toContain('internalNotes');
  });

  it('los roles sembrados no tienen los campos personales de tipos que no atienden', async () => {
    const fieldsOf = async (label: string, subject: string) => {
      const role = (await app.strapi.db
        .query('admin::role')
        .findOne({ where: { name: label } })) as { id: number };
      const permission = (await app.strapi.db.query('admin::permission').findOne({
        where: { role: role.id, action: 'plugin::content-manager.explorer.read', subject },
      })) as { properties: { fields?: string[] } } | null;
      return permission?.properties.fields ?? null;
    };
    expect(await fieldsOf(ROLE_LABELS.community_manager, DESIGN)).not.toContain('contactPhone');
    expect(await fieldsOf(ROLE_LABELS.disenador_senior, DESIGN)).toContain('contactPhone');
    expect(await fieldsOf(ROLE_LABELS.disenador_senior, OFICIO)).not.toContain('requesterEmail');
    expect(await fieldsOf(ROLE_LABELS.director, OFICIO)).toContain('requesterEmail');
    expect(STAFF_ROLES.length).toBe(10);
  });
});
