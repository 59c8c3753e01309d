import type { UID } from '@strapi/strapi';
import type { ListQueues } from '../../src/plugins/comunicacion/shared/contracts/queues';
import { loginAsAdmin } from '../harness/auth';
import { completeData, createOficio } from '../harness/workflow-fixtures';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
} from './harness';
import { blockingAxeViolations, PHONE, PLUGIN_SCOPE } from './page-checks';

const DESKTOP = { width: 1440, height: 900 };

const DESIGN = 'api::design.design' as UID.ContentType;
const COVERAGE = 'api::coverage-event.coverage-event' as UID.ContentType;
const SURVEY = 'api::survey.survey';

describe('Accesibilidad (axe, WCAG 2.1 AA): ninguna página del plugin tiene fallas críticas ni graves', () => {
  const ctx = useBrowserApp();
  let oficioId: string;
  let surveyId: string;
  let queueKeys: string[];

  beforeAll(async () => {
    const { app } = ctx;
    // Some work on every page: a design and a coverage of today's week, a survey with answers.
    const photographer = await loginAsAdmin(app, 'Fotógrafo(a)');
    const received = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const oficio = await createOficio(app, { receivedAt: received, subject: 'Arte y cobertura' });
    oficioId = oficio.documentId;
    await app.strapi.documents(DESIGN).create({
      data: {
        ...completeData('design', photographer.user.id),
        oficio: oficio.documentId,
      } as never,
    });
    const start = new Date(Date.now() + 2 * 3_600_000);
    await app.strapi.documents(COVERAGE).create({
      data: {
        ...completeData('coverage-event', photographer.user.id),
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        oficio: oficio.documentId,
      } as never,
    });
    const survey = await app.strapi.documents(SURVEY).create({
      data: {
        title: 'Consulta sobre el alumbrado público',
        slug: 'consulta-alumbrado',
        area: (await app.strapi.db.query('api::area.area').findOne({ where: { shortName: 'DSP' } }))
          .id,
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        questions: [
          {
            key: 'colonia',
            prompt: '¿En qué zona vives?',
            kind: 'opcion_unica',
            options: 'Cabecera municipal\nSan Andrés Ocotlán',
            required: true,
          },
          { key: 'calificacion', prompt: 'Califica el alumbrado', kind: 'escala', required: true },
        ],
      } as never,
    });
    await app.strapi.documents(SURVEY).publish({ documentId: survey.documentId });
    surveyId = survey.documentId;
    await app
      .http()
      .post('/api/surveys/consulta-alumbrado/responses')
      .send({ answers: { colonia: 'Cabecera municipal', calificacion: 4 } })
      .expect(201);
  });

  /** Every page of the plugin the Director opens. */
  const routes = (): { route: string }[] => [
    { route: 'tablero' },
    ...queueKeys.map((key) => ({ route: `bandejas/${key}` })),
    { route: 'calendario' },
    { route: 'notificaciones' },
    { route: `oficios/${oficioId}` },
    { route: 'dias-inhabiles' },
    { route: 'configuracion' },
    { route: 'sitio/avisos' },
    { route: 'sitio/transparencia' },
    { route: 'sitio/encuestas' },
    { route: `sitio/encuestas/${surveyId}` },
    { route: 'registrar' },
    { route: 'oficios' },
    { route: 'cuentas-areas' },
  ];

  it.each([
    ['escritorio (1440×900)', DESKTOP],
    ['teléfono (390×844)', PHONE],
  ])(
    'inicio de sesión y cada página del plugin como Director(a), en %s',
    async (label, viewport) => {
      const page = await ctx.newPage({ language: null, viewport });
      const failures: string[] = [];
      const suffix = viewport === PHONE ? 'telefono' : 'escritorio';

      // The login page is the office's first screen: checked whole.
      await page.goto('/admin/auth/login');
      await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
      failures.push(...(await blockingAxeViolations(page, 'login')));

      const session = await loginInBrowser(page, 'director');
      const queues = await ctx.app.http().get('/comunicacion/queues').set(session.auth).expect(200);
      queueKeys = (queues.body as ListQueues.Response).data.map((queue) => queue.key);
      expect(queueKeys.length).toBeGreaterThan(5);

      const checked: string[] = [];
      for (const { route } of routes()) {
        await openAdmin(page, `/plugins/comunicacion/${route}`);
        await page.locator('main').first().waitFor();
        await page
          .locator('main [aria-busy="true"]')
          .first()
          .waitFor({ state: 'detached', timeout: 10_000 })
          .catch(() => undefined);
        await waitForAppIdle(page);
        const mainText = await page.locator('main').first().innerText();
        expect(mainText).not.toMatch(/No se encontró contenido|No tienes permiso/);
        failures.push(...(await blockingAxeViolations(page, route, PLUGIN_SCOPE)));
        checked.push(route);
        if (['tablero', 'calendario', `oficios/${oficioId}`].includes(route)) {
          await screenshot(page, `${route.split('/')[0]}-${suffix}`);
        }
      }

      if (failures.length) console.log(`axe, ${label}:\n${failures.join('\n')}`);
      expect(failures).toEqual([]);
      expect(checked.length).toBeGreaterThanOrEqual(10 + queueKeys.length);
      expect(pageErrors(page)).toEqual([]);
    },
    900_000
  );
});
