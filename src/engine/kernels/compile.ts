/**
 * What the WebAssembly kernels share: compiling one, where the host can, and growing its memory,
 * each failure an EngineError that says what to do instead.
 */
import { EngineError } from "../errors";

const PAGE = 65536;
/** wasm32 addresses 4 GiB; leave room below it. */
const MAX_BYTES = 4 * 1024 ** 3 - PAGE;

/** The kernel compiled, or an error naming the hosts that can run it. */
export function compileKernel(bytes: Uint8Array<ArrayBuffer>, work: string): WebAssembly.Module {
  if (typeof WebAssembly === "undefined" || !WebAssembly.validate(bytes)) {
    throw new EngineError(
      "unsupported",
      `${work} runs in WebAssembly with SIMD, which this host lacks: use current Excel on Windows or the web, Excel for Mac on macOS 13.3 or later, or the command line.`,
    );
  }
  return new WebAssembly.Module(bytes);
}

/** Grows `memory` to hold `bytes`, or says that the run needs more memory than it may have. */
export function growTo(memory: WebAssembly.Memory, bytes: number, work: string): void {
  const needed = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
  try {
    if (bytes > MAX_BYTES) throw new RangeError("beyond 4 GB");
    if (needed > 0) memory.grow(needed);
  } catch {
    throw new EngineError(
      "tooLarge",
      `${work} needs ${Math.ceil(bytes / 1024 ** 2).toLocaleString("en-US")} MB of memory, more than this host gives it; use fewer rows or columns.`,
    );
  }
}

/** Bytes that f64 arrays of these lengths take, each starting on a 16-byte boundary. */
export function bytesFor(lengths: Readonly<Record<string, number>>): number {
  return Object.values(lengths).reduce((total, length) => total + align(8 * length), 0);
}

/** Views of those arrays, laid out one after another from the start of `memory`. */
export function viewsIn<Name extends string>(
  memory: WebAssembly.Memory,
  lengths: Readonly<Record<Name, number>>,
): Record<Name, Float64Array> {
  let offset = 0;
  const views = {} as Record<Name, Float64Array>;
  for (const name of Object.keys(lengths) as Name[]) {
    views[name] = new Float64Array(memory.buffer, offset, lengths[name]);
    offset += align(8 * lengths[name]);
  }
  return views;
}

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
