import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import type { Role } from '../../src/domain/workflows';
import { mexicoCityParts } from '../../src/domain/calendar';
import type { TestApp } from '../harness/app';
import type { Session } from '../harness/auth';
import { OFICIO_UID, areaId, completeData, useStaffApp } from '../harness/workflow-fixtures';

const DESIGN = 'api::design.design';
const today = () => mexicoCityParts(new Date()).date;

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF) back into rows. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
};

/** Collects a binary body (supertest only buffers text by itself). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const workbookOf = async (body: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book.worksheets[0];
};

const OFICIO_HEADERS = [
  'Folio',
  'Número de oficio del área',
  'Asunto',
  'Área solicitante',
  'Recepción',
  'Estado',
  'Extemporáneo',
  'Servicios solicitados',
];

describe('exportaciones CSV y XLSX', () => {
  let app: TestApp;
  let staff: Record<Role, Session>;
  useStaffApp((booted) => ({ app, staff } = booted));

  let feria: { documentId: string; folio: string };
  let tardio: { documentId: string; folio: string };

  const register = async (subject: string, receivedAt: string, senderReference: string) =>
    (await app.strapi.documents(OFICIO_UID).create({
      data: {
        subject,
        senderReference,
        receivedAt,
        channel: 'digital',
        area: await areaId(app, 'DC'),
        requesterName: 'Lic. Persona Privada',
      } as never,
    })) as { documentId: string; folio: string };

  beforeAll(async () => {
    feria = await register(
      'Difusión de la «Feria», con comas, y "comillas"',
      '2027-01-04T16:00:00Z',
      'DC/045/2027'
    );
    tardio = await register('Arte para el Día de Reyes', '2027-01-05T16:00:00Z', 'DC/050/2027');
    const first = await app.strapi.documents(DESIGN).create({
      data: { ...completeData('design', 0), oficio: feria.documentId } as never,
    });
    const second = await app.strapi.documents(DESIGN).create({
      data: { ...completeData('design', 0), title: 'Lona', oficio: feria.documentId } as never,
    });
    await app.strapi.documents(DESIGN).create({
      data: { ...completeData('design', 0), title: 'Boleto', oficio: tardio.documentId } as never,
    });
    // Test set-up, not a door under test: one design sent twice for review and delivered on
    // time in January, the other never sent; the second oficio came late.
    await app.strapi.db.query(DESIGN).update({
      where: { documentId: first.documentId },
      data: {
        revisionRounds: 2,
        workflowStatus: 'entregado',
        closedAt: new Date('2027-01-10T18:00:00Z'),
        dueAt: '2027-01-12',
      } as never,
    });
    await app.strapi.db
      .query(DESIGN)
      .update({ where: { documentId: second.documentId }, data: { revisionRounds: 0 } as never });
    await app.strapi.db
      .query(OFICIO_UID)
      .update({ where: { documentId: tardio.documentId }, data: { isLate: true } });
  });

  describe('oficios', () => {
    it('CSV con BOM, encabezados en español, todas las filas y nombre de archivo con la fecha', async () => {
      const res = await app
        .http()
        .get('/comunicacion/oficios/export')
        .query({ format: 'csv' })
        .set(staff.coordinador_comunicacion.auth)
        .expect(200);

      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="oficios-${today()}.csv"`
      );
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(res.text.slice(1));
      expect(rows[0]).toEqual(OFICIO_HEADERS);
      expect(rows.slice(1).map((row) => row[0])).toEqual([tardio.folio, feria.folio]);
      expect(rows[2]).toEqual([
        feria.folio,
        'DC/045/2027',
        'Difusión de la «Feria», con comas, y "comillas"',
        'Dirección de Cultura',
        '2027-01-04 10:00',
        'Recibido',
        'No',
        'Diseño (2)',
      ]);
      expect(rows[1][6]).toBe('Sí');
      expect(res.text).not.toContain('Persona Privada');
    });

    it('aplica los filtros de la búsqueda, no solo una página', async () => {
      const res = await app
        .http()
        .get('/comunicacion/oficios/export')
        .query({ format: 'csv', q: 'reyes', pageSize: 1, page: 5 })
        .set(staff.director.auth)
        .expect(200);
      const rows = parseCsv(res.text.slice(1));
      expect(rows.slice(1).map((row) => row[0])).toEqual([tardio.folio]);
    });

    it('XLSX con encabezado en negritas y fijo, anchos de columna y fechas como fechas', async () => {
      const res = await app
        .http()
        .get('/comunicacion/oficios/export')
        .query({ format: 'xlsx' })
        .set(staff.disenador_senior.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);

      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="oficios-${today()}.xlsx"`
      );
      const sheet = await workbookOf(res.body as Buffer);
      expect(sheet.name).toBe('Oficios');
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(OFICIO_HEADERS);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width!);
      expect(sheet.rowCount).toBe(3);
      const received = sheet.getRow(3).getCell(5);
      // Excel has no time zones: the cell holds Mexico City's wall-clock time.
      expect(received.value).toEqual(new Date('2027-01-04T10:00:00Z'));
      expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(sheet.getRow(3).getCell(3).value).toBe(
        'Difusión de la «Feria», con comas, y "comillas"'
      );
    });

    it('formato o filtro inválido: 400; sin sesión: 401', async () => {
      for (const query of [{}, { format: 'pdf' }, { format: 'csv', status: 'perdido' }]) {
        const res = await app
          .http()
          .get('/comunicacion/oficios/export')
          .query(query)
          .set(staff.director.auth)
          .expect(400);
        expect(res.body.error.details.code).toBe('INVALID_QUERY');
        expect(res.body.error.message).toMatch(/formato|estado/);
      }
      await app.http().get('/comunicacion/oficios/export').query({ format: 'csv' }).expect(401);
    });
  });

  describe('bandejas', () => {
    it('exporta la bandeja visible con sus filtros y encabezados en español', async () => {
      const res = await app
        .http()
        .get('/comunicacion/queues/diseno_senior/export')
        .query({ format: 'csv' })
        .set(staff.disenador_senior.auth)
        .expect(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="bandeja-diseno-senior-${today()}.csv"`
      );
      const rows = parseCsv(res.text.slice(1));
      expect(rows[0]).toEqual([
        'Servicio',
        'Título',
        'Estado',
        'Folio del oficio',
        'Área solicitante',
        'Recepción',
        'Vence',
        'Responsables',
        'Avisos',
      ]);
      // The delivered design left the queue; the other two are open.
      expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[3]])).toEqual(
        expect.arrayContaining([
          ['Diseño', 'Lona', 'Pendiente', feria.folio],
          ['Diseño', 'Boleto', 'Pendiente', tardio.folio],
        ])
      );
      expect(rows).toHaveLength(3);
      const boleto = rows.find((row) => row[1] === 'Boleto')!;
      expect(boleto[8]).toContain('Extemporáneo');

      const filtered = await app
        .http()
        .get('/comunicacion/queues/diseno_senior/export')
        .query({ format: 'xlsx', q: 'lona' })
        .set(staff.disenador_senior.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const sheet = await workbookOf(filtered.body as Buffer);
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(2).value).toBe('Lona');
      expect(sheet.getRow(2).getCell(7).value).toBeInstanceOf(Date);
    });

    it('respeta el permiso de cada bandeja: 403 sin él, 404 si no existe, 400 sin formato', async () => {
      const refused = await app
        .http()
        .get('/comunicacion/queues/diseno_senior/export')
        .query({ format: 'csv' })
        .set(staff.fotografo.auth)
        .expect(403);
      expect(refused.body.error.details.code).toBe('QUEUE_FORBIDDEN');
      await app
        .http()
        .get('/comunicacion/queues/no_existe/export')
        .query({ format: 'csv' })
        .set(staff.director.auth)
        .expect(404);
      const bad = await app
        .http()
        .get('/comunicacion/queues/diseno_senior/export')
        .query({ format: 'ods' })
        .set(staff.director.auth)
        .expect(400);
      expect(bad.body.error.details.code).toBe('INVALID_QUERY');
    });
  });

  describe('tablero por área', () => {
    it('una fila por área con oficios, extemporáneos, servicios, entregas a tiempo y rondas', async () => {
      const res = await app
        .http()
        .get('/comunicacion/dashboard/export')
        .query({ format: 'csv', from: '2027-01-01', to: '2027-01-31' })
        .set(staff.director.auth)
        .expect(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="tablero-por-area-2027-01-01-a-2027-01-31.csv"'
      );
      const [headers, ...rows] = parseCsv(res.text.slice(1));
      expect(headers).toEqual([
        'Área solicitante',
        'Oficios recibidos',
        'Oficios extemporáneos',
        'Proporción de extemporáneos',
        'Diseño (solicitados)',
        'Cobertura de evento (solicitados)',
        'Publicación en redes sociales (solicitados)',
        'Publicación en el sitio web (solicitados)',
        'Documento de transparencia (solicitados)',
        'Solicitud de cuenta de correo institucional (solicitados)',
        'Asesoría a organismos auxiliares (solicitados)',
        'Servicios entregados',
        'Entregados a tiempo',
        'Diseños enviados a revisión',
        'Rondas de revisión (promedio)',
      ]);
      const byName = Object.fromEntries(rows.map((row) => [row[0], row.slice(1)]));
      // Two oficios, one late; three designs; one delivered on time; one design sent twice
      // (the never-sent one does not count in the average).
      expect(byName['Dirección de Cultura']).toEqual([
        '2',
        '1',
        '50',
        '3',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '1',
        '100',
        '1',
        '2',
      ]);
      expect(rows[rows.length - 1][0]).toBe('Total');

      // Outside the period there is nothing but the total.
      const empty = await app
        .http()
        .get('/comunicacion/dashboard/export')
        .query({ format: 'xlsx', from: '2026-01-01', to: '2026-01-31' })
        .set(staff.director.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const sheet = await workbookOf(empty.body as Buffer);
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(1).value).toBe('Total');
      expect(sheet.getRow(1).font?.bold).toBe(true);
    });

    it('sin permiso del tablero 403; periodo o formato inválidos 400', async () => {
      await app
        .http()
        .get('/comunicacion/dashboard/export')
        .query({ format: 'csv' })
        .set(staff.disenador_senior.auth)
        .expect(403);
      for (const query of [
        { format: 'csv', from: '2027-02-01', to: '2027-01-01' },
        { format: 'csv', from: '01/01/2027' },
        { format: 'txt' },
      ]) {
        const res = await app
          .http()
          .get('/comunicacion/dashboard/export')
          .query(query)
          .set(staff.director.auth)
          .expect(400);
        expect(res.body.error.details.code).toBe('INVALID_QUERY');
      }
    });
  });
});
