/**
 * A chart as an analysis asks for it, independent of where it is drawn: native Excel charts
 * (src/host), the preview's charts, or none in the CLI. The data travel with the spec as a table
 * (a header row of series names, then one row per point); every series plots one of its columns
 * against column 0. Hosts write that table onto the results sheet and chart its ranges, so the
 * numbers behind every chart stay visible and editable, as an analyst expects in Excel.
 */
import type { Cell } from "../data/types";

export type ChartKind = "scatter" | "line" | "column";

export interface ChartSeriesSpec {
  /** Index of the data column (1 or more) that holds the series' y values; its header names it. */
  readonly column: number;
  /** Markers only (a scatter of points), a line (a fitted or reference line), or a dashed line (an interval bound). */
  readonly style: "markers" | "line" | "dashed";
}

export interface ChartSpec {
  readonly kind: ChartKind;
  readonly title: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  /** Header row (x name, then series names) and data rows; column 0 holds x (numbers or category labels). */
  readonly data: readonly (readonly Cell[])[];
  readonly series: readonly ChartSeriesSpec[];
}

/** The series of an estimate with its interval: column 1 as markers, columns 2 and 3 dashed. */
export const INTERVAL_SERIES: readonly ChartSeriesSpec[] = [
  { column: 1, style: "markers" },
  { column: 2, style: "dashed" },
  { column: 3, style: "dashed" },
];
