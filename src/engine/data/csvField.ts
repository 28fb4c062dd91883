/**
 * One CSV field to a cell value: a number, a blank, or text.
 */

/** Field texts that stand for a missing value (pandas' defaults that analysts meet most). */
export const CSV_MISSING_MARKERS: ReadonlySet<string> = new Set([
  "",
  "NA",
  "N/A",
  "NaN",
  "nan",
  "null",
  "NULL",
  "#N/A",
]);

/**
 * Reads one CSV field as a cell value.
 *
 * - A field in strict decimal syntax (optional sign; digits with an optional fraction, or a
 *   fraction alone; optional exponent: `42`, `-.5`, `3.`, `1.29E+06`) becomes `Number(field)`,
 *   the correctly rounded double. A number too large for a double (`1e400`) stays text, as in
 *   Excel.
 * - An empty field and the missing markers `NA`, `N/A`, `NaN`, `nan`, `null`, `NULL`, `#N/A`
 *   become null (blank).
 * - Anything else stays the string it is: `1,234.5`, `12%` and `$5` are NOT read as numbers
 *   (the data layer then reports them as numbers stored as text), and `TRUE` stays text.
 *
 * Spaces and tabs around a number or a marker are ignored (` 12 ` is 12).
 *
 * @example
 * csvFieldToCell("1.29E+06") // 1290000
 * csvFieldToCell("NA")       // null
 * csvFieldToCell("1,234.5")  // "1,234.5"
 */
export function csvFieldToCell(field: string): number | string | null {
  let core = field;
  const last = field.length - 1;
  if (last >= 0 && (isSpace(field.charCodeAt(0)) || isSpace(field.charCodeAt(last)))) {
    core = field.trim();
  }
  if (isDecimalNumber(core)) {
    const value = Number(core);
    return Number.isFinite(value) ? value : field;
  }
  return CSV_MISSING_MARKERS.has(core) ? null : field;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Whether `text` is `[+-]? (digits (. digits?)? | . digits) ([eE] [+-]? digits)?`: a hand
 * scanner rather than a regular expression, because it runs once per field of files with
 * millions of fields.
 */
function isDecimalNumber(text: string): boolean {
  const length = text.length;
  let index = 0;
  let code = text.charCodeAt(0);
  if (code === 0x2b || code === 0x2d) code = text.charCodeAt(++index);
  let mantissaDigits = 0;
  while (isDigit(code)) {
    mantissaDigits += 1;
    code = text.charCodeAt(++index);
  }
  if (code === 0x2e) {
    code = text.charCodeAt(++index);
    while (isDigit(code)) {
      mantissaDigits += 1;
      code = text.charCodeAt(++index);
    }
  }
  if (mantissaDigits === 0) return false;
  if (code === 0x65 || code === 0x45) {
    code = text.charCodeAt(++index);
    if (code === 0x2b || code === 0x2d) code = text.charCodeAt(++index);
    let exponentDigits = 0;
    while (isDigit(code)) {
      exponentDigits += 1;
      code = text.charCodeAt(++index);
    }
    if (exponentDigits === 0) return false;
  }
  return index === length;
}
