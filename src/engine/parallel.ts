/**
 * Heavy work split into tasks that other threads can run: shares of k-means restarts and of the
 * silhouette's distance sums. The engine stays free of threads; whoever calls it passes `Threads`
 * (a pool of Web Workers, Node worker threads, or `oneThread` for running everything in place),
 * and every split gives exactly the numbers one thread gives.
 */
import { better, kMeans, type Clustering, type KMeansOptions, type Points } from "./models/kmeans";
import {
  silhouetteFromShares,
  silhouettePlan,
  silhouetteShare,
  type Silhouette,
} from "./models/silhouette";

export type Task =
  | { readonly kind: "kmeans"; readonly points: Points; readonly options: KMeansOptions }
  | {
      readonly kind: "silhouette";
      readonly points: Points;
      readonly labels: Int32Array;
      readonly k: number;
      /** From silhouettePlan, made once for all the shares. */
      readonly needed: Uint8Array;
      readonly part: number;
      readonly parts: number;
    };

export type TaskResult = Clustering | Float64Array;

export function runTask(task: Task): TaskResult {
  switch (task.kind) {
    case "kmeans":
      return kMeans(task.points, task.options);
    case "silhouette":
      return silhouetteShare(task.points, task.labels, task.k, task.needed, task.part, task.parts);
  }
}

/** Runs tasks, some perhaps on other threads; the results come in the order of the tasks. */
export interface Threads {
  readonly count: number;
  run(tasks: readonly Task[]): Promise<TaskResult[]>;
}

export const oneThread: Threads = {
  count: 1,
  run: (tasks) => Promise.resolve(tasks.map(runTask)),
};

/** k-means with its restarts shared among the threads; the same result as `kMeans`. */
export async function kMeansOn(
  threads: Threads,
  points: Points,
  options: KMeansOptions,
): Promise<Clustering> {
  const restarts = options.restarts ?? 10;
  points = shareable(points, threads);
  // One restart a task: restarts differ in length, and a free thread takes the next one. (An
  // invalid count goes to kMeans whole, which refuses it.)
  const shares = threads.count > 1 && Number.isInteger(restarts) && restarts > 1 ? restarts : 1;
  const tasks: Task[] = Array.from({ length: shares }, (_, share) => ({
    kind: "kmeans",
    points,
    options: {
      ...options,
      from: Math.round((share * restarts) / shares),
      to: Math.round(((share + 1) * restarts) / shares),
    },
  }));
  const results = (await threads.run(tasks)) as Clustering[];
  return results.reduce(better);
}

/** The exact silhouette with its distance sums shared among the threads. */
export async function silhouetteOn(
  threads: Threads,
  points: Points,
  labels: Int32Array,
  k: number,
): Promise<Silhouette> {
  points = shareable(points, threads);
  // Several shares a thread, so that a thread done early takes another.
  const parts = threads.count > 1 ? 4 * threads.count : 1;
  const needed = silhouettePlan(points, labels, k);
  const tasks: Task[] = Array.from({ length: parts }, (_, part) => ({
    kind: "silhouette",
    points,
    labels,
    k,
    needed,
    part,
    parts,
  }));
  const shares = (await threads.run(tasks)) as Float64Array[];
  return silhouetteFromShares(points, labels, k, needed, shares);
}

/**
 * The points in shared memory where the platform allows it (Node; pages that are cross-origin
 * isolated), so that each task sent to a thread does not copy them; as they are otherwise. Call
 * it once for points used by many tasks; points already shared are returned as they are.
 */
export function shareable(points: Points, threads: Threads): Points {
  if (threads.count < 2 || typeof SharedArrayBuffer === "undefined") return points;
  if (points.values.buffer instanceof SharedArrayBuffer) return points;
  const values = new Float64Array(new SharedArrayBuffer(points.values.byteLength));
  values.set(points.values);
  return { ...points, values };
}
