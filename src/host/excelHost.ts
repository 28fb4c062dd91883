/**
 * The Excel implementation of the task pane's `WorkbookHost`, over Office.js. Everything it does
 * is shaped by Office's limits (OFFICE.md in the shared notes): reads and writes go in row blocks, one
 * `context.sync` per block, so that no request nears 5 MB on the web or 5,000,000 cells per read;
 * text that Excel would parse (formulas, numbers, TRUE) is written behind an apostrophe so that it
 * stays the text the engine produced; non-empty cells are never overwritten without asking; and
 * charts are built series by series where ExcelApi 1.7 allows it.
 *
 * Office.js enters only through the injected `run` (`Excel.run` in production), so tests drive
 * this class with office-addin-mock and no Excel.
 */
import type { ChartSeriesSpec, ChartSpec } from "../engine/analyses/chartSpec";
import type { Cell } from "../engine/data/types";
import {
  COLOR_SCALE_COLOURS,
  type ColorScale,
  type RangeValues,
  type TableStyle,
  type WorkbookHost,
} from "./workbookHost";
import { escapeText, overwriteQuestion } from "./cellText";

/** `Excel.run`, or a stand-in that hands the batch a mock context. */
export type ExcelBatchRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface ExcelHostOptions {
  /** Rows per read or write request. By default `CELLS_PER_BLOCK / columns` (at least 1). */
  readonly rowsPerBlock?: number;
  /**
   * Whether this Excel supports a requirement set (`("ExcelApi", "1.7")`). By default
   * `Office.context.requirements.isSetSupported`, asked when a chart is drawn.
   */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

/**
 * Cells per request. A double travels as up to ~24 characters of JSON, so 100,000 cells stay
 * near 2.5 MB: half the 5 MB request limit of Excel on the web, and far below the 5,000,000-cell
 * read limit. Microsoft suggests blocks of 5,000-20,000 rows, which this gives at 5-20 columns.
 * Long text can still make a block heavier; the engine's tables are numbers and short labels.
 */
export const CELLS_PER_BLOCK = 100_000;

/** Excel's limit on the length of a sheet name. */
const SHEET_NAME_LENGTH = 31;

/** What `Range.values` accepts for one cell. */
type ExcelInput = string | number | boolean;

/** A block of rows of a range: its first row (0-based, relative to the range) and row count. */
interface RowBlock {
  readonly row: number;
  readonly rows: number;
}

/** The chart types this host draws (all in ExcelApi 1.1). */
type ExcelChartType =
  "XYScatter" | "XYScatterLinesNoMarkers" | "Line" | "LineMarkers" | "ColumnClustered";

/** How one series is drawn within its chart: its own chart type, and a line style if not the default. */
interface SeriesLook {
  readonly chartType: ExcelChartType;
  readonly lineStyle?: "Dash" | "None";
}

export class ExcelHost implements WorkbookHost {
  private readonly rowsPerBlock: number | undefined;
  private readonly isSetSupported: (name: string, version: string) => boolean;

  /**
   * @param run `Excel.run` in production.
   * @param ask Shows a yes/no question to the user; resolves true for yes.
   */
  constructor(
    private readonly run: ExcelBatchRunner,
    private readonly ask: (question: string) => Promise<boolean>,
    options: ExcelHostOptions = {},
  ) {
    const { rowsPerBlock } = options;
    if (rowsPerBlock !== undefined && !(Number.isInteger(rowsPerBlock) && rowsPerBlock >= 1)) {
      throw new Error(`rowsPerBlock must be a whole number of at least 1; it is ${rowsPerBlock}.`);
    }
    this.rowsPerBlock = rowsPerBlock;
    this.isSetSupported =
      options.isSetSupported ??
      ((name, version) => Office.context.requirements.isSetSupported(name, version));
  }

  readSelection(): Promise<RangeValues> {
    return this.run((context) => this.readValues(context, context.workbook.getSelectedRange()));
  }

  readRange(address: string): Promise<RangeValues> {
    return this.run((context) => this.readValues(context, rangeAt(context, address)));
  }

  /** Loads the sheet names once and adds the first `${baseName} ${n}` Excel would accept. */
  addSheet(baseName: string): Promise<string> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const name = freeSheetName(
        baseName,
        sheets.items.map((sheet) => sheet.name),
      );
      context.workbook.worksheets.add(name);
      await context.sync();
      return name;
    });
  }

  /**
   * Checks the target in one batch, asks (outside any batch: the user may take minutes, and the
   * workbook must not wait on an open request meanwhile), then writes in a second batch.
   */
  async writeTable(
    address: string,
    table: readonly (readonly Cell[])[],
    style: TableStyle = {},
  ): Promise<void> {
    const rows = excelRows(table);
    const columns = rows[0]?.length ?? 0;
    if (columns === 0) return;
    const target = await this.run((context) =>
      this.inspectTarget(context, address, rows.length, columns),
    );
    if (
      target.nonEmptyCells > 0 &&
      !(await this.confirmOverwrite(target.address, target.nonEmptyCells))
    ) {
      throw new Error(
        `Nothing was written: ${target.address} holds ${cellCount(target.nonEmptyCells)} ` +
          "and overwriting was declined.",
      );
    }
    await this.run((context) => this.writeRows(context, address, rows, style));
  }

  /** A string that starts with "=" assigned to `values` is a formula to Excel (OFFICE.md). */
  async writeFormula(address: string, formula: string): Promise<void> {
    const target = await this.run((context) => this.inspectTarget(context, address, 1, 1));
    if (target.nonEmptyCells > 0 && !(await this.confirmOverwrite(target.address, 1))) {
      throw new Error(
        `Nothing was written: ${target.address} is not empty and overwriting was declined.`,
      );
    }
    await this.run(async (context) => {
      anchorAt(context, address).values = [[formula]];
      await context.sync();
    });
  }

  confirmOverwrite(address: string, nonEmptyCells: number): Promise<boolean> {
    return this.ask(overwriteQuestion(address, nonEmptyCells));
  }

  /**
   * Writes the chart's data, then charts those cells. With ExcelApi 1.7 every series is set
   * explicitly (values, x values, name, its own chart type and dash). Without it the chart is
   * `charts.add` over the whole table, leaving Excel to pick x values and series from the layout,
   * and the per-series styles (fitted line, dashed bounds) are lost: a plainer but truthful chart.
   * Error bars are never used: the API cannot set their amounts, so intervals come as series.
   */
  async addChart(dataAddress: string, position: string, chart: ChartSpec): Promise<void> {
    checkChart(chart);
    await this.writeTable(dataAddress, chart.data, { headerRows: 1 });
    const seriesApi = this.isSetSupported("ExcelApi", "1.7");
    await this.run(async (context) => {
      const sheet = worksheetOf(context, dataAddress);
      const anchor = sheet.getRange(splitAddress(dataAddress).local).getCell(0, 0);
      const points = chart.data.length - 1;
      // With ExcelApi 1.7, one column: it makes exactly one series, set up below like the
      // others. Without it, the whole table, and Excel picks x values and series from its layout.
      const source = seriesApi
        ? dataColumn(anchor, chart.series[0].column, points, true)
        : anchor.getResizedRange(points, tableWidth(chart.data) - 1);
      const excelChart = sheet.charts.add(chartType(chart), source, "Columns");
      excelChart.title.text = chart.title;
      excelChart.axes.categoryAxis.title.text = chart.xAxisTitle;
      excelChart.axes.valueAxis.title.text = chart.yAxisTitle;
      if (seriesApi) drawSeries(excelChart, anchor, chart);
      // The interface places the chart on the data's sheet; only the cell of `position` counts.
      excelChart.setPosition(splitAddress(position).local);
      await context.sync();
    });
  }

  /** Loads the range's size first, then its values block by block. */
  private async readValues(
    context: Excel.RequestContext,
    range: Excel.Range,
  ): Promise<RangeValues> {
    range.load("address, rowCount, columnCount");
    await context.sync();
    const values: unknown[][] = [];
    for (const block of this.blocks(range.rowCount, range.columnCount)) {
      const part = blockOf(range, block, range.columnCount).load("values");
      await context.sync();
      for (const row of part.values) values.push(row);
    }
    return { address: range.address, values };
  }

  /**
   * Counts the target's non-empty cells from `formulas` rather than `values`: a formula that
   * shows "" has an empty value, yet it is the user's work and must not vanish unasked.
   */
  private async inspectTarget(
    context: Excel.RequestContext,
    address: string,
    rowCount: number,
    columnCount: number,
  ): Promise<{ address: string; nonEmptyCells: number }> {
    const target = anchorAt(context, address).getResizedRange(rowCount - 1, columnCount - 1);
    target.load("address");
    let nonEmptyCells = 0;
    for (const block of this.blocks(rowCount, columnCount)) {
      const part = blockOf(target, block, columnCount).load("formulas");
      await context.sync();
      for (const row of part.formulas) {
        for (const formula of row) if (formula !== "") nonEmptyCells++;
      }
    }
    return { address: target.address, nonEmptyCells };
  }

  /**
   * Values and number formats go block by block, in the same request; bold rows (headers,
   * significant terms) follow in one last request, a range per row.
   */
  private async writeRows(
    context: Excel.RequestContext,
    address: string,
    rows: readonly ExcelInput[][],
    style: TableStyle,
  ): Promise<void> {
    const anchor = anchorAt(context, address);
    const columns = rows[0].length;
    const formats = numberFormatRows(style, rows.length, columns);
    for (const block of this.blocks(rows.length, columns)) {
      const range = blockOf(anchor, block, columns);
      range.values = rows.slice(block.row, block.row + block.rows);
      if (formats !== null) range.numberFormat = formats.slice(block.row, block.row + block.rows);
      await context.sync();
    }
    const headerRows = Math.min(style.headerRows ?? 0, rows.length);
    const bold = new Set([
      ...Array.from({ length: headerRows }, (_, i) => i),
      ...(style.boldRows ?? []),
    ]);
    for (const row of bold) {
      if (row < rows.length) blockOf(anchor, { row, rows: 1 }, columns).format.font.bold = true;
    }
    const heatmap = this.colorScaleRange(anchor, style, rows.length, columns);
    if (heatmap !== null) addColorScale(heatmap, style.colorScale!);
    if (bold.size > 0 || heatmap !== null) await context.sync();
  }

  /**
   * The body cells a colour scale covers, or null when there is none to draw or this Excel lacks
   * conditional formats (ExcelApi 1.6): the numbers are all there, uncoloured.
   */
  private colorScaleRange(
    anchor: Excel.Range,
    style: TableStyle,
    rowCount: number,
    columnCount: number,
  ): Excel.Range | null {
    const scale = style.colorScale;
    const headerRows = style.headerRows ?? 0;
    if (scale === undefined || rowCount <= headerRows || columnCount <= scale.fromColumn)
      return null;
    if (!this.isSetSupported("ExcelApi", "1.6")) return null;
    return anchor
      .getCell(headerRows, scale.fromColumn)
      .getResizedRange(rowCount - headerRows - 1, columnCount - scale.fromColumn - 1);
  }

  /** Splits `rowCount` rows into blocks of the configured size or of the cell budget. */
  private blocks(rowCount: number, columnCount: number): RowBlock[] {
    const size =
      this.rowsPerBlock ?? Math.max(1, Math.floor(CELLS_PER_BLOCK / Math.max(1, columnCount)));
    const blocks: RowBlock[] = [];
    for (let row = 0; row < rowCount; row += size) {
      blocks.push({ row, rows: Math.min(size, rowCount - row) });
    }
    return blocks;
  }
}

