/**
 * =MMM.OLS called as Excel calls it: 2-D arrays with headers or not, blanks as null (web) or
 * "" , text, booleans, error values; omitted optional arguments as null. Failures must be
 * CustomFunctions.Error #VALUE! with a message, never another exception.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv, csvFieldToCell } from "../../src/engine/data/csv";
import {
  installCustomFunctionsShim,
  ShimCustomFunctionsError,
} from "../../src/functions/excelError";
import { runOlsFunction as ols } from "../../src/functions/ols";
import { FIXTURES } from "../support/nist";
import { readReference, relativeError, type StatsmodelsReference } from "../support/olsReference";

installCustomFunctionsShim();

/** The seed file as an Excel range would hand it over: header row, numbers as numbers. */
function seedGrid(file: string): unknown[][] {
  return parseCsv(readFileSync(join(FIXTURES, "seeds", file), "utf8")).map((row) =>
    row.map(csvFieldToCell),
  );
}

function columnsOf(grid: unknown[][], names: string[]): unknown[][] {
  const indices = names.map((name) => (grid[0] as string[]).indexOf(name));
  return grid.map((row) => indices.map((j) => row[j]));
}

function catchExcelError(run: () => unknown): ShimCustomFunctionsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ShimCustomFunctionsError);
    return error as ShimCustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

const sales = seedGrid("marketing_sales_data.csv");
const reference = readReference<StatsmodelsReference>("sales_tv_radio.statsmodels.json");

