// Runs a TypeScript entry point (the CLI, the benchmarks) under plain Node. The entry is bundled
// with esbuild into node_modules/.cache/mmm/ and rebuilt only when a file under src/ or the
// entry's folder is newer, so a call costs Node's start-up (about 0.05 s) instead of a
// TypeScript loader's (about 0.5 s), and the code runs as fast as the bundled add-in.
//   node scripts/run-bundled.mjs src/cli/bin.ts ols data.csv --y Sales --x TV
import { build } from "esbuild";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildKernels } from "./build-kernels.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [entryArgument, ...rest] = process.argv.slice(2);
const entry = resolve(root, entryArgument);
const bundle = join(
  root,
  "node_modules",
  ".cache",
  "mmm",
  `${basename(dirname(entry))}-${basename(entry, ".ts")}.cjs`,
);

function newest(directory) {
  let time = 0;
  for (const item of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, item.name);
    time = Math.max(time, item.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function modified(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

await buildKernels(); // the WebAssembly kernels are sources under src/ once built

if (modified(bundle) < Math.max(newest(join(root, "src")), newest(dirname(entry)))) {
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: bundle,
    logLevel: "warning",
  });
}

process.argv = [process.argv[0], entry, ...rest];
createRequire(import.meta.url)(bundle);
