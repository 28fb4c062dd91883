/**
 * CSV text straight to a Dataset, the way the command line reads a file.
 */
import { EngineError, isEngineError } from "../errors";
import { classifyCell } from "./cell";
import { readColumnCells } from "./column";
import { nameColumns } from "./columnNames";
import { csvFieldToCell } from "./csvField";
import { forEachCsvRecord } from "./csvRecords";
import {
  headerWithoutDataError,
  readDataset,
  resolveReadOptions,
  type ReadDatasetOptions,
} from "./dataset";
import type { Column, Dataset } from "./types";

/**
 * Reads CSV text into a Dataset. The result, and every error, is that of
 * `readDataset(parseCsv(text).map((row) => row.map(csvFieldToCell)), options)`, except that:
 *
 * - `headers` defaults to `true`: a CSV file's first line is its header (unlike a range in
 *   Excel, which may have none). With `headers: true` the header's fields are names as
 *   written (a column named `NA` keeps its name);
 * - errors of the CSV syntax (a ragged line, an unclosed quote) carry `options.label` (a file
 *   name, say) as a prefix when one is given.
 *
 * It does not build that grid of cells, though: fields are converted as each record is read,
 * numbers go straight into each column's Float64Array and only text columns keep their
 * cells, so little of what it allocates outlives the record it came from.
 *
 * @example
 * readCsvDataset("TV,Sales\nLow,1\nHigh,2\n", { label: "sales.csv" }).columns[0].kind // "categorical"
 */
export function readCsvDataset(text: string, options: ReadDatasetOptions = {}): Dataset {
  const { label, defaultNames, headers } = resolveReadOptions({
    ...options,
    headers: options.headers ?? true,
  });
  const builder = new CsvColumnBuilder();
  try {
    forEachCsvRecord(text, (fields) => builder.add(fields));
  } catch (error) {
    if (isEngineError(error) && options.label !== undefined) {
      throw new EngineError(error.code, `${options.label}: ${error.message}`);
    }
    throw error;
  }
  const first = builder.first;
  if (first === null) return readDataset([], { label, defaultNames, headers });

  const firstCells = first.map(csvFieldToCell);
  const hasHeader = headers === "auto" ? builder.isHeader(firstCells) : headers;
  if (hasHeader && builder.rowCount === 0) throw headerWithoutDataError(label);
  const names = nameColumns(
    hasHeader ? (headers === true ? first : firstCells) : null,
    first.length,
    defaultNames,
    label,
  );
  if (!hasHeader) builder.prepend(firstCells);
  const firstRow = hasHeader ? 1 : 0;
  const columns = names.map(
    (name, column): Column =>
      builder.numericColumn(column, name) ??
      readColumnCells(builder.cellsOf(column), { column, firstRow }, name, label),
  );
  return { columns, rowCount: builder.rowCount, hasHeader };
}

/**
 * Collects the columns of a CSV record by record. The first record is kept aside (it may be
 * the header); each later field is converted at once. A column holds its numbers in a
 * growing Float64Array (NaN for blanks and error texts) until its first text, from when on it
 * keeps its cells for `readColumnCells`.
 */
class CsvColumnBuilder {
  /** The first record's fields as written, or null before it. */
  first: string[] | null = null;
  /** Records after the first. */
  rowCount = 0;
  private width = 0;
  private capacity = 0;
  private numbers: Float64Array[] = [];
  private cells: (unknown[] | null)[] = [];
  /** Whether a column holds a number below the first record (for header detection). */
  private hasNumber = new Uint8Array(0);

  add(fields: string[]): void {
    if (this.first === null) {
      this.first = fields;
      this.width = fields.length;
      this.capacity = 1024;
      this.numbers = fields.map(() => new Float64Array(this.capacity));
      this.cells = fields.map(() => null);
      this.hasNumber = new Uint8Array(this.width);
      return;
    }
    if (this.rowCount === this.capacity) this.grow();
    const row = this.rowCount;
    this.rowCount += 1;
    for (let column = 0; column < this.width; column += 1) {
      const value = csvFieldToCell(fields[column]);
      const cells = this.cells[column];
      if (cells !== null) {
        cells.push(value);
        if (typeof value === "number") this.hasNumber[column] = 1;
      } else if (typeof value === "number") {
        this.numbers[column][row] = value;
        this.hasNumber[column] = 1;
      } else if (value !== null && classifyCell(value).kind === "text") {
        const converted = cellsOfNumbers(this.numbers[column], row);
        converted.push(value);
        this.cells[column] = converted;
        this.numbers[column] = new Float64Array(0);
      } else {
        this.numbers[column][row] = NaN;
      }
    }
  }

  /** `detectHeader`'s rule, on the first record's cells and the numbers seen below them. */
  isHeader(firstCells: readonly unknown[]): boolean {
    let textOverNumber = false;
    for (let column = 0; column < firstCells.length; column += 1) {
      const kind = classifyCell(firstCells[column]).kind;
      if (kind === "text") {
        if (this.hasNumber[column] === 1) textOverNumber = true;
      } else if (kind !== "blank") {
        return false;
      }
    }
    return textOverNumber;
  }

  /** Makes the first record the first data row. */
  prepend(firstCells: readonly unknown[]): void {
    const rowCount = this.rowCount;
    for (let column = 0; column < this.width; column += 1) {
      const value = firstCells[column];
      const cells = this.cells[column];
      if (cells !== null) {
        cells.unshift(value);
      } else if (typeof value === "number" || classifyCell(value).kind !== "text") {
        const numbers = new Float64Array(rowCount + 1);
        numbers[0] = typeof value === "number" ? value : NaN;
        numbers.set(this.numbers[column].subarray(0, rowCount), 1);
        this.numbers[column] = numbers;
      } else {
        const converted = cellsOfNumbers(this.numbers[column], rowCount);
        converted.unshift(value);
        this.cells[column] = converted;
      }
    }
    this.rowCount = rowCount + 1;
    this.capacity = rowCount + 1;
  }

  /** The column as numeric, or undefined when it holds text. */
  numericColumn(column: number, name: string): Column | undefined {
    if (this.cells[column] !== null) return undefined;
    const stored = this.numbers[column];
    const values = stored.length === this.rowCount ? stored : stored.slice(0, this.rowCount);
    return { kind: "numeric", name, values };
  }

  /** The cells of a column that holds text. */
  cellsOf(column: number): unknown[] {
    return this.cells[column] ?? [];
  }

  private grow(): void {
    this.capacity *= 2;
    this.numbers = this.numbers.map((numbers, column) => {
      if (this.cells[column] !== null) return numbers;
      const grown = new Float64Array(this.capacity);
      grown.set(numbers);
      return grown;
    });
  }
}

/** The first `count` numbers of a column as cells: NaN becomes null (blank). */
function cellsOfNumbers(numbers: Float64Array, count: number): unknown[] {
  const cells = new Array<unknown>(count);
  for (let row = 0; row < count; row += 1) {
    const value = numbers[row];
    cells[row] = Number.isNaN(value) ? null : value;
  }
  return cells;
}
