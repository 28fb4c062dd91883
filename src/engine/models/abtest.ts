/**
 * A/B tests between a control arm A and a variant arm B. Differences are B − A and the relative
 * lift (B − A) / A, as scipy and statsmodels compute them with the variant first:
 * - numeric outcomes: Welch's t (default) or Student's t with the interval of the difference,
 *   Mann-Whitney U (normal approximation with tie and continuity corrections; the exact
 *   distribution when there are no ties and an arm has at most 8 rows, as scipy's "auto"), the
 *   delta-method interval of the relative lift, Cohen's d and the achieved power of the t test;
 * - conversions: the pooled two-proportion z test, the Wald and Newcombe intervals of the
 *   difference, the 2 × 2 chi-square with and without Yates' correction, Cohen's h and the
 *   achieved power (normal approximation).
 */
import { EngineError } from "../errors";
import { accurateMean, sumOfSquares } from "../stats/accurateMoments";
import { chiSquareSf } from "../stats/chiSquare";
import { normalQuantile, normalSf, normalTwoSidedP } from "../stats/normal";
import { cohensH, normalPower, tTestPower } from "../stats/power";
import { studentTQuantile, studentTTwoSidedP } from "../stats/studentT";
import { averageRanks } from "./correlation";

export type MeansTest = "welch" | "student" | "mann-whitney";

