import fc from "fast-check";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { buildDesign, selectColumns } from "../../../src/engine/data/design";
import type { CategoricalColumn, Column, NumericColumn } from "../../../src/engine/data/types";
import { EngineError } from "../../../src/engine/errors";
import { thrown } from "../../support/engineErrors";
import { readSeedCsv } from "../../support/olsReference";

/** A seed CSV from test/fixtures/seeds. */
function readSeed(name: string): string {
  return readSeedCsv(`seeds/${name}`);
}

function numericColumn(name: string, values: readonly number[]): NumericColumn {
  return { kind: "numeric", name, values: Float64Array.from(values) };
}

function categoricalColumn(name: string, values: readonly (string | null)[]): CategoricalColumn {
  const levels = [...new Set(values.filter((value): value is string => value !== null))].sort();
  return { kind: "categorical", name, values, levels };
}

function sum(values: Float64Array): number {
  return values.reduce((total, value) => total + value, 0);
}

function modelColumns(file: string, y: string, x: string[]): { y: Column; predictors: Column[] } {
  const data = readCsvDataset(readSeed(file), { label: file });
  const [response] = selectColumns(data, [y], "y");
  return { y: response, predictors: selectColumns(data, x, "x") };
}

describe("buildDesign on marketing_sales_data.csv", () => {
  it("codes TV with reference High and Influencer with reference Macro, as patsy does", () => {
    const input = modelColumns("marketing_sales_data.csv", "Sales", ["TV", "Radio", "Influencer"]);
    const design = buildDesign({ ...input, intercept: true });
    expect(design.terms.map((term) => term.name)).toEqual([
      "Intercept",
      "TV[Low]",
      "TV[Medium]",
      "Radio",
      "Influencer[Mega]",
      "Influencer[Micro]",
      "Influencer[Nano]",
    ]);
    expect(design.terms.map((term) => term.variable)).toEqual([
      "Intercept",
      "TV",
      "TV",
      "Radio",
      "Influencer",
      "Influencer",
      "Influencer",
    ]);
    expect(design.variables).toEqual(["TV", "Radio", "Influencer"]);
    expect(design.rowCount).toBe(572);
    expect(design.rowsDropped).toBe(0);
    expect(design.y.length).toBe(572);
    // Counts from the seed README: Low 201, Medium 205; Mega 137, Micro 151, Nano 157.
    expect(design.columns.map(sum)).toEqual([572, 201, 205, expect.any(Number), 137, 151, 157]);
    expect(design.columns[0].every((value) => value === 1)).toBe(true);
  });

  it("codes the first categorical in full when there is no intercept", () => {
    const input = modelColumns("marketing_sales_data.csv", "Sales", ["Radio", "TV", "Influencer"]);
    const design = buildDesign({ ...input, intercept: false });
    expect(design.terms.map((term) => term.name)).toEqual([
      "Radio",
      "TV[High]",
      "TV[Low]",
      "TV[Medium]",
      "Influencer[Mega]",
      "Influencer[Micro]",
      "Influencer[Nano]",
    ]);
    expect(sum(design.columns[1]) + sum(design.columns[2]) + sum(design.columns[3])).toBe(572);
  });
});

describe("buildDesign on Dummy Data HSS.csv", () => {
  it("drops every row with a blank in y or a predictor, counted independently from the text", () => {
    const text = readSeed("Dummy Data HSS.csv");
    const lines = text.split(/\r?\n/).filter((line) => line !== "");
    const dataLines = lines.slice(1);
    const incomplete = dataLines
      .map((line, index) => ({
        index,
        blank: line.split(",").some((field) => field.trim() === ""),
      }))
      .filter((line) => line.blank)
      .map((line) => line.index);
    expect(dataLines.length).toBe(4572);
    expect(incomplete.length).toBeGreaterThan(0);

    const input = modelColumns("Dummy Data HSS.csv", "Sales", [
      "TV",
      "Radio",
      "Social Media",
      "Influencer",
    ]);
    const design = buildDesign({ ...input, intercept: true });
    expect(design.rowCount).toBe(dataLines.length);
    expect(design.rowsDropped).toBe(incomplete.length);
    expect(design.rowsUsed.length).toBe(dataLines.length - incomplete.length);
    const dropped = new Set(incomplete);
    const expectedRows = dataLines.map((_, index) => index).filter((index) => !dropped.has(index));
    expect(Array.from(design.rowsUsed)).toEqual(expectedRows);
    for (const column of design.columns) {
      expect(column.length).toBe(design.rowsUsed.length);
      expect(column.every((value) => !Number.isNaN(value))).toBe(true);
    }
    // The kept y values are the Sales fields of the kept lines, in order.
    const sales = expectedRows.map((index) => Number(dataLines[index].split(",")[4]));
    expect(Array.from(design.y)).toEqual(sales);
  });
});

