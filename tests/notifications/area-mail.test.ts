import fs from 'node:fs/promises';
import path from 'node:path';
import type { Role } from '../../src/domain/workflows';
import type { OutboxRow } from '../../src/api/notification/types';
import { getService } from '../../src/utils/get-service';
import { uploadBuffer } from '../../src/utils/upload-buffer';
import { bootApp, type TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../harness/smtp-peer';
import { runInternal } from '../harness/runtime';
import { OFICIO_UID, areaId, fire, itemIn, staffSessions } from '../harness/workflow-fixtures';

const AREA_CONTACT = 'cultura.contacto@calimaya.gob.mx';
const REQUESTER = 'solicitante.cultura@calimaya.gob.mx';
const SERVER_URL = 'https://comunicacion.calimaya.test';

/** A small but real PDF: what a scanner or the answer generator leaves. */
const pdfBytes = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1'
  );

describe('el área recibe por correo (SMTP real) la respuesta con su PDF, la información faltante y las propuestas', () => {
  let peer: SmtpPeer;
  let app: TestApp;
  let staff: Record<Role, Session>;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    app = await bootApp({
      env: {
        ...peer.env,
        SMTP_FROM: 'Comunicación Social <avisos@calimaya.test>',
        PUBLIC_URL: SERVER_URL,
      },
    });
    staff = await staffSessions(app);
    await app.strapi.db
      .query('api::area.area')
      .update({ where: { id: await areaId(app, 'DC') }, data: { contactEmail: AREA_CONTACT } });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.close();
    delete process.env.PUBLIC_URL;
  });
  beforeEach(async () => {
    peer.messages.length = 0;
    await app.strapi.db.connection('notification_outbox').delete();
  });

  /** A record of the DC area whose oficio carries the requester's e-mail. */
  const record = async (workflow: 'oficio' | 'design', from: string, to: string) => {
    const created = await itemIn(app, workflow, from, to, { crewId: staff.fotografo.user.id });
    await app.strapi.db.query(OFICIO_UID).update({
      where: { documentId: created.oficioDocumentId },
      data: { requesterEmail: REQUESTER },
    });
    return created;
  };

  const folioOf = async (documentId: string) =>
    String(
      (
        (await app.strapi.db.query(OFICIO_UID).findOne({ where: { documentId } })) as {
          folio: string;
        }
      ).folio
    );

  /** Sends what is queued and answers what the SMTP server received, by recipient. */
  const deliver = async (expected: number): Promise<Map<string, ReceivedMail>> => {
    const report = await getService('outbox', app.strapi).deliverDue();
    expect(report).toEqual({ sent: expected, failed: 0, retried: 0 });
    await peer.waitFor(expected);
    return new Map(peer.messages.map((message) => [message.to[0].toLowerCase(), message]));
  };

  const rows = () =>
    app.strapi.db.connection('notification_outbox').orderBy('id') as Promise<OutboxRow[]>;

  /** An oficio en atención, with its answer folio and date and `document` as its answer. */
  const answeredOficio = async (document: Buffer, name: string) => {
    const oficio = await record('oficio', 'en_atencion', 'atendido');
    const file = await uploadBuffer(app.strapi, document, { name, mimetype: 'application/pdf' });
    await runInternal(() =>
      app.strapi.documents(OFICIO_UID).update({
        documentId: oficio.documentId,
        data: { responseDocument: file.id } as never,
      })
    );
    return { ...oficio, file };
  };

  const markAnswered = async (documentId: string) => {
    const res = await fire(app, 'plugin', {
      workflow: 'oficio',
      documentId,
      to: 'atendido',
      comment: 'Se entregó la respuesta',
      role: 'coordinador_comunicacion',
      session: staff.coordinador_comunicacion,
    });
    expect(res.status).toBe(200);
  };

  it('oficio atendido: cada dirección del área recibe la respuesta con el PDF adjunto, byte a byte', async () => {
    // Given an oficio being attended whose answer oficio is a PDF
    const answer = pdfBytes('Respuesta al oficio de la Dirección de Cultura');
    const oficio = await answeredOficio(answer, 'respuesta-oficio-cultura.pdf');
    const folio = await folioOf(oficio.documentId);

    // When the coordination marks it answered and the outbox runs
    await markAnswered(oficio.documentId);
    const received = await deliver(2);

    // Then the area's contact and the requester each get the answer with the PDF
    expect([...received.keys()].sort()).toEqual([AREA_CONTACT, REQUESTER].sort());
    for (const message of received.values()) {
      expect(message.subject).toBe(`Oficio ${folio} atendido`);
      expect(message.text).toContain(`atendió el oficio ${folio}`);
      expect(message.text).toContain('Folio de la respuesta: DCSGD/R/0001/2027.');
      expect(message.text).toContain('Fecha de la respuesta: miércoles 20 de enero de 2027.');
      expect(message.text).toContain(
        'Se adjunta el oficio de respuesta (respuesta-oficio-cultura.pdf).'
      );
      expect(message.text).toContain(`${SERVER_URL}/areas/oficio.html?id=${oficio.documentId}`);
      expect(message.attachments).toHaveLength(1);
      const [attached] = message.attachments;
      expect(attached.filename).toBe('respuesta-oficio-cultura.pdf');
      expect(attached.contentType).toBe('application/pdf');
      expect(attached.content.equals(answer)).toBe(true);
    }
    // The queue keeps the file's id, never a copy of its bytes.
    for (const row of await rows()) {
      expect(JSON.parse(String(row.attachments))).toEqual([
        { fileId: oficio.file.id, name: 'respuesta-oficio-cultura.pdf' },
      ]);
    }
  });

  it('un PDF que ya no está en el servidor o que excede el límite no detiene el correo: sale sin él y lo dice', async () => {
    const gone = await answeredOficio(pdfBytes('borrado'), 'respuesta-borrada.pdf');
    await fs.rm(path.join(app.strapi.dirs.static.public, gone.file.url));
    await markAnswered(gone.documentId);
    let received = await deliver(2);
    for (const message of received.values()) {
      expect(message.attachments).toEqual([]);
      expect(message.text).toContain(
        'Nota: el archivo «respuesta-borrada.pdf» no se adjuntó porque ya no está disponible en el servidor.'
      );
      expect(message.text).toContain(`/areas/oficio.html?id=${gone.documentId}`);
    }
    for (const row of await rows()) {
      expect(row.status).toBe('sent');
      expect(JSON.parse(String(row.attachments))).toEqual([
        { fileId: gone.file.id, name: 'respuesta-borrada.pdf', omitted: 'missing' },
      ]);
    }

    peer.messages.length = 0;
    await app.strapi.db.connection('notification_outbox').delete();
    const big = await answeredOficio(pdfBytes('x'.repeat(4096)), 'respuesta-grande.pdf');
    await markAnswered(big.documentId);
    process.env.OUTBOX_ATTACHMENT_MAX_BYTES = '1024';
    try {
      received = await deliver(2);
    } finally {
      delete process.env.OUTBOX_ATTACHMENT_MAX_BYTES;
    }
    for (const message of received.values()) {
      expect(message.attachments).toEqual([]);
      expect(message.text).toMatch(
        /el archivo «respuesta-grande\.pdf» no se adjuntó porque supera el tamaño que admite el correo/
      );
    }
    for (const row of await rows()) {
      expect(JSON.parse(String(row.attachments))[0]).toMatchObject({ omitted: 'too_large' });
    }
  });

  it('información incompleta: el correo dice qué falta y enlaza al portal para completarlo', async () => {
    const oficio = await record('oficio', 'recibido', 'informacion_incompleta');
    const folio = await folioOf(oficio.documentId);
    const res = await fire(app, 'plugin', {
      workflow: 'oficio',
      documentId: oficio.documentId,
      to: 'informacion_incompleta',
      comment: 'Falta el horario del evento y el orden de los logotipos.',
      role: 'coordinador_comunicacion',
      session: staff.coordinador_comunicacion,
    });
    expect(res.status).toBe(200);

    const received = await deliver(2);
    expect([...received.keys()].sort()).toEqual([AREA_CONTACT, REQUESTER].sort());
    for (const message of received.values()) {
      expect(message.subject).toBe(`Falta información en su oficio ${folio}`);
      expect(message.text).toContain(
        'Lo que falta: Falta el horario del evento y el orden de los logotipos.'
      );
      expect(message.text).toContain(
        `Completar la información en el Portal de áreas: ${SERVER_URL}/areas/oficio.html?id=${oficio.documentId}`
      );
      expect(message.html).toContain(
        `<a href="${SERVER_URL}/areas/oficio.html?id=${oficio.documentId}">`
      );
      expect(message.attachments).toEqual([]);
    }
  });

  it('propuesta a revisión: el correo trae el enlace de aprobación y el del portal', async () => {
    const design = await record('design', 'en_diseno', 'en_revision');
    const res = await fire(app, 'plugin', {
      workflow: 'design',
      documentId: design.documentId,
      to: 'en_revision',
      comment: 'Primera propuesta',
      role: 'disenador_senior',
      session: staff.disenador_senior,
    });
    expect(res.status).toBe(200);

    const received = await deliver(2);
    for (const message of received.values()) {
      expect(message.text).toMatch(/\/aprobacion\/\?t=[\w%.-]+/);
      expect(message.text).toContain(
        `También puede revisarla en el Portal de áreas: ${SERVER_URL}/areas/oficio.html?id=${design.oficioDocumentId}`
      );
    }
  });
});
