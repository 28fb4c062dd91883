/**
 * From the columns of a model to its design matrix: listwise deletion of incomplete rows,
 * dummy coding of categorical predictors (patsy's treatment coding, as statsmodels' `C()`),
 * and the intercept.
 */
import { EngineError } from "../errors";
import { sortLevels } from "./levels";
import type { CategoricalColumn, Column, NumericColumn } from "./types";

export { selectColumns } from "./select";

/** One column of a design matrix. */
export interface DesignTerm {
  /** The column's name in reports: `Intercept`, a numeric column's name, or `TV[Low]`. */
  readonly name: string;
  /** The model variable the column belongs to (`TV` for `TV[Low]`); `Intercept` for it. */
  readonly variable: string;
}

/** A regression design: response and design matrix over the complete rows. */
export interface Design {
  /** The response on the kept rows. statsmodels: endog */
  readonly y: Float64Array;
  /**
   * The design matrix by columns, kept rows only: the intercept's column of ones first (when
   * the model has one), then each predictor's columns in the order given. statsmodels: exog
   */
  readonly columns: Float64Array[];
  /** One per column of `columns`. statsmodels: exog_names */
  readonly terms: DesignTerm[];
  /** Whether `columns[0]` is the intercept's column of ones. */
  readonly hasIntercept: boolean;
  /** The model's variables in order, without the intercept (for a type I ANOVA). */
  readonly variables: string[];
  /** 0-based indices of the kept data rows, ascending. */
  readonly rowsUsed: Int32Array;
  /** Rows removed by listwise deletion over y and every predictor. */
  readonly rowsDropped: number;
  /** Rows before deletion. */
  readonly rowCount: number;
}

/** Input of `buildDesign`. */
export interface DesignInput {
  /** The response; it must be numeric. */
  readonly y: NumericColumn | Column;
  /** The predictors, in the order of the model; names must be unique. */
  readonly predictors: readonly Column[];
  /** Whether the model has an intercept (a first column of ones). */
  readonly intercept: boolean;
  /** The analysis that messages name ("OLS needs at least ..."); default `OLS`. */
  readonly analysis?: string;
}

/** The name of the intercept's term and variable, as statsmodels prints it. */
export const INTERCEPT = "Intercept";

/**
 * Builds the design matrix of a linear model.
 *
 * 1. Listwise deletion: a row is kept when y and every predictor have a value in it (a
 *    number that is not NaN, a label that is not null).
 * 2. Levels of each categorical predictor are the distinct labels of the KEPT rows, sorted by
 *    code units (as `readDataset` sorts them).
 * 3. Coding, as patsy's treatment coding (statsmodels' `C(x)`): the first level is the
 *    reference and gets no column, every other level a 0/1 column named `Variable[Level]`.
 *    Without an intercept, patsy codes the first categorical predictor in full (a column for
 *    every level, no reference), so that the model spans the intercept; later categoricals
 *    keep their reference. We do the same.
 * 4. Columns are laid out as the predictors are given (statsmodels puts categorical terms
 *    before numeric ones; match terms by name, not position).
 *
 * It does not check for constant or collinear numeric columns: the fit does, with its QR.
 *
 * Throws EngineError:
 * - `invalidValue` when y is categorical;
 * - `collinear` when two predictors have the same name (the same column twice);
 * - `invalidValue` when a predictor is named `Intercept` while the model has one;
 * - `shapeMismatch` when a predictor's length differs from y's;
 * - `degenerate` when the model has no coefficient at all, or a categorical predictor has a
 *   single level in the kept rows;
 * - `tooFewRows` when fewer than (coefficients + 1) rows are complete, with the numbers and
 *   the (up to three) columns with the most missing values.
 *
 * Cost: O(rows × design columns).
 *
 * @example
 * const design = buildDesign({ y: sales, predictors: [tv, radio], intercept: true });
 * design.terms.map((term) => term.name) // ["Intercept", "TV[Low]", "TV[Medium]", "Radio"]
 */
