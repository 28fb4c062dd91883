/** The preview's workbook: literals, formulas evaluated by the production functions, spills, recalculation. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { previewFunctions } from "../../../src/preview/previewFunctions";
import { parseRange } from "../../../src/preview/workbook/address";
import { Workbook } from "../../../src/preview/workbook/workbook";
import { FIXTURES } from "../../support/nist";
import {
  readReference,
  relativeError,
  type StatsmodelsReference,
} from "../../support/olsReference";

const salesCsv = readFileSync(join(FIXTURES, "seeds", "marketing_sales_data.csv"), "utf8");
const reference = readReference<StatsmodelsReference>("sales_tv_radio.statsmodels.json");

function find(book: Workbook, sheet: number, label: string): { row: number; column: number } {
  for (let row = 0; row < 200; row++)
    for (let column = 0; column < 20; column++)
      if (book.cell(sheet, row, column).value === label) return { row, column };
  throw new Error(`${label} not shown`);
}

describe("the preview workbook", () => {
  it("evaluates =MMM.OLS with the production function and spills statsmodels' numbers", async () => {
    const book = new Workbook(previewFunctions());
    const data = book.addCsvSheet("marketing_sales_data.csv", salesCsv);
    expect(book.sheetNames[data]).toBe("marketing_sales_data");
    book.setInput(data, 0, 7, "=MMM.OLS(E1:E573, A1:B573)");
    await book.settled();
    expect(book.cell(data, 0, 7).value).toBe("OLS Regression Results");
    const r2 = find(book, data, "R-squared");
    expect(
      relativeError(
        book.cell(data, r2.row, r2.column + 1).value as number,
        reference.rSquared as number,
      ),
    ).toBeLessThan(1e-8);
    const term = find(book, data, "TV[Low]");
    expect(
      relativeError(
        book.cell(data, term.row, term.column + 1).value as number,
        reference.coefficients[1].estimate,
      ),
    ).toBeLessThan(1e-8);
    expect(book.cell(data, 1, 8).spilledFrom).toEqual({ row: 0, column: 7 });
  });

  it("reads ranges of another sheet", async () => {
    const book = new Workbook(previewFunctions());
    const data = book.addCsvSheet("sales.csv", salesCsv);
    book.setInput(0, 0, 0, '=MMM.OLS(sales!E1:E573, sales!A1:B573, "coef")');
    await book.settled();
    expect(book.cell(0, 1, 0).value).toBe("Intercept");
    expect(data).toBe(1);
  });

  it("recalculates when an input cell changes", async () => {
    const book = new Workbook(previewFunctions());
    book.pasteTsv(0, 0, 0, "y\tx\n1\t1\n2\t2\n3.5\t3\n4\t4\n5.5\t5\n6\t6");
    book.setInput(0, 0, 3, '=MMM.OLS(A1:A7, B1:B7, "coef")');
    await book.settled();
    const before = book.cell(0, 2, 4).value as number;
    book.setInput(0, 6, 0, "9");
    await book.settled();
    expect(book.cell(0, 2, 4).value).not.toBe(before);
    expect(book.cell(0, 2, 3).value).toBe("x");
  });

  it("shows #SPILL! with the blocking cell when the result's cells are not empty, and spills once cleared", async () => {
    const book = new Workbook(previewFunctions());
    book.pasteTsv(0, 0, 0, "y\tx\n1\t1\n2\t2\n3.5\t3\n4\t4\n5.5\t5\n6\t6");
    book.setInput(0, 2, 4, "in the way");
    await book.settled();
    book.setInput(0, 0, 3, '=MMM.OLS(A1:A7, B1:B7, "coef")');
    await book.settled();
    expect(book.cell(0, 0, 3).error).toEqual({
      code: "#SPILL!",
      message: expect.stringMatching(/E3 is not empty/),
    });
    book.setInput(0, 2, 4, "");
    await book.settled();
    expect(book.cell(0, 0, 3).value).toBe("Term");
  });

  it("shows the function's #VALUE! and its message for a text cell in a numeric column", async () => {
    const book = new Workbook(previewFunctions());
    book.pasteTsv(0, 0, 0, "y\tx\n1\t1\n2\tabc\n3.5\t3\n4\t4\n5.5\t5");
    book.setInput(0, 0, 3, "=MMM.OLS(A1:A6, B1:B6)");
    await book.settled();
    expect(book.cell(0, 0, 3).error).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(
        /MMM\.OLS: x: column "x" has the text "abc" in row 2 \(cell A3 of the range\)/,
      ),
    });
  });

  it("shows #BUSY! until a function's promise settles, and drops a result an edit made stale", async () => {
    const answers: ((value: unknown) => void)[] = [];
    let redraws = 0;
    const book = new Workbook(
      { SLOW: () => new Promise((resolve) => answers.push(resolve)) },
      () => redraws++,
    );
    book.setInput(0, 0, 0, "=MMM.SLOW()");
    expect(book.cell(0, 0, 0).error?.code).toBe("#BUSY!");
    book.setInput(0, 5, 5, "an edit while it calculates");
    answers[0]([["stale"]]);
    await Promise.resolve();
    expect(book.cell(0, 0, 0).error?.code).toBe("#BUSY!");
    answers[1]([["fresh", 2]]);
    await book.settled();
    expect(book.cell(0, 0, 0).value).toBe("fresh");
    expect(book.cell(0, 0, 1)).toEqual({ value: 2, spilledFrom: { row: 0, column: 0 } });
    expect(answers).toHaveLength(2);
    expect(redraws).toBe(1);
  });

  it("reports unknown functions and formulas it cannot evaluate as #NAME?", () => {
    const book = new Workbook(previewFunctions());
    book.setInput(0, 0, 0, "=MMM.NOPE(A1)");
    book.setInput(0, 1, 0, "=SUM(A1:A3)");
    expect(book.cell(0, 0, 0).error?.code).toBe("#NAME?");
    expect(book.cell(0, 1, 0).error?.message).toMatch(/MMM functions only/);
  });

  it("pastes tab-separated text into the right cells and types literals as Excel does", () => {
    const book = new Workbook(previewFunctions());
    const size = book.pasteTsv(0, 2, 1, "TV\tSales\r\nLow\t1.5\r\nTRUE\t'42\r\n");
    expect(size).toEqual({ rows: 3, columns: 2 });
    expect(book.cell(0, 2, 1).value).toBe("TV");
    expect(book.cell(0, 3, 2).value).toBe(1.5);
    expect(book.cell(0, 4, 1).value).toBe(true);
    expect(book.cell(0, 4, 2).value).toBe("42");
  });

  it("names new sheets uniquely and refuses a duplicate rename", () => {
    const book = new Workbook(previewFunctions());
    book.addSheet();
    book.addSheet("Data");
    book.addSheet("Data");
    expect(book.sheetNames).toEqual(["Sheet1", "Sheet2", "Data", "Data (2)"]);
    expect(() => book.renameSheet(1, "data")).toThrow(/already exists/);
    book.renameSheet(1, "Plan");
    expect(book.sheetNames[1]).toBe("Plan");
  });

  it("parses references as Excel writes them", () => {
    expect(parseRange("Sheet2!B2:D200")).toEqual({
      sheet: "Sheet2",
      top: 1,
      left: 1,
      bottom: 199,
      right: 3,
    });
    expect(parseRange("'My data'!$A$1")).toEqual({
      sheet: "My data",
      top: 0,
      left: 0,
      bottom: 0,
      right: 0,
    });
    expect(parseRange("AA10:A1")).toEqual({
      sheet: undefined,
      top: 0,
      left: 0,
      bottom: 9,
      right: 26,
    });
    expect(parseRange("Sales")).toBeNull();
  });

  it("finds the current region of a 100,000-row table in linear time", () => {
    const book = new Workbook(previewFunctions());
    const lines = ["week\tsales"];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i}\t${i % 7}`);
    book.pasteTsv(0, 0, 0, lines.join("\n"));
    expect(book.currentRegion(0, 5, 1)).toEqual({ top: 0, left: 0, bottom: 100_000, right: 1 });
  });
});
