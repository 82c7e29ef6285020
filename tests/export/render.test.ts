/**
 * Renders every golden diagram (and hostile ones) to SVG in headless Chromium with every network request blocked,
 * and checks that the SVG holds the nodes and clusters Mermaid's parser read, and that nothing tried to leave the
 * page. Pictures of every diagram are written to test-artifacts/export/ for a person to look at.
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCatalog, type CatalogInput } from "../../src/index.js";
import { toMermaid, type MermaidView } from "../../src/export/mermaid/index.js";
import { openChromium, svgStructure, svgTexts } from "../helpers/chromium.js";
import { readMermaid, visibleText } from "../helpers/mermaid-parse.js";
import { DIRECTION_PHRASE, retirementInput } from "./fixtures.js";
import { GOLDEN_CASES, goldenFiles } from "./golden-cases.js";

const chromium = await openChromium();
afterAll(async () => {
  await chromium?.close();
});
const artifacts = join(import.meta.dirname, "..", "..", "test-artifacts", "export");

describe.skipIf(chromium === null)("rendering in Chromium", () => {
  for (const c of GOLDEN_CASES) {
    for (const { file, text } of goldenFiles(c)) {
      it(`${file} renders with its nodes and clusters, offline`, async () => {
        const before = chromium!.blockedRequests.length;
        const svg = await chromium!.render(text);
        const content = await readMermaid(text);
        const structure = svgStructure(svg);
        if (content.kind === "flowchart") {
          expect([...structure.nodes].sort()).toEqual([...content.nodes.keys()].sort());
          expect([...structure.clusters].sort()).toEqual([...content.subgraphs.keys()].sort());
          // Every visible label reached the picture (layout helpers have none).
          for (const [id, label] of content.nodes) if (label !== "" && !id.startsWith("h_pad")) expect(structure.text).toContain(label.split(" ")[0]!);
        } else {
          for (const task of content.tasks) expect(structure.text).toContain(task.task.split(" ")[0]!);
        }
        expect(structure.fetchers).toEqual([]);
        expect(chromium!.blockedRequests.slice(before)).toEqual([]);
        await chromium!.screenshot(text, join(artifacts, file.replace(/\.mmd$/, ".png")));
      });
    }
  }
});

describe.skipIf(chromium === null)("a `direction TB` phrase in labels", () => {
  // Mermaid's flowchart lexer reads `direction TB` (BT, RL, LR, TD) anywhere on a line as a direction statement,
  // quoted labels included; written as it is, the step's node vanished and the subgraph titles broke the parse.
  const files = (name: string): { text: string; title: string } => {
    const [file] = goldenFiles(GOLDEN_CASES.find((c) => c.name === name)!);
    return file!;
  };

  for (const name of ["blueprint-direction-phrase", "blueprint-direction-phrase-swimlane"]) {
    it(`${name}: the step, the flow label and the title show the phrase as written`, async () => {
      const { text, title } = files(name);
      const shown = svgTexts(await chromium!.render(text));
      expect(shown.title).toBe(title);
      expect(title).toBe(`Service blueprint: ${DIRECTION_PHRASE} (SSA direction LR)`);
      expect(shown.nodes.get("s0_n5")?.startsWith(DIRECTION_PHRASE)).toBe(true);
      expect(shown.edgeLabels).toContain("redirection RL of the claim · 80%");
      const content = await readMermaid(text);
      if (content.kind !== "flowchart") throw new Error("expected a flowchart");
      expect([...shown.nodes.keys()].sort()).toEqual([...content.nodes.keys()].sort());
    });
  }

  it("life-experience-direction-phrase: agency, acronym, service, step and hand-off labels show the phrase", async () => {
    const { text, title } = files("life-experience-direction-phrase");
    const shown = svgTexts(await chromium!.render(text));
    expect(shown.title).toBe(title);
    expect(title).toBe(`Life experience: ${DIRECTION_PHRASE}`);
    // The agency has one service: its name heads the service's title.
    expect(shown.clusters.get("g_s0")).toBe(`SSA direction LR ${DIRECTION_PHRASE} · ${DIRECTION_PHRASE}`);
    expect(shown.nodes.get("s0_n5")?.startsWith(DIRECTION_PHRASE)).toBe(true);
    expect(shown.edgeLabels).toContain("redirection RL of the claim · 80%");
    // The hand-off's label is its first line (lines of a label have no space between them in the SVG text).
    expect(shown.edgeLabels.some((label) => label.startsWith(DIRECTION_PHRASE) && label.includes("Birth certificate"))).toBe(true);
  });

  it("journey-direction-phrase: the title, the waiting task and the section show the phrase", async () => {
    const { text, title } = files("journey-direction-phrase");
    const shown = svgTexts(await chromium!.render(text));
    expect(shown.title).toBe(title);
    expect(shown.tasks).toContain(`Wait for ${DIRECTION_PHRASE} · 10 days`);
    expect(shown.sections).toContain("Waiting for SSA direction LR");
  });
});

/** A catalog whose every name tries to break out: HTML, tracking pixels, directives, keywords, quotes. */
function hostileCatalog(): CatalogInput {
  const input = retirementInput() as CatalogInput & {
    agencies: { name: string }[];
    services: { name: string; steps: { name: string; failPoint?: { description: string }; next?: { label?: string }[] }[] }[];
    lifeExperiences: { name: string }[];
    channels: { name: string }[];
  };
  const evil = [
    '<img src="http://tracker.invalid/pixel.png">',
    "<script>fetch('http://tracker.invalid/x')</script>",
    '%%{init: {"securityLevel": "loose"}}%%',
    "end",
    'Quote " and `back` and #35; and &amp;',
    "[link](http://tracker.invalid/l) https://tracker.invalid/u",
    "<svg><image href='http://tracker.invalid/i.png'/></svg>",
    "click s0_n1 call alert()",
    "Title deed: section 8; journey %% comment",
    "😀 Ñandú 東京 <b>bold</b>",
  ];
  let k = 0;
  const next = (): string => evil[k++ % evil.length]!;
  input.agencies.forEach((a) => (a.name = `${a.name} ${next()}`));
  input.channels.forEach((c) => (c.name = `${c.name} ${next()}`));
  input.lifeExperiences.forEach((e) => (e.name = next()));
  for (const service of input.services) {
    service.name = next();
    for (const step of service.steps) {
      step.name = `${step.name} ${next()}`;
      if (step.failPoint) step.failPoint.description = next();
      for (const flow of step.next ?? []) flow.label = next();
    }
  }
  return input;
}

