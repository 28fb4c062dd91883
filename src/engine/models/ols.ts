/**
 * Ordinary least squares with the statistical summary of statsmodels' `OLS(...).fit()`.
 *
 * Every statistic a report shows is a named field of `OlsResult`, with its definition and the
 * statsmodels attribute it matches. Views (the custom function, the CLI, the task pane) select
 * and format; they compute nothing.
 */
import { EngineError } from "../errors";
import type { Design } from "../data/design";
import { factorDesignQr } from "../linalg/householderQr";
import { fitLeastSquares } from "../linalg/leastSquares";
import { singularValuesOfUpper } from "../linalg/singularValues";
import { fisherFSf } from "../stats/fisherF";
import { normalQuantile, normalTwoSidedP } from "../stats/normal";
import { studentTQuantile, studentTTwoSidedP } from "../stats/studentT";
import { checkMagnitudes, checkResponseVaries, findCollinearTerms } from "./olsCollinearity";
import { findConstantSpan } from "./olsConstant";
import { testResiduals, type ResidualTests } from "./olsResidualTests";
import { computeInfluence } from "./olsInfluence";

export type CovarianceType = "nonrobust" | "HC1" | "HC3";

export interface OlsOptions {
  /** Level of the confidence intervals, in (0, 1). Default 0.95. */
  readonly confidenceLevel?: number;
  /** Standard errors: classical (default) or heteroskedasticity-robust HC1 / HC3. */
  readonly covarianceType?: CovarianceType;
}

export const OLS_DEFAULTS: Required<OlsOptions> = {
  confidenceLevel: 0.95,
  covarianceType: "nonrobust",
};

/** One coefficient of the model. */
export interface OlsCoefficient {
  /** Term name: `Intercept`, a column name, or a dummy `TV[Low]`. */
  readonly term: string;
  /** The variable (column) the term comes from; `Intercept` for the intercept. */
  readonly variable: string;
  /** b_j, the least-squares estimate. statsmodels: params. */
  readonly estimate: number;
  /** sqrt of the j-th diagonal of the covariance of b. statsmodels: bse. */
  readonly stdError: number;
  /** estimate / stdError. statsmodels: tvalues. */
  readonly t: number;
  /** Two-sided p-value of t: Student t on dfResidual, or the normal for robust errors (as statsmodels). */
  readonly p: number;
  /** estimate -/+ quantile(1 - (1 - level)/2) * stdError. statsmodels: conf_int(). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /**
   * Σ of the term's design column over the rows used (the row count for the intercept): the
   * term's contribution to the fitted total is estimate × columnSum. statsmodels: exog.sum(0).
   */
  readonly columnSum: number;
  /**
   * Variance inflation factor 1 / (1 - R_j^2), R_j^2 from regressing the term's column on the
   * other columns of the design (centred when those columns span the constant), as
   * statsmodels' `variance_inflation_factor`; null for the intercept.
   */
  readonly vif: number | null;
}

/** One row of the sequential (type I) analysis of variance, per variable. */
export interface OlsAnovaRow {
  /** Variable name, or `Residual`. */
  readonly term: string;
  readonly df: number;
  /** Sequential sum of squares explained by the variable after those before it. */
  readonly sumSq: number;
  readonly meanSq: number;
  /** meanSq / residual meanSq; null on the Residual row. */
  readonly f: number | null;
  readonly p: number | null;
}

