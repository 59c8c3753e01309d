import ExcelJS from 'exceljs';
import { invalid, mexicoCityParts, parseInstant, toCsv } from '../app';
import type { ExportFormat } from '../../../shared/contracts/intake';

/** Rows an export may hold: beyond it the page asks for narrower filters. */
export const EXPORT_MAX_ROWS = 10_000;

/** How a column is written: dates are real dates in a workbook. */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'datetime';

export interface ExportColumn {
  /** Spanish header. */
  header: string;
  kind: ColumnKind;
  /** Width in characters (workbook only). */
  width: number;
}

export type ExportCell = string | number | null | undefined;

/** A table to download: its columns, rows and the file name without extension. */
export interface ExportTable {
  /** Worksheet name (Excel allows 31 characters). */
  sheet: string;
  /** File name without extension, e.g. `oficios-2026-12-06`. */
  filename: string;
  columns: ExportColumn[];
  /** Cells in column order: dates as YYYY-MM-DD, date-times as ISO instants, percents 0-100. */
  rows: ExportCell[][];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** The `format` of an export request; anything else is a 400. */
export const parseFormat = (value: unknown): ExportFormat => {
  if (typeof value === 'string' && (FORMATS as readonly string[]).includes(value)) {
    return value as ExportFormat;
  }
  throw invalid('INVALID_QUERY', 'Indica el formato de la exportación: «csv» o «xlsx».', {
    field: 'format',
  });
};

/** 400 when an export would exceed the row cap. */
export const refuseTooLarge = (total: number) => {
  if (total <= EXPORT_MAX_ROWS) return;
  throw invalid(
    'EXPORT_TOO_LARGE',
    `La exportación tendría ${total.toLocaleString('es-MX')} filas; el máximo es ` +
      `${EXPORT_MAX_ROWS.toLocaleString('es-MX')}. Acota los filtros (por ejemplo, el periodo).`,
    { total, max: EXPORT_MAX_ROWS }
  );
};

/** An ISO instant as Mexico City wall-clock time, `YYYY-MM-DD HH:mm`. */
const localDateTime = (iso: string) => {
  const instant = parseInstant(iso);
  if (!instant) return iso;
  const { date, minutes } = mexicoCityParts(instant);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date} ${hh}:${mm}`;
};

/** A `YYYY-MM-DD[ HH:mm]` wall-clock time as a Date whose UTC fields are those (Excel has no zone). */
const wallClock = (text: string) => {
  const [date, time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(Date.UTC(year, month - 1, day, hours, minutes));
};

/** A cell as a CSV text: date-times in Mexico City time, percents as numbers. */
const csvCell = (column: ExportColumn, value: ExportCell): ExportCell => {
  if (value === null || value === undefined || value === '') return null;
  if (column.kind === 'datetime') return localDateTime(String(value));
  if (column.kind === 'date') return String(value).slice(0, 10);
  return value;
};

const xlsxCell = (column: ExportColumn, value: ExportCell): ExcelJS.CellValue => {
  if (value === null || value === undefined || value === '') return null;
  if (column.kind === 'datetime') return wallClock(localDateTime(String(value)));
  if (column.kind === 'date') return wallClock(String(value).slice(0, 10));
  if (column.kind === 'percent') return Number(value) / 100;
  return value;
};

const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
};

/** A workbook of one sheet: bold frozen header, widths, dates as dates, an auto-filter. */
const workbook = async (table: ExportTable): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = 'Dirección de Comunicación Social y Gobierno Digital, Calimaya';
  book.created = new Date();
  const sheet = book.addWorksheet(table.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column, index) => xlsxCell(column, row[index])));
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: table.columns.length },
  };
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** The table as a CSV (UTF-8 with BOM, as every CSV of this server) or an XLSX workbook. */
export const exportFile = async (format: ExportFormat, table: ExportTable): Promise<ExportFile> => {
  if (format === 'csv') {
    return {
      filename: `${table.filename}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toCsv([
        table.columns.map((column) => column.header),
        ...table.rows.map((row) => table.columns.map((column, i) => csvCell(column, row[i]))),
      ]),
    };
  }
  return {
    filename: `${table.filename}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await workbook(table),
  };
};

/** A file name part: lowercase ASCII letters, digits and hyphens. */
export const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Answers a download: attachment with its file name, never cached. */
export const sendExport = (
  ctx: {
    set(field: string, value: string): void;
    type: string;
    body: unknown;
  },
  file: ExportFile
) => {
  ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = file.contentType;
  ctx.body = file.body;
};
