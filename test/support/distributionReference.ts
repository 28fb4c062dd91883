/**
 * Loads test/fixtures/reference/distributions.json, the mpmath reference values of the
 * distribution kernels (written by scripts/reference/distributions_mpmath.py), and measures
 * errors against them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EngineError } from "../../src/engine/errors";

/** The smallest positive normal double: reference values below it are compared absolutely. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** Tables of the fixture, each a list of rows named by its columns. */
export type DistributionTable =
  | "logGamma"
  | "logBeta"
  | "xMinusLog1p"
  | "betaPowerTerm"
  | "gammaPowerTerm"
  | "regularizedBeta"
  | "regularizedGamma"
  | "normal"
  | "normalQuantile"
  | "studentT"
  | "studentTQuantile"
  | "fisherF"
  | "chiSquare";

interface RawTable {
  columns: string[];
  rows: number[][];
}

interface RawFixture {
  provenance: Record<string, string | number>;
  [table: string]: RawTable | Record<string, string | number>;
}

let fixture: RawFixture | undefined;

function load(): RawFixture {
  if (fixture === undefined) {
    const path = join(__dirname, "..", "fixtures", "reference", "distributions.json");
    fixture = JSON.parse(readFileSync(path, "utf8")) as RawFixture;
  }
  return fixture;
}

/** The provenance block of the fixture (script, mpmath version, precision). */
export function referenceProvenance(): Record<string, string | number> {
  return load().provenance;
}

/** The rows of one table as records keyed by column name. */
export function referenceRows(table: DistributionTable): Record<string, number>[] {
  const raw = load()[table] as RawTable | undefined;
  if (raw === undefined) throw new Error(`distributions.json has no table ${table}`);
  return raw.rows.map((row) => Object.fromEntries(raw.columns.map((name, i) => [name, row[i]])));
}

/**
 * The relative error |actual − expected| / |expected|; 0 when both are equal (including both 0
 * or both infinite), Infinity when expected is 0 and actual is not.
 */
export function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  if (expected === 0 || !Number.isFinite(expected)) return Infinity;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * The error of a probability that may lie below the normal range: relative where the reference
 * is a normal double, else in units of the normal range (so an underflowing value that is off
 * by a few subnormal ulps, or returns 0 for a true 1e-330, scores about 1e-16 or less).
 */
export function tailErr(actual: number, expected: number): number {
  if (expected >= MIN_NORMAL) return relErr(actual, expected);
  return Math.abs(actual - expected) / MIN_NORMAL;
}

/** The largest error over the rows, and the row where it occurs (for the failure message). */
export function worstOf<T>(
  rows: readonly T[],
  error: (row: T) => number,
): { error: number; row: T | undefined } {
  let worst = 0;
  let at: T | undefined;
  for (const row of rows) {
    const e = error(row);
    if (!(e <= worst)) {
      worst = e;
      at = row;
    }
  }
  return { error: worst, row: at };
}

/** Asserts that `run` throws an EngineError with code `invalidOption` and exactly `message`. */
export function expectInvalidOption(run: () => unknown, message: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect(caught).toMatchObject({ code: "invalidOption", message });
}
