/**
 * Every Mermaid view of any generated catalog parses with Mermaid's own parser: blueprints (both layouts) and
 * journeys of every service, and the graph of every life experience, including adversarial names and ids
 * (Mermaid keywords, alone and inside longer names, quotes, brackets, markup), and reads back every step of a
 * blueprint and the accessible title of every diagram.
 */
import { fc, test } from "@fast-check/vitest";
import { beforeAll, expect } from "vitest";
import type { Catalog } from "../../src/index.js";
import { toMermaid } from "../../src/export/mermaid/index.js";
import type { MermaidOptions, MermaidView } from "../../src/export/mermaid/types.js";
import { arbCatalog } from "../../src/testing/index.js";
import { cleanText } from "../../src/export/mermaid/escape.js";
import { stepNodeId } from "../../src/export/mermaid/ids.js";
import { loadMermaid, readMermaid } from "../helpers/mermaid-parse.js";

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
    const nodes = new Set<string>();
    for (const diagram of diagrams) {
      let content;
      try {
        content = await readMermaid(diagram.text, { maxEdges: options.maxEdges ?? 500 });
      } catch (error) {
        throw new Error(`${JSON.stringify(view)} (${diagram.id}) does not parse: ${String(error)}\n${diagram.text}`, { cause: error });
      }
      // A line Mermaid's lexer swallows whole (`direction TB` inside a label) still parses: check what it read.
      expect(content.accTitle, `${diagram.id}: accessible title`).toBe(cleanText(diagram.title, false).replace(/\s+/g, " "));
      if (content.kind === "flowchart") for (const id of content.nodes.keys()) nodes.add(id);
    }
    if (view.view === "blueprint") {
      const si = catalog.services.findIndex((s) => s.id === view.service);
      catalog.services[si]!.steps.forEach((step, i) => expect(nodes.has(stepNodeId(si, i)), `${view.service}: step ${step.id} is not drawn`).toBe(true));
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

// A step fans out to at most every other step plus one rework flow (under 100 edges), and a blueprint part's pinned
// bands take under 100 more (each pin written twice, see bands.ts): 200 edges always hold one step.
test.prop([arbCatalog({ minServices: 1, maxServices: 1, minStepsPerService: 60, maxStepsPerService: 95 })], { numRuns: 5 })(
  "views split under a small edge budget still parse, part by part",
  async (catalog) => {
    await everyViewParses(catalog, { maxEdges: 200 });
  },
);
