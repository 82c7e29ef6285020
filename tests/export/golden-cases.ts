import type { Catalog } from "../../src/index.js";
import { toMermaid, type MermaidOptions, type MermaidView } from "../../src/export/mermaid/index.js";
import { directionPhraseCatalog, retirementCatalog, retirementFindings } from "./fixtures.js";

/** One golden case: a view with options, written to tests/export/golden/<name>[-part-N].mmd. */
export interface GoldenCase {
  readonly name: string;
  readonly view: MermaidView;
  readonly options?: MermaidOptions;
  /** The catalog drawn; the retirement catalog when left out. */
  readonly catalog?: () => Catalog;
}

/** Every view, with and without the overlay, filters, the swimlane layout and a forced split. */
export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: "blueprint-ssa-retire", view: { view: "blueprint", service: "ssa-retire" } },
  { name: "blueprint-ssa-retire-overlay", view: { view: "blueprint", service: "ssa-retire" }, options: { findings: retirementFindings() } },
  { name: "blueprint-ssa-retire-customer-backstage", view: { view: "blueprint", service: "ssa-retire" }, options: { lanes: ["customer", "backstage"] } },
  { name: "blueprint-ssa-retire-swimlane", view: { view: "blueprint", service: "ssa-retire" }, options: { layout: "swimlane" } },
  { name: "blueprint-ssa-retire-split", view: { view: "blueprint", service: "ssa-retire" }, options: { maxEdges: 80 } },
  { name: "blueprint-cms-enroll", view: { view: "blueprint", service: "cms-enroll" } },
  { name: "life-experience-retire", view: { view: "life-experience", experience: "retire" } },
  { name: "life-experience-retire-detailed", view: { view: "life-experience", experience: "retire" }, options: { detailed: true } },
  {
    name: "life-experience-retire-collapsed-overlay",
    view: { view: "life-experience", experience: "retire" },
    options: { collapse: ["ssa-retire"], findings: retirementFindings() },
  },
  { name: "journey-ssa-retire", view: { view: "journey", service: "ssa-retire" } },
  { name: "journey-ssa-retire-overlay", view: { view: "journey", service: "ssa-retire" }, options: { findings: retirementFindings() } },
  { name: "journey-cms-enroll", view: { view: "journey", service: "cms-enroll" } },
  // "direction TB" anywhere on a line is a direction statement to Mermaid's flowchart lexer, quoted labels included.
  // Drawn whole (not split by width), so that one file holds every escaped label.
  { name: "blueprint-direction-phrase", view: { view: "blueprint", service: "ssa-retire" }, options: { maxColumns: 100 }, catalog: directionPhraseCatalog },
  {
    name: "blueprint-direction-phrase-swimlane",
    view: { view: "blueprint", service: "ssa-retire" },
    options: { layout: "swimlane", maxColumns: 100 },
    catalog: directionPhraseCatalog,
  },
  {
    name: "life-experience-direction-phrase",
    view: { view: "life-experience", experience: "retire" },
    options: { detailed: true },
    catalog: directionPhraseCatalog,
  },
  { name: "life-experience-direction-phrase-overview", view: { view: "life-experience", experience: "retire" }, catalog: directionPhraseCatalog },
  { name: "journey-direction-phrase", view: { view: "journey", service: "ssa-retire" }, catalog: directionPhraseCatalog },
];

/** The files a case writes: one per diagram. */
export function goldenFiles(c: GoldenCase): { file: string; text: string; title: string }[] {
  const { diagrams } = toMermaid((c.catalog ?? retirementCatalog)(), c.view, c.options);
  return diagrams.map((d, i) => ({ file: diagrams.length > 1 ? `${c.name}-part-${i + 1}.mmd` : `${c.name}.mmd`, text: d.text, title: d.title }));
}
