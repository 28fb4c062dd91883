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
  const value = parseDecimal(core);
  if (!Number.isNaN(value)) return Number.isFinite(value) ? value : field;
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
/** Exact powers of ten: 10^k is a double without rounding for k <= 22. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of a field in strict decimal syntax, or NaN when the field is not one.
 *
 * Clinger's fast path (1990): when the digits form an integer m below 10^15 and the decimal
 * exponent e satisfies |e| <= 22, both m and 10^|e| are exact doubles, so the one IEEE division
 * or multiplication m / 10^-e or m * 10^e is the correctly rounded value, the same double as
 * `Number(text)`. Every other field goes to `Number(text)` itself. The fast path exists because
 * `Number` on a sliced field dominates the time to read a large CSV.
 */
function parseDecimal(text: string): number {
  const length = text.length;
  let index = 0;
  let code = text.charCodeAt(0);
  const negative = code === 0x2d;
  if (code === 0x2b || code === 0x2d) code = text.charCodeAt(++index);
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  while (isDigit(code)) {
    mantissa = mantissa * 10 + (code - 0x30);
    digits += 1;
    code = text.charCodeAt(++index);
  }
  if (code === 0x2e) {
    code = text.charCodeAt(++index);
    while (isDigit(code)) {
      mantissa = mantissa * 10 + (code - 0x30);
      digits += 1;
      fractionDigits += 1;
      code = text.charCodeAt(++index);
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (code === 0x65 || code === 0x45) {
    code = text.charCodeAt(++index);
    const negativeExponent = code === 0x2d;
    if (code === 0x2b || code === 0x2d) code = text.charCodeAt(++index);
    let exponentDigits = 0;
    while (isDigit(code)) {
      if (exponent < 100000) exponent = exponent * 10 + (code - 0x30);
      exponentDigits += 1;
      code = text.charCodeAt(++index);
    }
    if (exponentDigits === 0) return NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (index !== length) return NaN;
  const scale = exponent - fractionDigits;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const magnitude =
      scale < 0 ? mantissa / EXACT_POWERS_OF_TEN[-scale] : mantissa * EXACT_POWERS_OF_TEN[scale];
    return negative ? -magnitude : magnitude;
  }
  return Number(text);
}
