/**
 * `mmm ols FILE.csv --y COL --x A,B,C [--no-intercept] [--robust HC1|HC3] [--level 0.95] [--json]`
 *
 * The JSON form is a contract other tools depend on: exactly the fields of `OlsJson`.
 */
import { basename } from "node:path";
import { selectColumns } from "../engine/data/select";
import { runOls } from "../engine/analyses/ols";
import type { CovarianceType, OlsResult } from "../engine/models/ols";
import { readCsvFile } from "./files";
import {
  expectArguments,
  listOption,
  numberOption,
  type ParsedArgs,
  requireOption,
  stringOption,
  UsageError,
} from "./args";
import { formatNumber, formatP, renderTable } from "./format";

export const OLS_USAGE =
  "mmm ols FILE.csv --y COLUMN --x COL1,COL2,... [--no-intercept] [--robust HC1|HC3] [--level 0.95] [--json]";

const OLS_OPTIONS = ["y", "x", "no-intercept", "robust", "level", "json", "help"];

export function runOlsCommand(args: ParsedArgs): string {
  expectArguments(args, OLS_OPTIONS, 2);
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${OLS_USAGE}`);
  const yName = requireOption(args, "y");
  const xNames = listOption(args, "x");
  const robust = stringOption(args, "robust");
  const covarianceType = parseCovariance(robust);
  const dataset = readCsvFile(file);
  const [y] = selectColumns(dataset, [yName], basename(file));
  const x = selectColumns(dataset, xNames, basename(file));
  const result = runOls({
    y,
    x,
    intercept: !args.options.has("no-intercept"),
    confidenceLevel: numberOption(args, "level", 0.95),
    covarianceType,
  });
  return args.options.has("json") ? JSON.stringify(olsJson(result)) : olsReport(result);
}

function parseCovariance(value: string | undefined): CovarianceType {
  if (value === undefined) return "nonrobust";
  const upper = value.toUpperCase();
  if (upper === "HC1" || upper === "HC3") return upper;
  throw new UsageError(`--robust must be HC1 or HC3; got "${value}".`);
}

/** The CLI's JSON contract (issue 3): these fields and no others. */
export function olsJson(result: OlsResult) {
  return {
    nobs: result.nobs,
    rSquared: result.rSquared,
    adjRSquared: result.adjRSquared,
    fStatistic: result.fStatistic,
    fPValue: result.fPValue,
    logLikelihood: result.logLikelihood,
    aic: result.aic,
    bic: result.bic,
    durbinWatson: result.durbinWatson,
    jarqueBera: result.jarqueBera,
    jarqueBeraP: result.jarqueBeraP,
    omnibus: result.omnibus,
    omnibusP: result.omnibusP,
    skew: result.skew,
    kurtosis: result.kurtosis,
    conditionNumber: result.conditionNumber,
    breuschPagan: result.breuschPagan,
    breuschPaganP: result.breuschPaganP,
    residualStdError: result.residualStdError,
    coefficients: result.coefficients.map((c) => ({
      term: c.term,
      estimate: c.estimate,
      stdError: c.stdError,
      t: c.t,
      p: c.p,
      ciLow: c.ciLow,
      ciHigh: c.ciHigh,
    })),
  };
}

/** A readable summary in the layout of statsmodels' `summary()`. */
export function olsReport(result: OlsResult): string {
  const alpha = 1 - result.confidenceLevel;
  const statistic = result.covarianceType === "nonrobust" ? "t" : "z";
  const header = [
    "",
    "coef",
    "std err",
    statistic,
    `P>|${statistic}|`,
    `[${Number((alpha / 2).toFixed(6))}`,
    `${Number((1 - alpha / 2).toFixed(6))}]`,
    "VIF",
  ];
  const coefficientRows = result.coefficients.map((c) => [
    c.term,
    formatNumber(c.estimate),
    formatNumber(c.stdError),
    formatNumber(c.t, 4),
    formatP(c.p),
    formatNumber(c.ciLow),
    formatNumber(c.ciHigh),
    c.vif === null ? "" : formatNumber(c.vif, 4),
  ]);
  const pairs = (rows: [string, string, string, string][]) =>
    renderTable(rows.map(([a, b, c, d]) => [a, b, `   ${c}`, d]));
  const lines = [
    "OLS Regression Results",
    pairs([
      ["Dep. Variable:", result.yName, "R-squared:", formatNumber(result.rSquared, 4)],
      [
        "No. Observations:",
        String(result.nobs),
        "Adj. R-squared:",
        formatNumber(result.adjRSquared, 4),
      ],
      [
        "Rows dropped:",
        String(result.rowsDropped),
        "F-statistic:",
        formatNumber(result.fStatistic, 5),
      ],
      ["Df Model:", String(result.dfModel), "Prob (F-statistic):", formatP(result.fPValue)],
      [
        "Df Residuals:",
        String(result.dfResidual),
        "Log-Likelihood:",
        formatNumber(result.logLikelihood),
      ],
      ["Covariance Type:", result.covarianceType, "AIC:", formatNumber(result.aic)],
      [
        "Resid. Std. Err.:",
        formatNumber(result.residualStdError),
        "BIC:",
        formatNumber(result.bic),
      ],
    ]),
    "",
    renderTable([header, ...coefficientRows]),
    "",
    pairs([
      [
        "Omnibus:",
        formatNumber(result.omnibus, 4),
        "Durbin-Watson:",
        formatNumber(result.durbinWatson, 4),
      ],
      [
        "Prob(Omnibus):",
        formatP(result.omnibusP),
        "Jarque-Bera (JB):",
        formatNumber(result.jarqueBera, 4),
      ],
      ["Skew:", formatNumber(result.skew, 4), "Prob(JB):", formatP(result.jarqueBeraP)],
      [
        "Kurtosis:",
        formatNumber(result.kurtosis, 4),
        "Cond. No.:",
        formatNumber(result.conditionNumber, 4),
      ],
      [
        "Breusch-Pagan:",
        formatNumber(result.breuschPagan, 4),
        "Prob(BP):",
        formatP(result.breuschPaganP),
      ],
    ]),
  ];
  if (result.warnings.length > 0) lines.push("", ...result.warnings.map((w) => `Note: ${w}`));
  return lines.join("\n");
}
