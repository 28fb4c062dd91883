/** The task pane's "Describe": statistics of numeric columns, optionally by a group column. */
import { readable } from "./readingText";
import type { Cell } from "../data/types";
import type { ChartSpec } from "./chartSpec";
import { describeTable, runDescribe, type DescribeResult } from "./describe";
import type { AnalysisEntry, AnalysisInput, LiveSheet, LiveSource } from "./registry";
import type { Report } from "./report";
import { sourceColumns } from "./liveRanges";

export const describeEntry = {
  id: "describe",
  title: "Describe",
  sheetName: "Describe",
  roles: [
    { id: "columns", label: "Columns", accepts: "numeric", multiple: true },
    { id: "by", label: "By (optional)", accepts: "any", multiple: false, optional: true },
  ],
  options: [],
  validate(input: AnalysisInput): string[] {
    const columns = input.roles.columns ?? [];
    const by = input.roles.by?.[0];
    const messages: string[] = [];
    if (columns.length === 0) messages.push("Choose at least one column to describe.");
    const text = columns.filter((column) => column.kind !== "numeric").map((c) => `"${c.name}"`);
    if (text.length > 0)
      messages.push(
        `${text.join(", ")} ${text.length === 1 ? "holds" : "hold"} text; describe numeric columns (a text column can be the By column).`,
      );
    if (by !== undefined && columns.some((column) => column.name === by.name))
      messages.push(`"${by.name}" is the By column; it cannot also be described.`);
    return messages;
  },
  run(input: AnalysisInput): Report {
    return describeReport(runDescribe(input.roles.columns, input.roles.by?.[0] ?? null));
  },
  liveFormulas(input: AnalysisInput, source: LiveSource): LiveSheet | string {
    const columns = sourceColumns(source);
    if (typeof columns === "string") return columns;
    const names = input.roles.columns.map((column) => column.name);
    const block = columns.block(names);
    if (block === null)
      return "Live formulas need the described columns side by side and ticked in their order in the data.";
    const by = input.roles.by?.[0];
    return {
      title: `Describe (live formulas): ${names.join(", ")}${by ? ` by ${by.name}` : ""}`,
      formulas: [
        {
          cell: "A3",
          formula: `=MMM.DESCRIBE(${block}${by ? `, ${columns.column(by.name)}` : ""})`,
        },
      ],
    };
  },
} satisfies AnalysisEntry;

export function describeReport(result: DescribeResult): Report {
  const columns = [...new Set(result.rows.map((row) => row.column))];
  const by = result.byName === null ? "" : ` by ${result.byName}`;
  return {
    title: `Describe: ${columns.join(", ")}${by}`,
    reading: describeReading(result),
    tables: [
      {
        title: "Statistics",
        rows: describeTable(result),
        formats: ["", ...(result.byName === null ? [] : [""]), "0", "0", ...Array(9).fill("0.000")],
      },
    ],
    charts: result.byName === null ? [] : [meansChart(result, columns[0])],
  };
}

function describeReading(result: DescribeResult): string[] {
  const lines = result.rows.map((row) => {
    const s = row.summary;
    const who = row.group === null ? row.column : `${row.column} (${result.byName} = ${row.group})`;
    if (s.count === 0) return `${who}: no values.`;
    const missing = s.missing === 0 ? "none missing" : `${s.missing} missing`;
    return `${who}: mean ${readable(s.mean)}${Number.isFinite(s.sd) ? ` (SD ${readable(s.sd)})` : ""}, median ${readable(s.median)}, from ${readable(s.min)} to ${readable(s.max)}; ${s.count} values, ${missing}.`;
  });
  if (result.skipped.length > 0)
    lines.push(`Text columns not summarised: ${result.skipped.join(", ")}.`);
  return lines;
}

function meansChart(result: DescribeResult, column: string): ChartSpec {
  const rows = result.rows.filter((row) => row.column === column);
  return {
    kind: "column",
    title: `Mean ${column} by ${result.byName}`,
    xAxisTitle: result.byName ?? "",
    yAxisTitle: column,
    data: [[result.byName, "Mean"], ...rows.map((row): Cell[] => [row.group, row.summary.mean])],
    series: [{ column: 1, style: "markers" }],
  };
}
