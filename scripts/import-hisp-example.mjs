#!/usr/bin/env node
// Regenerates examples/federal-hisp-services/ from the CSV beside it: catalog.yaml, import-report.md and the
// generated part of README.md (between its markers). tests/import/hisp-example.test.ts checks the committed files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const example = join(root, "examples/federal-hisp-services");
mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
const dir = mkdtempSync(join(root, "node_modules/.cache/sb-hisp-"));
try {
  const outfile = join(dir, "generate.mjs");
  await build({
    entryPoints: [join(example, "generate.ts")],
    bundle: true, platform: "node", format: "esm", packages: "external", outfile, logLevel: "error",
  });
  const { generateHispExample, README_START, README_END } = await import(pathToFileURL(outfile).href);
  const csv = readFileSync(join(example, "hisp-cx-data-2023-05-21.csv"), "utf8");
  const options = JSON.parse(readFileSync(join(example, "import-options.json"), "utf8"));
  const started = performance.now();
  const result = generateHispExample(csv, options);
  const ms = performance.now() - started;
  writeFileSync(join(example, "catalog.yaml"), result.catalogYaml);
  writeFileSync(join(example, "import-report.md"), result.reportMarkdown);
  const readmePath = join(example, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${README_START} ... ${README_END}`);
  writeFileSync(readmePath, readme.slice(0, start) + result.readmeBlock + readme.slice(end + README_END.length));
  console.log(`wrote catalog.yaml (${(result.catalogYaml.length / 1024).toFixed(0)} KiB), import-report.md and README.md in ${ms.toFixed(0)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