describe("buildDesign", () => {
  const y = numericColumn("Sales", [1, 2, 3, 4, 5, 6]);

  it("computes levels on the kept rows only", () => {
    const channel = categoricalColumn("Channel", ["A", "B", "C", "A", "B", "C"]);
    const spend = numericColumn("Spend", [1, 2, NaN, 4, 5, NaN]);
    const design = buildDesign({ y, predictors: [channel, spend], intercept: true });
    // "C" only occurs in dropped rows, so "A" is the reference and only "B" gets a column.
    expect(design.terms.map((term) => term.name)).toEqual(["Intercept", "Channel[B]", "Spend"]);
    expect(Array.from(design.rowsUsed)).toEqual([0, 1, 3, 4]);
    expect(Array.from(design.columns[1])).toEqual([0, 1, 0, 1]);
    expect(Array.from(design.y)).toEqual([1, 2, 4, 5]);
    expect(design.rowsDropped).toBe(2);
  });

  it("drops rows where y is missing", () => {
    const sales = numericColumn("Sales", [1, NaN, 3, 4, 5, 6]);
    const design = buildDesign({
      y: sales,
      predictors: [numericColumn("TV", [1, 2, 3, 4, 5, 7])],
      intercept: true,
    });
    expect(Array.from(design.rowsUsed)).toEqual([0, 2, 3, 4, 5]);
    expect(design.rowsDropped).toBe(1);
  });

  it("builds an intercept-only design", () => {
    const design = buildDesign({ y, predictors: [], intercept: true });
    expect(design.terms).toEqual([{ name: "Intercept", variable: "Intercept" }]);
    expect(design.variables).toEqual([]);
  });

  it("rejects a categorical y, quoting a label", () => {
    const error = thrown(() =>
      buildDesign({
        y: categoricalColumn("Segment", [null, "A", "B"]),
        predictors: [],
        intercept: true,
      }),
    );
    expect(error.code).toBe("invalidValue");
    expect(error.message).toBe('y must be numeric; column "Segment" holds text such as "A"');
  });

  it("rejects the same column twice", () => {
    const radio = numericColumn("Radio", [1, 2, 3, 4, 5, 6]);
    const error = thrown(() => buildDesign({ y, predictors: [radio, radio], intercept: true }));
    expect(error.code).toBe("collinear");
    expect(error.message).toBe('x has the column "Radio" twice');
  });

  it("rejects predictors of another length than y", () => {
    const error = thrown(() =>
      buildDesign({ y, predictors: [numericColumn("TV", [1, 2, 3])], intercept: true }),
    );
    expect(error.code).toBe("shapeMismatch");
    expect(error.message).toMatch(/x has 3 rows in column "TV" but y has 6/);
  });

  it("rejects a categorical with one level after deletion, naming it and the level", () => {
    const tv = categoricalColumn("TV", ["Low", "Low", "High", "Low", "Low", "Low"]);
    const radio = numericColumn("Radio", [1, 2, NaN, 4, 5, 6]);
    const error = thrown(() => buildDesign({ y, predictors: [tv, radio], intercept: true }));
    expect(error.code).toBe("degenerate");
    expect(error.message).toMatch(/"TV" has a single level \("Low"\) in the 5 complete rows/);
  });

  it("rejects too few complete rows, with the numbers", () => {
    const rows = 120;
    const complete = new Set([5, 50, 100]);
    const values = (scale: number): number[] =>
      Array.from({ length: rows }, (_, row) => (complete.has(row) ? row * scale : NaN));
    const sales = numericColumn(
      "Sales",
      Array.from({ length: rows }, (_, row) => row),
    );
    const predictors = [
      numericColumn("TV", values(1)),
      numericColumn("Radio", values(2)),
      numericColumn("Social Media", values(3)),
    ];
    const error = thrown(() => buildDesign({ y: sales, predictors, intercept: true }));
    expect(error.code).toBe("tooFewRows");
    expect(error.message).toBe(
      "OLS needs at least 5 complete rows for 4 coefficients; 3 of 120 rows are complete " +
        '(117 have a blank or error value); "TV" 117 missing, "Radio" 117 missing, ' +
        '"Social Media" 117 missing',
    );
  });

  it("counts dummy columns among the coefficients and names the analysis", () => {
    const tv = categoricalColumn("TV", ["Low", "High", "Medium", "Low", "High", "Medium"]);
    const radio = numericColumn("Radio", [1, 2, 3, NaN, NaN, 6]);
    const error = thrown(() =>
      buildDesign({ y, predictors: [tv, radio], intercept: true, analysis: "MMM.OLS" }),
    );
    expect(error.code).toBe("tooFewRows");
    expect(error.message).toMatch(
      /^MMM\.OLS needs at least 5 complete rows for 4 coefficients; 4 of 6 rows are complete \(2 have a blank/,
    );
  });

  it("names a column that has no value at all when too few rows are complete", () => {
    const empty = numericColumn("Radio", [NaN, NaN, NaN, NaN, NaN, NaN]);
    const tv = numericColumn("TV", [1, NaN, 3, 4, 5, 6]);
    const error = thrown(() => buildDesign({ y, predictors: [tv, empty], intercept: true }));
    expect(error.code).toBe("tooFewRows");
    expect(error.message).toBe(
      "OLS needs at least 4 complete rows for 3 coefficients; 0 of 6 rows are complete " +
        '(6 have a blank or error value); "Radio" has no value at all, "TV" 1 missing',
    );
  });

  it("reports too few rows without a missing-value list when nothing was dropped", () => {
    const short = numericColumn("Sales", [1, 2]);
    const error = thrown(() =>
      buildDesign({ y: short, predictors: [numericColumn("TV", [3, 5])], intercept: true }),
    );
    expect(error.message).toBe(
      "OLS needs at least 3 complete rows for 2 coefficients; 2 of 2 rows are complete " +
        "(0 have a blank or error value)",
    );
  });

  it("rejects a model without any coefficient", () => {
    const error = thrown(() => buildDesign({ y, predictors: [], intercept: false }));
    expect(error.code).toBe("degenerate");
  });

  it("does not check constant numeric columns (the fit does)", () => {
    const constant = numericColumn("Constant", [2, 2, 2, 2, 2, 2]);
    expect(buildDesign({ y, predictors: [constant], intercept: true }).columns).toHaveLength(2);
  });

  it("keeps rows consistently for random numeric columns with gaps", () => {
    const cell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(NaN));
    const table = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 12 }))
      .chain(([width, height]) =>
        fc.array(fc.array(cell, { minLength: height, maxLength: height }), {
          minLength: width + 1,
          maxLength: width + 1,
        }),
      );
    fc.assert(
      fc.property(table, ([yValues, ...xs]) => {
        const input = {
          y: numericColumn("y", yValues),
          predictors: xs.map((values, index) => numericColumn(`x${index + 1}`, values)),
          intercept: true,
        };
        const complete = yValues
          .map((_, row) => row)
          .filter((row) => [yValues, ...xs].every((values) => !Number.isNaN(values[row])));
        try {
          const design = buildDesign(input);
          expect(Array.from(design.rowsUsed)).toEqual(complete);
          expect(design.rowsDropped + design.rowsUsed.length).toBe(yValues.length);
          expect(design.columns).toHaveLength(xs.length + 1);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineError);
          expect((error as EngineError).code).toBe("tooFewRows");
          expect(complete.length).toBeLessThan(xs.length + 2);
        }
      }),
    );
  });
});
