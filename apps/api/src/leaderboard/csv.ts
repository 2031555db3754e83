// RFC 4180 CSV for spreadsheets: UTF-8 with BOM (Excel), CRLF, quoting, formula injection neutralised.

const BOM = '\uFEFF';
/** A text cell starting with one of these could run as a formula in Excel/LibreOffice/Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number;

/**
 * Text cells starting with = + - @ tab or CR get a leading apostrophe (OWASP "CSV injection"),
 * so a team named "=HYPERLINK(…)" shows as text. Numbers are ours and stay numbers (a
 * negative z-score must remain a number). Cells with a comma, quote, CR or LF are quoted,
 * quotes doubled.
 */
export function csvCell(value: Cell): string {
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
