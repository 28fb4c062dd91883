/**
 * Where results land. The task pane writes through this interface only, so the same pane code
 * runs in Excel (an Office.js implementation) and in the browser preview (src/preview/previewHost.ts).
 * The engine's tables (`Cell[][]`) and charts (`ChartSpec`) are all a host needs.
 */
import type { ChartSpec } from "../engine/analyses/chartSpec";
import type { Cell } from "../engine/data/types";

export interface RangeValues {
  /** Address in A1 notation, with the sheet: `Sheet1!A1:E573`. */
  readonly address: string;
  readonly values: unknown[][];
}

/** How a written table looks: bold header rows, number formats per column, rows in bold. */
export interface TableStyle {
  /** Rows at the top (a title, column names) drawn bold and left out of the number formats. */
  readonly headerRows?: number;
  /** An Excel number format code per column ("" for General), for the rows below the header. */
  readonly numberFormats?: readonly string[];
  /** Further rows (0-based, counting the header rows) drawn in bold, such as significant terms. */
  readonly boldRows?: readonly number[];
  /**
   * A heatmap over the rows below the header, from column `fromColumn` on: Excel's red-white-blue
   * colour scale, red at `minimum`, white midway, blue at `maximum` (a correlation matrix).
   */
  readonly colorScale?: ColorScale;
}

export interface ColorScale {
  readonly fromColumn: number;
  readonly minimum: number;
  readonly maximum: number;
}

/** Excel's default three-colour scale: red, white, blue. */
export const COLOR_SCALE_COLOURS = { minimum: "#F8696B", midpoint: "#FFFFFF", maximum: "#5A8AC6" };

export interface WorkbookHost {
  /** The values of the user's current selection. */
  readSelection(): Promise<RangeValues>;
  /** The values of a range by address. */
  readRange(address: string): Promise<RangeValues>;
  /** Adds a sheet with a name not yet used (`OLS 1`, `OLS 2`, ...) and returns that name. */
  addSheet(baseName: string): Promise<string>;
  /**
   * Writes a table with its top-left cell at `address`. When any target cell is not empty it
   * asks `confirmOverwrite` first and, if the answer is no, writes nothing and rejects.
   */
  writeTable(
    address: string,
    table: readonly (readonly Cell[])[],
    style?: TableStyle,
  ): Promise<void>;
  /**
   * Writes a formula (such as `=MMM.OLS(...)`) into one cell, asking first when the cell is not
   * empty; its result then spills and recalculates as the data change.
   */
  writeFormula(address: string, formula: string): Promise<void>;
  /** Asks the user before overwriting non-empty cells; resolves true to proceed. */
  confirmOverwrite(address: string, nonEmptyCells: number): Promise<boolean>;
  /**
   * Writes the chart's data table at `dataAddress` (through `writeTable`) and draws the chart
   * from those cells, placed with its top-left corner at the cell `position`, on the same sheet.
   */
  addChart(dataAddress: string, position: string, chart: ChartSpec): Promise<void>;
}
