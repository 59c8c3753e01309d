import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STATE_LABELS, type Actor } from '../../../domain/workflows';
import { runAs } from '../../../services/write-context';
import { invalid } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { STATUS_FIELD } from '../../workflow/services/workflow';
import { apiUrlOf, pageUrlOf, siteUrl } from '../locations';
import { itemType, WEB_PUBLICATION_UID, type PublishableUid } from '../webhook';
import type { DeliveryDto } from './site-webhook';
import type { Evidence } from './site-verification';

/** Caption of the answer PDF; the status reads the folio back from it. */
const ANSWER_CAPTION = /^Oficio de respuesta (\S+)/;

export interface PublicationStep {
  key: 'publicada' | 'aviso' | 'verificada' | 'respondida';
  ok: boolean;
  message: string;
}

export interface PublicationResult {
  uid: PublishableUid;
  documentId: string;
  title: string;
  status: string;
  steps: PublicationStep[];
  evidence: Evidence | null;
  answer: { url: string; name: string; folio: string | null } | null;
  delivery: DeliveryDto | null;
  pageUrl: string | null;
}

interface DraftRow {
  documentId: string;
  title?: string | null;
  slug?: string | null;
  workflowStatus: string;
  verificationEvidence?: Evidence | null;
  responseDocument?: { url: string; name: string; caption?: string | null } | null;
}

const ON_SITE = new Set(['publicada', 'verificada', 'respondida']);

const labelOf = (uid: PublishableUid, state: string) =>
  STATE_LABELS[itemType(uid)]?.[state] ?? state;

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error ?? 'Error desconocido');

/** The step of the site notice, as staff read it. */
const noticeStep = (delivery: DeliveryDto | null): PublicationStep | null => {
  if (!delivery) return null;
  const what = delivery.event === 'publicacion.retirada' ? 'del retiro' : 'de la publicación';
  if (delivery.status === 'sin_destino') {
    return {
      key: 'aviso',
      ok: false,
      message: `No hay webhook del sitio configurado: el aviso ${what} (#${delivery.id}) quedó en la bitácora sin enviarse.`,
    };
  }
  if (delivery.status === 'entregado') {
    return {
      key: 'aviso',
      ok: true,
      message: `El sitio recibió el aviso ${what} (#${delivery.id}).`,
    };
  }
  if (delivery.attempts === 0) {
    return {
      key: 'aviso',
      ok: true,
      message: `Aviso ${what} al sitio en cola (#${delivery.id}): se envía ahora y se reintenta hasta que el sitio lo reciba.`,
    };
  }
  return {
    key: 'aviso',
    ok: false,
    message: `El sitio aún no recibe el aviso ${what} (#${delivery.id}) tras ${delivery.attempts} intento(s): ${delivery.lastError ?? 'sin respuesta'}. Se reintenta automáticamente.`,
  };
};

/**
 * The publishing path of the plugin: publish (lista → publicada, with the site notice queued in
 * the same transaction), verify over HTTP (→ verificada with the evidence) and answer the oficio
 * with the PDF (→ respondida); withdraw (→ retirada, with its own notice). Every state change
 * goes through the Document Service on behalf of the staff member, so every rule and the log apply.
 */