/** Excel's own three-colour scale (a conditional format, so it follows edits to the cells). */
function addColorScale(range: Excel.Range, scale: ColorScale): void {
  const format = range.conditionalFormats.add("ColorScale");
  const point = (value: number, color: string) => ({
    formula: String(value),
    type: "Number" as const,
    color,
  });
  format.colorScale.criteria = {
    minimum: point(scale.minimum, COLOR_SCALE_COLOURS.minimum),
    midpoint: point((scale.minimum + scale.maximum) / 2, COLOR_SCALE_COLOURS.midpoint),
    maximum: point(scale.maximum, COLOR_SCALE_COLOURS.maximum),
  };
}

/**
 * The `numberFormat` grid of a table: "General" on header rows and where a column has no format,
 * the column's code elsewhere; null when the style sets no format at all (nothing to send).
 */
function numberFormatRows(style: TableStyle, rows: number, columns: number): string[][] | null {
  const codes = style.numberFormats ?? [];
  if (!codes.some((code) => code !== "")) return null;
  const headerRows = style.headerRows ?? 0;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i < headerRows || !codes[j] ? "General" : codes[j])),
  );
}

/**
 * `Sheet1!A1:B2` → sheet `Sheet1` and local `A1:B2`; `'OLS 1'!A1` → `OLS 1` (quotes removed,
 * doubled apostrophes undone); `A1` → no sheet. A cell reference never holds `!`, so the last
 * one separates them even when a sheet name contains one.
 */