export interface Arm {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface MeansAbTest {
  readonly kind: "means";
  readonly test: MeansTest;
  readonly alpha: number;
  readonly a: Arm;
  readonly b: Arm;
  readonly diff: number;
  readonly diffInterval: Interval;
  readonly relativeLift: number;
  readonly relativeLiftInterval: Interval;
  /** t for the t tests, U of arm B for Mann-Whitney. */
  readonly statistic: number;
  /** t's degrees of freedom; NaN for Mann-Whitney. */
  readonly df: number;
  readonly p: number;
  readonly reject: boolean;
  readonly cohensD: number;
  /** Power of the t test to detect the observed d at alpha (statsmodels' TTestIndPower). */
  readonly power: number;
  readonly welch: TTest;
  readonly student: TTest;
  readonly mannWhitney: MannWhitney;
}

export interface TTest {
  readonly t: number;
  readonly df: number;
  readonly p: number;
  readonly se: number;
  readonly interval: Interval;
}

export interface MannWhitney {
  readonly uA: number;
  readonly uB: number;
  readonly z: number;
  readonly pAsymptotic: number;
  /** Exact p without ties when an arm has at most 8 rows; null otherwise. */
  readonly pExact: number | null;
  readonly p: number;
}

export function abTestMeans(
  aValues: Float64Array,
  bValues: Float64Array,
  options: { test?: MeansTest; alpha?: number } = {},
): MeansAbTest {
  const test = options.test ?? "welch";
  const alpha = checkAlpha(options.alpha ?? 0.05);
  const a = arm(aValues, "A");
  const b = arm(bValues, "B");
  if (!(a.sd > 0 || b.sd > 0)) {
    throw new EngineError(
      "degenerate",
      "Both arms are constant, so there is no variation to test against.",
    );
  }
  const diff = b.mean - a.mean;
  const va = a.sd ** 2;
  const vb = b.sd ** 2;
  const welchSe = Math.sqrt(va / a.n + vb / b.n);
  const welchDf =
    (va / a.n + vb / b.n) ** 2 / ((va / a.n) ** 2 / (a.n - 1) + (vb / b.n) ** 2 / (b.n - 1));
  const pooledVariance = ((a.n - 1) * va + (b.n - 1) * vb) / (a.n + b.n - 2);
  const studentSe = Math.sqrt(pooledVariance * (1 / a.n + 1 / b.n));
  const welch = tTest(diff, welchSe, welchDf, alpha);
  const student = tTest(diff, studentSe, a.n + b.n - 2, alpha);
  const mannWhitney = mannWhitneyU(aValues, bValues);
  const z = normalQuantile(1 - alpha / 2);
  const liftSe = Math.sqrt(vb / b.n / a.mean ** 2 + (b.mean ** 2 * va) / a.n / a.mean ** 4);
  // By |A|, so that the sign of the lift is the sign of the difference; undefined when A is 0.
  const relativeLift = a.mean === 0 ? NaN : diff / Math.abs(a.mean);
  const cohensD = diff / Math.sqrt(pooledVariance);
  const chosen = test === "welch" ? welch : test === "student" ? student : null;
  const p = chosen?.p ?? mannWhitney.p;
  return {
    kind: "means",
    test,
    alpha,
    a,
    b,
    diff,
    diffInterval: (chosen ?? welch).interval,
    relativeLift,
    relativeLiftInterval: { low: relativeLift - z * liftSe, high: relativeLift + z * liftSe },
    statistic: chosen?.t ?? mannWhitney.uB,
    df: chosen?.df ?? NaN,
    p,
    reject: p < alpha,
    cohensD,
    power: tTestPower(cohensD, b.n, a.n, alpha),
    welch,
    student,
    mannWhitney,
  };
}

function arm(values: Float64Array, name: string): Arm {
  if (values.length < 2) {
    throw new EngineError(
      "tooFewRows",
      `Arm ${name} has ${values.length === 0 ? "no values" : "a single value"}; each arm needs at least 2 to estimate its spread.`,
    );
  }
  const mean = accurateMean(values);
  const squares = sumOfSquares(values, mean);
  const sd = Math.sqrt((squares.hi + squares.lo) / (values.length - 1));
  return { n: values.length, mean: mean.hi + mean.lo, sd };
}

function tTest(diff: number, se: number, df: number, alpha: number): TTest {
  const t = diff / se;
  const half = studentTQuantile(1 - alpha / 2, df) * se;
  return {
    t,
    df,
    p: studentTTwoSidedP(t, df),
    se,
    interval: { low: diff - half, high: diff + half },
  };
}

/** Mann-Whitney U of both arms, scipy's two-sided asymptotic p and, where it applies, the exact p. */
export function mannWhitneyU(a: Float64Array, b: Float64Array): MannWhitney {
  const na = a.length;
  const nb = b.length;
  const n = na + nb;
  const ranks = averageRanks([...b, ...a]);
  let rankSumB = 0;
  for (let i = 0; i < nb; i++) rankSumB += ranks[i];
  const uB = rankSumB - (nb * (nb + 1)) / 2;
  const uA = na * nb - uB;
  const tieCounts = new Map<number, number>();
  for (const x of [...a, ...b]) tieCounts.set(x, (tieCounts.get(x) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of tieCounts.values()) tieTerm += t ** 3 - t;
  const sigma = Math.sqrt(((na * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = (Math.max(uA, uB) - (na * nb) / 2 - 0.5) / sigma;
  const pAsymptotic = Math.min(1, 2 * normalSf(z));
  const pExact =
    tieTerm === 0 && Math.min(na, nb) <= 8 ? exactMannWhitneyP(na, nb, Math.max(uA, uB)) : null;
  return { uA, uB, z, pAsymptotic, pExact, p: pExact ?? pAsymptotic };
}

/**
 * 2 P(U >= u) without ties. The counts of arrangements by U are the coefficients of the Gaussian
 * binomial ∏_{i=1..m} (1 − q^(n+i)) / (1 − q^i): one polynomial of m·n + 1 terms, multiplied and
 * divided factor by factor (memory m·n, time m²·n).
 */
function exactMannWhitneyP(m: number, n: number, u: number): number {
  const [small, large] = m <= n ? [m, n] : [n, m];
  const length = small * large + 1;
  const counts = new Float64Array(length);
  counts[0] = 1;
  let degree = 0;
  for (let i = 1; i <= small; i++) {
    // Multiply by (1 − q^(large + i)), highest terms first.
    const shift = large + i;
    for (let k = Math.min(length - 1, degree + shift); k >= shift; k--)
      counts[k] -= counts[k - shift];
    degree = Math.min(length - 1, degree + shift);
    // Divide by (1 − q^i): c[k] += c[k − i], lowest terms first.
    for (let k = i; k <= degree; k++) counts[k] += counts[k - i];
    degree -= i;
  }
  let total = 0;
  let tail = 0;
  for (let k = 0; k < length; k++) {
    total += counts[k];
    if (k >= u) tail += counts[k];
  }
  return Math.min(1, (2 * tail) / total);
}

export interface ProportionsAbTest {
  readonly kind: "proportions";
  readonly alpha: number;
  readonly a: { readonly conversions: number; readonly n: number; readonly rate: number };
  readonly b: { readonly conversions: number; readonly n: number; readonly rate: number };
  readonly diff: number;
  /** Wald interval of the difference. */
  readonly diffInterval: Interval;
  readonly diffIntervalNewcombe: Interval;
  readonly relativeLift: number;
  readonly z: number;
  readonly p: number;
  readonly reject: boolean;
  readonly chiSquare: { readonly statistic: number; readonly p: number; readonly dof: 1 };
  readonly chiSquareYates: { readonly statistic: number; readonly p: number; readonly dof: 1 };
  readonly cohensH: number;
  readonly power: number;
}

export function abTestProportions(
  conversionsA: number,
  nA: number,
  conversionsB: number,
  nB: number,
  options: { alpha?: number } = {},
): ProportionsAbTest {
  const alpha = checkAlpha(options.alpha ?? 0.05);
  for (const [name, x, n] of [
    ["A", conversionsA, nA],
    ["B", conversionsB, nB],
  ] as const) {
    if (!(Number.isInteger(x) && Number.isInteger(n) && n >= 1 && x >= 0 && x <= n)) {
      throw new EngineError(
        "invalidValue",
        `Arm ${name} must have whole numbers of conversions (0 to n) and rows (at least 1); it has ${x} of ${n}.`,
      );
    }
  }
  const pA = conversionsA / nA;
  const pB = conversionsB / nB;
  const pooled = (conversionsA + conversionsB) / (nA + nB);
  if (pooled === 0 || pooled === 1) {
    throw new EngineError(
      "degenerate",
      `Every row in both arms ${pooled === 0 ? "did not convert" : "converted"}, so the rates cannot differ; there is nothing to test.`,
    );
  }
  const diff = pB - pA;
  const z = diff / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const p = normalTwoSidedP(z);
  const q = normalQuantile(1 - alpha / 2);
  const waldHalf = q * Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
  const [lowA, highA] = wilson(conversionsA, nA, q);
  const [lowB, highB] = wilson(conversionsB, nB, q);
  const h = cohensH(pA, pB);
  const table = [
    [conversionsB, nB - conversionsB],
    [conversionsA, nA - conversionsA],
  ];
  return {
    kind: "proportions",
    alpha,
    a: { conversions: conversionsA, n: nA, rate: pA },
    b: { conversions: conversionsB, n: nB, rate: pB },
    diff,
    diffInterval: { low: diff - waldHalf, high: diff + waldHalf },
    diffIntervalNewcombe: {
      low: diff - Math.sqrt((pB - lowB) ** 2 + (highA - pA) ** 2),
      high: diff + Math.sqrt((highB - pB) ** 2 + (pA - lowA) ** 2),
    },
    relativeLift: pA === 0 ? NaN : diff / pA,
    z,
    p,
    reject: p < alpha,
    chiSquare: { ...chiSquareOf(table, false), dof: 1 },
    chiSquareYates: { ...chiSquareOf(table, true), dof: 1 },
    cohensH: h,
    power: normalPower(h, nB, nA, alpha),
  };
}

/** Wilson's score interval of a proportion (no continuity correction). */
function wilson(x: number, n: number, q: number): [number, number] {
  const p = x / n;
  const centre = (p + (q * q) / (2 * n)) / (1 + (q * q) / n);
  const half = (q / (1 + (q * q) / n)) * Math.sqrt((p * (1 - p)) / n + (q * q) / (4 * n * n));
  return [centre - half, centre + half];
}

export interface ContingencyTest {
  readonly statistic: number;
  readonly dof: number;
  readonly p: number;
  readonly expected: number[][];
}

/**
 * Pearson's chi-square test of independence of an r × c table of counts (scipy's
 * `chi2_contingency`); Yates' correction, when asked and dof = 1, shrinks each |O − E| by
 * min(½, |O − E|) as scipy does.
 */
export function chiSquareIndependence(
  table: readonly (readonly number[])[],
  yates = false,
): ContingencyTest {
  const rows = table.length;
  const columns = table[0]?.length ?? 0;
  if (rows < 2 || columns < 2) {
    throw new EngineError(
      "tooFewRows",
      `A test of independence needs at least 2 × 2 categories; the table is ${rows} × ${columns}.`,
    );
  }
  const rowSums = table.map((row) => row.reduce((s, x) => s + x, 0));
  const columnSums = Array.from({ length: columns }, (_, j) =>
    table.reduce((s, row) => s + row[j], 0),
  );
  const total = rowSums.reduce((s, x) => s + x, 0);
  const empty = [...rowSums, ...columnSums].findIndex((sum) => sum === 0);
  if (empty >= 0) {
    throw new EngineError(
      "degenerate",
      "A row or column of the table has no counts; remove that category.",
    );
  }
  const expected = rowSums.map((r) => columnSums.map((c) => (r * c) / total));
  const dof = (rows - 1) * (columns - 1);
  let statistic = 0;
  table.forEach((row, i) =>
    row.forEach((observed, j) => {
      let gap = Math.abs(observed - expected[i][j]);
      if (yates && dof === 1) gap -= Math.min(0.5, gap);
      statistic += (gap * gap) / expected[i][j];
    }),
  );
  return { statistic, dof, p: chiSquareSf(statistic, dof), expected };
}

function chiSquareOf(table: number[][], yates: boolean): { statistic: number; p: number } {
  const { statistic, p } = chiSquareIndependence(table, yates);
  return { statistic, p };
}

function checkAlpha(alpha: number): number {
  if (!(alpha >= 1e-10 && alpha < 0.5)) {
    throw new EngineError(
      "invalidOption",
      `alpha must be between 1e-10 and 0.5 (for example 0.05); it is ${alpha}.`,
    );
  }
  return alpha;
}
