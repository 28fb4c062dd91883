/**
 * The WebAssembly side of k-means (kmeans.wat): a workspace in the kernel's memory that holds the
 * points and every per-point array of one run, and typed calls of the three loops. The arrays are
 * views on that memory, so the JavaScript steps between the loops read and write them in place.
 */
import { bytesFor, compileKernel, growTo, viewsIn } from "./compile";
import { kmeansWasm } from "./kmeans.wasm";

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  assign(
    values: number,
    count: number,
    dims: number,
    centres: number,
    k: number,
    labels: number,
    nearest: number,
    second: number,
  ): void;
  reassign(
    values: number,
    count: number,
    dims: number,
    centres: number,
    k: number,
    labels: number,
    upper: number,
    lower: number,
    moved: number,
    drop: number,
    halfGap: number,
    sums: number,
    sizes: number,
  ): number;
  candidates(
    values: number,
    count: number,
    dims: number,
    c0: number,
    c1: number,
    c2: number,
    c3: number,
    closest: number,
    potentials: number,
  ): void;
  clusterSums(
    values: number,
    count: number,
    dims: number,
    labels: number,
    sums: number,
    sizes: number,
  ): void;
  inertia(values: number, count: number, dims: number, labels: number, centres: number): number;
  distances(values: number, i: number, dims: number, centres: number, k: number, out: number): void;
  addCentre(
    values: number,
    count: number,
    dims: number,
    centre: number,
    index: number,
    closest: number,
    second: number,
    labels: number,
  ): number;
}

/** Compiled once per thread (2 kB: small enough to compile synchronously on a page). */
let compiled: WebAssembly.Module | null = null;

/**
 * One instance per thread, its memory kept for the next workspace: a fresh instance per run (a new
 * memory's reservation and page faults) cost about 25 ms, measured as ten one-restart runs of
 * 100,000 × 8 in 1.15 s against 0.90 s. Runs needing more than KEEP_BYTES get an instance of
 * their own, freed with them.
 */
let kept: KernelExports | null = null;
const KEEP_BYTES = 64 * 1024 ** 2;
/** The token of the workspace that owns the kept instance's memory now; older ones may not use it. */
let owner: object | null = null;

function instance(bytes: number): KernelExports {
  compiled ??= compileKernel(kmeansWasm, "k-means");
  const fresh = () => new WebAssembly.Instance(compiled!).exports as unknown as KernelExports;
  const kernel = bytes > KEEP_BYTES ? fresh() : (kept ??= fresh());
  growTo(kernel.memory, bytes, "k-means");
  return kernel;
}

export class KMeansWorkspace {
  readonly count: number;
  readonly dimensions: number;
  readonly k: number;
  /** The points, copied in (row-major). */
  readonly values: Float64Array;
  readonly labels: Int32Array;
  /** Hamerly's upper bounds; k-means++'s squared distance to the nearest centre before that. */
  readonly upper: Float64Array;
  /** Hamerly's lower bounds; k-means++'s squared distance to the second nearest before that. */
  readonly lower: Float64Array;
  readonly centres: Float64Array;
  readonly sums: Float64Array;
  readonly sizes: Float64Array;
  readonly moved: Float64Array;
  readonly drop: Float64Array;
  readonly halfGap: Float64Array;
  /** Centres that Hartigan's moves shift one point at a time. */
  readonly moving: Float64Array;
  /** Squared distances from one point to each centre (`distances`). */
  readonly nearby: Float64Array;
  private readonly potentials: Float64Array;
  private readonly meanSums: Float64Array;
  private readonly meanSizes: Float64Array;
  private readonly kernel: KernelExports;
  private readonly token = {};

  constructor(values: Float64Array, count: number, dimensions: number, k: number) {
    this.count = count;
    this.dimensions = dimensions;
    this.k = k;
    const kd = k * dimensions;
    // Labels are i32 and take half of their f64 array.
    const lengths = { values: count * dimensions, labels: count, upper: count, lower: count };
    const small = { centres: kd, sums: kd, sizes: k, moved: k, drop: k, halfGap: k };
    const hartigan = { moving: kd, nearby: k, potentials: 4, meanSums: kd, meanSizes: k };
    const layout = { ...lengths, ...small, ...hartigan };
    this.kernel = instance(bytesFor(layout));
    if (this.kernel === kept) owner = this.token;
    const views = viewsIn(this.kernel.memory, layout);
    this.values = views.values;
    this.values.set(values.subarray(0, count * dimensions));
    this.labels = new Int32Array(views.labels.buffer, views.labels.byteOffset, count);
    ({ upper: this.upper, lower: this.lower, centres: this.centres, sums: this.sums } = views);
    ({ sizes: this.sizes, moved: this.moved, drop: this.drop, halfGap: this.halfGap } = views);
    ({ moving: this.moving, nearby: this.nearby, potentials: this.potentials } = views);
    ({ meanSums: this.meanSums, meanSizes: this.meanSizes } = views);
  }

