import crypto from 'node:crypto';
import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import { runInternal } from '../harness/runtime';
import { completeData, createOficio } from '../harness/workflow-fixtures';
import { CHECKS, UID_OF, type Kind } from './site-fixtures';

export { TRANSPARENCY, UID_OF, WEB, type Kind } from './site-fixtures';

export interface PublishableItem {
  uid: string;
  documentId: string;
  oficioDocumentId: string;
  oficioFolio: string;
  title: string;
  slug: string | null;
}

/**
 * An item of its own oficio standing in `state` (default `lista`) with everything publishing
 * needs; the state is set directly (set-up, not a door under test). Titles and slugs are unique.
 */
export const publishableItem = async (
  app: TestApp,
  kind: Kind,
  {
    state = 'lista',
    area = 'DC',
    oficioState,
  }: { state?: string; area?: string; oficioState?: string } = {}
): Promise<PublishableItem> => {
  const uid = UID_OF[kind] as UID.ContentType;
  const suffix = crypto.randomBytes(3).toString('hex');
  const oficio = (await createOficio(app, { area, subject: 'Publicación en el sitio web' })) as {
    documentId: string;
    folio: string;
  };
  if (oficioState) {
    await runInternal(() =>
      app.strapi.documents('api::oficio.oficio').update({
        documentId: oficio.documentId,
        data: { workflowStatus: oficioState } as never,
      })
    );
  }
  const title =
    kind === 'web-publication'
      ? `Convocatoria de becas ${suffix}`
      : `Estructura orgánica ${suffix}`;
  const slug = kind === 'web-publication' ? `convocatoria-de-becas-${suffix}` : null;
  const created = await app.strapi.documents(uid).create({
    data: {
      ...completeData(kind, 0),
      title,
      ...(slug ? { slug } : {}),
      oficio: oficio.documentId,
    } as never,
  });
  await runInternal(() =>
    app.strapi.documents(uid).update({
      documentId: created.documentId,
      data: { ...CHECKS[kind], workflowStatus: state } as never,
    })
  );
  return {
    uid,
    documentId: created.documentId,
    oficioDocumentId: oficio.documentId,
    oficioFolio: oficio.folio,
    title,
    slug,
  };
};

/** The workflow state (kept on the draft). */
export const workflowState = async (app: TestApp, uid: string, documentId: string) =>
  (
    (await app.strapi.db
      .query(uid as UID.ContentType)
      .findOne({ where: { documentId, publishedAt: null }, select: ['workflowStatus'] })) as {
      workflowStatus: string;
    }
  ).workflowStatus;

/** The published version, or null. */
export const publishedRow = (app: TestApp, uid: string, documentId: string) =>
  app.strapi.db
    .query(uid as UID.ContentType)
    .findOne({ where: { documentId, publishedAt: { $notNull: true } } });

/** Rows of the site's delivery log for one item, oldest first. */
export const deliveriesOf = async (app: TestApp, documentId: string) =>
  (await app.strapi.db
    .connection('site_webhook_deliveries')
    .where({ document_id: documentId })
    .orderBy('id')) as Array<{
    id: number;
    event: string;
    status: string;
    attempts: number;
    target_url: string | null;
    payload: string;
    next_attempt_at: string | number | Date | null;
  }>;

/** Attempts of one delivery, in order. */
export const attemptsOf = async (app: TestApp, deliveryId: number) =>
  (await app.strapi.db
    .connection('site_webhook_attempts')
    .where({ delivery_id: deliveryId })
    .orderBy('attempt')) as Array<{
    attempt: number;
    http_status: number | null;
    error: string | null;
    duration_ms: number;
    attempted_at: string | number | Date;
  }>;

/** `sha256:<hex>` of a text, as the evidence records it. */
export const sha256 = (text: string | Buffer) =>
  `sha256:${crypto.createHash('sha256').update(text).digest('hex')}`;

/** Waits until `check` holds (or fails after `timeoutMs`). */
export const eventually = async (check: () => Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('La condición no se cumplió a tiempo.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
