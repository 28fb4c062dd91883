/**
 * `npm run bench`: timings printed, never asserted.
 * 1. The engine: OLS with the full summary on 1,048,576 x 16 (design + fit + every statistic).
 * 2. The CLI on a 200,000 x 16 CSV, as a whole process, beside Python statsmodels reading the
 *    same file with pandas and fitting with the summary (when /usr/bin/python3 has statsmodels).
 * 3. k-means on 100,000 x 8 (k = 8, 10 restarts) and the exact silhouette of those rows, beside
 *    scikit-learn's KMeans(n_init=10) on the same standardised data (when it is installed).
 * 4. Monte Carlo of a 4-channel plan (100,000 and 1,000,000 iterations) from a fitted regression,
 *    with the summaries, beside numpy's vectorised equivalent (when numpy is installed).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runOls } from "../src/engine/analyses/ols";
import { prepareFeatures } from "../src/engine/analyses/segment";
import { isMainThread } from "node:worker_threads";
import { nodeThreads, serveJobs } from "../src/cli/nodeThreads";
import type { NumericColumn } from "../src/engine/data/types";
import { regressionModel } from "../src/engine/simulate/predictive";
import { fixedPlan } from "../src/engine/simulate/plan";
import { simulatePlans } from "../src/engine/simulate/simulate";
import { kMeansOn, oneThread, silhouetteOn, type Threads } from "../src/engine/parallel";

const PREDICTORS = 16;

/** Deterministic pseudo-random numbers (a linear congruential generator), so runs are comparable. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Spend-like data: values with two decimals (0.00 to 10,000.00), sales a noisy linear response. */
function makeData(rows: number, seed: number) {
  const random = generator(seed);
  const x = Array.from({ length: PREDICTORS }, () => new Float64Array(rows));
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 10;
    for (let j = 0; j < PREDICTORS; j++) {
      const v = Math.round(random() * 1e6) / 100;
      x[j][i] = v;
      sum += (j + 1) * 0.1 * v;
    }
    y[i] = Math.round((sum + (random() - 0.5) * 5000) * 100) / 100;
  }
  return { x, y };
}

async function timeBest<T>(runs: number, run: () => T | Promise<T>) {
  let best = Infinity;
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    result = await run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: best, result };
}

/** Writes CSV lines to a file in a fresh temporary folder, runs `use` on it, removes the folder. */
async function withCsv<T>(lines: string[], use: (file: string) => T | Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), "mmm-bench-"));
  try {
    const file = join(directory, "data.csv");
    writeFileSync(file, lines.join("\n") + "\n");
    return await use(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function benchEngine(): Promise<void> {
  const rows = 1_048_576;
  const { x, y } = makeData(rows, 1);
  const columns: NumericColumn[] = x.map((values, j) => ({
    kind: "numeric",
    name: `x${j + 1}`,
    values,
  }));
  const { seconds, result } = await timeBest(3, () =>
    runOls({ y: { kind: "numeric", name: "y", values: y }, x: columns }),
  );
  console.log(
    `engine  OLS full summary, ${rows.toLocaleString("en-US")} x ${PREDICTORS}: ${seconds.toFixed(3)} s (best of 3; ${result.method}, R^2 ${result.rSquared.toFixed(4)})`,
  );
}

async function benchCli(): Promise<void> {
  const rows = 200_000;
  const { x, y } = makeData(rows, 2);
  const names = x.map((_, j) => `x${j + 1}`);
  const lines = [["y", ...names].join(",")];
  for (let i = 0; i < rows; i++) lines.push([y[i], ...x.map((c) => c[i])].join(","));
  await withCsv(lines, async (file) => {
    // The CLI as `npm run mmm` runs it, minus npm's own start-up.
    const cli = [
      "scripts/run-bundled.mjs",
      "src/cli/bin.ts",
      "ols",
      file,
      "--y",
      "y",
      "--x",
      names.join(","),
      "--json",
    ];
    execFileSync(process.execPath, cli); // builds the CLI bundle if a source changed
    const ours = await timeBest(3, () => execFileSync(process.execPath, cli));
    console.log(
      `cli     mmm ols on a ${rows.toLocaleString("en-US")} x ${PREDICTORS} CSV (whole process): ${ours.seconds.toFixed(3)} s (best of 3)`,
    );
    const python = "/usr/bin/python3";
    const probe = spawnSync(python, ["-c", "import statsmodels, pandas"]);
    if (probe.status !== 0) {
      console.log(
        "peer    statsmodels not installed here (apt-get install -y python3-statsmodels): no side-by-side figure",
      );
    } else {
      const peer = await timeBest(3, () =>
        execFileSync(python, ["bench/statsmodels_ols.py", file, "y", names.join(",")]),
      );
      console.log(
        `peer    statsmodels: pandas.read_csv + OLS.fit + summary + het_breuschpagan (whole process): ${peer.seconds.toFixed(3)} s (best of 3)`,
      );
    }
  });
}

/** Eight overlapping Gaussian clusters in 8 dimensions, rows shuffled by construction. */
async function benchKMeans(threads: Threads): Promise<void> {
  const rows = 100_000;
  const dimensions = 8;
  const k = 8;
  const random = generator(3);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: k }, () =>
    Array.from({ length: dimensions }, () => 3 * normal()),
  );
  const columns: NumericColumn[] = Array.from({ length: dimensions }, (_, j) => ({
    kind: "numeric",
    name: `c${j}`,
    values: new Float64Array(rows),
  }));
  for (let i = 0; i < rows; i++) {
    const centre = centres[Math.floor(random() * k)];
    for (let j = 0; j < dimensions; j++)
      columns[j].values[i] = Math.round((centre[j] + 1.5 * normal()) * 1e6) / 1e6;
  }
  const { points } = prepareFeatures(columns, true);
  const options = { k, restarts: 10, seed: 0 };
  const alone = await timeBest(3, () => kMeansOn(oneThread, points, options));
  const ours = await timeBest(3, () => kMeansOn(threads, points, options));
  console.log(
    `engine  k-means ${rows.toLocaleString("en-US")} x ${dimensions}, k = ${k}, 10 restarts: ${ours.seconds.toFixed(3)} s on ${threads.count} threads, ${alone.seconds.toFixed(3)} s on one (best of 3; inertia ${ours.result.inertia.toFixed(3)})`,
  );
  const exact = await timeBest(1, () => silhouetteOn(threads, points, ours.result.labels, k));
  console.log(
    `engine  exact silhouette of all ${rows.toLocaleString("en-US")} rows (k = ${k}) on ${threads.count} threads: ${exact.seconds.toFixed(3)} s (mean ${exact.result.mean.toFixed(6)})`,
  );
  const python = "/usr/bin/python3";
  if (spawnSync(python, ["-c", "import sklearn"]).status !== 0) {
    console.log("peer    scikit-learn not installed here: no side-by-side figure");
    return;
  }
  const lines = [columns.map((c) => c.name).join(",")];
  for (let i = 0; i < rows; i++) lines.push(columns.map((c) => c.values[i]).join(","));
  // Ours and the peer in turns: this machine's speed drifts by a third over a minute, so a figure
  // is only compared with the one taken beside it.
  const rounds: number[][] = [];
  await withCsv(lines, async (file) => {
    for (let round = 1; round <= 3; round++) {
      const mine = await timeBest(3, () => kMeansOn(threads, points, options));
      const peer = execFileSync(python, ["bench/sklearn_kmeans.py", file, String(k)]);
      const [seconds, inertia, exactSeconds, exactInertia] = peer.toString().trim().split(" ");
      rounds.push([mine.seconds, Number(seconds), Number(exactSeconds)]);
      console.log(
        `pair    round ${round}: ours ${mine.seconds.toFixed(3)} s on ${threads.count} threads; scikit-learn KMeans(n_init=10) ${seconds} s (inertia ${inertia}), with tol=0 (until the labels stop changing, as ours) ${exactSeconds} s (inertia ${exactInertia}); best of 3 each`,
      );
    }
  });
  const median = (column: number) => rounds.map((r) => r[column]).sort((a, b) => a - b)[1];
  console.log(
    `pair    medians of the 3 rounds: ours ${median(0).toFixed(3)} s, scikit-learn ${median(1).toFixed(3)} s, with tol=0 ${median(2).toFixed(3)} s`,
  );
}

