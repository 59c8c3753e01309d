import type { Core } from '@strapi/strapi';
import PDFDocument from 'pdfkit';
import { mexicoCityParts } from '../../../domain/calendar';
import {
  OFICIO_UID,
  STATUS_FIELD,
  WORKFLOW_LABELS,
  type WorkItemKey,
} from '../../../domain/workflows';
import {
  missingInformationSentence,
  missingIntake,
} from '../../../domain/workflows/intake-requirements';
import { formatDate, formatTime } from '../../../domain/workflows/values';
import { runInternal } from '../../../services/write-context';
import { getService } from '../../../utils/get-service';
import { readStoredFile } from '../../../utils/stored-file';
import { uploadBuffer } from '../../../utils/upload-buffer';

/** Everything the acuse de recibo states. */
export interface AcuseContent {
  folio: string;
  areaName: string | null;
  senderReference: string | null;
  subject: string;
  receivedAt: Date;
  /** The business day the reception counts on (YYYY-MM-DD). */
  receptionDay: string | null;
  services: {
    workflow: WorkItemKey;
    title: string;
    message: string;
    dueAt: string | null;
  }[];
  /** What the oficio waits for, while it is in «Información incompleta». */
  missingInformation?: string | null;
  issuedAt: Date;
}

/** `acuse-DCSGD-0007-2027.pdf` */
export const acuseFileName = (folio: string) =>
  `acuse-${folio
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')}.pdf`;

/** «viernes 13 de noviembre de 2026, 10:00 h» (Mexico City) */
const dateAndTime = (instant: Date) =>
  `${formatDate(mexicoCityParts(instant).date)}, ${formatTime(instant)} h`;

/**
 * The acuse de recibo as a letter-size PDF in Helvetica. Streams are left uncompressed: the file
 * is small, and its text can be searched and checked as it is.
 */
export const renderAcusePdf = (content: AcuseContent): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'LETTER',
      compress: false,
      margins: { top: 60, bottom: 60, left: 72, right: 72 },
      info: {
        Title: `Acuse de recibo ${content.folio}`,
        Author: 'Dirección de Comunicación Social y Gobierno Digital',
        Subject: content.subject,
        CreationDate: content.issuedAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const field = (label: string, value: string | null | undefined) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${label}: `, { continued: true })
        .font('Helvetica')
        .text(value === null || value === undefined || value === '' ? '—' : value);
    };

    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text('H. Ayuntamiento de Calimaya', { align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text('Dirección de Comunicación Social y Gobierno Digital', { align: 'center' });
    doc.moveDown(1);
    doc.font('Helvetica-Bold').fontSize(13).text('Acuse de recibo', { align: 'center' });
    doc.moveDown(1);

    field('Folio', content.folio);
    field('Área solicitante', content.areaName);
    field('Número de oficio del área', content.senderReference);
    field('Asunto', content.subject);
    field('Recibido el', `${dateAndTime(content.receivedAt)} (hora de la Ciudad de México)`);
    field('Día hábil de recepción', content.receptionDay ? formatDate(content.receptionDay) : null);

    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text('Servicios solicitados');
    doc.moveDown(0.3);
    if (content.services.length === 0) {
      doc.font('Helvetica').fontSize(10).text('Ninguno.');
    }
    content.services.forEach((service, index) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${index + 1}. ${WORKFLOW_LABELS[service.workflow]}: ${service.title}`);
      doc.font('Helvetica').fontSize(10).text(service.message, { indent: 14 });
      // The verdict already names the due date once it is known.
      if (!service.message.includes('Fecha compromiso')) {
        doc.text(`Fecha compromiso: ${service.dueAt ? formatDate(service.dueAt) : 'por definir'}`, {
          indent: 14,
        });
      }
      doc.moveDown(0.3);
    });

    if (content.missingInformation) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text('Información faltante');
      doc.moveDown(0.3);
      doc.font('Helvetica').fontSize(10).text(content.missingInformation);
      doc.text(
        'El trabajo empieza cuando el área envía estos datos; mientras tanto el oficio queda en ' +
          '«Información incompleta».'
      );
    }

    doc.moveDown(1);
    doc
      .font('Helvetica-Oblique')
      .fontSize(8.5)
      .text(
        'Un oficio recibido en día inhábil o después del horario de atención cuenta como recibido ' +
          'el siguiente día hábil. Los plazos se cuentan en días hábiles desde ese día.'
      );
    doc.moveDown(0.5);
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .text(`Emitido el ${dateAndTime(content.issuedAt)}.`);
    doc.end();
  });

