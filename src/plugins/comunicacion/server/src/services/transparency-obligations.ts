import type { Core, UID } from '@strapi/strapi';
import {
  countByStatus,
  isoDateOf,
  mexicoCityParts,
  obligationWarnings,
  toIso,
  type Frequency,
  type ObligationStatus,
} from '../app';
import type {
  ListTransparencyObligations,
  ObligationWarningDto,
} from '../../../shared/contracts/transparency';

const OBLIGATION_UID = 'api::transparency-obligation.transparency-obligation' as UID.ContentType;
const DOCUMENT_UID = 'api::transparency-document.transparency-document' as UID.ContentType;
/** Workflow states of a document that is on the site. */
const PUBLISHED_STATES = ['publicada', 'verificada', 'respondida'];

interface ObligationRow {
  documentId: string;
  law: string;
  lawVersion: string | null;
  article: string;
  fraccion: string;
  title: string;
  responsibleArea: string | null;
  frequency: Frequency;
  updateWindowDays: number | null;
  active: boolean | number | null;
}

interface DocumentRow {
  documentId: string;
  title: string;
  law: string | null;
  article: string | null;
  fraccion: string | null;
  periodEnd: unknown;
  updatedOn: unknown;
  publishedAt: string | number | Date | null;
}

export const createTransparencyObligationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Documents on the site: the published version of each, or the draft when it stands in a
   * published state without one.
   */
  const publishedDocuments = async (): Promise<DocumentRow[]> => {
    const rows = (await strapi.db.query(DOCUMENT_UID).findMany({
      select: [
        'documentId',
        'title',
        'law',
        'article',
        'fraccion',
        'periodEnd',
        'updatedOn',
        'publishedAt',
      ],
      where: {
        $or: [
          { publishedAt: { $notNull: true } },
          { publishedAt: { $null: true }, workflowStatus: { $in: PUBLISHED_STATES } },
        ],
      },
    })) as DocumentRow[];
    const byDocument = new Map<string, DocumentRow>();
    for (const row of rows) {
      const kept = byDocument.get(row.documentId);
      if (!kept || (!kept.publishedAt && row.publishedAt)) byDocument.set(row.documentId, row);
    }
    return [...byDocument.values()];
  };

  return {
    /** The warning list of the active obligations on the Mexico City date of `now`. */
    async list(now = new Date()): Promise<ListTransparencyObligations.Response> {
      const today = mexicoCityParts(now).date;
      const obligations = (await strapi.db.query(OBLIGATION_UID).findMany({
        select: [
          'documentId',
          'law',
          'lawVersion',
          'article',
          'fraccion',
          'title',
          'responsibleArea',
          'frequency',
          'updateWindowDays',
          'active',
        ],
      })) as ObligationRow[];
      const warnings = obligationWarnings(
        obligations.map((row) => ({
          ...row,
          active: Boolean(row.active),
          updateWindowDays: Number(row.updateWindowDays ?? 30),
        })),
        await publishedDocuments(),
        today
      );

      const data: ObligationWarningDto[] = warnings.map((warning) => {
        const { obligation, latestDocument } = warning;
        return {
          documentId: obligation.documentId,
          law: obligation.law,
          lawVersion: obligation.lawVersion ?? null,
          article: obligation.article,
          fraccion: obligation.fraccion,
          title: obligation.title,
          responsibleArea: obligation.responsibleArea ?? null,
          frequency: obligation.frequency,
          updateWindowDays: obligation.updateWindowDays,
          lastClosedPeriod: warning.lastClosedPeriod,
          deadline: warning.deadline,
          latestDocument: latestDocument
            ? {
                documentId: latestDocument.documentId,
                title: latestDocument.title,
                periodEnd: isoDateOf(latestDocument.periodEnd) ?? '',
                publishedAt: toIso(latestDocument.publishedAt),
              }
            : null,
          status: warning.status,
          daysLeft: warning.daysLeft,
        };
      });
      return { data, meta: { counts: countByStatus(warnings), today } };
    },

    /** Only the obligations in `status`, with the counts of all. */
    async listByStatus(status: ObligationStatus | undefined, now = new Date()) {
      const all = await this.list(now);
      return status ? { ...all, data: all.data.filter((item) => item.status === status) } : all;
    },
  };
};

export type TransparencyObligationsService = ReturnType<
  typeof createTransparencyObligationsService
>;

export default createTransparencyObligationsService;
