type Cell = string | number | null | undefined;

export interface CsvOptions {
  /**
   * Prefix an apostrophe to a text starting with = + - @ (or a tab or carriage return), so a
   * spreadsheet never runs what a citizen typed as a formula. Off for open data, whose consumers
   * are programs that need the text as published.
   */
  neutraliseFormulas?: boolean;
}

/** RFC 4180: a field with a comma, a quote or a line break goes in quotes, quotes doubled. */
const field = (value: Cell, { neutraliseFormulas = false }: CsvOptions) => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (neutraliseFormulas && typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Rows (the header first) as CSV: UTF-8 with a byte order mark, so spreadsheets read the
 * accents right, CRLF line ends and RFC 4180 quoting.
 */
export const toCsv = (rows: readonly (readonly Cell[])[], options: CsvOptions = {}) =>
  `\uFEFF${rows.map((row) => row.map((value) => field(value, options)).join(',')).join('\r\n')}\r\n`;
