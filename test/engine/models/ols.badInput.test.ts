/** Degenerate designs get a specific EngineError naming the column, never a wrong number. */
import { runOls } from "../../../src/engine/analyses/ols";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import type { CategoricalColumn, Column, NumericColumn } from "../../../src/engine/data/types";
import { EngineError } from "../../../src/engine/errors";
import { fitOls } from "../../../src/engine/models/ols";
import { buildDesign } from "../../../src/engine/data/design";
import { readSeedCsv } from "../../support/olsReference";

const numeric = (name: string, values: number[]): NumericColumn => ({
  kind: "numeric",
  name,
  values: Float64Array.from(values),
});

const categorical = (name: string, values: (string | null)[]): CategoricalColumn => ({
  kind: "categorical",
  name,
  values,
  levels: [...new Set(values.filter((v): v is string => v !== null))].sort(),
});

const y = numeric("Sales", [3, 5, 4, 8, 9, 12, 11, 15]);
const radio = numeric("Radio", [1, 2, 2, 4, 5, 6, 6, 8]);

function expectEngineError(run: () => unknown, code: EngineError["code"], message: RegExp) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as EngineError).code).toBe(code);
  expect((caught as EngineError).message).toMatch(message);
}

describe("OLS refuses degenerate designs by name", () => {
  it("reports an all-zero column (Campaign (Phone) among Small Facility clients, where statsmodels returns a pseudo-inverse)", () => {
    const dataset = readCsvDataset(readSeedCsv("seeds/Campaign-Data.csv"));
    const clientType = dataset.columns.find((c) => c.name === "Client Type") as CategoricalColumn;
    const keep = clientType.values.map((v) => v === "Small Facility");
    const subset = (column: Column): Column =>
      column.kind === "numeric"
        ? { ...column, values: column.values.filter((_, i) => keep[i]) }
        : { ...column, values: column.values.filter((_, i) => keep[i]) };
    const names = [
      "Campaign (Email)",
      "Campaign (Flyer)",
      "Campaign (Phone)",
      "Sales Contact 1",
      "Sales Contact 2",
      "Sales Contact 3",
      "Sales Contact 4",
      "Sales Contact 5",
    ];
    const [amount] = selectColumns(dataset, ["Amount Collected"], "data").map(subset);
    const x = selectColumns(dataset, names, "data").map(subset);
    expectEngineError(
      () => runOls({ y: amount, x }),
      "collinear",
      /"Campaign \(Phone\)" is all zero in the 840 rows used/,
    );
  });

  it("reports a constant column beside the intercept", () => {
    expectEngineError(
      () => runOls({ y, x: [radio, numeric("Week", Array(8).fill(5))] }),
      "collinear",
      /"Week" is constant \(5 in each of the 8 rows used\)/,
    );
  });

  it("reports a duplicated column as proportional to the original", () => {
    const copy = numeric(
      "Radio (copy)",
      Array.from(radio.values, (v) => 2 * v),
    );
    expectEngineError(
      () => runOls({ y, x: [radio, copy] }),
      "collinear",
      /"Radio \(copy\)" is proportional to "Radio"/,
    );
  });

  it("reports a linear combination and names its parts", () => {
    const tv = numeric("TV", [2, 1, 3, 5, 4, 7, 9, 8]);
    const total = numeric(
      "Total",
      Array.from(radio.values, (v, i) => v + tv.values[i] + 1),
    );
    expectEngineError(
      () => runOls({ y, x: [radio, tv, total] }),
      "collinear",
      /"Total" is a linear combination of "Intercept", "Radio", "TV"/,
    );
  });

  it("reports a categorical predictor with one level", () => {
    expectEngineError(
      () => runOls({ y, x: [radio, categorical("TV", Array(8).fill("High"))] }),
      "degenerate",
      /"TV" has a single level \("High"\)/,
    );
  });

  it("reports too few rows for the number of coefficients", () => {
    expectEngineError(
      () =>
        runOls({
          y: numeric("y", [1, 2, 3]),
          x: [numeric("a", [1, 3, 2]), numeric("b", [2, 1, 5])],
        }),
      "tooFewRows",
      /at least 4 complete rows for 3 coefficients/,
    );
  });

  it("reports too few rows when blanks leave too little", () => {
    const withBlanks = numeric("Radio", [1, NaN, NaN, NaN, NaN, NaN, 2, NaN]);
    expectEngineError(() => runOls({ y, x: [withBlanks] }), "tooFewRows", /2 of 8 rows/);
  });

  it("rejects a confidence level outside (0, 1)", () => {
    const design = buildDesign({ y, predictors: [radio], intercept: true });
    expectEngineError(
      () => fitOls(design, "Sales", { confidenceLevel: 95 }),
      "invalidOption",
      /got 95/,
    );
  });

  it("refuses a constant y: there is nothing to explain", () => {
    expectEngineError(
      () => runOls({ y: numeric("Sales", Array(8).fill(7)), x: [radio] }),
      "degenerate",
      /y \("Sales"\) is constant \(7 in each of the 8 rows used\)/,
    );
  });

  it("refuses a column whose squares would overflow, naming it", () => {
    const huge = numeric(
      "Reach",
      Array.from(radio.values, (v) => v * 1e160),
    );
    expectEngineError(
      () => runOls({ y, x: [huge] }),
      "invalidValue",
      /x column "Reach" has a largest magnitude of 8\.00e\+160.*rescale it/,
    );
  });

  it("refuses a predictor named Intercept beside the intercept", () => {
    expectEngineError(
      () => runOls({ y, x: [numeric("Intercept", Array.from(radio.values))] }),
      "invalidValue",
      /column named "Intercept"/,
    );
  });

  it("flags a row that alone determines a coefficient, with Cook's distance undefined there", () => {
    const group = categorical("Store", ["a", "a", "a", "b", "b", "b", "b", "c"]);
    const result = runOls({ y, x: [radio, group] });
    expect(result.leverage[7]).toBeCloseTo(1, 12);
    expect(result.cooksDistance[7]).toBeNaN();
    expect(result.warnings.join(" ")).toMatch(/Data row 8 alone determines a coefficient/);
    const hc3 = runOls({ y, x: [radio, group], covarianceType: "HC3" });
    expect(hc3.coefficients[1].stdError).toBeNaN();
    expect(hc3.warnings.join(" ")).toMatch(/HC3 standard errors \(use HC1\)/);
  });

  it("reports Breusch-Pagan as undefined when every squared residual is the same", () => {
    // Residuals are +1 and -1 within each pair: nothing for the auxiliary regression to explain.
    const result = runOls({
      y: numeric("y", [1, 3, 4, 6, 10, 12]),
      x: [categorical("g", ["a", "a", "b", "b", "c", "c"])],
    });
    expect(Array.from(result.residuals, Math.abs)).toEqual(
      [1, 1, 1, 1, 1, 1].map((v) => expect.closeTo(v, 12)),
    );
    expect(result.breuschPagan).toBeNaN();
    expect(result.warnings.join(" ")).not.toMatch(/Breusch-Pagan/);
  });

  it("reports an exact fit with a warning instead of failing", () => {
    const exact = numeric(
      "y",
      Array.from(radio.values, (v) => 2 + 3 * v),
    );
    const result = runOls({ y: exact, x: [radio] });
    expect(result.coefficients[1].estimate).toBeCloseTo(3, 12);
    expect(result.warnings.join(" ")).toMatch(/fits the data exactly/);
  });
});
