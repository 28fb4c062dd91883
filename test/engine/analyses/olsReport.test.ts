/** The regression results sheet's content: reading, tables and charts, all from OlsResult. */
import { CHART_POINT_LIMIT, olsReport } from "../../../src/engine/analyses/olsReport";
import { runOls } from "../../../src/engine/analyses/ols";
import type { NumericColumn } from "../../../src/engine/data/types";
import {
  fitReferenceCase,
  readReference,
  type StatsmodelsReference,
} from "../../support/olsReference";

const reference = readReference<StatsmodelsReference>("sales_tv_radio.statsmodels.json");
const result = fitReferenceCase(reference);
const report = olsReport(result, reference.x);

describe("olsReport", () => {
  it("reads each coefficient in plain language, as an analyst would quote it", () => {
    expect(report.title).toBe("OLS: Sales on TV, Radio");
    expect(report.reading).toContain(
      "Radio: +2.97 Sales per unit, 95 % CI 2.55 to 3.38, p < 0.001",
    );
    expect(report.reading).toContain(
      "TV[Low]: -154 Sales compared with the reference level, 95 % CI -164 to -145, p < 0.001",
    );
    expect(report.reading[0]).toBe(
      "The model explains 90.4 % of the variance of Sales (adjusted R² 0.9035), F(3, 568) = 1780, p < 0.001; 572 rows used.",
    );
  });

  it("marks significant terms in the coefficient table", () => {
    const coefficients = report.tables.find((t) => t.title === "Coefficients")!;
    expect(coefficients.rows[0]).toEqual([
      "Term",
      "Coef",
      "Std Err",
      "t",
      "P>|t|",
      "[0.025",
      "0.975]",
      "Significant",
    ]);
    expect(coefficients.rows.slice(1).map((row) => [row[0], row[7]])).toEqual([
      ["Intercept", "*"],
      ["TV[Low]", "*"],
      ["TV[Medium]", "*"],
      ["Radio", "*"],
    ]);
  });

  it("draws actual vs fitted, residuals vs fitted, a normal Q-Q plot and the coefficient intervals", () => {
    expect(report.charts.map((c) => c.title)).toEqual([
      "Actual vs fitted",
      "Residuals vs fitted",
      "Normal Q-Q of the residuals",
      "Coefficients with 95 % intervals",
    ]);
    const [actual, , qq, coefficients] = report.charts;
    expect(actual.data).toHaveLength(573);
    // Actual = fitted + residual reproduces the data's y (statsmodels' fitted values + residuals).
    expect(actual.data[1][1]).toBeCloseTo(reference.fitted[0] + reference.residuals[0], 8);
    // Blom's first plotting position for n = 572: scipy.stats.norm.ppf(0.625 / 572.25).
    expect(qq.data[1][0]).toBeCloseTo(-3.0639492003726843, 12);
    expect(coefficients.data.slice(1).map((row) => row[0])).toEqual([
      "Intercept",
      "TV[Low]",
      "TV[Medium]",
      "Radio",
    ]);
    expect(coefficients.series.map((s) => s.style)).toEqual(["markers", "dashed", "dashed"]);
  });

  it("samples row-level charts above the point limit and says so in the title", () => {
    const n = 3 * CHART_POINT_LIMIT + 7;
    const x: NumericColumn = {
      kind: "numeric",
      name: "x",
      values: Float64Array.from({ length: n }, (_, i) => Math.sin(i)),
    };
    const y: NumericColumn = {
      kind: "numeric",
      name: "y",
      values: Float64Array.from({ length: n }, (_, i) => Math.cos(i) + i / n),
    };
    const big = olsReport(runOls({ y, x: [x] }), ["x"]);
    expect(big.charts[0].data.length - 1).toBeLessThanOrEqual(CHART_POINT_LIMIT);
    expect(big.charts[0].title).toBe(`Actual vs fitted (1 row in 4 of ${n})`);
  });
});