export interface OlsResult extends ResidualTests {
  readonly yName: string;
  readonly coefficients: readonly OlsCoefficient[];
  /** Whether the model has an explicit intercept term. */
  readonly hasIntercept: boolean;
  /**
   * Whether the design spans the constant, explicitly or implicitly (a categorical coded in
   * full without an intercept). Decides centred R^2 and the F test's df. statsmodels: k_constant.
   */
  readonly hasConstant: boolean;
  readonly covarianceType: CovarianceType;
  readonly confidenceLevel: number;
  /** Rows used in the fit. statsmodels: nobs. */
  readonly nobs: number;
  /** Rows removed because y or a predictor was blank or an error value. */
  readonly rowsDropped: number;
  /** Number of coefficients minus the intercept. statsmodels: df_model. */
  readonly dfModel: number;
  /** nobs minus the number of coefficients. statsmodels: df_resid. */
  readonly dfResidual: number;
  /** 1 - RSS / TSS, TSS centred when the design spans the constant, else uncentred. statsmodels: rsquared. */
  readonly rSquared: number;
  /** 1 - (nobs - k_constant) / dfResidual * (1 - R^2). statsmodels: rsquared_adj. */
  readonly adjRSquared: number;
  /**
   * F test that every coefficient but the intercept is zero: (ESS / dfModel) / (RSS / dfResidual);
   * with robust errors the Wald F on the robust covariance. statsmodels: fvalue.
   */
  readonly fStatistic: number;
  /** P(F(dfModel, dfResidual) > fStatistic). statsmodels: f_pvalue. */
  readonly fPValue: number;
  /** Residual sum of squares. statsmodels: ssr. */
  readonly residualSumOfSquares: number;
  /** Total sum of squares (centred with an intercept). statsmodels: centered_tss / uncentered_tss. */
  readonly totalSumOfSquares: number;
  /** sqrt(RSS / dfResidual). statsmodels: sqrt(scale). */
  readonly residualStdError: number;
  /**
   * (X'X)^{-1}, row-major, one row and column per coefficient: the coefficients' covariance is
   * this times the residual variance. statsmodels: normalized_cov_params.
   */
  readonly inverseGram: Float64Array;
  /** Gaussian log-likelihood -n/2 (log(2 pi RSS / n) + 1). statsmodels: llf. */
  readonly logLikelihood: number;
  /** -2 llf + 2 k with k = number of coefficients (statsmodels' convention; R's AIC adds 1 for sigma). */
  readonly aic: number;
  /** -2 llf + log(n) k. statsmodels: bic. */
  readonly bic: number;
  /** sqrt(lambda_max / lambda_min) of X'X = largest / smallest singular value of X. statsmodels: condition_number. */
  readonly conditionNumber: number;
  readonly anova: readonly OlsAnovaRow[];
  /** Fitted values X b, one per row used. statsmodels: fittedvalues. */
  readonly fitted: Float64Array;
  /** y - X b, one per row used. statsmodels: resid. */
  readonly residuals: Float64Array;
  /** Diagonal of the hat matrix X (X'X)^{-1} X'. statsmodels: get_influence().hat_matrix_diag. */
  readonly leverage: Float64Array;
  /** e_i^2 / (k s^2) * h_i / (1 - h_i)^2. statsmodels: get_influence().cooks_distance[0]. */
  readonly cooksDistance: Float64Array;
  /** 0-based indices, in the source data, of the rows used. */
  readonly rowsUsed: Int32Array;
  /** Which least-squares path computed the fit (double-double QR or refined double QR). */
  readonly method: string;
  /** Plain-language warnings (exact fit, dropped rows, autocorrelation, high VIF, heteroskedasticity). */
  readonly warnings: readonly string[];
}