export function buildDesign(input: DesignInput): Design {
  const { y, predictors, intercept } = input;
  const analysis = input.analysis ?? "OLS";
  const yValues = numericResponse(y);
  checkUniquePredictors(predictors);
  if (intercept && predictors.some((predictor) => predictor.name === INTERCEPT)) {
    throw new EngineError(
      "invalidValue",
      `x has a column named "${INTERCEPT}", the name of the model's intercept; rename the column`,
    );
  }
  const rowCount = yValues.length;
  for (const predictor of predictors) {
    if (predictor.values.length !== rowCount) {
      throw new EngineError(
        "shapeMismatch",
        `x has ${predictor.values.length} rows in column "${predictor.name}" but y has ${rowCount}; ` +
          `x and y must have the same number of rows`,
      );
    }
  }

  const rowsUsed = completeRows(yValues, predictors);
  const kept = rowsUsed.length;
  const codings = codePredictors(predictors, rowsUsed, intercept);

  let coefficients = intercept ? 1 : 0;
  for (const coding of codings) {
    if (coding.kind === "numeric") {
      coefficients += 1;
    } else {
      // With no complete row there are no kept levels; count the column's own for the message.
      const levelCount = rowsUsed.length > 0 ? coding.levels.length : coding.column.levels.length;
      coefficients += coding.full ? levelCount : Math.max(levelCount - 1, 0);
    }
  }
  if (coefficients === 0) {
    throw new EngineError(
      "degenerate",
      `${analysis} has no coefficient to estimate: the model has no intercept and no x columns`,
    );
  }
  if (kept < coefficients + 1) {
    throw tooFewRowsError(analysis, coefficients, kept, [y, ...predictors]);
  }
  for (const coding of codings) {
    if (coding.kind === "categorical" && coding.levels.length < 2) {
      throw new EngineError(
        "degenerate",
        `the categorical variable "${coding.column.name}" has a single level ` +
          `("${coding.levels[0]}") in the ${kept} complete rows; ` +
          `a categorical predictor needs at least two levels`,
      );
    }
  }

  const columns: Float64Array[] = [];
  const terms: DesignTerm[] = [];
  if (intercept) {
    columns.push(new Float64Array(kept).fill(1));
    terms.push({ name: INTERCEPT, variable: INTERCEPT });
  }
  for (const coding of codings) {
    const name = coding.column.name;
    if (coding.kind === "numeric") {
      columns.push(gather(coding.column.values, rowsUsed));
      terms.push({ name, variable: name });
      continue;
    }
    const coded = coding.full ? coding.levels : coding.levels.slice(1);
    const dummies = dummyColumns(coding.column, coded, rowsUsed);
    coded.forEach((level, position) => {
      columns.push(dummies[position]);
      terms.push({ name: `${name}[${level}]`, variable: name });
    });
  }

  return {
    y: gather(yValues, rowsUsed),
    columns,
    terms,
    hasIntercept: intercept,
    variables: predictors.map((predictor) => predictor.name),
    rowsUsed,
    rowsDropped: rowCount - kept,
    rowCount,
  };
}

/** y's values, or the error for a categorical y. */
function numericResponse(y: Column): Float64Array {
  if (y.kind === "numeric") return y.values;
  const example = y.values.find((value) => value !== null);
  throw new EngineError(
    "invalidValue",
    example === undefined || example === null
      ? `y must be numeric; column "${y.name}" holds text`
      : `y must be numeric; column "${y.name}" holds text such as "${example}"`,
  );
}

function checkUniquePredictors(predictors: readonly Column[]): void {
  const seen = new Set<string>();
  for (const predictor of predictors) {
    if (seen.has(predictor.name)) {
      throw new EngineError("collinear", `x has the column "${predictor.name}" twice`);
    }
    seen.add(predictor.name);
  }
}

/** Indices of the rows where y and every predictor have a value. */
function completeRows(y: Float64Array, predictors: readonly Column[]): Int32Array {
  const rowCount = y.length;
  const complete = new Uint8Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) complete[row] = Number.isNaN(y[row]) ? 0 : 1;
  for (const predictor of predictors) {
    if (predictor.kind === "numeric") {
      const values = predictor.values;
      for (let row = 0; row < rowCount; row += 1) if (Number.isNaN(values[row])) complete[row] = 0;
    } else {
      const values = predictor.values;
      for (let row = 0; row < rowCount; row += 1) if (values[row] === null) complete[row] = 0;
    }
  }
  let kept = 0;
  for (let row = 0; row < rowCount; row += 1) kept += complete[row];
  const rows = new Int32Array(kept);
  let next = 0;
  for (let row = 0; row < rowCount; row += 1) if (complete[row] === 1) rows[next++] = row;
  return rows;
}

