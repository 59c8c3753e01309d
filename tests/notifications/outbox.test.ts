import { bootApp, type TestApp } from '../harness/app';
import { getService } from '../../src/utils/get-service';
import type { OutboxRow, StaffNotificationRow } from '../../src/api/notification/types';

const OFICIO = 'api::oficio.oficio';
const DESIGN = 'api::design.design';

const newOficio = (app: TestApp, subject: string) =>
  app.strapi.documents(OFICIO).create({
    data: { subject, receivedAt: '2027-01-04T16:00:00Z', channel: 'digital' } as never,
  });

const RECIPIENT = 'area.cultura@calimaya.test';

/** The rows this file queued (the workflow's own notices, if any, are left out). */
const outboxRows = (app: TestApp, recipient: string | null = RECIPIENT) => {
  const query = app.strapi.db.connection('notification_outbox').orderBy('id');
  return (recipient ? query.where({ recipient }) : query) as Promise<OutboxRow[]>;
};

const noticeRows = (app: TestApp) =>
  app.strapi.db.connection('staff_notifications').orderBy('id') as Promise<StaffNotificationRow[]>;

const mail = (subject: string, dedupeKey?: string) => ({
  to: RECIPIENT,
  toUserId: 7,
  subject,
  text: `Texto de «${subject}»`,
  dedupeKey,
});

let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

