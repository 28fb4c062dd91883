/**
 * The Excel host against office-addin-mock: what it asks Excel to load, write and draw, and how
 * many round trips (`context.sync`) that takes. Ranges are OfficeMockObjects over a small grid of
 * cells; the worksheet collection and the charts are thin hand-written fakes, because the mock
 * cannot mock collections (see TOOLCHAIN.md).
 */
import { OfficeMockObject } from "office-addin-mock";
import type { ChartSpec } from "../../src/engine/analyses/chartSpec";
import { columnLetter } from "../../src/engine/data/dataset";
import type { Cell } from "../../src/engine/data/types";
import { ExcelHost, type ExcelBatchRunner } from "../../src/host/excelHost";

/** The members of an OfficeMockObject the fake uses; its typings keep most of them private. */
interface MockNode {
  addMock(name: string): void;
  populate(data: object): void;
  load(properties: unknown): unknown;
  sync(): Promise<void>;
  [property: string]: unknown;
}

/** A sheet's cells as typed by a user: values, or formulas beginning with "=". */
type Grid = unknown[][];

interface TrackedRange {
  readonly node: MockNode;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly address: string;
  /** The values array the mock was seeded with: anything else in `values` at sync was written. */
  readonly seeded: unknown[][];
  /** Likewise for `numberFormat`. */
  readonly seededFormats: unknown[][];
  committed: boolean;
  formatted: boolean;
  bolded: boolean;
}

interface FakeSeries {
  name: string;
  chartType: string;
  format: { line: { lineStyle: string } };
  values: string;
  xValues: string;
  setValues(range: unknown): void;
  setXAxisValues(range: unknown): void;
}

interface FakeChart {
  readonly sheet: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  title: { text: string };
  axes: { categoryAxis: { title: { text: string } }; valueAxis: { title: { text: string } } };
  position: string;
  series: {
    items: FakeSeries[];
    getItemAt(index: number): FakeSeries;
    add(name: string): FakeSeries;
  };
  setPosition(cell: string): void;
}

/** Excel as far as the host sees it, recording every load, sync, write and chart. */
class FakeExcel {
  readonly context: MockNode;
  syncs = 0;
  readonly loads: { address: string; properties: string }[] = [];
  /** Writes in the order Excel applied them, each with the number of the sync that sent it. */
  readonly writes: { address: string; values: unknown[][]; sync: number }[] = [];
  /** Number formats set, with the sync that sent them. */
  readonly formatWrites: { address: string; numberFormat: unknown[][]; sync: number }[] = [];
  /** Conditional formats added, by the address of their range. */
  readonly conditionalFormats: {
    address: string;
    type: string;
    colorScale: { criteria: unknown };
  }[] = [];
  /** Ranges set in bold, with the sync that sent them. */
  readonly bolds: { address: string; sync: number }[] = [];
  readonly charts: FakeChart[] = [];
  readonly sheetNames: string[] = [];
  private readonly grids = new Map<string, Grid>();
  private readonly ranges: TrackedRange[] = [];
  private readonly addresses = new Map<unknown, string>();
  private rangeCount = 0;

  constructor(
    sheets: Record<string, Grid>,
    selection: { sheet: string; range: string } = { sheet: "Sheet1", range: "A1" },
  ) {
    const sheetData: Record<string, object> = {};
    for (const [name, grid] of Object.entries(sheets)) {
      this.sheetNames.push(name);
      this.grids.set(name, grid);
      sheetData[name] = this.sheetData(name);
    }
    this.context = new OfficeMockObject({
      workbook: {
        sheets: sheetData,
        getSelectedRange: () => this.rangeAt(selection.sheet, selection.range),
      },
    }) as unknown as MockNode;
    this.workbook.worksheets = this.worksheets();
    const sync = this.context.sync.bind(this.context);
    this.context.sync = async () => {
      this.syncs++;
      this.commitWrites();
      await sync();
    };
  }

  /** `Excel.run` over the mock context. */
  readonly run: ExcelBatchRunner = (batch) =>
    batch(this.context as unknown as Excel.RequestContext);

  grid(sheet: string): Grid {
    const grid = this.grids.get(sheet);
    if (grid === undefined) throw new Error(`no sheet ${sheet}`);
    return grid;
  }

