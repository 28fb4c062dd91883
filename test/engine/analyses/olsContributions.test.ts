/**
 * Historical contributions (=MMM.OLS output "contrib", the regression report's table): each
 * term's estimate × column sum with its confidence interval scaled alike, and shares of the
 * fitted total, against statsmodels (scripts/reference/simulate_statsmodels.py).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { olsTable, runOls } from "../../../src/engine/analyses/ols";
import { olsReport } from "../../../src/engine/analyses/olsReport";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { FIXTURES } from "../../support/nist";

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.each(["marketing_mix", "marketing_sales"])("contributions on %s", (name) => {
  const reference = JSON.parse(
    readFileSync(join(FIXTURES, "reference", "simulate", `${name}.json`), "utf8"),
  ) as {
    file: string;
    y: string;
    x: string[];
    contributions: {
      terms: string[];
      contribution: number[];
      lower: number[];
      upper: number[];
      fittedTotal: number;
    };
  };
  const dataset = readCsvDataset(readFileSync(join(FIXTURES, "seeds", reference.file), "utf8"));
  const [y, ...x] = selectColumns(dataset, [reference.y, ...reference.x], "seed");
  const result = runOls({ y, x });

  it("matches statsmodels' params × exog sums and conf_int × exog sums to 1e-9", () => {
    const table = olsTable(result, "contrib");
    const { contributions } = reference;
    expect(table[0]).toEqual([
      "Term",
      "Contribution",
      "[0.025",
      "0.975]",
      "Share",
      "Share [0.025",
      "Share 0.975]",
    ]);
    expect(table.slice(1, -1).map((row) => row[0])).toEqual([
      "Base (Intercept)",
      ...contributions.terms.slice(1),
    ]);
    contributions.terms.forEach((_, j) => {
      const row = table[j + 1] as number[];
      expect(relative(row[1], contributions.contribution[j])).toBeLessThan(1e-9);
      expect(relative(row[2], contributions.lower[j])).toBeLessThan(1e-9);
      expect(relative(row[3], contributions.upper[j])).toBeLessThan(1e-9);
      expect(
        relative(row[4], contributions.contribution[j] / contributions.fittedTotal),
      ).toBeLessThan(1e-9);
    });
    const total = table[table.length - 1];
    expect(total[0]).toBe("Fitted total");
    expect(relative(total[1] as number, contributions.fittedTotal)).toBeLessThan(1e-12);
    // The shares add up to the whole.
    const shares = table.slice(1, -1).reduce((sum, row) => sum + (row[4] as number), 0);
    expect(Math.abs(shares - 1)).toBeLessThan(1e-12);
  });

  it("is a table of the regression report", () => {
    const report = olsReport(result, reference.x);
    const table = report.tables.find(
      (t) => t.title === "Contributions to fitted sales over the data",
    );
    expect(table?.rows).toEqual(olsTable(result, "contrib"));
  });
});
