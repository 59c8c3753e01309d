/*
 * The manual's design procedures walked through the doors their people use: the area files its
 * oficio on the content API and decides on the proposal (approval link or its account), staff work
 * in the content manager and the plugin's transition route. Each test is one section of the manual
 * (October 2025): 1.1 print material, 1.2 digital art, 3.1 design for the organismos auxiliares.
 */
import type { TestApp } from '../harness/app';
import { loginAsApiUser, type Session } from '../harness/auth';
import { areaId, createFile, logsOf, stateOf, useStaffApp } from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const DESIGN = 'api::design.design';
const OFICIO = 'api::oficio.oficio';
const LOGO = 'api::logo.logo';
const cm = (uid: string, documentId: string) =>
  `/content-manager/collection-types/${uid}/${documentId}`;

/** A date `days` calendar days from now (Mexico City is UTC-6), as YYYY-MM-DD. */
const daysAhead = (days: number) =>
  new Date(Date.now() - 6 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface CatalogueLogo {
  documentId: string;
  name: string;
  order: number;
  image: { url: string; mime: string } | null;
}

describe('manual de procedimientos: diseño', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let cultura: Session;
  let smdif: Session;
  let catalogue: CatalogueLogo[];
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(async () => {
    cultura = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'DC') },
    });
    smdif = await loginAsApiUser(app, 'Área solicitante', {
      data: { area: await areaId(app, 'SMDIF') },
    });
    const res = await app.http().get('/api/logos').set(cultura.auth).expect(200);
    catalogue = res.body.data as CatalogueLogo[];
  });

  const logo = (name: RegExp) => {
    const found = catalogue.find((entry) => name.test(entry.name));
    if (!found) throw new Error(`No está en el catálogo: ${String(name)}`);
    return found.documentId;
  };

  /** An area files an oficio with one design; resolves to the oficio and the design as answered. */
  const file = async (
    session: Session,
    oficio: Record<string, unknown>,
    design: Record<string, unknown>
  ) => {
    const res = await app
      .http()
      .post('/api/oficios')
      .set(session.auth)
      .send({ data: { subject: 'Solicitud de diseño', ...oficio, services: [design] } });
    expect(res.status).toBe(201);
    const data = res.body.data as {
      documentId: string;
      receivedAt: string;
      services: {
        documentId: string;
        dueAt: string | null;
        earliestAllowedDate: string | null;
        leadTimeMet: boolean | null;
      }[];
    };
    return { oficio: data, design: data.services[0] };
  };

  const transition = (session: Session, documentId: string, to: string, comment = '') =>
    app.http().post('/comunicacion/transitions').set(session.auth).send({
      uid: DESIGN,
      documentId,
      to,
      comment,
    });

  /** The designer uploads a proposal version in the content manager and sends it to the area. */
  const sendProposal = async (designer: Session, documentId: string) => {
    const proposal = await createFile(app, 'propuesta-v1.pdf');
    await app
      .http()
      .put(cm(DESIGN, documentId))
      .set(designer.auth)
      .send({ proposals: [{ version: 1, file: proposal.id }] })
      .expect(200);
    const sent = await transition(designer, documentId, 'en_revision', 'Propuesta lista');
    expect(sent.status).toBe(200);
    const link = sent.body.data.approvalLink as { url: string };
    return decodeURIComponent(link.url.split('?t=')[1]);
  };

  const stored = async (documentId: string) =>
    (await app.strapi.documents(DESIGN).findOne({
      documentId,
      populate: {
        logos: { populate: { logo: { fields: ['name'] } } },
        delivery: { populate: { document: true } },
      },
    } as never)) as unknown as Record<string, unknown> & {
      logos: { logo: { name: string } | null }[];
      delivery: { number: string; date: string; document: { id: number } | null } | null;
    };

  const addBusinessDays = async (from: string, days: number) =>
    (await app.http().get('/api/business-calendar/add').query({ from, days }).expect(200)).body.data
      .date as string;

  it('el catálogo de logotipos institucionales está sembrado, en orden y con sus campos públicos', async () => {
    expect(catalogue.map((entry) => entry.name)).toEqual([
      'Ayuntamiento de Calimaya',
      'SMDIF Calimaya',
      'OPDAPAS Calimaya',
      'IMCUFIDEC',
    ]);
    expect(catalogue.map((entry) => entry.order)).toEqual([1, 2, 3, 4]);
    for (const entry of catalogue) {
      expect(entry.image?.mime).toBe('image/svg+xml');
      expect(Object.keys(entry)).not.toContain('active');
      expect(Object.keys(entry)).not.toContain('code');
    }
    // Without an account the catalogue is closed.
    expect([401, 403]).toContain((await app.http().get('/api/logos')).status);
  });

  it('1.1 Material de imprenta: oficio a Presidencia con copia a la Dirección, diseño, aprobación, imprenta y entrega con oficio', async () => {
    // Given: the area files its print request addressed only to the Dirección.
    const { oficio, design } = await file(
      cultura,
      { addressedTo: 'direccion' },
      {
        type: 'design',
        title: 'Lona del Festival de la Primavera',
        medium: 'impreso',
        eventName: 'Festival de la Primavera',
        eventDate: daysAhead(2),
        eventTime: '11:00',
        place: 'Explanada municipal',
        specification: 'Lona 3×2 m, colores institucionales',
        responsiblePerson: 'Directora de Cultura',
        requirements: 'Incluir el programa y la leyenda «Entrada libre».',
        logos: [logo(/Ayuntamiento/), logo(/SMDIF/)],
      }
    );
    // Print has no request lead time and no due date before the area approves the design.
    expect(design.dueAt).toBeNull();
    expect(design.leadTimeMet).toBe(true);

    // When the senior designer starts: the oficio lacks the addressee and copy of the manual.
    const wrongAddressee = await transition(staff.disenador_senior, design.documentId, 'en_diseno');
    expect(wrongAddressee.status).toBe(400);
    expect(wrongAddressee.body.error.details).toMatchObject({
      code: 'MISSING_DATA',
      fields: ['oficio.addressedTo', 'oficio.copiedTo'],
    });
    expect(wrongAddressee.body.error.message).toMatch(
      /dirigido a la Presidencia Municipal con copia a esta Dirección/
    );
    expect(await stateOf(app, 'design', design.documentId)).toBe('pendiente');

    // A copy to someone the office does not know is refused with its code.
    const unknownCopy = await app
      .http()
      .put(cm(OFICIO, oficio.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send({ addressedTo: 'presidencia', copiedTo: ['direccion', 'la prensa'] });
    expect(unknownCopy.status).toBe(400);
    expect(unknownCopy.body.error.details.code).toBe('INVALID_COPIES');

    // The coordinator records the oficio as it was sent: to Presidencia, copy to the Dirección.
    await app
      .http()
      .put(cm(OFICIO, oficio.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send({ addressedTo: 'presidencia', copiedTo: ['direccion'] })
      .expect(200);

    // A photographer does not design: refused. The senior designer starts.
    const photographer = await transition(staff.fotografo, design.documentId, 'en_diseno');
    expect(photographer.status).toBe(403);
    expect((await transition(staff.disenador_senior, design.documentId, 'en_diseno')).status).toBe(
      200
    );

    // The designer sends the proposal; the area approves it with its approval link.
    const token = await sendProposal(staff.disenador_senior, design.documentId);
    const approved = await app
      .http()
      .post(`/api/approvals/${encodeURIComponent(token)}`)
      .send({ decision: 'aprobada' })
      .expect(200);
    expect(approved.body.data.workflowStatus).toBe('aprobado');

    // Due: the approval business day plus 5 business days.
    const afterApproval = await stored(design.documentId);
    expect(afterApproval.dueAt).toBe(await addBusinessDays(String(afterApproval.approvedAt), 5));

    // The senior designer sends it to the printer.
    expect(
      (await transition(staff.disenador_senior, design.documentId, 'en_imprenta')).status
    ).toBe(200);

    // Delivered only with its delivery oficio: number and date.
    const undelivered = await transition(staff.disenador_senior, design.documentId, 'entregado');
    expect(undelivered.status).toBe(400);
    expect(undelivered.body.error.details).toMatchObject({
      code: 'MISSING_DATA',
      fields: ['delivery.number', 'delivery.date'],
    });
    expect(undelivered.body.error.message).toMatch(/se entrega con un oficio/);

    const scan = await createFile(app, 'oficio-entrega.pdf');
    await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.disenador_senior.auth)
      .send({ delivery: { number: 'DCSGD/0321/2027', date: daysAhead(8), document: scan.id } })
      .expect(200);
    const before = Date.now();
    expect((await transition(staff.disenador_senior, design.documentId, 'entregado')).status).toBe(
      200
    );

    // Then: the delivery is recorded with the server's time, and the log shows the manual's order.
    const delivered = await stored(design.documentId);
    expect(delivered.workflowStatus).toBe('entregado');
    expect(delivered.delivery).toMatchObject({
      number: 'DCSGD/0321/2027',
      date: daysAhead(8),
      document: { id: scan.id },
    });
    expect(Date.parse(String(delivered.deliveredAt))).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(String(delivered.deliveredAt))).toBeLessThanOrEqual(Date.now());
    expect(delivered.logos.map((choice) => choice.logo?.name)).toEqual([
      'Ayuntamiento de Calimaya',
      'SMDIF Calimaya',
    ]);
    expect(delivered.requirements).toBe('Incluir el programa y la leyenda «Entrada libre».');
    expect((await logsOf(app, design.documentId)).map((log) => log.toStatus)).toEqual([
      'pendiente',
      'en_diseno',
      'en_revision',
      'aprobado',
      'en_imprenta',
      'entregado',
    ]);

    // The delivery oficio is a record: the designer cannot rewrite it, a coordinator with a reason can.
    const rewrite = { delivery: { number: 'DCSGD/0999/2027', date: daysAhead(8) } };
    const byDesigner = await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.disenador_senior.auth)
      .send({ ...rewrite, transitionComment: 'Me equivoqué de número' });
    expect(byDesigner.status).toBe(403);
    expect(byDesigner.body.error.details.code).toBe('CORRECTION_FORBIDDEN');
    const withoutReason = await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send(rewrite);
    expect(withoutReason.body.error.details.code).toBe('COMMENT_REQUIRED');
    expect((await stored(design.documentId)).delivery?.number).toBe('DCSGD/0321/2027');
    await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.coordinador_comunicacion.auth)
      .send({ ...rewrite, transitionComment: 'El número del oficio de entrega es el 0999.' })
      .expect(200);
    expect((await stored(design.documentId)).delivery?.number).toBe('DCSGD/0999/2027');

    // The area follows its design: the delivery oficio's number and date, never the scan.
    const seen = await app
      .http()
      .get(`/api/designs/${design.documentId}`)
      .query({ populate: { logos: true, delivery: true } })
      .set(cultura.auth)
      .expect(200);
    expect(seen.body.data.delivery).toMatchObject({ number: 'DCSGD/0999/2027' });
    expect(seen.body.data.delivery).not.toHaveProperty('document');
    expect(seen.body.data.logos.map((c: { logo: { name: string } }) => c.logo.name)).toEqual([
      'Ayuntamiento de Calimaya',
      'SMDIF Calimaya',
    ]);
  });

  it('1.2 Arte digital: logotipos en orden, 3 días hábiles de anticipación y publica el Community Manager', async () => {
    // Given: the area files digital art without saying which logos go on it.
    const eventDate = daysAhead(30);
    const { oficio, design } = await file(
      cultura,
      {},
      {
        type: 'design',
        title: 'Post del concierto de primavera',
        medium: 'digital',
        eventName: 'Concierto de primavera',
        eventDate,
        eventTime: '18:00',
        place: 'Kiosco',
        specification: 'Post 1080×1080 e historia 1080×1920',
        responsiblePerson: 'Coordinador de música',
      }
    );
    // The lead time is 3 business days from the reception.
    expect(design.earliestAllowedDate).toBe(await addBusinessDays(oficio.receivedAt, 3));
    expect(design.leadTimeMet).toBe(true);
    expect(design.dueAt).toBe(await addBusinessDays(oficio.receivedAt, 3));

    // Work cannot start without the logos.
    const noLogos = await transition(staff.disenador_senior, design.documentId, 'en_diseno');
    expect(noLogos.status).toBe(400);
    expect(noLogos.body.error.details).toMatchObject({ code: 'MISSING_DATA', fields: ['logos'] });
    expect(noLogos.body.error.message).toMatch(/logotipos institucionales \(en orden\)/);

    // A logo the office retired cannot be chosen.
    const retired = await app.strapi.documents(LOGO).create({
      data: { name: 'Logotipo 2022-2024', active: false } as never,
    });
    const listed = await app.http().get('/api/logos').set(cultura.auth).expect(200);
    expect(listed.body.data.map((entry: { name: string }) => entry.name)).not.toContain(
      'Logotipo 2022-2024'
    );
    const withRetired = await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.disenador_senior.auth)
      .send({ logos: [{ logo: retired.documentId }] });
    expect(withRetired.status).toBe(400);
    expect(withRetired.body.error.details.code).toBe('INACTIVE_LOGO');

    // The designer records the logos in the order the area asked: IMCUFIDEC first, then the Ayuntamiento.
    await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.disenador_senior.auth)
      .send({ logos: [{ logo: logo(/IMCUFIDEC/) }, { logo: logo(/Ayuntamiento/) }] })
      .expect(200);
    const inManager = await app
      .http()
      .get(cm(DESIGN, design.documentId))
      .set(staff.disenador_senior.auth)
      .expect(200);
    expect(inManager.body.data.logos).toHaveLength(2);
    expect((await stored(design.documentId)).logos.map((c) => c.logo?.name)).toEqual([
      'IMCUFIDEC',
      'Ayuntamiento de Calimaya',
    ]);

    // The senior designer designs and sends; the area approves with its account.
    expect((await transition(staff.disenador_senior, design.documentId, 'en_diseno')).status).toBe(
      200
    );
    await sendProposal(staff.disenador_senior, design.documentId);
    await app
      .http()
      .post(`/api/designs/${design.documentId}/decision`)
      .set(cultura.auth)
      .send({ version: 1, decision: 'aprobada' })
      .expect(200);
    expect(await stateOf(app, 'design', design.documentId)).toBe('aprobado');

    // Digital art is not printed; a photographer does not publish; the Community Manager does.
    const printed = await transition(staff.disenador_senior, design.documentId, 'en_imprenta');
    expect(printed.status).toBe(400);
    const byPhotographer = await transition(staff.fotografo, design.documentId, 'publicado');
    expect(byPhotographer.status).toBe(403);
    expect((await transition(staff.community_manager, design.documentId, 'publicado')).status).toBe(
      200
    );
    const published = await stored(design.documentId);
    expect(published.postedAt).not.toBeNull();
    expect((await logsOf(app, design.documentId)).map((log) => log.toStatus)).toEqual([
      'pendiente',
      'en_diseno',
      'en_revision',
      'aprobado',
      'publicado',
    ]);

    // The order round-trips through the area's content API too.
    const seen = await app
      .http()
      .get(`/api/designs/${design.documentId}`)
      .query({ populate: { logos: true } })
      .set(cultura.auth)
      .expect(200);
    expect(seen.body.data.logos.map((c: { logo: { name: string } }) => c.logo.name)).toEqual([
      'IMCUFIDEC',
      'Ayuntamiento de Calimaya',
    ]);
  });

  it('3.1 Diseño para organismos auxiliares: lo atiende el/la Diseñador(a) Junior', async () => {
    // Given: the SMDIF files print material as the manual asks.
    const { design } = await file(
      smdif,
      { addressedTo: 'presidencia', copiedTo: ['direccion'] },
      {
        type: 'design',
        title: 'Volante de la jornada de salud',
        medium: 'impreso',
        eventName: 'Jornada de salud',
        eventDate: daysAhead(10),
        eventTime: '09:00',
        place: 'Auditorio del SMDIF',
        specification: 'Volante media carta, frente y vuelta',
        responsiblePerson: 'Coordinación de salud del SMDIF',
        logos: [logo(/SMDIF/), logo(/Ayuntamiento/)],
      }
    );

    // The senior designer works for the dependencias: refused. The junior designer starts.
    const bySenior = await transition(staff.disenador_senior, design.documentId, 'en_diseno');
    expect(bySenior.status).toBe(403);
    expect(bySenior.body.error.message).toMatch(/Diseñador\(a\) Junior/);
    expect((await transition(staff.disenador_junior, design.documentId, 'en_diseno')).status).toBe(
      200
    );

    // The junior designer sends the proposal; the organism approves by its account.
    await sendProposal(staff.disenador_junior, design.documentId);
    await app
      .http()
      .post(`/api/designs/${design.documentId}/decision`)
      .set(smdif.auth)
      .send({ version: 1, decision: 'aprobada' })
      .expect(200);
    const approved = await stored(design.documentId);
    expect(approved.dueAt).toBe(await addBusinessDays(String(approved.approvedAt), 5));

    // Printing and delivery are the junior designer's too, the senior is still refused.
    expect(
      (await transition(staff.disenador_senior, design.documentId, 'en_imprenta')).status
    ).toBe(403);
    expect(
      (await transition(staff.disenador_junior, design.documentId, 'en_imprenta')).status
    ).toBe(200);
    await app
      .http()
      .put(cm(DESIGN, design.documentId))
      .set(staff.disenador_junior.auth)
      .send({ delivery: { number: 'DCSGD/0330/2027', date: daysAhead(12) } })
      .expect(200);
    expect((await transition(staff.disenador_junior, design.documentId, 'entregado')).status).toBe(
      200
    );
    const delivered = await stored(design.documentId);
    expect(delivered.delivery).toMatchObject({ number: 'DCSGD/0330/2027', document: null });
  });
});
