import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForHeading,
} from './harness';

const SURVEY = 'api::survey.survey';

describe('Sitio web en el panel: transparencia y resultados de encuestas', () => {
  const ctx = useBrowserApp();

  it('Transparencia muestra los mismos conteos y avisos que el servidor', async () => {
    const page = await ctx.newPage();
    const session = await loginInBrowser(page, 'coordinador_gobierno_digital');
    const api = await ctx.app
      .http()
      .get('/comunicacion/transparency/obligations')
      .set(session.auth)
      .expect(200);
    const counts = api.body.meta.counts as Record<'al_dia' | 'por_vencer' | 'vencida', number>;
    expect(counts.al_dia + counts.por_vencer + counts.vencida).toBeGreaterThan(0);

    await openAdmin(page, '/plugins/comunicacion/sitio/transparencia');
    await waitForHeading(page, 'Obligaciones de transparencia');
    for (const status of ['al_dia', 'por_vencer', 'vencida'] as const) {
      await expect(page.getByTestId(`count-${status}`).innerText()).resolves.toContain(
        String(counts[status])
      );
    }
    await expect(page.getByTestId('obligation-warning').count()).resolves.toBe(
      counts.por_vencer + counts.vencida
    );
    await expect(page.getByTestId('catalogue-row').count()).resolves.toBe(api.body.data.length);
    await screenshot(page, 'transparencia');
    expect(pageErrors(page)).toEqual([]);
  });

  it('Encuestas cuenta las respuestas anónimas y muestra el porcentaje de cada opción', async () => {
    const { app } = ctx;
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
            options: 'Cabecera municipal\nSan Andrés Ocotlán\nSanta María Nativitas',
            required: true,
          },
          { key: 'calificacion', prompt: 'Califica el alumbrado', kind: 'escala', required: true },
        ],
      } as never,
    });
    await app.strapi.documents(SURVEY).publish({ documentId: survey.documentId });
    const answers = [
      { colonia: 'Cabecera municipal', calificacion: 4 },
      { colonia: 'Cabecera municipal', calificacion: 2 },
      { colonia: 'San Andrés Ocotlán', calificacion: 3 },
    ];
    for (const answer of answers) {
      await app
        .http()
        .post('/api/surveys/consulta-alumbrado/responses')
        .send({ answers: answer })
        .expect(201);
    }

    const page = await ctx.newPage();
    await loginInBrowser(page, 'director');
    await openAdmin(page, '/plugins/comunicacion/sitio/encuestas');
    const row = page.getByTestId('survey-row-consulta-alumbrado');
    await expect(row.innerText()).resolves.toContain('3');
    await row.getByRole('link', { name: 'Consulta sobre el alumbrado público' }).click();
    await waitForHeading(page, 'Consulta sobre el alumbrado público');
    await page.getByText('3 respuestas recibidas').waitFor();
    const zones = page.getByRole('list', { name: /zona/ });
    await expect(zones.getByRole('listitem').nth(0).innerText()).resolves.toMatch(
      /Cabecera municipal[\s\S]*2 respuestas \(66[.,]7 %\)/
    );
    await expect(zones.getByRole('listitem').nth(1).innerText()).resolves.toMatch(
      /San Andrés Ocotlán[\s\S]*1 respuesta \(33[.,]3 %\)/
    );
    await screenshot(page, 'encuesta-resultados');
    expect(pageErrors(page)).toEqual([]);
  });
});
