import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { completeData, createOficio, useStaffApp } from '../harness/workflow-fixtures';
import { QUEUES, type QueueDefinition } from '../../src/domain/queues';
import { addCalendarDays, mexicoCityParts, toDayNumber } from '../../src/domain/calendar';
import {
  WORKFLOWS,
  WORKFLOW_LABELS,
  WORKFLOW_UIDS,
  WORK_ITEM_KEYS,
  type Role,
  type WorkflowKey,
} from '../../src/domain/workflows';
import type { GetDashboard } from '../../src/plugins/comunicacion/shared/contracts/dashboard';

const DAY = 86_400_000;
const WORK_ITEMS = WORK_ITEM_KEYS;
const mxDay = (instant: Date | string) => mexicoCityParts(new Date(instant)).date;
const today = () => mxDay(new Date());
/** Monday of a date's week, computed here on its own (0 = Sunday … 6 = Saturday). */
const mondayOf = (date: string) => {
  const dow = (((toDayNumber(date) + 4) % 7) + 7) % 7;
  return addCalendarDays(date, -((dow + 6) % 7));
};

interface Row {
  id: number;
  workflowStatus: string;
  dueAt: string | null;
  closedAt: string | null;
  medium?: string | null;
  revisionRounds?: number | null;
  createdAt: string;
  oficio?: { receivedAt: string; area?: { name: string; kind: string } | null } | null;
  organism?: { name: string; kind: string } | null;
  area?: { name: string; kind: string } | null;
}

/** Every row of a workflow with its area, read through strapi.db.query (drafts only for D&P). */
const rowsOf = async (app: TestApp, workflow: WorkflowKey) =>
  (await app.strapi.db.query(WORKFLOW_UIDS[workflow] as UID.ContentType).findMany({
    where:
      workflow === 'web-publication' || workflow === 'transparency-document'
        ? { publishedAt: null }
        : {},
    populate:
      workflow === 'oficio'
        ? { area: true }
        : {
            oficio: { populate: { area: true } },
            ...(workflow === 'advisory' ? { organism: true } : {}),
          },
  })) as Row[];

const areaOf = (workflow: WorkflowKey, row: Row) =>
  workflow === 'oficio' ? row.area : (row.oficio?.area ?? row.organism ?? null);

/** The dashboard as a staff member should see it, computed row by row in JavaScript. */
const expectedQueues = async (app: TestApp, queues: readonly QueueDefinition[]) => {
  const rows = new Map<WorkflowKey, Row[]>();
  for (const workflow of ['oficio', ...WORK_ITEMS] as WorkflowKey[]) {
    rows.set(workflow, await rowsOf(app, workflow));
  }
  const now = today();
  const sunday = addCalendarDays(mondayOf(now), 6);
  const open = new Map<string, string | null>();
  const perQueue = queues.map((queue) => {
    const members: { workflow: WorkflowKey; row: Row }[] = [];
    for (const source of queue.sources) {
      for (const row of rows.get(source.workflow)!) {
        const kind = areaOf(source.workflow, row)?.kind ?? null;
        if (!source.states.includes(row.workflowStatus)) continue;
        if (source.medium && row.medium !== source.medium) continue;
        if (source.areaKind === 'organismo_auxiliar' && kind !== 'organismo_auxiliar') continue;
        if (source.areaKind === 'not_organismo_auxiliar' && kind === 'organismo_auxiliar') continue;
        members.push({ workflow: source.workflow, row });
        open.set(`${source.workflow}:${row.id}`, row.dueAt ?? null);
      }
    }
    return {
      key: queue.key,
      total: members.length,
      overdue: members.filter((m) => m.row.dueAt && m.row.dueAt < now).length,
      dueToday: members.filter((m) => m.row.dueAt === now).length,
      byState: queue.sources.flatMap((source) =>
        source.states.map((state) => ({
          workflow: source.workflow,
          state,
          count: members.filter(
            (m) => m.workflow === source.workflow && m.row.workflowStatus === state
          ).length,
        }))
      ),
    };
  });
  const dues = [...open.values()];
  return {
    rows,
    queues: perQueue,
    totals: {
      open: dues.length,
      overdue: dues.filter((due) => due && due < now).length,
      dueToday: dues.filter((due) => due === now).length,
      dueThisWeek: dues.filter((due) => due && due >= now && due <= sunday).length,
    },
  };
};

