import ExcelJS from 'exceljs';
import { EXPORT_MAX_ROWS, exportFile, parseFormat, refuseTooLarge, slug } from '../exports';

const TABLE = {
  sheet: 'Prueba',
  filename: 'prueba-2026-12-06',
  columns: [
    { header: 'Asunto', kind: 'text' as const, width: 30 },
    { header: 'Recepción', kind: 'datetime' as const, width: 18 },
    { header: 'Vence', kind: 'date' as const, width: 12 },
    { header: 'A tiempo', kind: 'percent' as const, width: 10 },
  ],
  rows: [['=HIPERVINCULO("x")', '2027-01-04T16:00:00.000Z', '2027-01-08', 75]],
};

describe('archivos de exportación', () => {
  it('solo csv o xlsx; más filas que el máximo se rechazan con EXPORT_TOO_LARGE', () => {
    expect(parseFormat('csv')).toBe('csv');
    expect(parseFormat('xlsx')).toBe('xlsx');
    for (const bad of [undefined, '', 'pdf', ['csv', 'xlsx']]) {
      expect(() => parseFormat(bad)).toThrow(/formato/);
    }
    expect(() => refuseTooLarge(EXPORT_MAX_ROWS)).not.toThrow();
    expect(() => refuseTooLarge(EXPORT_MAX_ROWS + 1)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ code: 'EXPORT_TOO_LARGE' }) })
    );
  });

  it('CSV: BOM, hora de la Ciudad de México, fórmulas desactivadas', async () => {
    const file = await exportFile('csv', TABLE);
    expect(file.filename).toBe('prueba-2026-12-06.csv');
    expect(file.body).toBe(
      '\ufeffAsunto,Recepción,Vence,A tiempo\r\n' +
        '"\'=HIPERVINCULO(""x"")",2027-01-04 10:00,2027-01-08,75\r\n'
    );
  });

  it('XLSX: fechas como fechas con formato, porcentajes como fracción', async () => {
    const file = await exportFile('xlsx', TABLE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const row = book.worksheets[0].getRow(2);
    expect(row.getCell(2).value).toEqual(new Date('2027-01-04T10:00:00Z'));
    expect(row.getCell(3).value).toEqual(new Date('2027-01-08T00:00:00Z'));
    expect(row.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(4).value).toBe(0.75);
    expect(row.getCell(4).numFmt).toBe('0.0%');
  });

  it('nombres de archivo sin acentos ni espacios', () => {
    expect(slug('Diseño senior')).toBe('diseno-senior');
    expect(slug('Cobertura de organismos auxiliares')).toBe('cobertura-de-organismos-auxiliares');
  });
});
