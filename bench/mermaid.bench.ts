/**
 * Mermaid export at scale: a 10,000-step catalog (300 with --size=small) exported with splitting, next to
 * Mermaid's own parse time of the same output (mermaid 11 in Node, DOMPurify bound to a jsdom window, as in the
 * tests). Parsing is the floor any consumer pays; rendering in a browser costs more again (see STACK.md 4.3).
 */
import { parseCatalog, toMermaid, type Catalog, type MermaidDiagram, type MermaidView } from "../src/index.js";
import { generatedCatalog } from "../tests/export/generate.js";
import { parseMermaid } from "../tests/helpers/mermaid-parse.js";
import { medianMs, syntheticCatalog, table } from "./synthetic.js";

const small = process.argv.includes("--size=small");
const steps = small ? 300 : 10_000;
const runs = small ? 1 : 5;

// One service of `steps` steps (branches every 5th step, rework every 7th, all lanes).
const oneService = parseCatalog(syntheticCatalog({ agencies: 1, services: 1, stepsPerService: steps, experiences: 0 }));
// `steps` steps as 100-step services of 10 agencies, chained in one life experience.
const services = steps / 100;
const manyServices = parseCatalog(generatedCatalog({ services, stepsPerService: 100, agencies: 10 }));

interface Case {
  readonly name: string;
  readonly catalog: Catalog;
  readonly views: readonly MermaidView[];
}

const cases: Case[] = [
  { name: `blueprint, 1 service × ${steps} steps`, catalog: oneService, views: [{ view: "blueprint", service: "service-0" }] },
  { name: `journey, 1 service × ${steps} steps`, catalog: oneService, views: [{ view: "journey", service: "service-0" }] },
  { name: `life experience, ${services} services × 100 steps`, catalog: manyServices, views: [{ view: "life-experience", experience: "everything" }] },
  {
    name: `every blueprint, ${services} services × 100 steps`,
    catalog: manyServices,
    views: manyServices.services.map((s) => ({ view: "blueprint", service: s.id }) as const),
  },
];

const rows: (string | number)[][] = [];
for (const c of cases) {
  const exportAll = (): MermaidDiagram[] => c.views.flatMap((view) => toMermaid(c.catalog, view).diagrams);
  const exportMs = medianMs(runs, exportAll);
  const diagrams = exportAll();
  const chars = diagrams.reduce((sum, d) => sum + d.text.length, 0);
  // Mermaid's parse: once to load each diagram type's grammar, then timed.
  for (const d of diagrams.slice(0, 1)) await parseMermaid(d.text);
  const start = performance.now();
  for (const d of diagrams) await parseMermaid(d.text);
  const parseMs = performance.now() - start;
  rows.push([
    c.name,
    diagrams.length,
    `${(chars / 1e6).toFixed(2)} MB`,
    Math.max(...diagrams.map((d) => d.edges)),
    Math.max(...diagrams.map((d) => d.text.length)),
    exportMs.toFixed(0),
    parseMs.toFixed(0),
    (parseMs / exportMs).toFixed(1),
  ]);
}
console.log(
  table(["view (default budgets: 500 edges, 50,000 chars)", "diagrams", "text", "max edges", "max chars", "toMermaid ms", "mermaid.parse ms", "parse ÷ export"], rows),
);