function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  const sheet = address.slice(0, bang);
  const quoted = sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'");
  return {
    sheet: quoted ? sheet.slice(1, -1).replace(/''/g, "'") : sheet,
    local: address.slice(bang + 1),
  };
}

/** The sheet an address names, or the active sheet when it names none. */
function worksheetOf(context: Excel.RequestContext, address: string): Excel.Worksheet {
  const { sheet } = splitAddress(address);
  return sheet === undefined
    ? context.workbook.worksheets.getActiveWorksheet()
    : context.workbook.worksheets.getItem(sheet);
}

function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  return worksheetOf(context, address).getRange(splitAddress(address).local);
}

/** The top-left cell of an address: where a table written "at" it starts. */
function anchorAt(context: Excel.RequestContext, address: string): Excel.Range {
  return rangeAt(context, address).getCell(0, 0);
}

/**
 * A block of rows of `range` (or below it: `getCell` may leave its range as long as it stays on
 * the sheet), all `columns` wide.
 */
function blockOf(range: Excel.Range, block: RowBlock, columns: number): Excel.Range {
  return range.getCell(block.row, 0).getResizedRange(block.rows - 1, columns - 1);
}

/**
 * The first `${base} ${n}` (n = 1, 2, ...) not among `existing`. Excel compares sheet names
 * without case, allows at most 31 characters and none of `\ / ? * [ ] :`, and no apostrophe at
 * either end: the base is cleaned and cut so that the number always fits.
 */
