/**
 * The WebAssembly side of k-means (kmeans.wat): a workspace in the kernel's memory that holds the
 * points and every per-point array of one run, and typed calls of the three loops. The arrays are
 * views on that memory, so the JavaScript steps between the loops read and write them in place.
 */
import { EngineError } from "../errors";
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

/** Compiled once per thread (1.8 kB: small enough to compile synchronously on a page). */
let compiled: WebAssembly.Module | null = null;

const PAGE = 65536;
/** wasm32 addresses 4 GiB; leave room below it. */
const MAX_BYTES = 4 * 1024 ** 3 - PAGE;

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
  private readonly potentials: Float64Array;
  private readonly kernel: KernelExports;

  constructor(values: Float64Array, count: number, dimensions: number, k: number) {
    this.count = count;
    this.dimensions = dimensions;
    this.k = k;
    const sizes = [count * dimensions, count, count, count];
    const small = [k * dimensions, k * dimensions, k, k, k, k, 4];
    // Every array starts on a 16-byte boundary; labels are i32 but get a whole f64 slot each.
    const bytes = [...sizes, ...small].reduce((total, length) => total + align(8 * length), 0);
    if (bytes > MAX_BYTES) {
      throw new EngineError(
        "tooLarge",
        `k-means on ${count.toLocaleString("en-US")} rows × ${dimensions} columns needs more memory than one run may use (4 GB); use fewer rows or columns.`,
      );
    }
    compiled ??= new WebAssembly.Module(kmeansWasm);
    this.kernel = new WebAssembly.Instance(compiled).exports as unknown as KernelExports;
    const memory = this.kernel.memory;
    memory.grow(Math.max(0, Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE));
    let offset = 0;
    const take = (length: number) => {
      const view = new Float64Array(memory.buffer, offset, length);
      offset += align(8 * length);
      return view;
    };
    this.values = take(count * dimensions);
    this.values.set(values.subarray(0, count * dimensions));
    this.labels = new Int32Array(memory.buffer, offset, count);
    offset += align(8 * count);
    this.upper = take(count);
    this.lower = take(count);
    this.centres = take(k * dimensions);
    this.sums = take(k * dimensions);
    this.sizes = take(k);
    this.moved = take(k);
    this.drop = take(k);
    this.halfGap = take(k);
    this.potentials = take(4);
  }

  /** Labels every point with its nearest centre; upper and lower get the two nearest distances. */
  assign(): void {
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
}

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
