/**
 * The whole pipeline at each size (issue 10): parse and validate, graph analysis, lint with every rule, Mermaid
 * export of every view (plain, and with the lint's findings as the sludge overlay), compare of two versions, and
 * peak memory, each next to the floor measured in the same run on the same document: `JSON.parse` of it, and
 * zod's validation of the schema alone.
 *
 * YAML: the same catalog written by `serializeCatalog`, validated from text next to the yaml package's own `parse`
 * of it (the floor for YAML). Only below 100,000 steps unless `--yaml-large` (the yaml package alone takes tens of
 * seconds on 70 MB).
 *
 * Peak memory is the maximum resident set size of a fresh child process that does one job (the floor, or the
 * pipeline) on the same JSON text, so neither inherits the other's heap.
 */
import { spawnSync } from "node:child_process";
import { parse as parseYaml } from "yaml";
import {
  type Catalog,
  type CatalogInput,
  type Finding,
  type MermaidView,
  CatalogSchema,
  analyzeLifeExperience,
  analyzeService,
  compareCatalogs,
  lintCatalog,
  parseCatalog,
  safeParseCatalogText,
  serializeCatalog,
  toMermaid,
} from "../src/index.js";
import { SIZES, freshMedianMs, medianMs, selectedSizes, syntheticCatalog, table } from "./synthetic.js";

const TODAY = "2026-12-01";

/** A second version of a catalog, as a redesign would make it: a tenth of the services lose sludge. */
function redesigned(doc: CatalogInput): CatalogInput {
  const copy = structuredClone(doc) as { services: { steps: Record<string, unknown>[] }[] };
  copy.services.forEach((service, s) => {
    if (s % 10 !== 0) return;
    for (const step of service.steps) {
      step["signature"] = "none";
      step["notarization"] = false;
      step["waitDays"] = Math.floor(Number(step["waitDays"] ?? 0) / 2);
      step["travelMinutes"] = 0;
    }
  });
  return copy as unknown as CatalogInput;
}

function viewsOf(catalog: Catalog): MermaidView[] {
  return [
    ...catalog.services.flatMap((s): MermaidView[] => [
      { view: "blueprint", service: s.id },
      { view: "journey", service: s.id },
    ]),
    ...catalog.lifeExperiences.map((e): MermaidView => ({ view: "life-experience", experience: e.id })),
  ];
}

function analyzeAll(catalog: Catalog): number {
  let n = 0;
  for (const service of catalog.services) n += analyzeService(catalog, service.id).reworkLoops.length;
  for (const experience of catalog.lifeExperiences) n += analyzeLifeExperience(catalog, experience.id).repeatedAsks.length;
  return n;
}

/** Every view of the catalog; with `findings`, each carries the sludge overlay (as `report` and `diagram --sludge`). */
function exportAll(catalog: Catalog, findings?: readonly Finding[]): number {
  let chars = 0;
  const options = findings === undefined ? {} : { findings };
  for (const view of viewsOf(catalog)) for (const d of toMermaid(catalog, view, options).diagrams) chars += d.text.length;
  return chars;
}

// ── child mode: one job on one size, then print the peak resident set size ────────────────────────────────────
const child = process.argv.find((a) => a.startsWith("--child="))?.slice("--child=".length);
if (child !== undefined) {
  const label = process.argv.find((a) => a.startsWith("--label="))!.slice("--label=".length);
  const json = JSON.stringify(syntheticCatalog(SIZES.find((s) => s.label === label)!.size));
  const before = process.resourceUsage().maxRSS;
  if (child === "floor") {
    if (!CatalogSchema.safeParse(JSON.parse(json)).success) throw new Error("invalid");
  } else {
    const parsed = safeParseCatalogText(json, { format: "json" });
    if (!parsed.success) throw new Error("invalid");
    lintCatalog(parsed.catalog, { preset: "all", today: TODAY });
  }
  process.stdout.write(JSON.stringify({ before, peak: process.resourceUsage().maxRSS }));
  process.exit(0);
}

function peakMb(job: "floor" | "pipeline", label: string): number {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", process.argv[1]!, `--child=${job}`, `--label=${label}`], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`child ${job} ${label} failed: ${run.stderr}`);
  const { peak } = JSON.parse(run.stdout) as { peak: number };
  return peak / 1024;
}

