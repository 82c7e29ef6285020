/**
 * Every example catalog (examples/<name>/*.yaml|yml|json with a `version`): every view of every service and life
 * experience exports, parses with Mermaid's own parser within the default edge limit, and (for blueprints) keeps a
 * pinned layout.
 *
 * Rendering them is the Chromium files' part, each drawing every diagram of its view once and checking that the
 * nodes and subgraphs drawn are the text's and that nothing is fetched (`renderAsWritten`): every blueprint part,
 * plain and with findings, in measure.test.ts and measure-sludge.test.ts; every life-experience overview and detailed graph in
 * life-experience-measure.test.ts; every journey in journey-render.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../src/index.js";
import { toMermaid, type MermaidView } from "../../src/export/mermaid/index.js";
import { exampleCatalogs } from "../helpers/example-catalogs.js";
import { readMermaid } from "../helpers/mermaid-parse.js";
import { checkPinnedLayout } from "./layout-check.js";

function viewsOf(catalog: Catalog): MermaidView[] {
  return [
    ...catalog.services.flatMap((s): MermaidView[] => [
      { view: "blueprint", service: s.id },
      { view: "journey", service: s.id },
    ]),
    ...catalog.lifeExperiences.map((e): MermaidView => ({ view: "life-experience", experience: e.id })),
  ];
}

const examples = exampleCatalogs();

describe("examples", () => {
  it("are there to test", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const { name, catalog } of examples) {
    it(`${name}: every view exports and parses within Mermaid's limits`, async () => {
      for (const view of viewsOf(catalog)) {
        const { diagrams } = toMermaid(catalog, view);
        expect(diagrams.length).toBeGreaterThan(0);
        for (const d of diagrams) {
          expect(d.text.length).toBeLessThanOrEqual(50_000);
          const content = await readMermaid(d.text, { maxEdges: 500 });
          if (view.view === "blueprint" && content.kind === "flowchart") checkPinnedLayout(content);
        }
      }
    });
  }
});
