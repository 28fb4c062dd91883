/**
 * Writes a report's per-row column (cluster labels) in the column just right of the source range,
 * from its top row: the header in the header row when the source has one, then one cell per data
 * row. The host asks before it overwrites anything there.
 */
import type { BesideSource } from "../engine/analyses/report";
import { columnLetter } from "../engine/data/dataset";
import type { Cell } from "../engine/data/types";
import type { WorkbookHost } from "../host/workbookHost";

export async function writeBesideSource(
  host: WorkbookHost,
  sourceAddress: string,
  hasHeader: boolean,
  column: BesideSource,
): Promise<string> {
  const target = besideAddress(sourceAddress);
  const rows: Cell[][] = [
    ...(hasHeader ? [[column.header]] : []),
    ...column.values.map((v): Cell[] => [v]),
  ];
  await host.writeTable(target, rows, { headerRows: hasHeader ? 1 : 0 });
  return target;
}

/** `Sales!A1:E573` -> `Sales!F1`; the sheet part is kept as written (quoted or not). */
export function besideAddress(sourceAddress: string): string {
  const bang = sourceAddress.lastIndexOf("!");
  const sheet = bang >= 0 ? sourceAddress.slice(0, bang + 1) : "";
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?\d+)?$/i.exec(sourceAddress.slice(bang + 1));
  if (match === null) throw new Error(`"${sourceAddress}" is not a range address.`);
  const right = (match[3] ?? match[1]).toUpperCase();
  let index = 0;
  for (const letter of right) index = index * 26 + letter.charCodeAt(0) - 64;
  return `${sheet}${columnLetter(index)}${match[2]}`;
}
