/**
 * Every example catalog (examples/<name>/*.yaml|yml|json with a `version`): every view of every service and life
 * experience exports, parses with Mermaid's own parser within the default edge limit, and (for blueprints) keeps a
 * pinned layout. A sample of each example also renders in Chromium, offline.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Catalog } from "../../src/index.js";
import { toMermaid, type MermaidView } from "../../src/export/mermaid/index.js";
import { openChromium, svgStructure } from "../helpers/chromium.js";
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

/** The views rendered in Chromium: every life experience, and the first four services of each example. */
function sampleOf(catalog: Catalog): MermaidView[] {
  return viewsOf(catalog).filter((v) => v.view === "life-experience" || catalog.services.slice(0, 4).some((s) => "service" in v && v.service === s.id));
}

const examples = exampleCatalogs();
const chromium = examples.length > 0 ? await openChromium() : null;
afterAll(async () => {
  await chromium?.close();
});

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

    it.skipIf(chromium === null)(`${name}: a sample renders in Chromium with its nodes, offline`, async () => {
      for (const view of sampleOf(catalog)) {
        for (const d of toMermaid(catalog, view).diagrams) {
          const before = chromium!.blockedRequests.length;
          const svg = await chromium!.render(d.text);
          const content = await readMermaid(d.text);
          const structure = svgStructure(svg);
          if (content.kind === "flowchart") {
            expect([...structure.nodes].sort()).toEqual([...content.nodes.keys()].sort());
            expect([...structure.clusters].sort()).toEqual([...content.subgraphs.keys()].sort());
          }
          expect(structure.fetchers).toEqual([]);
          expect(chromium!.blockedRequests.slice(before)).toEqual([]);
        }
      }
    });
  }
});
