/**
 * One-way ANOVA, Welch, Levene, Brown-Forsythe, Tukey HSD (Tukey-Kramer) and Games-Howell
 * against R 4.2 (scripts/reference/groups_r.R; Games-Howell there is computed from R's ptukey
 * and qtukey by the published formula). Bars: differences and interval bounds to 1e-9 relative;
 * adjusted p to 1e-6 absolute (R's ptukey bottoms out near 4.9e-10, so tiny p compare as "both
 * below 1e-6"); ANOVA sums, F and p to 1e-10 relative.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { groupValues } from "../../../src/engine/models/groups";
import { pairwiseComparisons, type PairComparison } from "../../../src/engine/models/pairwise";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

interface RComparison {
  group1: string;
  group2: string;
  meanDiff: number;
  ciLow: number;
  ciHigh: number;
  pAdj: number;
}
interface RTest {
  f: number;
  df1: number;
  df2: number;
  p: number;
}
interface RCase {
  case: string;
  dataFile: string;
  value: string;
  group: string;
  rowsUsed: number;
  rowsDropped: number;
  groups: { name: string; n: number; mean: number; sd: number | null }[];
  anova: Record<
    "dfBetween" | "dfWithin" | "ssBetween" | "ssWithin" | "msBetween" | "msWithin" | "f" | "p",
    number
  >;
  welch: RTest;
  levene: RTest;
  brownForsythe: RTest;
  tukey: { comparisons: RComparison[] };
  gamesHowell: { comparisons: RComparison[] } | null;
}

const CASES = [
  "sales_by_tv",
  "sales_by_influencer",
  "amount_by_client_type",
  "chickwts",
  "warpbreaks_tension",
  "insectsprays",
  "airquality_ozone",
];
const worst = { relative: 0, pAbsolute: 0 };
afterAll(() =>
  console.log(
    `Largest differences from R: ${worst.relative.toExponential(2)} relative (means, sums, F, p, differences, bounds), ${worst.pAbsolute.toExponential(2)} absolute (adjusted p)`,
  ),
);

function read(name: string): RCase {
  return JSON.parse(readFileSync(join(FIXTURES, "reference", "groups", `${name}.r.json`), "utf8"));
}

function groupedFor(reference: RCase) {
  const file = reference.dataFile.replace(/^test\/fixtures\//, "");
  const dataset = readCsvDataset(readFileSync(join(FIXTURES, file), "utf8"), { label: file });
  const [value, group] = selectColumns(dataset, [reference.value, reference.group], file);
  return groupValues(value, group);
}

function close(actual: number, expected: number, tolerance: number): boolean {
  const error = relativeError(actual, expected);
  worst.relative = Math.max(worst.relative, error);
  return error <= tolerance;
}

function sameP(actual: number, expected: number): boolean {
  if (actual < 1e-6 && expected < 1e-6) return true;
  worst.pAbsolute = Math.max(worst.pAbsolute, Math.abs(actual - expected));
  return Math.abs(actual - expected) <= 1e-6;
}

function comparePairs(ours: readonly PairComparison[], theirs: readonly RComparison[]) {
  expect(ours.map((pair) => [pair.group1, pair.group2])).toEqual(
    theirs.map((pair) => [pair.group1, pair.group2]),
  );
  ours.forEach((pair, i) => {
    const r = theirs[i];
    const label = `${pair.group1} vs ${pair.group2}`;
    expect([label, close(pair.meanDiff, r.meanDiff, 1e-9)]).toEqual([label, true]);
    expect([label, close(pair.ciLow, r.ciLow, 1e-9)]).toEqual([label, true]);
    expect([label, close(pair.ciHigh, r.ciHigh, 1e-9)]).toEqual([label, true]);
    expect([label, pair.pAdj, sameP(pair.pAdj, r.pAdj)]).toEqual([label, pair.pAdj, true]);
  });
}

describe.each(CASES)("group comparisons against R: %s", (name) => {
  const reference = read(name);
  const grouped = groupedFor(reference);

  it("has R's groups, ANOVA table, Welch's F and the tests of equal variances", () => {
    const result = pairwiseComparisons(grouped).anova;
    expect([result.rowsUsed, result.rowsDropped]).toEqual([
      reference.rowsUsed,
      reference.rowsDropped,
    ]);
    expect(result.groups.map((g) => [g.name, g.n])).toEqual(
      reference.groups.map((g) => [g.name, g.n]),
    );
    result.groups.forEach((group, i) => {
      expect(close(group.mean, reference.groups[i].mean, 1e-12)).toBe(true);
      if (reference.groups[i].sd !== null)
        expect(close(group.sd, reference.groups[i].sd!, 1e-10)).toBe(true);
    });
    for (const field of ["ssBetween", "ssWithin", "msBetween", "msWithin", "f", "p"] as const) {
      expect([field, close(result[field], reference.anova[field], 1e-10)]).toEqual([field, true]);
    }
    expect([result.dfBetween, result.dfWithin]).toEqual([
      reference.anova.dfBetween,
      reference.anova.dfWithin,
    ]);
    for (const test of ["welch", "levene", "brownForsythe"] as const) {
      const ours = result[test]!;
      for (const field of ["f", "df2", "p"] as const) {
        expect([test, field, close(ours[field], reference[test][field], 1e-9)]).toEqual([
          test,
          field,
          true,
        ]);
      }
    }
  });

  it("has R's TukeyHSD differences, intervals and adjusted p", () => {
    comparePairs(pairwiseComparisons(grouped).comparisons, reference.tukey.comparisons);
  });

  it("has the Games-Howell differences, intervals and adjusted p", () => {
    comparePairs(
      pairwiseComparisons(grouped, { method: "games-howell" }).comparisons,
      reference.gamesHowell!.comparisons,
    );
  });
});
