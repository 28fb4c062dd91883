/**
 * A spend plan from a table: a header naming model inputs, one scenario a row. Every input needs
 * a column; every value a number of 0 or more. Optional columns give each row's uncertainty about
 * an input's spend: `<input> sd` (a normal around the planned spend, redrawn below zero) or
 * `<input> min` and `<input> max` (a triangular distribution peaking at the planned spend). An
 * optional text column `Scenario` names the rows. Any other column is refused.
 */
import type { Column, Dataset } from "../data/types";
import { EngineError } from "../errors";

/** How uncertain one input's spend is in one scenario. */
export type Spread =
  | { readonly kind: "sd"; readonly sd: number }
  | { readonly kind: "range"; readonly min: number; readonly max: number };

export interface PlanRow {
  readonly name: string;
  /** Planned spend, one value per model input, in the model's order. */
  readonly spend: Float64Array;
  /** Per input: its spread, or null where the spend is certain (unless a plan-wide CV applies). */
  readonly spreads: readonly (Spread | null)[];
}

const SUFFIXES = ["sd", "min", "max"] as const;
type Suffix = (typeof SUFFIXES)[number];

export function readPlan(plan: Dataset, inputs: readonly string[]): PlanRow[] {
  if (plan.rowCount === 0) throw new EngineError("invalidOption", "The plan has no rows.");
  const byName = new Map(plan.columns.map((column) => [column.name, column]));
  const nameColumn = plan.columns.find((column) => column.name.toLowerCase() === "scenario");
  for (const column of plan.columns) {
    if (column === nameColumn || inputs.includes(column.name)) continue;
    const { input } = splitSuffix(column.name, inputs);
    if (input === null) {
      throw new EngineError(
        "invalidOption",
        `The plan's column "${column.name}" is not one of the model's inputs (${inputs.join(", ")}), nor an input's "sd", "min" or "max", nor "Scenario".`,
      );
    }
  }
  const missing = inputs.find((input) => !byName.has(input));
  if (missing !== undefined) {
    throw new EngineError("invalidOption", `The plan has no column "${missing}".`);
  }
  const extra = (input: string, suffix: Suffix) =>
    plan.columns.find((column) => {
      const split = splitSuffix(column.name, inputs);
      return split.input === input && split.suffix === suffix;
    });
  return Array.from({ length: plan.rowCount }, (_, row) => {
    const value = (column: Column, what: string) => numberAt(column, row, what);
    const spend = Float64Array.from(inputs, (input) => {
      const planned = value(byName.get(input)!, "spend");
      if (planned < 0) {
        throw new EngineError(
          "invalidValue",
          `Plan row ${row + 1} spends ${planned} on "${input}"; spend cannot be negative.`,
        );
      }
      return planned;
    });
    const spreads = inputs.map((input, j) =>
      readSpread(
        row,
        input,
        spend[j],
        extra(input, "sd"),
        extra(input, "min"),
        extra(input, "max"),
      ),
    );
    const label = nameColumn?.kind === "categorical" ? nameColumn.values[row] : null;
    const named = nameColumn?.kind === "numeric" ? nameColumn.values[row] : NaN;
    const name = label ?? (Number.isNaN(named) ? `Plan ${row + 1}` : String(named));
    return { name, spend, spreads };
  });
}

