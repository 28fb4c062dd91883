/**
 * `=MMM.KMEANS(data, k, [output], [seed], [standardize], [headers])`: the label column (spills
 * beside the data, one row per data row, the header row kept), or the centres, the profile, the
 * elbow or a summary.
 */
import {
  interactiveSilhouetteSample,
  profileClusters,
  profileRows,
  runSegmentation,
} from "../engine/analyses/segment";
import { detectHeader, readDataset } from "../engine/data/dataset";
import type { Cell } from "../engine/data/types";
import { EngineError } from "../engine/errors";
import { asGrid, optionalBoolean, optionalNumber, optionalString, toSpill } from "./arguments";
import { toExcelError } from "./excelError";
import { currentThreads } from "../workers/threads";

const OUTPUTS = ["labels", "centers", "profile", "elbow", "summary"] as const;

export async function runKMeansFunction(
  dataArgument: unknown,
  kArgument: unknown,
  outputArgument: unknown,
  seedArgument: unknown,
  standardizeArgument: unknown,
  headersArgument: unknown,
): Promise<(string | number | boolean)[][]> {
  try {
    const output = (optionalString(outputArgument, "output") ?? "labels").trim().toLowerCase();
    if (!(OUTPUTS as readonly string[]).includes(output)) {
      throw new EngineError(
        "invalidOption",
        `output must be one of ${OUTPUTS.map((o) => `"${o}"`).join(", ")}; it is "${output}".`,
      );
    }
    const k =
      typeof kArgument === "string" && kArgument.trim().toLowerCase() === "auto"
        ? "auto"
        : optionalNumber(kArgument, "k");
    if (k === null)
      throw new EngineError(
        "invalidValue",
        'k is required: a whole number of clusters, or "auto".',
      );
    const data = asGrid(dataArgument, "data");
    const headers = optionalBoolean(headersArgument, "headers") ?? detectHeader(data);
    const dataset = readDataset(data, { headers, label: "data" });
    const result = await runSegmentation(
      dataset.columns,
      {
        k,
        seed: optionalNumber(seedArgument, "seed") ?? 0,
        standardize: optionalBoolean(standardizeArgument, "standardize") ?? true,
        silhouetteSample: interactiveSilhouetteSample(dataset.columns[0]?.values.length ?? 0),
        // The curve is asked for: fit k = 2..10 even when k is given.
        elbow: output === "elbow",
      },
      currentThreads(),
    );
    const table: Cell[][] = (() => {
      switch (output) {
        case "labels":
          return [
            ...(headers ? [["Cluster"]] : []),
            ...Array.from(result.labels, (label): Cell[] => [label < 0 ? null : label + 1]),
          ];
        case "centers":
          return [
            ["Cluster", ...result.featureNames],
            ...result.centres.map((centre, c): Cell[] => [c + 1, ...centre]),
          ];
        case "profile":
          return profileRows(profileClusters(result, dataset.columns));
        case "elbow":
          return [
            ["k", "Inertia", "Silhouette"],
            ...result.elbow.map((point): Cell[] => [point.k, point.inertia, point.silhouette]),
          ];
        default:
          return [
            ["k", result.k],
            ["Rows used", result.rowsUsed],
            ["Inertia", result.inertia],
            ["Silhouette", result.silhouette],
            ["Silhouette rows", result.silhouetteRows],
            ["Iterations", result.iterations],
            ...result.notes.map((note): Cell[] => [note]),
          ];
      }
    })();
    return toSpill(table);
  } catch (error) {
    throw toExcelError(error, "MMM.KMEANS");
  }
}
