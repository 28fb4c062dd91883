/**
 * The preview's implementation of the task pane's `WorkbookHost`: reads and writes the in-memory
 * workbook as the Excel implementation will read and write a real one, so that the pane's code
 * runs unchanged in the preview. Tables are written as typed text (numbers in full precision,
 * text that would read as a formula behind an apostrophe), and never over non-empty cells
 * unless the user agreed.
 */
import type { ChartSpec } from "../engine/analyses/chartSpec";
import type { Cell } from "../engine/data/types";
import { escapeText, overwriteQuestion } from "../host/cellText";
import {
  COLOR_SCALE_COLOURS,
  type RangeValues,
  type TableStyle,
  type WorkbookHost,
} from "../host/workbookHost";
import { formatCell, parseRange, type RangeReference } from "./workbook/address";
import type { CellStyle, Workbook } from "./workbook/workbook";

/** Rows read between two breaks for the page (a few tens of milliseconds each). */
const READ_BLOCK_ROWS = 50_000;

export interface PreviewSelection {
  readonly sheet: number;
  readonly row: number;
  readonly column: number;
}

export class PreviewHost implements WorkbookHost {
  constructor(
    private readonly workbook: Workbook,
    private readonly selection: () => PreviewSelection,
    private readonly ask: (question: string) => Promise<boolean>,
    private readonly changed: () => void = () => undefined,
  ) {}

  /** The active cell's current region (the block of filled cells around it, as Ctrl+A in Excel). */
  async readSelection(): Promise<RangeValues> {
    const { sheet, row, column } = this.selection();
    return this.read(sheet, this.workbook.currentRegion(sheet, row, column));
  }

  async readRange(address: string): Promise<RangeValues> {
    const { sheet, reference } = this.resolve(address);
    return this.read(sheet, reference);
  }

  async addSheet(baseName: string): Promise<string> {
    let n = 1;
    while (this.workbook.sheetIndex(`${baseName} ${n}`) >= 0) n++;
    const index = this.workbook.addSheet(`${baseName} ${n}`);
    this.changed();
    return this.workbook.sheetNames[index];
  }

  async writeTable(
    address: string,
    table: readonly (readonly Cell[])[],
    style: TableStyle = {},
  ): Promise<void> {
    const { sheet, reference } = this.resolve(address);
    const width = table.reduce((widest, row) => Math.max(widest, row.length), 0);
    let occupied = 0;
    for (let i = 0; i < table.length; i++)
      for (let j = 0; j < width; j++) {
        if (this.workbook.input(sheet, reference.top + i, reference.left + j) !== "") occupied++;
      }
    const end = formatCell({
      row: reference.top + table.length - 1,
      column: reference.left + width - 1,
    });
    const target = `${this.workbook.sheetNames[sheet]}!${formatCell({ row: reference.top, column: reference.left })}:${end}`;
    if (occupied > 0 && !(await this.confirmOverwrite(target, occupied))) {
      throw new Error(`Nothing was written: ${target} holds data that would be overwritten.`);
    }
    this.workbook.writeInputs(
      sheet,
      reference.top,
      reference.left,
      table.map((row) => Array.from({ length: width }, (_, j) => typedText(row[j] ?? null))),
    );
    this.workbook.setStyles(sheet, reference.top, reference.left, cellStyles(style, table, width));
    this.changed();
  }

  async writeFormula(address: string, formula: string): Promise<void> {
    const { sheet, reference } = this.resolve(address);
    const { top: row, left: column } = reference;
    const target = `${this.workbook.sheetNames[sheet]}!${formatCell({ row, column })}`;
    if (
      this.workbook.input(sheet, row, column) !== "" &&
      !(await this.confirmOverwrite(target, 1))
    ) {
      throw new Error(`Nothing was written: ${target} is not empty and overwriting was declined.`);
    }
    this.workbook.setInput(sheet, row, column, formula);
    this.changed();
  }

  confirmOverwrite(address: string, nonEmptyCells: number): Promise<boolean> {
    return this.ask(overwriteQuestion(address, nonEmptyCells));
  }

  /** Writes the chart's data, then keeps the chart with its sheet for the page to draw. */
  async addChart(dataAddress: string, position: string, chart: ChartSpec): Promise<void> {
    await this.writeTable(dataAddress, chart.data, { headerRows: 1 });
    const { sheet, reference } = this.resolve(position);
    this.workbook.addChart(sheet, { row: reference.top, column: reference.left }, chart);
    this.changed();
  }

  private resolve(address: string): { sheet: number; reference: RangeReference } {
    const reference = parseRange(address);
    if (reference === null) throw new Error(`"${address}" is not a range address.`);
    const sheet =
      reference.sheet === undefined
        ? this.selection().sheet
        : this.workbook.sheetIndex(reference.sheet);
    if (sheet < 0) throw new Error(`There is no sheet named "${reference.sheet}".`);
    return { sheet, reference };
  }

  /**
   * Reads in blocks of rows and lets the page breathe between them, as the Excel host reads in
   * one request per block: a million-row selection never holds the UI thread in one piece.
   */
  private async read(sheet: number, reference: RangeReference): Promise<RangeValues> {
    const values: unknown[][] = [];
    for (let top = reference.top; top <= reference.bottom; top += READ_BLOCK_ROWS) {
      const bottom = Math.min(reference.bottom, top + READ_BLOCK_ROWS - 1);
      for (const row of this.workbook.values(sheet, { ...reference, top, bottom }))
        values.push(row);
      if (bottom < reference.bottom) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const from = formatCell({ row: reference.top, column: reference.left });
    const to = formatCell({ row: reference.bottom, column: reference.right });
    return { address: `${this.workbook.sheetNames[sheet]}!${from}:${to}`, values };
  }
}

/** A value as typed text that reads back as the same value (see escapeText). */
function typedText(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return escapeText(value);
}

/** The style of each cell of a table written with `style`. */
function cellStyles(
  style: TableStyle,
  table: readonly (readonly Cell[])[],
  columns: number,
): CellStyle[][] {
  const headerRows = style.headerRows ?? 0;
  const bold = new Set(style.boldRows);
  const scale = style.colorScale;
  return table.map((row, i) =>
    Array.from({ length: columns }, (_, j) => {
      const value = row[j];
      const heat =
        scale !== undefined && i >= headerRows && j >= scale.fromColumn && typeof value === "number"
          ? { background: scaleColour(value, scale.minimum, scale.maximum) }
          : {};
      return {
        numberFormat: i < headerRows ? "" : (style.numberFormats?.[j] ?? ""),
        bold: i < headerRows || bold.has(i),
        ...heat,
      };
    }),
  );
}

/** Excel's three-colour scale: red at the minimum, white midway, blue at the maximum. */
export function scaleColour(value: number, minimum: number, maximum: number): string {
  const middle = (minimum + maximum) / 2;
  const [from, to, t] =
    value <= middle
      ? [
          COLOR_SCALE_COLOURS.minimum,
          COLOR_SCALE_COLOURS.midpoint,
          (value - minimum) / (middle - minimum),
        ]
      : [
          COLOR_SCALE_COLOURS.midpoint,
          COLOR_SCALE_COLOURS.maximum,
          (value - middle) / (maximum - middle),
        ];
  const clamp = Math.max(0, Math.min(1, t));
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  const mixed = [0, 1, 2].map((k) =>
    Math.round(channel(from, k) + clamp * (channel(to, k) - channel(from, k)))
      .toString(16)
      .padStart(2, "0"),
  );
  return `#${mixed.join("")}`;
}
