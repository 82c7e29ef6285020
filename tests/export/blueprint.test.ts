import { describe, expect, it } from "vitest";
import { MermaidExportError, toMermaid } from "../../src/export/mermaid/index.js";
import { readMermaid, type FlowchartContent } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementFindings } from "./fixtures.js";
import { checkPinnedLayout } from "./layout-check.js";

const catalog = retirementCatalog();
const steps = catalog.services[0]!.steps;
const node = (stepId: string): string => `s0_n${steps.findIndex((s) => s.id === stepId)}`;

async function flowchart(text: string): Promise<FlowchartContent> {
  const content = await readMermaid(text);
  if (content.kind !== "flowchart") throw new Error("expected a flowchart");
  return content;
}

/** Room for the whole test blueprint in one diagram, for the tests that look at it whole. */
const WHOLE = { maxColumns: 100 } as const;

describe("blueprint view", () => {
  const [diagram] = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, WHOLE).diagrams;
  if (diagram === undefined) throw new Error("no diagram");

  it("draws the five lanes top to bottom with the three lines between them, labelled", async () => {
    const content = await flowchart(diagram.text);
    const order = [...diagram.text.matchAll(/subgraph (g_[lb]\d)/g)].map((m) => m[1]);
    expect(order).toEqual(["g_l0", "g_l1", "g_b0", "g_l2", "g_b1", "g_l3", "g_b2", "g_l4"]);
    expect(["h_head0", "h_head1", "h_head2", "h_head3", "h_head4"].map((id) => content.nodes.get(id))).toEqual([
      "Physical evidence",
      "Customer actions",
      "Frontstage",
      "Backstage",
      "Support processes",
    ]);
    expect(["h_line0", "h_line1", "h_line2"].map((id) => content.nodes.get(id))).toEqual([
      "Line of interaction",
      "Line of visibility",
      "Line of internal interaction",
    ]);
  });

  it("puts every step in its lane's band", async () => {
    const content = await flowchart(diagram.text);
    const lanes = ["physical-evidence", "customer", "frontstage", "backstage", "support"];
    steps.forEach((step, i) => {
      const band = content.subgraphs.get(`g_l${lanes.indexOf(step.lane)}`)!;
      expect(band.nodes).toContain(`s0_n${i}`);
    });
  });

  it("pins the layout: full-width bands, and the steps of one moment in one rank", async () => {
    const { rank } = checkPinnedLayout(await flowchart(diagram.text));
    expect(rank.get(node("form"))).toBe(rank.get(node("apply")));
    expect(rank.get(node("web-page"))).toBe(rank.get(node("learn")));
    expect(rank.get(node("wages"))).toBe(rank.get(node("verify")));
    // A step attached to its moment but also reached by a flow from it sits one rank to the right.
    expect(rank.get(node("check"))).toBe(rank.get(node("apply"))! + 1);
    // Time runs left to right.
    expect(rank.get(node("learn"))!).toBeLessThan(rank.get(node("apply"))!);
    expect(rank.get(node("decide"))!).toBeLessThan(rank.get(node("award"))!);
  });

  it("labels branches with their shares and draws rework back to its target", async () => {
    const content = await flowchart(diagram.text);
    const edge = (from: string, to: string) => content.edges.find((e) => e.from === node(from) && e.to === node(to) && e.stroke !== "invisible");
    expect(edge("verify", "decide")?.label).toBe("record complete · 80%");
    expect(edge("verify", "visit")?.label).toBe("documents missing · 20%");
    // Rework is written forwards (visit <-.-> decide) with the head at its start: the arrow points at 'visit'.
    const rework = edge("visit", "decide");
    expect(rework?.label).toBe("rework · more documents · 5%");
    expect(rework?.stroke).toBe("dotted");
    expect(diagram.text).toMatch(new RegExp(`${node("visit")} <-\\.+->`));
    expect(diagram.text).toMatch(/linkStyle \d+(,\d+)* marker-end:none,stroke:#c2410c/);
  });

  it("marks waits, fail points and outcomes", () => {
    expect(diagram.text).toMatch(new RegExp(`class [^\\n]*${node("verify")}[^\\n]* wait`));
    expect(diagram.text).toMatch(new RegExp(`class [^\\n]*${node("visit")}[^\\n]* fail`));
    expect(diagram.text).toContain(`${node("award")}("\``);
    // One line of figures under the title: the wait, the share that fails, the outcome.
    expect(diagram.text).toContain("wait 10 days");
    expect(diagram.text).toContain("fails 15#37;");
    expect(diagram.text).not.toContain("FAIL POINT");
  });

  it("is deterministic and leaves the catalog untouched", () => {
    const before = JSON.stringify(catalog);
    const again = toMermaid(retirementCatalog(), { view: "blueprint", service: "ssa-retire" }, WHOLE).diagrams[0]!.text;
    expect(again).toBe(diagram.text);
    expect(JSON.stringify(catalog)).toBe(before);
  });

  it("draws a title and accessible description", () => {
    expect(diagram.title).toBe("Service blueprint: Apply for retirement benefits (SSA)");
    expect(diagram.text.startsWith('---\ntitle: "Service blueprint\\u003a Apply for retirement benefits (SSA)"')).toBe(true);
    expect(diagram.text).toContain("accDescr: 13 steps of Apply for retirement benefits in 5 lanes");
    const untitled = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { ...WHOLE, title: false }).diagrams[0]!.text;
    expect(untitled).not.toContain("title:");
  });
});

