/**
 * Correlation matrices from columns to tables: r (or rho), p-values and pairwise n as square
 * matrices with the column names along both edges, or one row per pair.
 */
import type { Cell, Column, NumericColumn } from "../data/types";
import { EngineError } from "../errors";
import { pCell } from "./pCell";
import { correlate, type CorrelationMethod, type PairCorrelation } from "../models/correlation";

export const CORRELATION_OUTPUTS = ["matrix", "p", "n", "pairs"] as const;
export type CorrelationOutput = (typeof CORRELATION_OUTPUTS)[number];

export interface CorrelationResult {
  readonly method: CorrelationMethod;
  readonly names: readonly string[];
  /** pairs[i][j] for every i, j (the diagonal: r = 1, no p, the column's own n). */
  readonly pairs: readonly (readonly PairCorrelation[])[];
}

export function runCorrelation(
  columns: readonly Column[],
  method: CorrelationMethod,
): CorrelationResult {
  const text = columns.find((column) => column.kind !== "numeric");
  if (text !== undefined) {
    throw new EngineError(
      "invalidValue",
      `Correlations need numeric columns; "${text.name}" holds text.`,
    );
  }
  const numeric = columns as readonly NumericColumn[];
  if (numeric.length < 2) {
    throw new EngineError(
      "tooFewRows",
      `Correlations need at least two columns; there is ${numeric.length}.`,
    );
  }
  const pairs = numeric.map((a, i) =>
    numeric.map((b, j) => {
      if (i !== j) return correlate(a.values, b.values, method);
      const n = a.values.filter((x) => !Number.isNaN(x)).length;
      return { n, r: 1, p: NaN };
    }),
  );
  return { method, names: numeric.map((column) => column.name), pairs };
}

export function parseCorrelationMethod(text: string | null | undefined): CorrelationMethod {
  const method = (text ?? "pearson").trim().toLowerCase();
  if (method === "pearson" || method === "spearman") return method;
  throw new EngineError(
    "invalidOption",
    `The method must be "pearson" or "spearman"; it is "${text}".`,
  );
}

export function parseCorrelationOutput(text: string | null | undefined): CorrelationOutput {
  const output = (text ?? "matrix").trim().toLowerCase();
  if ((CORRELATION_OUTPUTS as readonly string[]).includes(output))
    return output as CorrelationOutput;
  throw new EngineError(
    "invalidOption",
    `output must be one of ${CORRELATION_OUTPUTS.map((o) => `"${o}"`).join(", ")}; it is "${text}".`,
  );
}

export function correlationTable(result: CorrelationResult, output: CorrelationOutput): Cell[][] {
  if (output === "pairs") {
    const rows: Cell[][] = [
      ["Column 1", "Column 2", "n", result.method === "pearson" ? "r" : "rho", "p"],
    ];
    result.names.forEach((a, i) =>
      result.names.forEach((b, j) => {
        if (j <= i) return;
        const pair = result.pairs[i][j];
        rows.push([a, b, pair.n, finite(pair.r), pCell(pair.p)]);
      }),
    );
    return rows;
  }
  const pick = (pair: PairCorrelation) =>
    output === "p" ? pCell(pair.p) : finite(output === "matrix" ? pair.r : pair.n);
  return [
    [output === "matrix" ? (result.method === "pearson" ? "r" : "rho") : output, ...result.names],
    ...result.names.map((name, i): Cell[] => [name, ...result.pairs[i].map(pick)]),
  ];
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
