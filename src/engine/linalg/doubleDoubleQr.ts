/**
 * Householder QR carried out entirely in double-double arithmetic (about 32 digits).
 *
 * Exists for ill-conditioned and small problems: on NIST Filip (condition number ~1e15 after
 * the polynomial expansion) a double QR keeps no correct digit of the standard errors and
 * iterative refinement cannot converge, while a double-double factorisation of the same double
 * inputs reaches the exact-arithmetic ceiling. Cost about 20x the double QR, so the OLS fit
 * uses it only when the problem is small or the double QR reports a large condition number.
 */
import { dd, ddAdd, ddDiv, ddMul, ddSqrt } from "./doubleDouble";

const SPLITTER = 134217729; // 2^27 + 1, Dekker's split

export interface DoubleDoubleQr {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly hi: Float64Array[];
  readonly lo: Float64Array[];
  readonly diagonalHi: Float64Array;
  readonly diagonalLo: Float64Array;
}

/** A vector of double-double numbers. */
export interface DoubleDoubleVector {
  readonly hi: Float64Array;
  readonly lo: Float64Array;
}

const t = dd();
const u = dd();

export function factorDoubleDoubleQr(columns: readonly Float64Array[]): DoubleDoubleQr {
  const p = columns.length;
  const n = p === 0 ? 0 : columns[0].length;
  const hi = columns.map((c) => Float64Array.from(c));
  const lo = columns.map((c) => new Float64Array(c.length));
  const diagonalHi = new Float64Array(p);
  const diagonalLo = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const ah = hi[k];
    const al = lo[k];
    // norm of a[k..n)
    let sh = 0;
    let sl = 0;
    for (let i = k; i < n; i++) {
      ddMul(ah[i], al[i], ah[i], al[i], t);
      ddAdd(sh, sl, t.hi, t.lo, u);
      sh = u.hi;
      sl = u.lo;
    }
    ddSqrt(sh, sl, u);
    let nh = u.hi;
    let nl = u.lo;
    if (nh !== 0) {
      if (ah[k] < 0) {
        nh = -nh;
        nl = -nl;
      }
      for (let i = k; i < n; i++) {
        ddDiv(ah[i], al[i], nh, nl, t);
        ah[i] = t.hi;
        al[i] = t.lo;
      }
      ddAdd(ah[k], al[k], 1, 0, t);
      ah[k] = t.hi;
      al[k] = t.lo;
      for (let j = k + 1; j < p; j++) {
        reflect(ah, al, hi[j], lo[j], k, n);
      }
    }
    diagonalHi[k] = -nh;
    diagonalLo[k] = -nl;
  }
  return { rowCount: n, columnCount: p, hi, lo, diagonalHi, diagonalLo };
}

/** b <- (I - v v' / v_k) b on rows k..n-1, with v = (ah, al). */
function reflect(
  ah: Float64Array,
  al: Float64Array,
  bh: Float64Array,
  bl: Float64Array,
  k: number,
  n: number,
): void {
  let sh = 0;
  let sl = 0;
  for (let i = k; i < n; i++) {
    ddMul(ah[i], al[i], bh[i], bl[i], t);
    ddAdd(sh, sl, t.hi, t.lo, u);
    sh = u.hi;
    sl = u.lo;
  }
  ddDiv(-sh, -sl, ah[k], al[k], u);
  const fh = u.hi;
  const fl = u.lo;
  for (let i = k; i < n; i++) {
    ddMul(fh, fl, ah[i], al[i], t);
    ddAdd(bh[i], bl[i], t.hi, t.lo, u);
    bh[i] = u.hi;
    bl[i] = u.lo;
  }
}

