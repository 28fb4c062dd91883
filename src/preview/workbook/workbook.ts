/**
 * The in-memory workbook of the browser preview: sheets of typed-in cells, and the values Excel
 * would show for them. A cell that starts with `=MMM.` is evaluated by the production custom
 * function (the same code Excel runs), its 2-D result spills below and to the right, and
 * `#SPILL!` marks a result whose target cells are not empty, and `#BUSY!` a function still
 * calculating on a worker (its promise's result is shown once it settles). Every change evaluates every formula
 * again, in row order, sheet by sheet; typed literals are parsed once, when typed.
 */
import type { ChartSpec } from "../../engine/analyses/chartSpec";
import { parseCsv } from "../../engine/data/csv";
import { formatCell, type CellAddress, type RangeReference } from "./address";
import { FormulaSyntaxError, isFormula, parseFormula, type FormulaArgument } from "./formula";

export type CellValue = number | string | boolean | null;

/** An Excel error value with the message Excel shows in the cell's error menu. */
export interface CellError {
  readonly code: string;
  readonly message: string;
}

export interface DisplayedCell {
  readonly value: CellValue;
  readonly error?: CellError;
  /** For a cell inside a spilled result: the formula cell it comes from. */
  readonly spilledFrom?: CellAddress;
}

/** The worksheet functions by id (`OLS`), called as Excel calls them. */
export type FunctionTable = Readonly<Record<string, (...args: unknown[]) => unknown>>;

/** How a cell is drawn: an Excel number format code ("" for General) and bold text. */
export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Fill colour, "#rrggbb". */
  readonly background?: string;
}

/**
 * One sheet. Typed text and its literal values are kept in sparse row arrays (compact enough for
 * a million-row table) and parsed once, when typed; only formulas are evaluated again on a change.
 */
interface Sheet {
  name: string;
  /** What was typed: inputs[row][column]. */
  inputs: (string | undefined)[][];
  /** The value of each typed literal (not of formulas): literals[row][column]. */
  literals: (CellValue | undefined)[][];
  /** Formula cells by `row,column`. */
  formulas: Map<string, CellAddress>;
  /** Formula results and their spills by `row,column`, rebuilt by `recalculate`. */
  results: Map<string, DisplayedCell>;
  /** Rows and columns holding typed cells (grows only, like Excel's used range). */
  typedExtent: { rows: number; columns: number };
  /** Rows and columns in use, typed or spilled. */
  extent: { rows: number; columns: number };
  styles: Map<string, CellStyle>;
  /** Charts placed on the sheet (by the task pane), with their top-left cell. */
  charts: PlacedChart[];
}

export interface PlacedChart {
  readonly position: CellAddress;
  readonly chart: ChartSpec;
}

type AsyncResult =
  | { readonly state: "pending" }
  | { readonly state: "done"; readonly value: unknown }
  | { readonly state: "failed"; readonly error: unknown };

const key = (row: number, column: number) => `${row},${column}`;
const BLANK: DisplayedCell = { value: null };
const NO_STYLE: CellStyle = {};

export class Workbook {
  private readonly sheets: Sheet[] = [];

  /** Results of functions that answered with a promise, by formula cell; cleared on any edit. */
  private asyncResults = new Map<string, AsyncResult>();
  private readonly pending = new Set<Promise<void>>();
  /** Bumped on every edit: a promise settling after one belongs to an older workbook. */
  private revision = 0;

  /**
   * @param onSettled Called when a function's promise settles and its result is shown (the
   *   page redraws).
   */
  constructor(
    private readonly functions: FunctionTable,
    private readonly onSettled: () => void = () => undefined,
  ) {
    this.addSheet();
  }

  /** Resolves once no function is still calculating. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  get sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** Adds a sheet (named `Sheet2`, ... unless a name is given) and returns its index. */
  addSheet(name?: string): number {
    let chosen = name?.trim() || "";
    if (chosen === "") {
      let n = this.sheets.length + 1;
      while (this.sheetIndex(`Sheet${n}`) >= 0) n++;
      chosen = `Sheet${n}`;
    } else {
      let candidate = chosen;
      for (let n = 2; this.sheetIndex(candidate) >= 0; n++) candidate = `${chosen} (${n})`;
      chosen = candidate;
    }
    this.sheets.push({
      name: chosen,
      inputs: [],
      literals: [],
      formulas: new Map(),
      results: new Map(),
      typedExtent: { rows: 0, columns: 0 },
      extent: { rows: 0, columns: 0 },
      styles: new Map(),
      charts: [],
    });
    return this.sheets.length - 1;
  }

