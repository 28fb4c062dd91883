/**
 * Pearson and Spearman correlations of pairs of columns, each on the rows where both are present
 * (pairwise deletion, as pandas' `corr()`), with the two-sided p-value of scipy's `pearsonr` and
 * `spearmanr` (Student's t on n - 2 df; Spearman's rho is Pearson's r of average ranks).
 */
import { studentTTwoSidedP } from "../stats/studentT";

export type CorrelationMethod = "pearson" | "spearman";

export interface PairCorrelation {
  /** Rows where both columns are present. */
  readonly n: number;
  /** r or rho; NaN below 2 rows or when a column is constant on those rows. */
  readonly r: number;
  /** Two-sided p; 0 at |r| = 1, 1 for Pearson on 2 rows (scipy's convention), else NaN below 3. */
  readonly p: number;
}

export function correlate(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: CorrelationMethod,
): PairCorrelation {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  }
  const n = xs.length;
  const r = method === "pearson" ? pearson(xs, ys) : pearson(averageRanks(xs), averageRanks(ys));
  // Two points always lie on a line: scipy's pearsonr says r = ±1 with p = 1 there.
  if (n === 2 && !Number.isNaN(r)) return { n, r: Math.sign(r), p: method === "pearson" ? 1 : NaN };
  return { n, r, p: correlationP(r, n) };
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  // Rounding can push |r| a hair past 1; clip as scipy does.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks 1..n, ties sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

function correlationP(r: number, n: number): number {
  if (Number.isNaN(r) || n < 3) return NaN;
  if (Math.abs(r) === 1) return 0;
  const df = n - 2;
  return studentTTwoSidedP(r * Math.sqrt(df / ((1 - r) * (1 + r))), df);
}
