/**
 * Descriptive statistics of a numeric column, as pandas' `describe()`, `skew()` and `kurt()`
 * report them: count and missing, mean, SD (n - 1), min, quartiles by linear interpolation
 * (numpy's default, R's type 7), max, the bias-corrected skewness G1 and excess kurtosis G2,
 * sum and standard error of the mean. Statistics a column is too short or too constant for are
 * NaN (skew below 3 values, kurtosis below 4, either for a constant column), never a made-up 0.
 */
import { accurateMean } from "../stats/accurateMoments";

export interface ColumnSummary {
  readonly count: number;
  readonly missing: number;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
  readonly skew: number;
  readonly kurtosis: number;
  readonly sum: number;
  /** Standard error of the mean, sd / sqrt(count). */
  readonly se: number;
}

/** Summarises the non-missing (non-NaN) values of a column. */
export function summarizeColumn(values: ArrayLike<number>): ColumnSummary {
  const present = Float64Array.from(
    Array.prototype.filter.call(values, (x: number) => !Number.isNaN(x)) as number[],
  ).sort();
  const n = present.length;
  const missing = values.length - n;
  if (n === 0) {
    const none = NaN;
    return {
      count: 0,
      missing,
      mean: none,
      sd: none,
      min: none,
      q1: none,
      median: none,
      q3: none,
      max: none,
      skew: none,
      kurtosis: none,
      sum: 0,
      se: none,
    };
  }
  const centre = accurateMean(present);
  const mean = centre.hi + centre.lo;
  // Central moments about the double-double mean: Σ d², Σ d³, Σ d⁴.
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = present[i] - centre.hi - centre.lo;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const variance = n > 1 ? m2 / (n - 1) : NaN;
  const sd = Math.sqrt(variance);
  return {
    count: n,
    missing,
    mean,
    sd,
    min: present[0],
    q1: quantile(present, 0.25),
    median: quantile(present, 0.5),
    q3: quantile(present, 0.75),
    max: present[n - 1],
    skew: skewness(n, m2, m3),
    kurtosis: excessKurtosis(n, m2, m4),
    sum: mean * n,
    se: sd / Math.sqrt(n),
  };
}

/** Linear interpolation between order statistics at (n - 1)p (R's type 7). */
export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** G1 = g1 · sqrt(n(n - 1)) / (n - 2), g1 = m3 / m2^1.5 (moments divided by n); NaN for a constant. */
function skewness(n: number, sumSquares: number, sumCubes: number): number {
  if (n < 3 || sumSquares === 0) return NaN;
  const m2 = sumSquares / n;
  const g1 = sumCubes / n / m2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** G2 = ((n + 1) g2 + 6)(n - 1) / ((n - 2)(n - 3)), g2 = m4 / m2² - 3; NaN for a constant. */
function excessKurtosis(n: number, sumSquares: number, sumFourths: number): number {
  if (n < 4 || sumSquares === 0) return NaN;
  const m2 = sumSquares / n;
  const g2 = sumFourths / n / (m2 * m2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
