/**
 * Lays a report out on a new results sheet through the host (Excel or the preview): the title in
 * A1, the reading below it, the tables one under another (each with its title), and the charts
 * to the right, their data tables further right so that every plotted number stays on the sheet.
 */
import type { Report } from "../engine/analyses/report";
import { columnLetter } from "../engine/data/dataset";
import type { Cell } from "../engine/data/types";
import type { WorkbookHost } from "../host/workbookHost";

/** Where each part of the report landed, for the pane to point at. */
export interface ResultSheetLayout {
  readonly sheet: string;
  /** Top-left cell of each table, by title. */
  readonly tables: Readonly<Record<string, string>>;
  /** Top-left cell of each chart, in report order. */
  readonly charts: readonly string[];
}

/** Charts sit in column J, one every CHART_ROWS rows (an Excel chart of default size is ~15 rows). */
const CHART_COLUMN = 9;
const CHART_ROWS = 18;
/** Chart data tables start in column U, side by side with one blank column between. */
const CHART_DATA_COLUMN = 20;

export async function writeResultSheet(
  host: WorkbookHost,
  report: Report,
  baseName: string,
): Promise<ResultSheetLayout> {
  const sheet = await host.addSheet(baseName);
  const at = (row: number, column: number) =>
    `'${sheet.replace(/'/g, "''")}'!${columnLetter(column)}${row + 1}`;

  const head: Cell[][] = [[report.title], [], ...report.reading.map((line): Cell[] => [line])];
  await host.writeTable(at(0, 0), head, { headerRows: 1 });
  let row = head.length + 1;
  const tables: Record<string, string> = {};
  for (const table of report.tables) {
    // The title sits above the column names, so the table's rows move down by one.
    await host.writeTable(at(row, 0), [[table.title], ...table.rows], {
      headerRows: 2,
      numberFormats: table.formats,
      boldRows: (table.emphasis ?? []).map((index) => index + 1),
      colorScale: table.heatmap && { fromColumn: 1, ...table.heatmap },
    });
    tables[table.title] = at(row, 0);
    row += table.rows.length + 2;
  }

  const charts: string[] = [];
  let dataColumn = CHART_DATA_COLUMN;
  for (const [index, chart] of report.charts.entries()) {
    const position = at(1 + index * CHART_ROWS, CHART_COLUMN);
    await host.addChart(at(0, dataColumn), position, chart);
    charts.push(position);
    dataColumn += (chart.data[0]?.length ?? 1) + 1;
  }
  return { sheet, tables, charts };
}
