import { describe, expect, it } from "vitest";
import { MermaidExportError, toMermaid } from "../../src/export/mermaid/index.js";
import { readMermaid, type FlowchartContent } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementFindings } from "./fixtures.js";

const catalog = retirementCatalog();
const view = { view: "life-experience", experience: "retire" } as const;

async function flowchart(text: string): Promise<FlowchartContent> {
  const content = await readMermaid(text);
  if (content.kind !== "flowchart") throw new Error("expected a flowchart");
  return content;
}

describe("life-experience view", () => {
  const result = toMermaid(catalog, view);
  const text = result.diagrams[0]!.text;

  it("groups services by agency", async () => {
    expect(result.diagrams).toHaveLength(1);
    expect(result.warnings).toEqual([]);
    const content = await flowchart(text);
    expect(content.subgraphs.get("g_a0")?.title).toBe("SSA Social Security Administration");
    expect(content.subgraphs.get("g_a0")?.nodes).toContain("g_s0");
    expect(content.subgraphs.get("g_a2")?.title).toBe("CMS Centers for Medicare & Medicaid Services");
    expect(content.subgraphs.get("g_a2")?.nodes).toContain("g_s1");
    expect(content.subgraphs.get("g_s1")?.title).toBe("Enroll in Medicare Part B");
    expect([...(content.subgraphs.get("g_s1")?.nodes ?? [])].sort()).toEqual(["s1_n0", "s1_n1", "s1_n2"]);
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
    expect(carry?.stroke).toBe("dotted");
    expect(carry?.label).toBe("customer carries Birth certificate wait 5 days");
    const shareIndex = content.edges.indexOf(share!);
    const carryIndex = content.edges.indexOf(carry!);
    expect(text).toMatch(new RegExp(`linkStyle [\\d,]*\\b${shareIndex}\\b[\\d,]* stroke:#15803d`));
    expect(text).toMatch(new RegExp(`linkStyle [\\d,]*\\b${carryIndex}\\b[\\d,]* stroke:#c2410c,stroke-width:3px,stroke-dasharray`));
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
    const content = await flowchart(toMermaid(catalog, view, { agencies: ["cms"] }).diagrams[0]!.text);
    expect([...content.subgraphs.keys()].filter((id) => id.startsWith("g_s"))).toEqual(["g_s1"]);
    expect(content.edges.some((e) => e.from.startsWith("s0_"))).toBe(false);
  });

  it("attaches a hand-off from a step hidden by a lane filter to its service's subgraph", async () => {
    const content = await flowchart(toMermaid(catalog, view, { lanes: ["customer"] }).diagrams[0]!.text);
    expect(content.edges.some((e) => e.from === "g_s0" && e.to === "s1_n0")).toBe(true);
  });

  it("highlights steps, services and links with findings", async () => {
    const overlay = toMermaid(catalog, view, { findings: retirementFindings() }).diagrams[0]!.text;
    const content = await flowchart(overlay);
    const carry = content.edges.findIndex((e) => e.from === "s0_n10" && e.to === "s1_n0");
    expect(overlay).toMatch(new RegExp(`linkStyle [\\d,]*\\b${carry}\\b[\\d,]* stroke:#b45309`));
    expect(content.edges[carry]?.label).toContain("Sludge (1 warning): customer-as-courier");
    expect(overlay).toMatch(/class [^\n]*g_s1[^\n]* sludge_info/);
    expect(overlay).toMatch(/class [^\n]*s0_n7[^\n]* sludge_error/);
    expect(content.subgraphs.get("g_legend")?.title).toBe("Sludge findings");
  });

  it("is deterministic", () => {
    expect(toMermaid(retirementCatalog(), view).diagrams[0]!.text).toBe(text);
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