const small = process.argv.includes("--size=small");
const times: (string | number)[][] = [];
const ratios: (string | number)[][] = [];
const yamlRows: (string | number)[][] = [];
const fmt = (ms: number) => ms.toFixed(0);
for (const { label, size } of selectedSizes()) {
  const steps = size.services * size.stepsPerService;
  // The generated document is dropped once written out and redesigned, so it does not weigh on the timings.
  const { json, after } = ((doc: CatalogInput) => ({ json: JSON.stringify(doc), after: parseCatalog(redesigned(doc)) }))(syntheticCatalog(size));
  const runs = small ? 1 : steps >= 100_000 ? 3 : 5;
  const catalog = parseCatalog(JSON.parse(json));

  const jsonParse = medianMs(runs, () => JSON.parse(json));
  const zod = medianMs(runs, () => CatalogSchema.safeParse(JSON.parse(json)));
  const validate = medianMs(runs, () => safeParseCatalogText(json, { format: "json" }));
  const graph = medianMs(runs, () => analyzeAll(catalog));
  // On a freshly parsed catalog each run: the memoised index of one catalog keeps the analyses a lint computes.
  const fresh = () => parseCatalog(JSON.parse(json));
  const lint = freshMedianMs(runs, fresh, (c) => lintCatalog(c, { preset: "all", today: TODAY }));
  const pipeline = medianMs(runs, () => {
    const parsed = safeParseCatalogText(json, { format: "json" });
    if (!parsed.success) throw new Error("invalid");
    return lintCatalog(parsed.catalog, { preset: "all", today: TODAY });
  });
  const mermaid = medianMs(steps >= 100_000 ? 1 : Math.min(runs, 3), () => exportAll(catalog));
  const { findings } = lintCatalog(catalog, { preset: "all", today: TODAY });
  const overlaid = medianMs(steps >= 100_000 ? 1 : Math.min(runs, 3), () => exportAll(catalog, findings));
  const compare = freshMedianMs(
    steps >= 100_000 ? 1 : Math.min(runs, 3),
    () => [fresh(), parseCatalog(JSON.parse(JSON.stringify(after)))] as const,
    ([before, redesign]) => compareCatalogs(before, redesign, { preset: "all", today: TODAY }),
  );
  if (steps < 100_000 || process.argv.includes("--yaml-large")) {
    const yaml = serializeCatalog(catalog);
    const yamlRuns = steps >= 100_000 ? 1 : Math.min(runs, 3);
    const yamlParse = medianMs(yamlRuns, () => parseYaml(yaml));
    const yamlValidate = medianMs(yamlRuns, () => {
      if (!safeParseCatalogText(yaml, { format: "yaml" }).success) throw new Error("invalid");
    });
    yamlRows.push([label, `${(yaml.length / 1e6).toFixed(1)} MB`, fmt(yamlParse), fmt(yamlValidate), (yamlValidate / yamlParse).toFixed(2)]);
  }
  const floorMb = peakMb("floor", label);
  const pipelineMb = peakMb("pipeline", label);

  times.push([
    label,
    `${(json.length / 1e6).toFixed(1)} MB`,
    fmt(jsonParse),
    fmt(zod),
    fmt(validate),
    fmt(graph),
    fmt(lint),
    fmt(pipeline),
    fmt(mermaid),
    fmt(overlaid),
    fmt(compare),
  ]);
  ratios.push([
    label,
    (pipeline / zod).toFixed(2),
    ((pipeline / steps) * 1000).toFixed(1),
    floorMb.toFixed(0),
    pipelineMb.toFixed(0),
    (pipelineMb / floorMb).toFixed(2),
  ]);
}

console.log("Times in ms (medians). validate = parseCatalogText of the JSON text; pipeline = validate + lint, preset all.\n");
console.log(
  table(
    ["size", "JSON", "JSON.parse", "JSON.parse + zod", "validate", "graph (every service and experience)", "lint (all rules)", "pipeline", "Mermaid (every view)", "Mermaid with findings", "compare"],
    times,
  ),
);
console.log("\nRatios and peak memory (max RSS of a fresh process doing one job on the same text).\n");
console.log(table(["size", "pipeline ÷ zod", "pipeline µs per step", "floor MB (JSON.parse + zod)", "pipeline MB", "memory ÷ floor"], ratios));
if (yamlRows.length > 0) {
  console.log("\nYAML: validate = safeParseCatalogText of the YAML text; floor = the yaml package's parse of it.\n");
  console.log(table(["size", "YAML", "yaml parse", "validate", "validate ÷ yaml parse"], yamlRows));
}
