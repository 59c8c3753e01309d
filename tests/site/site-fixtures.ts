import crypto from 'node:crypto';
import type { UID } from '@strapi/strapi';
import type { TestApp } from '../harness/app';
import { runAs, runInternal } from '../harness/runtime';
import { completeData, createOficio } from '../harness/workflow-fixtures';
import { STATUS_FIELD } from '../../src/api/workflow/services/workflow';
import type { Actor } from '../../src/domain/workflows';

export const WEB = 'api::web-publication.web-publication';
export const TRANSPARENCY = 'api::transparency-document.transparency-document';
export const STATE_LAW =
  'Ley de Transparencia y Acceso a la Información Pública del Estado de México y Municipios';

const SYSTEM: Actor = { kind: 'system', roles: ['system'], id: null, name: 'Sistema' };

/** A word no other row contains, so a test can isolate its own rows. */
export const token = () => `zq${crypto.randomBytes(4).toString('hex')}`;

export type Kind = 'web-publication' | 'transparency-document';
export const UID_OF: Record<Kind, string> = {
  'web-publication': WEB,
  'transparency-document': TRANSPARENCY,
};
/** The content reviews each kind needs before `lista`. */
export const CHECKS: Record<Kind, Record<string, boolean>> = {
  'web-publication': {
    spellingChecked: true,
    plainLanguageChecked: true,
    personalDataChecked: true,
  },
  'transparency-document': { personalDataChecked: true },
};

/**
 * A work item standing in `lista` with the given content (the state is set directly: set-up, not
 * a door under test). Its documentId.
 */
export const readyItem = async (app: TestApp, kind: Kind, data: Record<string, unknown>) => {
  const uid = UID_OF[kind] as UID.ContentType;
  const oficio = await createOficio(app);
  const created = await app.strapi.documents(uid).create({
    data: { ...completeData(kind, 0), ...data, oficio: oficio.documentId } as never,
  });
  await runInternal(() =>
    app.strapi.documents(uid).update({
      documentId: created.documentId,
      data: { ...CHECKS[kind], [STATUS_FIELD]: 'lista' } as never,
    })
  );
  return created.documentId;
};

/** Fires a workflow transition as the system, through the Document Service. */
export const moveTo = (
  app: TestApp,
  kind: Kind,
  documentId: string,
  to: string,
  data: Record<string, unknown> = {}
) =>
  runAs(
    SYSTEM,
    () =>
      app.strapi.documents(UID_OF[kind] as UID.ContentType).update({
        documentId,
        data: { ...data, [STATUS_FIELD]: to } as never,
      }),
    'Movimiento de prueba'
  );

/** A work item brought through the workflow to `publicada` (lista → publicada publishes it). */
export const publishedItem = async (app: TestApp, kind: Kind, data: Record<string, unknown>) => {
  const documentId = await readyItem(app, kind, data);
  await moveTo(app, kind, documentId, 'publicada');
  return documentId;
};

/** A media library row (no file on disk: the API only reads its metadata). */
export const mediaFile = async (
  app: TestApp,
  name: string,
  extra: Record<string, unknown> = {}
): Promise<{ id: number; url: string }> => {
  const hash = `${name.replace(/\W/g, '_')}_${crypto.randomBytes(4).toString('hex')}`;
  const ext = name.slice(name.lastIndexOf('.'));
  return (await app.strapi.db.query('plugin::upload.file').create({
    data: {
      name,
      hash,
      ext,
      mime: 'application/pdf',
      size: 12.5,
      url: `/uploads/${hash}${ext}`,
      provider: 'local',
      ...extra,
    },
  })) as { id: number; url: string };
};
