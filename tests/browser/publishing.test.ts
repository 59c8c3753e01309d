import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { Delivery } from '../../src/plugins/comunicacion/shared/contracts/publications';
import { STATUS_FIELD } from '../../src/api/workflow/services/workflow';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { completeData, createOficio, dataFor, stateOf } from '../harness/workflow-fixtures';
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

const WEB_PUBLICATION = 'api::web-publication.web-publication';
const SECRET = crypto.randomBytes(24).toString('hex');

interface Notice {
  event: string;
  signatureValid: boolean;
  body: { event: string; item: { documentId: string; title: string } };
}

/**
 * The municipal site as a real HTTP peer. Its webhook checks the HMAC signature of each notice,
 * keeps what it received and answers with the status the test sets; its pages answer GETs with
 * another status the test sets.
 */
const startSite = async () => {
  const received: Notice[] = [];
  let status = 200;
  let pageStatus = 200;
  const server = http.createServer((request, response) => {
    if (request.method === 'GET') {
      response
        .writeHead(pageStatus, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(pageStatus === 200 ? '<!doctype html><title>Publicación</title>' : 'No encontrada');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-calimaya-timestamp'] ?? '');
      const expected = `sha256=${crypto.createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
      received.push({
        event: String(request.headers['x-calimaya-event'] ?? ''),
        signatureValid: request.headers['x-calimaya-signature'] === expected,
        body: JSON.parse(raw),
      });
      response
        .writeHead(status, { 'Content-Type': 'text/plain' })
        .end(status < 300 ? 'ok' : 'caído');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/avisos`,
    siteUrl: `http://127.0.0.1:${port}/sitio`,
    received,
    answerWith: (next: number) => {
      status = next;
    },
    pagesAnswerWith: (next: number) => {
      pageStatus = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const waitFor = async (check: () => boolean | Promise<boolean>, what: string, timeout = 15_000) => {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`No ocurrió a tiempo: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The item's latest notice of `event`, as the deliveries route lists it. */
const deliveryOf = async (
  app: TestApp,
  session: Session,
  documentId: string,
  event: 'publicacion.publicada' | 'publicacion.retirada'
) => {
  const response = await app
    .http()
    .get('/comunicacion/site/deliveries?pageSize=100')
    .set(session.auth);
  expect(response.status).toBe(200);
  return (response.body.data as Delivery[]).find(
    (delivery) => delivery.documentId === documentId && delivery.event === event
  );
};

/** Queue rows are named by the item's title. */
const queueRow = (page: Page, title: string) => page.getByRole('row', { name: title, exact: true });
/** A notice's row in Avisos al sitio holds its title; an item has one notice per event. */
const noticeRow = (
  page: Page,
  title: string,
  event: 'publicacion.publicada' | 'publicacion.retirada'
) => page.locator(`[data-testid="delivery-row"][data-event="${event}"]`).filter({ hasText: title });

describe('Publicar en el sitio desde el navegador: Gobierno Digital publica, verifica y responde en un clic', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  // Filled before the app boots: bootApp reads its environment when it starts.
  const env: Record<string, string> = { SITE_WEBHOOK_SECRET: SECRET };
  beforeAll(async () => {
    site = await startSite();
    env.SITE_WEBHOOK_URL = site.url;
  });
  afterAll(async () => {
    await site?.close();
  });
  const ctx = useBrowserApp({ env });

  /** A web publication of its own oficio, standing in «Lista» with its reviews confirmed. */
  const publicationInLista = async (title: string, staffId: number, extra = {}) => {
    const { app } = ctx;
    const oficio = await createOficio(app, { subject: `Solicitud: ${title}` });
    const created = await app.strapi.documents(WEB_PUBLICATION).create({
      data: {
        ...completeData('web-publication', staffId),
        title,
        ...extra,
        oficio: oficio.documentId,
      } as never,
    });
    const ready = await dataFor(app, 'web-publication', 'lista', 'publicada');
    await runInternal(() =>
      app.strapi.documents(WEB_PUBLICATION).update({
        documentId: created.documentId,
        data: { ...ready, [STATUS_FIELD]: 'lista' } as never,
      })
    );
    return { documentId: created.documentId, oficio };
  };

  it('publica desde Bandejas: los cuatro pasos salen bien, hay evidencia y PDF, y el aviso llega al sitio', async () => {
    const { app, baseUrl } = ctx;
    const page = await ctx.newPage();
    const coordinator = await loginInBrowser(page, 'coordinador_gobierno_digital');

    // Given: a web publication ready to publish in the Gobierno Digital queue.
    const title = 'Convocatoria de becas municipales 2027';
    const { documentId } = await publicationInLista(title, coordinator.user.id);

    await openAdmin(page, '/plugins/comunicacion/bandejas/gobierno_digital');
    await waitForHeading(page, 'Bandejas');
    await queueRow(page, title).waitFor();

    // When: she chooses «Publicar en el sitio» in the row's actions and confirms.
    await queueRow(page, title)
      .getByRole('button', { name: `Acciones de «${title}»` })
      .click();
    const action = page.getByRole('menuitem', { name: /Publicar en el sitio/ });
    await action.waitFor();
    await expect(action.getAttribute('aria-disabled')).resolves.not.toBe('true');
    await action.click();

    const dialog = page.getByRole('dialog', { name: 'Publicar en el sitio' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Comentario' }).fill('Revisada con el área.');
    await screenshot(page, 'dialogo-publicar');
    await dialog.getByRole('button', { name: 'Publicar en el sitio' }).click();

    // Then: the four steps came back done, in order.
    const steps = dialog
      .getByRole('list', { name: 'Pasos de la publicación' })
      .getByRole('listitem');
    await steps.first().waitFor();
    // Text content: the badges are upper-cased by CSS only.
    const texts = await steps.allTextContents();
    expect(texts).toHaveLength(4);
    ['Publicada', 'Aviso al sitio', 'Verificada', 'Respondida'].forEach((label, index) => {
      expect(texts[index]).toContain(label);
      expect(texts[index]).toContain('Hecho');
      expect(texts[index]).not.toContain('No se completó');
    });

    // The evidence: the anonymous content API answered 200 with the item, at a given time.
    const evidence = dialog.getByRole('region', { name: 'Evidencia de la verificación' });
    const apiUrl = `${baseUrl}/api/web-publications/${documentId}`;
    await expect(evidence.getByRole('link', { name: apiUrl }).getAttribute('href')).resolves.toBe(
      apiUrl
    );
    await expect(evidence.innerText()).resolves.toMatch(/Respuesta HTTP\s+200/);
    await expect(evidence.getByTestId('evidence-hash').innerText()).resolves.toMatch(
      /^sha256:[0-9a-f]{64}$/
    );
    await expect(evidence.innerText()).resolves.toMatch(/Verificado el\s+\d{1,2} \w+\.? \d{4}/);

    // The answer oficio is a real PDF the link downloads.
    const pdfLink = dialog.getByRole('link', { name: /\(PDF\)/ });
    const href = await pdfLink.getAttribute('href');
    expect(href).toBeTruthy();
    const pdf = await page.request.get(new URL(href!, baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'dialogo-publicado');
    await docsScreenshot(page, 'publicar');

    // Closing the dialog: the item is answered and leaves the queue (or shows «Respondida»).
    await dialog.getByRole('button', { name: 'Listo' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForAppIdle(page);
    const stillListed = await queueRow(page, title).count();
    if (stillListed) {
      await expect(
        queueRow(page, title).getByText('Respondida', { exact: true }).count()
      ).resolves.toBe(1);
    }
    expect(await stateOf(app, 'web-publication', documentId)).toBe('respondida');

    // The site received one signed «publicada» notice for the item.
    await waitFor(
      () => site.received.some((notice) => notice.body.item.documentId === documentId),
      'el aviso al sitio'
    );
    const notices = site.received.filter((notice) => notice.body.item.documentId === documentId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      event: 'publicacion.publicada',
      signatureValid: true,
      body: { event: 'publicacion.publicada', item: { title } },
    });

    await waitFor(
      async () =>
        (await deliveryOf(app, coordinator, documentId, 'publicacion.publicada'))?.status ===
        'entregado',
      'el registro de la entrega'
    );

    // And «Avisos al sitio», reached from the menu, lists it as delivered with its attempt.
    await page.getByRole('link', { name: 'Avisos al sitio' }).click();
    await waitForHeading(page, 'Avisos al sitio');
    await waitForAppIdle(page);
    const row = noticeRow(page, title, 'publicacion.publicada');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Publicación/);
    await expect(row.getByText('Entregado', { exact: true }).count()).resolves.toBe(1);
    await row.getByRole('button', { name: `Ver los intentos de «${title}»` }).click();
    const log = page.getByRole('grid', { name: `Intentos del aviso de «${title}»` });
    await log.waitFor();
    const attempts = log.getByRole('row');
    await expect(attempts.count()).resolves.toBe(2);
    await expect(attempts.nth(1).innerText()).resolves.toMatch(/^1\s.*\s200\s.*\d+ ms$/s);
    await screenshot(page, 'avisos-al-sitio');

    expect(pageErrors(page)).toEqual([]);
  });

  it('retira del sitio desde la ficha del oficio con motivo; el aviso que no llega se reintenta desde Avisos al sitio', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    const coordinator = await loginInBrowser(page, 'coordinador_gobierno_digital');

    // Given: a published and answered web publication, and a site that is down.
    const title = 'Aviso de corte de agua en la cabecera';
    const { documentId, oficio } = await publicationInLista(title, coordinator.user.id);
    const published = await app
      .http()
      .post('/comunicacion/publications/publish')
      .set(coordinator.auth)
      .send({ uid: WEB_PUBLICATION, documentId });
    expect(published.status).toBe(200);
    expect(published.body.data.status).toBe('respondida');
    await waitFor(
      () => site.received.some((notice) => notice.body.item.documentId === documentId),
      'el aviso de publicación'
    );
    site.answerWith(503);

    // When: from the oficio page she withdraws it, first with too short a reason.
    await openAdmin(page, `/plugins/comunicacion/oficios/${oficio.documentId}`);
    await waitForHeading(page, String(oficio.folio));
    const item = page.getByRole('article', { name: title });
    await item.getByRole('button', { name: 'Retirar del sitio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirar del sitio' });
    await dialog.waitFor();
    const reason = dialog.getByRole('textbox', { name: /Motivo del retiro/ });
    await reason.fill('Ya no');
    await dialog.getByRole('button', { name: 'Retirar del sitio' }).click();
    await dialog.getByText('Escribe un motivo de al menos 10 caracteres.').waitFor();
    expect(await stateOf(app, 'web-publication', documentId)).toBe('respondida');

    const why = 'El área informó que el corte se canceló.';
    await reason.fill(why);
    await dialog.getByRole('button', { name: 'Retirar del sitio' }).click();
    await dialog.getByRole('button', { name: 'Listo' }).waitFor();
    await screenshot(page, 'dialogo-retirar');
    await dialog.getByRole('button', { name: 'Listo' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Then: the item is withdrawn with the reason, and the page shows it.
    expect(await stateOf(app, 'web-publication', documentId)).toBe('retirada');
    const stored = (await app.strapi.db
      .query(WEB_PUBLICATION)
      .findOne({ where: { documentId, publishedAt: null } })) as { withdrawalReason: string };
    expect(stored.withdrawalReason).toBe(why);
    await waitForAppIdle(page);
    await expect(item.getByText('Retirada', { exact: true }).count()).resolves.toBe(1);

    // The site was down: the withdrawal notice waits, pending, in Avisos al sitio.
    await waitFor(
      async () =>
        ((await deliveryOf(app, coordinator, documentId, 'publicacion.retirada'))?.attempts ?? 0) >=
        1,
      'el primer intento del aviso de retiro'
    );
    expect(
      site.received.filter(
        (notice) =>
          notice.body.item.documentId === documentId && notice.event === 'publicacion.retirada'
      )
    ).toHaveLength(1);
    await openAdmin(page, '/plugins/comunicacion/sitio/avisos?status=pendiente');
    await waitForHeading(page, 'Avisos al sitio');
    const row = noticeRow(page, title, 'publicacion.retirada');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Retiro/);
    await expect(row.innerText()).resolves.toMatch(/503/);
    await screenshot(page, 'avisos-pendiente');

    // When: the site is back and she retries it now.
    site.answerWith(200);
    await row.getByRole('button', { name: 'Reintentar ahora' }).click();
    await page.getByText(`El sitio recibió el aviso de «${title}».`).waitFor();
    await waitForAppIdle(page);

    // Then: it left the pending list; under «Entregado» it shows both attempts.
    await expect(noticeRow(page, title, 'publicacion.retirada').count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Entregado' }).click();
    await page.waitForURL(/status=entregado/);
    await waitForAppIdle(page);
    const delivered = noticeRow(page, title, 'publicacion.retirada');
    await delivered.waitFor();
    await delivered.getByRole('button', { name: `Ver los intentos de «${title}»` }).click();
    const log = page.getByRole('grid', { name: `Intentos del aviso de «${title}»` });
    await log.waitFor();
    const attempts = await log.getByRole('row').allInnerTexts();
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts[1]).toMatch(/\b503\b/);
    expect(attempts[attempts.length - 1]).toMatch(/\b200\b/);
    await screenshot(page, 'avisos-entregado');

    expect(pageErrors(page)).toEqual([]);
  });

  it('si la página del sitio aún no responde, la verificación falla sin error; «Verificar de nuevo» y luego «Verificar y responder» desde la ficha del oficio terminan el camino', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    const coordinator = await loginInBrowser(page, 'coordinador_gobierno_digital');

    // Given: the office's settings name the site, whose page for the item answers 404 for now.
    const setSiteUrl = (siteUrl: string | null) =>
      app.http().put('/comunicacion/settings').set(coordinator.auth).send({ siteUrl }).expect(200);
    await setSiteUrl(site.siteUrl);
    site.pagesAnswerWith(404);
    try {
      const title = 'Feria del libro 2027';
      const slug = 'feria-del-libro-2027';
      const { documentId, oficio } = await publicationInLista(title, coordinator.user.id, {
        slug,
      });
      const pageUrl = `${site.siteUrl}/publicacion.html?slug=${slug}`;

      // When: she publishes it from the oficio page.
      await openAdmin(page, `/plugins/comunicacion/oficios/${oficio.documentId}`);
      await waitForHeading(page, String(oficio.folio));
      const item = page.getByRole('article', { name: title });
      await item.getByRole('button', { name: 'Publicar en el sitio' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publicar en el sitio' });
      await dialog.getByRole('button', { name: 'Publicar en el sitio' }).click();

      // Then: published and notified, but not verified, with the site's answer as the reason.
      const steps = dialog
        .getByRole('list', { name: 'Pasos de la publicación' })
        .getByRole('listitem');
      await steps.first().waitFor();
      const first = await steps.allTextContents();
      expect(first).toHaveLength(3);
      expect(first[0]).toMatch(/^Publicada\s*Hecho/);
      expect(first[1]).toMatch(/^Aviso al sitio\s*Hecho/);
      expect(first[2]).toMatch(/^Verificada\s*No se completó/);
      expect(first[2]).toContain(`El sitio respondió 404 en ${pageUrl}`);
      await expect(dialog.getByRole('link', { name: /\(PDF\)/ }).count()).resolves.toBe(0);
      expect(await stateOf(app, 'web-publication', documentId)).toBe('publicada');
      await screenshot(page, 'verificacion-fallida');

      // When: she verifies again while the page is still missing.
      const verified = page.waitForResponse((response) =>
        response.url().endsWith('/comunicacion/publications/verify')
      );
      await dialog.getByRole('button', { name: 'Verificar de nuevo' }).click();
      expect((await verified).status()).toBe(200);
      await waitForAppIdle(page);

      // Then: the earlier steps stay in view and the new check failed the same way.
      const again = await steps.allTextContents();
      expect(again).toHaveLength(3);
      expect(again[0]).toMatch(/^Publicada\s*Hecho/);
      expect(again[2]).toMatch(/^Verificada\s*No se completó/);
      expect(again[2]).toContain(`El sitio respondió 404 en ${pageUrl}`);

      // Closing it, the item offers «Verificar y responder» instead of the manual verification.
      await dialog.getByRole('button', { name: 'Listo' }).click();
      await dialog.waitFor({ state: 'detached' });
      await waitForAppIdle(page);
      await expect(item.getByText('Publicada', { exact: true }).count()).resolves.toBe(1);
      await expect(
        item.getByRole('button', { name: 'Registrar verificación' }).count()
      ).resolves.toBe(0);

      // When: the page is up and she chooses «Verificar y responder».
      site.pagesAnswerWith(200);
      await item.getByRole('button', { name: 'Verificar y responder' }).click();
      const verify = page.getByRole('dialog', { name: 'Verificar y responder' });
      await verify.getByRole('button', { name: 'Verificar y responder' }).click();

      // Then: verified against the page and answered with the PDF.
      await verify.getByRole('link', { name: /\(PDF\)/ }).waitFor();
      const done = await verify
        .getByRole('list', { name: 'Pasos de la publicación' })
        .getByRole('listitem')
        .allTextContents();
      expect(done).toHaveLength(2);
      expect(done[0]).toMatch(/^Verificada\s*Hecho/);
      expect(done[1]).toMatch(/^Respondida\s*Hecho/);
      const evidence = verify.getByRole('region', { name: 'Evidencia de la verificación' });
      await expect(evidence.getByRole('link', { name: pageUrl }).count()).resolves.toBe(1);
      await expect(
        verify.getByRole('link', { name: 'Ver la página en el sitio' }).getAttribute('href')
      ).resolves.toBe(pageUrl);
      await expect(
        verify.getByRole('button', { name: 'Verificar de nuevo' }).count()
      ).resolves.toBe(0);
      expect(await stateOf(app, 'web-publication', documentId)).toBe('respondida');
      await screenshot(page, 'verificar-y-responder');

      await verify.getByRole('button', { name: 'Listo' }).click();
      await waitForAppIdle(page);
      await expect(item.getByText('Respondida', { exact: true }).count()).resolves.toBe(1);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      site.pagesAnswerWith(200);
      await setSiteUrl(null);
    }
  });
});
