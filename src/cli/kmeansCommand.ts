/**
 * `mmm kmeans FILE.csv --cols A,B,C --k K|auto [--seed S] [--restarts N] [--no-standardize]
 * [--silhouette-sample N] [--json]`
 *
 * JSON contract (issue 7): `{k, labels, inertia, silhouette, centers, sizes, iterations, elbow}`;
 * `labels` has one entry per input row in file order (null for a row left out for blanks),
 * `inertia` and `silhouette` are on the data clustered (standardised unless --no-standardize),
 * `centers` on the original scale, `elbow` `[{k, inertia, silhouette}]` (empty unless --k auto).
 */
import { basename } from "node:path";
import { runSegmentation } from "../engine/analyses/segment";
import { currentThreads } from "../workers/threads";
import { selectColumns } from "../engine/data/select";
import {
  expectArguments,
  listOption,
  numberOption,
  requireOption,
  UsageError,
  type ParsedArgs,
} from "./args";
import { readCsvFile } from "./files";
import { formatNumber, renderTable } from "./format";

export const KMEANS_USAGE =
  "mmm kmeans FILE.csv --cols COL1,COL2,... --k K|auto [--seed S] [--restarts N] [--no-standardize] [--silhouette-sample N] [--json]";

export async function runKMeansCommand(args: ParsedArgs): Promise<string> {
  expectArguments(
    args,
    ["cols", "k", "seed", "restarts", "no-standardize", "silhouette-sample", "json", "help"],
    2,
  );
  const file = args.positional[1];
  if (file === undefined) throw new UsageError(`usage: ${KMEANS_USAGE}`);
  const kText = requireOption(args, "k");
  const k = kText.trim().toLowerCase() === "auto" ? "auto" : Number(kText);
  if (k !== "auto" && !Number.isFinite(k))
    throw new UsageError(`--k must be a number or "auto"; got "${kText}".`);
  const dataset = readCsvFile(file);
  const columns = selectColumns(dataset, listOption(args, "cols"), basename(file));
  const sample = args.options.has("silhouette-sample")
    ? numberOption(args, "silhouette-sample", 0)
    : undefined;
  const result = await runSegmentation(
    columns,
    {
      k,
      seed: numberOption(args, "seed", 0),
      restarts: numberOption(args, "restarts", 10),
      standardize: !args.options.has("no-standardize"),
      silhouetteSample: sample,
    },
    currentThreads(),
  );
  if (args.options.has("json")) {
    return JSON.stringify({
      k: result.k,
      labels: Array.from(result.labels, (label) => (label < 0 ? null : label)),
      inertia: result.inertia,
      silhouette: result.silhouette,
      centers: result.centres,
      sizes: result.sizes,
      iterations: result.iterations,
      elbow: result.elbow,
    });
  }
  const lines = [
    `k-means: k = ${result.k}, ${result.rowsUsed} rows, inertia ${formatNumber(result.inertia)}, silhouette ${formatNumber(result.silhouette, 4)}`,
    "",
    renderTable([
      ["Cluster", "Size", ...result.featureNames],
      ...result.centres.map((centre, c) => [
        String(c),
        String(result.sizes[c]),
        ...centre.map((x) => formatNumber(x)),
      ]),
    ]),
    ...result.notes.map((note) => `\nNote: ${note}`),
  ];
  return lines.join("\n");
}