  /** Addresses of the ranges whose `values` the host loaded, in order. */
  loadsOf(property: string): string[] {
    return this.loads.filter((load) => load.properties === property).map((load) => load.address);
  }

  private get workbook(): MockNode {
    return this.context.workbook as MockNode;
  }

  private sheetNode(name: string): MockNode {
    const node = (this.workbook.sheets as MockNode)[name];
    if (node === undefined) throw new Error(`ItemNotFound: no sheet ${name}`);
    return node as MockNode;
  }

  private sheetData(name: string): object {
    return {
      name,
      getRange: (address: string) => this.rangeAt(name, address),
      charts: {
        add: (type: string, source: unknown, seriesBy: string) =>
          this.addChart(name, type, source, seriesBy),
      },
    };
  }

  /** The collection the mock cannot make: `load("items/name")`, `items`, `getItem`, `add`. */
  private worksheets(): object {
    const fake = {
      get items() {
        return names.map((name) => ({ name }));
      },
      load: (properties: string) => {
        this.loads.push({ address: "worksheets", properties });
        return fake;
      },
      getItem: (name: string) => this.sheetNode(name),
      getActiveWorksheet: () => this.sheetNode(names[0]),
      add: (name: string) => {
        names.push(name);
        this.grids.set(name, []);
        (this.workbook.sheets as MockNode).addMock(name);
        this.sheetNode(name).populate(this.sheetData(name));
        return this.sheetNode(name);
      },
    };
    const names = this.sheetNames;
    return fake;
  }

  /** A range by local address on a sheet: `B2`, `A1:D25000`. */
  private rangeAt(sheet: string, local: string): MockNode {
    const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(local);
    if (match === null) throw new Error(`fake cannot parse ${local}`);
    const left = columnIndex(match[1]);
    const top = Number(match[2]) - 1;
    const right = match[3] === undefined ? left : columnIndex(match[3]);
    const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
    return this.range(sheet, top, left, bottom - top + 1, right - left + 1);
  }

  /** A new mock range, a property of its sheet's mock so that `context.sync` reaches it. */
  private range(sheet: string, top: number, left: number, rows: number, columns: number) {
    const sheetNode = this.sheetNode(sheet);
    const key = `range${this.rangeCount++}`;
    sheetNode.addMock(key);
    const node = sheetNode[key] as MockNode;
    const address = a1(sheet, top, left, rows, columns);
    const values = this.cells(sheet, top, left, rows, columns, shownValue);
    const numberFormat = this.cells(sheet, top, left, rows, columns, () => "General");
    node.populate({
      numberFormat,
      format: { font: { bold: false } },
      conditionalFormats: {
        add: (type: string) => {
          const added = { address, type, colorScale: { criteria: null as unknown } };
          this.conditionalFormats.push(added);
          return added;
        },
      },
      address,
      rowCount: rows,
      columnCount: columns,
      values,
      formulas: this.cells(sheet, top, left, rows, columns, (input) => input ?? ""),
      getCell: (row: number, column: number) => this.range(sheet, top + row, left + column, 1, 1),
      getResizedRange: (deltaRows: number, deltaColumns: number) =>
        this.range(sheet, top, left, rows + deltaRows, columns + deltaColumns),
    });
    const load = node.load.bind(node);
    node.load = (properties: unknown) => {
      this.loads.push({ address, properties: String(properties) });
      return load(properties);
    };
    this.ranges.push({
      node,
      sheet,
      top,
      left,
      address,
      seeded: values,
      seededFormats: numberFormat,
      committed: false,
      formatted: false,
      bolded: false,
    });
    this.addresses.set(node, address);
    return node;
  }

