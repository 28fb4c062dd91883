/** =MMM.KMEANS as Excel calls it: labels beside the data, centres, profile, elbow, errors. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runSegmentation, type Segmentation } from "../../src/engine/analyses/segment";
import { csvFieldToCell, parseCsv, readCsvDataset } from "../../src/engine/data/csv";
import { selectColumns } from "../../src/engine/data/select";
import {
  installCustomFunctionsShim,
  ShimCustomFunctionsError,
} from "../../src/functions/excelError";
import { runKMeansFunction } from "../../src/functions/kmeans";
import { FIXTURES } from "../support/nist";

installCustomFunctionsShim();
const file = join(FIXTURES, "seeds", "marketing_sales_data.csv");
const grid = parseCsv(readFileSync(file, "utf8")).map((row) => row.map(csvFieldToCell));
const names = ["Radio", "Social Media", "Sales"];
const data = grid.map((row) => names.map((name) => row[(grid[0] as string[]).indexOf(name)]));
let engine: Segmentation;
beforeAll(async () => {
  engine = await runSegmentation(
    selectColumns(readCsvDataset(readFileSync(file, "utf8")), names, "seed"),
    { k: 2 },
  );
});

describe("=MMM.KMEANS", () => {
  it("spills a label column that lines up with the data, header row included, clusters numbered from 1", async () => {
    const labels = await runKMeansFunction(data, 2, null, null, null, null);
    expect(labels).toHaveLength(573);
    expect(labels[0]).toEqual(["Cluster"]);
    expect(labels.slice(1).map((row) => row[0])).toEqual(
      Array.from(engine.labels, (label) => label + 1),
    );
  });

  it("profiles each cluster with a name from its most distinctive columns", async () => {
    const profile = await runKMeansFunction(data, 2, "profile", 0, true, true);
    expect(profile[0]).toEqual(["Cluster", "Name", "Size", "Share", ...names]);
    expect(profile.slice(1).map((row) => row[2])).toEqual(engine.sizes);
    expect(profile.slice(1).map((row) => row[1])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(high|low) (Sales|Radio)/)]),
    );
  });

  it('chooses k by the silhouette with k = "auto" and shows the elbow', async () => {
    const elbow = await runKMeansFunction(data, "auto", "elbow", null, null, null);
    expect(elbow.map((row) => row[0])).toEqual(["k", 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const summary = await runKMeansFunction(data, "auto", "summary", null, null, null);
    expect(summary[0]).toEqual(["k", 2]);
    expect(summary).toContainEqual(["Silhouette rows", 572]);
  });

  it("shows the elbow for k = 2..10 when k is given too", async () => {
    const elbow = await runKMeansFunction(data, 3, "elbow", null, null, null);
    expect(elbow.map((row) => row[0])).toEqual(["k", 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("computes the silhouette on a seeded sample of 10,000 rows above that, and says so", async () => {
    const large = [data[0], ...Array.from({ length: 20 }, () => data.slice(1)).flat()];
    const summary = await runKMeansFunction(large, 2, "summary", null, null, null);
    expect(summary).toContainEqual(["Rows used", 11440]);
    expect(summary).toContainEqual(["Silhouette rows", 10000]);
  });

  it.each([
    [1, /k must be a whole number of at least 2/],
    ["many", /k must be a number/],
  ])("answers k = %j with #VALUE! and a message", async (k, message) => {
    try {
      await runKMeansFunction(data, k, null, null, null, null);
      throw new Error("no error");
    } catch (error) {
      expect(error).toBeInstanceOf(ShimCustomFunctionsError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
