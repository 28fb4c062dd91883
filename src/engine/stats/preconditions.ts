/**
 * Parameter checks shared by the distribution kernels: each throws an `invalidOption`
 * EngineError whose message names the function, the precondition and the value received.
 */
import { EngineError } from "../errors";

/**
 * Requires `value > 0` (and finite unless `allowInfinity`), as degrees of freedom and shape
 * parameters must be.
 *
 * @throws EngineError `invalidOption` otherwise, e.g. "studentTSf needs df > 0; df is -1".
 * @example requirePositive("studentTSf", "df", 10); // passes
 */
export function requirePositive(
  functionName: string,
  name: string,
  value: number,
  allowInfinity = false,
): void {
  const ok = value > 0 && (allowInfinity || value < Infinity);
  if (!ok) {
    const bound = allowInfinity ? "> 0" : "> 0 and finite";
    throw new EngineError(
      "invalidOption",
      `${functionName} needs ${name} ${bound}; ${name} is ${value}`,
    );
  }
}

/**
 * Requires `low <= value <= high` (NaN fails), as probabilities and the argument of the
 * incomplete beta function must be.
 *
 * @throws EngineError `invalidOption` otherwise, e.g. "normalQuantile needs p in [0, 1]; p is 1.5".
 * @example requireInRange("normalQuantile", "p", 0.975, 0, 1); // passes
 */
export function requireInRange(
  functionName: string,
  name: string,
  value: number,
  low: number,
  high: number,
): void {
  if (!(value >= low && value <= high)) {
    throw new EngineError(
      "invalidOption",
      `${functionName} needs ${name} in [${low}, ${high}]; ${name} is ${value}`,
    );
  }
}

/**
 * Requires `value >= 0` (Infinity allowed, NaN fails), as the argument of the incomplete gamma
 * function must be.
 *
 * @throws EngineError `invalidOption` otherwise, e.g. "regularizedGammaP needs x >= 0; x is -2".
 * @example requireNonNegative("regularizedGammaP", "x", 3); // passes
 */
export function requireNonNegative(functionName: string, name: string, value: number): void {
  if (!(value >= 0)) {
    throw new EngineError(
      "invalidOption",
      `${functionName} needs ${name} >= 0; ${name} is ${value}`,
    );
  }
}
