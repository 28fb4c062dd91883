/** Order statistics by quickselect equal those of a full sort, for any data and ranks. */
import fc from "fast-check";
import { selectOrderStatistics } from "../../../src/engine/stats/orderStatistics";

describe("selectOrderStatistics", () => {
  it("puts the r-th smallest at r for every rank asked for, as a sort would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 })), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.array(fc.nat(), { maxLength: 25 }),
        (data, picks) => {
          const values = Float64Array.from(data);
          const sorted = Float64Array.from(data).sort();
          const ranks = picks.map((pick) => pick % values.length);
          selectOrderStatistics(values, ranks);
          // === rather than Object.is: -0 and 0 are one value here, as for the comparisons.
          for (const r of ranks) expect(values[r] === sorted[r]).toBe(true);
          const same = (array: Float64Array) =>
            Array.from(array, (v) => v + 0).sort((a, b) => a - b);
          expect(same(values)).toEqual(same(sorted)); // reordered, nothing lost
        },
      ),
      { numRuns: 500 },
    );
  });

  it("selects from 100,000 draws with many ties", () => {
    const values = Float64Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 101);
    const sorted = Float64Array.from(values).sort();
    const ranks = [0, 2499, 2500, 49_999, 50_000, 97_499, 99_999];
    selectOrderStatistics(values, ranks);
    for (const r of ranks) expect(values[r]).toBe(sorted[r]);
  });
});
