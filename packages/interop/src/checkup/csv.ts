// RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180): quoted fields, "" for a quote inside quotes,
// CRLF or LF (or lone CR) line ends, line breaks inside quoted fields. Excel writes comma- or tab-separated
// files ("CSV" and "Unicode text"); the delimiter is whichever of the two the first record uses more.

export type CsvDelimiter = ',' | '\t';

export interface CsvResult {
  readonly rows: string[][];
  readonly delimiter: CsvDelimiter;
  /** 1-based record where a quoted field opened and never closed (its text runs to the end of the input). */
  readonly unterminatedQuoteRow?: number;
}

/** Counts delimiters outside quotes in the first record. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === '\t') tabs += 1;
  }
  return tabs > commas ? '\t' : ',';
}

export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): CsvResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteOpenedAt = 0;
  let fieldStarted = false; // distinguishes a trailing newline from an empty last record
  let i = 0;

  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      quoteOpenedAt = rows.length + 1;
    } else if (char === delimiter) {
      fieldStarted = true;
      endField();
      fieldStarted = true;
    } else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      // A quote inside an unquoted field is kept as text, as Excel does.
      field += char;
      fieldStarted = true;
    }
    i += 1;
  }
  if (fieldStarted || field !== '' || row.length > 0) endRow();
  return quoted ? { rows, delimiter, unterminatedQuoteRow: quoteOpenedAt } : { rows, delimiter };
}

const NEEDS_QUOTES = /[",\t\r\n]/;

/** Writes rows as CSV with CRLF line ends; parseCsv(formatCsv(rows)) gives the rows back. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  return rows
    .map((row) =>
      row
        .map((field) =>
          NEEDS_QUOTES.test(field) || (field === '' && row.length === 1)
            ? `"${field.replace(/"/g, '""')}"`
            : field,
        )
        .join(delimiter),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
