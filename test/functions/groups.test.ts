/**
 * =MMM.ANOVA and =MMM.TUKEY called as Excel calls them: ranges as 2-D arrays with or without a
 * header row, omitted arguments as null; R's figures in the spill; failures as #VALUE! with a
 * message.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvFieldToCell, parseCsv } from "../../src/engine/data/csv";
import {
  installCustomFunctionsShim,
  ShimCustomFunctionsError,
} from "../../src/functions/excelError";
import { runAnovaFunction, runTukeyFunction } from "../../src/functions/groups";
import { FIXTURES } from "../support/nist";
import { relativeError } from "../support/olsReference";

installCustomFunctionsShim();

const grid = parseCsv(
  readFileSync(join(FIXTURES, "seeds", "marketing_sales_data.csv"), "utf8"),
).map((row) => row.map(csvFieldToCell));
const column = (name: string) => grid.map((row) => [row[(grid[0] as string[]).indexOf(name)]]);
const r = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "groups", "sales_by_tv.r.json"), "utf8"),
);

function excelError(run: () => unknown): ShimCustomFunctionsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ShimCustomFunctionsError);
    return error as ShimCustomFunctionsError;
  }
  throw new Error("expected a CustomFunctions.Error");
}

describe("=MMM.ANOVA", () => {
  it("spills the summary with R's F and p, the header row detected", () => {
    const table = runAnovaFunction(column("Sales"), column("TV"), null, null);
    expect(table[0][0]).toBe("One-way ANOVA: Sales by TV");
    const tv = table.find((row) => row[0] === "TV")!;
    expect(relativeError(tv[4] as number, r.anova.f)).toBeLessThan(1e-10);
    expect(relativeError(tv[5] as number, r.anova.p)).toBeLessThan(1e-9);
    expect(new Set(table.map((row) => row.length)).size).toBe(1);
  });

  it('spills only the groups for output "groups", without headers in the ranges', () => {
    const table = runAnovaFunction(
      column("Sales").slice(1),
      column("TV").slice(1),
      "groups",
      false,
    );
    expect(table.map((row) => row[0])).toEqual(["Group", "High", "Low", "Medium"]);
    expect(relativeError(table[1][2] as number, r.groups[0].mean)).toBeLessThan(1e-12);
  });

  it.each([
    [
      () => runAnovaFunction(column("Sales"), column("TV").slice(0, 100), null, null),
      /same number of rows/,
    ],
    [() => runAnovaFunction(column("TV"), column("Influencer"), null, null), /must hold numbers/],
    [
      () => runAnovaFunction(column("Sales"), column("TV"), "everything", null),
      /output must be one of/,
    ],
    [() => runAnovaFunction(grid, column("TV"), null, null), /values must be a single column/],
  ])("answers bad input %# with #VALUE! and a message", (run, message) => {
    const error = excelError(run);
    expect([error.code, error.message]).toEqual(["#VALUE!", expect.stringMatching(message)]);
    expect(error.message).toMatch(/^MMM\.ANOVA: /);
  });
});

describe("=MMM.TUKEY", () => {
  it("spills statsmodels' layout with R's differences and bounds", () => {
    const table = runTukeyFunction(column("Sales"), column("TV"), null, null, null);
    expect(table[0]).toEqual(["group1", "group2", "meandiff", "p-adj", "lower", "upper", "reject"]);
    table.slice(1).forEach((row, i) => {
      const ref = r.tukey.comparisons[i];
      expect([row[0], row[1]]).toEqual([ref.group1, ref.group2]);
      expect(relativeError(row[2] as number, ref.meanDiff)).toBeLessThan(1e-9);
      expect(relativeError(row[4] as number, ref.ciLow)).toBeLessThan(1e-9);
      expect(relativeError(row[5] as number, ref.ciHigh)).toBeLessThan(1e-9);
    });
  });

  it("runs Games-Howell at another alpha", () => {
    const table = runTukeyFunction(column("Sales"), column("TV"), 0.05, "Games-Howell", true);
    expect(relativeError(table[1][4] as number, r.gamesHowell.comparisons[0].ciLow)).toBeLessThan(
      1e-9,
    );
  });

  it("answers an unknown method with #VALUE! and the choices", () => {
    const error = excelError(() =>
      runTukeyFunction(column("Sales"), column("TV"), null, "bonferroni", null),
    );
    expect(error.message).toMatch(/^MMM\.TUKEY: .*"tukey" or "games-howell"/);
  });
});