describe("=MMM.OLS", () => {
  it("spills the summary block of Sales ~ TV + Radio with statsmodels' R-squared and coefficients", () => {
    const table = ols(
      columnsOf(sales, ["Sales"]),
      columnsOf(sales, ["TV", "Radio"]),
      null as never,
      null as never,
      null as never,
    );
    expect(table[0][0]).toBe("OLS Regression Results");
    const rSquaredRow = table.find((row) => row[3] === "R-squared")!;
    expect(relativeError(rSquaredRow[4] as number, reference.rSquared as number)).toBeLessThan(
      1e-8,
    );
    const header = table.findIndex((row) => row[0] === "Term");
    const terms = table.slice(header + 1, header + 5);
    expect(terms.map((row) => row[0])).toEqual(["Intercept", "TV[Low]", "TV[Medium]", "Radio"]);
    terms.forEach((row, j) => {
      expect(relativeError(row[1] as number, reference.coefficients[j].estimate)).toBeLessThan(
        1e-8,
      );
      expect(relativeError(row[2] as number, reference.coefficients[j].stdError)).toBeLessThan(
        1e-8,
      );
    });
    const widths = new Set(table.map((row) => row.length));
    expect(widths.size).toBe(1);
    expect(table.flat().every((cell) => cell !== null && cell !== undefined)).toBe(true);
  });

  it('returns the coefficient table for output "coef", without headers in the ranges', () => {
    const table = ols(
      columnsOf(sales, ["Sales"]).slice(1),
      columnsOf(sales, ["TV", "Radio"]).slice(1),
      "coef",
      true,
      false as never,
    );
    expect(table[0]).toEqual(["Term", "Coef", "Std Err", "t", "P>|t|", "[0.025", "0.975]"]);
    expect(table.map((row) => row[0])).toEqual([
      "Term",
      "Intercept",
      "x1[Low]",
      "x1[Medium]",
      "x2",
    ]);
  });

  it("returns fitted values aligned with the data rows, blank where a row was dropped", () => {
    const y = [["Sales"], [10], [null], [14], [15], ["#N/A"], [21], [25], [24]];
    const x = [["Radio"], [1], [2], [3], [3.5], [5], [6], [7], [7.5]];
    const table = ols(y, x, "fitted", null as never, null as never);
    expect(table).toHaveLength(9);
    expect(table[0]).toEqual(["Fitted"]);
    expect(table[2]).toEqual([""]);
    expect(table[5]).toEqual([""]);
    expect(typeof table[1][0]).toBe("number");
  });

  it("fits through the origin when intercept is FALSE", () => {
    const table = ols(
      [[2], [4.1], [5.9], [8.2], [9.9]],
      [[1], [2], [3], [4], [5]],
      "coef",
      false,
      null as never,
    );
    expect(table.map((row) => row[0])).toEqual(["Term", "x1"]);
  });

  it("names the cell of a text value in a numeric column", () => {
    const y = [["Sales"], [10], [12], ["abc"], [15], [18], [21]];
    const x = [["Radio"], [1], [2], [3], [4], [5], [6]];
    const error = catchExcelError(() => ols(y, x, null as never, null as never, null as never));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^MMM\.OLS: .*"abc".*A4/);
  });

  it("reports x and y of different lengths with both counts", () => {
    const error = catchExcelError(() =>
      ols([[1], [2], [3]], [[1], [2]], null as never, null as never, null as never),
    );
    expect(error.message).toMatch(/x has 2 rows, y has 3/);
  });

  it("reports a y range of several columns", () => {
    const error = catchExcelError(() =>
      ols(
        [
          [1, 2],
          [2, 3],
        ],
        [[1], [2]],
        null as never,
        null as never,
        null as never,
      ),
    );
    expect(error.message).toMatch(/y must be a single column; it has 2 columns/);
  });

  it("reports an unknown output with the allowed values", () => {
    const error = catchExcelError(() =>
      ols([[1], [2]], [[1], [2]], "coefs", null as never, null as never),
    );
    expect(error.message).toMatch(/output must be one of "summary", "coef"/);
  });

  it("reports a range where every row has a blank or error value", () => {
    const error = catchExcelError(() =>
      ols(
        [[null], ["#N/A"], [null], [3], [4]],
        [[1], [2], [3], [null], [""]],
        null as never,
        null as never,
        null as never,
      ),
    );
    expect(error.message).toMatch(/complete rows/);
  });

  it("fits 1,048,576 rows, Excel's largest column", () => {
    const rows = 1_048_576;
    const y: number[][] = new Array(rows);
    const x: number[][] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const a = Math.sin(i);
      const b = Math.cos(0.5 * i);
      x[i] = [a, b];
      y[i] = [1 + 2 * a - b + 0.1 * Math.sin(3.7 * i + 1)];
    }
    const table = ols(y, x, "coef", null as never, null as never);
    expect(table[1][1]).toBeCloseTo(1, 2);
    expect(table[2][1]).toBeCloseTo(2, 2);
    expect(table[3][1]).toBeCloseTo(-1, 2);
  });

  it("refuses, on Excel on the web only, an output above the 5 MB a function may return", () => {
    const rows = 300_000;
    const y = Array.from({ length: rows }, (_, i) => [Math.sin(i) + i / rows]);
    const x = Array.from({ length: rows }, (_, i) => [Math.cos(i)]);
    const global = globalThis as { Office?: unknown };
    global.Office = {
      context: { platform: "OfficeOnline" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
    };
    try {
      const error = catchExcelError(() => ols(y, x, "fitted", null as never, null as never));
      expect(error.message).toMatch(
        /"fitted" output has 300,000 cells, more than the 250,000 Excel on the web/,
      );
      expect(ols(y, x, "coef", null as never, null as never)).toHaveLength(3);
    } finally {
      delete global.Office;
    }
    expect(ols(y, x, "fitted", null as never, null as never)).toHaveLength(rows);
  });

  it("never throws anything but CustomFunctions.Error on arbitrary cells", () => {
    const cell = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string({ maxLength: 6 }),
      fc.boolean(),
      fc.constantFrom(null, undefined, "", " ", "#N/A", "#DIV/0!", "1,234.5", "Low", "High"),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((rows) =>
          fc.tuple(
            fc.array(fc.array(cell, { minLength: 1, maxLength: 1 }), {
              minLength: rows,
              maxLength: rows,
            }),
            fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        fc.constantFrom(null, "summary", "coef", "fitted", "bogus"),
        ([y, x], output) => {
          const width = x[0].length;
          const rectangular = x.map((row) => [...row, ...Array(width).fill(0)].slice(0, width));
          try {
            const table = ols(y, rectangular, output as never, null as never, null as never);
            expect(Array.isArray(table)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ShimCustomFunctionsError);
            expect((error as ShimCustomFunctionsError).message).toMatch(/^MMM\.OLS: /);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
