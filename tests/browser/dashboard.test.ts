import type { UID } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import type { GetDashboard } from '../../src/plugins/comunicacion/shared/contracts/dashboard';
import type { GetCalendar } from '../../src/plugins/comunicacion/shared/contracts/calendar';
import type {
  Holidays,
  Settings,
} from '../../src/plugins/comunicacion/shared/contracts/configuration';
import { STATUS_FIELD } from '../../src/api/workflow/services/workflow';
import { QUEUES } from '../../src/domain/queues';
import { loginAsAdmin, type Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { completeData, createOficio } from '../harness/workflow-fixtures';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';
import { docsScreenshot } from './page-checks';

const ADVISORY = 'api::advisory.advisory' as UID.ContentType;
const DESIGN = 'api::design.design' as UID.ContentType;
const COVERAGE = 'api::coverage-event.coverage-event' as UID.ContentType;

const TOTAL_KEYS = [
  'open',
  'overdue',
  'dueToday',
  'dueThisWeek',
  'lateAwaitingAcceptance',
] as const;

/** Each total card's label. */
const LABELS = {
  open: 'Abiertos',
  overdue: 'Vencidos',
  dueToday: 'Vencen hoy',
  dueThisWeek: 'Vencen esta semana',
  lateAwaitingAcceptance: 'Extemporáneos por aceptar',
} as const;

/** Today in Mexico City, and days around it, as YYYY-MM-DD. */
const mexicoCityDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** A Mexico City wall-clock time of a day as an instant (UTC-6 all year). */
const mexicoCityInstant = (day: string, time: string) => `${day}T${time}:00-06:00`;

/** The number a total card shows. */
const cardValue = async (page: Page, key: string) =>
  Number((await page.getByTestId(`total-${key}-value`).innerText()).trim());

describe('Tablero y páginas de configuración en el navegador, como Director(a)', () => {
  const ctx = useBrowserApp();

  let director: Session;
  let photographer: Session;
  const coverageName = 'Informe de gobierno en la explanada';
  const clashName = 'Entrega de apoyos en San Andrés';

  beforeAll(async () => {
    const { app } = ctx;
    photographer = await loginAsAdmin(app, 'Fotógrafo(a)');
    // Received two weeks ago: every lead time the fixtures need is met by today.
    const received = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const isSunday = new Date(`${mexicoCityDay()}T12:00:00Z`).getUTCDay() === 0;

    // Follow-ups of advisories set their due date: one overdue, one due today, one later this
    // week (or today again when today is Sunday).
    const followUps = [mexicoCityDay(-1), mexicoCityDay(0), mexicoCityDay(isSunday ? 0 : 1)];
    for (const [index, followUpDate] of followUps.entries()) {
      const oficio = await createOficio(app, {
        receivedAt: received,
        subject: `Asesoría ${index}`,
      });
      await app.strapi.documents(ADVISORY).create({
        data: {
          ...completeData('advisory', photographer.user.id),
          title: `Seguimiento de imagen ${index + 1}`,
          followUpDate,
          oficio: oficio.documentId,
        } as never,
      });
    }

    // One advisory concluded today, before its follow-up date: closed on time this week.
    const done = await app.strapi.documents(ADVISORY).create({
      data: {
        ...completeData('advisory', photographer.user.id),
        title: 'Seguimiento concluido',
        followUpDate: mexicoCityDay(7),
        oficio: (await createOficio(app, { receivedAt: received, subject: 'Concluida' }))
          .documentId,
      } as never,
    });
    await runInternal(() =>
      app.strapi.documents(ADVISORY).update({
        documentId: done.documentId,
        data: {
          [STATUS_FIELD]: 'concluida',
          notes: 'Se entregó el manual de identidad.',
          closedAt: new Date().toISOString(),
        } as never,
      })
    );

    // A late request: digital art asked on Friday 13/11/2026 for an event on the 18th, when the
    // earliest allowed date was the 19th. It waits for the coordinator's acceptance.
    const late = await createOficio(app, {
      receivedAt: '2026-11-13T16:00:00Z',
      subject: 'Arte para la Feria del Elote',
    });
    await app.strapi.documents(DESIGN).create({
      data: {
        ...completeData('design', photographer.user.id),
        title: 'Arte para redes de la Feria del Elote',
        eventName: 'Feria del Elote',
        eventDate: '2026-11-18',
        oficio: late.documentId,
      } as never,
    });

    // A coverage today at 10:00 with the photographer as crew, and (set up directly, as a
    // double booking left from before the rule) another overlapping one with the same person.
    const coverageOficio = await createOficio(app, { receivedAt: received, subject: 'Cobertura' });
    await app.strapi.documents(COVERAGE).create({
      data: {
        ...completeData('coverage-event', photographer.user.id),
        title: 'Cobertura del informe',
        eventName: coverageName,
        startsAt: mexicoCityInstant(mexicoCityDay(), '10:00'),
        endsAt: mexicoCityInstant(mexicoCityDay(), '12:00'),
        oficio: coverageOficio.documentId,
      } as never,
    });
    const clashOficio = await createOficio(app, { receivedAt: received, subject: 'Apoyos' });
    await runInternal(() =>
      app.strapi.documents(COVERAGE).create({
        data: {
          ...completeData('coverage-event', photographer.user.id),
          title: 'Cobertura de la entrega de apoyos',
          eventName: clashName,
          startsAt: mexicoCityInstant(mexicoCityDay(), '11:00'),
          endsAt: mexicoCityInstant(mexicoCityDay(), '13:00'),
          oficio: clashOficio.documentId,
        } as never,
      })
    );
  });

  it('cada total del Tablero es el que responde la API para la misma persona', async () => {
    const page = await ctx.newPage();
    director = await loginInBrowser(page, 'director');

    await openAdmin(page, '/plugins/comunicacion/tablero');
    await waitForHeading(page, 'Tablero');
    await waitForAppIdle(page);

    const res = await ctx.app
      .http()
      .get('/comunicacion/dashboard')
      .query({ weeks: '12' })
      .set(director.auth);
    expect(res.status).toBe(200);
    const api = (res.body as GetDashboard.Response).data;

    // The seeded work is there, so an empty board cannot pass.
    expect(api.totals.overdue).toBeGreaterThanOrEqual(1);
    expect(api.totals.dueToday).toBeGreaterThanOrEqual(1);
    expect(api.totals.dueThisWeek).toBeGreaterThanOrEqual(2);
    expect(api.totals.lateAwaitingAcceptance).toBeGreaterThanOrEqual(1);

    const shown: Record<string, number> = {};
    for (const key of TOTAL_KEYS) shown[key] = await cardValue(page, key);
    expect(shown).toEqual(api.totals);

    // Each card is named by its label and number for screen readers.
    await page.getByRole('group', { name: 'Vencidos', exact: true }).waitFor();
    await page.getByLabel(`Vencidos: ${api.totals.overdue}`).waitFor();

    // The Director sees every queue, with the API's counts in the table.
    expect(api.queues.map((queue) => queue.key)).toEqual(QUEUES.map((queue) => queue.key));
    for (const queue of api.queues) {
      const row = page.getByTestId(`queue-row-${queue.key}`);
      const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
      expect(cells.slice(0, 4)).toEqual([
        queue.label,
        String(queue.total),
        String(queue.overdue),
        String(queue.dueToday),
      ]);
    }

    // The charts carry the API's figures as text.
    const closed = api.throughput.reduce((sum, week) => sum + week.closed, 0);
    expect(closed).toBeGreaterThanOrEqual(1);
    expect(api.onTimePercentage).not.toBeNull();
    await page
      .getByTestId('throughput-summary')
      .filter({ hasText: `${closed} ${closed === 1 ? 'cerrado' : 'cerrados'} en 12 semanas` })
      .waitFor();
    await page
      .getByTestId('on-time-percentage')
      .filter({ hasText: new RegExp(`^${Math.round(api.onTimePercentage ?? -1)}\\s?%`) })
      .waitFor();
    await screenshot(page, 'tablero');
    await page
      .getByRole('region', { name: 'Trabajos cerrados por semana' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'tablero-graficas');

    // Fewer weeks in the charts: the page asks again and says so.
    await page.getByRole('combobox', { name: 'Semanas en las gráficas' }).click();
    await page.getByRole('option', { name: 'Últimas 4 semanas' }).click();
    await waitForAppIdle(page);
    await page.getByTestId('throughput-summary').filter({ hasText: 'en 4 semanas' }).waitFor();
    await screenshot(page, 'tablero-4-semanas');

    expect(pageErrors(page)).toEqual([]);
  });

  it('cada cifra del Tablero abre su bandeja con el mismo filtro, y los plurales concuerdan', async () => {
    const page = await ctx.newPage();
    director = await loginInBrowser(page, 'director');
    await openAdmin(page, '/plugins/comunicacion/tablero');
    await waitForHeading(page, 'Tablero');
    await waitForAppIdle(page);
    const api = (
      (
        await ctx.app
          .http()
          .get('/comunicacion/dashboard')
          .query({ weeks: '12' })
          .set(director.auth)
      ).body as GetDashboard.Response
    ).data;
    const today = api.today;
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    /** The queue holding most of a figure, the first one on a tie. */
    const busiest = (count: (queue: GetDashboard.QueueCounts) => number) =>
      api.queues.reduce((best, queue) => (count(queue) > count(best) ? queue : best)).key;
    const base = '/admin/plugins/comunicacion/bandejas';

    // Each card is a link named by its label and number, to the queue and due dates it counts.
    const expected: Record<(typeof TOTAL_KEYS)[number], string> = {
      open: `${base}/${busiest((q) => q.total)}`,
      overdue: `${base}/${busiest((q) => q.overdue)}?dueTo=${yesterday}`,
      dueToday: `${base}/${busiest((q) => q.dueToday)}?dueFrom=${today}&dueTo=${today}`,
      dueThisWeek: `${base}/${busiest((q) => q.dueToday + q.total)}?dueFrom=${today}&dueTo=${api.weekEnd}`,
      lateAwaitingAcceptance: `${base}/recepcion`,
    };
    for (const key of TOTAL_KEYS) {
      const link = page.getByRole('link', {
        name: `${LABELS[key]}: ${api.totals[key]}`,
        exact: true,
      });
      await expect(link.getAttribute('href')).resolves.toBe(expected[key]);
    }

    // Following «Vencidos» lists yesterday's follow-up, not today's.
    await page.getByRole('link', { name: `Vencidos: ${api.totals.overdue}`, exact: true }).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === expected.overdue);
    await waitForAppIdle(page);
    if (expected.overdue.includes('/organismos?')) {
      await page.getByText('Seguimiento de imagen 1', { exact: true }).first().waitFor();
      await expect(
        page.getByText('Seguimiento de imagen 2', { exact: true }).count()
      ).resolves.toBe(0);
    }
    await screenshot(page, 'vencidos-desde-el-tablero');
    await page.goBack();
    await waitForHeading(page, 'Tablero');
    await waitForAppIdle(page);

    // Plurals follow the numbers: «1 de 1 cerrado», «2 diseños», «1 ronda en promedio».
    const closed = api.throughput.reduce((sum, week) => sum + week.closed, 0);
    const onTime = api.throughput.reduce((sum, week) => sum + week.onTime, 0);
    await page
      .getByTestId('on-time-percentage')
      .filter({ hasText: `(${onTime} de ${closed} ${closed === 1 ? 'cerrado' : 'cerrados'})` })
      .waitFor();
    const plural = (count: number, one: string, other: string) =>
      `${count} ${count === 1 ? one : other}`;
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const row of api.revisionRoundsByArea) {
      const average = Math.round(row.average * 10) / 10;
      const text = `${average} ${average === 1 ? 'ronda' : 'rondas'} en promedio (${plural(row.designs, 'diseño', 'diseños')}, ${plural(row.rounds, 'ronda', 'rondas')})`;
      // The decimal separator is the locale's.
      await page
        .getByText(new RegExp(escape(text).replace('\\.', '[.,]')))
        .first()
        .waitFor();
    }
    const body = await page.locator('main').first().innerText();
    expect(body).not.toMatch(/\b1 (cerrados|rondas|diseños|semanas)\b/);

    // Gobierno Digital holds two workflows: each one's states under its own name.
    const digital = page.getByTestId('queue-row-gobierno_digital');
    await digital
      .getByTestId('workflow-states-web-publication')
      .getByText('Publicación en el sitio web', { exact: true })
      .waitFor();
    await digital
      .getByTestId('workflow-states-transparency-document')
      .getByText('Documento de transparencia', { exact: true })
      .waitFor();
    // Each state agrees with its own noun (the badges are drawn upper-case).
    await expect(
      digital.getByTestId('workflow-states-web-publication').textContent()
    ).resolves.toMatch(/Recibida: \d+/);
    await expect(
      digital.getByTestId('workflow-states-transparency-document').textContent()
    ).resolves.toMatch(/Recibido: \d+/);
    await digital.scrollIntoViewIfNeeded();
    await screenshot(page, 'tablero-gobierno-digital');

    // «Exportar» asks for a period and downloads the per-area figures.
    await page.getByRole('button', { name: 'Exportar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportar las cifras por área' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Desde' }).waitFor();
    await dialog.getByRole('combobox', { name: 'Hasta' }).waitFor();
    await dialog.getByRole('radio', { name: 'CSV (.csv)' }).click();
    await screenshot(page, 'tablero-exportar');
    const exported = page.waitForRequest((request) =>
      request.url().includes('/comunicacion/dashboard/export?')
    );
    await dialog.getByRole('button', { name: 'Descargar' }).click();
    const query = new URL((await exported).url()).searchParams;
    expect(query.get('format')).toBe('csv');
    expect(query.get('to')).toBe(today);
    expect(query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((query.get('from') ?? '') <= today).toBe(true);

    expect(pageErrors(page)).toEqual([]);
  });

  it('el calendario muestra la cobertura de hoy y su conflicto de personal, por semana y por mes, y cada cobertura de la semana en su día con su personal', async () => {
    const page = await ctx.newPage();
    director = await loginInBrowser(page, 'director');
    await openAdmin(page, '/plugins/comunicacion/calendario');
    await waitForHeading(page, 'Calendario de coberturas');
    await waitForAppIdle(page);

    const today = mexicoCityDay();
    const res = await ctx.app
      .http()
      .get('/comunicacion/calendar')
      .query({ from: today, to: today })
      .set(director.auth);
    expect(res.status).toBe(200);
    const events = (res.body as GetCalendar.Response).data;
    expect(events.map((event) => event.eventName).sort()).toEqual([clashName, coverageName].sort());
    expect(events.every((event) => event.hasConflict)).toBe(true);

    // Week view: both events under today, each warning of the conflict with the other.
    const day = page.locator(`section[data-day="${today}"]`);
    const cardOf = (name: string) =>
      day.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
    const card = cardOf(coverageName);
    await card.getByText('10:00–12:00').waitFor();
    await card.getByText('Conflicto de personal').waitFor();
    await card.getByText(`Se cruza con: ${clashName} (Persona De Prueba)`).waitFor();
    await cardOf(clashName)
      .getByText(`Se cruza con: ${coverageName} (Persona De Prueba)`)
      .waitFor();
    await screenshot(page, 'calendario-semana');

    // Month view: the same events in today's cell, in the month's grid.
    await page.getByRole('tab', { name: 'Mes' }).click();
    await waitForAppIdle(page);
    const cell = page.locator(`[role="cell"][data-day="${today}"]`);
    // One line each, named with its time, title and the conflict.
    for (const [time, name] of [
      ['10:00–12:00', coverageName],
      ['11:00–13:00', clashName],
    ]) {
      await cell
        .getByRole('listitem', { name: new RegExp(`^${time} ${name} .*Conflicto de personal`) })
        .waitFor();
    }
    await screenshot(page, 'calendario-mes');

    // The phone feed: a private address is shown.
    const feed = await ctx.app.http().get('/comunicacion/calendar/feed').set(director.auth);
    expect(feed.status).toBe(200);
    await expect(page.getByTestId('calendar-feed-url').inputValue()).resolves.toBe(
      feed.body.data.url
    );

    // A busier week: two more coverages on other days of this week (set up directly, a past day
    // included), each under its own day with its place and crew.
    const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // 0 is Monday.
    const others = [
      { name: 'Inauguración del mercado municipal', place: 'Mercado municipal', time: '09:00' },
      {
        name: 'Jornada de salud en Zaragoza de Guadalupe',
        place: 'Auditorio ejidal',
        time: '16:00',
      },
    ];
    const otherDays = [1, 3, 5, 0].filter((day) => day !== weekday);
    const placed = others.map((other, index) => ({
      ...other,
      day: mexicoCityDay(otherDays[index] - weekday),
    }));
    for (const { name, place, time, day } of placed) {
      const [hours] = time.split(':');
      const oficio = await createOficio(ctx.app, {
        receivedAt: new Date(Date.now() - 21 * 86_400_000).toISOString(),
        subject: name,
      });
      await runInternal(() =>
        ctx.app.strapi.documents(COVERAGE).create({
          data: {
            ...completeData('coverage-event', photographer.user.id),
            title: `Cobertura: ${name}`,
            eventName: name,
            place,
            startsAt: mexicoCityInstant(day, time),
            endsAt: mexicoCityInstant(day, `${Number(hours) + 2}:00`),
            oficio: oficio.documentId,
          } as never,
        })
      );
    }
    await openAdmin(page, '/plugins/comunicacion/calendario');
    await waitForHeading(page, 'Calendario de coberturas');
    for (const { name, place, day } of placed) {
      const otherCard = page
        .locator(`section[data-day="${day}"]`)
        .getByRole('listitem')
        .filter({ has: page.getByText(name, { exact: true }) });
      await otherCard.getByText(place, { exact: true }).waitFor();
      await otherCard.getByText('Personal: Persona De Prueba').waitFor();
    }
    await waitForAppIdle(page);
    await screenshot(page, 'calendario-semana-con-trabajo');
    await docsScreenshot(page, 'cubrir');

    expect(pageErrors(page)).toEqual([]);
  });

  it('Días inhábiles y Configuración muestran lo que guarda el servidor', async () => {
    const page = await ctx.newPage();
    director = await loginInBrowser(page, 'director');
    const year = Number(mexicoCityDay().slice(0, 4));

    await openAdmin(page, `/plugins/comunicacion/dias-inhabiles?year=${year}`);
    await waitForHeading(page, 'Días inhábiles');
    await waitForAppIdle(page);
    const holidays = await ctx.app
      .http()
      .get('/comunicacion/holidays')
      .query({ year: String(year) })
      .set(director.auth);
    expect(holidays.status).toBe(200);
    const list = holidays.body as Holidays.ListResponse;
    expect(list.data.length).toBeGreaterThan(0);
    await expect(page.getByTestId('holiday-row').count()).resolves.toBe(list.data.length);
    await page
      .getByTestId('business-days')
      .filter({ hasText: `${year} tiene ${list.meta.businessDays} días hábiles.` })
      .waitFor();
    await screenshot(page, 'dias-inhabiles');

    // A municipal day added through the dialog: one business day fewer in the year.
    let day = new Date(Date.UTC(year, 5, 10));
    while ([0, 6].includes(day.getUTCDay())) day = new Date(day.getTime() + 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const [yyyy, mm, dd] = iso.split('-');
    await page.getByRole('button', { name: 'Agregar día inhábil' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Agregar día inhábil' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Fecha' }).fill(`${dd}/${mm}/${yyyy}`);
    await dialog.getByRole('textbox', { name: 'Nombre' }).click();
    await dialog.getByRole('textbox', { name: 'Nombre' }).fill('Fiesta patronal de San Juan');
    await dialog.getByRole('textbox', { name: 'Nota' }).fill('Acuerdo de cabildo de prueba');
    await screenshot(page, 'dias-inhabiles-agregar');
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForAppIdle(page);
    await page
      .getByTestId('business-days')
      .filter({ hasText: `${year} tiene ${list.meta.businessDays - 1} días hábiles.` })
      .waitFor();
    const added = (
      (
        await ctx.app
          .http()
          .get('/comunicacion/holidays')
          .query({ year: String(year) })
          .set(director.auth)
      ).body as Holidays.ListResponse
    ).data.find((holiday) => holiday.name === 'Fiesta patronal de San Juan');
    expect(added).toMatchObject({ date: iso, endDate: null, source: 'municipal' });
    await page.getByRole('row', { name: /Fiesta patronal de San Juan/ }).waitFor();

    await openAdmin(page, '/plugins/comunicacion/configuracion');
    await waitForHeading(page, 'Configuración');
    await waitForAppIdle(page);
    const settings = await ctx.app.http().get('/comunicacion/settings').set(director.auth);
    expect(settings.status).toBe(200);
    const stored = (settings.body as Settings.Response).data;
    await expect(
      page.getByRole('textbox', { name: /Anticipación del arte digital/ }).inputValue()
    ).resolves.toBe(String(stored.digitalArtLeadBusinessDays));
    await expect(
      page.getByRole('combobox', { name: /Hora de cierre de la recepción/ }).inputValue()
    ).resolves.toBe(stored.officeHoursCutoff);
    await screenshot(page, 'configuracion');

    // Saving a changed lead time stores it.
    const promotion = page.getByRole('textbox', { name: /Anticipación de la difusión/ });
    await promotion.fill(String(stored.promotionLeadCalendarDays + 2));
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Configuración guardada.').first().waitFor();
    const saved = await ctx.app.http().get('/comunicacion/settings').set(director.auth);
    expect((saved.body as Settings.Response).data).toEqual({
      ...stored,
      promotionLeadCalendarDays: stored.promotionLeadCalendarDays + 2,
    });

    expect(pageErrors(page)).toEqual([]);
  });
});
