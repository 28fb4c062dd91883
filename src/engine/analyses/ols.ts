/**
 * The regression analysis: from columns to an OLS result (design + fit), and from the result to
 * the tables that the custom function spills, the CLI prints and the task pane writes.
 * Tables select and format; every number in them is a field of `OlsResult`.
 */
import { EngineError } from "../errors";
import { buildDesign, INTERCEPT } from "../data/design";
import type { Cell, Column } from "../data/types";
import { fitOls, type CovarianceType, type OlsResult } from "../models/ols";

export interface OlsAnalysisInput {
  readonly y: Column;
  readonly x: readonly Column[];
  readonly intercept?: boolean;
  readonly confidenceLevel?: number;
  readonly covarianceType?: CovarianceType;
}

export function runOls(input: OlsAnalysisInput): OlsResult {
  const design = buildDesign({
    y: input.y,
    predictors: input.x,
    intercept: input.intercept ?? true,
    analysis: "OLS",
  });
  return fitOls(design, input.y.name, {
    confidenceLevel: input.confidenceLevel,
    covarianceType: input.covarianceType,
  });
}

/** The tables `=MMM.OLS(..., output)` can return; "summary" is the default. */
export const OLS_OUTPUTS = [
  "summary",
  "coef",
  "stats",
  "anova",
  "vif",
  "fitted",
  "residuals",
  "diagnostics",
  "contrib",
] as const;
export type OlsOutput = (typeof OLS_OUTPUTS)[number];

export function parseOlsOutput(value: string | null | undefined): OlsOutput {
  const key = (value ?? "summary").trim().toLowerCase();
  if (key === "") return "summary";
  const found = OLS_OUTPUTS.find((o) => o === key);
  if (found === undefined) {
    throw new EngineError(
      "invalidOption",
      `output must be one of ${OLS_OUTPUTS.map((o) => `"${o}"`).join(", ")}; got "${value}".`,
    );
  }
  return found;
}

/**
 * One table of the result. Row-aligned outputs ("fitted", "residuals", "diagnostics") have one
 * row per source data row (blank where the row was dropped), after a header row when the
 * source had one, so that they spill beside the data.
 */
export function olsTable(result: OlsResult, output: OlsOutput, sourceHasHeader = false): Cell[][] {
  switch (output) {
    case "summary":
      return summaryTable(result);
    case "coef":
      return coefficientTable(result);
    case "stats":
      return statisticsTable(result);
    case "anova":
      return anovaTable(result);
    case "vif":
      return [["Term", "VIF"], ...result.coefficients.map((c) => [c.term, c.vif])];
    case "fitted":
      return rowAligned(result, sourceHasHeader, ["Fitted"], (i) => [result.fitted[i]]);
    case "residuals":
      return rowAligned(result, sourceHasHeader, ["Residual"], (i) => [result.residuals[i]]);
    case "diagnostics":
      return rowAligned(
        result,
        sourceHasHeader,
        ["Fitted", "Residual", "Leverage", "Cook's D"],
        (i) => [result.fitted[i], result.residuals[i], result.leverage[i], result.cooksDistance[i]],
      );
    case "contrib":
      return contributionTable(result);
    default: {
      const never: never = output;
      throw new EngineError("invalidOption", `Unknown output ${String(never)}`);
    }
  }
}

/** statsmodels' interval headers: "[0.025" and "0.975]" for a 95 % level. */
function levelLabels(result: OlsResult): [string, string] {
  const alpha = 1 - result.confidenceLevel;
  const round = (q: number) => String(Number(q.toFixed(6)));
  return [`[${round(alpha / 2)}`, `${round(1 - alpha / 2)}]`];
}

/**
 * Each term's contribution to the fitted total over the data (estimate × the sum of its column;
 * the intercept's is the base), with the interval of the coefficient scaled alike, and its share
 * of the fitted total. The fitted total is held fixed for the shares (with an intercept it is
 * the observed total). statsmodels: params * exog.sum(0), conf_int() * exog.sum(0).
 */
export function contributionTable(result: OlsResult): Cell[][] {
  let fittedTotal = 0;
  for (const v of result.fitted) fittedTotal += v;
  const [low, high] = levelLabels(result);
  return [
    ["Term", "Contribution", low, high, "Share", `Share ${low}`, `Share ${high}`],
    ...result.coefficients.map((c): Cell[] => {
      const ends = [c.ciLow * c.columnSum, c.ciHigh * c.columnSum];
      const lower = Math.min(...ends);
      const upper = Math.max(...ends);
      const contribution = c.estimate * c.columnSum;
      return [
        c.term === INTERCEPT ? "Base (Intercept)" : c.term,
        contribution,
        lower,
        upper,
        contribution / fittedTotal,
        lower / fittedTotal,
        upper / fittedTotal,
      ];
    }),
    ["Fitted total", fittedTotal, null, null, 1, null, null],
  ];
}