function readSpread(
  row: number,
  input: string,
  planned: number,
  sdColumn: Column | undefined,
  minColumn: Column | undefined,
  maxColumn: Column | undefined,
): Spread | null {
  const blank = (column: Column | undefined) =>
    column === undefined ||
    (column.kind === "numeric" ? Number.isNaN(column.values[row]) : column.values[row] === null);
  const at = `Plan row ${row + 1}`;
  if (!blank(sdColumn) && (!blank(minColumn) || !blank(maxColumn))) {
    throw new EngineError(
      "invalidValue",
      `${at} gives "${input}" both an SD and a min/max; give one or the other.`,
    );
  }
  if (!blank(sdColumn)) {
    const sd = numberAt(sdColumn!, row, "SD");
    if (sd < 0) {
      throw new EngineError(
        "invalidValue",
        `${at}: the SD of "${input}" is ${sd}; it cannot be negative.`,
      );
    }
    return sd === 0 ? null : { kind: "sd", sd };
  }
  if (blank(minColumn) && blank(maxColumn)) return null;
  if (blank(minColumn) || blank(maxColumn)) {
    throw new EngineError(
      "invalidValue",
      `${at} gives "${input}" a min or a max alone; give both.`,
    );
  }
  const min = numberAt(minColumn!, row, "min");
  const max = numberAt(maxColumn!, row, "max");
  if (!(0 <= min && min <= planned && planned <= max)) {
    throw new EngineError(
      "invalidValue",
      `${at}: "${input}" needs 0 ≤ min ≤ planned spend ≤ max; it has min ${min}, spend ${planned}, max ${max}.`,
    );
  }
  return min === max ? null : { kind: "range", min, max };
}

function numberAt(column: Column, row: number, what: string): number {
  if (column.kind !== "numeric") {
    throw new EngineError(
      "invalidValue",
      `The plan's "${column.name}" holds text; ${what} must be numbers.`,
    );
  }
  const value = column.values[row];
  if (Number.isNaN(value)) {
    throw new EngineError("invalidValue", `Plan row ${row + 1} has no value for "${column.name}".`);
  }
  return value;
}

/** `TikTok sd` → { input: "TikTok", suffix: "sd" } when TikTok is an input (case of the suffix ignored). */
function splitSuffix(
  name: string,
  inputs: readonly string[],
): { input: string | null; suffix: Suffix | null } {
  for (const suffix of SUFFIXES) {
    const tail = ` ${suffix}`;
    if (name.toLowerCase().endsWith(tail)) {
      const input = name.slice(0, -tail.length).trimEnd();
      if (inputs.includes(input)) return { input, suffix };
    }
  }
  return { input: null, suffix: null };
}

/** A scenario whose spend is certain. */
export function fixedPlan(spend: Float64Array, name: string): PlanRow {
  return { name, spend, spreads: Array.from(spend, () => null) };
}

/**
 * Plan rows typed as text (the task pane): one scenario a line, spends separated by commas or
 * semicolons in the order of the inputs, optionally named first (`Summer push: 20000, 10000`).
 * Blank text: one scenario at `fallback` (the historical average spend).
 */
export function parsePlanText(
  text: string,
  inputs: readonly string[],
  fallback: { readonly name: string; readonly spend: Float64Array },
): PlanRow[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 0) return [fixedPlan(fallback.spend, fallback.name)];
  return lines.map((line, row) => {
    const colon = line.lastIndexOf(":");
    const name = colon >= 0 ? line.slice(0, colon).trim() : `Plan ${row + 1}`;
    const fields = line
      .slice(colon + 1)
      .split(/[,;\t]/)
      .map((field) => field.trim());
    if (fields.length !== inputs.length) {
      throw new EngineError(
        "invalidOption",
        `Plan line ${row + 1} has ${fields.length} values; give one per channel (${inputs.join(", ")}).`,
      );
    }
    const spend = Float64Array.from(fields, (field, j) => {
      const value = field === "" ? NaN : Number(field);
      if (!Number.isFinite(value)) {
        throw new EngineError(
          "invalidValue",
          `Plan line ${row + 1}: "${field}" for "${inputs[j]}" is not a number.`,
        );
      }
      if (value < 0) {
        throw new EngineError(
          "invalidValue",
          `Plan line ${row + 1} spends ${value} on "${inputs[j]}"; spend cannot be negative.`,
        );
      }
      return value;
    });
    return fixedPlan(spend, name || `Plan ${row + 1}`);
  });
}
