/** Tiny p-values in tables: kept to 1e-300 (Sales by TV's 1.4e-253 as R has it), "< 1e-300" below. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { anovaTable, runAnova } from "../../../src/engine/analyses/groups";
import { pCell } from "../../../src/engine/analyses/pCell";
import type { Column } from "../../../src/engine/data/types";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

describe("p-values in tables", () => {
  it("keeps Sales by TV's p = 1.4e-253 to R's digits", () => {
    const dataset = readCsvDataset(
      readFileSync(join(FIXTURES, "seeds", "marketing_sales_data.csv"), "utf8"),
    );
    const [sales, tv] = selectColumns(dataset, ["Sales", "TV"], "sales");
    const r = JSON.parse(
      readFileSync(join(FIXTURES, "reference", "groups", "sales_by_tv.r.json"), "utf8"),
    );
    const p = anovaTable(runAnova(sales, tv))[1][5] as number;
    expect(relativeError(p, r.anova.p)).toBeLessThan(1e-9);
  });

  it('says "< 1e-300" where p is below what a double holds faithfully, never 0', () => {
    const n = 300;
    const value: Column = {
      kind: "numeric",
      name: "y",
      values: Float64Array.from({ length: 2 * n }, (_, i) => (i < n ? 0 : 100) + (i % 7) * 0.01),
    };
    const group: Column = {
      kind: "categorical",
      name: "g",
      values: Array.from({ length: 2 * n }, (_, i) => (i < n ? "A" : "B")),
      levels: ["A", "B"],
    };
    const result = runAnova(value, group);
    expect(result.p).toBeLessThan(1e-300);
    expect(anovaTable(result)[1][5]).toBe("< 1e-300");
    expect([pCell(0), pCell(2e-300), pCell(NaN)]).toEqual(["< 1e-300", 2e-300, null]);
  });
});
