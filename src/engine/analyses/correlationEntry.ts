/** The task pane's "Correlation": Pearson or Spearman matrices, the r matrix as a heatmap. */
import type { CorrelationMethod } from "../models/correlation";
import { correlationTable, runCorrelation, type CorrelationResult } from "./correlation";
import { sourceColumns } from "./liveRanges";
import type { AnalysisEntry, AnalysisInput, LiveSheet, LiveSource } from "./registry";
import type { Report } from "./report";

export const correlationEntry = {
  id: "corr",
  title: "Correlation",
  sheetName: "Correlation",
  roles: [{ id: "columns", label: "Columns", accepts: "numeric", multiple: true }],
  options: [
    {
      id: "method",
      label: "Method",
      kind: "choice",
      default: "pearson",
      choices: [
        { value: "pearson", label: "Pearson (linear)" },
        { value: "spearman", label: "Spearman (rank)" },
      ],
    },
  ],
  validate(input: AnalysisInput): string[] {
    const columns = input.roles.columns ?? [];
    const messages: string[] = [];
    if (columns.length < 2) messages.push("Choose at least two columns.");
    const text = columns.filter((column) => column.kind !== "numeric").map((c) => `"${c.name}"`);
    if (text.length > 0)
      messages.push(
        `${text.join(", ")} ${text.length === 1 ? "holds" : "hold"} text; correlations need numbers.`,
      );
    return messages;
  },
  run(input: AnalysisInput): Report {
    const method = (input.options.method as CorrelationMethod | undefined) ?? "pearson";
    return correlationReport(runCorrelation(input.roles.columns, method));
  },
  liveFormulas(input: AnalysisInput, source: LiveSource): LiveSheet | string {
    const columns = sourceColumns(source);
    if (typeof columns === "string") return columns;
    const names = input.roles.columns.map((column) => column.name);
    const block = columns.block(names);
    if (block === null)
      return "Live formulas need the columns side by side and ticked in their order in the data.";
    const method = input.options.method === "spearman" ? '"spearman"' : '"pearson"';
    return {
      title: `Correlation (live formulas): ${names.join(", ")}`,
      formulas: [
        { cell: "A3", formula: `=MMM.CORR(${block}, ${method})` },
        { cell: "A" + (names.length + 6), formula: `=MMM.CORR(${block}, ${method}, "p")` },
      ],
    };
  },
} satisfies AnalysisEntry;

export function correlationReport(result: CorrelationResult): Report {
  const name = result.method === "pearson" ? "Pearson r" : "Spearman rho";
  const width = result.names.length;
  return {
    title: `Correlation (${name}): ${result.names.join(", ")}`,
    reading: strongestPairs(result),
    tables: [
      {
        title: `${name} (red -1, white 0, blue +1)`,
        rows: correlationTable(result, "matrix"),
        formats: ["", ...Array(width).fill("0.000")],
        heatmap: { minimum: -1, maximum: 1 },
      },
      {
        title: "p-values (two-sided)",
        rows: correlationTable(result, "p"),
        formats: ["", ...Array(width).fill("0.0000")],
      },
      {
        title: "Rows used per pair",
        rows: correlationTable(result, "n"),
        formats: ["", ...Array(width).fill("0")],
      },
    ],
    charts: [],
  };
}

/** The pairs in order of |r|, strongest first (at most ten), in plain language. */
function strongestPairs(result: CorrelationResult): string[] {
  const pairs: { a: string; b: string; r: number; p: number; n: number }[] = [];
  result.names.forEach((a, i) =>
    result.names.forEach((b, j) => {
      if (j > i) pairs.push({ a, b, ...result.pairs[i][j] });
    }),
  );
  const symbol = result.method === "pearson" ? "r" : "rho";
  return pairs
    .filter((pair) => Number.isFinite(pair.r))
    .sort((x, y) => Math.abs(y.r) - Math.abs(x.r))
    .slice(0, 10)
    .map((pair) => {
      const strength =
        Math.abs(pair.r) >= 0.7 ? "strong" : Math.abs(pair.r) >= 0.4 ? "moderate" : "weak";
      const direction = pair.r >= 0 ? "positive" : "negative";
      const p = !Number.isFinite(pair.p)
        ? "p undefined"
        : pair.p < 0.001
          ? "p < 0.001"
          : `p = ${pair.p.toFixed(3)}`;
      return `${pair.a} and ${pair.b}: ${strength} ${direction}, ${symbol} = ${pair.r.toFixed(3)} (${p}, ${pair.n} rows).`;
    });
}
