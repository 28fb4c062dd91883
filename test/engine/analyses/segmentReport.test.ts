/** The Segment pane entry on the course data, and the principal components behind its scatter. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withDefaults } from "../../../src/engine/analyses/registry";
import type { Report } from "../../../src/engine/analyses/report";
import { segmentEntry } from "../../../src/engine/analyses/segmentEntry";
import { readCsvDataset } from "../../../src/engine/data/csv";
import type { Column } from "../../../src/engine/data/types";
import { selectColumns } from "../../../src/engine/data/select";
import { principalComponents } from "../../../src/engine/models/principalComponents";
import { FIXTURES } from "../../support/nist";

const dataset = readCsvDataset(
  readFileSync(join(FIXTURES, "seeds", "marketing_sales_data.csv"), "utf8"),
);
const [radio, social, sales, tv] = selectColumns(
  dataset,
  ["Radio", "Social Media", "Sales", "TV"],
  "seed",
);
const elbow = JSON.parse(
  readFileSync(join(FIXTURES, "reference", "kmeans", "elbow_marketing.json"), "utf8"),
);

describe("Segment entry", () => {
  let report: Report;
  beforeAll(async () => {
    report = await segmentEntry.run({
      roles: { columns: [radio, social, sales], outcomes: [] },
      options: withDefaults(segmentEntry, {}),
    });
  });

  it("chooses k = 2 by the silhouette on the course data, as scikit-learn's curve says", () => {
    expect(report.title).toBe("Segment: 2 clusters on Radio, Social Media, Sales");
    const curve = report.tables[3].rows.slice(1);
    expect(curve.map((row) => row[0])).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Our restarts may find other optima than scikit-learn's for larger k; k = 2 and 3 agree.
    const theirs = elbow.elbow as { k: number; silhouette: number }[];
    for (const k of [2, 3]) {
      const ours = curve.find((row) => row[0] === k)![2] as number;
      expect(Math.abs(ours - theirs.find((p) => p.k === k)!.silhouette)).toBeLessThan(1e-9);
    }
  });

  it("profiles the clusters, names them, and plots them on two principal components", () => {
    const profile = report.tables[0].rows;
    expect(profile[0]).toEqual([
      "Cluster",
      "Name",
      "Size",
      "Share",
      "Radio",
      "Social Media",
      "Sales",
    ]);
    expect((profile[1][2] as number) + (profile[2][2] as number)).toBe(572);
    expect(report.reading[1]).toMatch(/^Cluster 1 \((high|low) /);
    expect(report.charts.map((c) => c.title)).toEqual([
      "Elbow: inertia by k",
      "Mean silhouette by k",
      "Clusters on the first two principal components",
    ]);
    expect(report.charts[2].data).toHaveLength(573);
  });

  it("computes the silhouette on a seeded sample of 10,000 rows above that, and says so", async () => {
    // The course data 20 times over (11,440 rows): above the pane's exact limit.
    const repeat = (column: Column): Column => ({
      kind: "numeric",
      name: column.name,
      values: Float64Array.from({ length: 20 * column.values.length }, (_, i) =>
        Number(column.values[i % column.values.length]),
      ),
    });
    const large = await segmentEntry.run({
      roles: { columns: [repeat(radio), repeat(sales)], outcomes: [] },
      options: withDefaults(segmentEntry, { k: 2 }),
    });
    expect(large.reading[0]).toMatch(
      /11440 rows; mean silhouette 0\.\d{3} \(on a seeded sample of 10000 rows\)/,
    );
  });

  it("refuses an outcome that is also clustered on, and text outcomes", () => {
    expect(
      segmentEntry.validate({
        roles: { columns: [radio, sales], outcomes: [sales, tv] },
        options: {},
      }),
    ).toEqual([
      '"Sales" cannot be both clustered on and profiled as an outcome.',
      'Outcomes must be numeric; "TV" hold text.',
    ]);
  });
});

describe("principalComponents", () => {
  it("finds the direction of a line of points and explains all its variance", () => {
    const values = Float64Array.from([0, 0, 1, 2, 2, 4, 3, 6]);
    const projection = principalComponents({ values, count: 4, dimensions: 2 }, 2);
    expect(projection.explained[0]).toBeCloseTo(1, 12);
    const scores = Array.from({ length: 4 }, (_, i) => projection.scores[i * 2]);
    expect(scores[3] - scores[0]).toBeCloseTo(Math.sqrt(9 + 36), 12);
  });
});
