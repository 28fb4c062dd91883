/**
 * The regression results sheet: fit statistics, the coefficient table with significant terms
 * marked, the ANOVA table, each term's contribution to the fitted total, a reading in plain language, and four charts (actual vs fitted,
 * residuals vs fitted, normal Q-Q of the residuals, coefficients with their confidence
 * intervals). Every number comes from `OlsResult`.
 */
import { pText, readable } from "./readingText";
import type { Cell } from "../data/types";
import type { OlsResult } from "../models/ols";
import { normalQuantile } from "../stats/normal";
import { coefficientTable, contributionTable, statisticsPairs } from "./ols";
import { INTERVAL_SERIES, type ChartSpec } from "./chartSpec";
import type { Report } from "./report";

/** Charts of row-level values show at most this many points (every k-th row above it). */
export const CHART_POINT_LIMIT = 5000;

export function olsReport(result: OlsResult, xNames: readonly string[]): Report {
  /** Row i of the coefficient table (1 = first term) is significant at 1 - confidence level. */
  const significant = (i: number) => result.coefficients[i - 1].p < 1 - result.confidenceLevel;
  return {
    title: `OLS: ${result.yName} on ${xNames.join(", ")}`,
    reading: describeOls(result),
    tables: [
      {
        title: "Fit",
        rows: [["Statistic", "Value"], ...statisticsPairs(result)],
        formats: ["", "0.0000"],
      },
      {
        title: "Coefficients",
        rows: coefficientTable(result).map((row, i): Cell[] => [
          ...row,
          i === 0 ? "Significant" : significant(i) ? "*" : "",
        ]),
        formats: ["", "0.0000", "0.0000", "0.00", "0.0000", "0.0000", "0.0000", ""],
        emphasis: result.coefficients.flatMap((_, i) => (significant(i + 1) ? [i + 1] : [])),
      },
      {
        title: "Analysis of variance (sequential)",
        rows: [
          ["Term", "df", "Sum Sq", "Mean Sq", "F", "P>F"],
          ...result.anova.map((row): Cell[] => [
            row.term,
            row.df,
            row.sumSq,
            row.meanSq,
            row.f,
            row.p,
          ]),
        ],
        formats: ["", "0", "0.00", "0.00", "0.00", "0.0000"],
      },
      {
        title: "Contributions to fitted sales over the data",
        rows: contributionTable(result),
        formats: ["", "#,##0.0", "#,##0.0", "#,##0.0", "0.0%", "0.0%", "0.0%"],
      },
    ],
    charts: olsCharts(result),
  };
}

/** "Radio: +2.97 Sales per unit, 95 % CI 2.55 to 3.38, p < 0.001", the fit, then the warnings. */
export function describeOls(result: OlsResult): string[] {
  const level = `${Math.round(result.confidenceLevel * 1000) / 10} %`;
  const alpha = 1 - result.confidenceLevel;
  const lines: string[] = [];
  const share = (100 * result.rSquared).toFixed(1);
  lines.push(
    `The model explains ${share} % of the variance of ${result.yName} (adjusted R² ${result.adjRSquared.toFixed(4)}), ` +
      `F(${result.dfModel}, ${result.dfResidual}) = ${readable(result.fStatistic)}, ${pText(result.fPValue)}; ${result.nobs} rows used.`,
  );
  for (const c of result.coefficients) {
    if (c.term === "Intercept") continue;
    const sign = c.estimate >= 0 ? "+" : "";
    const unit = c.term.includes("[")
      ? `${result.yName} compared with the reference level`
      : `${result.yName} per unit`;
    const verdict = c.p < alpha ? "" : " (not significant)";
    lines.push(
      `${c.term}: ${sign}${readable(c.estimate)} ${unit}, ${level} CI ${readable(c.ciLow)} to ${readable(c.ciHigh)}, ${pText(c.p)}${verdict}`,
    );
  }
  return [...lines, ...result.warnings];
}

function olsCharts(result: OlsResult): ChartSpec[] {
  const n = result.nobs;
  const step = Math.max(1, Math.ceil(n / CHART_POINT_LIMIT));
  const sampled: number[] = [];
  for (let i = 0; i < n; i += step) sampled.push(i);
  const note = step > 1 ? ` (1 row in ${step} of ${n})` : "";
  const actual = (i: number) => result.fitted[i] + result.residuals[i];

  // Normal Q-Q: sorted standardised residuals against Blom's plotting positions (i - 3/8) / (n + 1/4).
  const standardised = Array.from(result.residuals, (e) => e / result.residualStdError).sort(
    (a, b) => a - b,
  );
  const qq: Cell[][] = sampled.map((i) => {
    const theoretical = normalQuantile((i + 1 - 0.375) / (n + 0.25));
    return [theoretical, standardised[i], theoretical];
  });

  return [
    {
      kind: "scatter",
      title: `Actual vs fitted${note}`,
      xAxisTitle: `Fitted ${result.yName}`,
      yAxisTitle: `Actual ${result.yName}`,
      data: [
        ["Fitted", "Actual", "Fitted = actual"],
        ...sampled.map((i) => [result.fitted[i], actual(i), result.fitted[i]]),
      ],
      series: [
        { column: 1, style: "markers" },
        { column: 2, style: "line" },
      ],
    },
    {
      kind: "scatter",
      title: `Residuals vs fitted${note}`,
      xAxisTitle: `Fitted ${result.yName}`,
      yAxisTitle: "Residual",
      data: [
        ["Fitted", "Residual"],
        ...sampled.map((i) => [result.fitted[i], result.residuals[i]]),
      ],
      series: [{ column: 1, style: "markers" }],
    },
    {
      kind: "scatter",
      title: `Normal Q-Q of the residuals${note}`,
      xAxisTitle: "Theoretical quantile",
      yAxisTitle: "Standardised residual",
      data: [["Theoretical", "Residual", "Normal"], ...qq],
      series: [
        { column: 1, style: "markers" },
        { column: 2, style: "line" },
      ],
    },
    {
      kind: "line",
      title: `Coefficients with ${Math.round(result.confidenceLevel * 1000) / 10} % intervals`,
      xAxisTitle: "Term",
      yAxisTitle: "Estimate",
      data: [
        ["Term", "Estimate", "Lower", "Upper"],
        ...result.coefficients.map((c): Cell[] => [c.term, c.estimate, c.ciLow, c.ciHigh]),
      ],
      series: INTERVAL_SERIES,
    },
  ];
}
