import { describe, expect, it } from "vitest";
import { parseCatalog, type Catalog, type CatalogInput } from "../../src/index.js";
import { MermaidExportError, toMermaid, type MermaidDiagram } from "../../src/export/mermaid/index.js";
import { readMermaid, parseMermaid, type FlowchartContent } from "../helpers/mermaid-parse.js";
import { generatedCatalog } from "./generate.js";
import { checkPinnedLayout } from "./layout-check.js";

async function checkParts(diagrams: readonly MermaidDiagram[], maxEdges: number, maxTextSize: number): Promise<FlowchartContent[]> {
  const contents: FlowchartContent[] = [];
  for (const d of diagrams) {
    expect(d.text.length).toBeLessThanOrEqual(maxTextSize);
    expect(d.edges).toBeLessThanOrEqual(maxEdges);
    // Mermaid's own parser, with the same edge limit, accepts every part.
    const content = await readMermaid(d.text, { maxEdges });
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    expect(content.edges.length).toBe(d.edges);
    contents.push(content);
  }
  return contents;
}

describe("blueprint budgets", () => {
  const catalog = parseCatalog(generatedCatalog({ services: 1, stepsPerService: 700, agencies: 2 }));
  const service = catalog.services[0]!;

  it("splits a large blueprint into linked parts that Mermaid accepts, each pinned", async () => {
    const result = toMermaid(catalog, { view: "blueprint", service: "svc-0" }, { maxColumns: 1_000_000 });
    expect(result.diagrams.length).toBeGreaterThan(1);
    expect(result.warnings.map((w) => w.code)).toEqual(["split"]);
    expect(result.diagrams.map((d) => d.id)).toEqual(result.diagrams.map((_, i) => `blueprint-svc-0-part-${i + 1}`));
    const contents = await checkParts(result.diagrams, 500, 50_000);
    // Every step is drawn exactly once.
    const seen = contents.flatMap((c) => [...c.nodes.keys()].filter((id) => id.startsWith("s0_n")));
    expect(seen.length).toBe(service.steps.length);
    expect(new Set(seen).size).toBe(service.steps.length);
    // Every part is a full blueprint whose layout is pinned.
    for (const c of contents) checkPinnedLayout(c);
    // Flows that cross parts end at a continuation node in one part and start from one in the other.
    const part = new Map<string, number>();
    contents.forEach((c, i) => {
      for (const id of c.nodes.keys()) if (id.startsWith("s0_n")) part.set(id, i);
    });
    const ids = new Map(service.steps.map((s, i) => [s.id, `s0_n${i}`]));
    let crossing = 0;
    for (const step of service.steps) {
      for (const flow of step.next) {
        const from = ids.get(step.id)!;
        const to = ids.get(flow.to)!;
        const a = part.get(from)!;
        const b = part.get(to)!;
        if (a === b) continue;
        crossing++;
        const out = contents[a]!.edges.filter((e) => e.from === from && e.to.startsWith("h_more")).map((e) => contents[a]!.nodes.get(e.to));
        const into = contents[b]!.edges.filter((e) => e.to === to && e.from.startsWith("h_more")).map((e) => contents[b]!.nodes.get(e.from));
        expect(out).toContain(`Continues in part ${b + 1}`);
        expect(into).toContain(`From part ${a + 1}`);
      }
    }
    expect(crossing).toBeGreaterThan(0);
  });

  it("honours budgets the user sets", async () => {
    const wide = { maxColumns: 1_000_000 };
    const result = toMermaid(catalog, { view: "blueprint", service: "svc-0" }, { ...wide, maxEdges: 120, maxTextSize: 12_000 });
    await checkParts(result.diagrams, 120, 12_000);
    expect(result.diagrams.length).toBeGreaterThan(toMermaid(catalog, { view: "blueprint", service: "svc-0" }, wide).diagrams.length);
  });

  it("leaves step details out when one step alone would not fit", () => {
    const long = "x".repeat(400);
    const input: CatalogInput = {
      version: 1,
      name: "One long step",
      agencies: [{ id: "a", name: "Agency" }],
      services: [
        {
          id: "s",
          name: "Service",
          agency: "a",
          kind: "benefits",
          occasion: { kind: "intent", story: "why" },
          offering: { name: "thing", kind: "benefit" },
          steps: [{ id: "one", name: "One step", lane: "customer", waitDays: 3, failPoint: { description: long }, policy: long }],
        },
      ],
    };
    const catalog1: Catalog = parseCatalog(input);
    const view = { view: "blueprint", service: "s" } as const;
    const withDetails = toMermaid(catalog1, view, { maxLabelLength: 2000 }).diagrams[0]!.text.length;
    const without = toMermaid(catalog1, view, { maxLabelLength: 2000, details: false }).diagrams[0]!.text;
    const budget = Math.floor((withDetails + without.length) / 2);
    const result = toMermaid(catalog1, view, { maxLabelLength: 2000, maxTextSize: budget });
    expect(result.diagrams[0]!.text).toBe(without);
    expect(result.warnings.map((w) => w.code)).toEqual(["collapsed"]);
    // And when even that does not fit, a typed error says which budget to raise.
    try {
      toMermaid(catalog1, view, { maxLabelLength: 2000, maxTextSize: without.length - 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MermaidExportError);
      expect((error as MermaidExportError).code).toBe("budget_too_small");
    }
  });
});

describe("life-experience budgets", () => {
  it("draws a large experience as an overview plus one diagram per service", async () => {
    const catalog = parseCatalog(generatedCatalog({ services: 12, stepsPerService: 120, agencies: 4 }));
    const result = toMermaid(catalog, { view: "life-experience", experience: "everything" }, { detailed: true });
    expect(result.warnings.map((w) => w.code)).toContain("split");
    const [overview, ...details] = result.diagrams;
    expect(overview!.id).toBe("life-experience-everything-overview");
    const contents = await checkParts(result.diagrams, 500, 50_000);
    // The overview has every service as one node, in time order (no agency groups), and every hand-off.
    const over = contents[0]!;
    expect([...over.nodes.keys()].filter((id) => /^s\d+_all$/.test(id))).toHaveLength(12);
    expect(over.edges.filter((e) => e.stroke !== "invisible" && /^s\d+_all$/.test(e.from) && /^s\d+_all$/.test(e.to))).toHaveLength(11);
    expect([...over.subgraphs.keys()].filter((id) => id.startsWith("g_a"))).toHaveLength(0);
    // Each service diagram holds its steps and points at its neighbours through continuation nodes.
    expect(details.map((d) => d.id)).toContain("life-experience-everything-svc-3");
    const svc3 = contents[result.diagrams.findIndex((d) => d.id === "life-experience-everything-svc-3")]!;
    expect([...svc3.nodes.keys()].filter((id) => id.startsWith("s3_n"))).toHaveLength(120);
    const continuations = [...svc3.nodes].filter(([id]) => id.startsWith("h_more")).map(([, label]) => label).sort();
    expect(continuations).toEqual(["Service 2 continues in the overview", "Service 4 continues in the overview"]);
  });

  it("splits the overview itself when it has too many hand-offs", async () => {
    const catalog = parseCatalog(generatedCatalog({ services: 300, stepsPerService: 2, agencies: 5 }));
    const result = toMermaid(catalog, { view: "life-experience", experience: "everything" }, { collapse: "all", maxEdges: 100 });
    expect(result.diagrams.length).toBeGreaterThan(2);
    expect(result.diagrams.every((d) => d.id.startsWith("life-experience-everything-overview-"))).toBe(true);
    await checkParts(result.diagrams, 100, 50_000);
  });
});

describe("journey budgets", () => {
  it("splits a long journey by text size", async () => {
    const catalog = parseCatalog(generatedCatalog({ services: 1, stepsPerService: 400, agencies: 1 }));
    const result = toMermaid(catalog, { view: "journey", service: "svc-0" }, { maxTextSize: 3_000 });
    expect(result.diagrams.length).toBeGreaterThan(1);
    for (const d of result.diagrams) {
      expect(d.text.length).toBeLessThanOrEqual(3_000);
      expect(await parseMermaid(d.text)).toBe("journey");
    }
    expect(result.warnings.map((w) => w.code)).toContain("split");
  });
});