describe("blueprint filters", () => {
  it("keeps the chosen lanes, bridges flows through hidden steps, and keeps both lines between", async () => {
    const result = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { lanes: ["customer", "backstage"] });
    const text = result.diagrams[0]!.text;
    const content = await flowchart(text);
    expect([...text.matchAll(/subgraph (g_[lb]\d)/g)].map((m) => m[1])).toEqual(["g_l1", "g_b0", "g_b1", "g_l3"]);
    checkPinnedLayout(content);
    // apply -> (check, hidden frontstage) -> verify becomes a dotted "via" edge.
    const via = content.edges.find((e) => e.from === node("apply") && e.to === node("verify") && e.stroke !== "invisible");
    expect(via?.label).toBe("via 1 hidden step");
    expect(via?.stroke).toBe("dotted");
    expect(result.warnings.map((w) => w.code)).toContain("filtered");
  });

  it("filters by channel id, kind or group", async () => {
    const byGroup = await flowchart(toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { channels: ["in-person"] }).diagrams[0]!.text);
    const shownSteps = [...byGroup.nodes.keys()].filter((id) => id.startsWith("s0_"));
    expect(shownSteps.sort()).toEqual([node("visit"), node("clerk-check")].sort());
    const byKind = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { channels: ["postal-mail"] }).diagrams[0]!.text;
    expect(byKind).toContain("Award letter");
    expect(byKind).not.toContain("Apply online");
  });

  it("filters by the agency that does a step (its role's agency)", async () => {
    const content = await flowchart(toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { agencies: ["irs"] }).diagrams[0]!.text);
    expect([...content.nodes.keys()].filter((id) => id.startsWith("s0_"))).toEqual([node("wages")]);
  });

  it("still draws the lanes when every step is filtered out", async () => {
    const result = toMermaid(catalog, { view: "blueprint", service: "cms-enroll" }, { agencies: ["irs"] });
    const content = await flowchart(result.diagrams[0]!.text);
    checkPinnedLayout(content);
    expect([...content.nodes.keys()].filter((id) => /^s\d/.test(id))).toEqual([]);
  });
});

describe("blueprint overlay", () => {
  const findings = retirementFindings();

  it("adds a badge with the finding count to a step, keeps its lane fill and borders, and explains it in the legend", async () => {
    const text = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { ...WHOLE, findings }).diagrams[0]!.text;
    const content = await flowchart(text);
    // The badge is an added mark: the classes are those of the plain view (lane, fail, wait), none replaced.
    const plainText = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, WHOLE).diagrams[0]!.text;
    const classLines = (t: string): string[] => t.split("\n").filter((line) => /^\s*class s0_/.test(line));
    expect(classLines(text)).toEqual(classLines(plainText));
    expect(text).not.toContain("sludge_");
    expect(text).toMatch(new RegExp(`class [^\\n]*${node("visit")}[^\\n]* fail`));
    expect(content.nodes.get(node("visit"))).toMatch(/^Bring documents to the office ⚠ 1 /);
    expect(content.nodes.get(node("appeal"))).toContain("⚠ 1");
    expect(content.nodes.get(node("verify"))).toMatch(/^Verify earnings record ⚠ 1 /);
    expect(content.nodes.get(node("learn"))).not.toContain("⚠");
    expect(content.nodes.get("h_head9")).toBe("Legend");
    expect(content.subgraphs.get("g_legend")?.title).toBe("");
    expect([...content.nodes.values()]).toContain("⚠ n sludge findings 1 error, 1 warning, 1 info");
    checkPinnedLayout(content);
  });

  it("draws the same legend of borders and flows in the plain view", async () => {
    const content = await flowchart(toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, WHOLE).diagrams[0]!.text);
    expect(content.nodes.get("h_head9")).toBe("Legend");
    expect(content.subgraphs.get("g_legend")?.title).toBe("");
    expect(["h_key0", "h_key1", "h_key2", "h_key3"].map((id) => content.nodes.get(id))).toEqual([
      "Fail point red border",
      "Wait dashed border",
      "Outcome rounded border",
      "→ next step · share ⇢ orange: rework",
    ]);
    expect([...content.nodes.values()].some((label) => label.includes("⚠"))).toBe(false);
  });

  it("leaves waived findings out unless asked", () => {
    const plain = toMermaid(catalog, { view: "blueprint", service: "cms-enroll" }, { findings }).diagrams[0]!.text;
    expect(plain).not.toContain("⚠ 1");
    const waived = toMermaid(catalog, { view: "blueprint", service: "cms-enroll" }, { findings, includeWaived: true }).diagrams[0]!.text;
    expect(waived).toContain("⚠ 1");
    // Service-level findings are counted in the legend.
    expect(plain).toMatch(/none here(#59;|;) service(#58;|:) 1/);
  });

  it("warns when filters hide a step with findings", () => {
    const result = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { findings, lanes: ["backstage"] });
    expect(result.warnings.map((w) => w.code)).toContain("finding_not_shown");
  });
});