  /** Renames a sheet; the name must be non-empty and not used by another sheet. */
  renameSheet(index: number, name: string): void {
    const trimmed = name.trim();
    if (trimmed === "" || /[\\/?*[\]:]/.test(trimmed)) {
      throw new Error(`A sheet name cannot be empty or contain \\ / ? * [ ] :`);
    }
    const existing = this.sheetIndex(trimmed);
    if (existing >= 0 && existing !== index)
      throw new Error(`A sheet named "${trimmed}" already exists.`);
    this.sheets[index].name = trimmed;
    this.edited();
  }

  sheetIndex(name: string): number {
    const lower = name.toLowerCase();
    return this.sheets.findIndex((sheet) => sheet.name.toLowerCase() === lower);
  }

  addChart(sheet: number, position: CellAddress, chart: ChartSpec): void {
    this.sheets[sheet].charts.push({ position, chart });
  }

  charts(sheet: number): readonly PlacedChart[] {
    return this.sheets[sheet].charts;
  }

  /** Sets how a block of cells is drawn (number formats, bold), merged with what they had. */
  setStyles(
    sheet: number,
    row: number,
    column: number,
    block: readonly (readonly CellStyle[])[],
  ): void {
    const styles = this.sheets[sheet].styles;
    block.forEach((line, i) =>
      line.forEach((style, j) => {
        const k = key(row + i, column + j);
        styles.set(k, { ...styles.get(k), ...style });
      }),
    );
  }

  style(sheet: number, row: number, column: number): CellStyle {
    return this.sheets[sheet].styles.get(key(row, column)) ?? NO_STYLE;
  }

  /** A range's values as Excel hands them over: blanks as null, errors as their code. */
  values(sheet: number, reference: RangeReference): unknown[][] {
    const target = this.sheets[sheet];
    const rows: unknown[][] = [];
    for (let r = reference.top; r <= reference.bottom; r++) {
      const literals = target.literals[r];
      const line: unknown[] = [];
      for (let c = reference.left; c <= reference.right; c++) {
        const result = target.results.size > 0 ? target.results.get(key(r, c)) : undefined;
        if (result !== undefined)
          line.push(result.error !== undefined ? result.error.code : result.value);
        else line.push(literals?.[c] ?? null);
      }
      rows.push(line);
    }
    return rows;
  }

  /** What was typed into a cell ("" when empty). */
  input(sheet: number, row: number, column: number): string {
    return this.sheets[sheet].inputs[row]?.[column] ?? "";
  }

  /** What the cell shows. */
  cell(sheet: number, row: number, column: number): DisplayedCell {
    const target = this.sheets[sheet];
    const result = target.results.get(key(row, column));
    if (result !== undefined) return result;
    const literal = target.literals[row]?.[column];
    return literal === undefined ? BLANK : { value: literal };
  }

  /** Rows and columns in use (typed or spilled), for sizing the grid. */
  extent(sheet: number): { rows: number; columns: number } {
    return this.sheets[sheet].extent;
  }

