/**
 * Column names and column letters: what a Dataset calls its columns, and how messages point at
 * a column of the range.
 */
import { EngineError } from "../errors";
import { booleanLabel, classifyCell } from "./cell";

/** The default name of the column at a 0-based index: `x1`, `x2`, ... */
export function defaultColumnName(index: number): string {
  return `x${index + 1}`;
}

/**
 * The letters of a 0-based column index, as Excel names columns: 0 -> `A`, 25 -> `Z`,
 * 26 -> `AA`, 701 -> `ZZ`, 702 -> `AAA`. Used to point at a cell of the range in messages.
 *
 * @example
 * columnLetter(27) // "AB"
 */
export function columnLetter(index: number): string {
  let letters = "";
  let rest = Math.floor(index) + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = (rest - 1 - digit) / 26;
  }
  return letters;
}

/**
 * The names of `width` columns: from a header row when there is one (text trimmed; a number or
 * boolean written as Excel shows it, `2019`, `TRUE`; a blank or error cell gets
 * `defaultNames(index)`), else all from `defaultNames`.
 *
 * Throws EngineError `invalidValue` when two columns get the same name, naming both by their
 * letters (`x: columns A and C are both named "TV"`).
 */
export function nameColumns(
  header: readonly unknown[] | null,
  width: number,
  defaultNames: (index: number) => string,
  label: string,
): string[] {
  const names: string[] = new Array<string>(width);
  for (let column = 0; column < width; column += 1) {
    names[column] =
      header === null ? defaultNames(column) : headerName(header[column], column, defaultNames);
  }
  const seen = new Map<string, number>();
  names.forEach((name, column) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new EngineError(
        "invalidValue",
        `${label}: columns ${columnLetter(earlier)} and ${columnLetter(column)} are both named ` +
          `"${name}"; column names must be unique`,
      );
    }
    seen.set(name, column);
  });
  return names;
}

function headerName(
  value: unknown,
  column: number,
  defaultNames: (index: number) => string,
): string {
  const cell = classifyCell(value);
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "number":
      return String(cell.value);
    case "boolean":
      return booleanLabel(cell.value);
    case "blank":
    case "error":
      return defaultNames(column);
    default: {
      const unreachable: never = cell;
      return unreachable;
    }
  }
}
