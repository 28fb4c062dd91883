/**
 * Descriptive statistics from columns to a table: one row per numeric column (per group when a
 * by-column is given), the statistics of `summarizeColumn` across. Text columns are not
 * summarised; a note row names them.
 */
import type { Cell, Column, NumericColumn } from "../data/types";
import { EngineError } from "../errors";
import { summarizeColumn, type ColumnSummary } from "../models/describe";
import { groupRows } from "../models/groups";

export const DESCRIBE_HEADER = [
  "Count",
  "Missing",
  "Mean",
  "SD",
  "Min",
  "Q1",
  "Median",
  "Q3",
  "Max",
  "Skew",
  "Kurtosis",
];

export interface DescribeRow {
  readonly column: string;
  /** The group of the by-column, or null without one. */
  readonly group: string | null;
  readonly summary: ColumnSummary;
}

export interface DescribeResult {
  readonly rows: readonly DescribeRow[];
  readonly byName: string | null;
  /** Text columns that were left out. */
  readonly skipped: readonly string[];
  /** Rows left out because the by-column was blank. */
  readonly rowsWithoutGroup: number;
}

export function runDescribe(columns: readonly Column[], by: Column | null = null): DescribeResult {
  const numeric = columns.filter(
    (column): column is NumericColumn => column.kind === "numeric" && column.name !== by?.name,
  );
  const skipped = columns
    .filter((column) => column.kind !== "numeric" && column.name !== by?.name)
    .map((column) => column.name);
  if (numeric.length === 0) {
    throw new EngineError(
      "invalidValue",
      `Describe summarises numeric columns, and ${skipped.length === 1 ? `"${skipped[0]}" holds` : "these hold"} text; choose columns of numbers${by === null ? " (a text column can be the by-column)" : ""}.`,
    );
  }
  if (by === null) {
    return {
      rows: numeric.map((column) => ({
        column: column.name,
        group: null,
        summary: summarizeColumn(column.values),
      })),
      byName: null,
      skipped,
      rowsWithoutGroup: 0,
    };
  }
  const grouping = groupRows(by);
  const rows: DescribeRow[] = [];
  for (const column of numeric) {
    for (const [group, indices] of grouping.groups) {
      const values = Float64Array.from(indices, (i) => column.values[i]);
      rows.push({ column: column.name, group, summary: summarizeColumn(values) });
    }
  }
  return { rows, byName: by.name, skipped, rowsWithoutGroup: grouping.rowsWithoutGroup };
}

export function describeTable(result: DescribeResult): Cell[][] {
  const header: Cell[] = [
    "Column",
    ...(result.byName === null ? [] : [result.byName]),
    ...DESCRIBE_HEADER,
  ];
  const body = result.rows.map((row): Cell[] => {
    const s = row.summary;
    return [
      row.column,
      ...(result.byName === null ? [] : [row.group]),
      ...[
        s.count,
        s.missing,
        s.mean,
        s.sd,
        s.min,
        s.q1,
        s.median,
        s.q3,
        s.max,
        s.skew,
        s.kurtosis,
      ].map(finite),
    ];
  });
  const notes: Cell[][] = [];
  if (result.skipped.length > 0)
    notes.push([`Text columns not summarised: ${result.skipped.join(", ")}.`]);
  if (result.rowsWithoutGroup > 0)
    notes.push([`${result.rowsWithoutGroup} rows with a blank ${result.byName} are left out.`]);
  return [header, ...body, ...notes];
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