  private cells(
    sheet: string,
    top: number,
    left: number,
    rows: number,
    columns: number,
    read: (input: unknown) => unknown,
  ): unknown[][] {
    const grid = this.grid(sheet);
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: columns }, (_, j) => read(grid[top + i]?.[left + j])),
    );
  }

  /** What Excel does at sync: applies every `values` assigned since the last one. */
  private commitWrites(): void {
    for (const range of this.ranges) {
      const numberFormat = range.node.numberFormat;
      if (!range.formatted && Array.isArray(numberFormat) && numberFormat !== range.seededFormats) {
        range.formatted = true;
        this.formatWrites.push({ address: range.address, numberFormat, sync: this.syncs });
      }
      const font = (range.node.format as { font: { bold: unknown } }).font;
      if (!range.bolded && font.bold === true) {
        range.bolded = true;
        this.bolds.push({ address: range.address, sync: this.syncs });
      }
      const values = range.node.values;
      if (range.committed || !Array.isArray(values) || values === range.seeded) continue;
      range.committed = true;
      this.writes.push({ address: range.address, values, sync: this.syncs });
      const grid = this.grid(range.sheet);
      values.forEach((row: unknown[], i: number) => {
        const target = (grid[range.top + i] ??= []);
        row.forEach((value, j) => (target[range.left + j] = value));
      });
    }
  }

  private addChart(sheet: string, type: string, source: unknown, seriesBy: string): FakeChart {
    const addressOf = (range: unknown) => this.addresses.get(range) ?? "not a fake range";
    const series = (name: string, values = ""): FakeSeries => {
      const made: FakeSeries = {
        name,
        chartType: type,
        format: { line: { lineStyle: "Automatic" } },
        values,
        xValues: "",
        setValues: (range) => (made.values = addressOf(range)),
        setXAxisValues: (range) => (made.xValues = addressOf(range)),
      };
      return made;
    };
    const items = [series("(made by charts.add)", addressOf(source))];
    const chart: FakeChart = {
      sheet,
      type,
      source: addressOf(source),
      seriesBy,
      title: { text: "" },
      axes: { categoryAxis: { title: { text: "" } }, valueAxis: { title: { text: "" } } },
      position: "",
      series: {
        items,
        getItemAt: (index) => items[index],
        add: (name) => {
          const added = series(name);
          items.push(added);
          return added;
        },
      },
      setPosition: (cell) => (chart.position = cell),
    };
    this.charts.push(chart);
    return chart;
  }
}

/** What a cell shows: a formula's result (here always blank), text without its apostrophe. */
function shownValue(input: unknown): unknown {
  if (input === undefined) return "";
  if (typeof input === "string" && input.startsWith("=")) return "";
  if (typeof input === "string" && input.startsWith("'")) return input.slice(1);
  return input;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** An address as Excel reports it: sheet quoted when needed, one cell without a colon. */
function a1(sheet: string, top: number, left: number, rows: number, columns: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const first = `${columnLetter(left)}${top + 1}`;
  const last = `${columnLetter(left + columns - 1)}${top + rows}`;
  return `${name}!${first === last ? first : `${first}:${last}`}`;
}

/** A host over `excel` that answers every question with `answer` and records the questions. */
function hostOver(
  excel: FakeExcel,
  options: {
    answer?: boolean;
    rowsPerBlock?: number;
    excelApi17?: boolean;
    excelApi16?: boolean;
  } = {},
) {
  const questions: string[] = [];
  const host = new ExcelHost(
    excel.run,
    async (question) => {
      questions.push(question);
      return options.answer ?? true;
    },
    {
      rowsPerBlock: options.rowsPerBlock,
      isSetSupported: (name, version) =>
        name === "ExcelApi" &&
        (version !== "1.7" || (options.excelApi17 ?? true)) &&
        (version !== "1.6" || (options.excelApi16 ?? true)),
    },
  );
  return { host, questions };
}

/** rows × columns of distinct numbers: cell (i, j) holds i * 10 + j. */
function numbers(rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => i * 10 + j),
  );
}

