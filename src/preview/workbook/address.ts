/** A1 addresses: `B2`, `A2:A573`, `Sheet2!B2:D200`, `'My sheet'!A1:B3`. Rows and columns are 0-based here. */
import { columnLetter } from "../../engine/data/dataset";

export interface CellAddress {
  readonly row: number;
  readonly column: number;
}

export interface RangeReference {
  /** The sheet named before `!`, or undefined for the formula's own sheet. */
  readonly sheet?: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** `AA` -> 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export function parseCell(text: string): CellAddress | null {
  const match = CELL.exec(text.trim());
  if (match === null) return null;
  const row = Number(match[2]) - 1;
  return row < 0 ? null : { row, column: columnIndex(match[1]) };
}

/** Parses `A1`, `A1:B5` or `Sheet!A1:B5`; null when the text is not a reference. */
export function parseRange(text: string): RangeReference | null {
  let rest = text.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang > 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [first, second, extra] = rest.split(":");
  if (extra !== undefined) return null;
  const a = parseCell(first);
  const b = second === undefined ? a : parseCell(second);
  if (a === null || b === null) return null;
  return {
    sheet,
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function formatCell(address: CellAddress): string {
  return `${columnLetter(address.column)}${address.row + 1}`;
}
