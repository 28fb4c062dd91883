/**
 * How a cell's value reads in the grid: Excel's General format, or the number formats the task
 * pane writes ("0", "0.0000", "0.00%", "0.00E+00"); other codes fall back to General.
 */
import type { DisplayedCell } from "../workbook/workbook";

export function formatValue(cell: DisplayedCell, numberFormat = ""): string {
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  return applyFormat(value, numberFormat) ?? general(value);
}

function general(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e11)) return exponential(value, 4);
  return String(Number(value.toPrecision(10)));
}

/** The value under a fixed, percent or scientific code; null for a code not handled here. */
function applyFormat(value: number, code: string): string | null {
  const match = /^0(?:\.(0+))?(%|E\+00)?$/.exec(code);
  if (match === null) return null;
  const decimals = match[1]?.length ?? 0;
  if (match[2] === "%") return `${(value * 100).toFixed(decimals)}%`;
  if (match[2] === "E+00") return exponential(value, decimals);
  return value.toFixed(decimals);
}

/** 1.63E-288, 1.2346E+11: Excel writes the exponent's sign and at least two digits. */
function exponential(value: number, decimals: number): string {
  const [mantissa, exponent] = value.toExponential(decimals).split("e");
  const sign = exponent.startsWith("-") ? "-" : "+";
  return `${mantissa}E${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
}
