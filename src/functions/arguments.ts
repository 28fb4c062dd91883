/**
 * Reading the arguments Excel hands a custom function: omitted optional arguments arrive as
 * null (TypeScript defaults do not apply), ranges as 2-D arrays, single cells possibly as
 * scalars in the preview.
 */
import { EngineError } from "../engine/errors";
import type { Cell } from "../engine/data/types";

export function optionalString(value: unknown, name: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  throw new EngineError("invalidOption", `${name} must be text; got ${JSON.stringify(value)}.`);
}

export function optionalBoolean(value: unknown, name: string): boolean | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === "true";
  }
  throw new EngineError(
    "invalidOption",
    `${name} must be TRUE or FALSE; got ${JSON.stringify(value)}.`,
  );
}

/** A range argument as a 2-D array (a lone scalar becomes a 1 x 1 grid). */
export function asGrid(value: unknown, name: string): unknown[][] {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new EngineError("tooFewRows", `${name} is empty.`);
    return value.map((row) => (Array.isArray(row) ? row : [row]));
  }
  if (value === null || value === undefined)
    throw new EngineError("invalidValue", `${name} is required.`);
  return [[value]];
}

/**
 * A result table as Excel spills it: rectangular, blanks as "" (null would show as 0), NaN as
 * "" and infinities as text, since Excel cannot hold them as numbers.
 */
export function toSpill(table: readonly (readonly Cell[])[]): (string | number | boolean)[][] {
  const width = table.reduce((widest, row) => Math.max(widest, row.length), 1);
  return table.map((row) => {
    const out: (string | number | boolean)[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const cell = j < row.length ? row[j] : null;
      if (cell === null || (typeof cell === "number" && Number.isNaN(cell))) out[j] = "";
      else if (cell === Number.POSITIVE_INFINITY) out[j] = "inf";
      else if (cell === Number.NEGATIVE_INFINITY) out[j] = "-inf";
      else out[j] = cell;
    }
    return out;
  });
}

export function optionalNumber(value: unknown, name: string): number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new EngineError("invalidOption", `${name} must be a number; got ${JSON.stringify(value)}.`);
}
