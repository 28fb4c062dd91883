/**
 * Means and sums of squared deviations in double-double. Group comparisons on data with many
 * constant leading digits (NIST's SmLs07-09: values near 1e12 that differ in the first
 * decimal) lose everything to a mean rounded to a double: its rounding error (~1e-4) is as large
 * as the deviations. Carrying the mean as hi + lo and each deviation as (x - hi) - lo keeps the
 * sums at the accuracy of the inputs themselves (REFERENCES.md: about 4.3 digits there, 13+
 * elsewhere).
 */
import { ddAdd, ddDiv, ddMul, twoSum, type DoubleDouble } from "../linalg/doubleDouble";

/** The mean of `values` as a double-double: an exact-ish sum, divided, then one correction pass. */
export function accurateMean(values: ArrayLike<number>): DoubleDouble {
  const n = values.length;
  const sum = { hi: 0, lo: 0 };
  const term = { hi: 0, lo: 0 };
  for (let i = 0; i < n; i++) {
    twoSum(sum.hi, values[i], term);
    ddAdd(term.hi, term.lo, sum.lo, 0, sum);
  }
  const mean = ddDiv(sum.hi, sum.lo, n, 0, { hi: 0, lo: 0 });
  // Second pass: the mean of the deviations from the first estimate, added back.
  const correction = { hi: 0, lo: 0 };
  for (let i = 0; i < n; i++) {
    deviation(values[i], mean, term);
    ddAdd(correction.hi, correction.lo, term.hi, term.lo, correction);
  }
  ddDiv(correction.hi, correction.lo, n, 0, correction);
  return ddAdd(mean.hi, mean.lo, correction.hi, correction.lo, mean);
}

/** Σ (x - centre)² in double-double. */
export function sumOfSquares(values: ArrayLike<number>, centre: DoubleDouble): DoubleDouble {
  const sum = { hi: 0, lo: 0 };
  const d = { hi: 0, lo: 0 };
  for (let i = 0; i < values.length; i++) {
    deviation(values[i], centre, d);
    ddMul(d.hi, d.lo, d.hi, d.lo, d);
    ddAdd(sum.hi, sum.lo, d.hi, d.lo, sum);
  }
  return sum;
}

/** out = x - centre, exactly when x is near the centre (x - hi is then exact). */
function deviation(x: number, centre: DoubleDouble, out: DoubleDouble): DoubleDouble {
  twoSum(x, -centre.hi, out);
  return ddAdd(out.hi, out.lo, -centre.lo, 0, out);
}
