/**
 * A p-value as a table cell. Upper tails are computed directly, so p keeps its digits down to
 * 1e-300 (Sales by TV: 1.4e-253); below that a double cannot hold it faithfully, and the cell
 * says "< 1e-300" rather than showing 0, which would read as impossible.
 */
import type { Cell } from "../data/types";

export const P_FLOOR = 1e-300;

export function pCell(p: number): Cell {
  if (Number.isNaN(p)) return null;
  return p < P_FLOOR ? "< 1e-300" : p;
}