describe.skipIf(chromium === null)("hostile labels in Chromium", () => {
  const catalog = parseCatalog(hostileCatalog());
  const views: MermaidView[] = [
    { view: "blueprint", service: "ssa-retire" },
    { view: "life-experience", experience: "retire" },
    { view: "journey", service: "ssa-retire" },
    { view: "journey", service: "cms-enroll" },
  ];

  for (const view of views) {
    it(`${view.view} renders every hostile label as text and fetches nothing`, async () => {
      for (const diagram of toMermaid(catalog, view).diagrams) {
        const before = chromium!.blockedRequests.length;
        const svg = await chromium!.render(diagram.text);
        const structure = svgStructure(svg);
        expect(structure.fetchers).toEqual([]);
        expect(svg).not.toMatch(/<(img|script|iframe|image)\b/i);
        expect(chromium!.blockedRequests.slice(before)).toEqual([]);
        const content = await readMermaid(diagram.text);
        const labels = content.kind === "flowchart" ? [...content.nodes.values()] : content.tasks.map((t) => t.task);
        // The picture shows the labels' words, including the would-be markup, as plain text.
        const words = labels.join(" ").split(" ").filter((w) => w.length > 3);
        const shown = structure.text.replace(/\s+/g, "");
        for (const word of words) expect(shown).toContain(visibleText(word).replace(/\s+/g, ""));
        await chromium!.screenshot(diagram.text, join(artifacts, `hostile-${diagram.id}.png`));
      }
    });
  }

  it("the request recorder is real: an unescaped <img> label does reach for the network", async () => {
    const before = chromium!.blockedRequests.length;
    await chromium!.render('flowchart LR\n  a["<img src=\'http://tracker.invalid/control.png\'>"] --> b');
    expect(chromium!.blockedRequests.slice(before)).toContain("http://tracker.invalid/control.png");
  });
});

