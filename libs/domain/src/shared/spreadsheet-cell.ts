/** Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one rule that keeps text typed into Heard from running as a formula when an export is opened
 * in a spreadsheet: a cell starting `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheet programs show as text. CSV and XLSX exports both call it, since
 * programs evaluate a formula typed into an XLSX text cell too.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
