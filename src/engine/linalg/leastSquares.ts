/**
 * Least squares min ||y - X b|| for a full-rank design, to the accuracy the data allow.
 *
 * Two paths, chosen by size and conditioning:
 * - small or ill-conditioned problems (n p^2 up to SMALL_WORK, or a condition number of the
 *   column-scaled R above ILL_CONDITIONED): a Householder QR in double-double, whose
 *   coefficients and (X'X)^{-1} reach the exact-arithmetic ceiling on every NIST StRD linear
 *   set (Filip included), at about 20 times the cost of a double QR;
 * - large, well-conditioned problems: the one-pass double QR and one step of corrected
 *   semi-normal refinement with residuals accumulated in double-double, about one QR's cost.
 *   There (X'X)^{-1} from the double R carries a relative error of about eps times the scaled
 *   condition number, at most 2e-13: 12.6 digits.
 */
import {
  factorDoubleDoubleQr,
  inverseGramFromDoubleDoubleQr,
  residualsInDoubleDouble,
  solveWithDoubleDoubleQr,
} from "./doubleDoubleQr";
import {
  type DesignQr,
  invertUpper,
  solveUpper,
  solveUpperTransposed,
  transposeTimes,
} from "./householderQr";
import { singularValuesOfUpper } from "./singularValues";

export interface LeastSquaresFit {
  /** b: the least-squares coefficients. */
  readonly coefficients: Float64Array;
  /** y - X b, accumulated in double-double and rounded. */
  readonly residuals: Float64Array;
  /** Sum of squared residuals. */
  readonly residualSumOfSquares: number;
  /** (X'X)^{-1}, p x p row-major. */
  readonly inverseGram: Float64Array;
  /** Which path computed the solution. */
  readonly method: "double-double QR" | "QR with refinement";
}

/** Up to this many flops (n p^2) the double-double path costs under about 0.03 s. */
const SMALL_WORK = 5e5;
/** Condition number of R with unit columns above which the double path loses > 3 digits. */
const ILL_CONDITIONED = 1e3;

export function fitLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  qr: DesignQr,
): LeastSquaresFit {
  const n = y.length;
  const p = columns.length;
  if (n * p * p <= SMALL_WORK || scaledConditionNumber(qr.r) > ILL_CONDITIONED) {
    const ddQr = factorDoubleDoubleQr(columns);
    const b = solveWithDoubleDoubleQr(ddQr, y);
    const { residuals, sumOfSquares } = residualsInDoubleDouble(columns, y, b.hi, b.lo);
    return {
      coefficients: b.hi.map((hi, j) => hi + b.lo[j]),
      residuals,
      residualSumOfSquares: sumOfSquares,
      inverseGram: inverseGramFromDoubleDoubleQr(ddQr),
      method: "double-double QR",
    };
  }
  const coefficients = solveUpper(qr.r, qr.qty);
  // One corrected semi-normal step (Bjorck): d = (R'R)^{-1} X' r with r in double-double.
  const first = residualsInDoubleDouble(columns, y, coefficients, new Float64Array(p));
  const correction = solveUpper(
    qr.r,
    solveUpperTransposed(qr.r, transposeTimes(columns, first.residuals)),
  );
  const residuals = first.residuals;
  for (let j = 0; j < p; j++) {
    coefficients[j] += correction[j];
    const column = columns[j];
    const d = correction[j];
    for (let i = 0; i < n; i++) residuals[i] -= column[i] * d;
  }
  // Kahan-compensated: a plain sum loses digits over millions of rows.
  let residualSumOfSquares = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const term = residuals[i] * residuals[i] - compensation;
    const next = residualSumOfSquares + term;
    compensation = next - residualSumOfSquares - term;
    residualSumOfSquares = next;
  }
  return {
    coefficients,
    residuals,
    residualSumOfSquares,
    inverseGram: inverseGramFromUpper(qr.r),
    method: "QR with refinement",
  };
}

/** (R'R)^{-1} = R^{-1} R^{-T} in double, p x p row-major. */
export function inverseGramFromUpper(r: readonly Float64Array[]): Float64Array {
  const p = r.length;
  const inverse = invertUpper(r);
  const result = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += inverse[i * p + k] * inverse[j * p + k];
      result[i * p + j] = s;
      result[j * p + i] = s;
    }
  }
  return result;
}

/**
 * Condition number of R D^{-1}, D the column norms: the conditioning that matters for the
 * accuracy of a QR solution, independent of the units of the columns (van der Sluis).
 */
export function scaledConditionNumber(r: readonly Float64Array[]): number {
  const p = r.length;
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) sum += r[i][j] * r[i][j];
    norms[j] = Math.sqrt(sum);
  }
  const scaled = r.map((row) => row.map((v, j) => v / norms[j]));
  const singular = singularValuesOfUpper(scaled);
  return singular[0] / singular[singular.length - 1];
}
