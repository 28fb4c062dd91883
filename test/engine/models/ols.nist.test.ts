/**
 * OLS on every NIST StRD linear-regression set, through the whole model (design, rank checks,
 * fit), with the digits of agreement (LRE) printed and asserted at the bars of issue 3:
 * at least 12.5 digits on every coefficient and standard error, 7.1 on Filip (exact arithmetic
 * on the same double inputs reaches 7.6 there; statsmodels gets 7.3 and 0.0).
 */
import { buildDesign } from "../../../src/engine/data/design";
import type { NumericColumn } from "../../../src/engine/data/types";
import { fitOls } from "../../../src/engine/models/ols";
import { logRelativeError, NIST_LINEAR, readNistLinear } from "../../support/nist";

const numeric = (name: string, values: Float64Array): NumericColumn => ({
  kind: "numeric",
  name,
  values,
});

function nistDigits(name: string) {
  const set = readNistLinear(name);
  const design = buildDesign({
    y: numeric("y", set.y),
    predictors: set.predictors.map((values, j) => numeric(`x${j + 1}`, values)),
    intercept: set.intercept,
  });
  const result = fitOls(design, "y");
  const coefficient = Math.min(
    ...set.certified.map((c, j) => logRelativeError(result.coefficients[j].estimate, c.estimate)),
  );
  const stdError = Math.min(
    ...set.certified.map((c, j) => logRelativeError(result.coefficients[j].stdError, c.stdError)),
  );
  return {
    coefficient,
    stdError,
    residualSd: logRelativeError(result.residualStdError, set.residualStdDev),
    rSquared: logRelativeError(result.rSquared, set.rSquared),
  };
}

const table: string[] = [];
afterAll(() => {
  console.log(`NIST StRD linear regression, digits of agreement (LRE):\n${table.join("\n")}`);
});

describe("OLS on NIST StRD linear regression", () => {
  it.each(Object.keys(NIST_LINEAR))("%s reaches the required digits", (name) => {
    const digits = nistDigits(name);
    const bar = name === "Filip" ? 7.1 : 12.5;
    table.push(
      `${name.padEnd(9)} coef ${digits.coefficient.toFixed(1)}  se ${digits.stdError.toFixed(1)}  ` +
        `resid-sd ${digits.residualSd.toFixed(1)}  R2 ${digits.rSquared.toFixed(1)}  (bar ${bar})`,
    );
    expect(digits.coefficient).toBeGreaterThanOrEqual(bar);
    expect(digits.stdError).toBeGreaterThanOrEqual(bar);
    expect(digits.residualSd).toBeGreaterThanOrEqual(bar);
  });
});

/**
 * The same sets stacked many times over, so that the fit leaves the small-problem path: the
 * well-conditioned ones take the refined double QR, the ill-conditioned ones (Longley,
 * Wampler) the double-double QR. Coefficients keep their certified values; standard errors
 * scale by sqrt((n - p) / (m n - p)) for m copies.
 */
describe("OLS on NIST sets stacked to 1e6 flops and beyond", () => {
  it.each(Object.keys(NIST_LINEAR).filter((name) => name !== "Filip"))(
    "%s keeps 12.5 digits and takes the path its conditioning calls for",
    (name) => {
      const set = readNistLinear(name);
      const n = set.y.length;
      const p = set.certified.length;
      const copies = Math.ceil(1e6 / (n * p * p));
      const stack = (values: Float64Array) => {
        const out = new Float64Array(n * copies);
        for (let c = 0; c < copies; c++) out.set(values, c * n);
        return out;
      };
      const design = buildDesign({
        y: numeric("y", stack(set.y)),
        predictors: set.predictors.map((values, j) => numeric(`x${j + 1}`, stack(values))),
        intercept: set.intercept,
      });
      const result = fitOls(design, "y");
      const seScale = Math.sqrt((n - p) / (copies * n - p));
      const digits = set.certified.flatMap((c, j) => [
        logRelativeError(result.coefficients[j].estimate, c.estimate),
        logRelativeError(result.coefficients[j].stdError, c.stdError * seScale),
      ]);
      expect(Math.min(...digits)).toBeGreaterThanOrEqual(12.5);
      const wellConditioned = ["Norris", "Pontius", "NoInt1", "NoInt2"].includes(name);
      expect(result.method).toBe(wellConditioned ? "QR with refinement" : "double-double QR");
    },
  );
});