export function fitOls(design: Design, yName: string, options: OlsOptions = {}): OlsResult {
  const confidenceLevel = options.confidenceLevel ?? OLS_DEFAULTS.confidenceLevel;
  const covarianceType = options.covarianceType ?? OLS_DEFAULTS.covarianceType;
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new EngineError(
      "invalidOption",
      `The confidence level must be between 0 and 1 (exclusive); got ${confidenceLevel}.`,
    );
  }
  const { columns, y, terms } = design;
  const n = y.length;
  const k = columns.length;
  const hasIntercept = design.hasIntercept;
  if (n < k + 1) {
    throw new EngineError(
      "tooFewRows",
      `OLS needs at least ${k + 1} complete rows for ${k} coefficients; ${n} are complete.`,
    );
  }

  checkMagnitudes(design);
  checkResponseVaries(y, yName);
  const qr = factorDesignQr(columns, y);
  const collinear = findCollinearTerms(design, qr);
  if (collinear) throw new EngineError("collinear", collinear);

  const fit = fitLeastSquares(columns, y, qr);
  const { coefficients: b, residuals, residualSumOfSquares: rss, inverseGram } = fit;
  const constant = findConstantSpan(columns, inverseGram, hasIntercept);
  const hasConstant = constant.model;
  const kConstant = hasConstant ? 1 : 0;
  const dfResidual = n - k;
  const dfModel = k - kConstant;
  const scale = rss / dfResidual;

  const tss = totalSumOfSquares(y, hasConstant);
  const rSquared = 1 - rss / tss;
  const adjRSquared = 1 - ((n - kConstant) / dfResidual) * (1 - rSquared);

  const influence = computeInfluence(
    columns,
    qr.r,
    residuals,
    scale,
    covarianceType === "nonrobust" ? null : covarianceType,
  );
  const covariance = influence.robustCovariance ?? inverseGram.map((v) => v * scale);

  const useT = covarianceType === "nonrobust";
  const alpha = 1 - confidenceLevel;
  const criticalValue = useT
    ? studentTQuantile(1 - alpha / 2, dfResidual)
    : normalQuantile(1 - alpha / 2);
  const coefficients: OlsCoefficient[] = terms.map((term, j) => {
    const estimate = b[j];
    const stdError = Math.sqrt(covariance[j * k + j]);
    const t = estimate / stdError;
    const p = useT ? studentTTwoSidedP(t, dfResidual) : normalTwoSidedP(t);
    return {
      term: term.name,
      variable: term.variable,
      estimate,
      stdError,
      t,
      p,
      ciLow: estimate - criticalValue * stdError,
      ciHigh: estimate + criticalValue * stdError,
      columnSum: columns[j].reduce((sum, v) => sum + v, 0),
      vif:
        hasIntercept && j === 0
          ? null
          : varianceInflation(columns[j], inverseGram[j * k + j], constant.withoutColumn[j]),
    };
  });

  const fStatistic = useT
    ? (tss - rss) / dfModel / scale
    : robustWaldF(b, covariance, k, hasIntercept, hasConstant);
  const fPValue = dfModel > 0 ? fisherFSf(fStatistic, dfModel, dfResidual) : NaN;

  const logLikelihood = (-n / 2) * (Math.log((2 * Math.PI * rss) / n) + 1);
  const singular = singularValuesOfUpper(qr.r);
  const conditionNumber = singular[0] / singular[singular.length - 1];
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) fitted[i] = y[i] - residuals[i];
  const residualTests = testResiduals(residuals, columns, qr, hasConstant);

  const result: OlsResult = {
    yName,
    coefficients,
    hasIntercept,
    hasConstant,
    covarianceType,
    confidenceLevel,
    nobs: n,
    rowsDropped: design.rowsDropped,
    dfModel,
    dfResidual,
    rSquared,
    adjRSquared,
    fStatistic,
    fPValue,
    residualSumOfSquares: rss,
    totalSumOfSquares: tss,
    residualStdError: Math.sqrt(scale),
    inverseGram,
    logLikelihood,
    aic: -2 * logLikelihood + 2 * k,
    bic: -2 * logLikelihood + Math.log(n) * k,
    conditionNumber,
    anova: sequentialAnova(design, qr.qty, rss, dfResidual),
    fitted,
    residuals,
    leverage: influence.leverage,
    cooksDistance: influence.cooksDistance,
    rowsUsed: design.rowsUsed,
    method: fit.method,
    ...residualTests,
    warnings: [],
  };
  return { ...result, warnings: describeWarnings(result, influence.fullLeverageRows) };
}

function totalSumOfSquares(y: Float64Array, centred: boolean): number {
  const n = y.length;
  let mean = 0;
  if (centred) {
    for (let i = 0; i < n; i++) mean += y[i];
    mean /= n;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (y[i] - mean) * (y[i] - mean);
  return sum;
}

/** VIF_j = [(X'X)^{-1}]_jj * TSS_j, TSS_j centred when the other columns span the constant. */
function varianceInflation(
  column: Float64Array,
  inverseGramDiagonal: number,
  centred: boolean,
): number {
  return inverseGramDiagonal * totalSumOfSquares(column, centred);
}

/**
 * The robust F test: Wald's F that every coefficient but the intercept is zero. With an
 * implicit constant (a categorical coded in full) no coefficient is the intercept and the
 * hypothesis has no simple form; statsmodels reports NaN there, and so do we.
 */
function robustWaldF(
  b: Float64Array,
  covariance: Float64Array,
  k: number,
  hasIntercept: boolean,
  hasConstant: boolean,
): number {
  if (hasIntercept) return waldF(b, covariance, k, 1);
  return hasConstant ? NaN : waldF(b, covariance, k, 0);
}

/** Wald F that coefficients from..k-1 are zero: b' V^{-1} b / q on the covariance block. */
function waldF(b: Float64Array, covariance: Float64Array, k: number, from: number): number {
  const q = k - from;
  if (q <= 0) return NaN;
  // Cholesky of the covariance block, then ||L^{-1} b||^2.
  const l = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let s = covariance[(i + from) * k + (j + from)];
      for (let m = 0; m < j; m++) s -= l[i * q + m] * l[j * q + m];
      l[i * q + j] = i === j ? Math.sqrt(s) : s / l[j * q + j];
    }
  }
  let quadratic = 0;
  const z = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let s = b[i + from];
    for (let m = 0; m < i; m++) s -= l[i * q + m] * z[m];
    z[i] = s / l[i * q + i];
    quadratic += z[i] * z[i];
  }
  return quadratic / q;
}

