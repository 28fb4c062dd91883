/**
 * Per-row influence of an OLS fit (leverage, Cook's distance) and, on request, the "meat" of
 * the heteroskedasticity-robust sandwich, in one pass over the rows. Each row x_i is mapped to
 * z_i = R^{-T} x_i, its coordinates in an orthonormal basis of the column space, so that
 * h_i = ||z_i||^2 and the robust covariance is R^{-1} (sum w_i z_i z_i') R^{-T}.
 */
import { invertUpper } from "../linalg/householderQr";

export interface Influence {
  /** Hat-matrix diagonal h_i. */
  readonly leverage: Float64Array;
  /** Cook's distance e_i^2 / (k s^2) * h_i / (1 - h_i)^2. */
  readonly cooksDistance: Float64Array;
  /** The robust covariance, k x k row-major, when a kind was asked for. */
  readonly robustCovariance: Float64Array | null;
  /**
   * Rows (indices among the rows used) with leverage 1 to rounding: each alone determines a
   * coefficient (a category with one row, say), its residual is 0, and its Cook's distance and
   * HC3 weight e^2 / (1 - h)^2 are 0/0, so they are NaN (and with them every HC3 error).
   */
  readonly fullLeverageRows: readonly number[];
}

/** Leverage above 1 - this counts as 1: (1 - h)^2 then holds no correct digit. */
const FULL_LEVERAGE = 1e-10;

/**
 * White's weights: HC1 w_i = e_i^2 n / (n - k); HC3 w_i = e_i^2 / (1 - h_i)^2
 * (statsmodels' cov_HC1, cov_HC3).
 */
export type RobustKind = "HC1" | "HC3";

/** Rows per block: Z for 1,024 rows x 17 columns stays in cache. */
const BLOCK_ROWS = 1024;

export function computeInfluence(
  columns: readonly Float64Array[],
  r: readonly Float64Array[],
  residuals: Float64Array,
  scale: number,
  robust: RobustKind | null,
): Influence {
  const k = columns.length;
  const n = residuals.length;
  const inverse = invertUpper(r);
  const leverage = new Float64Array(n);
  const cooksDistance = new Float64Array(n);
  const meat = robust === null ? null : new Float64Array(k * k);
  // Z for one block of rows, by columns: z_j = sum over m <= j of x_m (R^{-1})[m][j].
  const z = Array.from({ length: k }, () => new Float64Array(BLOCK_ROWS));
  const weight = new Float64Array(BLOCK_ROWS);
  const fullLeverageRows: number[] = [];
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const rows = Math.min(BLOCK_ROWS, n - start);
    const h = leverage.subarray(start, start + rows);
    for (let j = 0; j < k; j++) {
      const zj = z[j];
      zj.fill(0, 0, rows);
      // Four columns of X per pass cut the loads and stores of z_j.
      let m = 0;
      for (; m + 3 <= j; m += 4) {
        const c0 = inverse[m * k + j];
        const c1 = inverse[(m + 1) * k + j];
        const c2 = inverse[(m + 2) * k + j];
        const c3 = inverse[(m + 3) * k + j];
        const x0 = columns[m];
        const x1 = columns[m + 1];
        const x2 = columns[m + 2];
        const x3 = columns[m + 3];
        for (let i = 0, row = start; i < rows; i++, row++) {
          zj[i] += c0 * x0[row] + c1 * x1[row] + c2 * x2[row] + c3 * x3[row];
        }
      }
      for (; m <= j; m++) {
        const c0 = inverse[m * k + j];
        const x0 = columns[m];
        for (let i = 0; i < rows; i++) zj[i] += c0 * x0[start + i];
      }
      for (let i = 0; i < rows; i++) h[i] += zj[i] * zj[i];
    }
    for (let i = 0; i < rows; i++) {
      const e = residuals[start + i];
      const hi = h[i];
      const full = hi > 1 - FULL_LEVERAGE;
      if (full) fullLeverageRows.push(start + i);
      cooksDistance[start + i] = full
        ? NaN
        : ((e * e) / (k * scale)) * (hi / ((1 - hi) * (1 - hi)));
      if (robust === "HC1") weight[i] = (e * e * n) / (n - k);
      else weight[i] = full ? NaN : (e * e) / ((1 - hi) * (1 - hi));
    }
    if (meat !== null) {
      for (let a = 0; a < k; a++) {
        const za = z[a];
        for (let b = 0; b <= a; b++) {
          const zb = z[b];
          let sum = 0;
          for (let i = 0; i < rows; i++) sum += weight[i] * za[i] * zb[i];
          meat[a * k + b] += sum;
        }
      }
    }
  }
  return {
    leverage,
    cooksDistance,
    robustCovariance: meat === null ? null : sandwich(inverse, meat, k),
    fullLeverageRows,
  };
}

/** R^{-1} M R^{-T} for the lower triangle of a symmetric M. */
function sandwich(inverse: Float64Array, meat: Float64Array, k: number): Float64Array {
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[b * k + a] = meat[a * k + b];
  const left = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let m = a; m < k; m++) s += inverse[a * k + m] * meat[m * k + b];
      left[a * k + b] = s;
    }
  const covariance = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let m = b; m < k; m++) s += left[a * k + m] * inverse[b * k + m];
      covariance[a * k + b] = s;
    }
  return covariance;
}