describe("blueprint swimlane layout (opt-in)", () => {
  it("writes Mermaid's swimlane-beta diagram with titled lanes and no layout helpers", async () => {
    const text = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { ...WHOLE, layout: "swimlane" }).diagrams[0]!.text;
    expect(text).toMatch(/^---[\s\S]*\nswimlane-beta LR\n/);
    const content = await flowchart(text);
    expect(content.type).toBe("swimlane");
    expect(content.subgraphs.get("g_l1")?.title).toBe("Customer actions");
    expect([...content.nodes.keys()].some((id) => id.startsWith("h_pad") || id === "h_start0")).toBe(false);
    // Steps attached to a moment are tied to its anchor so the swimlane layout lines them up.
    expect(content.edges.some((e) => e.from === node("verify") && e.to === node("wages") && e.stroke === "invisible")).toBe(true);
  });
});

describe("blueprint errors", () => {
  it("names an unknown service with a did-you-mean hint", () => {
    try {
      toMermaid(catalog, { view: "blueprint", service: "ssa-retir" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MermaidExportError);
      const e = error as MermaidExportError;
      expect(e.code).toBe("unknown_service");
      expect(e.path).toBe("view.service");
      expect(e.hint).toBe("did you mean 'ssa-retire'?");
    }
  });
});

describe("blueprint split by width", () => {
  it("draws at most maxColumns columns of steps a part, parts of even width, split between moments, linked by stubs", async () => {
    const whole = checkPinnedLayout(await flowchart(toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, WHOLE).diagrams[0]!.text));
    const columnsOf = (rank: ReadonlyMap<string, number>): number => new Set([...rank].filter(([id]) => id.startsWith("s0_n")).map(([, r]) => r)).size;
    const total = columnsOf(whole.rank);
    const result = toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { maxColumns: 3 });
    const parts = Math.ceil(total / 3);
    expect(result.diagrams.length).toBeGreaterThanOrEqual(parts);
    expect(result.warnings.find((w) => w.code === "split")?.message).toContain("maxColumns 3");
    const seen: string[] = [];
    for (const [i, d] of result.diagrams.entries()) {
      expect(d.title).toBe(`Service blueprint: Apply for retirement benefits (SSA), part ${i + 1} of ${result.diagrams.length}`);
      const content = await flowchart(d.text);
      const { rank } = checkPinnedLayout(content);
      expect(columnsOf(rank)).toBeLessThanOrEqual(3);
      const steps = [...content.nodes.keys()].filter((id) => id.startsWith("s0_n"));
      seen.push(...steps);
      // A moment is never cut: the steps attached to one share its part.
      if (steps.includes(node("verify"))) expect(steps).toContain(node("wages"));
      if (i > 0) expect([...content.nodes.values()]).toContain(`From part ${i}`);
      if (i < result.diagrams.length - 1) expect([...content.nodes.values()]).toContain(`Continues in part ${i + 2}`);
    }
    expect(seen.sort()).toEqual(steps.map((_, i) => `s0_n${i}`).sort());
    // The same input gives the same parts.
    expect(toMermaid(retirementCatalog(), { view: "blueprint", service: "ssa-retire" }, { maxColumns: 3 }).diagrams).toEqual(result.diagrams);
  });

  it("refuses a maxColumns below 1", () => {
    expect(() => toMermaid(catalog, { view: "blueprint", service: "ssa-retire" }, { maxColumns: 0 })).toThrow(/options\.maxColumns/);
  });
});