  /**
   * The block of filled cells around a cell, grown until every row and column just outside it is
   * empty (Excel's current region, what Ctrl+A selects); the cell itself when all around is empty.
   */
  currentRegion(sheet: number, row: number, column: number): RangeReference {
    const target = this.sheets[sheet];
    const filled = (r: number, c: number) =>
      r >= 0 &&
      c >= 0 &&
      (target.inputs[r]?.[c] !== undefined ||
        (target.results.size > 0 && target.results.has(key(r, c))));
    let top = row;
    let bottom = row;
    let left = column;
    let right = column;
    const anyInRow = (r: number) => {
      for (let c = left - 1; c <= right + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const anyInColumn = (c: number) => {
      for (let r = top - 1; r <= bottom + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    // Rows first, then columns, until neither grows: checking a column scans the current
    // height, so interleaving the two would cost rows^2 on a long table.
    for (let grown = true; grown;) {
      grown = false;
      while (top > 0 && anyInRow(top - 1)) {
        top--;
        grown = true;
      }
      while (anyInRow(bottom + 1)) {
        bottom++;
        grown = true;
      }
      while (left > 0 && anyInColumn(left - 1)) {
        left--;
        grown = true;
      }
      while (anyInColumn(right + 1)) {
        right++;
        grown = true;
      }
    }
    return { top, left, bottom, right };
  }

  setInput(sheet: number, row: number, column: number, text: string): void {
    this.writeInputs(sheet, row, column, [[text]]);
  }

  /** Writes a block of typed text (a paste) with its top-left at (row, column). */
  writeInputs(
    sheet: number,
    row: number,
    column: number,
    block: readonly (readonly string[])[],
  ): void {
    const target = this.sheets[sheet];
    block.forEach((line, i) => line.forEach((text, j) => type(target, row + i, column + j, text)));
    this.edited();
  }

  /** Tab-separated text, as Excel and other spreadsheets copy it, written at (row, column). */
  pasteTsv(
    sheet: number,
    row: number,
    column: number,
    text: string,
  ): { rows: number; columns: number } {
    const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    const block = lines.map((line) => line.split("\t"));
    this.writeInputs(sheet, row, column, block);
    return { rows: block.length, columns: Math.max(...block.map((line) => line.length)) };
  }

  /** Adds a sheet holding a CSV file's cells (the name without extension) and returns its index. */
  addCsvSheet(name: string, text: string): number {
    const index = this.addSheet(name.replace(/\.csv$/i, ""));
    const target = this.sheets[index];
    parseCsv(text).forEach((fields, r) => fields.forEach((field, c) => type(target, r, c, field)));
    this.edited();
    return index;
  }

  /** After any edit: results of promises from before it are void, and everything recalculates. */
  private edited(): void {
    this.revision++;
    this.asyncResults = new Map();
    this.recalculate();
  }

  /**
   * Evaluates every formula again, in row order, sheet by sheet. Literals were parsed when typed,
   * so a change costs the formulas only, however large the typed tables are.
   */
  recalculate(): void {
    for (const sheet of this.sheets) sheet.results = new Map();
    this.sheets.forEach((sheet, index) => {
      const formulas = [...sheet.formulas.values()].sort(
        (a, b) => a.row - b.row || a.column - b.column,
      );
      for (const at of formulas) this.evaluateInto(index, at, sheet.inputs[at.row][at.column]!);
      let { rows, columns } = sheet.typedExtent;
      for (const k of sheet.results.keys()) {
        const comma = k.indexOf(",");
        rows = Math.max(rows, Number(k.slice(0, comma)) + 1);
        columns = Math.max(columns, Number(k.slice(comma + 1)) + 1);
      }
      sheet.extent = { rows, columns };
    });
  }

  private evaluateInto(sheetIndex: number, anchor: CellAddress, text: string): void {
    const sheet = this.sheets[sheetIndex];
    let result: unknown;
    try {
      const formula = parseFormula(text);
      const implementation = this.functions[formula.name];
      if (implementation === undefined) {
        return this.showError(
          sheet,
          anchor,
          "#NAME?",
          `MMM.${formula.name} is not a function of this add-in.`,
        );
      }
      const cacheKey = `${sheetIndex}!${anchor.row},${anchor.column}`;
      const cached = this.asyncResults.get(cacheKey);
      if (cached?.state === "pending") {
        return this.showError(sheet, anchor, "#BUSY!", "Calculating…");
      }
      if (cached?.state === "failed") throw cached.error;
      result =
        cached?.state === "done"
          ? cached.value
          : implementation(...formula.args.map((arg) => this.argumentValue(sheetIndex, arg)));
      if (isPromiseLike(result)) {
        this.await(cacheKey, result);
        return this.showError(sheet, anchor, "#BUSY!", "Calculating…");
      }
    } catch (error) {
      if (error instanceof FormulaSyntaxError)
        return this.showError(sheet, anchor, "#NAME?", error.message);
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      return this.showError(sheet, anchor, typeof code === "string" ? code : "#VALUE!", message);
    }
    const table = toTable(result);
    const blocker = this.findBlocker(sheet, anchor, table);
    if (blocker !== null) {
      const bottomRight = {
        row: anchor.row + table.length - 1,
        column: anchor.column + table[0].length - 1,
      };
      return this.showError(
        sheet,
        anchor,
        "#SPILL!",
        `The result needs ${formatCell(anchor)}:${formatCell(bottomRight)}, but ${formatCell(blocker)} is not empty.`,
      );
    }
    table.forEach((line, i) =>
      line.forEach((value, j) => {
        const at = { row: anchor.row + i, column: anchor.column + j };
        sheet.results.set(
          key(at.row, at.column),
          i === 0 && j === 0 ? { value } : { value, spilledFrom: anchor },
        );
      }),
    );
  }

  /** Shows #BUSY! until the promise settles, then recalculates with its result (as Excel does). */
  private await(cacheKey: string, promise: PromiseLike<unknown>): void {
    const revision = this.revision;
    this.asyncResults.set(cacheKey, { state: "pending" });
    const settle = (result: AsyncResult) => {
      if (this.revision !== revision) return;
      this.asyncResults.set(cacheKey, result);
      this.recalculate();
      this.onSettled();
    };
    const done: Promise<void> = Promise.resolve(promise).then(
      (value) => settle({ state: "done", value }),
      (error: unknown) => settle({ state: "failed", error }),
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private findBlocker(sheet: Sheet, anchor: CellAddress, table: CellValue[][]): CellAddress | null {
    for (let i = 0; i < table.length; i++) {
      for (let j = 0; j < table[i].length; j++) {
        if (i === 0 && j === 0) continue;
        const row = anchor.row + i;
        const column = anchor.column + j;
        if (sheet.inputs[row]?.[column] !== undefined || sheet.results.has(key(row, column)))
          return { row, column };
      }
    }
    return null;
  }

  private showError(sheet: Sheet, anchor: CellAddress, code: string, message: string): void {
    sheet.results.set(key(anchor.row, anchor.column), { value: code, error: { code, message } });
  }

  /** An argument as Excel hands it to a custom function: ranges as 2-D arrays, blanks as null. */
  private argumentValue(sheetIndex: number, argument: FormulaArgument): unknown {
    switch (argument.kind) {
      case "omitted":
        return null;
      case "number":
      case "string":
      case "boolean":
        return argument.value;
      case "range":
        return this.rangeValues(sheetIndex, argument.reference);
    }
  }

  private rangeValues(sheetIndex: number, reference: RangeReference): unknown[][] {
    const index = reference.sheet === undefined ? sheetIndex : this.sheetIndex(reference.sheet);
    if (index < 0) throw new FormulaSyntaxError(`There is no sheet named "${reference.sheet}".`);
    return this.values(index, reference);
  }
}

/** A typed literal as Excel reads it: numbers, TRUE/FALSE, text ('123 forces text). */
export function literalValue(text: string): CellValue {
  if (text.startsWith("'")) return text.slice(1);
  const trimmed = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  return text;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function toTable(result: unknown): CellValue[][] {
  const rows = Array.isArray(result) ? result : [[result]];
  return rows.map((row) =>
    (Array.isArray(row) ? row : [row]).map((v) => (v === undefined ? null : (v as CellValue))),
  );
}

/** Records typed text in a cell ("" empties it) with its literal value, parsed once. */
function type(sheet: Sheet, row: number, column: number, text: string): void {
  const k = key(row, column);
  if (text === "") {
    if (sheet.inputs[row]?.[column] === undefined) return;
    delete sheet.inputs[row][column];
    delete sheet.literals[row][column];
    sheet.formulas.delete(k);
    return;
  }
  (sheet.inputs[row] ??= [])[column] = text;
  const literals = (sheet.literals[row] ??= []);
  if (isFormula(text)) {
    delete literals[column];
    sheet.formulas.set(k, { row, column });
  } else {
    literals[column] = literalValue(text);
    sheet.formulas.delete(k);
  }
  sheet.typedExtent.rows = Math.max(sheet.typedExtent.rows, row + 1);
  sheet.typedExtent.columns = Math.max(sheet.typedExtent.columns, column + 1);
}
