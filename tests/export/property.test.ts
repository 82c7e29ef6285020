/**
 * For any labels at all, every view parses with Mermaid's own parser and every label is still readable in it.
 */
import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parseCatalog, type CatalogInput } from "../../src/index.js";
import { cleanText } from "../../src/export/mermaid/escape.js";
import { toMermaid, type MermaidView } from "../../src/export/mermaid/index.js";
import { readMermaid } from "../helpers/mermaid-parse.js";
import { retirementInput } from "./fixtures.js";
import { checkPinnedLayout } from "./layout-check.js";

/** Pieces of text that mean something to Mermaid, markdown, HTML, YAML or a journey. */
const TOKENS = [
  "end",
  "subgraph",
  "graph",
  "flowchart",
  "click",
  "style",
  "classDef",
  "linkStyle",
  "title",
  "section",
  "journey",
  "accTitle:",
  "%%",
  "%%{init: {'theme':'dark'}}%%",
  '"',
  "'",
  "`",
  "```",
  "#",
  "#quot;",
  "#35;",
  "&amp;",
  "&#60;",
  "<img src=x onerror=alert(1)>",
  "<br>",
  "</div>",
  "|",
  ";",
  ":",
  ",",
  "-->",
  "---",
  "==>",
  "~~~",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "**",
  "_",
  "~~",
  "[x](http://a.b)",
  "https://example.com",
  "\\n",
  "\n",
  "\r\n",
  "\t",
  "\u0000",
  "\u2028",
  "\uFB02\u00B0",
  "\u00B6\u00DF",
  "😀",
  "👩‍👩‍👧",
  "東京",
  "Ñandú",
  "\u202Eevil",
  "1.",
  "- ",
  "> ",
];

const label = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" ")),
  )
  .map((s) => s.slice(0, 400))
  .filter((s) => s.trim().length > 0);

type Names = {
  agencies: string[];
  channels: string[];
  services: string[];
  steps: string[][];
  failPoint: string;
  flowLabel: string;
  linkLabel: string;
  experience: string;
};

const namesArb: fc.Arbitrary<Names> = fc.record({
  agencies: fc.array(label, { minLength: 3, maxLength: 3 }),
  channels: fc.array(label, { minLength: 5, maxLength: 5 }),
  services: fc.array(label, { minLength: 2, maxLength: 2 }),
  steps: fc.tuple(fc.array(label, { minLength: 13, maxLength: 13 }), fc.array(label, { minLength: 3, maxLength: 3 })),
  failPoint: label,
  flowLabel: label,
  linkLabel: label,
  experience: label,
});

function catalogWith(names: Names): CatalogInput {
  const input = retirementInput() as unknown as {
    agencies: { name: string }[];
    channels: { name: string }[];
    services: { name: string; steps: { name: string; failPoint?: { description: string }; next?: { label?: string }[] }[] }[];
    lifeExperiences: { name: string; links: { label?: string }[] }[];
  };
  input.agencies.forEach((a, i) => (a.name = names.agencies[i]!));
  input.channels.forEach((c, i) => (c.name = names.channels[i]!));
  input.services.forEach((s, si) => {
    s.name = names.services[si]!;
    s.steps.forEach((step, i) => {
      step.name = names.steps[si]![i]!;
      if (step.failPoint) step.failPoint.description = names.failPoint;
      for (const flow of step.next ?? []) flow.label = names.flowLabel;
    });
  });
  input.lifeExperiences[0]!.name = names.experience;
  input.lifeExperiences[0]!.links.forEach((l) => (l.label = names.linkLabel));
  return input as unknown as CatalogInput;
}

/** What a reader should see of a name: cleaned as the exporter cleans it, or the id fallback. */
function readable(name: string, fallback: string, max = 120): string {
  const cleaned = cleanText(name, false, max);
  return (cleaned === "" ? fallback : cleaned).replace(/\s+/g, " ").trim();
}

const VIEWS: MermaidView[] = [
  { view: "blueprint", service: "ssa-retire" },
  { view: "blueprint", service: "cms-enroll" },
  { view: "life-experience", experience: "retire" },
  { view: "journey", service: "ssa-retire" },
];

test.prop([namesArb], { numRuns: 25 })("every view parses and every label stays readable, whatever the labels", async (names) => {
  const catalog = parseCatalog(catalogWith(names));
  for (const view of VIEWS) {
    for (const diagram of toMermaid(catalog, view).diagrams) {
      expect(diagram.text).not.toMatch(/<[a-z/!]/i);
      const content = await readMermaid(diagram.text);
      if (content.kind === "journey") {
        const tasks = content.tasks.map((t) => t.task);
        catalog.services[0]!.steps.forEach((step) => {
          if (step.lane === "customer") expect(tasks).toContain(readable(step.name, `step ${step.id}`));
        });
        continue;
      }
      if (view.view === "blueprint") checkPinnedLayout(content);
      catalog.services.forEach((service, si) =>
        service.steps.forEach((step, i) => {
          const text = content.nodes.get(`s${si}_n${i}`);
          if (text === undefined) return;
          expect(text.startsWith(readable(step.name, `step ${step.id}`))).toBe(true);
        }),
      );
      for (const edge of content.edges) {
        if (edge.label.startsWith("rework")) expect(edge.label).toContain(readable(names.flowLabel, ""));
      }
    }
  }
});

test.prop([fc.integer({ min: 20, max: 600 }), fc.integer({ min: 2_000, max: 60_000 })], { numRuns: 15 })(
  "any budget gives diagrams within it, or a typed error",
  async (maxEdges, maxTextSize) => {
    const catalog = parseCatalog(retirementInput());
    for (const view of VIEWS) {
      let diagrams;
      try {
        diagrams = toMermaid(catalog, view, { maxEdges, maxTextSize }).diagrams;
      } catch (error) {
        expect((error as { code?: string }).code).toBe("budget_too_small");
        continue;
      }
      for (const d of diagrams) {
        expect(d.text.length).toBeLessThanOrEqual(maxTextSize);
        expect(d.edges).toBeLessThanOrEqual(maxEdges);
        await readMermaid(d.text, { maxEdges });
      }
    }
  },
);