describe("ExcelHost", () => {
  describe("reading", () => {
    it("reads a 25,000 × 4 selection in blocks of 10,000, 10,000 and 5,000 rows, one sync each", async () => {
      const data = numbers(25_000, 4);
      const excel = new FakeExcel({ Sheet1: data }, { sheet: "Sheet1", range: "A1:D25000" });
      const { host } = hostOver(excel, { rowsPerBlock: 10_000 });

      const read = await host.readSelection();

      expect(read.address).toBe("Sheet1!A1:D25000");
      expect(read.values).toEqual(data);
      expect(excel.loadsOf("address, rowCount, columnCount")).toEqual(["Sheet1!A1:D25000"]);
      expect(excel.loadsOf("values")).toEqual([
        "Sheet1!A1:D10000",
        "Sheet1!A10001:D20000",
        "Sheet1!A20001:D25000",
      ]);
      // One sync for the range's size, then one per block.
      expect(excel.syncs).toBe(4);
    });

    it("sizes blocks from the cell budget by default: 100,000 cells, so 25,000 rows at 4 columns", async () => {
      const excel = new FakeExcel({ Sheet1: numbers(30_000, 4) });
      const { host } = hostOver(excel);

      const read = await host.readRange("Sheet1!A1:D30000");

      expect(read.values).toHaveLength(30_000);
      expect(excel.loadsOf("values")).toEqual(["Sheet1!A1:D25000", "Sheet1!A25001:D30000"]);
    });

    it("reads a range on a quoted sheet name, blanks as empty text", async () => {
      const excel = new FakeExcel({ Sheet1: [], "Mike's data": [[], [undefined, "TV", 10]] });
      const { host } = hostOver(excel);

      await expect(host.readRange("'Mike''s data'!B2:D3")).resolves.toEqual({
        address: "'Mike''s data'!B2:D3",
        values: [
          ["TV", 10, ""],
          ["", "", ""],
        ],
      });
    });
  });

  describe("writing a table", () => {
    it("writes 25,000 × 4 rows into empty cells in blocks of 10,000, 10,000 and 5,000, one sync each", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host, questions } = hostOver(excel, { rowsPerBlock: 10_000 });
      const table = numbers(25_000, 4);

      await host.writeTable("Sheet1!A1", table);

      expect(questions).toEqual([]);
      // The check reads the target in the same blocks (formulas, so that ="" counts as filled).
      expect(excel.loadsOf("formulas")).toEqual([
        "Sheet1!A1:D10000",
        "Sheet1!A10001:D20000",
        "Sheet1!A20001:D25000",
      ]);
      expect(excel.writes.map(({ address, values }) => [address, values.length])).toEqual([
        ["Sheet1!A1:D10000", 10_000],
        ["Sheet1!A10001:D20000", 10_000],
        ["Sheet1!A20001:D25000", 5_000],
      ]);
      // Three syncs to check the target, then each block goes with a sync of its own.
      expect(excel.writes.map((write) => write.sync)).toEqual([4, 5, 6]);
      expect(excel.syncs).toBe(6);
      expect(excel.grid("Sheet1")).toEqual(table);
    });

    it("sends number formats with each block's values and bolds header and emphasised rows after", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel, { rowsPerBlock: 2 });
      const table: Cell[][] = [
        ["Coefficients"],
        ["Term", "Estimate", "P>|t|"],
        ["Intercept", 4.2, 0.31],
        ["TV", 3.5, 1e-12],
      ];

      await host.writeTable("Sheet1!B2", table, {
        headerRows: 2,
        numberFormats: ["", "0.0000", "0.000"],
        boldRows: [3],
      });

      // Blocks of two rows: each format grid goes in the same sync as its values.
      expect(excel.formatWrites).toEqual([
        {
          address: "Sheet1!B2:D3",
          numberFormat: [
            ["General", "General", "General"],
            ["General", "General", "General"],
          ],
          sync: excel.writes[0].sync,
        },
        {
          address: "Sheet1!B4:D5",
          numberFormat: [
            ["General", "0.0000", "0.000"],
            ["General", "0.0000", "0.000"],
          ],
          sync: excel.writes[1].sync,
        },
      ]);
      // Title, column names and the significant row, all in one request after the values.
      expect(excel.bolds.map((bold) => bold.address)).toEqual([
        "Sheet1!B2:D2",
        "Sheet1!B3:D3",
        "Sheet1!B5:D5",
      ]);
      expect(new Set(excel.bolds.map((bold) => bold.sync))).toEqual(new Set([excel.syncs]));
      expect(excel.syncs).toBe(excel.writes[1].sync + 1);
    });

    it("colours a matrix with Excel's red-white-blue colour scale over the body, from column 1", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);
      const matrix: Cell[][] = [
        ["r", "Radio", "Sales"],
        ["Radio", 1, 0.86],
        ["Sales", 0.86, 1],
      ];

      await host.writeTable("Sheet1!A1", matrix, {
        headerRows: 1,
        colorScale: { fromColumn: 1, minimum: -1, maximum: 1 },
      });

      expect(excel.conditionalFormats).toEqual([
        {
          address: "Sheet1!B2:C3",
          type: "ColorScale",
          colorScale: {
            criteria: {
              minimum: { formula: "-1", type: "Number", color: "#F8696B" },
              midpoint: { formula: "0", type: "Number", color: "#FFFFFF" },
              maximum: { formula: "1", type: "Number", color: "#5A8AC6" },
            },
          },
        },
      ]);
    });

    it("leaves the matrix uncoloured where Excel lacks conditional formats (ExcelApi 1.6)", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel, { excelApi16: false });
      await host.writeTable(
        "Sheet1!A1",
        [
          ["r", "x"],
          ["x", 1],
        ],
        {
          headerRows: 1,
          colorScale: { fromColumn: 1, minimum: -1, maximum: 1 },
        },
      );
      expect(excel.conditionalFormats).toEqual([]);
      expect(excel.grid("Sheet1")).toEqual([
        ["r", "x"],
        ["x", 1],
      ]);
    });

    it("sends no number formats and no bold when the table has no style", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);

      await host.writeTable("Sheet1!A1", numbers(3, 2), { numberFormats: ["", ""] });

      expect(excel.formatWrites).toEqual([]);
      expect(excel.bolds).toEqual([]);
      expect(excel.writes).toHaveLength(1);
    });

    it("pads short rows to a rectangle and writes blanks, NaN and infinities as empty text", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);

      await host.writeTable("B2", [["Term", "Value", "Note"], ["Radio"], [null, NaN, Infinity]]);

      expect(excel.writes).toEqual([
        {
          address: "Sheet1!B2:D4",
          values: [
            ["Term", "Value", "Note"],
            ["Radio", "", ""],
            ["", "", ""],
          ],
          sync: 2,
        },
      ]);
    });

    it("writes text that Excel would parse (formulas, numbers, booleans) behind an apostrophe", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);
      const row: Cell[] = [
        "=SUM(A1)",
        "+2.97 per unit",
        "-",
        "-5",
        "@x",
        "'quoted'",
        "0.05",
        "5%",
        "TRUE",
        "#N/A",
        "Radio",
        "p < 0.001",
        -5,
        true,
      ];

      await host.writeTable("A1", [row]);

      expect(excel.writes[0].values).toEqual([
        [
          "'=SUM(A1)",
          "'+2.97 per unit",
          "'-",
          "'-5",
          "'@x",
          "''quoted'",
          "'0.05",
          "'5%",
          "'TRUE",
          "'#N/A",
          "Radio",
          "p < 0.001",
          -5,
          true,
        ],
      ]);
    });

    it("asks before overwriting, and when told no writes nothing and says where", async () => {
      const excel = new FakeExcel({ Sheet1: [[], [undefined, "old"]] });
      const { host, questions } = hostOver(excel, { answer: false });

      await expect(host.writeTable("Sheet1!A1", numbers(2, 2))).rejects.toThrow(
        "Nothing was written: Sheet1!A1:B2 holds 1 non-empty cell and overwriting was declined.",
      );

      expect(questions).toEqual(["Sheet1!A1:B2 holds 1 non-empty cell. Overwrite it?"]);
      expect(excel.writes).toEqual([]);
      expect(excel.grid("Sheet1")).toEqual([[], [undefined, "old"]]);
    });

    it("counts a formula that shows blank as non-empty, and overwrites once the user agrees", async () => {
      const excel = new FakeExcel({ Sheet1: [['=""', "old"]] });
      const { host, questions } = hostOver(excel, { answer: true });

      await host.writeTable("A1", [[1, 2, 3]]);

      expect(questions).toEqual(["Sheet1!A1:C1 holds 2 non-empty cells. Overwrite them?"]);
      expect(excel.writes.map((write) => write.address)).toEqual(["Sheet1!A1:C1"]);
      expect(excel.grid("Sheet1")).toEqual([[1, 2, 3]]);
    });

    it("writes nothing and asks nothing for an empty table", async () => {
      const excel = new FakeExcel({ Sheet1: [["old"]] });
      const { host, questions } = hostOver(excel);

      await host.writeTable("A1", [[]]);

      expect(questions).toEqual([]);
      expect(excel.syncs).toBe(0);
    });
  });

  describe("writing a formula", () => {
    it("writes the formula as typed (no apostrophe), so that Excel evaluates and spills it", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host, questions } = hostOver(excel);

      await host.writeFormula("C3", "=MMM.OLS(Data!A1:A209, Data!B1:F209)");

      expect(questions).toEqual([]);
      expect(excel.grid("Sheet1")[2]?.[2]).toBe("=MMM.OLS(Data!A1:A209, Data!B1:F209)");
    });

    it("asks before replacing a filled cell, and writes nothing when told no", async () => {
      const excel = new FakeExcel({ Sheet1: [["keep me"]] });
      const { host, questions } = hostOver(excel, { answer: false });

      await expect(host.writeFormula("A1", "=MMM.OLS(B1:B9, C1:C9)")).rejects.toThrow(
        /Nothing was written: Sheet1!A1 is not empty/,
      );
      expect(questions).toEqual(["Sheet1!A1 holds 1 non-empty cell. Overwrite it?"]);
      expect(excel.grid("Sheet1")).toEqual([["keep me"]]);
    });
  });

  describe("adding a sheet", () => {
    it("takes the first free number, comparing names without case", async () => {
      const excel = new FakeExcel({ Sheet1: [], "OLS 1": [], "ols 2": [] });
      const { host } = hostOver(excel);

      await expect(host.addSheet("OLS")).resolves.toBe("OLS 3");

      expect(excel.sheetNames).toEqual(["Sheet1", "OLS 1", "ols 2", "OLS 3"]);
      expect(excel.loadsOf("items/name")).toEqual(["worksheets"]);
      expect(excel.syncs).toBe(2);
    });

    it("cuts a long base name so that name and number fit Excel's 31 characters", async () => {
      const base = "Regression with robust standard errors";
      const excel = new FakeExcel({ Sheet1: [], [`${base.slice(0, 29)} 1`]: [] });
      const { host } = hostOver(excel);

      const name = await host.addSheet(base);

      expect(name).toBe("Regression with robust standa 2");
      expect(name).toHaveLength(31);
    });

    it("replaces characters Excel forbids in sheet names", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);

      await expect(host.addSheet("Fit: y/x [OLS]")).resolves.toBe("Fit_ y_x _OLS_ 1");
    });
  });

  describe("adding a chart", () => {
    const actualVsFitted: ChartSpec = {
      kind: "scatter",
      title: "Actual vs fitted",
      xAxisTitle: "Fitted Sales",
      yAxisTitle: "Actual Sales",
      data: [
        ["Fitted", "Actual", "Fitted = actual"],
        [1, 1.5, 1],
        [2, 1.8, 2],
        [3, 3.4, 3],
      ],
      series: [
        { column: 1, style: "markers" },
        { column: 2, style: "line" },
      ],
    };

    it("writes the data, then charts each series from its column against column 0", async () => {
      const excel = new FakeExcel({ Sheet1: [], "OLS 1": [] });
      const { host } = hostOver(excel);

      await host.addChart("'OLS 1'!U1", "'OLS 1'!J2", actualVsFitted);

      expect(excel.writes.map((write) => write.address)).toEqual(["'OLS 1'!U1:W4"]);
      expect(excel.charts).toHaveLength(1);
      const chart = excel.charts[0];
      expect([chart.sheet, chart.type, chart.source, chart.seriesBy]).toEqual([
        "OLS 1",
        "XYScatter",
        "'OLS 1'!V1:V4",
        "Columns",
      ]);
      expect(chart.title.text).toBe("Actual vs fitted");
      expect(chart.axes.categoryAxis.title.text).toBe("Fitted Sales");
      expect(chart.axes.valueAxis.title.text).toBe("Actual Sales");
      expect(chart.position).toBe("J2");
      expect(
        chart.series.items.map((s) => [
          s.name,
          s.values,
          s.xValues,
          s.chartType,
          s.format.line.lineStyle,
        ]),
      ).toEqual([
        ["Actual", "'OLS 1'!V2:V4", "'OLS 1'!U2:U4", "XYScatter", "Automatic"],
        [
          "Fitted = actual",
          "'OLS 1'!W2:W4",
          "'OLS 1'!U2:U4",
          "XYScatterLinesNoMarkers",
          "Automatic",
        ],
      ]);
    });

    it("draws labelled x as a line chart: markers without a line, interval bounds dashed", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);
      const coefficients: ChartSpec = {
        kind: "line",
        title: "Coefficients with 95 % intervals",
        xAxisTitle: "Term",
        yAxisTitle: "Estimate",
        data: [
          ["Term", "Estimate", "Lower", "Upper"],
          ["Intercept", 2.9, 2.3, 3.5],
          ["TV", 0.05, 0.04, 0.05],
        ],
        series: [
          { column: 1, style: "markers" },
          { column: 2, style: "dashed" },
          { column: 3, style: "dashed" },
        ],
      };

      await host.addChart("A1", "F1", coefficients);

      const chart = excel.charts[0];
      expect(chart.type).toBe("Line");
      expect(
        chart.series.items.map((s) => [s.name, s.values, s.chartType, s.format.line.lineStyle]),
      ).toEqual([
        ["Estimate", "Sheet1!B2:B3", "LineMarkers", "None"],
        ["Lower", "Sheet1!C2:C3", "Line", "Dash"],
        ["Upper", "Sheet1!D2:D3", "Line", "Dash"],
      ]);
      expect(chart.series.items.every((s) => s.xValues === "Sheet1!A2:A3")).toBe(true);
    });

    it.each([
      ["line", [1, 2], "XYScatterLinesNoMarkers", "XYScatterLinesNoMarkers"],
      ["column", ["TV", "Radio"], "ColumnClustered", "ColumnClustered"],
    ] as const)("draws a %s chart over %j as %s", async (kind, x, type, seriesType) => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);

      await host.addChart("A1", "F1", {
        ...actualVsFitted,
        kind,
        data: [
          ["x", "y"],
          [x[0], 10],
          [x[1], 20],
        ],
        series: [{ column: 1, style: kind === "line" ? "line" : "markers" }],
      });

      expect(excel.charts[0].type).toBe(type);
      expect(excel.charts[0].series.items.map((s) => s.chartType)).toEqual([seriesType]);
    });

    it("without ExcelApi 1.7 charts the whole table in one call and sets no series", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel, { excelApi17: false });

      await host.addChart("Sheet1!U1", "Sheet1!J2", actualVsFitted);

      const chart = excel.charts[0];
      expect([chart.type, chart.source]).toEqual(["XYScatter", "Sheet1!U1:W4"]);
      expect(chart.title.text).toBe("Actual vs fitted");
      expect(chart.series.items.map((s) => [s.name, s.values, s.xValues])).toEqual([
        ["(made by charts.add)", "Sheet1!U1:W4", ""],
      ]);
      expect(chart.position).toBe("J2");
    });

    it("draws no chart when the user declines to overwrite the cells for its data", async () => {
      const sheet: Grid = [];
      sheet[20] = ["old"];
      const excel = new FakeExcel({ Sheet1: sheet });
      const { host } = hostOver(excel, { answer: false });

      await expect(host.addChart("Sheet1!A20", "Sheet1!J2", actualVsFitted)).rejects.toThrow(
        /Nothing was written: Sheet1!A20:C23/,
      );

      expect(excel.writes).toEqual([]);
      expect(excel.charts).toEqual([]);
    });

    it("rejects a series column outside the table before writing anything", async () => {
      const excel = new FakeExcel({ Sheet1: [] });
      const { host } = hostOver(excel);

      await expect(
        host.addChart("A1", "F1", { ...actualVsFitted, series: [{ column: 3, style: "line" }] }),
      ).rejects.toThrow(
        'Chart "Actual vs fitted" plots column 3, but its table has data columns 1 to 2.',
      );
      expect(excel.syncs).toBe(0);
    });
  });

  it("refuses a block size that is not a whole number of at least 1", () => {
    const excel = new FakeExcel({ Sheet1: [] });
    expect(() => hostOver(excel, { rowsPerBlock: 0 })).toThrow(
      "rowsPerBlock must be a whole number of at least 1; it is 0.",
    );
  });

  it("takes Excel.run as its runner (a type check: tsc compiles this line)", () => {
    const production: ExcelBatchRunner = null as unknown as typeof Excel.run;
    expect(production).toBeNull();
  });
});
