/**
 * Every Mermaid view of any generated catalog parses with Mermaid's own parser: blueprints (both layouts) and
 * journeys of every service, and the graph of every life experience, including adversarial names and ids
 * (Mermaid keywords, quotes, brackets, markup).
 */
import { fc, test } from "@fast-check/vitest";
import { beforeAll, expect } from "vitest";
import type { Catalog } from "../../src/index.js";
import { toMermaid } from "../../src/export/mermaid/index.js";
import type { MermaidOptions, MermaidView } from "../../src/export/mermaid/types.js";
import { arbCatalog } from "../../src/testing/index.js";
import { loadMermaid, parseMermaid } from "../helpers/mermaid-parse.js";

beforeAll(async () => {
  await loadMermaid();
});

/** Every view the catalog offers. */
function views(catalog: Catalog): MermaidView[] {
  return [
    ...catalog.services.flatMap((s): MermaidView[] => [
      { view: "blueprint", service: s.id },
      { view: "journey", service: s.id },
    ]),
    ...catalog.lifeExperiences.map((x): MermaidView => ({ view: "life-experience", experience: x.id })),
  ];
}

async function everyViewParses(catalog: Catalog, options: MermaidOptions = {}): Promise<void> {
  for (const view of views(catalog)) {
    const { diagrams } = toMermaid(catalog, view, options);
    expect(diagrams.length).toBeGreaterThan(0);
    for (const diagram of diagrams) {
      try {
        await parseMermaid(diagram.text, { maxEdges: options.maxEdges ?? 500 });
      } catch (error) {
        throw new Error(`${JSON.stringify(view)} (${diagram.id}) does not parse: ${String(error)}\n${diagram.text}`, { cause: error });
      }
    }
  }
}

const catalogs = fc.oneof(
  arbCatalog({ maxServices: 3, maxLifeExperiences: 2 }),
  arbCatalog({ maxServices: 2, text: "adversarial", sludge: "heavy", minLifeExperiences: 0 }),
);

test.prop([catalogs], { numRuns: 25 })("every view of every service and life experience parses", async (catalog) => {
  await everyViewParses(catalog);
});

test.prop([arbCatalog({ maxServices: 2, text: "adversarial" })], { numRuns: 15 })("the swimlane layout parses too", async (catalog) => {
  await everyViewParses(catalog, { layout: "swimlane" });
});

// A step fans out to at most every other step plus one rework flow, so 100 edges always hold one step's flows.
test.prop([arbCatalog({ minServices: 1, maxServices: 1, minStepsPerService: 60, maxStepsPerService: 95 })], { numRuns: 5 })(
  "views split under a small edge budget still parse, part by part",
  async (catalog) => {
    await everyViewParses(catalog, { maxEdges: 100 });
  },
);
