/**
 * The studentized range distribution (Tukey's q) as R computes it: jstat's `tukey` is a
 * line-for-line port of R's `ptukey` / `qtukey` (Copenhaver & Holland 1988), which TukeyHSD
 * must match. Its only weak part is its log-gamma (good to ~2e-10, REFERENCES.md), used for the
 * constant of the chi density; with ours in its place the port agrees with R to ~1e-13.
 *
 * The upper tail is 1 - cdf, as in R: below ~1e-9 it is quadrature noise, and the reports
 * state such p-values as a floor.
 */
import { jStat } from "jstat";
import { EngineError } from "../errors";
import { logGamma } from "./logGamma";

/** Upper-tail p-values below this are reported as "< 1e-9": R's ptukey bottoms out near 4.9e-10. */
export const STUDENTIZED_RANGE_P_FLOOR = 1e-9;

export function studentizedRangeCdf(q: number, groups: number, df: number): number {
  check(groups, df);
  return withAccurateLogGamma(() => jStat.tukey.cdf(q, groups, df));
}

/** P(Q > q), floored at 0 (not negative) where the quadrature overshoots 1. */
export function studentizedRangeSf(q: number, groups: number, df: number): number {
  return Math.max(0, 1 - studentizedRangeCdf(q, groups, df));
}

/** The q with P(Q <= q) = probability. */
export function studentizedRangeQuantile(probability: number, groups: number, df: number): number {
  check(groups, df);
  if (!(probability > 0 && probability < 1)) {
    throw new EngineError(
      "invalidOption",
      `The studentized range quantile needs a probability between 0 and 1; it got ${probability}.`,
    );
  }
  return withAccurateLogGamma(() => jStat.tukey.inv(probability, groups, df));
}

function check(groups: number, df: number): void {
  if (!(groups >= 2 && df >= 2)) {
    throw new EngineError(
      "tooFewRows",
      `The studentized range needs at least 2 groups and 2 degrees of freedom; here there are ${groups} groups and ${Number(df.toPrecision(4))} degrees of freedom.`,
    );
  }
}

/**
 * Runs `compute` with jstat's log-gamma replaced by ours, and puts jstat's back: the swap is
 * synchronous, so nothing else can observe it.
 */
function withAccurateLogGamma<T>(compute: () => T): T {
  const original = jStat.gammaln;
  jStat.gammaln = logGamma;
  try {
    return compute();
  } finally {
    jStat.gammaln = original;
  }
}
