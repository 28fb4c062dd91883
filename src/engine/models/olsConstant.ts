/**
 * Whether a design spans the constant, as statsmodels decides its `k_constant`: explicitly (a
 * column of ones) or implicitly (a categorical coded in full without an intercept, a constant
 * column). A model that spans the constant has a centred R^2, one degree of freedom less in
 * its F test, and centred auxiliary regressions (VIF, Breusch-Pagan).
 *
 * With H = (X'X)^{-1} and b = X'1, the squared length of the projection of the ones vector on
 * the columns is T = b'Hb; on all columns but j it is T - (Hb)_j^2 / H_jj (a Schur complement),
 * so every leave-one-out question costs O(p) once H b is known.
 */

/** 1 counts as in the span when its residual is below this share of its squared length n. */
const SPAN_TOLERANCE = 1e-7;

export interface ConstantSpan {
  /** The ones vector lies in the span of all columns. statsmodels: k_constant == 1. */
  readonly model: boolean;
  /** For each column j, whether it lies in the span of the other columns. */
  readonly withoutColumn: readonly boolean[];
}

export function findConstantSpan(
  columns: readonly Float64Array[],
  inverseGram: Float64Array,
  hasIntercept: boolean,
): ConstantSpan {
  // An explicit intercept is in every leave-one-out span but its own: no arithmetic needed
  // (and none that an ill-conditioned design, such as NIST Filip, could get wrong).
  if (hasIntercept) return { model: true, withoutColumn: columns.map((_, j) => j !== 0) };
  const p = columns.length;
  const n = p === 0 ? 0 : columns[0].length;
  const sums = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const column = columns[j];
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i];
    sums[j] = sum;
  }
  const hb = new Float64Array(p);
  let projected = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let m = 0; m < p; m++) s += inverseGram[j * p + m] * sums[m];
    hb[j] = s;
    projected += sums[j] * s;
  }
  const spans = (length: number) => n - length <= SPAN_TOLERANCE * n;
  return {
    model: spans(projected),
    withoutColumn: Array.from(hb, (q, j) => spans(projected - (q * q) / inverseGram[j * p + j])),
  };
}
