import type { UID } from '@strapi/strapi';
import { WORKFLOW_UIDS, type Role, type WorkflowKey } from '../../src/domain/workflows';
import { bootApp, type TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { startSmtpPeer, type SmtpPeer } from '../harness/smtp-peer';
import { itemIn, staffSessions } from '../harness/workflow-fixtures';

interface Mail {
  id: number;
  dedupe_key: string | null;
  recipient: string;
  recipient_user_id: number | null;
  subject: string;
  text_body: string;
}

/** Mexico City is UTC−6: 08:00 there is 14:00Z. */
const at = (date: string, localTime: string) => {
  const [h, m] = localTime.split(':').map(Number);
  return new Date(`${date}T${String(h + 6).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`);
};

// Wednesday 10 March 2027, a business day; Friday 12 March 2027 too.
const WEDNESDAY = '2027-03-10';
const THURSDAY = '2027-03-11';
const FRIDAY = '2027-03-12';

describe('monitor de plazos: resumen diario, recordatorios y vencidos, una sola vez', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let peer: SmtpPeer;
  const items: Record<'overdue' | 'tomorrow' | 'web' | 'later', string> = {
    overdue: '',
    tomorrow: '',
    web: '',
    later: '',
  };

  const monitor = () => app.strapi.service('api::notification.deadline-monitor');
  const mails = async (prefix: string) =>
    (await app.strapi.db
      .connection('notification_outbox')
      .where('dedupe_key', 'like', `${prefix}%`)
      .orderBy('id')) as Mail[];
  const noticesOf = async (prefix: string) =>
    (await app.strapi.db
      .connection('staff_notifications')
      .where('dedupe_key', 'like', `${prefix}%`)
      .orderBy('id')) as { user_id: number; title: string }[];

  /** An open item standing in `state` with this due date and these assignees (test set-up). */
  const openItem = async (
    workflow: WorkflowKey,
    state: string,
    dueAt: string,
    assignees: number[]
  ) => {
    const created = await itemIn(app, workflow, state, state, { crewId: staff.fotografo.user.id });
    await app.strapi.db
      .query(WORKFLOW_UIDS[workflow] as UID.ContentType)
      .update({ where: { documentId: created.documentId }, data: { dueAt, assignees } as never });
    return created.documentId;
  };

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await bootApp({ env: { ...peer.env, NOTIFICATIONS_CRON: 'false' } });
    staff = await staffSessions(app);
    items.overdue = await openItem('design', 'en_diseno', '2027-03-09', [
      staff.disenador_senior.user.id,
    ]);
    items.tomorrow = await openItem('design', 'en_diseno', THURSDAY, [
      staff.disenador_senior.user.id,
    ]);
    items.web = await openItem('web-publication', 'en_analisis', FRIDAY, [
      staff.auxiliar_gobierno_digital.user.id,
    ]);
    // Due after this week: nobody hears of it yet.
    items.later = await openItem('design', 'en_diseno', '2027-03-24', [
      staff.disenador_junior.user.id,
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await peer?.close();
  });

  it('a las 07:59 no hay resumen; sí recordatorios y avisos de vencidos', async () => {
    const result = await monitor().run(at(WEDNESDAY, '07:59'));
    expect(result.digests).toBe(0);
    expect(await mails('digest:')).toEqual([]);

    // Reminder: due tomorrow (1 business day), to its assignee only.
    const reminders = await mails('reminder:');
    expect(reminders.map((m) => [m.recipient, m.subject])).toEqual([
      [
        staff.disenador_senior.user.email,
        'Recordatorio: Cartel del festival vence el jueves 11 de marzo de 2027',
      ],
    ]);
    expect(reminders[0].text_body).toMatch(
      /^El diseño «Cartel del festival»( \([^)]+\))? vence el jueves 11 de marzo de 2027\./
    );
    expect(reminders[0].dedupe_key).toBe(
      `reminder:design:${items.tomorrow}:${THURSDAY}:${staff.disenador_senior.user.id}`
    );
    // Overdue: to the coordinator of the design queue, e-mail and in-app.
    const overdue = await mails('overdue:');
    expect(overdue.map((m) => [m.recipient, m.subject])).toEqual([
      [
        staff.coordinador_comunicacion.user.email,
        'Vencido: Cartel del festival (venció el martes 9 de marzo de 2027)',
      ],
    ]);
    expect(overdue[0].text_body).toMatch(
      /^El diseño «Cartel del festival».* venció el martes 9 de marzo de 2027 y sigue abierto\./
    );
    expect((await noticesOf('overdue:')).map((n) => n.user_id)).toEqual([
      staff.coordinador_comunicacion.user.id,
    ]);
  });

  it('a las 08:00 sale un resumen por persona con algo que decir; una segunda pasada no repite nada', async () => {
    const first = await monitor().run(at(WEDNESDAY, '08:00'));
    expect(first).toMatchObject({ digests: expect.any(Number), reminders: 0, overdue: 0 });
    const digests = await mails('digest:');
    const byUser = new Map(digests.map((m) => [m.recipient_user_id, m]));
    expect(digests).toHaveLength(byUser.size);
    expect(first.digests).toBe(digests.length);

    const senior = byUser.get(staff.disenador_senior.user.id)!;
    expect(senior.subject).toBe(
      'Resumen del miércoles 10 de marzo de 2027: 1 vencido, 0 para hoy, 1 esta semana'
    );
    expect(senior.dedupe_key).toBe(`digest:${staff.disenador_senior.user.id}:${WEDNESDAY}`);
    expect(senior.text_body).toContain('Vencidos');
    expect(byUser.get(staff.auxiliar_gobierno_digital.user.id)!.subject).toBe(
      'Resumen del miércoles 10 de marzo de 2027: 0 vencidos, 0 para hoy, 1 esta semana'
    );
    expect(byUser.get(staff.auxiliar_gobierno_digital.user.id)!.text_body).toContain(
      '• Publicación en el sitio web «'
    );
    // Coordinators and the Director hear of every item of their queues.
    expect(byUser.get(staff.coordinador_comunicacion.user.id)!.subject).toMatch(
      /: 1 vencido, 0 para hoy, 1 esta semana$/
    );
    expect(byUser.get(staff.coordinador_gobierno_digital.user.id)!.subject).toMatch(
      /: 0 vencidos, 0 para hoy, 1 esta semana$/
    );
    expect(byUser.get(staff.director.user.id)!.subject).toMatch(
      /: 1 vencido, 0 para hoy, 2 esta semana$/
    );
    // Nothing to say, no mail: the junior designer's item is due next week.
    for (const role of ['disenador_junior', 'fotografo', 'coordinador_organismos'] as const) {
      expect(byUser.has(staff[role].user.id)).toBe(false);
    }

    const again = await monitor().run(at(WEDNESDAY, '10:00'));
    expect(again).toMatchObject({ digests: 0, reminders: 0, overdue: 0 });
    expect(await mails('digest:')).toHaveLength(digests.length);
  });

  it('el resumen llega por SMTP con el destinatario y el asunto en español', async () => {
    peer.messages.length = 0;
    const digests = await mails('digest:');
    let sent = 0;
    for (let i = 0; i < 10 && sent < digests.length; i += 1) {
      sent += (await app.strapi.service('api::notification.outbox').deliverDue({ limit: 200 }))
        .sent;
    }
    await peer.waitFor(digests.length + 2);
    const senior = peer.messages.find(
      (m) => m.to.includes(staff.disenador_senior.user.email) && m.subject.startsWith('Resumen')
    );
    expect(senior?.subject).toBe(
      'Resumen del miércoles 10 de marzo de 2027: 1 vencido, 0 para hoy, 1 esta semana'
    );
    expect(senior?.text).toContain('Diseño «Cartel del festival»');
    expect(senior?.html).toContain('Vencen esta semana');
    const reminder = peer.messages.find((m) => m.subject.startsWith('Recordatorio'));
    expect(reminder?.to).toEqual([staff.disenador_senior.user.email]);
  });

  it('tras una caída, la pasada de las 10:00 envía el resumen de hoy una vez y nunca el de ayer', async () => {
    // Thursday never ran; Friday at 10:00 is the first pass after the outage.
    const friday = await monitor().run(at(FRIDAY, '10:00'));
    expect(friday.digests).toBeGreaterThan(0);
    const digests = await mails('digest:');
    expect(digests.filter((m) => m.dedupe_key!.endsWith(`:${THURSDAY}`))).toEqual([]);
    const fridays = digests.filter((m) => m.dedupe_key!.endsWith(`:${FRIDAY}`));
    expect(fridays).toHaveLength(friday.digests);
    expect(
      fridays.find((m) => m.recipient_user_id === staff.auxiliar_gobierno_digital.user.id)!.subject
    ).toBe('Resumen del viernes 12 de marzo de 2027: 0 vencidos, 1 para hoy, 0 esta semana');
    // The reminder and the overdue alert were sent for those due dates already.
    expect((await mails('reminder:')).map((m) => m.dedupe_key)).toEqual([
      `reminder:design:${items.tomorrow}:${THURSDAY}:${staff.disenador_senior.user.id}`,
      `reminder:web-publication:${items.web}:${FRIDAY}:${staff.auxiliar_gobierno_digital.user.id}`,
    ]);
    // The design due Thursday is overdue on Friday: a new due date, one more alert.
    expect((await mails('overdue:')).map((m) => m.dedupe_key)).toEqual([
      `overdue:design:${items.overdue}:2027-03-09:${staff.coordinador_comunicacion.user.id}`,
      `overdue:design:${items.tomorrow}:${THURSDAY}:${staff.coordinador_comunicacion.user.id}`,
    ]);

    expect(await monitor().run(at(FRIDAY, '10:01'))).toMatchObject({
      digests: 0,
      reminders: 0,
      overdue: 0,
    });
  });

  it('un nuevo plazo es un nuevo recordatorio', async () => {
    await app.strapi.db
      .query('api::design.design')
      .update({ where: { documentId: items.later }, data: { dueAt: '2027-03-16' } });
    // Friday 12 March + 1 business day = Tuesday 16 March (Monday 15 is a holiday).
    const result = await monitor().run(at(FRIDAY, '11:00'));
    expect(result.reminders).toBe(1);
    const last = (await mails('reminder:')).pop()!;
    expect(last.recipient).toBe(staff.disenador_junior.user.email);
  });
});
