import { loginAsAdmin } from '../harness/auth';
import { ROLE_LABELS } from '../../src/domain/workflows';
import { fire, itemIn } from '../harness/workflow-fixtures';
import { pageErrors, screenshot, useBrowserApp } from './harness';

const DESIGN = 'api::design.design';

describe('página de aprobación para áreas sin cuenta', () => {
  const ctx = useBrowserApp();

  /** A design sent to review by the senior designer; resolves to its approval page URL. */
  const sendForReview = async () => {
    const { app } = ctx;
    const designer = await loginAsAdmin(app, ROLE_LABELS.disenador_senior);
    const item = await itemIn(app, 'design', 'en_diseno', 'en_revision', { crewId: 0 });
    const res = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: item.documentId,
      to: 'en_revision',
      role: 'disenador_senior',
      session: designer,
      comment: 'Propuesta lista',
    });
    expect(res.status).toBe(200);
    const { url } = (res.body as unknown as { data: { approvalLink: { url: string } } }).data
      .approvalLink;
    return { documentId: item.documentId, path: url.slice(url.indexOf('/aprobacion/')) };
  };

  it('muestra la propuesta y registra la aprobación desde el navegador', async () => {
    const { documentId, path } = await sendForReview();
    const page = await ctx.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(path);

    await page.getByRole('heading', { name: /versión 1/ }).waitFor();
    await expect(
      page.getByRole('link', { name: /propuesta/i }).getAttribute('href')
    ).resolves.toMatch(/\/uploads\//);
    await page.getByRole('button', { name: 'Aprobar esta versión' }).click();
    await page.getByRole('status').filter({ hasText: 'quedó aprobada' }).waitFor();
    await screenshot(page, 'aprobada');

    const design = (await ctx.app.strapi.db.query(DESIGN).findOne({ where: { documentId } })) as {
      workflowStatus: string;
    };
    expect(design.workflowStatus).toBe('aprobado');
    expect(refused).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('un enlace inválido muestra el motivo en español', async () => {
    const page = await ctx.newPage();
    await page.goto('/aprobacion/?t=no-existe');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/enlace/i);
    await expect(
      page.getByRole('button', { name: 'Aprobar esta versión' }).isVisible()
    ).resolves.toBe(false);
  });
});
