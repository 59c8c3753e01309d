import type { Role } from '../../src/domain/workflows';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import {
  OFICIO_UID,
  actorFor,
  areaId,
  completeData,
  createFile,
  fire,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { EditEntry, GetOficio } from '../../src/plugins/comunicacion/shared/contracts/oficios';
import { runAs } from '../harness/runtime';

const DESIGN = 'api::design.design';
const COVERAGE = 'api::coverage-event.coverage-event';
const SOCIAL_POST = 'api::social-post.social-post';

type Page = GetOficio.Response['data'];

const rename = async (app: TestApp, session: Session, firstname: string, lastname: string) =>
  app.strapi.db
    .query('admin::user')
    .update({ where: { id: session.user.id }, data: { firstname, lastname } });

const lateDesign = (eventDate: string) => ({
  title: 'Arte para la feria',
  medium: 'digital',
  eventName: 'Feria del Elote',
  eventDate,
  eventTime: '10:00',
  place: 'Jardín principal',
  specification: 'Post 1080×1080',
  responsiblePerson: 'Mtra. Responsable',
  // The first institutional logo seeded on bootstrap.
  logos: [{ logo: 1 }],
});

describe('página del oficio', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  const page = async (session: Session, documentId: string): Promise<Page> =>
    (await app.http().get(`/comunicacion/oficios/${documentId}`).set(session.auth).expect(200)).body
      .data;

  describe('datos, servicios, documentos e historial', () => {
    let oficioId: string;
    let designId: string;
    let coverageId: string;
    let scanId: number;
    let proposalFileId: number;

    beforeAll(async () => {
      await rename(app, staff.disenador_senior, 'Diana', 'Diseñadora');
      await rename(app, staff.coordinador_comunicacion, 'Carmen', 'Coordinadora');
      scanId = (await createFile(app, 'oficio-escaneado.pdf')).id;
      const oficio = await app.strapi.documents(OFICIO_UID).create({
        data: {
          subject: 'Difusión de la Feria',
          senderReference: 'DC/045/2027',
          receivedAt: '2027-01-04T16:00:00Z',
          channel: 'fisico',
          area: await areaId(app, 'DC'),
          scan: scanId,
          requesterName: 'Lic. Solicitante',
          requesterPhone: '722 000 0000',
          requesterEmail: 'solicitante@calimaya.gob.mx',
        } as never,
      });
      oficioId = oficio.documentId;
      designId = (
        await app.strapi.documents(DESIGN).create({
          data: { ...completeData('design', 0), oficio: oficioId } as never,
        })
      ).documentId;
      coverageId = (
        await app.strapi.documents(COVERAGE).create({
          data: {
            ...completeData('coverage-event', staff.fotografo.user.id),
            oficio: oficioId,
          } as never,
        })
      ).documentId;

      // The designer starts, uploads a version and sends it; the coordinator schedules coverage.
      expect(
        (
          await fire(app, 'plugin', {
            workflow: 'design',
            documentId: designId,
            to: 'en_diseno',
            comment: 'Comienzo el arte',
            role: 'disenador_senior',
            session: staff.disenador_senior,
          })
        ).status
      ).toBe(200);
      proposalFileId = (await createFile(app, 'feria-v1.pdf')).id;
      await app
        .http()
        .post(`/comunicacion/designs/${designId}/proposals`)
        .set(staff.disenador_senior.auth)
        .send({ fileId: proposalFileId })
        .expect(200);
      await app
        .http()
        .post('/comunicacion/transitions')
        .set(staff.disenador_senior.auth)
        .send({ uid: DESIGN, documentId: designId, to: 'en_revision', comment: 'Primera versión' })
        .expect(200);
      await app
        .http()
        .post('/comunicacion/transitions')
        .set(staff.coordinador_comunicacion.auth)
        .send({ uid: COVERAGE, documentId: coverageId, to: 'programada', comment: 'Va Fabiola' })
        .expect(200);
    });

    it('muestra el oficio con su área y el contacto del solicitante (el personal sí lo ve)', async () => {
      const { oficio } = await page(staff.coordinador_comunicacion, oficioId);

      expect(oficio).toMatchObject({
        documentId: oficioId,
        subject: 'Difusión de la Feria',
        senderReference: 'DC/045/2027',
        receivedAt: '2027-01-04T16:00:00.000Z',
        receptionDay: '2027-01-04',
        channel: 'fisico',
        status: 'en_atencion',
        statusLabel: 'En atención',
        isLate: false,
        requester: {
          name: 'Lic. Solicitante',
          phone: '722 000 0000',
          email: 'solicitante@calimaya.gob.mx',
        },
        response: { folio: null, date: null, document: null },
      });
      expect(oficio.folio).toMatch(/^DCSGD\/\d{4}\/2027$/);
      expect(oficio.area).toMatchObject({ shortName: 'DC', kind: 'dependencia' });
      // The coordinator may cancel the oficio; closing it waits for its open items.
      expect(oficio.transitions.map((t) => t.to)).toContain('cancelado');
      const close = oficio.transitions.find((t) => t.to === 'atendido');
      expect(close?.allowed).toBe(false);
    });

    it('lista cada servicio con su estado, vencimiento, insignias y acciones de quien mira', async () => {
      const asDesigner = await page(staff.disenador_senior, oficioId);

      expect(asDesigner.items.map((item) => [item.uid, item.documentId])).toEqual([
        [DESIGN, designId],
        [COVERAGE, coverageId],
      ]);
      const [design, coverage] = asDesigner.items;
      expect(design).toMatchObject({
        workflow: 'design',
        workflowLabel: 'Diseño',
        title: 'Cartel del festival',
        status: 'en_revision',
        statusLabel: 'En revisión',
        dueAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        badges: { paused: true, late: false, awaitingLateAcceptance: false },
      });
      // Under review the area decides: the designer has nothing to fire.
      expect(design.transitions).toEqual([]);
      expect(coverage).toMatchObject({
        workflowLabel: 'Cobertura de evento',
        status: 'programada',
        statusLabel: 'Programada',
        badges: { paused: false },
      });
      expect(coverage.transitions).toEqual([]);

      const asPhotographer = await page(staff.fotografo, oficioId);
      expect(asPhotographer.items[1].transitions.map((t) => [t.to, t.label, t.allowed])).toEqual([
        ['cubierta', 'Marcar como cubierta', true],
      ]);
    });

    it('reúne los documentos con etiquetas en español', async () => {
      const { documents } = await page(staff.coordinador_comunicacion, oficioId);

      expect(documents).toEqual([
        {
          id: scanId,
          name: 'oficio-escaneado.pdf',
          url: '/uploads/oficio-escaneado.pdf',
          mime: 'application/pdf',
          label: 'Oficio escaneado',
          kind: 'scan',
        },
        {
          id: proposalFileId,
          name: 'feria-v1.pdf',
          url: '/uploads/feria-v1.pdf',
          mime: 'application/pdf',
          label: 'Propuesta v1 (Cartel del festival)',
          kind: 'proposal',
          subjectUid: DESIGN,
          subjectDocumentId: designId,
        },
      ]);
    });

    it('el historial trae cada transición del oficio y de sus servicios: quién, cuándo y comentario', async () => {
      const { timeline } = await page(staff.coordinador_comunicacion, oficioId);

      const rows = timeline.flatMap((entry) =>
        entry.kind === 'transition'
          ? [
              [
                entry.subjectDocumentId,
                entry.fromLabel,
                entry.toLabel,
                entry.actorName,
                entry.comment,
              ],
            ]
          : []
      );
      expect(rows).toEqual([
        [oficioId, null, 'Recibido', 'Sistema', null],
        [designId, null, 'Pendiente', 'Sistema', null],
        [coverageId, null, 'Solicitada', 'Sistema', null],
        [designId, 'Pendiente', 'En diseño', 'Diana Diseñadora', 'Comienzo el arte'],
        [oficioId, 'Recibido', 'En atención', 'Sistema', expect.stringMatching(/^Inicio/)],
        [designId, 'En diseño', 'En revisión', 'Diana Diseñadora', 'Primera versión'],
        [coverageId, 'Solicitada', 'Programada', 'Carmen Coordinadora', 'Va Fabiola'],
      ]);
      const times = timeline.map((entry) => Date.parse(entry.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(timeline[3]).toMatchObject({
        subjectUid: DESIGN,
        subjectTitle: 'Cartel del festival',
        workflowLabel: 'Diseño',
        fromStatus: 'pendiente',
        toStatus: 'en_diseno',
        actorKind: 'admin',
      });
    });

    it('404 para un oficio que no existe; sin sesión, 401', async () => {
      const res = await app
        .http()
        .get('/comunicacion/oficios/no-existe')
        .set(staff.director.auth)
        .expect(404);
      expect(res.body.error.message).toBe('No existe ese oficio.');
      await app.http().get(`/comunicacion/oficios/${oficioId}`).expect(401);
    });
  });

  describe('aceptar una solicitud extemporánea', () => {
    let oficioId: string;
    let designId: string;

    beforeAll(async () => {
      // Received Friday 13/11/2026 for an event on the 18th: three business days were not met.
      const oficio = await app.strapi.documents(OFICIO_UID).create({
        data: {
          subject: 'Arte urgente',
          receivedAt: '2026-11-13T16:00:00Z',
          channel: 'digital',
          area: await areaId(app, 'DC'),
        } as never,
      });
      oficioId = oficio.documentId;
      designId = (
        await app.strapi.documents(DESIGN).create({
          data: { ...lateDesign('2026-11-18'), oficio: oficioId } as never,
        })
      ).documentId;
    });

    const accept = (session: Session, justification: unknown, documentId = oficioId) =>
      app
        .http()
        .post(`/comunicacion/oficios/${documentId}/accept-late`)
        .set(session.auth)
        .send({ justification });

    it('antes de aceptarla, el inicio del trabajo aparece bloqueado con su motivo', async () => {
      const { oficio, items } = await page(staff.disenador_senior, oficioId);
      expect(oficio).toMatchObject({ isLate: true, lateAcceptedAt: null });
      expect(oficio.lateReasons).toContain('2026-11-19');
      expect(items[0].badges).toMatchObject({ late: true, awaitingLateAcceptance: true });
      const start = items[0].transitions.find((t) => t.to === 'en_diseno');
      expect(start).toMatchObject({ allowed: false, reason: { code: 'LATE_NOT_ACCEPTED' } });
    });

    it('una fotógrafa no puede aceptarla (403)', async () => {
      await accept(staff.fotografo, 'Evento prioritario de Presidencia municipal.').expect(403);
    });

    it('sin justificación suficiente responde COMMENT_REQUIRED', async () => {
      for (const justification of [undefined, '', '   ', 'Urge mucho']) {
        const res = await accept(staff.coordinador_comunicacion, justification).expect(400);
        expect(res.body.error.details.code).toBe('COMMENT_REQUIRED');
        expect(res.body.error.message).toMatch(/justificación|por qué se acepta/);
      }
    });

    it('la coordinación la acepta; queda quién y cuándo, y el trabajo ya puede empezar', async () => {
      await rename(app, staff.coordinador_comunicacion, 'Carmen', 'Coordinadora');
      const before = Date.now();
      const res = await accept(
        staff.coordinador_comunicacion,
        '  Evento prioritario de Presidencia; se atiende con recursos propios.  '
      ).expect(200);

      expect(res.body.data).toMatchObject({
        documentId: oficioId,
        lateAcceptedBy: 'Carmen Coordinadora',
      });
      expect(Date.parse(res.body.data.lateAcceptedAt)).toBeGreaterThanOrEqual(before - 1000);

      const { oficio, items } = await page(staff.disenador_senior, oficioId);
      expect(oficio).toMatchObject({
        lateJustification: 'Evento prioritario de Presidencia; se atiende con recursos propios.',
        lateAcceptedBy: 'Carmen Coordinadora',
      });
      expect(items[0].badges.awaitingLateAcceptance).toBe(false);
      expect(items[0].transitions.find((t) => t.to === 'en_diseno')).toMatchObject({
        allowed: true,
        reason: null,
      });
      const started = await fire(app, 'plugin', {
        workflow: 'design',
        documentId: designId,
        to: 'en_diseno',
        comment: 'Inicio tras la aceptación',
        role: 'disenador_senior',
        session: staff.disenador_senior,
      });
      expect(started.status).toBe(200);
    });

    it('el historial registra la aceptación como un movimiento propio: quién, cuándo y por qué', async () => {
      const { oficio, timeline } = await page(staff.coordinador_comunicacion, oficioId);
      const acceptances = timeline.filter(
        (entry) => entry.kind === 'edit' && entry.action === 'late_acceptance'
      );
      expect(acceptances).toEqual([
        expect.objectContaining({
          kind: 'edit',
          actionLabel: 'Aceptación de la solicitud extemporánea',
          subjectUid: OFICIO_UID,
          subjectDocumentId: oficioId,
          workflowLabel: 'Oficio',
          at: oficio.lateAcceptedAt,
          actorName: 'Carmen Coordinadora',
          comment: 'Evento prioritario de Presidencia; se atiende con recursos propios.',
          doorLabel: 'Panel Comunicación Social',
          changes: [],
        }),
      ]);
      // Its fields are not repeated as a plain edit.
      const fields = timeline.flatMap((entry) =>
        entry.kind === 'edit' ? entry.changes.map((change) => change.field) : []
      );
      expect(fields).not.toContain('lateJustification');
      expect(fields).not.toContain('lateAcceptedAt');
      // It sits in time order, before the work it allowed to start.
      const started = timeline.findIndex(
        (entry) => entry.kind === 'transition' && entry.toStatus === 'en_diseno'
      );
      expect(timeline.indexOf(acceptances[0])).toBeLessThan(started);
    });

    it('una ya aceptada responde READONLY_FIELD, y una que llegó a tiempo NOT_LATE', async () => {
      const again = await accept(
        staff.coordinador_comunicacion,
        'Otra justificación distinta y suficientemente larga.'
      ).expect(400);
      expect(again.body.error.details.code).toBe('READONLY_FIELD');

      const onTime = await app.strapi.documents(OFICIO_UID).create({
        data: {
          subject: 'A tiempo',
          receivedAt: '2027-01-04T16:00:00Z',
          area: await areaId(app, 'DC'),
        } as never,
      });
      const res = await accept(
        staff.coordinador_comunicacion,
        'Justificación que no hace falta para este oficio.',
        onTime.documentId
      ).expect(400);
      expect(res.body.error.details.code).toBe('NOT_LATE');
      expect(res.body.error.message).toMatch(/anticipación debida/);

      await accept(staff.director, 'Justificación para un oficio inexistente.', 'x').expect(404);
    });
  });

  describe('valores del historial y avisos que no bloquean', () => {
    let oficioId: string;
    let designId: string;
    let shortPostId: string;
    let postId: string;

    beforeAll(async () => {
      const oficio = await app.strapi.documents(OFICIO_UID).create({
        data: {
          subject: 'Jornada de salud',
          receivedAt: '2027-01-04T16:00:00Z',
          channel: 'digital',
          area: await areaId(app, 'DC'),
        } as never,
      });
      oficioId = oficio.documentId;
      designId = (
        await app.strapi.documents(DESIGN).create({
          data: { ...completeData('design', 0), oficio: oficioId } as never,
        })
      ).documentId;
      // Promotion asked on 04/01 for an event on 08/01: four days, fewer than the eight advised.
      shortPostId = (
        await app.strapi.documents(SOCIAL_POST).create({
          data: {
            ...completeData('social-post', 0),
            title: 'Invitación a la jornada',
            scheduledAt: '2027-01-06T16:00:00Z',
            eventDate: '2027-01-08',
            oficio: oficioId,
          } as never,
        })
      ).documentId;
      postId = (
        await app.strapi.documents(SOCIAL_POST).create({
          data: { ...completeData('social-post', 0), oficio: oficioId } as never,
        })
      ).documentId;
      // The coordinator adds a second institutional logo through the Document Service.
      const logos = (await app.strapi.db.query('api::logo.logo').findMany({
        orderBy: { id: 'asc' },
        limit: 2,
      })) as { id: number; name: string }[];
      await runAs(
        actorFor('coordinador_comunicacion', staff.coordinador_comunicacion),
        () =>
          app.strapi.documents(DESIGN).update({
            documentId: designId,
            data: { logos: logos.map((logo) => ({ logo: logo.id })) } as never,
          }),
        'El área pidió también el logotipo del SMDIF'
      );
    });

    it('un cambio de logotipos se lee con sus nombres, no como JSON', async () => {
      const { timeline } = await page(staff.coordinador_comunicacion, oficioId);
      const logos = (await app.strapi.db.query('api::logo.logo').findMany({
        orderBy: { id: 'asc' },
        limit: 2,
      })) as { name: string }[];
      const edit = timeline.find(
        (entry) => entry.kind === 'edit' && entry.changes.some((change) => change.field === 'logos')
      );
      expect(edit).toMatchObject({
        kind: 'edit',
        subjectDocumentId: designId,
        comment: 'El área pidió también el logotipo del SMDIF',
      });
      const change = (edit as EditEntry).changes.find((entry) => entry.field === 'logos');
      expect(change).toEqual({
        field: 'logos',
        label: expect.any(String),
        from: logos[0].name,
        to: `${logos[0].name}, ${logos[1].name}`,
        personal: false,
      });
      expect(JSON.stringify(timeline)).not.toMatch(/\{\\?"logo\\?"/);
    });

    it('la difusión con menos de 8 días naturales trae su aviso en el oficio y en la bandeja', async () => {
      const { items } = await page(staff.community_manager, oficioId);
      const short = items.find((item) => item.documentId === shortPostId)!;
      const onTime = items.find((item) => item.documentId === postId)!;
      expect(short.warnings).toEqual([
        expect.stringMatching(/^Difusión con menos de 8 días naturales de anticipación/),
      ]);
      expect(short.warnings[0]).toContain('viernes 8 de enero de 2027');
      expect(onTime.warnings).toEqual([]);
      expect(items.find((item) => item.documentId === designId)!.warnings).toEqual([]);
      // A warning, not a block: scheduling is still offered.
      expect(short.transitions.find((t) => t.to === 'programada')).toMatchObject({
        allowed: true,
      });

      const queue = await app
        .http()
        .get('/comunicacion/queues/redes_sociales')
        .query({ pageSize: 100 })
        .set(staff.community_manager.auth)
        .expect(200);
      const rows = queue.body.data as { documentId: string; warnings: string[] }[];
      expect(rows.find((row) => row.documentId === shortPostId)?.warnings).toEqual(short.warnings);
      expect(rows.find((row) => row.documentId === postId)?.warnings).toEqual([]);
      rows.forEach((row) => expect(Array.isArray(row.warnings)).toBe(true));
    });
  });

  describe('información faltante, al momento', () => {
    it('cada servicio dice lo que le falta ahora y el oficio lo resume; al completar, se actualiza', async () => {
      const area = (await app.strapi.db
        .query('api::area.area')
        .findOne({ where: { shortName: 'DC' }, select: ['documentId'] })) as { documentId: string };
      const registered = await app
        .http()
        .post('/comunicacion/oficios')
        .set(staff.coordinador_comunicacion.auth)
        .send({
          area: area.documentId,
          receivedAt: '2026-11-13T16:00:00.000Z',
          channel: 'fisico',
          subject: 'Aviso de la feria',
          services: [{ workflow: 'web-publication', fields: { title: 'Aviso de la feria' } }],
        })
        .expect(201);
      const { documentId, missingInformation: written } = registered.body.data;
      const webId = registered.body.data.services[0].documentId as string;
      expect(written).toBe(
        'Falta información para iniciar el trabajo: Publicación en el sitio web "Aviso de la ' +
          'feria": falta sección del sitio, fecha deseada de publicación, texto o archivos.'
      );

      const before = await page(staff.coordinador_comunicacion, documentId);
      expect(before.items[0].missing.map((field) => field.name)).toEqual([
        'section',
        'wantedDate',
        'body',
      ]);
      expect(before.oficio.missingInformation).toBe(written);

      await app
        .http()
        .put(`/comunicacion/items/web-publication/${webId}`)
        .set(staff.coordinador_gobierno_digital.auth)
        .send({ fields: { section: 'avisos', body: 'La feria se celebra en el jardín.' } })
        .expect(200);
      const after = await page(staff.coordinador_comunicacion, documentId);
      expect(after.oficio.status).toBe('informacion_incompleta');
      expect(after.items[0].missing).toEqual([
        { name: 'wantedDate', label: 'fecha deseada de publicación' },
      ]);
      expect(after.oficio.missingInformation).toBe(
        'Falta información para iniciar el trabajo: Publicación en el sitio web "Aviso de la ' +
          'feria": falta fecha deseada de publicación.'
      );
      // The text written when it was held stays as history.
      const stored = (await app.strapi.db
        .query(OFICIO_UID)
        .findOne({ where: { documentId }, select: ['missingInformation'] })) as {
        missingInformation: string;
      };
      expect(stored.missingInformation).toBe(written);
      // «Información completada» is not offered while something is missing.
      expect(after.oficio.transitions.find((t) => t.to === 'recibido')).toMatchObject({
        allowed: false,
        reason: { code: 'MISSING_DATA' },
      });
    });
  });
});
