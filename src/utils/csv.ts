import { stringify } from 'csv-stringify/sync';

type Cell = string | number | null | undefined;

/**
 * Rows (the header first) as CSV: UTF-8 with a byte order mark, so spreadsheets read the
 * accents right, CRLF line ends and RFC 4180 quoting (a field with a comma, a quote or a line
 * break goes in quotes, quotes doubled).
 *
 * A text starting with = + - @, a tab or a carriage return gets a leading apostrophe (OWASP's
 * advice against CSV injection), in every file this server writes: a spreadsheet must never
 * run what someone typed as a formula. Numbers stay numbers, negative ones included.
 */
export const toCsv = (rows: readonly (readonly Cell[])[]) =>
  stringify(
    rows.map((row) => [...row]),
    {
      bom: true,
      record_delimiter: '\r\n',
      // A lone \n or \r inside a text is a line break too: RFC 4180 wants it quoted.
      quote_record_delimiter: true,
      escape_formulas: true,
      eof: true,
    }
  );