function freeSheetName(baseName: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const base =
    baseName
      .replace(/[\\/?*[\]:]/g, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  for (let n = 1; ; n++) {
    const suffix = ` ${n}`;
    const name = base.slice(0, SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The table as `Range.values` takes it: a rectangle (short rows padded with blanks) of inputs. */
function excelRows(table: readonly (readonly Cell[])[]): ExcelInput[][] {
  const width = tableWidth(table);
  return table.map((row) => Array.from({ length: width }, (_, j) => excelInput(row[j] ?? null)));
}

function tableWidth(table: readonly (readonly Cell[])[]): number {
  return table.reduce((widest, row) => Math.max(widest, row.length), 0);
}

/**
 * One cell as Excel should receive it. Blank is "": `null` in `Range.values` means "leave the
 * cell as it is", and JSON turns NaN and ±Infinity into `null`, so those become "" as well (the
 * preview host does the same). Text that Excel would parse into something else gets a leading
 * apostrophe, which Excel keeps as a prefix and does not show: the cell holds the same text.
 */
function excelInput(cell: Cell): ExcelInput {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell;
  return escapeText(cell);
}

function cellCount(n: number): string {
  return n === 1 ? "1 non-empty cell" : `${n} non-empty cells`;
}

/** Rejects a spec Excel could not chart, before anything is written. */
function checkChart(chart: ChartSpec): void {
  const width = tableWidth(chart.data);
  if (chart.data.length < 2) {
    throw new Error(
      `Chart "${chart.title}" needs a header row and at least one data row; its table has ${chart.data.length} row(s).`,
    );
  }
  if (chart.series.length === 0) throw new Error(`Chart "${chart.title}" has no series.`);
  for (const { column } of chart.series) {
    if (!Number.isInteger(column) || column < 1 || column >= width) {
      throw new Error(
        `Chart "${chart.title}" plots column ${column}, but its table has data columns 1 to ${width - 1}.`,
      );
    }
  }
}

/**
 * Scatter plots numbers against numbers; a line over numeric x is a scatter with lines (true x
 * spacing), over labels a category line chart; columns are clustered columns.
 */
function chartType(chart: ChartSpec): ExcelChartType {
  switch (chart.kind) {
    case "scatter":
      return "XYScatter";
    case "line":
      return chart.data.slice(1).every((row) => typeof row[0] === "number")
        ? "XYScatterLinesNoMarkers"
        : "Line";
    case "column":
      return "ColumnClustered";
    default:
      return unreachable(chart.kind);
  }
}

/** A series' chart type within a chart of `type`: markers, a solid line, or a dashed line. */
function seriesLook(type: ExcelChartType, style: ChartSeriesSpec["style"]): SeriesLook {
  const xy = type === "XYScatter" || type === "XYScatterLinesNoMarkers";
  const line: ExcelChartType = xy ? "XYScatterLinesNoMarkers" : "Line";
  switch (style) {
    case "markers":
      if (xy) return { chartType: "XYScatter" };
      // A category chart has no marker-only type: markers on a line that is not drawn.
      return type === "ColumnClustered"
        ? { chartType: "ColumnClustered" }
        : { chartType: "LineMarkers", lineStyle: "None" };
    case "line":
      return { chartType: line };
    case "dashed":
      return { chartType: line, lineStyle: "Dash" };
    default:
      return unreachable(style);
  }
}

/**
 * Column `column` of the chart's table: its data cells, or with the header cell on top. `anchor`
 * is the table's top-left cell; the table has `points` data rows.
 */
function dataColumn(
  anchor: Excel.Range,
  column: number,
  points: number,
  withHeader = false,
): Excel.Range {
  return withHeader
    ? anchor.getCell(0, column).getResizedRange(points, 0)
    : anchor.getCell(1, column).getResizedRange(points - 1, 0);
}

/**
 * Sets up one series per spec entry (ExcelApi 1.7): the first is the one `charts.add` made from
 * its column, the others are added. Each plots its column's data cells against column 0's.
 */
function drawSeries(excelChart: Excel.Chart, anchor: Excel.Range, chart: ChartSpec): void {
  const type = chartType(chart);
  const points = chart.data.length - 1;
  const xValues = dataColumn(anchor, 0, points);
  chart.series.forEach((spec, i) => {
    const header = chart.data[0][spec.column] ?? null;
    const name = header === null || header === "" ? `Series ${i + 1}` : String(header);
    const series = i === 0 ? excelChart.series.getItemAt(0) : excelChart.series.add(name);
    series.name = name;
    series.setValues(dataColumn(anchor, spec.column, points));
    series.setXAxisValues(xValues);
    const look = seriesLook(type, spec.style);
    series.chartType = look.chartType;
    if (look.lineStyle !== undefined) series.format.line.lineStyle = look.lineStyle;
  });
}

function unreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
