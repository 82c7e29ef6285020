/**
 * The memoised catalog index (issue 20 item 3): one index per frozen catalog, owning the data derived from it, so
 * that analyses, lint, burden and exports of one catalog share it; a fresh index (and fresh derived data) for an
 * edited catalog, and for a catalog that is not frozen.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeBurden, indexCatalog, lintCatalog, parseCatalogText, stepReach, toMermaid, updateStep } from "../../src/index.js";
import { serviceReachShares } from "../../src/graph/flow.js";
import { linkOverflows } from "../../src/graph/experience-graph.js";
import { derivedKind } from "../../src/model/index-lookup.js";
import { analysisAccess } from "../../src/sludge/analysis.js";
import { experienceFlow } from "../../src/graph/experience-flow.js";
import { reachOf } from "../../src/sludge/internal/reach.js";

const SERVICE = "ssa-retirement-claim";
const STEP = "learn-when-to-claim";
const EXPERIENCE = "approaching-retirement";

function example() {
  const path = join(import.meta.dirname, "../../examples/approaching-retirement/as-is.yaml");
  return parseCatalogText(readFileSync(path, "utf8"), { format: "yaml" });
}

describe("indexCatalog", () => {
  it("returns the same index for the same frozen catalog", () => {
    const catalog = example();
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(indexCatalog(catalog)).toBe(indexCatalog(catalog));
    expect(indexCatalog(example())).not.toBe(indexCatalog(catalog));
  });

  it("keeps the derived data with the index: the same objects come back, from every layer", () => {
    const catalog = example();
    const index = indexCatalog(catalog);
    const service = index.services.get(SERVICE)!;
    const experience = index.lifeExperiences.get(EXPERIENCE)!;
    // The graph layer's reach, through the public function and the index alike.
    const reach = stepReach(catalog, SERVICE);
    expect(stepReach(catalog, SERVICE)).toBe(reach);
    expect(analysisAccess(index).service(SERVICE).reach).toBe(reach);
    expect(serviceReachShares(index, service)).toBe(serviceReachShares(indexCatalog(catalog), service));
    expect(serviceReachShares(index, service).get(STEP)).toBe(reach.find((r) => r.step === STEP)!.share);
    // The life experience's link overflows and flow, and the sludge layer's analyses and reach maps.
    expect(linkOverflows(index, experience)).toBe(linkOverflows(indexCatalog(catalog), experience));
    expect(experienceFlow(index, experience)).toBe(experienceFlow(indexCatalog(catalog), experience));
    expect(analysisAccess(index)).toBe(analysisAccess(indexCatalog(catalog)));
    expect(reachOf(index, SERVICE)).toBe(reachOf(indexCatalog(catalog), SERVICE));
    // A lint, a burden report and an export of the same catalog leave the kept objects as they were.
    const before = lintCatalog(catalog, { preset: "all", today: "2026-12-01" });
    computeBurden(catalog);
    toMermaid(catalog, { view: "life-experience", experience: EXPERIENCE });
    expect(stepReach(catalog, SERVICE)).toBe(reach);
    expect(analysisAccess(index)).toBe(analysisAccess(indexCatalog(catalog)));
    expect(lintCatalog(catalog, { preset: "all", today: "2026-12-01" })).toEqual(before);
  });

  it("computes a derived value once per kind and key, and only when asked", () => {
    const index = indexCatalog(example());
    const kind = derivedKind<{ readonly n: number }>("test counter");
    let calls = 0;
    const compute = () => ({ n: ++calls });
    expect(calls).toBe(0);
    const first = index.derived(kind, "a", compute);
    expect(index.derived(kind, "a", compute)).toBe(first);
    expect(index.derived(kind, "b", compute)).toEqual({ n: 2 });
    expect(index.derived(derivedKind<{ readonly n: number }>("test counter"), "a", compute)).toEqual({ n: 3 });
    expect(calls).toBe(3);
  });

  it("gives an edited catalog a fresh index and fresh derived data, and leaves the original's alone", () => {
    const catalog = example();
    const reach = stepReach(catalog, SERVICE);
    const burden = computeBurden(catalog);
    const minutes = indexCatalog(catalog).step(SERVICE, STEP)!.step.customerMinutes;
    const edited = updateStep(catalog, SERVICE, STEP, { customerMinutes: minutes + 600 });
    expect(edited.success).toBe(true);
    const next = edited.catalog;
    expect(next).not.toBe(catalog);
    expect(indexCatalog(next)).not.toBe(indexCatalog(catalog));
    expect(indexCatalog(next)).toBe(indexCatalog(next));
    expect(indexCatalog(next).step(SERVICE, STEP)!.step.customerMinutes).toBe(minutes + 600);
    expect(stepReach(next, SERVICE)).not.toBe(reach);
    expect(stepReach(next, SERVICE)).toEqual(reach);
    const after = computeBurden(next);
    expect(after.total.annualHours).toBeGreaterThan(burden.total.annualHours);
    // The original catalog still answers from its own index.
    expect(stepReach(catalog, SERVICE)).toBe(reach);
    expect(computeBurden(catalog)).toEqual(burden);
  });

  it("indexes a catalog that is not frozen afresh on every call, since it could have changed", () => {
    const catalog = structuredClone(example());
    expect(Object.isFrozen(catalog)).toBe(false);
    expect(indexCatalog(catalog)).not.toBe(indexCatalog(catalog));
    const reach = stepReach(catalog, SERVICE);
    expect(stepReach(catalog, SERVICE)).not.toBe(reach);
    expect(stepReach(catalog, SERVICE)).toEqual(reach);
    const step = catalog.services.find((s) => s.id === SERVICE)!.steps.find((s) => s.id === STEP)!;
    (step as { customerMinutes: number }).customerMinutes += 600;
    expect(indexCatalog(catalog).step(SERVICE, STEP)!.step.customerMinutes).toBe(step.customerMinutes);
  });
});
