import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import {
  createFile,
  fire,
  itemIn,
  logsOf,
  stateOf,
  useStaffApp,
} from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';

const DESIGN = 'api::design.design';

describe('enlaces de aprobación para áreas sin cuenta', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  /** A design sent to review through the plugin route; resolves to its link's token. */
  const sendForReview = async (documentId?: string) => {
    const id =
      documentId ??
      (await itemIn(app, 'design', 'en_diseno', 'en_revision', { crewId: 0 })).documentId;
    const res = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: id,
      to: 'en_revision',
      role: 'disenador_senior',
      session: staff.disenador_senior,
      comment: 'Propuesta lista',
    });
    expect(res.status).toBe(200);
    const link = (
      res.body as unknown as { data: { approvalLink: { url: string; expiresAt: string } } }
    ).data.approvalLink;
    expect(link.url).toMatch(/\/aprobacion\/\?t=/);
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(Date.now());
    return { documentId: id, token: decodeURIComponent(link.url.split('?t=')[1]) };
  };
  const show = (token: string) => app.http().get(`/api/approvals/${encodeURIComponent(token)}`);
  const decide = (token: string, body: Record<string, unknown>) =>
    app
      .http()
      .post(`/api/approvals/${encodeURIComponent(token)}`)
      .send(body);

  it('muestra la versión y la aprueba una sola vez, sin iniciar sesión', async () => {
    const { documentId, token } = await sendForReview();

    const view = await show(token).expect(200);
    expect(view.body.data).toMatchObject({
      title: 'Cartel del festival',
      version: 1,
      area: 'Dirección de Cultura',
    });
    expect(view.body.data.file.url).toMatch(/\/uploads\//);

    const approved = await decide(token, { decision: 'aprobada' }).expect(200);
    expect(approved.body.data.workflowStatus).toBe('aprobado');
    expect(await stateOf(app, 'design', documentId)).toBe('aprobado');
    const logs = await logsOf(app, documentId);
    expect(logs[logs.length - 1]).toMatchObject({
      fromStatus: 'en_revision',
      toStatus: 'aprobado',
      actorKind: 'api',
    });

    const reused = await decide(token, { decision: 'aprobada' }).expect(410);
    expect(reused.body.error.details.code).toBe('LINK_USED');
    expect(reused.body.error.message).toMatch(/ya se usó/);
    expect((await show(token).expect(410)).body.error.details.code).toBe('LINK_USED');
  });

  it('las observaciones necesitan texto, y el enlace sigue sirviendo hasta que se decide', async () => {
    const { documentId, token } = await sendForReview();
    const empty = await decide(token, { decision: 'observaciones' }).expect(400);
    expect(empty.body.error.details.code).toBe('MISSING_DATA');
    await decide(token, {
      decision: 'observaciones',
      feedback: 'Cambiar el color del fondo',
    }).expect(200);
    expect(await stateOf(app, 'design', documentId)).toBe('con_observaciones');
  });

  it('un enlace alterado no sirve', async () => {
    const { token } = await sendForReview();
    const [payload, signature] = token.split('.');
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await show(flipped).expect(400)).body.error.details.code).toBe('LINK_INVALID');
    const forged = Buffer.from(JSON.stringify({ l: 'otro', v: 1, e: 9999999999 })).toString(
      'base64url'
    );
    expect(
      (await decide(`${forged}.${signature}`, { decision: 'aprobada' }).expect(400)).body.error
        .details.code
    ).toBe('LINK_INVALID');
    expect((await show('basura').expect(400)).body.error.message).toMatch(/no es válido/);
  });

  it('un enlace vencido responde 410 con un mensaje claro', async () => {
    const { documentId, token } = await sendForReview();
    const link = (await app.strapi.db
      .query('api::approval-link.approval-link')
      .findOne({ where: { design: { documentId } } })) as { id: number };
    await app.strapi.db.query('api::approval-link.approval-link').update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 60_000).toISOString() },
    });
    const res = await decide(token, { decision: 'aprobada' }).expect(410);
    expect(res.body.error.details.code).toBe('LINK_EXPIRED');
    expect(res.body.error.message).toMatch(/venció/);
    expect(await stateOf(app, 'design', documentId)).toBe('en_revision');
  });

  it('el enlace de una versión anterior deja de servir cuando se envía otra', async () => {
    const first = await sendForReview();
    // The coordinator records observations received by phone; the designer sends version 2.
    const row = (await app.strapi.db.query(DESIGN).findOne({
      where: { documentId: first.documentId },
      populate: { proposals: { populate: { file: true } } },
    })) as { proposals: { id: number; version: number; sentAt: string; file: { id: number } }[] };
    const file = await createFile(app, 'v2.pdf');
    await runInternal(() =>
      app.strapi.documents(DESIGN).update({
        documentId: first.documentId,
        data: {
          workflowStatus: 'en_diseno',
          proposals: [
            ...row.proposals.map((p) => ({
              id: p.id,
              version: p.version,
              sentAt: p.sentAt,
              file: p.file.id,
              decision: 'observaciones',
              feedback: 'Por teléfono',
            })),
            { version: 2, file: file.id, sentAt: null },
          ],
        } as never,
      })
    );
    const second = await sendForReview(first.documentId);

    const old = await show(first.token).expect(410);
    expect(old.body.error.details.code).toBe('LINK_SUPERSEDED');
    expect((await show(second.token).expect(200)).body.data.version).toBe(2);
  });

  it('la página de aprobación se sirve sin cuenta', async () => {
    const page = await app.http().get('/aprobacion/index.html').expect(200);
    expect(page.text).toContain('Revisión de propuesta de diseño');
    expect(page.text).toContain('lang="es"');
  });
});
