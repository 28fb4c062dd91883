/** Invariants of least squares that must hold for any data (fast-check). */
import fc from "fast-check";
import { runOls } from "../../../src/engine/analyses/ols";
import type { NumericColumn } from "../../../src/engine/data/types";
import { isEngineError } from "../../../src/engine/errors";
import type { OlsResult } from "../../../src/engine/models/ols";

const numeric = (name: string, values: ArrayLike<number>): NumericColumn => ({
  kind: "numeric",
  name,
  values: Float64Array.from(values),
});

/** Values as a spreadsheet holds them: up to 1,000 in magnitude with three decimals. */
const value = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v / 1000);
const problem = fc
  .record({ rows: fc.integer({ min: 6, max: 40 }), predictors: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, predictors }) =>
    fc.record({
      y: fc.array(value, { minLength: rows, maxLength: rows }),
      x: fc.array(fc.array(value, { minLength: rows, maxLength: rows }), {
        minLength: predictors,
        maxLength: predictors,
      }),
      scales: fc.array(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }).chain((s) => fc.constantFrom(s, -s)),
        { minLength: predictors, maxLength: predictors },
      ),
      intercept: fc.boolean(),
    }),
  );

/** Fits, or returns null when the random design is rank deficient or y is constant. */
function tryFit(y: number[], x: number[][], intercept: boolean): OlsResult | null {
  try {
    return runOls({
      y: numeric("y", y),
      x: x.map((values, j) => numeric(`x${j + 1}`, values)),
      intercept,
    });
  } catch (error) {
    if (isEngineError(error) && (error.code === "collinear" || error.code === "degenerate"))
      return null;
    throw error;
  }
}

describe("OLS invariants", () => {
  it("gives the same fitted values when a predictor is rescaled", () => {
    fc.assert(
      fc.property(problem, ({ y, x, scales, intercept }) => {
        const base = tryFit(y, x, intercept);
        const scaled = tryFit(
          y,
          x.map((column, j) => column.map((v) => v * scales[j])),
          intercept,
        );
        fc.pre(base !== null && scaled !== null && base.conditionNumber < 1e8);
        const scale = Math.max(1, ...y.map(Math.abs));
        base!.fitted.forEach((f, i) => {
          expect(Math.abs(f - scaled!.fitted[i]) / scale).toBeLessThan(1e-8);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("leaves residuals orthogonal to every column of the design", () => {
    fc.assert(
      fc.property(problem, ({ y, x, intercept }) => {
        const result = tryFit(y, x, intercept);
        fc.pre(result !== null);
        const columns = intercept ? [y.map(() => 1), ...x] : x;
        const residualNorm = Math.sqrt(result!.residualSumOfSquares);
        for (const column of columns) {
          const dot = column.reduce((s, v, i) => s + v * result!.residuals[result!.rowsUsed[i]], 0);
          const norm = Math.sqrt(column.reduce((s, v) => s + v * v, 0));
          expect(Math.abs(dot)).toBeLessThanOrEqual(1e-12 * norm * residualNorm);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps R-squared in [0, 1] and the ANOVA sums of squares adding up to the total", () => {
    fc.assert(
      fc.property(problem, ({ y, x, intercept }) => {
        const result = tryFit(y, x, intercept);
        fc.pre(result !== null && result.totalSumOfSquares > 0);
        expect(result!.rSquared).toBeGreaterThanOrEqual(-1e-12);
        expect(result!.rSquared).toBeLessThanOrEqual(1 + 1e-12);
        const anovaTotal = result!.anova.reduce((s, row) => s + row.sumSq, 0);
        const total = intercept ? result!.totalSumOfSquares : y.reduce((s, v) => s + v * v, 0);
        expect(Math.abs(anovaTotal - total)).toBeLessThanOrEqual(1e-9 * total);
      }),
      { numRuns: 200 },
    );
  });
});
