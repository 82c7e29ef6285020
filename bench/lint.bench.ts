/**
 * The sludge linter at scale: lintCatalog with every rule on (preset `all`), with and without parsing the
 * catalog first; computeBurden alone; and compareCatalogs of two versions (the second with a tenth of the services
 * changed). Also the time per rule (at the largest selected size up to 20k steps), to spot a rule that does not
 * scale.
 *
 * Each of these runs on a freshly parsed catalog (parsed outside the timing), since the memoised index of a parsed
 * catalog keeps the analyses a lint computes: "lint again" is a second lint of the same catalog object, which reuses
 * them.
 */
import { type Catalog, builtinRules, compareCatalogs, computeBurden, lintCatalog, parseCatalog } from "../src/index.js";
import { freshMedianMs, medianMs, selectedSizes, syntheticCatalog, table } from "./synthetic.js";

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
  const fresh = () => parseCatalog(JSON.parse(json));
  const lint = freshMedianMs(runs, fresh, (c) => lintCatalog(c, CONFIG));
  const again = medianMs(runs, () => lintCatalog(catalog, CONFIG));
  const withParse = medianMs(runs, () => lintCatalog(parseCatalog(JSON.parse(json)), CONFIG));
  const burden = freshMedianMs(runs, fresh, (c) => computeBurden(c));
  const compare = freshMedianMs(Math.min(runs, 3), () => [fresh(), redesigned(catalog)] as const, ([a, b]) => compareCatalogs(a, b, CONFIG));
  const heap = process.memoryUsage().heapUsed / 1e6;
  rows.push([label, steps, result.findings.length, fmt(lint), fmt(again), fmt(withParse), fmt(burden), fmt(compare), `${heap.toFixed(0)} MB`]);
  // Per-rule timings at the largest size up to 20k steps (27 full lints of 200k steps would take minutes).
  if (steps <= 20_000) last = { label, catalog };
}
console.log(
  table(
    ["size", "steps", "findings (all rules)", "lintCatalog ms", "lint again ms", "parse + lint ms", "computeBurden ms", "compareCatalogs ms", "heap after"],
    rows,
  ),
);

if (last !== undefined) {
  // Each rule alone (plus the shared graph analyses it triggers, which the full lint computes once).
  const json = JSON.stringify(last.catalog);
  const perRule = builtinRules.map((rule) => {
    const config = { preset: [], today: "2026-12-01", rules: { [rule.meta.id]: rule.meta.defaultSeverity } };
    const ms = freshMedianMs(1, () => parseCatalog(JSON.parse(json)), (c) => lintCatalog(c, config));
    return [rule.meta.id, fmt(ms)] as (string | number)[];
  });
  console.log(`\nOne rule at a time, ${last.label} (each run includes indexing and the burden report):\n`);
  console.log(table(["rule", "lintCatalog ms"], perRule));
}
