/**
 * k-means against scikit-learn 1.2 (scripts/reference/kmeans_sklearn.py): StandardScaler's
 * z-scores; Lloyd from the same fixed centres gives the same labels and iterations exactly and
 * the same inertia to 1e-12; our silhouette equals silhouette_score for those labels (1e-9); with
 * restarts our inertia is no worse than scikit-learn's best of 10 k-means++ starts (1e-6).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareFeatures, runSegmentation } from "../../../src/engine/analyses/segment";
import { readCsvDataset } from "../../../src/engine/data/csv";
import { selectColumns } from "../../../src/engine/data/select";
import { lloyd } from "../../../src/engine/models/kmeans";
import { silhouette } from "../../../src/engine/models/silhouette";
import { FIXTURES } from "../../support/nist";
import { relativeError } from "../../support/olsReference";

interface Case {
  file: string;
  columns: string[];
  k: number;
  standardize: boolean;
  scaler?: { mean: number[]; scale: number[] };
  bestInertia: number;
  lloydFromFixedCentres: {
    initialRows: number[];
    inertia: number;
    nIter: number;
    labels: number[];
  };
  silhouetteOfLloydLabels: number;
}

const CASES = [
  "marketing_k2",
  "marketing_k3",
  "marketing_k4",
  "marketing_raw_k3",
  "campaign_k3",
  "blobs_k4",
  "overlap_k5",
];
const table: string[] = [];
afterAll(() =>
  console.log(
    `k-means vs scikit-learn (ours / sklearn best of 10 starts; silhouette):\n${table.join("\n")}`,
  ),
);

describe.each(CASES)("k-means against scikit-learn: %s", (name) => {
  const reference: Case = JSON.parse(
    readFileSync(join(FIXTURES, "reference", "kmeans", `${name}.json`), "utf8"),
  );
  const file = reference.file.replace(/^test\/fixtures\//, "");
  const dataset = readCsvDataset(readFileSync(join(FIXTURES, file), "utf8"), { label: file });
  const columns = selectColumns(dataset, reference.columns, file);
  const { points, mean, scale } = prepareFeatures(columns, reference.standardize);

  it("standardises as StandardScaler", () => {
    if (!reference.standardize) return expect(mean).toBeNull();
    mean!.forEach((m, j) =>
      expect(relativeError(m, reference.scaler!.mean[j])).toBeLessThan(1e-12),
    );
    scale!.forEach((s, j) =>
      expect(relativeError(s, reference.scaler!.scale[j])).toBeLessThan(1e-12),
    );
  });

  it("reproduces scikit-learn's Lloyd from the same fixed centres: labels, iterations, inertia", () => {
    const fixed = reference.lloydFromFixedCentres;
    const centres = new Float64Array(reference.k * points.dimensions);
    fixed.initialRows.forEach((row, c) =>
      centres.set(
        points.values.subarray(row * points.dimensions, (row + 1) * points.dimensions),
        c * points.dimensions,
      ),
    );
    const result = lloyd(points, centres);
    expect(Array.from(result.labels)).toEqual(fixed.labels);
    expect(result.iterations).toBe(fixed.nIter);
    expect(relativeError(result.inertia, fixed.inertia)).toBeLessThan(1e-12);
    const s = silhouette(points, result.labels, reference.k).mean;
    expect(Math.abs(s - reference.silhouetteOfLloydLabels)).toBeLessThan(1e-9);
  });

  it("with 10 seeded restarts is no worse than scikit-learn's best of 10 k-means++ starts", async () => {
    const ours = await runSegmentation(columns, {
      k: reference.k,
      standardize: reference.standardize,
      seed: 1,
    });
    table.push(
      `${name.padEnd(17)} ${ours.inertia.toFixed(6)} / ${reference.bestInertia.toFixed(6)}; ${ours.silhouette.toFixed(4)}`,
    );
    expect(ours.inertia).toBeLessThanOrEqual(reference.bestInertia * (1 + 1e-6));
  });
});

describe("Lloyd when a cluster empties, as scikit-learn", () => {
  const fixture = JSON.parse(
    readFileSync(join(FIXTURES, "reference", "kmeans", "empty_clusters.json"), "utf8"),
  ) as {
    cases: {
      name: string;
      data: number[][];
      initialCentres: number[][];
      labels: number[];
      nIter: number;
      inertia: number;
      centres: number[][];
    }[];
  };
  it.each(fixture.cases.map((c) => [c.name, c] as const))(
    "%s: the farthest point becomes the empty cluster's centre; same labels, iterations, inertia",
    (_, reference) => {
      const points = {
        values: Float64Array.from(reference.data.flat()),
        count: reference.data.length,
        dimensions: 2,
      };
      const result = lloyd(points, Float64Array.from(reference.initialCentres.flat()));
      expect(Array.from(result.labels)).toEqual(reference.labels);
      expect(result.iterations).toBe(reference.nIter);
      expect(relativeError(result.inertia, reference.inertia)).toBeLessThan(1e-12);
      Array.from(result.centres).forEach((x, i) =>
        expect(Math.abs(x - reference.centres.flat()[i])).toBeLessThan(1e-12),
      );
    },
  );
});
