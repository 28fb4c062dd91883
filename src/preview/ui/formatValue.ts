/** How a cell's value reads in the grid, close to Excel's General format. */
import type { DisplayedCell } from "../workbook/workbook";

export function formatValue(cell: DisplayedCell): string {
  const { value } = cell;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e11))
    return value.toExponential(4).replace("e+", "E+").replace("e-", "E-");
  return String(Number(value.toPrecision(10)));
}
