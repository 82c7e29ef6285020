#!/usr/bin/env node
// Writes schema/catalog.schema.json from the zod schemas (a test checks the committed file is current).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
const dir = mkdtempSync(join(root, "node_modules/.cache/sb-schema-"));
try {
  const outfile = join(dir, "json-schema.mjs");
  await build({
    entryPoints: [join(root, "src/model/json-schema.ts")],
    bundle: true, platform: "node", format: "esm", packages: "external", outfile, logLevel: "error",
  });
  const { catalogJsonSchema } = await import(pathToFileURL(outfile).href);
  mkdirSync(join(root, "schema"), { recursive: true });
  writeFileSync(join(root, "schema/catalog.schema.json"), `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
  console.log("wrote schema/catalog.schema.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
