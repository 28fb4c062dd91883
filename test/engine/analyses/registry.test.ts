/** The analysis registry: entries the pane renders from, and OLS's checks before Run. */
import { ANALYSES, withDefaults } from "../../../src/engine/analyses/registry";
import type { CategoricalColumn, NumericColumn } from "../../../src/engine/data/types";

const sales: NumericColumn = {
  kind: "numeric",
  name: "Sales",
  values: Float64Array.from([3, 5, 4, 8, 9, 12]),
};
const radio: NumericColumn = {
  kind: "numeric",
  name: "Radio",
  values: Float64Array.from([1, 2, 2, 4, 5, 6]),
};
const tv: CategoricalColumn = {
  kind: "categorical",
  name: "TV",
  values: ["a", "b", "a", "b", "a", "b"],
  levels: ["a", "b"],
};
const ols = ANALYSES.find((entry) => entry.id === "ols")!;

describe("the analysis registry", () => {
  it("offers Regression (OLS) with its roles and defaults", () => {
    expect(ANALYSES.map((entry) => entry.title)).toContain("Regression (OLS)");
    expect(ols.roles.map((role) => role.id)).toEqual(["y", "x"]);
    expect(withDefaults(ols, {})).toEqual({
      intercept: true,
      confidenceLevel: 0.95,
      covarianceType: "nonrobust",
    });
  });

  it.each([
    [{}, {}, ["Choose one response column (y).", "Choose at least one predictor column (x)."]],
    [{ y: [tv], x: [radio] }, {}, ['The response "TV" holds text; choose a numeric column.']],
    [
      { y: [sales], x: [sales, radio] },
      {},
      ['"Sales" is the response; it cannot also be a predictor.'],
    ],
    [
      { y: [sales], x: [radio] },
      { confidenceLevel: 95 },
      ["The confidence level must be between 0.5 and 0.999 (for example 0.95)."],
    ],
    [{ y: [sales], x: [radio, tv] }, { confidenceLevel: 0.9 }, []],
  ])("validates roles %j with options %j before Run", (roles, options, messages) => {
    expect(ols.validate({ roles, options })).toEqual(messages);
  });

  it("runs into a report with tables and charts", async () => {
    const report = await ols.run({
      roles: { y: [sales], x: [radio, tv] },
      options: withDefaults(ols, { covarianceType: "HC3" }),
    });
    expect(report.title).toBe("OLS: Sales on Radio, TV");
    expect(report.tables.map((t) => t.title)).toEqual([
      "Fit",
      "Coefficients",
      "Analysis of variance (sequential)",
      "Contributions to fitted sales over the data",
    ]);
    expect(report.tables[1].rows[0][3]).toBe("z");
    expect(report.charts).toHaveLength(4);
  });
});
