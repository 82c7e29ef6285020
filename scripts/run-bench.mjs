#!/usr/bin/env node
// Runs the TypeScript benchmarks in bench/ (all, or those whose name contains an argument): each is bundled
// with esbuild (dependencies left external) and run in a fresh Node process, so one benchmark's heap does not
// distort the next one's memory figures.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("--"));
const benches = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(", ")}`);
  process.exit(2);
}
// Bundles live inside the repository so that their external imports resolve from node_modules.
mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
const dir = mkdtempSync(join(root, "node_modules/.cache/sb-bench-"));
let failed = 0;
try {
  for (const file of benches) {
    const outfile = join(dir, file.replace(/\.ts$/, ".mjs"));
    await build({
      entryPoints: [join(root, "bench", file)],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile,
      logLevel: "error",
    });
    console.log(`\n## ${file}\n`);
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", outfile, ...passThrough], {
      cwd: root,
      stdio: "inherit",
      env: process.env,
    });
    if (run.status !== 0) failed += 1;
    // Wall time of the whole benchmark process (set-up included): what a CI run spends on it.
    console.log(`\n(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