interface OficioRow {
  documentId: string;
  folio: string;
  senderReference?: string | null;
  subject?: string | null;
  receivedAt: string | Date;
  receptionDay?: string | null;
  [STATUS_FIELD]?: string | null;
  missingInformation?: string | null;
  area?: { name?: string | null } | null;
  acuse?: { id: number; url: string; provider?: string; name: string } | null;
}

/**
 * The acuse de recibo of an oficio: built from what is stored (folio, reception, services with
 * their lead-time verdict and due date), kept in the media library and attached to the oficio.
 * The office's panel and the areas' portal answer the same file.
 */
export const createAcuseService = ({ strapi }: { strapi: Core.Strapi }) => {
  const load = async (documentId: string) =>
    (await strapi.db.query(OFICIO_UID).findOne({
      where: { documentId },
      select: [
        'documentId',
        'folio',
        'senderReference',
        'subject',
        'receivedAt',
        'receptionDay',
        STATUS_FIELD,
        'missingInformation',
      ],
      populate: { area: { select: ['name'] }, acuse: true },
    })) as OficioRow | null;

  const contentOf = async (row: OficioRow): Promise<AcuseContent> => {
    const registration = getService('oficio-registration', strapi);
    const receivedAt = new Date(
      row.receivedAt instanceof Date ? row.receivedAt : String(row.receivedAt)
    );
    const services = [];
    for (const { workflow, row: item } of await registration.itemsOf(row.documentId)) {
      // A service still lacking its data has no firm due date yet (it may depend on that data).
      const lacking = missingIntake(workflow, item).length > 0;
      const dueAt = item.dueAt && !lacking ? String(item.dueAt).slice(0, 10) : null;
      const verdict = await registration.verdict(workflow, item, receivedAt, dueAt);
      services.push({ workflow, title: String(item.title ?? ''), message: verdict.message, dueAt });
    }
    const waiting = row[STATUS_FIELD] === 'informacion_incompleta';
    const missingInformation = waiting
      ? (missingInformationSentence(await registration.lacksOf(row.documentId)) ??
        row.missingInformation ??
        null)
      : null;
    return {
      folio: row.folio,
      missingInformation,
      areaName: row.area?.name ?? null,
      senderReference: row.senderReference ?? null,
      subject: String(row.subject ?? ''),
      receivedAt,
      receptionDay: row.receptionDay ? String(row.receptionDay).slice(0, 10) : null,
      services,
      issuedAt: new Date(),
    };
  };

  const upload = (buffer: Buffer, name: string, caption: string) =>
    // Private: it names the area's oficio and its services; read through the routes that check who asks.
    uploadBuffer(strapi, buffer, {
      name,
      mimetype: 'application/pdf',
      fileInfo: { caption },
      private: true,
    });

  const service = {
    render: renderAcusePdf,
    fileName: acuseFileName,

    /**
     * Builds the acuse of an oficio and stores it with the oficio (inside the caller's
     * transaction, if any). The acuse is the system's own record: written as an engine write, so
     * it is kept even for an oficio closed before acuses existed.
     */
    async store(documentId: string) {
      const row = await load(documentId);
      if (!row) return null;
      const buffer = await renderAcusePdf(await contentOf(row));
      const file = await upload(
        buffer,
        acuseFileName(row.folio),
        `Acuse de recibo del oficio ${row.folio}`
      );
      await runInternal(() =>
        strapi.documents(OFICIO_UID).update({ documentId, data: { acuse: file.id } as never })
      );
      return { buffer, file, folio: row.folio };
    },

    /** The acuse's bytes and file name: the stored one, generated and stored if missing. */
    async read(documentId: string): Promise<{ buffer: Buffer; fileName: string } | null> {
      const row = await load(documentId);
      if (!row) return null;
      const stored = row.acuse ? await readStoredFile(strapi, row.acuse) : null;
      if (stored) return { buffer: stored, fileName: acuseFileName(row.folio) };
      const created = await strapi.db.transaction(() => service.store(documentId));
      return created ? { buffer: created.buffer, fileName: acuseFileName(row.folio) } : null;
    },
  };
  return service;
};

export type AcuseService = ReturnType<typeof createAcuseService>;

export default createAcuseService;
