// RFC 4180 CSV rows that are also safe to open in a spreadsheet: quoting of commas, quotes and line breaks, and
// neutralising of cells a spreadsheet would run as a formula (CSV injection).

/** A cell value: strings are quoted and neutralised as needed, numbers written as they are, absent as empty. */
export type CsvValue = string | number | boolean | undefined;

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a string starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` (shown as text,
 * never evaluated); a cell holding `,`, `"`, CR or LF is quoted with its quotes doubled (RFC 4180 §2.6–2.7).
 * Numbers and booleans are data, not text: they are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated (RFC 4180 §2.1). */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
