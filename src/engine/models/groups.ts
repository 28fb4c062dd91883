/**
 * Values split by group, as every group comparison needs them: rows whose value or group is
 * missing are left out and counted; groups in sorted order (numerically when every label is a
 * number, as NIST's treatment ids and R's factor levels of numbers), like R's `factor()` and
 * statsmodels' `np.unique`.
 */
import { EngineError } from "../errors";
import type { Column } from "../data/types";

export interface Group {
  readonly name: string;
  readonly values: Float64Array;
}

export interface GroupedValues {
  readonly valueName: string;
  readonly groupName: string;
  readonly groups: readonly Group[];
  readonly rowsUsed: number;
  /** Rows left out because the value or the group was blank or an error. */
  readonly rowsDropped: number;
}

/** Splits a numeric value column by the labels of a group column (numbers become labels). */
export function groupValues(value: Column, group: Column): GroupedValues {
  if (value.kind !== "numeric") {
    const example = value.values.find((label) => label !== null);
    throw new EngineError(
      "invalidValue",
      `The values column "${value.name}" must hold numbers; it holds text such as "${example}".`,
    );
  }
  if (value.values.length !== group.values.length) {
    throw new EngineError(
      "shapeMismatch",
      `"${value.name}" has ${value.values.length} rows and "${group.name}" ${group.values.length}; give both the same rows.`,
    );
  }
  const rows = groupRows(group);
  const groups: Group[] = [];
  let rowsDropped = rows.rowsWithoutGroup;
  for (const [name, indices] of rows.groups) {
    const values = indices.map((i) => value.values[i]).filter((x) => !Number.isNaN(x));
    rowsDropped += indices.length - values.length;
    if (values.length > 0) groups.push({ name, values: Float64Array.from(values) });
  }
  return {
    valueName: value.name,
    groupName: group.name,
    groups,
    rowsUsed: value.values.length - rowsDropped,
    rowsDropped,
  };
}

/** The rows of each group (groups in sorted order), and how many rows have no group. */
export function groupRows(group: Column): {
  groups: [string, number[]][];
  rowsWithoutGroup: number;
} {
  const byLabel = new Map<string, number[]>();
  let rowsWithoutGroup = 0;
  for (let i = 0; i < group.values.length; i++) {
    const label = labelAt(group, i);
    if (label === null) {
      rowsWithoutGroup++;
      continue;
    }
    let members = byLabel.get(label);
    if (members === undefined) byLabel.set(label, (members = []));
    members.push(i);
  }
  return {
    groups: sortLabels([...byLabel.keys()]).map((name) => [name, byLabel.get(name)!]),
    rowsWithoutGroup,
  };
}

function labelAt(group: Column, i: number): string | null {
  if (group.kind === "categorical") return group.values[i];
  const x = group.values[i];
  return Number.isNaN(x) ? null : String(x);
}

function sortLabels(labels: string[]): string[] {
  const numeric = labels.every((label) => label.trim() !== "" && Number.isFinite(Number(label)));
  return numeric
    ? labels.sort((a, b) => Number(a) - Number(b))
    : labels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** At least two groups, or a message naming what there is. */
export function requireGroups(grouped: GroupedValues, minimum = 2): void {
  if (grouped.groups.length < minimum) {
    const found =
      grouped.groups.length === 0
        ? "no rows with both a value and a group"
        : `only the group "${grouped.groups[0].name}"`;
    throw new EngineError(
      "tooFewRows",
      `Comparing groups needs at least ${minimum} groups in "${grouped.groupName}"; there is ${found}.`,
    );
  }
}
