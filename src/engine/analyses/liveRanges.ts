/**
 * The ranges of chosen columns inside a source range (`Sales!A1:E573` with its header row), for
 * analyses written as live worksheet formulas. A function argument is one range, so columns that
 * go into one argument must sit side by side, in the order chosen.
 */
import { columnLetter } from "../data/dataset";
import type { LiveSource } from "./registry";

export interface SourceColumns {
  /** `Sales!B1:B573`: one column of the source, header row included. */
  column(name: string): string;
  /** The range spanning the named columns, or null when they are not side by side in order. */
  block(names: readonly string[]): string | null;
}

export function sourceColumns(source: LiveSource): SourceColumns | string {
  const bang = source.address.lastIndexOf("!");
  const prefix = bang > 0 ? source.address.slice(0, bang + 1) : "";
  const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(source.address.slice(bang + 1));
  if (match === null) return `Live formulas need a range with a header row; got ${source.address}.`;
  let left = 0;
  for (const letter of match[1].toUpperCase()) left = left * 26 + (letter.charCodeAt(0) - 64);
  left -= 1;
  const [top, bottom] = [match[2], match[4]];
  const letterOf = (name: string) => columnLetter(left + source.columnNames.indexOf(name));
  return {
    column: (name) => `${prefix}${letterOf(name)}${top}:${letterOf(name)}${bottom}`,
    block: (names) => {
      const indices = names.map((name) => source.columnNames.indexOf(name));
      const sideBySide = indices.every(
        (index, i) => index >= 0 && (i === 0 || index === indices[i - 1] + 1),
      );
      if (!sideBySide || indices.length === 0) return null;
      return `${prefix}${letterOf(names[0])}${top}:${letterOf(names[names.length - 1])}${bottom}`;
    },
  };
}
