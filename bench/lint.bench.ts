/**
 * The sludge linter at scale: lintCatalog with every rule on (preset `all`), with and without parsing the
 * catalog first; computeBurden alone; and compareCatalogs of two versions (the second with a tenth of the services
 * changed). Also the time per rule (at the largest selected size up to 20k steps), to spot a rule that does not
 * scale.
 */
import { type Catalog, builtinRules, compareCatalogs, computeBurden, lintCatalog, parseCatalog } from "../src/index.js";
import { medianMs, selectedSizes, syntheticCatalog, table } from "./synthetic.js";

const small = process.argv.includes("--size=small");
const fmt = (ms: number) => ms.toFixed(1);
const CONFIG = { preset: "all", today: "2026-12-01" } as const;

/** The same catalog with every tenth service's first step made faster and digital (a redesign). */
function redesigned(catalog: Catalog): Catalog {
  return parseCatalog({
    ...catalog,
    services: catalog.services.map((service, i) =>
      i % 10 !== 0
        ? service
        : { ...service, steps: service.steps.map((step, j) => (j === 0 ? { ...step, customerMinutes: Math.floor(step.customerMinutes / 2), signature: "none" } : step)) },
    ),
  });
}

const rows: (string | number)[][] = [];
let last: { label: string; catalog: Catalog } | undefined;
for (const { label, size } of selectedSizes()) {
  const doc = syntheticCatalog(size);
  const json = JSON.stringify(doc);
  const catalog = parseCatalog(JSON.parse(json));
  const steps = catalog.services.reduce((n, s) => n + s.steps.length, 0);
  const runs = small ? 1 : steps >= 100_000 ? 1 : 3;
  const result = lintCatalog(catalog, CONFIG);
  const errors = result.findings.filter((f) => f.ruleId === "rule-error");
  if (errors.length > 0) throw new Error(errors.map((f) => f.message).join("\n"));
  const lint = medianMs(runs, () => lintCatalog(catalog, CONFIG));
  const withParse = medianMs(runs, () => lintCatalog(parseCatalog(JSON.parse(json)), CONFIG));
  const burden = medianMs(runs, () => computeBurden(catalog));
  const after = redesigned(catalog);
  const compare = medianMs(Math.min(runs, 3), () => compareCatalogs(catalog, after, CONFIG));
  const heap = process.memoryUsage().heapUsed / 1e6;
  rows.push([label, steps, result.findings.length, fmt(lint), fmt(withParse), fmt(burden), fmt(compare), `${heap.toFixed(0)} MB`]);
  // Per-rule timings at the largest size up to 20k steps (27 full lints of 200k steps would take minutes).
  if (steps <= 20_000) last = { label, catalog };
}
console.log(
  table(["size", "steps", "findings (all rules)", "lintCatalog ms", "parse + lint ms", "computeBurden ms", "compareCatalogs ms", "heap after"], rows),
);

if (last !== undefined) {
  // Each rule alone (plus the shared graph analyses it triggers, which the full lint computes once).
  const perRule = builtinRules.map((rule) => {
    const ms = medianMs(1, () => lintCatalog(last!.catalog, { preset: [], today: "2026-12-01", rules: { [rule.meta.id]: rule.meta.defaultSeverity } }));
    return [rule.meta.id, fmt(ms)] as (string | number)[];
  });
  console.log(`\nOne rule at a time, ${last.label} (each run includes indexing and the burden report):\n`);
  console.log(table(["rule", "lintCatalog ms"], perRule));
}
