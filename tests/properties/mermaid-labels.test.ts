/**
 * For any labels at all, every view parses with Mermaid's own parser and shows every label as written: Mermaid
 * keywords and phrases mixed into longer labels included (`Await policy direction TBD`, which Mermaid's lexer reads
 * from anywhere on a line and which makes a node vanish without any parse error, so presence is checked too).
 */
import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parseCatalog, type CatalogInput } from "../../src/index.js";
import { cleanText } from "../../src/export/mermaid/escape.js";
import { toMermaid, type MermaidOptions, type MermaidView } from "../../src/export/mermaid/index.js";
import { MERMAID_PHRASES, mermaidPhraseArbitrary } from "../../src/testing/internal/strings.js";
import { readMermaid, type FlowchartContent } from "../helpers/mermaid-parse.js";
import { retirementInput } from "../export/fixtures.js";
import { checkPinnedLayout } from "../export/layout-check.js";

/** Pieces of text that mean something to Mermaid, markdown, HTML, YAML or a journey. */
const TOKENS = [
  ...MERMAID_PHRASES,
  "%%{init: {'theme':'dark'}}%%",
  '"',
  "'",
  "`",
  "```",
  "#quot;",
  "#35;",
  "#100;",
  "&amp;",
  "&#60;",
  "<img src=x onerror=alert(1)>",
  "<br>",
  "</div>",
  ",",
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
  "\u0085",
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

/** What joins the pieces: keywords must meet each other across spaces, line breaks, no-break spaces and nothing. */
const SEPARATORS = [" ", " ", "\n", "\u00a0", "\u0085", ""];

const label = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([piece, sep]) => piece + sep).join("")),
    mermaidPhraseArbitrary(),
  )
  .map((s) => s.slice(0, 400))
  .filter((s) => s.trim().length > 0);

const acronym = label.map((s) => s.slice(0, 40)).filter((s) => s.trim().length > 0);

type Names = {
  agencies: string[];
  acronyms: string[];
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
  acronyms: fc.array(acronym, { minLength: 3, maxLength: 3 }),
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
    agencies: { name: string; acronym?: string }[];
    channels: { name: string }[];
    services: { name: string; steps: { name: string; failPoint?: { description: string }; next?: { label?: string }[] }[] }[];
    lifeExperiences: { name: string; links: { label?: string }[] }[];
  };
  input.agencies.forEach((a, i) => {
    a.name = names.agencies[i]!;
    a.acronym = names.acronyms[i]!;
  });
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

/**
 * Whether a journey drew `full`, or a start of it and "…" where its box or the picture had no room for more (the
 * zero-width spaces at which a long word may break left out).
 */
function shortenedFrom(drawn: string, full: string): boolean {
  const plain = drawn.replaceAll("\u200B", "");
  if (plain === full) return true;
  return plain.endsWith("…") && full.replace(/…$/, "").startsWith(plain.slice(0, -1).trimEnd());
}

/** Every piece of text a flowchart shows: node labels, subgraph titles and edge labels. */
function shown(content: FlowchartContent): string[] {
  return [...content.nodes.values(), ...[...content.subgraphs.values()].map((g) => g.title), ...content.edges.map((e) => e.label)];
}

/** Expects `name` (when it has visible text at all) inside one of `texts`. */
function expectShown(texts: readonly string[], name: string, where: string): void {
  const text = readable(name, "");
  if (text === "") return;
  expect(
    texts.some((t) => t.includes(text)),
    `${where} ${JSON.stringify(text)} is not shown`,
  ).toBe(true);
}

// Blueprints drawn whole (not split by width), so that every step is in the one diagram looked at.
const VIEWS: readonly (readonly [MermaidView, MermaidOptions])[] = [
  [{ view: "blueprint", service: "ssa-retire" }, { maxColumns: 100 }],
  [{ view: "blueprint", service: "cms-enroll" }, { maxColumns: 100 }],
  [{ view: "blueprint", service: "ssa-retire" }, { layout: "swimlane", maxColumns: 100 }],
  [{ view: "life-experience", experience: "retire" }, {}],
  [{ view: "life-experience", experience: "retire" }, { detailed: true }],
  [{ view: "journey", service: "ssa-retire" }, {}],
];

