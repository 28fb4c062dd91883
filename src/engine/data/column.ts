/**
 * One column's cells to a typed column: numeric or categorical, or an error that points at
 * the cell that does not fit.
 */
import { EngineError } from "../errors";
import { booleanLabel, classifyCell } from "./cell";
import { columnLetter } from "./columnNames";
import { sortLevels } from "./levels";
import type { Column } from "./types";

/** Where a column's data cells sit in the range, for messages. */
export interface ColumnPlace {
  /** 0-based index of the column in the range (its letter in messages). */
  readonly column: number;
  /** 0-based row of the range that holds the first data cell: 1 under a header, else 0. */
  readonly firstRow: number;
}

/**
 * Types one column from its data cells (any values a grid may hold).
 *
 * - No text and no boolean among the cells: numeric; blanks, error values and non-finite
 *   numbers are NaN. A column without any value is numeric, all NaN.
 * - Text or booleans (labels `TRUE`, `FALSE`) and no number: categorical, labels trimmed,
 *   null where missing, levels sorted by `sortLevels`.
 *
 * Throws EngineError `invalidValue` (message prefixed by `label`):
 * - for numbers mixed with text or booleans, pointing at the first cell of the minority kind
 *   by its row in the data and its address in the range (`x: column "Radio" has the text
 *   "abc" in row 7 (cell B8 of the range); a numeric column must hold numbers only`);
 * - for a column whose texts all read as numbers (`1,234.5`, `12%`, `$5`, `7`): numbers
 *   stored as text are never parsed silently; the user converts them in Excel.
 *
 * Cost: one pass, a classification per cell.
 */
export function readColumnCells(
  cells: readonly unknown[],
  place: ColumnPlace,
  name: string,
  label: string,
): Column {
  const rowCount = cells.length;
  const numbers = new Float64Array(rowCount);
  const labels: (string | null)[] = new Array<string | null>(rowCount);
  const distinct = new Set<string>();
  let numberCount = 0;
  let labelCount = 0;
  let textCount = 0;
  let firstNumber = -1;
  let firstLabel = -1;
  let firstNumberLike = -1;
  let allTextNumberLike = true;
  for (let row = 0; row < rowCount; row += 1) {
    const cell = classifyCell(cells[row]);
    let text: string | null = null;
    numbers[row] = NaN;
    if (cell.kind === "number") {
      numbers[row] = cell.value;
      numberCount += 1;
      if (firstNumber < 0) firstNumber = row;
    } else if (cell.kind === "text") {
      text = cell.value;
      textCount += 1;
      if (allTextNumberLike) {
        if (!looksLikeNumber(text)) allTextNumberLike = false;
        else if (firstNumberLike < 0) firstNumberLike = row;
      }
    } else if (cell.kind === "boolean") {
      text = booleanLabel(cell.value);
      allTextNumberLike = false;
    }
    if (text !== null) {
      distinct.add(text);
      labelCount += 1;
      if (firstLabel < 0) firstLabel = row;
    }
    labels[row] = text;
  }

  if (labelCount === 0) return { kind: "numeric", name, values: numbers };
  if (numberCount > 0) {
    const numericMajority = numberCount >= labelCount;
    const row = numericMajority ? firstLabel : firstNumber;
    throw mixedColumnError(cells[row], where(row, place), numericMajority, name, label);
  }
  if (allTextNumberLike && textCount === labelCount) {
    const shown = classifyCell(cells[firstNumberLike]);
    const text = shown.kind === "text" ? shown.value : "";
    const { dataRow, address } = where(firstNumberLike, place);
    throw new EngineError(
      "invalidValue",
      `${label}: column "${name}" holds numbers stored as text (such as "${text}" in row ` +
        `${dataRow}, cell ${address} of the range); convert them to numbers in Excel ` +
        `(for example with VALUE or Data > Text to Columns): text is never read as a number`,
    );
  }
  const levels = sortLevels(distinct);
  return { kind: "categorical", name, values: labels, levels };
}

/** A cell's row in the data (1-based) and its address in the range (`B8`). */
function where(row: number, place: ColumnPlace): { dataRow: number; address: string } {
  return { dataRow: row + 1, address: `${columnLetter(place.column)}${row + place.firstRow + 1}` };
}

/** The error for a column holding both numbers and text or booleans. */
function mixedColumnError(
  value: unknown,
  at: { dataRow: number; address: string },
  numericMajority: boolean,
  name: string,
  label: string,
): EngineError {
  const position = `in row ${at.dataRow} (cell ${at.address} of the range)`;
  const cell = classifyCell(value);
  if (!numericMajority) {
    const shown = cell.kind === "number" ? String(cell.value) : "";
    return new EngineError(
      "invalidValue",
      `${label}: column "${name}" has the number ${shown} ${position}; ` +
        `a categorical column must hold text only`,
    );
  }
  if (cell.kind === "boolean") {
    return new EngineError(
      "invalidValue",
      `${label}: column "${name}" has the boolean ${booleanLabel(cell.value)} ${position}; ` +
        `a numeric column must hold numbers only`,
    );
  }
  const text = cell.kind === "text" ? cell.value : "";
  if (looksLikeNumber(text)) {
    return new EngineError(
      "invalidValue",
      `${label}: column "${name}" has the text "${text}" ${position}, a number stored as text; ` +
        `a numeric column must hold numbers only: convert it to a number in Excel ` +
        `(text is never read as a number)`,
    );
  }
  return new EngineError(
    "invalidValue",
    `${label}: column "${name}" has the text "${text}" ${position}; ` +
      `a numeric column must hold numbers only`,
  );
}

/**
 * Text that a person would read as a number: a plain number, or one with thousands
 * separators, a decimal comma, a currency sign, a percent sign or accounting parentheses
 * (`1,234.5`, `1.234,5`, `12%`, `$5`, `(3.2)`, `5 €`, `1e5`). No nested quantifier can
 * backtrack far: the alternatives for the digits start differently, and texts longer than 64
 * characters are not numbers.
 */
const NUMBER_LIKE_TEXT =
  /^[-+]?\(?[-+]?[$€£¥]?\s?[-+]?(?:\d{1,3}(?:[, '\u00a0\u202f]\d{3})+(?:[.,]\d*)?|\d{1,3}(?:\.\d{3})+(?:,\d*)?|\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?\s?[%$€£¥]?\)?$/;

/**
 * Whether a trimmed text reads as a number (see `NUMBER_LIKE_TEXT`).
 *
 * @example
 * looksLikeNumber("1,234.5") // true
 * looksLikeNumber("2014-01-16") // false
 */
export function looksLikeNumber(text: string): boolean {
  return text.length <= 64 && NUMBER_LIKE_TEXT.test(text);
}
