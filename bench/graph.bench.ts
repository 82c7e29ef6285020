/**
 * Graph analyses at scale: every service and every life experience of the synthetic catalogs (2k, 20k and 200k
 * steps; --size=small runs the first), then single graphs that grow tenfold (one service, and one life experience
 * chaining 100-step services) to show how the cost grows with the size. Paths are listed up to the default cap
 * (1,000) and, as the sludge engine asks, not at all (`maxPaths: 0`).
 */
import { type Catalog, analyzeLifeExperience, analyzeService, parseCatalog } from "../src/index.js";
import { generatedCatalog } from "../tests/export/generate.js";
import { medianMs, selectedSizes, syntheticCatalog, table } from "./synthetic.js";

const small = process.argv.includes("--size=small");
const fmt = (ms: number) => ms.toFixed(1);
const stepCount = (catalog: Catalog) => catalog.services.reduce((sum, s) => sum + s.steps.length, 0);

// 1. Whole catalogs: every service, every life experience.
const rows: (string | number)[][] = [];
for (const { label, size } of selectedSizes()) {
  const catalog = parseCatalog(syntheticCatalog(size));
  const runs = small ? 1 : size.services * size.stepsPerService >= 100_000 ? 3 : 5;
  const services = (maxPaths?: number) => {
    for (const s of catalog.services) analyzeService(catalog, s.id, maxPaths === undefined ? undefined : { maxPaths });
  };
  const experiences = (maxPaths?: number) => {
    for (const x of catalog.lifeExperiences) analyzeLifeExperience(catalog, x.id, maxPaths === undefined ? undefined : { maxPaths });
  };
  const paths = catalog.services.reduce((sum, s) => sum + analyzeService(catalog, s.id, { maxPaths: 0 }).paths.count, 0);
  rows.push([
    label,
    catalog.services.length,
    catalog.lifeExperiences.length,
    paths.toExponential(2),
    fmt(medianMs(runs, () => services())),
    fmt(medianMs(runs, () => services(0))),
    fmt(medianMs(runs, () => experiences())),
    fmt(medianMs(runs, () => experiences(0))),
  ]);
}
console.log(
  table(
    [
      "catalog",
      "services",
      "experiences",
      "paths (all services)",
      "every service ms",
      "every service, maxPaths 0 ms",
      "every experience ms",
      "every experience, maxPaths 0 ms",
    ],
    rows,
  ),
);

// 2. Growth: one graph of 1k, 10k and 100k steps (1k only with --size=small).
const growth: (string | number)[][] = [];
const sizes = small ? [1_000] : [1_000, 10_000, 100_000];
for (const steps of sizes) {
  const runs = small ? 1 : steps >= 100_000 ? 3 : 5;
  const one = parseCatalog(syntheticCatalog({ agencies: 1, services: 1, stepsPerService: steps, experiences: 0 }));
  const service = one.services[0]!;
  const serviceMs = medianMs(runs, () => analyzeService(one, service.id));
  const report = analyzeService(one, service.id);
  growth.push([
    `1 service × ${steps} steps`,
    stepCount(one),
    report.paths.count.toExponential(2),
    fmt(serviceMs),
    fmt((serviceMs / stepCount(one)) * 1000),
  ]);
  const chained = parseCatalog(generatedCatalog({ services: steps / 100, stepsPerService: 100, agencies: 10 }));
  const experience = chained.lifeExperiences[0]!;
  const experienceMs = medianMs(runs, () => analyzeLifeExperience(chained, experience.id));
  const xReport = analyzeLifeExperience(chained, experience.id);
  growth.push([
    `1 experience, ${steps / 100} services × 100 steps`,
    stepCount(chained),
    xReport.paths.count.toExponential(2),
    fmt(experienceMs),
    fmt((experienceMs / stepCount(chained)) * 1000),
  ]);
}
console.log();
console.log(table(["graph", "steps", "paths", "analysis ms", "µs per step"], growth));
