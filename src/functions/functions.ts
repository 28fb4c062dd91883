/* eslint-disable @typescript-eslint/no-explicit-any -- the Excel boundary: ranges arrive as any[][] */
/**
 * The worksheet functions of the MMM namespace. custom-functions-metadata-plugin reads the JSDoc
 * of these exported functions at build time to generate functions.json; the comments are the
 * help Excel shows. Ids and parameter order are a public contract: never rename or reorder,
 * only add optional parameters at the end. Each returns a promise: the work runs on the page's
 * worker pool (src/functions/callFunction.ts).
 */
import { callFunction } from "./callFunction";

/**
 * Ordinary least squares regression of y on x with the statistical summary of statsmodels. Text columns in x are dummy-coded (reference level: the first in sorted order); rows with a blank or error value are left out and counted.
 * @customfunction OLS
 * @param y The response: one column of numbers, with or without a header cell.
 * @param x The predictors: one or more columns with as many rows as y.
 * @param [output] "summary" (default), "coef", "stats", "anova", "vif", "fitted", "residuals", "diagnostics" or "contrib" (each term's contribution to the fitted total and its share, with intervals).
 * @param [intercept] TRUE (default) to fit an intercept, FALSE for regression through the origin.
 * @param [headers] TRUE if the first row holds column names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function ols(
  y: any[][],
  x: any[][],
  output?: string,
  intercept?: boolean,
  headers?: boolean,
): Promise<any[][]> {
  return callFunction("ols", [y, x, output, intercept, headers]);
}

/**
 * One-way analysis of variance of values by group: group sizes, means and SDs, the ANOVA table (F and p), Welch's ANOVA for unequal variances, and Levene's and Brown-Forsythe's tests of equal variances. Rows with a blank value or group are left out and counted.
 * @customfunction ANOVA
 * @param values The outcome: one column of numbers, with or without a header cell.
 * @param groups The group of each row: one column of labels (text or numbers), as many rows as values.
 * @param [output] "summary" (default), "groups", "anova" or "tests".
 * @param [headers] TRUE if the first row holds column names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function anova(
  values: any[][],
  groups: any[][],
  output?: string,
  headers?: boolean,
): Promise<any[][]> {
  return callFunction("anova", [values, groups, output, headers]);
}

/**
 * Tukey's honestly significant differences between every pair of groups (Tukey-Kramer for unequal sizes), or Games-Howell when variances differ: the difference mean(group2) - mean(group1), its simultaneous confidence interval, the adjusted p-value and whether it is significant.
 * @customfunction TUKEY
 * @param values The outcome: one column of numbers, with or without a header cell.
 * @param groups The group of each row: one column of labels, as many rows as values.
 * @param [alpha] The family-wise error rate, 0.05 by default (95 % intervals).
 * @param [method] "tukey" (default) or "games-howell".
 * @param [headers] TRUE if the first row holds column names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function tukey(
  values: any[][],
  groups: any[][],
  alpha?: number,
  method?: string,
  headers?: boolean,
): Promise<any[][]> {
  return callFunction("tukey", [values, groups, alpha, method, headers]);
}

/**
 * Descriptive statistics of each numeric column: count, missing, mean, SD, min, quartiles, median, max, skewness and excess kurtosis (as pandas), optionally per group of a by-column.
 * @customfunction DESCRIBE
 * @param data One or more columns, with or without a header row; text columns are listed as not summarised.
 * @param [by] A column of group labels with as many rows as data: one row of statistics per column and group.
 * @param [headers] TRUE if the first row holds column names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function describe(data: any[][], by?: any[][], headers?: boolean): Promise<any[][]> {
  return callFunction("describe", [data, by, headers]);
}

/**
 * Correlation matrix of numeric columns, Pearson or Spearman, each pair on the rows where both are present, with p-values and pairwise counts.
 * @customfunction CORR
 * @param data Two or more numeric columns, with or without a header row.
 * @param [method] "pearson" (default) or "spearman".
 * @param [output] "matrix" (default), "p" (p-values), "n" (rows per pair) or "pairs" (one row per pair).
 * @param [headers] TRUE if the first row holds column names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function corr(
  data: any[][],
  method?: string,
  output?: string,
  headers?: boolean,
): Promise<any[][]> {
  return callFunction("corr", [data, method, output, headers]);
}

/**
 * A/B test of a control arm A against a variant arm B: n and mean or rate per arm, the difference B - A and the relative lift with their confidence intervals, the test statistic, p, the decision at alpha and the achieved power.
 * @customfunction ABTEST
 * @param a Arm A (control): a column of outcomes; for "proportions" 0/1 outcomes or two numbers, conversions then rows; for "chi-square" the arm label of every row.
 * @param b Arm B (variant): as a; for "chi-square" the outcome label of every row.
 * @param [test] "welch" (default), "student", "mann-whitney", "proportions" or "chi-square".
 * @param [alpha] Significance level, 0.05 by default.
 * @param [headers] TRUE if the first row holds names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function abtest(
  a: any[][],
  b: any[][],
  test?: string,
  alpha?: number,
  headers?: boolean,
): Promise<any[][]> {
  return callFunction("abtest", [a, b, test, alpha, headers]);
}

/**
 * Rows per arm an A/B test needs to detect an effect: for a proportion, the baseline rate and the absolute lift to detect; for a mean, the outcome's SD and the difference to detect.
 * @customfunction SAMPLESIZE
 * @param baseline The control's conversion rate (kind "proportion") or the outcome's standard deviation (kind "mean").
 * @param effect The smallest absolute effect worth detecting (for example 0.01 for one percentage point).
 * @param [alpha] Significance level, 0.05 by default (two-sided).
 * @param [power] Probability of detecting the effect when it is there, 0.8 by default.
 * @param [kind] "proportion" (default) or "mean".
 * @returns A table that spills.
 */
