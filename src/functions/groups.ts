/**
 * `=MMM.ANOVA(values, groups, [output], [headers])` and
 * `=MMM.TUKEY(values, groups, [alpha], [method], [headers])`: Excel's ranges -> the engine's group
 * comparisons -> a table that spills, or a `CustomFunctions.Error` (#VALUE!) with a message.
 */
import {
  anovaOutputTable,
  pairwiseTable,
  parseAnovaOutput,
  parsePairwiseMethod,
  runAnova,
  runPairwise,
} from "../engine/analyses/groups";
import { detectHeader, readDataset } from "../engine/data/dataset";
import type { Column } from "../engine/data/types";
import { EngineError } from "../engine/errors";
import { asGrid, optionalBoolean, optionalNumber, optionalString, toSpill } from "./arguments";
import { toExcelError } from "./excelError";

export function runAnovaFunction(
  valuesArgument: unknown,
  groupsArgument: unknown,
  outputArgument: unknown,
  headersArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const output = parseAnovaOutput(optionalString(outputArgument, "output"));
    const [value, group] = valueAndGroup(valuesArgument, groupsArgument, headersArgument);
    return toSpill(anovaOutputTable(runAnova(value, group), output));
  } catch (error) {
    throw toExcelError(error, "MMM.ANOVA");
  }
}

export function runTukeyFunction(
  valuesArgument: unknown,
  groupsArgument: unknown,
  alphaArgument: unknown,
  methodArgument: unknown,
  headersArgument: unknown,
): (string | number | boolean)[][] {
  try {
    const alpha = optionalNumber(alphaArgument, "alpha") ?? 0.05;
    const method = parsePairwiseMethod(optionalString(methodArgument, "method") ?? undefined);
    const [value, group] = valueAndGroup(valuesArgument, groupsArgument, headersArgument);
    return toSpill(pairwiseTable(runPairwise(value, group, { alpha, method })));
  } catch (error) {
    throw toExcelError(error, "MMM.TUKEY");
  }
}

/** The values and groups ranges as two columns of the same rows, header row detected or given. */
function valueAndGroup(
  valuesArgument: unknown,
  groupsArgument: unknown,
  headersArgument: unknown,
): [Column, Column] {
  const values = asGrid(valuesArgument, "values");
  const groups = asGrid(groupsArgument, "groups");
  for (const [grid, name] of [
    [values, "values"],
    [groups, "groups"],
  ] as const) {
    if (grid[0].length !== 1) {
      throw new EngineError(
        "shapeMismatch",
        `${name} must be a single column; it has ${grid[0].length} columns.`,
      );
    }
  }
  if (values.length !== groups.length) {
    throw new EngineError(
      "shapeMismatch",
      `values and groups must have the same number of rows; values has ${values.length}, groups ${groups.length}.`,
    );
  }
  const headers =
    optionalBoolean(headersArgument, "headers") ??
    detectHeader(values.map((row, i) => [row[0], groups[i][0]]));
  const value = readDataset(values, { headers, label: "values", defaultNames: () => "Value" });
  const group = readDataset(groups, { headers, label: "groups", defaultNames: () => "Group" });
  return [value.columns[0], group.columns[0]];
}
