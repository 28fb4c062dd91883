/**
 * The task pane's "Segment": k-means on the chosen columns (k or auto), outcome columns profiled
 * but not clustered on; the results sheet holds the profile, the centres, the elbow and
 * silhouette curves, and the clusters on the first two principal components.
 */
import type { Threads } from "../parallel";
import { readable } from "./readingText";
import type { Cell, Column } from "../data/types";
import { principalComponents } from "../models/principalComponents";
import type { ChartSpec } from "./chartSpec";
import type { AnalysisEntry, AnalysisInput } from "./registry";
import type { Report } from "./report";
import {
  interactiveSilhouetteSample,
  prepareFeatures,
  profileClusters,
  profileRows,
  runSegmentation,
  type Segmentation,
} from "./segment";

/** Chart points at most (every k-th row above), as the regression charts. */
const CHART_POINTS = 5000;

export const segmentEntry = {
  id: "segment",
  title: "Segment (k-means)",
  sheetName: "Segment",
  roles: [
    { id: "columns", label: "Columns to cluster on", accepts: "any", multiple: true },
    { id: "outcomes", label: "Outcomes to profile (optional)", accepts: "numeric", multiple: true },
  ],
  options: [
    {
      id: "k",
      label: "Number of clusters",
      kind: "choice",
      default: "auto",
      choices: [
        { value: "auto", label: "Auto (best silhouette)" },
        ...Array.from({ length: 9 }, (_, i) => ({ value: String(i + 2), label: String(i + 2) })),
      ],
    },
    { id: "standardize", label: "Standardise columns (z-scores)", kind: "boolean", default: true },
    { id: "seed", label: "Seed", kind: "number", default: 0, min: 0, max: 2 ** 31 },
    {
      id: "writeLabels",
      label: "Write the cluster of each row beside the data",
      kind: "boolean",
      default: false,
    },
  ],
  validate(input: AnalysisInput): string[] {
    const columns = input.roles.columns ?? [];
    const outcomes = input.roles.outcomes ?? [];
    const messages: string[] = [];
    if (columns.length === 0) messages.push("Choose the columns to cluster on.");
    const both = outcomes
      .filter((o) => columns.some((c) => c.name === o.name))
      .map((o) => `"${o.name}"`);
    if (both.length > 0)
      messages.push(`${both.join(", ")} cannot be both clustered on and profiled as an outcome.`);
    const text = outcomes.filter((o) => o.kind !== "numeric").map((o) => `"${o.name}"`);
    if (text.length > 0) messages.push(`Outcomes must be numeric; ${text.join(", ")} hold text.`);
    const seed = input.options.seed;
    if (typeof seed === "number" && !(Number.isInteger(seed) && seed >= 0))
      messages.push("The seed must be a whole number of 0 or more.");
    return messages;
  },
  async run(input: AnalysisInput, threads?: Threads): Promise<Report> {
    const columns = input.roles.columns;
    const outcomes = input.roles.outcomes ?? [];
    const k =
      input.options.k === undefined || input.options.k === "auto"
        ? "auto"
        : Number(input.options.k);
    const standardize = input.options.standardize !== false;
    const rows = columns[0].values.length;
    const segmentation = await runSegmentation(
      columns,
      {
        k,
        seed: typeof input.options.seed === "number" ? input.options.seed : 0,
        standardize,
        elbow: true,
        silhouetteSample: interactiveSilhouetteSample(rows),
      },
      threads,
    );
    const report = segmentReport(segmentation, columns, outcomes, standardize);
    if (input.options.writeLabels !== true) return report;
    return {
      ...report,
      besideSource: {
        header: "Cluster",
        values: Array.from(segmentation.labels, (label) => (label < 0 ? null : label + 1)),
      },
    };
  },
} satisfies AnalysisEntry;

