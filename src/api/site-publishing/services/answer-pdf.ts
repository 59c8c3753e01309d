import type { Core, UID } from '@strapi/strapi';
import PDFDocument from 'pdfkit';
import { mexicoCityParts } from '../../../domain/calendar';
import { answerLetterTexts } from '../../../domain/notifications/answer-letter';
import { formatDate, formatTime } from '../../../domain/workflows/values';
import { runAs } from '../../../services/write-context';
import type { Actor } from '../../../domain/workflows';
import { invalid } from '../../../utils/errors';
import { uploadBuffer } from '../../../utils/upload-buffer';
import { OFICIO_UID, STATUS_FIELD } from '../../workflow/services/workflow';
import { WEB_PUBLICATION_UID, type PublishableUid } from '../webhook';
import type { Evidence } from './site-verification';

const COUNTERS = 'site_answer_counters';

/** Everything the answer oficio states. */
export interface AnswerContent {
  answerFolio: string;
  /** The answer's date and the moment it is issued. */
  issuedAt: Date;
  oficio: {
    folio: string;
    senderReference: string | null;
    areaName: string | null;
    subject: string | null;
  };
  item: {
    uid: PublishableUid;
    title: string;
    section?: string | null;
    law?: string | null;
    lawVersion?: string | null;
    article?: string | null;
    fraccion?: string | null;
    ejercicio?: number | null;
    periodStart?: string | null;
    periodEnd?: string | null;
  };
  pageUrl: string | null;
  apiUrl: string;
  publishedAt: Date | null;
  verifiedAt: Date | null;
  evidence: Evidence;
}

export interface AnswerResult {
  folio: string;
  file: { id: number; url: string; name: string };
}

/** `viernes 20 de noviembre de 2026, 10:35 h (hora de la Ciudad de México)` */
const when = (instant: Date | null) =>
  instant
    ? `${formatDate(mexicoCityParts(instant).date)}, ${formatTime(instant)} h (hora de la Ciudad de México)`
    : 'sin registro';

const isoDay = (value: unknown) => {
  if (!value) return null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
};

