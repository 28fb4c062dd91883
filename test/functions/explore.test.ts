/** =MMM.DESCRIBE and =MMM.CORR as Excel calls them, against pandas and scipy. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvFieldToCell, parseCsv } from "../../src/engine/data/csv";
import {
  installCustomFunctionsShim,
  ShimCustomFunctionsError,
} from "../../src/functions/excelError";
import { runCorrFunction, runDescribeFunction } from "../../src/functions/explore";
import { FIXTURES } from "../support/nist";
import { relativeError } from "../support/olsReference";

installCustomFunctionsShim();

const grid = parseCsv(
  readFileSync(join(FIXTURES, "seeds", "marketing_sales_data.csv"), "utf8"),
).map((row) => row.map(csvFieldToCell));
const columns = (...names: string[]) =>
  grid.map((row) => names.map((name) => row[(grid[0] as string[]).indexOf(name)]));
const reference = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, "reference", "describe", `${name}.json`), "utf8"));

describe("=MMM.DESCRIBE", () => {
  it("spills one row per column and group, with pandas' figures", () => {
    const table = runDescribeFunction(
      columns("Radio", "Social Media", "Sales"),
      columns("TV"),
      null,
    );
    expect(table[0].slice(0, 4)).toEqual(["Column", "TV", "Count", "Missing"]);
    const want = reference("describe_sales_by_tv").stats;
    table.slice(1).forEach((row, i) => {
      expect([row[0], row[1]]).toEqual([want[i].column, want[i].group]);
      expect(relativeError(row[4] as number, want[i].mean)).toBeLessThan(1e-12);
    });
  });

  it("answers a by-column of the wrong length with #VALUE!", () => {
    try {
      runDescribeFunction(columns("Sales"), columns("TV").slice(0, 10), null);
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(ShimCustomFunctionsError);
      expect((error as Error).message).toMatch(
        /^MMM\.DESCRIBE: by must be one column with as many rows as data \(573\)/,
      );
    }
  });
});

describe("=MMM.CORR", () => {
  it("spills the Pearson matrix by default, p-values and pairs on request", () => {
    const want = reference("corr_sales");
    const matrix = runCorrFunction(columns("Radio", "Social Media", "Sales"), null, null, null);
    expect(matrix[0]).toEqual(["r", "Radio", "Social Media", "Sales"]);
    expect(relativeError(matrix[1][3] as number, want.pearsonMatrix[0][2])).toBeLessThan(1e-12);
    const pairs = runCorrFunction(
      columns("Radio", "Social Media", "Sales"),
      "spearman",
      "pairs",
      true,
    );
    expect(pairs[0]).toEqual(["Column 1", "Column 2", "n", "rho", "p"]);
    expect(relativeError(pairs[1][4] as number, want.pairs[0].spearman.p)).toBeLessThan(1e-9);
  });
});
