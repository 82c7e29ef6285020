import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Catalog, parseCatalogText } from "../../src/index.js";

/** The bundled examples folder. */
export const EXAMPLES_ROOT = join(import.meta.dirname, "..", "..", "examples");

/**
 * Every catalog of examples/<name>/, in name order: the YAML or JSON documents with a top-level `version` (a
 * lint config or an import report beside them is not a catalog). Empty when the folder is absent.
 */
export function exampleCatalogs(): { name: string; catalog: Catalog }[] {
  if (!existsSync(EXAMPLES_ROOT)) return [];
  const found: { name: string; catalog: Catalog }[] = [];
  for (const dir of readdirSync(EXAMPLES_ROOT).sort()) {
    const path = join(EXAMPLES_ROOT, dir);
    if (!statSync(path).isDirectory()) continue;
    for (const file of readdirSync(path).sort()) {
      const format = /\.ya?ml$/.test(file) ? "yaml" : file.endsWith(".json") ? "json" : undefined;
      if (format === undefined) continue;
      const text = readFileSync(join(path, file), "utf8");
      if (!(format === "yaml" ? /^version:/m.test(text) : /^\s*\{\s*"(\$schema|version)"/.test(text))) continue;
      found.push({ name: `${dir}/${file}`, catalog: parseCatalogText(text, { format }) });
    }
  }
  return found;
}