test.prop([namesArb], { numRuns: 25 })("every view parses and shows every label as written, whatever the labels", async (names) => {
  const catalog = parseCatalog(catalogWith(names));
  for (const [view, options] of VIEWS) {
    // A journey may come in parts (a bounded number of tasks and actors each): its tasks are checked over all.
    const journeyTasks: string[] = [];
    for (const diagram of toMermaid(catalog, view, options).diagrams) {
      expect(diagram.text).not.toMatch(/<[a-z/!]/i);
      const content = await readMermaid(diagram.text);
      expect(content.accTitle).toBe(readable(diagram.title, "", Number.POSITIVE_INFINITY));
      if (content.kind === "journey") {
        // The drawn title is the whole title, or, where the picture is too narrow, the service and agency (shortened
        // if need be) with the part number.
        const full = readable(diagram.title, "", Number.POSITIVE_INFINITY);
        const suffix = /, part \d+ of \d+$/.exec(full)?.[0] ?? "";
        const subject = full.slice("Customer journey: ".length, full.length - suffix.length);
        const drawn = content.title;
        expect(drawn === full || (drawn.endsWith(suffix) && shortenedFrom(drawn.slice(0, drawn.length - suffix.length), subject)), `${drawn} from ${full}`).toBe(true);
        journeyTasks.push(...content.tasks.map((t) => t.task));
        continue;
      }
      if (view.view === "blueprint" && options.layout !== "swimlane") checkPinnedLayout(content);
      // The life-experience overview draws services, not steps.
      const drawn = view.view === "blueprint" ? catalog.services.filter((s) => s.id === view.service) : options.detailed === true ? catalog.services : [];
      for (const service of drawn) {
        const si = catalog.services.indexOf(service);
        service.steps.forEach((step, i) => {
          const text = content.nodes.get(`s${si}_n${i}`);
          expect(text, `step ${step.id} of ${service.id} is missing`).toBeDefined();
          expect(text!.startsWith(readable(step.name, `step ${step.id}`))).toBe(true);
        });
      }
      const texts = shown(content);
      if (view.view === "blueprint" && view.service === "ssa-retire") {
        // A blueprint step shows its title and figures; what a fail point is goes to the report's tables.
        expectShown(content.edges.map((e) => e.label), names.flowLabel, "flow label");
      }
      if (view.view === "life-experience" && options.detailed !== true) {
        for (const [i, service] of catalog.services.entries()) expectShown([content.nodes.get(`s${i}_all`) ?? ""], service.name, "service");
        expectShown(content.edges.map((e) => e.label), names.linkLabel, "link label");
      }
      if (view.view === "life-experience" && options.detailed === true) {
        for (const [i, service] of catalog.services.entries()) expectShown([content.subgraphs.get(`g_s${i}`)?.title ?? ""], service.name, "service");
        for (const i of [0, 2]) {
          expectShown(texts, names.agencies[i]!, "agency");
          expectShown(texts, names.acronyms[i]!, "acronym");
        }
        expectShown(content.edges.map((e) => e.label), names.linkLabel, "link label");
      }
    }
    if (view.view === "journey") {
      // Every customer step is a task: its name (up to 60 characters, less where its box has no room) and then its
      // figures.
      const named = (task: string, title: string): boolean => {
        for (let i = task.indexOf(" · "); i >= 0; i = task.indexOf(" · ", i + 1)) if (shortenedFrom(task.slice(0, i), title)) return true;
        return false;
      };
      catalog.services[0]!.steps.forEach((step) => {
        if (step.lane !== "customer") return;
        const title = readable(step.name, `step ${step.id}`, 60);
        expect(journeyTasks.some((t) => named(t, title)), `${title} in ${JSON.stringify(journeyTasks)}`).toBe(true);
      });
    }
  }
});

test.prop([fc.integer({ min: 20, max: 600 }), fc.integer({ min: 2_000, max: 60_000 })], { numRuns: 15 })(
  "any budget gives diagrams within it, or a typed error",
  async (maxEdges, maxTextSize) => {
    const catalog = parseCatalog(retirementInput());
    for (const [view, options] of VIEWS) {
      let diagrams;
      try {
        diagrams = toMermaid(catalog, view, { ...options, maxEdges, maxTextSize }).diagrams;
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
