import type { UID } from '@strapi/strapi';
import { PDFParse } from 'pdf-parse';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { runInternal } from '../harness/runtime';
import { completeData, useStaffApp } from '../harness/workflow-fixtures';
import type { Role } from '../../src/domain/workflows';
import { startHttpPeer, type HttpPeer } from './http-peer';
import { TRANSPARENCY, WEB, publishableItem } from './publishing-helpers';

interface FileRow {
  id: number;
  name: string;
  url: string;
  mime: string;
  caption: string | null;
}

const todayInMexicoCity = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

describe('oficio de respuesta en PDF con la evidencia de la publicación', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  let site: HttpPeer;
  useStaffApp((booted) => ({ app, staff } = booted));

  beforeAll(async () => {
    site = await startHttpPeer();
    process.env.SITE_URL = `${site.url}/sitio`;
  });
  afterAll(async () => {
    delete process.env.SITE_URL;
    await site?.close();
  });

  const publish = (uid: string, documentId: string) =>
    app
      .http()
      .post('/comunicacion/publications/publish')
      .set(staff.coordinador_gobierno_digital.auth)
      .send({ uid, documentId })
      .expect(200);

  const fileNamed = async (name: string) =>
    (await app.strapi.db.query('plugin::upload.file').findMany({ where: { name } })) as FileRow[];

  /** The PDF as anyone with its URL downloads it, and its text as a PDF reader extracts it. */
  const pdfText = async (file: FileRow) => {
    const res = await app
      .http()
      .get(file.url)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    try {
      const { text } = await parser.getText();
      return { text: text.replace(/\s+/g, ' '), compact: text.replace(/\s+/g, '') };
    } finally {
      await parser.destroy();
    }
  };

  const oficioOf = async (documentId: string) =>
    (await app.strapi.db.query('api::oficio.oficio').findOne({
      where: { documentId },
      populate: { responseDocument: true, area: true },
    })) as {
      folio: string;
      workflowStatus: string;
      responseFolio: string | null;
      responseDate: string | null;
      responseDocument: FileRow | null;
      area: { name: string };
    };

  const responseDocumentOf = async (uid: string, documentId: string) =>
    (
      (await app.strapi.db.query(uid as UID.ContentType).findOne({
        where: { documentId, publishedAt: null },
        populate: { responseDocument: true },
      })) as { responseDocument: FileRow | null }
    ).responseDocument;

  it('queda en la mediateca, adjunto a la publicación y al oficio, que se cierra; su texto dice folio, área, título, dónde y la huella', async () => {
    const item = await publishableItem(app, 'web-publication', { oficioState: 'en_atencion' });
    const requester = 'solicitante.respuesta@calimaya.gob.mx';
    await app.strapi.db.query('api::oficio.oficio').update({
      where: { documentId: item.oficioDocumentId },
      data: { requesterEmail: requester },
    });
    const res = await publish(WEB, item.documentId);
    const result = res.body.data;
    expect(result.status).toBe('respondida');
    const answerFolio = `${item.oficioFolio}-R1`;
    const name = `respuesta-${item.oficioFolio.replace(/\//g, '-')}-${item.slug}.pdf`;
    expect(result.answer).toMatchObject({ folio: answerFolio, name });

    // In the media library, once.
    const files = await fileNamed(name);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file.mime).toBe('application/pdf');
    expect(result.answer.url).toBe(file.url);

    // Attached to the item and to its oficio, which closes: its only service is answered.
    expect((await responseDocumentOf(WEB, item.documentId))?.id).toBe(file.id);
    const oficio = await oficioOf(item.oficioDocumentId);
    expect(oficio.responseDocument?.id).toBe(file.id);
    expect(oficio.responseFolio).toBe(answerFolio);
    expect(String(oficio.responseDate).slice(0, 10)).toBe(todayInMexicoCity());
    expect(oficio.workflowStatus).toBe('atendido');
    // The area hears of it by e-mail, with this PDF attached (its bytes are read when it is sent).
    const mails = (await app.strapi.db
      .connection('notification_outbox')
      .where({ recipient: requester })) as {
      subject: string;
      text_body: string;
      attachments: string | null;
    }[];
    // (The other one says the publication is published.)
    const answered = mails.filter((mail) => mail.subject === `Oficio ${item.oficioFolio} atendido`);
    expect(answered).toHaveLength(1);
    expect(answered[0].text_body).toContain(`Folio de la respuesta: ${answerFolio}.`);
    expect(JSON.parse(String(answered[0].attachments))).toEqual([{ fileId: file.id, name }]);

    // What it says.
    const pageUrl = `${site.url}/sitio/publicacion.html?slug=${item.slug}`;
    const { text, compact } = await pdfText(file);
    expect(text).toContain('H. Ayuntamiento de Calimaya');
    expect(text).toContain('Dirección de Comunicación Social y Gobierno Digital');
    expect(text).toContain(answerFolio);
    expect(text).toContain(`respuesta al oficio ${item.oficioFolio}`);
    expect(text).toContain(oficio.area.name);
    expect(text).toContain(item.title);
    expect(text).toContain('Tipo: Publicación en el sitio web');
    expect(text).toContain(
      `le informo que la publicación en el sitio web «${item.title}», solicitada en su oficio, ` +
        'quedó publicada y verificada en el sitio web municipal'
    );
    expect(text).toContain('Sección: convocatorias');
    expect(compact).toContain(pageUrl);
    expect(compact).toContain(result.evidence.api.url);
    expect(result.evidence.page.url).toBe(pageUrl);
    expect(compact).toContain(result.evidence.page.contentHash);
    expect(compact).toContain(result.evidence.api.contentHash);
    expect(text).toContain('HTTP 200');
    expect(text).toMatch(/Publicada: \S+ \d{1,2} de \S+ de \d{4}, \d{2}:\d{2} h/);
    expect(text).toMatch(/Verificada: \S+ \d{1,2} de \S+ de \d{4}, \d{2}:\d{2} h/);
    expect(text).not.toMatch(/\b(el|un) publicación|publicado y|Publicado:|undefined|null/);
    expect(text).toContain('hora de la Ciudad de México');
  });

  it('cada respuesta de un mismo oficio lleva el siguiente folio R<n>; el oficio conserva la primera y se cierra con la última', async () => {
    const web = await publishableItem(app, 'web-publication', { oficioState: 'en_atencion' });
    const created = await app.strapi.documents(TRANSPARENCY as UID.ContentType).create({
      data: {
        ...completeData('transparency-document', 0),
        title: 'Directorio de servidores públicos',
        fraccion: 'VII',
        oficio: web.oficioDocumentId,
      } as never,
    });
    await runInternal(() =>
      app.strapi.documents(TRANSPARENCY as UID.ContentType).update({
        documentId: created.documentId,
        data: { personalDataChecked: true, workflowStatus: 'lista' } as never,
      })
    );

    const first = (await publish(WEB, web.documentId)).body.data;
    expect(first.answer.folio).toBe(`${web.oficioFolio}-R1`);
    let oficio = await oficioOf(web.oficioDocumentId);
    expect(oficio).toMatchObject({
      responseFolio: `${web.oficioFolio}-R1`,
      workflowStatus: 'en_atencion',
    });

    const second = (await publish(TRANSPARENCY, created.documentId)).body.data;
    expect(second.status).toBe('respondida');
    expect(second.answer.folio).toBe(`${web.oficioFolio}-R2`);
    expect(second.answer.name).toBe(
      `respuesta-${web.oficioFolio.replace(/\//g, '-')}-${created.documentId}.pdf`
    );

    oficio = await oficioOf(web.oficioDocumentId);
    expect(oficio.responseFolio).toBe(`${web.oficioFolio}-R1`);
    expect(oficio.responseDocument?.name).toBe(first.answer.name);
    expect(oficio.workflowStatus).toBe('atendido');

    const [file] = await fileNamed(second.answer.name);
    expect((await responseDocumentOf(TRANSPARENCY, created.documentId))?.id).toBe(file.id);
    const { text, compact } = await pdfText(file);
    expect(text).toContain(`${web.oficioFolio}-R2`);
    expect(text).toContain('Tipo: Documento de transparencia');
    expect(text).toContain(
      'le informo que el documento de transparencia «Directorio de servidores públicos», ' +
        'solicitado en su oficio, quedó publicado y verificado en el sitio web municipal'
    );
    expect(text).toMatch(/Publicado: \S+ \d{1,2} de \S+ de \d{4}, \d{2}:\d{2} h/);
    expect(text).not.toMatch(/\b(la|una) documento|publicada y|Publicada:|undefined|null/);
    expect(text).toContain('Directorio de servidores públicos');
    expect(text).toContain('Artículo: 92');
    expect(text).toContain('Fracción: VII');
    expect(text).toContain('Ejercicio: 2027');
    expect(text).toContain('del viernes 1 de enero de 2027 al miércoles 31 de marzo de 2027');
    expect(compact).toContain(`${site.url}/sitio/documento.html?id=${created.documentId}`);
    expect(compact).toContain(second.evidence.contentHash);
  });
});
