/**
 * What an analysis hands to a results sheet: titled tables, a reading in plain language, and
 * charts. Hosts lay it out; they compute nothing.
 */
import type { Cell } from "../data/types";
import type { ChartSpec } from "./chartSpec";

export interface ReportTable {
  readonly title: string;
  /** Header row first. */
  readonly rows: readonly (readonly Cell[])[];
  /** Number formats per column (Excel format codes, "" for General), applied below the header. */
  readonly formats?: readonly string[];
  /** Rows to stand out (indices into `rows`, header = 0), such as significant terms. */
  readonly emphasis?: readonly number[];
  /** Colour the body (from column 1) as a heatmap between these values: a correlation matrix. */
  readonly heatmap?: { readonly minimum: number; readonly maximum: number };
}

/** A column to write next to the source data (one cell per data row), such as cluster labels. */
export interface BesideSource {
  readonly header: string;
  readonly values: readonly (number | null)[];
}

export interface Report {
  readonly title: string;
  /** Sentences an analyst can quote, most important first; warnings among them. */
  readonly reading: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ChartSpec[];
  /** Written in the column just right of the source range, asking before it overwrites. */
  readonly besideSource?: BesideSource;
}
