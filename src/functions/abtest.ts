/**
 * `=MMM.ABTEST(a, b, [test], [alpha], [headers])` and
 * `=MMM.SAMPLESIZE(baseline, effect, [alpha], [power], [kind])`.
 */
import {
  abTestTable,
  parseAbTest,
  runAbTest,
  sampleSize,
  sampleSizeTable,
  type SampleSizeKind,
} from "../engine/analyses/abtest";
import { detectHeader, readDataset } from "../engine/data/dataset";
import { EngineError } from "../engine/errors";
import { asGrid, optionalBoolean, optionalNumber, optionalString, toSpill } from "./arguments";
import { toExcelError } from "./excelError";

export function runAbTestFunction(
  aArgument: unknown,
  bArgument: unknown,
  testArgument: unknown,
  alphaArgument: unknown,
  headersArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const test = parseAbTest(optionalString(testArgument, "test"));
    const alpha = optionalNumber(alphaArgument, "alpha") ?? 0.05;
    // Arms may be rows or columns: a single row becomes a column.
    const a = asColumn(asGrid(aArgument, "a"), "a");
    const b = asColumn(asGrid(bArgument, "b"), "b");
    const headers =
      optionalBoolean(headersArgument, "headers") ??
      (a.length === b.length
        ? detectHeader(a.map((row, i) => [row[0], b[i][0]]))
        : detectHeader(a) || detectHeader(b));
    const armA = readDataset(a, { headers, label: "a", defaultNames: () => "A" }).columns[0];
    const armB = readDataset(b, { headers, label: "b", defaultNames: () => "B" }).columns[0];
    return toSpill(abTestTable(runAbTest(armA, armB, test, alpha, true)));
  } catch (error) {
    throw toExcelError(error, "MMM.ABTEST");
  }
}

function asColumn(grid: unknown[][], name: string): unknown[][] {
  if (grid[0].length === 1) return grid;
  if (grid.length === 1) return grid[0].map((cell) => [cell]);
  throw new EngineError(
    "shapeMismatch",
    `${name} must be one column (or one row); it is ${grid.length} × ${grid[0].length}.`,
  );
}

export function runSampleSizeFunction(
  baselineArgument: unknown,
  effectArgument: unknown,
  alphaArgument: unknown,
  powerArgument: unknown,
  kindArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const baseline = optionalNumber(baselineArgument, "baseline");
    const effect = optionalNumber(effectArgument, "effect");
    if (baseline === null || effect === null) {
      throw new EngineError("invalidValue", "baseline and effect are required numbers.");
    }
    const kind = (optionalString(kindArgument, "kind") ?? "proportion").trim().toLowerCase();
    if (kind !== "proportion" && kind !== "mean") {
      throw new EngineError(
        "invalidOption",
        `kind must be "proportion" or "mean"; it is "${kind}".`,
      );
    }
    const size = sampleSize(
      baseline,
      effect,
      optionalNumber(alphaArgument, "alpha") ?? 0.05,
      optionalNumber(powerArgument, "power") ?? 0.8,
      kind as SampleSizeKind,
    );
    return toSpill(sampleSizeTable(size));
  } catch (error) {
    throw toExcelError(error, "MMM.SAMPLESIZE");
  }
}
