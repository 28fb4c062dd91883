/**
 * What the Monte Carlo simulator needs of a model: draws of its parameters given the data, and
 * the response to a row of inputs under a draw. The regression supplies one now; the
 * adstock/saturation model of a later issue plugs into the same simulator.
 */
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { EngineError } from "../errors";
import { INTERCEPT } from "../data/design";
import type { OlsResult } from "../models/ols";
import type { Sampler } from "../stats/samplers";

export interface ParameterDraw {
  /** The model's coefficients under this draw (intercept first when there is one). */
  readonly coefficients: Float64Array;
  /** The observation noise's SD under this draw. */
  readonly sigma: number;
}

export interface PredictiveModel {
  /** The inputs a plan row gives, in this order (the spend columns). */
  readonly inputs: readonly string[];
  /** A draw of the parameters from their distribution given the data (valid until the next). */
  draw(sampler: Sampler): ParameterDraw;
  /** The expected response to one row of inputs under a draw. */
  expected(draw: ParameterDraw, inputs: Float64Array): number;
  /**
   * Each input's incremental response under a draw, into `out`: the expected response minus the
   * expected response with that input at zero.
   */
  incremental(draw: ParameterDraw, inputs: Float64Array, out: Float64Array): void;
}

/**
 * A fitted regression as a predictive model, with the flat-prior posterior: σ² = ν s² / χ²_ν,
 * then β | σ ~ N(b, σ² (X'X)⁻¹). With the inputs fixed, the response y = x'β + σ ε is then
 * distributed as x'b + s √(1 + x'(X'X)⁻¹x) t_ν: the analytic prediction interval.
 */
export function regressionModel(fit: OlsResult): PredictiveModel {
  const slopes = fit.coefficients.filter((c) => c.term !== INTERCEPT);
  const text = slopes.find((c) => c.term !== c.variable);
  if (text !== undefined) {
    throw new EngineError(
      "invalidOption",
      `A plan gives numbers for numeric inputs; "${text.variable}" holds text (categories).`,
    );
  }
  const inputs = slopes.map((c) => c.term);
  const k = fit.coefficients.length;
  const estimate = Float64Array.from(fit.coefficients, (c) => c.estimate);
  const rows = Array.from({ length: k }, (_, i) =>
    Array.from(fit.inverseGram.subarray(i * k, (i + 1) * k)),
  );
  const lower = Float64Array.from(
    new CholeskyDecomposition(new Matrix(rows)).lowerTriangularMatrix.to2DArray().flat(),
  );
  const dfResidual = fit.dfResidual;
  const scale = fit.residualStdError ** 2;
  const z = new Float64Array(k);
  // One draw for all: the simulator reads a draw before it asks for the next.
  const current = { coefficients: new Float64Array(k), sigma: 0 };
  const offset = fit.hasIntercept ? 1 : 0;
  return {
    inputs,
    draw(sampler) {
      const sigma = Math.sqrt((dfResidual * scale) / sampler.chiSquare(dfResidual));
      for (let j = 0; j < k; j++) z[j] = sampler.normal();
      for (let i = 0; i < k; i++) {
        let shift = 0;
        for (let j = 0; j <= i; j++) shift += lower[i * k + j] * z[j];
        current.coefficients[i] = estimate[i] + sigma * shift;
      }
      current.sigma = sigma;
      return current;
    },
    expected(draw, row) {
      let total = fit.hasIntercept ? draw.coefficients[0] : 0;
      for (let j = 0; j < row.length; j++) total += draw.coefficients[j + offset] * row[j];
      return total;
    },
    // Linear: an input's incremental response is its coefficient times its value.
    incremental(draw, row, out) {
      for (let j = 0; j < row.length; j++) out[j] = draw.coefficients[j + offset] * row[j];
    },
  };
}