export function coefficientTable(result: OlsResult): Cell[][] {
  const [low, high] = levelLabels(result);
  const pLabel = result.covarianceType === "nonrobust" ? "P>|t|" : "P>|z|";
  const statLabel = result.covarianceType === "nonrobust" ? "t" : "z";
  return [
    ["Term", "Coef", "Std Err", statLabel, pLabel, low, high],
    ...result.coefficients.map((c) => [
      c.term,
      c.estimate,
      c.stdError,
      c.t,
      c.p,
      c.ciLow,
      c.ciHigh,
    ]),
  ];
}

/** Every fit statistic as a (name, value) pair; the names are the CLI's JSON fields. */
export function statisticsPairs(result: OlsResult): [string, number][] {
  return [
    ["nobs", result.nobs],
    ["rowsDropped", result.rowsDropped],
    ["dfModel", result.dfModel],
    ["dfResidual", result.dfResidual],
    ["rSquared", result.rSquared],
    ["adjRSquared", result.adjRSquared],
    ["fStatistic", result.fStatistic],
    ["fPValue", result.fPValue],
    ["residualStdError", result.residualStdError],
    ["logLikelihood", result.logLikelihood],
    ["aic", result.aic],
    ["bic", result.bic],
    ["durbinWatson", result.durbinWatson],
    ["omnibus", result.omnibus],
    ["omnibusP", result.omnibusP],
    ["jarqueBera", result.jarqueBera],
    ["jarqueBeraP", result.jarqueBeraP],
    ["skew", result.skew],
    ["kurtosis", result.kurtosis],
    ["conditionNumber", result.conditionNumber],
    ["breuschPagan", result.breuschPagan],
    ["breuschPaganP", result.breuschPaganP],
  ];
}

function statisticsTable(result: OlsResult): Cell[][] {
  return [["Statistic", "Value"], ...statisticsPairs(result)];
}

function anovaTable(result: OlsResult): Cell[][] {
  return [
    ["Term", "df", "Sum Sq", "Mean Sq", "F", "P>F"],
    ...result.anova.map((row) => [row.term, row.df, row.sumSq, row.meanSq, row.f, row.p]),
  ];
}

const SUMMARY_WIDTH = 7;

/** statsmodels' summary() as one block of 7 columns: fit statistics, coefficients, residual tests. */
function summaryTable(result: OlsResult): Cell[][] {
  const pad = (row: Cell[]): Cell[] => [
    ...row,
    ...Array<Cell>(SUMMARY_WIDTH - row.length).fill(null),
  ];
  const pairRow = (a: string, av: Cell, b: string, bv: Cell): Cell[] => pad([a, av, null, b, bv]);
  const covariance = result.covarianceType === "nonrobust" ? "nonrobust" : result.covarianceType;
  const rows: Cell[][] = [
    pad(["OLS Regression Results"]),
    pairRow("Dep. Variable", result.yName, "R-squared", result.rSquared),
    pairRow("Observations", result.nobs, "Adj. R-squared", result.adjRSquared),
    pairRow("Rows dropped", result.rowsDropped, "F-statistic", result.fStatistic),
    pairRow("Df Model", result.dfModel, "Prob (F-statistic)", result.fPValue),
    pairRow("Df Residuals", result.dfResidual, "Log-Likelihood", result.logLikelihood),
    pairRow("Covariance", covariance, "AIC", result.aic),
    pairRow("Resid. Std. Err.", result.residualStdError, "BIC", result.bic),
    pad([]),
    ...coefficientTable(result),
    pad([]),
    pairRow("Omnibus", result.omnibus, "Durbin-Watson", result.durbinWatson),
    pairRow("Prob(Omnibus)", result.omnibusP, "Jarque-Bera (JB)", result.jarqueBera),
    pairRow("Skew", result.skew, "Prob(JB)", result.jarqueBeraP),
    pairRow("Kurtosis", result.kurtosis, "Cond. No.", result.conditionNumber),
    pairRow("Breusch-Pagan", result.breuschPagan, "Prob(BP)", result.breuschPaganP),
  ];
  for (const warning of result.warnings) rows.push(pad([`Note: ${warning}`]));
  return rows;
}

function rowAligned(
  result: OlsResult,
  sourceHasHeader: boolean,
  header: string[],
  values: (usedIndex: number) => Cell[],
): Cell[][] {
  const rowCount = result.nobs + result.rowsDropped;
  const blank = header.map((): Cell => null);
  const rows: Cell[][] = Array.from({ length: rowCount }, () => blank);
  result.rowsUsed.forEach((sourceRow, i) => {
    rows[sourceRow] = values(i);
  });
  return sourceHasHeader ? [header, ...rows] : rows;
}