  /** Labels every point with its nearest centre; upper and lower get the two nearest distances. */
  assign(): void {
    this.check();
    this.kernel.assign(
      this.values.byteOffset,
      this.count,
      this.dimensions,
      this.centres.byteOffset,
      this.k,
      this.labels.byteOffset,
      this.upper.byteOffset,
      this.lower.byteOffset,
    );
  }

  /** One pass of Hamerly's assignment with the workspace's centres and moves; whether any label changed. */
  reassign(): boolean {
    this.check();
    return (
      this.kernel.reassign(
        this.values.byteOffset,
        this.count,
        this.dimensions,
        this.centres.byteOffset,
        this.k,
        this.labels.byteOffset,
        this.upper.byteOffset,
        this.lower.byteOffset,
        this.moved.byteOffset,
        this.drop.byteOffset,
        this.halfGap.byteOffset,
        this.sums.byteOffset,
        this.sizes.byteOffset,
      ) !== 0
    );
  }

  /**
   * The potentials of up to four candidate rows, Σ min(closest, |x − candidate|²), with `upper`
   * holding each point's squared distance to its nearest centre so far.
   */
  candidates(rows: readonly number[]): number[] {
    this.check();
    const stride = 8 * this.dimensions;
    const address = (t: number) =>
      this.values.byteOffset + rows[Math.min(t, rows.length - 1)] * stride;
    this.kernel.candidates(
      this.values.byteOffset,
      this.count,
      this.dimensions,
      address(0),
      address(1),
      address(2),
      address(3),
      this.upper.byteOffset,
      this.potentials.byteOffset,
    );
    return Array.from(this.potentials.subarray(0, rows.length));
  }

  /**
   * k-means++ adds centre `index` (already in `centres`): each point's nearest and second-nearest
   * squared distances (upper, lower) and label updated. Returns the new potential, Σ closest.
   */
  addCentre(index: number): number {
    this.check();
    return this.kernel.addCentre(
      this.values.byteOffset,
      this.count,
      this.dimensions,
      this.centres.byteOffset + index * 8 * this.dimensions,
      index,
      this.upper.byteOffset,
      this.lower.byteOffset,
      this.labels.byteOffset,
    );
  }

  /**
   * Each cluster's sum of points and size under the workspace's labels, into `sums` and `sizes`
   * (arrays of this workspace), added in row order.
   */
  sumClusters(sums: Float64Array, sizes: Float64Array): void {
    this.check();
    sums.fill(0);
    sizes.fill(0);
    this.kernel.clusterSums(
      this.values.byteOffset,
      this.count,
      this.dimensions,
      this.labels.byteOffset,
      sums.byteOffset,
      sizes.byteOffset,
    );
  }

  /**
   * Each cluster's mean and size under the workspace's labels; an empty cluster keeps its centre
   * in `previous`. Copies, not views.
   */
  means(previous: Float64Array): { centres: Float64Array; sizes: Float64Array } {
    const { meanSums, meanSizes, dimensions } = this;
    this.sumClusters(meanSums, meanSizes);
    const centres = new Float64Array(meanSums.length);
    for (let c = 0; c < this.k; c++) {
      for (let j = 0; j < dimensions; j++) {
        const at = c * dimensions + j;
        centres[at] = meanSizes[c] > 0 ? meanSums[at] / meanSizes[c] : previous[at];
      }
    }
    return { centres, sizes: Float64Array.from(meanSizes) };
  }

  /** Σ squared distance of each point to the centre of its label. */
  inertia(centres: Float64Array): number {
    this.check();
    this.meanSums.set(centres);
    return this.kernel.inertia(
      this.values.byteOffset,
      this.count,
      this.dimensions,
      this.labels.byteOffset,
      this.meanSums.byteOffset,
    );
  }

  /** Squared distances from point i to each of the `moving` centres, into `nearby`. */
  distances(i: number): void {
    this.check();
    this.kernel.distances(
      this.values.byteOffset,
      i,
      this.dimensions,
      this.moving.byteOffset,
      this.k,
      this.nearby.byteOffset,
    );
  }

  /** Refuses a workspace whose memory a newer one has taken over (its views would be stale). */
  private check(): void {
    if (this.kernel === kept && owner !== this.token) {
      throw new Error("A k-means workspace was used after a newer one took its memory.");
    }
  }
}
