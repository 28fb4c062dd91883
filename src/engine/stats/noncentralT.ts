/**
 * The noncentral t distribution's CDF, for the power of t tests (statsmodels' `TTestIndPower`
 * refers the critical t to it). For t >= 0 (Lenth 1989, AS 243):
 *   P(T <= t) = Φ(−δ) + ½ Σ_j [ p_j I_x(j + ½, ν/2) + q_j I_x(j + 1, ν/2) ],  x = t² / (t² + ν),
 *   p_j = e^(−λ) λ^j / j!,  q_j = δ e^(−λ) λ^j / (√2 Γ(j + 3/2)),  λ = δ² / 2;
 * and P(T <= t; δ) = 1 − P(T <= −t; −δ) for t < 0. The Poisson weights are summed in a window
 * of ±(12√λ + 30) terms around their mode, in logs, so large δ (a power near 1) neither
 * underflows e^(−λ) nor needs thousands of terms.
 */
import { EngineError } from "../errors";
import { logGamma } from "./logGamma";
import { normalCdf } from "./normal";
import { regularizedBeta } from "./regularizedBeta";

export function noncentralTCdf(t: number, df: number, delta: number): number {
  if (!(df > 0) || !Number.isFinite(delta) || Number.isNaN(t)) {
    throw new EngineError(
      "invalidOption",
      `The noncentral t needs df > 0 and a finite noncentrality; got df = ${df}, δ = ${delta}.`,
    );
  }
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (t < 0) return 1 - noncentralTCdf(-t, df, -delta);
  const lambda = (delta * delta) / 2;
  let sum = 0;
  if (t > 0) {
    const x = (t * t) / (t * t + df);
    const mode = Math.floor(lambda);
    const reach = Math.ceil(12 * Math.sqrt(lambda) + 30);
    for (let j = Math.max(0, mode - reach); j <= mode + reach; j++) {
      const logPoisson = -lambda + (j === 0 ? 0 : j * Math.log(lambda)) - logGamma(j + 1);
      const p = Math.exp(logPoisson);
      const q =
        delta === 0
          ? 0
          : Math.sign(delta) *
            Math.exp(
              -lambda +
                (j === 0 ? 0 : j * Math.log(lambda)) +
                Math.log(Math.abs(delta)) -
                Math.LN2 / 2 -
                logGamma(j + 1.5),
            );
      sum += p * regularizedBeta(x, j + 0.5, df / 2) + q * regularizedBeta(x, j + 1, df / 2);
    }
  }
  return Math.min(1, Math.max(0, normalCdf(-delta) + sum / 2));
}