/**
 * Type I (sequential) sums of squares per variable, in the order of the design: with the QR of
 * X in column order, the sum of squares that column j adds after columns 0..j-1 is (Q'y)_j^2.
 * The intercept's row is left out, as statsmodels' `anova_lm(typ=1)` and R's `anova()` do.
 */
function sequentialAnova(
  design: Design,
  qty: Float64Array,
  rss: number,
  dfResidual: number,
): OlsAnovaRow[] {
  const residualMeanSq = rss / dfResidual;
  const rows: OlsAnovaRow[] = [];
  for (const variable of design.variables) {
    let sumSq = 0;
    let df = 0;
    design.terms.forEach((term, j) => {
      if (term.variable === variable) {
        sumSq += qty[j] * qty[j];
        df += 1;
      }
    });
    const meanSq = sumSq / df;
    const f = meanSq / residualMeanSq;
    rows.push({ term: variable, df, sumSq, meanSq, f, p: fisherFSf(f, df, dfResidual) });
  }
  rows.push({
    term: "Residual",
    df: dfResidual,
    sumSq: rss,
    meanSq: residualMeanSq,
    f: null,
    p: null,
  });
  return rows;
}

/** Warnings an analyst should read before trusting the p-values. */
function describeWarnings(result: OlsResult, fullLeverageRows: readonly number[]): string[] {
  const warnings: string[] = [];
  if (fullLeverageRows.length > 0) {
    const rows = fullLeverageRows.slice(0, 5).map((i) => result.rowsUsed[i] + 1);
    warnings.push(
      `Data row${rows.length === 1 ? "" : "s"} ${rows.join(", ")}${fullLeverageRows.length > 5 ? ", ..." : ""} alone determine${rows.length === 1 ? "s" : ""} a coefficient (leverage 1, for example a category with one row): Cook's distance is undefined there${result.covarianceType === "HC3" ? ", and so are HC3 standard errors (use HC1)" : ""}.`,
    );
  }
  const yScale = Math.sqrt(result.totalSumOfSquares / result.nobs);
  if (result.residualStdError <= 1e-13 * yScale) {
    warnings.push(
      "The model fits the data exactly (the residuals are zero to rounding): standard errors, t and p-values are meaningless.",
    );
  }
  if (result.rowsDropped > 0) {
    warnings.push(
      `${result.rowsDropped} row${result.rowsDropped === 1 ? "" : "s"} with a blank or error value ${result.rowsDropped === 1 ? "was" : "were"} left out (listwise deletion); ${result.nobs} rows were used.`,
    );
  }
  if (result.durbinWatson < 1 || result.durbinWatson > 3) {
    warnings.push(
      `Durbin-Watson ${result.durbinWatson.toFixed(2)}: the residuals are autocorrelated (if the rows are in time order); p-values are too optimistic.`,
    );
  }
  const worstVif = Math.max(0, ...result.coefficients.map((c) => c.vif ?? 0));
  if (worstVif > 10) {
    const names = result.coefficients.filter((c) => (c.vif ?? 0) > 10).map((c) => c.term);
    warnings.push(
      `Variance inflation above 10 (${names.join(", ")}): these predictors are strongly correlated with others, so their separate effects are poorly determined.`,
    );
  }
  if (result.breuschPaganP < 0.05 && result.covarianceType === "nonrobust") {
    warnings.push(
      `Breusch-Pagan p = ${result.breuschPaganP.toPrecision(2)}: the residual variance is not constant; consider robust (HC3) standard errors.`,
    );
  }
  return warnings;
}
