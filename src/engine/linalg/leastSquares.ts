/**
 * Least squares min ||y - X b|| for a full-rank design, to the accuracy the data allow.
 *
 * Two paths, chosen by size and conditioning:
 * - small or ill-conditioned problems (n p^2 below SMALL_WORK, or an R diagonal ratio above
 *   ILL_CONDITIONED): a double-double Householder QR, whose coefficients and (X'X)^{-1} reach
 *   the exact-arithmetic ceiling on every NIST StRD linear set;
 * - large, well-conditioned problems: one double Householder QR and one step of iterative
 *   refinement with residuals accumulated in double-double, which is about one QR's cost.
 */
import {
  factorDoubleDoubleQr,
  inverseGramFromDoubleDoubleQr,
  residualsInDoubleDouble,
  solveWithDoubleDoubleQr,
} from "./doubleDoubleQr";
import { applyQTranspose, type HouseholderQr, solveUpper, upperTriangle } from "./householderQr";

export interface LeastSquaresFit {
  /** b: the least-squares coefficients. */
  readonly coefficients: Float64Array;
  /** y - X b, accumulated in double-double and rounded. */
  readonly residuals: Float64Array;
  /** sum of squared residuals, accumulated in double-double. */
  readonly residualSumOfSquares: number;
  /** (X'X)^{-1}, p x p row-major. */
  readonly inverseGram: Float64Array;
  /** Which path computed the solution. */
  readonly method: "double-double QR" | "QR with refinement";
}

/** Below this many flops (n p^2) the double-double path is cheap enough to always take. */
const SMALL_WORK = 4e6;
/** max |R_ii| / min |R_ii| above which a double QR loses too many digits. */
const ILL_CONDITIONED = 1e4;

export function fitLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  qr: HouseholderQr,
): LeastSquaresFit {
  const n = y.length;
  const p = columns.length;
  if (n * p * p <= SMALL_WORK || diagonalRatio(qr.rDiagonal) > ILL_CONDITIONED) {
    const ddQr = factorDoubleDoubleQr(columns);
    const b = solveWithDoubleDoubleQr(ddQr, y);
    const { residuals, sumOfSquares } = residualsInDoubleDouble(columns, y, b.hi, b.lo);
    const coefficients = b.hi.map((hi, j) => hi + b.lo[j]);
    return {
      coefficients,
      residuals,
      residualSumOfSquares: sumOfSquares,
      inverseGram: inverseGramFromDoubleDoubleQr(ddQr),
      method: "double-double QR",
    };
  }
  const r = upperTriangle(qr);
  const qty = Float64Array.from(y);
  applyQTranspose(qr, qty);
  const coefficients = solveUpper(r, qty);
  const zero = new Float64Array(p);
  // One refinement step: b += argmin ||r - X d|| with r accumulated in double-double.
  const first = residualsInDoubleDouble(columns, y, coefficients, zero);
  applyQTranspose(qr, first.residuals);
  const correction = solveUpper(r, first.residuals);
  for (let j = 0; j < p; j++) coefficients[j] += correction[j];
  const { residuals, sumOfSquares } = residualsInDoubleDouble(columns, y, coefficients, zero);
  return {
    coefficients,
    residuals,
    residualSumOfSquares: sumOfSquares,
    inverseGram: inverseGramFromUpper(r),
    method: "QR with refinement",
  };
}

/** (R'R)^{-1} = R^{-1} R^{-T} in double, p x p row-major. */
export function inverseGramFromUpper(r: readonly Float64Array[]): Float64Array {
  const p = r.length;
  const inv = Array.from({ length: p }, () => new Float64Array(p));
  for (let col = 0; col < p; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= r[i][j] * inv[j][col];
      inv[i][col] = s / r[i][i];
    }
  }
  const result = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += inv[i][k] * inv[j][k];
      result[i * p + j] = s;
      result[j * p + i] = s;
    }
  }
  return result;
}

function diagonalRatio(diagonal: Float64Array): number {
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const d of diagonal) {
    max = Math.max(max, Math.abs(d));
    min = Math.min(min, Math.abs(d));
  }
  return max / min;
}
