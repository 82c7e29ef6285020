import { describe, expect, it } from "vitest";
import { MermaidExportError, toMermaid } from "../../src/export/mermaid/index.js";
import { readMermaid, type FlowchartContent } from "../helpers/mermaid-parse.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeLifeExperience, analyzeService, parseCatalog, parseCatalogText, type CatalogInput } from "../../src/index.js";
import { retirementCatalog, retirementFindings, retirementInput } from "./fixtures.js";

const catalog = retirementCatalog();
const view = { view: "life-experience", experience: "retire" } as const;

async function flowchart(text: string): Promise<FlowchartContent> {
  const content = await readMermaid(text);
  if (content.kind !== "flowchart") throw new Error("expected a flowchart");
  return content;
}

describe("life-experience view, detailed", () => {
  const detailed = { detailed: true } as const;
  const result = toMermaid(catalog, view, detailed);
  const text = result.diagrams[0]!.text;

  it("names each service's agency; an agency of one service heads its title instead of a box of its own", async () => {
    expect(result.diagrams).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    const content = await flowchart(text);
    expect(content.subgraphs.has("g_a0")).toBe(false);
    expect(content.subgraphs.get("g_s0")?.title).toMatch(/^SSA Social Security Administration /);
    expect(content.subgraphs.get("g_s1")?.title).toBe("CMS Centers for Medicare & Medicaid Services · Enroll in Medicare Part B");
    expect([...(content.subgraphs.get("g_s1")?.nodes ?? [])].sort()).toEqual(["s1_n0", "s1_n1", "s1_n2"]);
  });

  it("groups the services of one agency in the agency's box", async () => {
    const input = retirementInput();
    const services = input.services!.map((s) => (s.id === catalog.services[1]!.id ? { ...s, agency: catalog.services[0]!.agency } : s));
    const content = await flowchart(toMermaid(parseCatalog({ ...input, services }), view, detailed).diagrams[0]!.text);
    expect(content.subgraphs.get("g_a0")?.title).toBe("SSA Social Security Administration");
    expect([...(content.subgraphs.get("g_a0")?.nodes ?? [])]).toEqual(expect.arrayContaining(["g_s0", "g_s1"]));
    expect(content.subgraphs.get("g_s1")?.title).toBe("Enroll in Medicare Part B");
  });

  it("shows each step's channel, in the label and by colour, with a legend", async () => {
    const content = await flowchart(text);
    catalog.services.forEach((service, si) =>
      service.steps.forEach((step, i) => {
        if (step.channel === undefined) return;
        const channel = catalog.channels.find((c) => c.id === step.channel)!;
        expect(content.nodes.get(`s${si}_n${i}`)).toContain(`${channel.name} (${channel.kind})`);
      }),
    );
    expect(text).toMatch(/class [^\n]*s0_n0[^\n]* ch_digital/);
    expect(text).toMatch(/class [^\n]*s0_n7[^\n]* ch_in_person/);
    expect(text).toMatch(/class [^\n]*s1_n0[^\n]* ch_paper/);
    expect(text).toMatch(/class [^\n]*s1_n1[^\n]* ch_none/);
    expect(content.subgraphs.get("g_channels")?.title).toBe("Channels");
  });

  it("draws data shared between agencies differently from what the customer carries", async () => {
    const content = await flowchart(text);
    const share = content.edges.find((e) => e.from === "s0_n9" && e.to === "s1_n1");
    const carry = content.edges.find((e) => e.from === "s0_n10" && e.to === "s1_n0");
    expect(share?.stroke).toBe("thick");
    expect(share?.label).toBe("data shared Social Security number");
    // Solid magenta: the dotted orange line means rework in every view.
    expect(carry?.stroke).toBe("normal");
    expect(carry?.label).toBe("customer carries Birth certificate wait 5 days");
    const shareIndex = content.edges.indexOf(share!);
    const carryIndex = content.edges.indexOf(carry!);
    expect(text).toMatch(new RegExp(`linkStyle [\\d,]*\\b${shareIndex}\\b[\\d,]* stroke:#15803d`));
    expect(text).toMatch(new RegExp(`linkStyle [\\d,]*\\b${carryIndex}\\b[\\d,]* stroke:#be185d,stroke-width:3px,color`));
    expect(content.subgraphs.get("g_handoffs")?.title).toBe("Hand-offs");
  });

  it("collapses services to one node and moves their hand-offs to it", async () => {
    const collapsed = await flowchart(toMermaid(catalog, view, { collapse: ["ssa-retire"] }).diagrams[0]!.text);
    expect(collapsed.nodes.get("s0_all")).toMatch(/^Apply for retirement benefits 13 steps · 4 h 35 min of customer time · waits 40 days Channels: digital, phone, in person, paper or mail$/);
    expect([...collapsed.nodes.keys()].some((id) => id.startsWith("s0_n"))).toBe(false);
    expect(collapsed.edges.some((e) => e.from === "s0_all" && e.to === "s1_n1")).toBe(true);
    const all = await flowchart(toMermaid(catalog, view, { collapse: "all" }).diagrams[0]!.text);
    expect(all.edges.filter((e) => e.from === "s0_all" && e.to === "s1_all")).toHaveLength(2);
  });

  it("filters services by agency and drops hand-offs to hidden services", async () => {
    const content = await flowchart(toMermaid(catalog, view, { agencies: ["cms"], ...detailed }).diagrams[0]!.text);
    expect([...content.subgraphs.keys()].filter((id) => id.startsWith("g_s"))).toEqual(["g_s1"]);
    expect(content.edges.some((e) => e.from.startsWith("s0_"))).toBe(false);
  });

  it("attaches a hand-off from a step hidden by a lane filter to its service's subgraph", async () => {
    const content = await flowchart(toMermaid(catalog, view, { lanes: ["customer"], ...detailed }).diagrams[0]!.text);
    expect(content.edges.some((e) => e.from === "g_s0" && e.to === "s1_n0")).toBe(true);
  });

  it("highlights steps, services and links with findings", async () => {
    const overlay = toMermaid(catalog, view, { findings: retirementFindings(), ...detailed }).diagrams[0]!.text;
    const content = await flowchart(overlay);
    const carry = content.edges.findIndex((e) => e.from === "s0_n10" && e.to === "s1_n0");
    expect(overlay).toMatch(new RegExp(`linkStyle [\\d,]*\\b${carry}\\b[\\d,]* stroke:#b45309`));
    expect(content.edges[carry]?.label).toContain("Sludge (1 warning): customer-as-courier");
    expect(overlay).toMatch(/class [^\n]*g_s1[^\n]* sludge_info/);
    expect(overlay).toMatch(/class [^\n]*s0_n7[^\n]* sludge_error/);
    expect(content.subgraphs.get("g_legend")?.title).toBe("Sludge findings");
  });

  it("is deterministic", () => {
    expect(toMermaid(retirementCatalog(), view, detailed).diagrams[0]!.text).toBe(text);
  });

  it("names an unknown life experience", () => {
    expect(() => toMermaid(catalog, { view: "life-experience", experience: "retirment" })).toThrow(MermaidExportError);
    try {
      toMermaid(catalog, { view: "life-experience", experience: "retirment" });
    } catch (error) {
      expect((error as MermaidExportError).code).toBe("unknown_experience");
      expect((error as MermaidExportError).hint).toBe("did you mean 'retire'?");
    }
  });
});

