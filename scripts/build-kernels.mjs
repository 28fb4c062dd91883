// Compiles the WebAssembly kernels: each src/engine/kernels/NAME.wat becomes NAME.wasm.ts beside
// it, a module exporting the bytes, so that jest, esbuild, webpack and tsc all load it as plain
// TypeScript. The output is generated (git-ignored) and rewritten only when its source is newer.
// Run by npm test, npm start, the builds and scripts/run-bundled.mjs; by hand: npm run kernels.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const kernels = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "engine", "kernels");

function modified(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

export async function buildKernels() {
  // A kernel is stale when its .wat, or this script, is newer than its module.
  const script = modified(fileURLToPath(import.meta.url));
  const stale = readdirSync(kernels)
    .filter((name) => name.endsWith(".wat"))
    .filter((name) => Math.max(script, modified(join(kernels, name))) > modified(wasmModule(name)));
  if (stale.length === 0) return;
  const wabt = await (await import("wabt")).default();
  for (const name of stale) {
    const source = join(kernels, name);
    const parsed = wabt.parseWat(name, readFileSync(source, "utf8"), { simd: true });
    parsed.validate();
    const { buffer } = parsed.toBinary({});
    parsed.destroy();
    const constant = `${name.replace(/\.wat$/, "")}Wasm`;
    writeFileSync(
      wasmModule(name),
      `// Generated from ${name} by scripts/build-kernels.mjs: edit the .wat, not this file.\n` +
        `export const ${constant} = new Uint8Array([${Array.from(buffer).join(",")}]);\n`,
    );
  }
}

function wasmModule(name) {
  return join(kernels, name.replace(/\.wat$/, ".wasm.ts"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildKernels();
