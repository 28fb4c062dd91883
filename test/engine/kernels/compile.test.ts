/** Hosts without WebAssembly SIMD, or without the memory a run needs, get an EngineError. */
import { compileKernel, growTo } from "../../../src/engine/kernels/compile";
import { kmeansWasm } from "../../../src/engine/kernels/kmeans.wasm";
import { thrown } from "../../support/engineErrors";

describe("compileKernel", () => {
  afterEach(() => jest.restoreAllMocks());

  it("compiles a kernel where the host validates it", () => {
    expect(compileKernel(kmeansWasm, "k-means")).toBeInstanceOf(WebAssembly.Module);
  });

  it("refuses, naming what can run it, where the host lacks WebAssembly SIMD", () => {
    jest.spyOn(WebAssembly, "validate").mockReturnValue(false);
    const error = thrown(() => compileKernel(kmeansWasm, "k-means"));
    expect(error.code).toBe("unsupported");
    expect(error.message).toMatch(/^k-means runs in WebAssembly with SIMD, which this host lacks/);
    expect(error.message).toMatch(/macOS 13\.3 or later, or the command line/);
  });
});

describe("growTo", () => {
  it("grows a memory to the bytes asked for", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    growTo(memory, 3 * 65536 + 1, "k-means");
    expect(memory.buffer.byteLength).toBe(4 * 65536);
  });

  it("says how much memory a run needs when the host will not give it", () => {
    const capped = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const error = thrown(() => growTo(capped, 10 * 1024 ** 2, "The exact silhouette"));
    expect(error.code).toBe("tooLarge");
    expect(error.message).toBe(
      "The exact silhouette needs 10 MB of memory, more than this host gives it; use fewer rows or columns.",
    );
    expect(thrown(() => growTo(capped, 5 * 1024 ** 3, "k-means")).message).toMatch(
      /k-means needs 5,120 MB of memory/,
    );
  });
});