describe("life-experience view, overview (the default)", () => {
  const result = toMermaid(catalog, view);
  const text = result.diagrams[0]!.text;

  it("is one diagram with one node per service and no agency groups", async () => {
    expect(result.diagrams.map((d) => d.id)).toEqual(["life-experience-retire-overview"]);
    expect(result.warnings).toEqual([]);
    const content = await flowchart(text);
    expect([...content.nodes.keys()].filter((id) => /^s\d+_/.test(id))).toEqual(["s0_all", "s1_all"]);
    expect([...content.subgraphs.keys()].filter((id) => id.startsWith("g_a") || id.startsWith("g_s"))).toEqual([]);
  });

  it("gives each service its agency and the time to outcome of the graph analysis, and the end-to-end time", async () => {
    const content = await flowchart(text);
    const ssa = analyzeService(catalog, "ssa-retire", { pathMeasure: "days" });
    const cms = analyzeService(catalog, "cms-enroll", { pathMeasure: "days" });
    const whole = analyzeLifeExperience(catalog, "retire", { pathMeasure: "days" });
    // The expected figures of the analysis (rework visits included), rounded as the report rounds days.
    expect([ssa.expected.days, ssa.expected.minutes]).toEqual([expect.closeTo(41.58, 2), 112]);
    expect(content.nodes.get("s0_all")).toBe("Apply for retirement benefits SSA 13 steps Time to outcome 42 days Customer time 1 h 52 min");
    expect([cms.expected.days, cms.expected.minutes]).toEqual([expect.closeTo(21.02, 2), 25]);
    expect(content.nodes.get("s1_all")).toBe("Enroll in Medicare Part B CMS 3 steps Time to outcome 21 days Customer time 25 min");
    // SSA's 3,000,000 a year lead to Medicare Part B, which serves 800,000: the link carries 800,000 of them, so the
    // expected time end to end is SSA's plus 800,000 ÷ 3,000,000 of Medicare's (and the link's wait), the slowest
    // path the whole of both.
    expect(whole.expected.days).toBeCloseTo(48, 0);
    expect(content.nodes.get("h_end0")).toMatch(/^End to end Time to outcome 48 days · up to 66 days/);
  });

  it("lays the services out in time order: a service after those whose hand-offs lead into it", async () => {
    const reversed = parseCatalog({ ...retirementInput(), lifeExperiences: [{ ...retirementInput().lifeExperiences![0]!, services: ["cms-enroll", "ssa-retire"] }] } as CatalogInput);
    const content = await flowchart(toMermaid(reversed, view).diagrams[0]!.text);
    // Listed CMS first, but SSA's award leads into CMS's enrollment: SSA comes first.
    const order = [...content.nodes.keys()].filter((id) => /^s\d+_all$/.test(id));
    expect(order).toEqual(["s0_all", "s1_all"]);
    expect(content.edges.find((e) => e.to === "h_end0")?.from).toBe("s1_all");
  });

  it("draws what the customer carries solid, never like rework, and data shared thick", async () => {
    const content = await flowchart(text);
    const links = content.edges.filter((e) => e.from === "s0_all" && e.to === "s1_all");
    expect(links.map((e) => e.stroke).sort()).toEqual(["normal", "thick"]);
    const carry = content.edges.findIndex((e) => e.from === "s0_all" && e.label.startsWith("customer carries"));
    expect(text).toMatch(new RegExp(`linkStyle [\\d,]*\\b${carry}\\b[\\d,]* stroke:#be185d`));
    expect(text).not.toMatch(/stroke-dasharray:9 6/);
  });

  it("highlights services and links with findings", async () => {
    const overlay = toMermaid(catalog, view, { findings: retirementFindings() }).diagrams[0]!.text;
    expect(overlay).toMatch(/class [^\n]*s0_all[^\n]* sludge_error/);
    expect(overlay).toMatch(/Sludge \(1 warning\)#58;\*\* customer-as-courier/);
    expect((await flowchart(overlay)).subgraphs.get("g_legend")?.title).toBe("Sludge findings");
  });

  it("splits into parts, in time order, when the budget is small", () => {
    const child = parseCatalogText(readFileSync(join(import.meta.dirname, "../../examples/having-a-child/as-is.yaml"), "utf8"), { format: "yaml" });
    const childView = { view: "life-experience", experience: "having-a-child" } as const;
    const whole = toMermaid(child, childView).diagrams[0]!;
    const split = toMermaid(child, childView, { maxTextSize: Math.ceil(whole.text.length * 0.95) });
    expect(split.diagrams.map((d) => d.id)).toEqual([1, 2, 3].map((n) => `life-experience-having-a-child-overview-${n}`));
    for (const d of split.diagrams) expect(d.text.length).toBeLessThanOrEqual(Math.ceil(whole.text.length * 0.95));
    expect(split.warnings.map((w) => w.code)).toEqual(["split"]);
    // The first part holds the earliest services; a hand-off to a later part ends at a continuation node.
    expect(split.diagrams[0]!.text).toContain("Register the birth");
    expect(split.diagrams[0]!.text).toContain("continues in overview part 2");
  });

  it("is the detailed graph with `detailed: true`, or when services are to be collapsed", () => {
    expect(toMermaid(catalog, view, { detailed: true }).diagrams[0]!.id).toBe("life-experience-retire");
    expect(toMermaid(catalog, view, { collapse: "all" }).diagrams[0]!.id).toBe("life-experience-retire");
    expect(toMermaid(catalog, view, { collapse: "all", detailed: false }).diagrams[0]!.id).toBe("life-experience-retire-overview");
    expect(() => toMermaid(catalog, view, { detailed: "yes" as unknown as boolean })).toThrow(/options\.detailed: must be true or false/);
  });
});