export function segmentReport(
  segmentation: Segmentation,
  columns: readonly Column[],
  outcomes: readonly Column[],
  standardize: boolean,
): Report {
  const profile = profileClusters(segmentation, [...columns, ...outcomes]);
  const sampled =
    segmentation.silhouetteRows < segmentation.rowsUsed
      ? ` (on a seeded sample of ${segmentation.silhouetteRows} rows)`
      : "";
  const reading = [
    `${segmentation.k} clusters of ${segmentation.rowsUsed} rows; mean silhouette ${segmentation.silhouette.toFixed(3)}${sampled} (1 = well separated, 0 = overlapping).`,
    ...profile.clusters.map((cluster) => {
      const shown = profile.columns
        .slice(0, 4)
        .map((name, j) => `${name} ${readable(cluster.means[j])}`);
      return `Cluster ${cluster.cluster + 1} (${cluster.name}): ${cluster.size} rows (${(100 * cluster.share).toFixed(1)} %); ${shown.join(", ")}.`;
    }),
    ...segmentation.notes,
  ];
  return {
    title: `Segment: ${segmentation.k} clusters on ${columns.map((c) => c.name).join(", ")}`,
    reading,
    tables: [
      {
        title: "Profile (mean per cluster)",
        rows: profileRows(profile),
        formats: ["0", "", "0", "0.0%", ...profile.columns.map(() => "0.000")],
      },
      {
        title: "Difference from the overall mean (in SDs)",
        rows: [
          ["Cluster", ...profile.columns],
          ...profile.clusters.map((c): Cell[] => [c.cluster + 1, ...c.standardizedDifferences]),
        ],
        formats: ["0", ...profile.columns.map(() => "0.00")],
        heatmap: { minimum: -2, maximum: 2 },
      },
      {
        title: "Centres (original scale)",
        rows: [
          ["Cluster", ...segmentation.featureNames, "Silhouette"],
          ...segmentation.centres.map((centre, c): Cell[] => [
            c + 1,
            ...centre,
            segmentation.silhouettePerCluster[c],
          ]),
        ],
        formats: ["0", ...segmentation.featureNames.map(() => "0.000"), "0.000"],
      },
      {
        title: `Elbow and silhouette by k (inertia on ${standardize ? "z-scores" : "raw values"})`,
        rows: [
          ["k", "Inertia", "Silhouette"],
          ...segmentation.elbow.map((p): Cell[] => [p.k, p.inertia, p.silhouette]),
        ],
        formats: ["0", "0.00", "0.000"],
        emphasis: segmentation.elbow.flatMap((p, i) => (p.k === segmentation.k ? [i + 1] : [])),
      },
    ],
    charts: [...curveCharts(segmentation), pcaChart(segmentation, columns, standardize)],
  };
}

function curveCharts(segmentation: Segmentation): ChartSpec[] {
  const line = (title: string, column: "inertia" | "silhouette", axis: string): ChartSpec => ({
    kind: "scatter",
    title,
    xAxisTitle: "k",
    yAxisTitle: axis,
    data: [["k", axis], ...segmentation.elbow.map((p): Cell[] => [p.k, p[column]])],
    series: [{ column: 1, style: "line" }],
  });
  return [
    line("Elbow: inertia by k", "inertia", "Inertia"),
    line("Mean silhouette by k", "silhouette", "Silhouette"),
  ];
}

function pcaChart(
  segmentation: Segmentation,
  columns: readonly Column[],
  standardize: boolean,
): ChartSpec {
  const { points, kept } = prepareFeatures(columns, standardize);
  const projection = principalComponents(points, 2);
  const step = Math.max(1, Math.ceil(points.count / CHART_POINTS));
  const data: Cell[][] = [
    ["PC1", ...Array.from({ length: segmentation.k }, (_, c) => `Cluster ${c + 1}`)],
  ];
  for (let i = 0; i < points.count; i += step) {
    const row: Cell[] = new Array(segmentation.k + 1).fill(null);
    row[0] = projection.scores[i * projection.components];
    row[1 + segmentation.labels[kept[i]]] =
      projection.components > 1 ? projection.scores[i * projection.components + 1] : 0;
    data.push(row);
  }
  const share = (j: number) => `${(100 * (projection.explained[j] ?? 0)).toFixed(0)} %`;
  return {
    kind: "scatter",
    title: `Clusters on the first two principal components${step > 1 ? ` (1 row in ${step})` : ""}`,
    xAxisTitle: `PC1 (${share(0)} of the variance)`,
    yAxisTitle: `PC2 (${share(1)})`,
    data,
    series: Array.from({ length: segmentation.k }, (_, c) => ({
      column: c + 1,
      style: "markers" as const,
    })),
  };
}
