/**
 * "Write as live formulas": the analysis's formulas on a new sheet instead of values, so the
 * report recalculates when the data change (the basis of reusable templates).
 */
import type { LiveSheet } from "../engine/analyses/registry";
import type { WorkbookHost } from "../host/workbookHost";

export async function writeLiveFormulas(
  host: WorkbookHost,
  baseName: string,
  live: LiveSheet,
): Promise<string> {
  const sheet = await host.addSheet(baseName);
  const at = (cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;
  await host.writeTable(
    at("A1"),
    [[live.title], ["Live formulas: they recalculate when the data change."]],
    { headerRows: 1 },
  );
  for (const { cell, formula } of live.formulas) await host.writeFormula(at(cell), formula);
  return sheet;
}
