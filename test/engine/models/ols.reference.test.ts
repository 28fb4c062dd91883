/**
 * OLS against statsmodels 0.13.5 and R 4.2.2 on the seed data (fixtures made by
 * scripts/reference/ols_statsmodels.py and ols_r.R). Tolerance: 1e-8 relative for every field
 * (issue 3), with the absolute floors stated where a reference value is at or near zero.
 */
import type { OlsResult } from "../../../src/engine/models/ols";
import {
  fitReferenceCase,
  readReference,
  relativeError,
  type ReferenceAnovaRow,
  type ReferenceCoefficient,
  type RReference,
  STATSMODELS_CASES,
  type StatsmodelsReference,
} from "../../support/olsReference";

const RELATIVE = 1e-8;

const SUMMARY_FIELDS = [
  "nobs",
  "rowsDropped",
  "dfModel",
  "dfResidual",
  "rSquared",
  "adjRSquared",
  "fStatistic",
  "fPValue",
  "logLikelihood",
  "aic",
  "bic",
  "durbinWatson",
  "jarqueBera",
  "jarqueBeraP",
  "omnibus",
  "omnibusP",
  "skew",
  "kurtosis",
  "conditionNumber",
  "breuschPagan",
  "breuschPaganP",
  "residualStdError",
] as const;

/** A p-value statsmodels printed as 0 underflowed there; ours must then be below 1e-300. */
function expectP(actual: number, expected: number) {
  if (expected === 0) expect(actual).toBeLessThan(1e-300);
  else expect(relativeError(actual, expected)).toBeLessThan(RELATIVE);
}

function expectCoefficients(actual: OlsResult["coefficients"], expected: ReferenceCoefficient[]) {
  expect(actual.map((c) => c.term)).toEqual(expected.map((c) => c.term));
  const failures: string[] = [];
  expected.forEach((ref, j) => {
    for (const field of ["estimate", "stdError", "t", "ciLow", "ciHigh"] as const) {
      const error = relativeError(actual[j][field], ref[field]);
      if (!(error < RELATIVE)) failures.push(`${ref.term} ${field}: relative error ${error}`);
    }
    expectP(actual[j].p, ref.p);
  });
  expect(failures).toEqual([]);
}

function expectAnova(actual: OlsResult["anova"], expected: ReferenceAnovaRow[]) {
  expect(actual.map((r) => [r.term, r.df])).toEqual(expected.map((r) => [r.term, r.df]));
  expected.forEach((ref, i) => {
    expect(relativeError(actual[i].sumSq, ref.sumSq)).toBeLessThan(RELATIVE);
    expect(relativeError(actual[i].meanSq, ref.meanSq)).toBeLessThan(RELATIVE);
    if (ref.f !== null) expect(relativeError(actual[i].f ?? NaN, ref.f)).toBeLessThan(RELATIVE);
    if (ref.p !== null) expectP(actual[i].p ?? NaN, ref.p);
  });
}

/** Per-row values: relative 1e-8, with an absolute floor of 1e-8 of the series' scale. */
function expectSeries(actual: Float64Array, expected: number[], scale: number) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  expected.forEach((v, i) => {
    worst = Math.max(worst, Math.abs(actual[i] - v) / Math.max(Math.abs(v), scale));
  });
  expect(worst).toBeLessThan(RELATIVE);
}

describe.each(STATSMODELS_CASES)("OLS on seed case %s", (name) => {
  const reference = readReference<StatsmodelsReference>(`${name}.statsmodels.json`);
  const rReference = readReference<RReference>(`${name}.r.json`);
  const result = fitReferenceCase(reference);

  it("matches every summary statistic of statsmodels to 1e-8 relative", () => {
    const failures: string[] = [];
    for (const field of SUMMARY_FIELDS) {
      const expected = reference[field] as number;
      const actual = result[field];
      const error = relativeError(actual, expected);
      const pUnderflow = expected === 0 && field.endsWith("P") && actual < 1e-300;
      if (!(error < RELATIVE) && !pUnderflow) failures.push(`${field}: ${actual} vs ${expected}`);
    }
    expect(failures).toEqual([]);
  });

  it("matches statsmodels' coefficient table, and R's", () => {
    expectCoefficients(result.coefficients, reference.coefficients);
    expectCoefficients(result.coefficients, rReference.coefficients);
  });

  it("matches statsmodels' VIF for every predictor", () => {
    reference.coefficients.forEach((ref, j) => {
      if (ref.term === "Intercept") return expect(result.coefficients[j].vif).toBeNull();
      expect(relativeError(result.coefficients[j].vif ?? NaN, ref.vif ?? NaN)).toBeLessThan(
        RELATIVE,
      );
    });
  });

  it("matches the 90 % intervals of statsmodels' conf_int(alpha=0.10)", () => {
    const ninety = fitReferenceCase(reference, { confidenceLevel: 0.9 });
    reference.ci90.forEach((ref, j) => {
      expect(relativeError(ninety.coefficients[j].ciLow, ref.ciLow)).toBeLessThan(RELATIVE);
      expect(relativeError(ninety.coefficients[j].ciHigh, ref.ciHigh)).toBeLessThan(RELATIVE);
    });
  });

  it.each(["HC1", "HC3"] as const)(
    "matches statsmodels' %s robust standard errors, z tests and Wald F",
    (kind) => {
      const robust = fitReferenceCase(reference, { covarianceType: kind });
      expectCoefficients(
        robust.coefficients,
        reference.robust[kind].coefficients.map((c, j) => ({
          ...c,
          estimate: reference.coefficients[j].estimate,
        })),
      );
      const expected = reference.robust[kind];
      if (expected.fStatistic === null) {
        // statsmodels reports no robust F when the constant is implicit; neither do we.
        expect(robust.fStatistic).toBeNaN();
        expect(robust.fPValue).toBeNaN();
      } else {
        expect(relativeError(robust.fStatistic, expected.fStatistic)).toBeLessThan(RELATIVE);
        expectP(robust.fPValue, expected.fPValue ?? NaN);
      }
    },
  );

  it("matches R's sequential (type I) ANOVA table", () => {
    expectAnova(result.anova, rReference.anova);
    if (reference.anova) expectAnova(result.anova, reference.anova);
  });

  it("matches fitted values, residuals, leverage and Cook's distance row by row", () => {
    const yScale = result.residualStdError;
    expectSeries(result.fitted, reference.fitted, yScale);
    expectSeries(result.residuals, reference.residuals, yScale);
    expectSeries(result.leverage, rReference.leverage, 1 / result.nobs);
    // Cook's distance of a row with a near-zero residual is near zero: floor at 1e-8 of the largest.
    expectSeries(
      result.cooksDistance,
      reference.cooksDistance,
      Math.max(...reference.cooksDistance),
    );
  });
});
