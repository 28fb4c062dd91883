/**
 * Least squares min ||y - X b|| for a full-rank design, to the accuracy the data allow.
 *
 * Two paths, chosen by size and conditioning:
 * - small or nearly collinear problems (n p^2 up to SMALL_WORK, or a column keeping less than
 *   NEARLY_COLLINEAR of its norm outside the span of the columns before it): a Householder QR
 *   in double-double, whose coefficients and (X'X)^{-1} reach the exact-arithmetic ceiling on
 *   every NIST StRD linear set (Filip included);
 * - large, well-conditioned problems: the one-pass double QR and one step of corrected
 *   semi-normal refinement with residuals accumulated in double-double, about one QR's cost.
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

/** Up to this many flops (n p^2) the double-double path costs under about 0.1 s. */
const SMALL_WORK = 4e6;
/** |R_jj| / ||x_j|| below this: the double QR would lose more than about 4 digits. */
const NEARLY_COLLINEAR = 1e-4;

export function fitLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  qr: DesignQr,
): LeastSquaresFit {
  const n = y.length;
  const p = columns.length;
  if (n * p * p <= SMALL_WORK || smallestAngle(qr.r) < NEARLY_COLLINEAR) {
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
  let residualSumOfSquares = 0;
  for (let i = 0; i < n; i++) residualSumOfSquares += residuals[i] * residuals[i];
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

/** min over j of |R_jj| / ||x_j||: the sine of the angle between x_j and the earlier columns. */
export function smallestAngle(r: readonly Float64Array[]): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let j = 0; j < r.length; j++) {
    let norm = 0;
    for (let i = 0; i <= j; i++) norm += r[i][j] * r[i][j];
    smallest = Math.min(smallest, Math.abs(r[j][j]) / Math.sqrt(norm));
  }
  return smallest;
}
