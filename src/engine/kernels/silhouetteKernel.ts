/**
 * The WebAssembly side of the silhouette (silhouette.wat): the points sorted by cluster, in rows
 * and transposed, in the kernel's memory, with scratch for the sums of one block of work.
 */
import { bytesFor, compileKernel, growTo, viewsIn } from "./compile";
import { silhouetteWasm } from "./silhouette.wasm";

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  blockSums(
    x: number,
    aCount: number,
    yT: number,
    column: number,
    bCount: number,
    dims: number,
    aTotals: number,
    bTotals: number,
  ): void;
}

let compiled: WebAssembly.Module | null = null;

export class SilhouetteWorkspace {
  private readonly dimensions: number;
  private readonly count: number;
  private readonly rows: Float64Array;
  private readonly columns: Float64Array;
  /** A rows gathered for `gatheredSums` (row-major). */
  readonly gathered: Float64Array;
  /** Each A row's summed distance to the B rows, after a call. */
  readonly aTotals: Float64Array;
  /** Each B row's summed distance to the A rows, after a call that asks for it. */
  readonly bTotals: Float64Array;
  private readonly kernel: KernelExports;

  /**
   * `values`: the points (row-major), copied in the order `order` (sorted by cluster); `largest`:
   * the largest cluster's size.
   */
  constructor(values: Float64Array, order: Int32Array, dimensions: number, largest: number) {
    const count = order.length;
    this.dimensions = dimensions;
    this.count = count;
    const layout = {
      rows: count * dimensions,
      columns: count * dimensions,
      gathered: largest * dimensions,
      aTotals: count,
      bTotals: count,
    };
    compiled ??= compileKernel(silhouetteWasm, "The exact silhouette");
    this.kernel = new WebAssembly.Instance(compiled).exports as unknown as KernelExports;
    growTo(this.kernel.memory, bytesFor(layout), "The exact silhouette");
    ({
      rows: this.rows,
      columns: this.columns,
      gathered: this.gathered,
      aTotals: this.aTotals,
      bTotals: this.bTotals,
    } = viewsIn(this.kernel.memory, layout));
    for (let p = 0; p < count; p++) {
      const from = order[p] * dimensions;
      for (let j = 0; j < dimensions; j++) {
        const x = values[from + j];
        this.rows[p * dimensions + j] = x;
        this.columns[j * count + p] = x;
      }
    }
  }

  /** Sorted row p (a view). */
  row(p: number): Float64Array {
    return this.rows.subarray(p * this.dimensions, (p + 1) * this.dimensions);
  }

  /**
   * Sorted rows a0..a1 against sorted rows b0..b1: aTotals[a − a0] and, when `both`,
   * bTotals[b − b0] become the summed distances to the other block.
   */
  sortedSums(a0: number, a1: number, b0: number, b1: number, both: boolean): void {
    const from = this.rows.byteOffset + a0 * 8 * this.dimensions;
    this.sums(from, a1 - a0, b0, b1, both);
  }

  /** The first `rows` rows of `gathered` against sorted rows b0..b1, into aTotals. */
  gatheredSums(rows: number, b0: number, b1: number): void {
    this.sums(this.gathered.byteOffset, rows, b0, b1, false);
  }

  private sums(x: number, rows: number, b0: number, b1: number, both: boolean): void {
    this.aTotals.fill(0, 0, rows);
    if (both) this.bTotals.fill(0, 0, b1 - b0);
    this.kernel.blockSums(
      x,
      rows,
      this.columns.byteOffset + 8 * b0,
      8 * this.count,
      b1 - b0,
      this.dimensions,
      this.aTotals.byteOffset,
      both ? this.bTotals.byteOffset : 0,
    );
  }
}
