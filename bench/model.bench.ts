/**
 * Parse and validate: the floor (JSON.parse, the yaml package's parse, zod's schema alone) next to the library's
 * whole validation (schema + integrity) and serialization, at several sizes.
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { CatalogSchema, parseCatalog, safeParseCatalog, safeParseCatalogText, serializeCatalog } from "../src/index.js";
import { medianMs, selectedSizes, syntheticCatalog, table } from "./synthetic.js";

const small = process.argv.includes("--size=small");
const rows: (string | number)[][] = [];
const fmt = (ms: number) => ms.toFixed(1);
for (const { label, size } of selectedSizes()) {
  const doc = syntheticCatalog(size);
  const json = JSON.stringify(doc);
  const runs = small ? 1 : size.services * size.stepsPerService >= 100_000 ? 3 : 5;
  const catalog = parseCatalog(JSON.parse(json));
  if (!safeParseCatalog(JSON.parse(json)).success) throw new Error("synthetic catalog is invalid");
  const yaml = stringifyYaml(doc);
  const jsonParse = medianMs(runs, () => JSON.parse(json));
  const zodOnly = medianMs(runs, () => CatalogSchema.safeParse(JSON.parse(json)));
  const full = medianMs(runs, () => safeParseCatalogText(json, { format: "json" }));
  // The yaml package takes seconds per megabyte at this scale: one timed run each past 20k steps.
  const yamlRuns = size.services * size.stepsPerService > 20_000 ? 1 : Math.min(runs, 3);
  const yamlFloor = medianMs(yamlRuns, () => parseYaml(yaml));
  const yamlFull = medianMs(yamlRuns, () => safeParseCatalogText(yaml, { format: "yaml" }));
  const serialize = medianMs(runs, () => serializeCatalog(catalog, { format: "json" }));
  rows.push([
    label,
    `${(json.length / 1e6).toFixed(1)} MB`,
    fmt(jsonParse),
    fmt(zodOnly),
    fmt(full),
    (full / zodOnly).toFixed(2),
    fmt(yamlFloor),
    fmt(yamlFull),
    (yamlFull / yamlFloor).toFixed(2),
    fmt(serialize),
  ]);
}
console.log(
  table(
    [
      "size",
      "JSON",
      "JSON.parse ms",
      "JSON.parse + zod ms",
      "parseCatalogText (JSON) ms",
      "÷ zod",
      "yaml.parse ms",
      "parseCatalogText (YAML) ms",
      "÷ yaml",
      "serialize (JSON) ms",
    ],
    rows,
  ),
);