export const createSitePublishingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const webhook = () => getService('site-webhook', strapi);

  const load = async (uid: PublishableUid, documentId: string) => {
    const row = (await strapi.db.query(uid as UID.ContentType).findOne({
      where: { documentId, publishedAt: null },
      select: [
        'documentId',
        'title',
        STATUS_FIELD,
        'verificationEvidence',
        ...(uid === WEB_PUBLICATION_UID ? ['slug'] : []),
      ],
      populate: { responseDocument: { select: ['url', 'name', 'caption'] } },
    })) as DraftRow | null;
    if (!row) throw new errors.NotFoundError('No existe ese registro.', { code: 'NOT_FOUND' });
    return row;
  };

  const moveTo = (
    uid: PublishableUid,
    documentId: string,
    actor: Actor,
    data: Record<string, unknown>,
    comment: string | null
  ) =>
    runAs(
      actor,
      () => strapi.documents(uid as UID.ContentType).update({ documentId, data: data as never }),
      comment
    );

  const result = async (
    uid: PublishableUid,
    documentId: string,
    steps: PublicationStep[],
    answerFolio?: string
  ): Promise<PublicationResult> => {
    const row = await load(uid, documentId);
    const file = row.responseDocument ?? null;
    return {
      uid,
      documentId,
      title: String(row.title ?? ''),
      status: row.workflowStatus,
      steps,
      evidence: row.verificationEvidence ?? null,
      answer: file
        ? {
            url: file.url,
            name: file.name,
            folio: answerFolio ?? ANSWER_CAPTION.exec(file.caption ?? '')?.[1] ?? null,
          }
        : null,
      delivery: await webhook().latestFor(uid, documentId),
      pageUrl: pageUrlOf(await siteUrl(strapi), uid, row),
    };
  };

  /** Verifies a `publicada` item and answers a `verificada` one; failures become steps. */
  const verifyAndAnswer = async (
    uid: PublishableUid,
    documentId: string,
    actor: Actor,
    steps: PublicationStep[]
  ) => {
    let state = (await load(uid, documentId)).workflowStatus;
    if (state === 'publicada') {
      const outcome = await getService('site-verification', strapi).check(uid, documentId);
      if (!outcome.ok) {
        steps.push({ key: 'verificada', ok: false, message: outcome.reason });
        return undefined;
      }
      try {
        await moveTo(
          uid,
          documentId,
          actor,
          { verificationEvidence: outcome.evidence, [STATUS_FIELD]: 'verificada' },
          `Verificación en el sitio: ${outcome.evidence.url} respondió ${outcome.evidence.httpStatus}.`
        );
      } catch (error) {
        steps.push({ key: 'verificada', ok: false, message: messageOf(error) });
        return undefined;
      }
      const { evidence } = outcome;
      steps.push({
        key: 'verificada',
        ok: true,
        message: `Verificado: ${evidence.url} respondió ${evidence.httpStatus} (${evidence.contentHash}).`,
      });
      state = 'verificada';
    }
    if (state !== 'verificada') return undefined;
    try {
      const site = await siteUrl(strapi);
      const row = await load(uid, documentId);
      const answer = await getService('answer-pdf', strapi).answer(uid, documentId, actor, {
        apiUrl: apiUrlOf(strapi, uid, documentId),
        pageUrl: pageUrlOf(site, uid, row),
      });
      steps.push({
        key: 'respondida',
        ok: true,
        message: `Oficio de respuesta ${answer.folio} generado y adjunto al oficio.`,
      });
      return answer.folio;
    } catch (error) {
      strapi.log.warn(`No se pudo responder ${uid} ${documentId}: ${messageOf(error)}`);
      steps.push({
        key: 'respondida',
        ok: false,
        message: `No se pudo generar el oficio de respuesta: ${messageOf(error)}`,
      });
      return undefined;
    }
  };

  /** Queues nothing itself: the notice was written with the transition; this only speeds it up. */
  const kickNotice = async (uid: PublishableUid, documentId: string) => {
    const delivery = await webhook().latestFor(uid, documentId);
    if (delivery?.status === 'pendiente' && delivery.attempts === 0) webhook().kick(delivery.id);
    return delivery;
  };

  return {
    /** lista → publicada → (notice) → verificada → respondida, as far as each step allows. */
    async publish(input: {
      uid: PublishableUid;
      documentId: string;
      actor: Actor;
      comment?: string | null;
    }): Promise<PublicationResult> {
      const { uid, documentId, actor } = input;
      const before = await load(uid, documentId);
      if (ON_SITE.has(before.workflowStatus)) {
        throw invalid(
          'INVALID_TRANSITION',
          `El registro ya está publicado («${labelOf(uid, before.workflowStatus)}»): solo se publica desde «Lista».`,
          { from: before.workflowStatus, to: 'publicada' }
        );
      }
      // The engine refuses any other state, the blackout and the roles, with its own message.
      await moveTo(uid, documentId, actor, { [STATUS_FIELD]: 'publicada' }, input.comment ?? null);

      const steps: PublicationStep[] = [
        { key: 'publicada', ok: true, message: 'Publicado en el sitio (Strapi).' },
      ];
      const notice = noticeStep(await kickNotice(uid, documentId));
      if (notice) steps.push(notice);
      const folio = await verifyAndAnswer(uid, documentId, actor, steps);
      return result(uid, documentId, steps, folio);
    },

    /** From `publicada` verifies and answers; from `verificada` only answers. */
    async verify(input: {
      uid: PublishableUid;
      documentId: string;
      actor: Actor;
    }): Promise<PublicationResult> {
      const { uid, documentId, actor } = input;
      const { workflowStatus } = await load(uid, documentId);
      if (workflowStatus !== 'publicada' && workflowStatus !== 'verificada') {
        throw invalid(
          'INVALID_TRANSITION',
          `Solo se verifica un registro «Publicada» o se responde uno «Verificada»; este está en «${labelOf(uid, workflowStatus)}».`,
          { from: workflowStatus, to: workflowStatus === 'lista' ? 'publicada' : 'verificada' }
        );
      }
      const steps: PublicationStep[] = [];
      const folio = await verifyAndAnswer(uid, documentId, actor, steps);
      return result(uid, documentId, steps, folio);
    },

    /** → retirada (Strapi unpublish) with the reason, and the site notice. */
    async withdraw(input: {
      uid: PublishableUid;
      documentId: string;
      actor: Actor;
      reason: string;
    }): Promise<PublicationResult> {
      const { uid, documentId, actor } = input;
      // The workflow's guard asks for a reason of MIN_WITHDRAWAL_REASON characters at every door.
      const reason = input.reason.trim();
      const before = await load(uid, documentId);
      if (!ON_SITE.has(before.workflowStatus)) {
        throw invalid(
          'INVALID_TRANSITION',
          `Solo se retira del sitio lo publicado; este registro está en «${labelOf(uid, before.workflowStatus)}».`,
          { from: before.workflowStatus, to: 'retirada' }
        );
      }
      await moveTo(
        uid,
        documentId,
        actor,
        { [STATUS_FIELD]: 'retirada', withdrawalReason: reason },
        reason
      );
      const steps: PublicationStep[] = [];
      const notice = noticeStep(await kickNotice(uid, documentId));
      if (notice) steps.push(notice);
      return result(uid, documentId, steps);
    },

    /** Where the item stands: state, evidence, answer and latest notice, as steps. */
    async status(uid: PublishableUid, documentId: string): Promise<PublicationResult> {
      const row = await load(uid, documentId);
      const state = row.workflowStatus;
      const steps: PublicationStep[] = [];
      if (ON_SITE.has(state)) {
        steps.push({ key: 'publicada', ok: true, message: 'Publicado en el sitio.' });
      }
      const notice = noticeStep(await webhook().latestFor(uid, documentId));
      if (notice) steps.push(notice);
      if (state === 'publicada') {
        steps.push({ key: 'verificada', ok: false, message: 'Falta verificar la publicación.' });
      } else if (state === 'verificada' || state === 'respondida') {
        const evidence = row.verificationEvidence;
        steps.push({
          key: 'verificada',
          ok: true,
          message: evidence
            ? `Verificado: ${evidence.url} respondió ${evidence.httpStatus}.`
            : 'Verificado.',
        });
        steps.push(
          state === 'respondida'
            ? { key: 'respondida', ok: true, message: 'Oficio de respuesta adjunto.' }
            : { key: 'respondida', ok: false, message: 'Falta el oficio de respuesta.' }
        );
      }
      return result(uid, documentId, steps);
    },
  };
};

export type SitePublishingService = ReturnType<typeof createSitePublishingService>;

export default createSitePublishingService;