/** A regression of y on 4 spend columns (200 rows), then one plan simulated. */
async function benchSimulate(): Promise<void> {
  const rows = 200;
  const random = generator(11);
  const x = Array.from({ length: 4 }, () =>
    Float64Array.from({ length: rows }, () => random() * 1000),
  );
  const y = Float64Array.from({ length: rows }, (_, i) =>
    x.reduce((sum, column, j) => sum + (j + 1) * column[i], 500 + 300 * (random() - 0.5)),
  );
  const columns: NumericColumn[] = x.map((values, j) => ({
    kind: "numeric",
    name: `x${j}`,
    values,
  }));
  const model = regressionModel(
    runOls({ y: { kind: "numeric", name: "y", values: y }, x: columns }),
  );
  const plan = [
    fixedPlan(
      Float64Array.from(x, (column) => column.reduce((s, v) => s + v, 0) / rows),
      "Plan 1",
    ),
  ];
  for (const iterations of [100_000, 1_000_000]) {
    // Best of 5, as the numpy peer is timed.
    const ours = await timeBest(5, () => simulatePlans(model, plan, { iterations, seed: 1 }));
    console.log(
      `engine  Monte Carlo of a 4-channel plan, ${iterations.toLocaleString("en-US")} iterations with the summaries (sales, each channel's incremental sales and ROI; ${ours.result.draws === null ? "streamed" : "draws held"}): ${(ours.seconds * 1000).toFixed(1)} ms (best of 5)`,
    );
  }
  const python = "/usr/bin/python3";
  if (spawnSync(python, ["-c", "import numpy"]).status !== 0) {
    console.log("peer    numpy not installed here: no side-by-side figure");
    return;
  }
  const lines = ["y,x0,x1,x2,x3"];
  for (let i = 0; i < rows; i++) lines.push([y[i], ...x.map((column) => column[i])].join(","));
  const seconds = await withCsv(lines, (file) =>
    Number(execFileSync(python, ["bench/numpy_simulate.py", file, "100000"]).toString().trim()),
  );
  console.log(
    `peer    numpy, vectorised, 100,000 iterations with the same summaries: ${(seconds * 1000).toFixed(1)} ms (best of 5)`,
  );
}

if (isMainThread) {
  // `npm run bench -- kmeans simulate` runs only the sections named; no names, all of them.
  const only = process.argv.slice(2);
  const wanted = (section: string) => only.length === 0 || only.includes(section);
  void (async () => {
    if (wanted("ols")) await benchEngine();
    if (wanted("cli")) await benchCli();
    if (wanted("simulate")) await benchSimulate();
    // The threads k-means and the silhouette share their work with: this bundle again, as workers.
    if (wanted("kmeans")) await benchKMeans(nodeThreads(__filename) ?? oneThread);
  })();
} else {
  serveJobs();
}