/** How one predictor enters the design. */
type PredictorCoding =
  | { readonly kind: "numeric"; readonly column: NumericColumn }
  | {
      readonly kind: "categorical";
      readonly column: CategoricalColumn;
      /** The levels on the kept rows, sorted; the first is the reference. */
      readonly levels: readonly string[];
      /** Coded in full (every level a column): the first categorical of a model without intercept. */
      readonly full: boolean;
    };

function codePredictors(
  predictors: readonly Column[],
  rowsUsed: Int32Array,
  intercept: boolean,
): PredictorCoding[] {
  let fullTaken = intercept;
  return predictors.map((column): PredictorCoding => {
    if (column.kind === "numeric") return { kind: "numeric", column };
    const full = !fullTaken;
    fullTaken = true;
    return { kind: "categorical", column, levels: keptLevels(column, rowsUsed), full };
  });
}

/** The sorted distinct labels of a categorical column on the kept rows. */
function keptLevels(column: CategoricalColumn, rowsUsed: Int32Array): string[] {
  const labels: string[] = [];
  for (const row of rowsUsed) {
    const label = column.values[row];
    if (label !== null) labels.push(label);
  }
  return sortLevels(labels);
}

/** The 0/1 indicator columns of the given levels, on the kept rows. */
function dummyColumns(
  column: CategoricalColumn,
  levels: readonly string[],
  rowsUsed: Int32Array,
): Float64Array[] {
  const position = new Map<string, number>();
  levels.forEach((level, index) => position.set(level, index));
  const dummies = levels.map(() => new Float64Array(rowsUsed.length));
  rowsUsed.forEach((row, index) => {
    const label = column.values[row];
    const at = label === null ? undefined : position.get(label);
    if (at !== undefined) dummies[at][index] = 1;
  });
  return dummies;
}

/**
 * The values at the kept rows. When every row is kept the column itself is returned, not a
 * copy: design columns are never written to, and copying 1,048,576 x 16 values costs ~0.1 s.
 */
function gather(values: Float64Array, rows: Int32Array): Float64Array {
  if (rows.length === values.length) return values;
  const out = new Float64Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) out[index] = values[rows[index]];
  return out;
}

/**
 * The error for too few complete rows. When rows were dropped it names the columns with the
 * most missing values, so that the user sees which column to fix (`"Radio" 117 missing`).
 */
function tooFewRowsError(
  analysis: string,
  coefficients: number,
  kept: number,
  columns: readonly Column[],
): EngineError {
  const rowCount = columns[0].values.length;
  const needed = coefficients + 1;
  const incomplete = rowCount - kept;
  let message =
    `${analysis} needs at least ${needed} complete rows for ${coefficients} ` +
    `${coefficients === 1 ? "coefficient" : "coefficients"}; ${kept} of ${rowCount} ` +
    `${kept === 1 ? "row is" : "rows are"} complete (${incomplete} ` +
    `${incomplete === 1 ? "has" : "have"} a blank or error value)`;
  const missing = columns
    .map((column) => ({ name: column.name, count: countMissing(column) }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 3);
  if (missing.length > 0) {
    const listed = missing.map((entry) =>
      entry.count === rowCount
        ? `"${entry.name}" has no value at all`
        : `"${entry.name}" ${entry.count} missing`,
    );
    message += `; ${listed.join(", ")}`;
  }
  return new EngineError("tooFewRows", message);
}

/** Blank or error entries of a column (NaN or null). */
function countMissing(column: Column): number {
  let count = 0;
  if (column.kind === "numeric") {
    for (const value of column.values) if (Number.isNaN(value)) count += 1;
  } else {
    for (const value of column.values) if (value === null) count += 1;
  }
  return count;
}
