/**
 * One-way analysis of variance: sums of squares between and within groups, F and its upper-tail
 * p; Welch's ANOVA for unequal variances (R's `oneway.test`); and the tests of equal variances,
 * Levene's (deviations from the group means) and Brown-Forsythe's (from the medians), each an
 * ANOVA of absolute deviations as R's `car::leveneTest` computes them.
 *
 * Sums are two-pass around double-double means (stats/accurateMoments.ts): NIST's SmLs07-09 sit
 * near 1e12 with a spread of 0.1, where one-pass or double means keep no correct digit.
 */
import { EngineError } from "../errors";
import { ddAdd, ddMul, type DoubleDouble } from "../linalg/doubleDouble";
import { accurateMean, sumOfSquares } from "../stats/accurateMoments";
import { fisherFSf } from "../stats/fisherF";
import { requireGroups, type Group, type GroupedValues } from "./groups";

export interface GroupSummary {
  readonly name: string;
  readonly n: number;
  readonly mean: number;
  /** Sample variance (n - 1 denominator); NaN for a group of one. */
  readonly variance: number;
  readonly sd: number;
}

export interface FTest {
  readonly f: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

export interface AnovaResult {
  readonly valueName: string;
  readonly groupName: string;
  readonly groups: readonly GroupSummary[];
  readonly ssBetween: number;
  readonly ssWithin: number;
  readonly ssTotal: number;
  readonly dfBetween: number;
  readonly dfWithin: number;
  readonly msBetween: number;
  readonly msWithin: number;
  readonly f: number;
  readonly p: number;
  readonly rSquared: number;
  /** sqrt(MS within): the pooled standard deviation. */
  readonly residualSd: number;
  readonly rowsUsed: number;
  readonly rowsDropped: number;
  /** Welch's F for unequal variances; null when a group has one value or no spread. */
  readonly welch: FTest | null;
  /** Levene's test of equal variances (absolute deviations from the group means). */
  readonly levene: FTest | null;
  /** Brown-Forsythe's test (absolute deviations from the group medians), robust to skew. */
  readonly brownForsythe: FTest | null;
  readonly warnings: readonly string[];
}

/** The core sums of one-way ANOVA, without the checks and side tests. */
interface OneWaySums {
  readonly means: DoubleDouble[];
  readonly ssWithinByGroup: number[];
  readonly ssBetween: number;
  readonly ssWithin: number;
}

export function oneWayAnova(grouped: GroupedValues): AnovaResult {
  requireGroups(grouped);
  const { groups } = grouped;
  const k = groups.length;
  const total = groups.reduce((count, group) => count + group.values.length, 0);
  const dfBetween = k - 1;
  const dfWithin = total - k;
  if (dfWithin < 1) {
    throw new EngineError(
      "tooFewRows",
      `Every group of "${grouped.groupName}" has a single value, so the variation within groups cannot be estimated; ANOVA needs more rows than groups.`,
    );
  }
  const sums = oneWaySums(groups);
  if (sums.ssWithin === 0) {
    throw new EngineError(
      "degenerate",
      `"${grouped.valueName}" does not vary within any group of "${grouped.groupName}", so F is undefined (the within-group sum of squares is 0).`,
    );
  }
  const msBetween = sums.ssBetween / dfBetween;
  const msWithin = sums.ssWithin / dfWithin;
  const f = msBetween / msWithin;
  const summaries = groups.map((group, i): GroupSummary => {
    const n = group.values.length;
    const variance = n > 1 ? sums.ssWithinByGroup[i] / (n - 1) : NaN;
    return { name: group.name, n, mean: sums.means[i].hi, variance, sd: Math.sqrt(variance) };
  });
  const warnings: string[] = [];
  const single = summaries.filter((group) => group.n < 2).map((group) => `"${group.name}"`);
  if (single.length > 0) {
    warnings.push(
      `${single.join(", ")} ${single.length === 1 ? "has" : "have"} a single value: no spread of ${single.length === 1 ? "its" : "their"} own; Welch's ANOVA and Games-Howell are not available.`,
    );
  }
  const welch = welchAnova(summaries);
  const levene = absoluteDeviationAnova(
    groups,
    sums.means.map((mean) => mean.hi),
  );
  const brownForsythe = absoluteDeviationAnova(
    groups,
    groups.map((group) => median(group.values)),
  );
  if (levene !== null && levene.p < 0.05) {
    warnings.push(
      `Levene's test says the group variances differ (p = ${levene.p.toPrecision(2)}): prefer Welch's ANOVA and Games-Howell to the classical F and Tukey.`,
    );
  }
  return {
    valueName: grouped.valueName,
    groupName: grouped.groupName,
    groups: summaries,
    ssBetween: sums.ssBetween,
    ssWithin: sums.ssWithin,
    ssTotal: sums.ssBetween + sums.ssWithin,
    dfBetween,
    dfWithin,
    msBetween,
    msWithin,
    f,
    p: fisherFSf(f, dfBetween, dfWithin),
    rSquared: sums.ssBetween / (sums.ssBetween + sums.ssWithin),
    residualSd: Math.sqrt(msWithin),
    rowsUsed: grouped.rowsUsed,
    rowsDropped: grouped.rowsDropped,
    welch,
    levene,
    brownForsythe,
    warnings,
  };
}

function oneWaySums(groups: readonly Group[]): OneWaySums {
  const means = groups.map((group) => accurateMean(group.values));
  const within = groups.map((group, i) => sumOfSquares(group.values, means[i]));
  // The grand mean as the n-weighted mean of the group means, in double-double.
  const all = concatenate(groups);
  const grand = accurateMean(all);
  const between = { hi: 0, lo: 0 };
  const term = { hi: 0, lo: 0 };
  groups.forEach((group, i) => {
    ddAdd(means[i].hi, means[i].lo, -grand.hi, -grand.lo, term);
    ddMul(term.hi, term.lo, term.hi, term.lo, term);
    ddMul(term.hi, term.lo, group.values.length, 0, term);
    ddAdd(between.hi, between.lo, term.hi, term.lo, between);
  });
  const withinTotal = { hi: 0, lo: 0 };
  for (const ss of within) ddAdd(withinTotal.hi, withinTotal.lo, ss.hi, ss.lo, withinTotal);
  return {
    means,
    ssWithinByGroup: within.map((ss) => ss.hi + ss.lo),
    ssBetween: between.hi + between.lo,
    ssWithin: withinTotal.hi + withinTotal.lo,
  };
}

/** Welch's F (R's `oneway.test(var.equal = FALSE)`); null when a group has no spread. */
export function welchAnova(groups: readonly GroupSummary[]): FTest | null {
  if (groups.some((group) => !(group.n >= 2 && group.variance > 0))) return null;
  const k = groups.length;
  const weights = groups.map((group) => group.n / group.variance);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const weightedMean =
    groups.reduce((sum, group, i) => sum + weights[i] * group.mean, 0) / totalWeight;
  const spread =
    groups.reduce((sum, group, i) => sum + weights[i] * (group.mean - weightedMean) ** 2, 0) /
    (k - 1);
  const tmp = groups.reduce(
    (sum, group, i) => sum + (1 - weights[i] / totalWeight) ** 2 / (group.n - 1),
    0,
  );
  const f = spread / (1 + ((2 * (k - 2)) / (k * k - 1)) * tmp);
  const df2 = (k * k - 1) / (3 * tmp);
  return { f, df1: k - 1, df2, p: fisherFSf(f, k - 1, df2) };
}

/** ANOVA of |x - centre of its group|; null when those deviations do not vary within groups. */
function absoluteDeviationAnova(
  groups: readonly Group[],
  centres: readonly number[],
): FTest | null {
  const deviations = groups.map((group, i) => ({
    name: group.name,
    values: group.values.map((x) => Math.abs(x - centres[i])),
  }));
  const total = groups.reduce((count, group) => count + group.values.length, 0);
  const df1 = groups.length - 1;
  const df2 = total - groups.length;
  if (df2 < 1) return null;
  const sums = oneWaySums(deviations);
  if (!(sums.ssWithin > 0)) return null;
  const f = sums.ssBetween / df1 / (sums.ssWithin / df2);
  return { f, df1, df2, p: fisherFSf(f, df1, df2) };
}

function concatenate(groups: readonly Group[]): Float64Array {
  const all = new Float64Array(groups.reduce((count, group) => count + group.values.length, 0));
  let offset = 0;
  for (const group of groups) {
    all.set(group.values, offset);
    offset += group.values.length;
  }
  return all;
}

export function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
