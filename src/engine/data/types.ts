/**
 * Plain data types of the data layer: what a grid of cells becomes before any model sees it.
 */

/** A cell as the engine's reports write it: a number, text, a boolean, or blank (null). */
export type Cell = number | string | boolean | null;

/** A numeric column. Missing entries (blank cells, error values, missing markers) are NaN. */
export interface NumericColumn {
  readonly kind: "numeric";
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * A categorical column: trimmed labels, null where missing. `levels` are the distinct
 * non-missing labels in sorted order (the first is the reference level of dummy coding, as
 * patsy's treatment coding in statsmodels' `C()`).
 */
export interface CategoricalColumn {
  readonly kind: "categorical";
  readonly name: string;
  readonly values: readonly (string | null)[];
  readonly levels: readonly string[];
}

export type Column = NumericColumn | CategoricalColumn;

/** A typed table: named columns of equal length, in the order of the source. */
export interface Dataset {
  readonly columns: readonly Column[];
  readonly rowCount: number;
  /** Whether the first row of the source was taken as column names. */
  readonly hasHeader: boolean;
}