/** A work item in a state with dates written directly (test set-up, not a door under test). */
const make = async (
  app: TestApp,
  workflow: Exclude<WorkflowKey, 'oficio'>,
  data: Record<string, unknown>,
  { area = 'DC', receivedAt = '2027-01-04T16:00:00Z' } = {}
) => {
  const uid = WORKFLOW_UIDS[workflow] as UID.ContentType;
  const oficio = await createOficio(app, { area, receivedAt });
  const created = await app.strapi.documents(uid).create({
    data: {
      ...completeData(workflow, 0),
      ...(workflow === 'coverage-event' ? { crew: [] } : {}),
      oficio: oficio.documentId,
    } as never,
  });
  await app.strapi.db
    .query(uid)
    .update({ where: { documentId: created.documentId }, data: data as never });
  return { documentId: created.documentId, oficioDocumentId: oficio.documentId };
};

describe('tablero del complemento comunicacion', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(async () => {
    const now = Date.now();
    const day = today();
    // Open work across queues, with due dates before, on and after today.
    await make(app, 'design', { workflowStatus: 'pendiente', dueAt: addCalendarDays(day, -2) });
    await make(app, 'design', { workflowStatus: 'en_diseno', dueAt: day });
    await make(app, 'design', {
      workflowStatus: 'con_observaciones',
      dueAt: addCalendarDays(day, 1),
      revisionRounds: 2,
    });
    await make(
      app,
      'design',
      { workflowStatus: 'pendiente', dueAt: addCalendarDays(day, 3), revisionRounds: 1 },
      { area: 'SMDIF' }
    );
    await make(app, 'design', {
      workflowStatus: 'en_revision',
      dueAt: addCalendarDays(day, 20),
      revisionRounds: 3,
    });
    await make(app, 'design', { workflowStatus: 'aprobado', medium: 'impreso', dueAt: day });
    await make(app, 'design', { workflowStatus: 'aprobado', medium: 'digital', dueAt: null });
    await make(app, 'coverage-event', {
      workflowStatus: 'programada',
      dueAt: addCalendarDays(day, -1),
    });
    await make(app, 'social-post', { workflowStatus: 'borrador', dueAt: addCalendarDays(day, 6) });
    await make(app, 'web-publication', { workflowStatus: 'en_analisis', dueAt: day });
    await make(app, 'email-account-request', {
      workflowStatus: 'autorizada',
      dueAt: addCalendarDays(day, -5),
    });
    await make(
      app,
      'advisory',
      { workflowStatus: 'en_seguimiento', dueAt: null },
      { area: 'OPDAPAS' }
    );
    // A design from long ago: outside the charted weeks' intake.
    await make(
      app,
      'design',
      { workflowStatus: 'cancelado', revisionRounds: 7 },
      { receivedAt: '2025-01-06T16:00:00Z' }
    );

    // Closed work: this week, last week (once late), two weeks ago, and long ago.
    const closed = (daysAgo: number) => new Date(now - daysAgo * DAY);
    await make(app, 'design', {
      workflowStatus: 'entregado',
      closedAt: closed(0),
      dueAt: mxDay(closed(0)),
    });
    await make(app, 'coverage-event', {
      workflowStatus: 'entregada',
      closedAt: closed(7),
      dueAt: addCalendarDays(mxDay(closed(7)), -1),
    });
    await make(app, 'social-post', {
      workflowStatus: 'publicada',
      closedAt: closed(7),
      dueAt: addCalendarDays(mxDay(closed(7)), 2),
    });
    await make(app, 'web-publication', {
      workflowStatus: 'respondida',
      closedAt: closed(14),
      dueAt: null,
    });
    await make(app, 'advisory', { workflowStatus: 'concluida', closedAt: closed(400) });
    // Cancelled work is not throughput.
    await make(app, 'email-account-request', {
      workflowStatus: 'rechazada',
      closedAt: closed(1),
    });

    // Late oficios: one awaiting acceptance, one accepted, one closed.
    const lateOficio = async (data: Record<string, unknown>) => {
      const oficio = await createOficio(app);
      await app.strapi.db
        .query('api::oficio.oficio')
        .update({ where: { documentId: oficio.documentId }, data: { isLate: true, ...data } });
    };
    await lateOficio({ lateAcceptedAt: null });
    await lateOficio({ lateAcceptedAt: new Date() });
    await lateOficio({ lateAcceptedAt: null, workflowStatus: 'cancelado' });
  });

  it('el Director ve conteos por bandeja y estado iguales a los de la base', async () => {
    const res = await app
      .http()
      .get('/comunicacion/dashboard')
      .query({ weeks: 4 })
      .set(staff.director.auth)
      .expect(200);
    const { data } = res.body as GetDashboard.Response;
    const expected = await expectedQueues(app, QUEUES);

    expect(data.today).toBe(today());
    expect(data.weekEnd).toBe(addCalendarDays(mondayOf(today()), 6));
    expect(data.queues.map((queue) => queue.key)).toEqual(QUEUES.map((queue) => queue.key));
    for (const queue of expected.queues) {
      const got = data.queues.find((q) => q.key === queue.key)!;
      expect({
        key: got.key,
        total: got.total,
        overdue: got.overdue,
        dueToday: got.dueToday,
        byState: got.byState.map(({ workflow, state, count }) => ({ workflow, state, count })),
      }).toEqual(queue);
      got.byState.forEach((entry) => {
        expect(entry.label).toBeTruthy();
        expect(entry.workflowLabel).toBe(WORKFLOW_LABELS[entry.workflow as WorkflowKey]);
      });
    }
    // Gobierno Digital holds two workflows with the same state names: each chip says whose.
    const digital = data.queues.find((queue) => queue.key === 'gobierno_digital')!;
    const recibida = digital.byState.filter((entry) => entry.state === 'recibida');
    expect(recibida.map((entry) => entry.workflowLabel)).toEqual([
      'Publicación en el sitio web',
      'Documento de transparencia',
    ]);
    expect(data.totals).toEqual({
      ...expected.totals,
      lateAwaitingAcceptance: await app.strapi.db.query('api::oficio.oficio').count({
        where: {
          isLate: true,
          lateAcceptedAt: null,
          workflowStatus: { $notIn: [...WORKFLOWS.oficio.closed] },
        },
      }),
    });
    // The set-up has something in every kind of count.
    expect(data.totals.overdue).toBeGreaterThan(0);
    expect(data.totals.dueToday).toBeGreaterThan(0);
    // On a Sunday the week ends today: nothing can fall later in it.
    if (data.today < data.weekEnd) {
      expect(data.totals.dueThisWeek).toBeGreaterThan(data.totals.dueToday);
    } else {
      expect(data.totals.dueThisWeek).toBe(data.totals.dueToday);
    }
    expect(data.totals.lateAwaitingAcceptance).toBe(1);
  });

  it('rendimiento semanal, porcentaje a tiempo y rondas de revisión por área', async () => {
    const weeks = 4;
    const res = await app
      .http()
      .get('/comunicacion/dashboard')
      .query({ weeks })
      .set(staff.director.auth)
      .expect(200);
    const { data } = res.body as GetDashboard.Response;
    const { rows } = await expectedQueues(app, QUEUES);

    const currentMonday = mondayOf(today());
    const mondays = Array.from({ length: weeks }, (_, i) =>
      addCalendarDays(currentMonday, -7 * (weeks - 1 - i))
    );
    const delivered = (workflow: WorkflowKey, state: string) =>
      WORKFLOWS[workflow].closed.includes(state) &&
      !['cancelado', 'cancelada', 'rechazada'].includes(state);
    const closed = WORK_ITEMS.flatMap((workflow) =>
      rows
        .get(workflow)!
        .filter((row) => row.closedAt && delivered(workflow, row.workflowStatus))
        .map((row) => ({ monday: mondayOf(mxDay(row.closedAt!)), day: mxDay(row.closedAt!), row }))
        .filter((entry) => mondays.includes(entry.monday))
    );
    const expectedWeeks = mondays.map((weekStart) => {
      const inWeek = closed.filter((entry) => entry.monday === weekStart);
      const onTime = inWeek.filter((e) => !e.row.dueAt || e.day <= e.row.dueAt).length;
      return { weekStart, closed: inWeek.length, onTime, late: inWeek.length - onTime };
    });
    expect(data.throughput).toEqual(expectedWeeks);
    expect(data.throughput.reduce((total, week) => total + week.closed, 0)).toBe(4);
    expect(data.throughput.reduce((total, week) => total + week.late, 0)).toBe(1);
    expect(data.onTimePercentage).toBe(75);

    // Revision rounds per area over the designs received since the first charted Monday.
    const since = new Date(`${mondays[0]}T06:00:00Z`).getTime();
    const byArea = new Map<string, { designs: number; rounds: number }>();
    for (const row of rows.get('design')!) {
      const received = new Date(row.oficio?.receivedAt ?? row.createdAt).getTime();
      if (received < since) continue;
      // A design never sent for review has no rounds to average.
      if (!row.revisionRounds) continue;
      const name = row.oficio?.area?.name ?? 'Sin área';
      const entry = byArea.get(name) ?? { designs: 0, rounds: 0 };
      entry.designs += 1;
      entry.rounds += row.revisionRounds ?? 0;
      byArea.set(name, entry);
    }
    expect([...data.revisionRoundsByArea].sort((a, b) => a.area.localeCompare(b.area))).toEqual(
      [...byArea.entries()]
        .map(([area, { designs, rounds }]) => ({
          area,
          designs,
          rounds,
          average: Math.round((100 * rounds) / designs) / 100,
        }))
        .sort((a, b) => a.area.localeCompare(b.area))
    );
    const smdif = (await app.strapi.db
      .query('api::area.area')
      .findOne({ where: { shortName: 'SMDIF' } })) as { name: string };
    expect(data.revisionRoundsByArea.find((entry) => entry.area === smdif.name)).toEqual({
      area: smdif.name,
      designs: 1,
      rounds: 1,
      average: 1,
    });
  });

  it('las rondas de revisión no cuentan los diseños nunca enviados a revisión', async () => {
    const res = await app
      .http()
      .get('/comunicacion/dashboard')
      .query({ weeks: 4 })
      .set(staff.director.auth)
      .expect(200);
    const { data } = res.body as GetDashboard.Response;
    const cultura = (await app.strapi.db
      .query('api::area.area')
      .findOne({ where: { shortName: 'DC' } })) as { name: string };
    // Dirección de Cultura has seven designs in the charted weeks; two were sent for review
    // (two and three rounds): the five never sent would lower the average to 0.71.
    expect(data.revisionRoundsByArea.find((entry) => entry.area === cultura.name)).toEqual({
      area: cultura.name,
      designs: 2,
      rounds: 5,
      average: 2.5,
    });
  });

  it('cada tarjeta dice qué bandeja y qué filtro muestran lo que cuenta', async () => {
    const res = await app
      .http()
      .get('/comunicacion/dashboard')
      .set(staff.director.auth)
      .expect(200);
    const { data } = res.body as GetDashboard.Response;
    const { links, today: day, weekEnd } = data;

    expect(links.open.query).toEqual({});
    expect(links.overdue.query).toEqual({ dueTo: addCalendarDays(day, -1) });
    expect(links.dueToday.query).toEqual({ dueFrom: day, dueTo: day });
    expect(links.dueThisWeek.query).toEqual({ dueFrom: day, dueTo: weekEnd });
    expect(links.lateAwaitingAcceptance).toEqual({ queueKey: 'recepcion', query: {} });

    // The set-up spreads overdue work over several queues: that card opens no single one.
    const holding = (count: (queue: GetDashboard.QueueCounts) => number) =>
      data.queues.filter((queue) => count(queue) > 0).map((queue) => queue.key);
    const overdueQueues = holding((queue) => queue.overdue);
    expect(overdueQueues.length).toBeGreaterThan(1);
    expect(links.overdue.queueKey).toBeNull();
    const todayQueues = holding((queue) => queue.dueToday);
    expect(links.dueToday.queueKey).toBe(todayQueues.length === 1 ? todayQueues[0] : null);

    // Following a card's filter in each queue finds exactly what the queue's counts say.
    for (const queue of data.queues) {
      for (const [link, count] of [
        [links.overdue, queue.overdue],
        [links.dueToday, queue.dueToday],
      ] as const) {
        const page = await app
          .http()
          .get(`/comunicacion/queues/${queue.key}`)
          .query({ ...link.query, pageSize: 1 })
          .set(staff.director.auth)
          .expect(200);
        expect({ queue: queue.key, total: page.body.meta.pagination.total }).toEqual({
          queue: queue.key,
          total: count,
        });
      }
    }
  });

  it('cada coordinación ve solo sus bandejas; sin permiso del tablero responde 403', async () => {
    const res = await app
      .http()
      .get('/comunicacion/dashboard')
      .set(staff.coordinador_organismos.auth)
      .expect(200);
    const { data } = res.body as GetDashboard.Response;
    const visible = QUEUES.filter((queue) => queue.roles.includes('coordinador_organismos'));
    expect(data.queues.map((queue) => queue.key)).toEqual(visible.map((queue) => queue.key));
    const expected = await expectedQueues(app, visible);
    expect(data.totals.open).toBe(expected.totals.open);
    expect(data.throughput).toHaveLength(12);

    await app.http().get('/comunicacion/dashboard').set(staff.disenador_senior.auth).expect(403);
    const bad = await app
      .http()
      .get('/comunicacion/dashboard')
      .query({ weeks: 0 })
      .set(staff.director.auth)
      .expect(400);
    expect(bad.body.error.details.code).toBe('INVALID_REQUEST');
  });
});