describe('la bandeja de salida se escribe en la transacción del cambio', () => {
  beforeEach(async () => {
    await app.strapi.db.connection('notification_outbox').delete();
    await app.strapi.db.connection('staff_notifications').delete();
  });

  it('si el cambio se rechaza y la transacción se deshace, no queda ningún correo', async () => {
    const oficio = await newOficio(app, 'Oficio con un servicio rechazado');
    await expect(
      app.strapi.db.transaction(async () => {
        await getService('outbox', app.strapi).enqueue(mail('Nuevo servicio de diseño'));
        await getService('staff-notifications', app.strapi).notify({
          userId: 7,
          title: 'Nuevo servicio de diseño',
          body: 'Se registró un servicio.',
        });
        // A design may not be born approved: the workflow refuses it and the transaction rolls back.
        await app.strapi.documents(DESIGN).create({
          data: { title: 'Arte', oficio: oficio.documentId, workflowStatus: 'aprobado' } as never,
        });
      })
    ).rejects.toMatchObject({ details: { code: 'INVALID_TRANSITION' } });

    expect(await outboxRows(app, null)).toEqual([]);
    expect(await noticeRows(app)).toEqual([]);
  });

  it('si el cambio se guarda, queda exactamente un correo pendiente con sus datos', async () => {
    const before = Date.now();
    await app.strapi.db.transaction(async () => {
      await newOficio(app, 'Oficio aceptado');
      await getService('outbox', app.strapi).enqueue(mail('Oficio recibido: DCSGD/0001/2027'));
    });

    const rows = await outboxRows(app);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recipient: RECIPIENT,
      recipient_user_id: 7,
      subject: 'Oficio recibido: DCSGD/0001/2027',
      text_body: 'Texto de «Oficio recibido: DCSGD/0001/2027»',
      status: 'pending',
      attempts: 0,
      sent_at: null,
      last_error: null,
    });
    const due = new Date(rows[0].next_attempt_at).getTime();
    expect(due).toBeGreaterThanOrEqual(before - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('la misma clave de deduplicación dos veces deja una sola fila y no interrumpe la transacción', async () => {
    await app.strapi.db.transaction(async () => {
      await getService('outbox', app.strapi).enqueue(mail('Resumen diario', 'digest:7:2027-01-04'));
      await getService('outbox', app.strapi).enqueue([
        mail('Resumen diario (repetido)', 'digest:7:2027-01-04'),
        mail('Resumen diario (repetido otra vez)', 'digest:7:2027-01-04'),
        mail('Recordatorio', 'reminder:design:abc:2027-01-08'),
      ]);
      // The transaction is still usable after the ignored conflicts (PostgreSQL aborts on errors).
      await newOficio(app, 'Después de los duplicados');
    });
    await getService('outbox', app.strapi).enqueue(mail('Resumen diario', 'digest:7:2027-01-04'));

    const rows = await outboxRows(app);
    expect(rows.map((row) => [row.dedupe_key, row.subject])).toEqual([
      ['digest:7:2027-01-04', 'Resumen diario'],
      ['reminder:design:abc:2027-01-08', 'Recordatorio'],
    ]);
  });

  it('sin SMTP_HOST el correo va a la bitácora: se marca enviado una vez y no se vuelve a enviar', async () => {
    await getService('outbox', app.strapi).enqueue([mail('Uno'), mail('Dos')]);
    const outbox = getService('outbox', app.strapi);

    expect(await outbox.deliverDue()).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(await outbox.deliverDue()).toEqual({ sent: 0, failed: 0, retried: 0 });

    const rows = await outboxRows(app);
    expect(rows.map((row) => [row.subject, row.status, row.attempts, row.claimed_by])).toEqual([
      ['Uno', 'sent', 1, null],
      ['Dos', 'sent', 1, null],
    ]);
    rows.forEach((row) => expect(row.sent_at).not.toBeNull());
  });

  it('un correo sin destinatario se omite sin deshacer el cambio', async () => {
    await app.strapi.db.transaction(async () => {
      await newOficio(app, 'Área sin correo');
      await getService('outbox', app.strapi).enqueue([{ ...mail('Sin dirección'), to: '  ' }]);
    });
    expect(await outboxRows(app)).toEqual([]);
  });

  it('deliverDue no se ejecuta dentro de una transacción', async () => {
    await expect(
      app.strapi.db.transaction(() => getService('outbox', app.strapi).deliverDue())
    ).rejects.toThrow('no puede ejecutarse dentro de una transacción');
  });
});

describe('avisos en el panel: se guardan con el cambio y cada quien ve y marca los suyos', () => {
  it('lista, cuenta no leídos y marca como leídos solo los avisos propios', async () => {
    const notices = getService('staff-notifications', app.strapi);
    await app.strapi.db.transaction(async () => {
      await notices.notify([
        { userId: 1, title: 'Propuesta en revisión', body: 'Cartel del festival', dedupeKey: 'k1' },
        {
          userId: 1,
          title: 'Observaciones recibidas',
          body: 'Cambiar colores',
          link: '/plugins/comunicacion/oficios/abc',
          subjectUid: DESIGN,
          subjectDocumentId: 'abc',
        },
        { userId: 1, title: 'Duplicado', body: 'No debe aparecer', dedupeKey: 'k1' },
        { userId: 2, title: 'Aviso de otra persona', body: 'No es de la persona 1' },
      ]);
    });
    await notices.notify({ userId: 1, title: 'Vencido hoy', body: 'Invitación al festival' });

    const page = await notices.list(1, { page: 1, pageSize: 2 });
    expect(page.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(page.results.map((n) => n.title)).toEqual(['Vencido hoy', 'Observaciones recibidas']);
    expect(page.results[1]).toMatchObject({
      body: 'Cambiar colores',
      link: '/plugins/comunicacion/oficios/abc',
      subjectUid: DESIGN,
      subjectDocumentId: 'abc',
      readAt: null,
    });
    expect(Date.parse(page.results[0].createdAt)).not.toBeNaN();
    expect(await notices.unreadCount(1)).toBe(3);
    expect(await notices.unreadCount(2)).toBe(1);

    // Someone else's notice id is ignored.
    const othersId = (await noticeRows(app)).find((row) => row.user_id === 2)!.id;
    expect(await notices.markRead(1, [page.results[1].id, othersId])).toBe(1);
    expect(await notices.unreadCount(1)).toBe(2);
    expect(await notices.unreadCount(2)).toBe(1);
    const unread = await notices.list(1, { unread: true });
    expect(unread.results.map((n) => n.title)).toEqual(['Vencido hoy', 'Propuesta en revisión']);
    const read = (await notices.list(1)).results.find((n) => n.title === 'Observaciones recibidas');
    expect(Date.parse(read!.readAt!)).not.toBeNaN();

    expect(await notices.markRead(1, 'all')).toBe(2);
    expect(await notices.unreadCount(1)).toBe(0);
    expect(await notices.unreadCount(2)).toBe(1);
  });
});

describe('turnos de las tareas programadas en una instancia', () => {
  it('con NOTIFICATIONS_CRON=false no se registra la tarea programada', () => {
    expect(app.strapi.cron.jobs.map((job) => job.name)).not.toContain('notificaciones');
  });

  it('de varias llamadas simultáneas solo una corre; al terminar, la siguiente puede correr', async () => {
    const lease = getService('task-lease', app.strapi);
    let running = 0;
    let maxRunning = 0;
    const work = async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 200));
      running -= 1;
      return 'hecho';
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => lease.runExclusive('prueba', 10_000, work))
    );
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, result: 'hecho' }]);
    expect(maxRunning).toBe(1);

    expect(await lease.runExclusive('prueba', 10_000, work)).toEqual({
      ran: true,
      result: 'hecho',
    });
    const row = await lease.get('prueba');
    expect(row).toMatchObject({ holder: null, expires_at: null });
    expect(row!.last_run_at).not.toBeNull();
  });

  it('un turno de un proceso muerto se respeta hasta que vence y después se toma', async () => {
    const lease = getService('task-lease', app.strapi);
    const table = () => app.strapi.db.connection('task_leases');
    await table().insert({
      name: 'abandonada',
      holder: 'otro-servidor:4242:dead',
      expires_at: new Date(Date.now() + 60_000),
    });
    expect(await lease.runExclusive('abandonada', 10_000, async () => 1)).toEqual({ ran: false });

    await table()
      .where({ name: 'abandonada' })
      .update({ expires_at: new Date(Date.now() - 1000) });
    expect(await lease.runExclusive('abandonada', 10_000, async () => 2)).toEqual({
      ran: true,
      result: 2,
    });
  });

  it('si la tarea falla, el turno se libera y el error llega a quien la llamó', async () => {
    const lease = getService('task-lease', app.strapi);
    await expect(
      lease.runExclusive('falla', 10_000, async () => {
        throw new Error('falló la tarea');
      })
    ).rejects.toThrow('falló la tarea');
    expect(await lease.runExclusive('falla', 10_000, async () => 'otra vez')).toEqual({
      ran: true,
      result: 'otra vez',
    });
  });
});