describe.skipIf(chromium === null)("rendering flows Mermaid's layout trips on", () => {
  it("a branch forwards and a rework back between steps of two lanes render as one double-headed edge", async () => {
    const catalog = parseCatalog({
      version: 1,
      name: "Parallel flows",
      agencies: [{ id: "sba", name: "Small Business Administration" }],
      services: [
        {
          id: "loan",
          name: "Disaster loan",
          agency: "sba",
          kind: "benefits",
          occasion: { kind: "life-event", story: "My home was damaged" },
          offering: { name: "Loan", kind: "loan" },
          steps: [
            { id: "apply", name: "Apply", lane: "customer", next: [{ to: "review" }] },
            {
              id: "review",
              name: "Review",
              lane: "backstage",
              next: [
                { to: "fix", kind: "branch", share: 0.1, label: "item missing" },
                { to: "done", kind: "branch", share: 0.9 },
              ],
            },
            { id: "fix", name: "Upload the missing item", lane: "customer", next: [{ to: "review", kind: "rework", label: "reviewed again" }] },
            { id: "done", name: "Decision", lane: "backstage", outcome: "granted" },
          ],
        },
      ],
    } as CatalogInput);
    const [diagram] = toMermaid(catalog, { view: "blueprint", service: "loan" }).diagrams;
    const content = await readMermaid(diagram!.text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    const between = content.edges.filter((e) => e.stroke !== "invisible" && [e.from, e.to].sort().join() === ["s0_n1", "s0_n2"].join());
    expect(between).toHaveLength(1);
    expect(diagram!.text).toContain("item missing");
    expect(diagram!.text).toContain("reviewed again");
    const svg = await chromium!.render(diagram!.text);
    expect([...svgStructure(svg).nodes].sort()).toEqual([...content.nodes.keys()].sort());
  });
});

describe.skipIf(chromium === null)("a step done again", () => {
  it("a rework flow from a step to itself is drawn as a self-loop with its head at the step, and renders", async () => {
    const catalog = parseCatalog({
      version: 1,
      name: "Self loop",
      agencies: [{ id: "city", name: "City", level: "local" }],
      services: [
        {
          id: "license",
          name: "Business license",
          agency: "city",
          kind: "compliance",
          occasion: { kind: "intent", story: "I am opening a shop" },
          offering: { name: "License", kind: "license-or-permit" },
          steps: [
            { id: "apply", name: "Apply", lane: "customer", next: [{ to: "inspect" }] },
            { id: "inspect", name: "Fire inspection", lane: "frontstage", next: [{ to: "issued" }, { to: "inspect", kind: "rework", share: 0.25, label: "inspected again" }] },
            { id: "issued", name: "License", lane: "physical-evidence", outcome: "granted" },
          ],
        },
      ],
    } as CatalogInput);
    const [diagram] = toMermaid(catalog, { view: "blueprint", service: "license" }).diagrams;
    expect(diagram!.text).toMatch(/ (s0_n1) -\.->\|[^\n]*inspected again[^\n]*\| \1\n/);
    const content = await readMermaid(diagram!.text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    const svg = await chromium!.render(diagram!.text);
    expect([...svgStructure(svg).nodes].sort()).toEqual([...content.nodes.keys()].sort());
  });
});
