/**
 * What one cell of a grid holds, as the data layer sees it. Excel hands custom functions and
 * the task pane plain JavaScript values; this module sorts them into five kinds once, so that
 * the rest of the data layer never inspects a raw value again.
 */

/** The error values Excel can show in a cell, as the text Excel prints for them. */
export const EXCEL_ERROR_CODES: ReadonlySet<string> = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** A finite JavaScript number. */
export interface NumberCell {
  readonly kind: "number";
  readonly value: number;
}

/** A non-empty string, trimmed of leading and trailing white space. */
export interface TextCell {
  readonly kind: "text";
  readonly value: string;
}

/** TRUE or FALSE. */
export interface BooleanCell {
  readonly kind: "boolean";
  readonly value: boolean;
}

/** An empty cell: null, undefined, "" or a string of white space only. */
export interface BlankCell {
  readonly kind: "blank";
}

/**
 * An Excel error value (`#N/A`, `#DIV/0!`, ...), a non-finite number, or a value Excel never
 * hands over. `code` is the error's text as Excel shows it, kept for messages.
 */
export interface ErrorCell {
  readonly kind: "error";
  readonly code: string;
}

/** One cell sorted into its kind: the tagged union `classifyCell` returns. */
export type ClassifiedCell = NumberCell | TextCell | BooleanCell | BlankCell | ErrorCell;

const BLANK: BlankCell = { kind: "blank" };
const TRUE_CELL: BooleanCell = { kind: "boolean", value: true };
const FALSE_CELL: BooleanCell = { kind: "boolean", value: false };

/**
 * Sorts one cell value into number, text, boolean, blank or error.
 *
 * - number: a finite JavaScript number. NaN and ±Infinity are errors with code `#NUM!` (Excel
 *   has no such numbers; they only come from a computation that failed).
 * - text: a string, trimmed; a string that is empty after trimming is blank. A string that is
 *   exactly one of Excel's error texts (`#N/A`, `#VALUE!`, ... see `EXCEL_ERROR_CODES`) is that
 *   error: a CSV written by Excel prints error cells that way.
 * - boolean: `true` or `false`.
 * - blank: `null`, `undefined`, or a white-space-only string. Note that Excel desktop hands
 *   custom functions an empty cell as `0`, which arrives here as the number 0.
 * - error: an object with a string `code` or `errorCode` property (`CustomFunctions.Error`
 *   has `code: "#VALUE!"`), an object of Excel's `ErrorCellValue` shape
 *   (`{ type: "Error", basicValue: "#DIV/0!" }`), a non-finite number, and anything else a
 *   grid should never hold (a function, a symbol, a bigint, another object), which gets
 *   `#VALUE!`.
 *
 * Cost: O(length of a string) for strings (the trim), O(1) otherwise.
 *
 * @example
 * classifyCell(" Large Facility ") // { kind: "text", value: "Large Facility" }
 * classifyCell(null)               // { kind: "blank" }
 * classifyCell("#DIV/0!")          // { kind: "error", code: "#DIV/0!" }
 */
export function classifyCell(value: unknown): ClassifiedCell {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? { kind: "number", value } : { kind: "error", code: "#NUM!" };
    case "string": {
      if (EXCEL_ERROR_CODES.has(value)) return { kind: "error", code: value };
      const text = value.trim();
      return text === "" ? BLANK : { kind: "text", value: text };
    }
    case "boolean":
      return value ? TRUE_CELL : FALSE_CELL;
    case "undefined":
      return BLANK;
    case "object":
      return value === null ? BLANK : { kind: "error", code: errorCodeOf(value) };
    default:
      return { kind: "error", code: "#VALUE!" };
  }
}

/** The code of an error object, `#VALUE!` when it names none. */
function errorCodeOf(value: object): string {
  const record = value as Record<string, unknown>;
  if (typeof record.code === "string") return record.code;
  if (typeof record.errorCode === "string") return record.errorCode;
  if (record.type === "Error" && typeof record.basicValue === "string") return record.basicValue;
  return "#VALUE!";
}

/** Excel's text for a boolean cell: `TRUE` or `FALSE` (the label of a boolean category). */
export function booleanLabel(value: boolean): string {
  return value ? "TRUE" : "FALSE";
}