export function samplesize(
  baseline: number,
  effect: number,
  alpha?: number,
  power?: number,
  kind?: string,
): Promise<any[][]> {
  return callFunction("samplesize", [baseline, effect, alpha, power, kind]);
}

/**
 * k-means segmentation of the rows (k-means++ with 10 seeded restarts, standardised columns by default): the cluster of each row (1 to k, blank for a row with a blank), or the centres, a profile of each cluster, the elbow and silhouette by k, or a summary.
 * @customfunction KMEANS
 * @param data The columns to cluster on, with or without a header row; text columns are one-hot coded.
 * @param k The number of clusters, or "auto" for the k from 2 to 10 with the best silhouette.
 * @param [output] "labels" (default), "centers", "profile", "elbow" or "summary".
 * @param [seed] Seed of the restarts, 0 by default: the same seed gives the same clusters.
 * @param [standardize] TRUE (default) to cluster on z-scores, FALSE for the raw values.
 * @param [headers] TRUE if the first row holds column names, FALSE if not; omitted: detected.
 * @returns A table that spills.
 */
export function kmeans(
  data: any[][],
  k: any,
  output?: string,
  seed?: number,
  standardize?: boolean,
  headers?: boolean,
): Promise<any[][]> {
  return callFunction("kmeans", [data, k, output, seed, standardize, headers]);
}

/**
 * Monte Carlo of sales for spend plans: the regression of y on the spend columns x, then for each plan row the distribution of sales (parameter uncertainty from the fit, the observation noise, and the plan's own spreads where given), each channel's incremental sales and ROI, and each plan against the first.
 * @customfunction SIMULATE
 * @param y Sales: one column with a header cell.
 * @param x The spend columns, with a header row, as many rows as y.
 * @param plan The plan: a header row naming x's columns, one scenario a row; optional columns "<channel> sd" or "<channel> min" and "<channel> max" for uncertain spend, and "Scenario" for names.
 * @param [iterations] Iterations, 10,000 by default (100 to 10,000,000).
 * @param [seed] Seed, 0 by default: the same seed gives the same numbers.
 * @param [output] "summary" (default), "percentiles", "histogram", "contrib", "compare" or "draws".
 * @param [target] Sales to beat: the summary adds the probability of exceeding it.
 * @returns A table that spills.
 */
export function simulate(
  y: any[][],
  x: any[][],
  plan: any[][],
  iterations?: number,
  seed?: number,
  output?: string,
  target?: number,
): Promise<any[][]> {
  return callFunction("simulate", [y, x, plan, iterations, seed, output, target]);
}