const asDate = (value: unknown) => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Folio, slug or documentId as part of a file name (no slashes or spaces). */
const fileSafe = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The answer oficio as a letter-size PDF in Helvetica (Spanish text, accents included). */
export const renderAnswerPdf = (content: AnswerContent): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const web = content.item.uid === WEB_PUBLICATION_UID;
    const texts = answerLetterTexts({
      workflow: web ? 'web-publication' : 'transparency-document',
      title: content.item.title,
      answerFolio: content.answerFolio,
      oficioFolio: content.oficio.folio,
    });
    const doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: 60, bottom: 60, left: 72, right: 72 },
      info: {
        Title: texts.title,
        Author: 'Dirección de Comunicación Social y Gobierno Digital',
        Subject: content.item.title,
        CreationDate: content.issuedAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const heading = (text: string) => {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(text);
      doc.moveDown(0.2);
    };
    const field = (label: string, value: string | number | null | undefined) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${label}: `, { continued: true })
        .font('Helvetica')
        .text(value === null || value === undefined || value === '' ? '—' : String(value));
    };

    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text('H. Ayuntamiento de Calimaya', { align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text('Dirección de Comunicación Social y Gobierno Digital', { align: 'center' });
    doc.moveDown(1.2);

    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`Oficio: ${content.answerFolio}`, { align: 'right' });
    doc
      .font('Helvetica')
      .text(`Calimaya, Estado de México, a ${formatDate(mexicoCityParts(content.issuedAt).date)}`, {
        align: 'right',
      });
    doc.text(texts.subject, { align: 'right' });
    doc.moveDown(1);

    field('Área solicitante', content.oficio.areaName);
    field('Oficio recibido', content.oficio.folio);
    field('Referencia del área', content.oficio.senderReference);
    field('Asunto del oficio', content.oficio.subject);
    doc.moveDown(0.8);

    doc.font('Helvetica').fontSize(10).text(texts.intro, { align: 'justify' });

    heading('Qué se publicó');
    field('Título', content.item.title);
    field('Tipo', texts.kind);
    if (web) {
      field('Sección', content.item.section);
    } else {
      field(
        'Ley',
        [content.item.law, content.item.lawVersion ? `(${content.item.lawVersion})` : null]
          .filter(Boolean)
          .join(' ')
      );
      field('Artículo', content.item.article);
      field('Fracción', content.item.fraccion);
      field('Ejercicio', content.item.ejercicio);
      const start = isoDay(content.item.periodStart);
      const end = isoDay(content.item.periodEnd);
      field('Periodo', start && end ? `del ${formatDate(start)} al ${formatDate(end)}` : null);
    }

    heading('Dónde');
    field('Página del sitio', content.pageUrl ?? 'sin sitio web configurado');
    field('Contenido público (API)', content.apiUrl);

    heading('Cuándo');
    field(texts.publishedLabel, when(content.publishedAt));
    field(texts.verifiedLabel, when(content.verifiedAt ?? new Date(content.evidence.checkedAt)));

    heading('Evidencia de la verificación');
    const { api, page } = content.evidence;
    field('Contenido público', `HTTP ${api.httpStatus}`);
    field('Huella del contenido', api.contentHash);
    if (page) {
      field('Página del sitio', `HTTP ${page.httpStatus}`);
      field('Huella de la página', page.contentHash);
    }
    doc.moveDown(0.4);
    doc
      .font('Helvetica-Oblique')
      .fontSize(8.5)
      .text(
        'La huella SHA-256 permite comprobar que lo consultado en la verificación es idéntico a lo publicado.'
      );

    doc.moveDown(2);
    doc.font('Helvetica').fontSize(10).text('Atentamente', { align: 'center' });
    doc.moveDown(0.3);
    doc
      .font('Helvetica-Bold')
      .text('Dirección de Comunicación Social y Gobierno Digital', { align: 'center' });
    doc.end();
  });

interface ItemRow {
  documentId: string;
  title?: string | null;
  slug?: string | null;
  section?: string | null;
  law?: string | null;
  lawVersion?: string | null;
  article?: string | null;
  fraccion?: string | null;
  ejercicio?: number | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  verifiedAt?: string | null;
  workflowStatus: string;
  verificationEvidence?: Evidence | null;
  oficio?: {
    documentId: string;
    folio: string;
    senderReference?: string | null;
    subject?: string | null;
    responseFolio?: string | null;
    responseDate?: string | null;
    responseDocument?: { id: number } | null;
    area?: { name?: string | null } | null;
  } | null;
}

/**
 * The answer oficio of a verified item: its folio (`<oficio folio>-R<n>`, numbered per oficio
 * without gaps), the PDF in the media library as `respuesta-<folio>-<slug or documentId>.pdf`,
 * attached to the item and to its oficio, and the item moved `verificada → respondida`.
 */
export const createAnswerPdfService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The next answer number of an oficio, in the caller's transaction (row lock serialises it). */
  const nextNumber = (oficioDocumentId: string) =>
    strapi.db.transaction(async ({ trx }) => {
      const schema = strapi.db.getSchemaName();
      const table = () => (schema ? trx(COUNTERS).withSchema(schema) : trx(COUNTERS));
      await table()
        .insert({ oficio_document_id: oficioDocumentId, last: 0 })
        .onConflict('oficio_document_id')
        .ignore();
      await table().where({ oficio_document_id: oficioDocumentId }).increment('last', 1);
      const row = await table().where({ oficio_document_id: oficioDocumentId }).first('last');
      return Number(row.last);
    });

  const uploadPdf = (buffer: Buffer, name: string, caption: string) =>
    uploadBuffer(strapi, buffer, { name, mimetype: 'application/pdf', fileInfo: { caption } });

  return {
    render: renderAnswerPdf,

    /**
     * Answers a `verificada` item on behalf of `actor`. Everything is written in one transaction:
     * a refusal leaves no folio used, no file row and the item where it was.
     */
    async answer(
      uid: PublishableUid,
      documentId: string,
      actor: Actor,
      { apiUrl, pageUrl }: { apiUrl: string; pageUrl: string | null }
    ): Promise<AnswerResult> {
      const row = (await strapi.db.query(uid as UID.ContentType).findOne({
        where: { documentId, publishedAt: null },
        populate: {
          oficio: {
            select: [
              'documentId',
              'folio',
              'senderReference',
              'subject',
              'responseFolio',
              'responseDate',
            ],
            populate: { area: { select: ['name'] }, responseDocument: { select: ['id'] } },
          },
        },
      })) as ItemRow | null;
      if (!row) throw invalid('NOT_FOUND', 'No existe ese registro.');
      if (row[STATUS_FIELD as 'workflowStatus'] !== 'verificada') {
        throw invalid(
          'INVALID_TRANSITION',
          'Solo se responde el oficio de un registro verificado en el sitio.',
          { from: row.workflowStatus, to: 'respondida' }
        );
      }
      const evidence = row.verificationEvidence;
      if (!evidence || !evidence.api) {
        throw invalid('MISSING_DATA', 'Falta la evidencia de la verificación en el sitio.', {
          fields: ['verificationEvidence'],
        });
      }
      const oficio = row.oficio;
      if (!oficio) {
        throw invalid(
          'MISSING_DATA',
          'El registro no pertenece a un oficio: no hay a quién responder.',
          {
            fields: ['oficio'],
          }
        );
      }
      const published = (await strapi.db.query(uid as UID.ContentType).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['publishedAt'],
      })) as { publishedAt?: string | null } | null;

      let uploaded: { id: number; url: string; name: string; hash: string; ext: string } | null =
        null;
      try {
        return await strapi.db.transaction(async () => {
          const folio = `${oficio.folio}-R${await nextNumber(oficio.documentId)}`;
          const issuedAt = new Date();
          const buffer = await renderAnswerPdf({
            answerFolio: folio,
            issuedAt,
            oficio: {
              folio: oficio.folio,
              senderReference: oficio.senderReference ?? null,
              areaName: oficio.area?.name ?? null,
              subject: oficio.subject ?? null,
            },
            item: { uid, ...row, title: String(row.title ?? '') },
            pageUrl: evidence.page?.url ?? pageUrl,
            apiUrl: evidence.api.url ?? apiUrl,
            publishedAt: asDate(published?.publishedAt),
            verifiedAt: asDate(row.verifiedAt),
            evidence,
          });
          const name = `respuesta-${fileSafe(oficio.folio)}-${fileSafe(row.slug || documentId)}.pdf`;
          uploaded = await uploadPdf(buffer, name, `Oficio de respuesta ${folio}`);
          const file = uploaded;

          const responseDay = mexicoCityParts(issuedAt).date;
          const oficioChanges: Record<string, unknown> = {};
          if (!oficio.responseDocument) oficioChanges.responseDocument = file.id;
          if (!oficio.responseFolio) oficioChanges.responseFolio = folio;
          if (!oficio.responseDate) oficioChanges.responseDate = responseDay;
          if (Object.keys(oficioChanges).length > 0) {
            await runAs(actor, () =>
              strapi.documents(OFICIO_UID).update({
                documentId: oficio.documentId,
                data: oficioChanges as never,
              })
            );
          }
          await runAs(
            actor,
            () =>
              strapi.documents(uid as UID.ContentType).update({
                documentId,
                data: { responseDocument: file.id, [STATUS_FIELD]: 'respondida' } as never,
              }),
            `Oficio de respuesta ${folio}`
          );
          return { folio, file: { id: file.id, url: file.url, name: file.name } };
        });
      } catch (error) {
        // The file row rolled back with the transaction; the stored bytes go too.
        const orphan = uploaded as { url: string; hash: string; ext: string } | null;
        if (orphan) {
          await Promise.resolve(strapi.plugin('upload').provider.delete(orphan)).catch(
            () => undefined
          );
        }
        throw error;
      }
    },
  };
};

export type AnswerPdfService = ReturnType<typeof createAnswerPdfService>;

export default createAnswerPdfService;
