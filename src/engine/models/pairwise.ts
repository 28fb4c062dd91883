/**
 * Simultaneous pairwise comparisons of group means after a one-way ANOVA:
 * - Tukey's HSD with the Tukey-Kramer standard error for unequal sizes (R's `TukeyHSD`):
 *   se = sqrt(MS within / 2 · (1/n1 + 1/n2)), on the ANOVA's within-group df;
 * - Games-Howell when variances differ: se = sqrt((s1²/n1 + s2²/n2) / 2) and Welch's df per pair.
 * Either way q = |difference| / se is referred to the studentized range for k groups, and the
 * interval is the difference ± q(1 - alpha; k, df) · se. Differences are mean(group2) -
 * mean(group1) with group1 before group2 in group order (statsmodels' and R's convention).
 */
import { EngineError } from "../errors";
import { studentizedRangeQuantile, studentizedRangeSf } from "../stats/studentizedRange";
import { oneWayAnova, type AnovaResult, type GroupSummary } from "./anova";
import type { GroupedValues } from "./groups";

export type PairwiseMethod = "tukey" | "games-howell";

export interface PairComparison {
  readonly group1: string;
  readonly group2: string;
  /** mean(group2) - mean(group1). */
  readonly meanDiff: number;
  readonly se: number;
  readonly df: number;
  readonly q: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Adjusted p-value (family-wise); below STUDENTIZED_RANGE_P_FLOOR it is quadrature noise. */
  readonly pAdj: number;
  readonly reject: boolean;
}

export interface PairwiseResult {
  readonly anova: AnovaResult;
  readonly method: PairwiseMethod;
  readonly alpha: number;
  readonly comparisons: readonly PairComparison[];
}

export interface PairwiseOptions {
  readonly alpha?: number;
  readonly method?: PairwiseMethod;
}

export function pairwiseComparisons(
  grouped: GroupedValues,
  options: PairwiseOptions = {},
): PairwiseResult {
  const alpha = options.alpha ?? 0.05;
  const method = options.method ?? "tukey";
  if (!(alpha > 0 && alpha < 0.5)) {
    throw new EngineError(
      "invalidOption",
      `alpha must be between 0 and 0.5 (for example 0.05); it is ${alpha}.`,
    );
  }
  const anova = oneWayAnova(grouped);
  const { groups } = anova;
  if (method === "games-howell") {
    const single = groups.find((group) => group.n < 2 || !(group.variance > 0));
    if (single !== undefined) {
      throw new EngineError(
        "tooFewRows",
        `Games-Howell needs at least two different values in every group; "${single.name}" has ${single.n === 1 ? "a single value" : "no spread"}. Use Tukey's HSD, which pools the variance.`,
      );
    }
  }
  const k = groups.length;
  const tukeyCritical =
    method === "tukey" ? studentizedRangeQuantile(1 - alpha, k, anova.dfWithin) : NaN;
  const comparisons: PairComparison[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const { se, df } =
        method === "tukey"
          ? {
              se: Math.sqrt((anova.msWithin / 2) * (1 / groups[i].n + 1 / groups[j].n)),
              df: anova.dfWithin,
            }
          : welchPair(groups[i], groups[j]);
      const critical =
        method === "tukey" ? tukeyCritical : studentizedRangeQuantile(1 - alpha, k, df);
      const meanDiff = groups[j].mean - groups[i].mean;
      const q = Math.abs(meanDiff) / se;
      const pAdj = studentizedRangeSf(q, k, df);
      comparisons.push({
        group1: groups[i].name,
        group2: groups[j].name,
        meanDiff,
        se,
        df,
        q,
        ciLow: meanDiff - critical * se,
        ciHigh: meanDiff + critical * se,
        pAdj,
        reject: pAdj < alpha,
      });
    }
  }
  return { anova, method, alpha, comparisons };
}

/** Games-Howell's standard error and Welch-Satterthwaite df for one pair. */
function welchPair(a: GroupSummary, b: GroupSummary): { se: number; df: number } {
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  if (!(df >= 2)) {
    throw new EngineError(
      "tooFewRows",
      `Games-Howell for "${a.name}" and "${b.name}" has ${df.toPrecision(3)} degrees of freedom; the studentized range needs at least 2. Use Tukey's HSD or collect more rows.`,
    );
  }
  return { se: Math.sqrt((va + vb) / 2), df };
}
