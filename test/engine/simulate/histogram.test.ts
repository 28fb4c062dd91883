/**
 * Histogram bins as numpy.histogram(values, bins=40) makes them, on the seeds' Sales columns
 * (scripts/reference/simulate_statsmodels.py): the same edges and counts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { histogramBins, histogramIndex } from "../../../src/engine/simulate/histogram";
import { FIXTURES } from "../../support/nist";

describe.each(["marketing_mix", "marketing_sales"])("histogram of %s Sales", (name) => {
  const { histogram } = JSON.parse(
    readFileSync(join(FIXTURES, "reference", "simulate", `${name}.json`), "utf8"),
  ) as { histogram: { bins: number; values: number[]; edges: number[]; counts: number[] } };

  it("has numpy's edges (exactly) and counts", () => {
    const minimum = Math.min(...histogram.values);
    const maximum = Math.max(...histogram.values);
    const counts = new Float64Array(histogram.bins);
    for (const v of histogram.values) counts[histogramIndex(v, minimum, maximum, histogram.bins)]++;
    const bins = histogramBins(minimum, maximum, counts);
    expect(bins.map((bin) => bin.count)).toEqual(histogram.counts);
    expect(bins.map((bin) => bin.lower)).toEqual(histogram.edges.slice(0, -1));
    expect(bins.map((bin) => bin.upper)).toEqual(histogram.edges.slice(1));
  });
});

describe("histogramIndex", () => {
  it("puts the largest value in the last bin and an edge in the bin it opens", () => {
    expect(histogramIndex(10, 0, 10, 4)).toBe(3);
    expect(histogramIndex(2.5, 0, 10, 4)).toBe(1);
    expect(histogramIndex(0, 0, 10, 4)).toBe(0);
  });

  it("widens a range of one value to ±0.5, as numpy does", () => {
    expect(histogramIndex(3, 3, 3, 4)).toBe(2);
    const bins = histogramBins(3, 3, Float64Array.of(0, 0, 7, 0));
    expect(bins[0].lower).toBe(2.5);
    expect(bins[3].upper).toBe(3.5);
  });
});
