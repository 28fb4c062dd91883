/**
 * Power of two-sample tests and the sample size that reaches a target power, as statsmodels'
 * `TTestIndPower` (noncentral t on n1 + n2 − 2 df) and `NormalIndPower` (normal approximation,
 * for proportions with Cohen's h) compute them, two-sided: power counts both rejection tails.
 * The effective size of two arms is N = 1 / (1/n1 + 1/n2).
 */
import { EngineError } from "../errors";
import { noncentralTCdf } from "./noncentralT";
import { normalCdf, normalQuantile, normalSf } from "./normal";
import { studentTQuantile } from "./studentT";

/** Power of the two-sample t test for Cohen's d with n1 and n2 rows, two-sided at alpha. */
export function tTestPower(d: number, n1: number, n2: number, alpha: number): number {
  const df = n1 + n2 - 2;
  const delta = d * Math.sqrt(1 / (1 / n1 + 1 / n2));
  const critical = studentTQuantile(1 - alpha / 2, df);
  // Far beyond the critical value the power is 1 to double precision; the series would need
  // thousands of terms to say so.
  if (Math.abs(delta) - critical > 40) return 1;
  return 1 - noncentralTCdf(critical, df, delta) + noncentralTCdf(-critical, df, delta);
}

/** Power of the two-sample z test for effect size h (Cohen's h for proportions), two-sided. */
export function normalPower(h: number, n1: number, n2: number, alpha: number): number {
  const shift = h * Math.sqrt(1 / (1 / n1 + 1 / n2));
  const critical = normalQuantile(1 - alpha / 2);
  return normalSf(critical - shift) + normalCdf(-critical - shift);
}

/** Cohen's h between two proportions: 2 asin √p2 − 2 asin √p1. */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
}

/**
 * The rows per arm (equal arms, not rounded) at which `power(n)` reaches `target`, bracketed
 * around `guess` (the normal approximation) and then bisected in log n to 1e-13 relative. The
 * bracket keeps n sensible: the noncentral t at a huge n costs thousands of terms.
 */
export function rowsPerArmFor(power: (n: number) => number, target: number, guess: number): number {
  if (!(guess <= 1e12)) {
    throw new EngineError(
      "invalidOption",
      "No sample size up to 1e12 per arm reaches that power; the effect is too small to detect.",
    );
  }
  let low = Math.max(2, guess / 2);
  let high = Math.max(4, guess * 2);
  while (power(low) >= target && low > 2) low = Math.max(2, low / 2);
  if (power(low) >= target) return low;
  while (power(high) < target) {
    if (high > 1e12) {
      throw new EngineError(
        "invalidOption",
        "No sample size up to 1e12 per arm reaches that power; the effect is too small to detect.",
      );
    }
    low = high;
    high *= 4;
  }
  while (high / low > 1 + 1e-13) {
    const middle = Math.sqrt(low) * Math.sqrt(high);
    if (power(middle) < target) low = middle;
    else high = middle;
  }
  return Math.sqrt(low) * Math.sqrt(high);
}

/** The normal-approximation rows per arm for standardised effect `effect`: 2((z_α/2 + z_β) / effect)². */
export function normalRowsPerArm(effect: number, alpha: number, power: number): number {
  return 2 * ((normalQuantile(1 - alpha / 2) + normalQuantile(power)) / effect) ** 2;
}
