/**
 * Bad input to the group comparisons, generated: one group, groups of one value, all values
 * equal, text in the values, blanks in the groups. Each either gives a result with finite F or
 * fails with an EngineError whose message names the problem; never another exception.
 */
import fc from "fast-check";
import type { Column } from "../../../src/engine/data/types";
import { EngineError } from "../../../src/engine/errors";
import { groupValues } from "../../../src/engine/models/groups";
import { pairwiseComparisons } from "../../../src/engine/models/pairwise";
import { thrown } from "../../support/engineErrors";

const numeric = (name: string, values: number[]): Column => ({
  kind: "numeric",
  name,
  values: Float64Array.from(values),
});
const labels = (name: string, values: (string | null)[]): Column => ({
  kind: "categorical",
  name,
  values,
  levels: [...new Set(values.filter((v): v is string => v !== null))].sort(),
});

describe("group comparisons on bad input", () => {
  it("answer or explain, for any small data with blanks and few, tiny or constant groups", () => {
    const row = fc.record({
      value: fc.oneof(fc.constant(Number.NaN), fc.constant(5), fc.integer({ min: -3, max: 3 })),
      group: fc.oneof(fc.constant(null), fc.constantFrom("A", "B", "C")),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom("tukey", "games-howell"),
        (rows, method) => {
          const value = numeric(
            "Sales",
            rows.map((r) => r.value),
          );
          const group = labels(
            "TV",
            rows.map((r) => r.group),
          );
          try {
            const result = pairwiseComparisons(groupValues(value, group), {
              method: method as "tukey" | "games-howell",
            });
            expect(Number.isFinite(result.anova.f)).toBe(true);
            for (const pair of result.comparisons) expect(pair.pAdj).toBeGreaterThanOrEqual(0);
          } catch (error) {
            expect(error).toBeInstanceOf(EngineError);
            expect((error as EngineError).message.length).toBeGreaterThan(20);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("names the single group when there is only one", () => {
    const error = thrown(() =>
      pairwiseComparisons(groupValues(numeric("Sales", [1, 2, 3]), labels("TV", ["A", "A", "A"]))),
    );
    expect([error.code, error.message]).toEqual([
      "tooFewRows",
      expect.stringMatching(/only the group "A"/),
    ]);
  });

  it("explains a group of one value: Tukey runs, Games-Howell names the group", () => {
    const value = numeric("Sales", [1, 2, 3, 10, 11, 12, 20]);
    const group = labels("TV", ["A", "A", "A", "B", "B", "B", "C"]);
    const tukey = pairwiseComparisons(groupValues(value, group));
    expect(tukey.anova.warnings[0]).toMatch(/"C" has a single value/);
    expect(tukey.anova.welch).toBeNull();
    const error = thrown(() =>
      pairwiseComparisons(groupValues(value, group), { method: "games-howell" }),
    );
    expect(error.message).toMatch(/"C" has a single value/);
  });

  it("refuses values that do not vary within any group", () => {
    const error = thrown(() =>
      pairwiseComparisons(
        groupValues(numeric("Sales", [5, 5, 7, 7]), labels("TV", ["A", "A", "B", "B"])),
      ),
    );
    expect([error.code, error.message]).toEqual([
      "degenerate",
      expect.stringMatching(/does not vary within any group/),
    ]);
  });

  it("refuses text in the values column, quoting it", () => {
    const error = thrown(() =>
      groupValues(labels("Sales", ["1", "two"]), labels("TV", ["A", "B"])),
    );
    expect([error.code, error.message]).toEqual([
      "invalidValue",
      expect.stringMatching(/"Sales" must hold numbers.*"1"/),
    ]);
  });

  it("leaves out and counts rows with a blank group or value", () => {
    const grouped = groupValues(
      numeric("Sales", [1, 2, Number.NaN, 4, 5, 6]),
      labels("TV", ["A", null, "A", "B", "B", "A"]),
    );
    expect([grouped.rowsUsed, grouped.rowsDropped]).toEqual([4, 2]);
    expect(grouped.groups.map((g) => [g.name, [...g.values]])).toEqual([
      ["A", [1, 6]],
      ["B", [4, 5]],
    ]);
  });

  it("orders numeric group labels as numbers (2 before 10)", () => {
    const grouped = groupValues(numeric("y", [1, 2, 3, 4]), numeric("month", [10, 2, 10, 2]));
    expect(grouped.groups.map((g) => g.name)).toEqual(["2", "10"]);
  });
});