/** Least-squares coefficients b minimising ||y - X b|| from the factorisation, in double-double. */
export function solveWithDoubleDoubleQr(qr: DoubleDoubleQr, y: Float64Array): DoubleDoubleVector {
  const n = qr.rowCount;
  const p = qr.columnCount;
  const yh = Float64Array.from(y);
  const yl = new Float64Array(n);
  for (let k = 0; k < p; k++) {
    if (qr.diagonalHi[k] !== 0) reflect(qr.hi[k], qr.lo[k], yh, yl, k, n);
  }
  const xh = new Float64Array(p);
  const xl = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sh = yh[i];
    let sl = yl[i];
    for (let j = i + 1; j < p; j++) {
      ddMul(qr.hi[j][i], qr.lo[j][i], xh[j], xl[j], t);
      ddAdd(sh, sl, -t.hi, -t.lo, u);
      sh = u.hi;
      sl = u.lo;
    }
    ddDiv(sh, sl, qr.diagonalHi[i], qr.diagonalLo[i], t);
    xh[i] = t.hi;
    xl[i] = t.lo;
  }
  return { hi: xh, lo: xl };
}

/**
 * (X'X)^{-1} = R^{-1} R^{-T}, computed in double-double and rounded: p x p, row-major.
 */
export function inverseGramFromDoubleDoubleQr(qr: DoubleDoubleQr): Float64Array {
  const p = qr.columnCount;
  // R^{-1}, upper triangular, rows of double-double.
  const invH = Array.from({ length: p }, () => new Float64Array(p));
  const invL = Array.from({ length: p }, () => new Float64Array(p));
  for (let col = 0; col < p; col++) {
    for (let i = col; i >= 0; i--) {
      let sh = i === col ? 1 : 0;
      let sl = 0;
      for (let j = i + 1; j <= col; j++) {
        ddMul(qr.hi[j][i], qr.lo[j][i], invH[j][col], invL[j][col], t);
        ddAdd(sh, sl, -t.hi, -t.lo, u);
        sh = u.hi;
        sl = u.lo;
      }
      ddDiv(sh, sl, qr.diagonalHi[i], qr.diagonalLo[i], t);
      invH[i][col] = t.hi;
      invL[i][col] = t.lo;
    }
  }
  const result = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let sh = 0;
      let sl = 0;
      for (let k = j; k < p; k++) {
        ddMul(invH[i][k], invL[i][k], invH[j][k], invL[j][k], t);
        ddAdd(sh, sl, t.hi, t.lo, u);
        sh = u.hi;
        sl = u.lo;
      }
      result[i * p + j] = sh + sl;
      result[j * p + i] = sh + sl;
    }
  }
  return result;
}

/**
 * Residuals y - X b with b in double-double, accumulated in double-double column by column
 * (TwoProduct and TwoSum written out, so the loop stays allocation-free and fast): returns the
 * residuals rounded to double and their sum of squares from the double-double values.
 */
export function residualsInDoubleDouble(
  columns: readonly Float64Array[],
  y: Float64Array,
  bHi: ArrayLike<number>,
  bLo: ArrayLike<number>,
): { residuals: Float64Array; sumOfSquares: number } {
  const n = y.length;
  const hi = y.slice();
  const lo = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const x = columns[j];
    const b = -bHi[j];
    const bTail = -bLo[j];
    let t = SPLITTER * b;
    const bH = t - (t - b);
    const bL = b - bH;
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      // (ph, pl) = xi * (b + bTail), exactly to double-double
      const ph = xi * b;
      t = SPLITTER * xi;
      const xH = t - (t - xi);
      const xL = xi - xH;
      const pl = xH * bH - ph + xH * bL + xL * bH + xL * bL + xi * bTail;
      // (hi, lo) += (ph, pl)
      const a = hi[i];
      const s = a + ph;
      const v = s - a;
      const e = a - (s - v) + (ph - v) + lo[i] + pl;
      const sum = s + e;
      lo[i] = e - (sum - s);
      hi[i] = sum;
    }
  }
  const residuals = new Float64Array(n);
  let sumOfSquares = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const r = hi[i] + lo[i];
    residuals[i] = r;
    // Kahan-compensated sum of squares of the accurately rounded residuals.
    const term = r * r - compensation;
    const next = sumOfSquares + term;
    compensation = next - sumOfSquares - term;
    sumOfSquares = next;
  }
  return { residuals, sumOfSquares };
}
