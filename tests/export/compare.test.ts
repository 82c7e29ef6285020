/**
 * The compare view (`compareDiagram`): one service as-is and to-be in one flowchart, steps classed new, changed,
 * removed and unchanged, with the customer minutes each saves and the service's totals, from `compareCatalogs`.
 * Golden files in tests/export/golden/compare (rewrite with `UPDATE_GOLDEN=1` and review the diff); rendered in
 * Chromium (skipped with a notice without it, an error under CI=true), at most 2,400 px wide at 100%, with no text
 * over another and no label on a step.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Catalog, type CatalogInput, MermaidExportError, compareCatalogs, compareDiagram, parseCatalog, parseCatalogText } from "../../src/index.js";
import { formatMinutes } from "../../src/export/mermaid/format.js";
import { openChromium, svgStructure } from "../helpers/chromium.js";
import { parseMermaid, readMermaid } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementInput } from "./fixtures.js";
import { openMeter } from "../helpers/measure-svg.js";
import { svgWidth } from "./svg-measure.js";

type StepInput = { id: string; name: string; lane: string; customerMinutes?: number; next?: { to: string; kind?: string; share?: number; label?: string }[] };

/** The retirement catalog redesigned: shorter online form, an upload instead of the office visit, no rework visit. */
function redesignedCatalog(): Catalog {
  const input = retirementInput() as unknown as { services: { id: string; steps: StepInput[] }[] };
  const service = input.services.find((s) => s.id === "ssa-retire")!;
  service.steps = service.steps.filter((s) => s.id !== "visit" && s.id !== "clerk-check");
  service.steps.find((s) => s.id === "apply")!.customerMinutes = 15;
  service.steps.find((s) => s.id === "verify")!.next = [
    { to: "decide", kind: "branch", share: 0.8, label: "record complete" },
    { to: "upload", kind: "branch", share: 0.2, label: "documents missing" },
  ];
  service.steps.find((s) => s.id === "decide")!.next = [
    { to: "award", kind: "branch", share: 0.95, label: "granted" },
    { to: "denial", kind: "branch", share: 0.05, label: "denied" },
  ];
  service.steps.push({ id: "upload", name: "Upload documents online", lane: "customer", customerMinutes: 10, next: [{ to: "decide" }] });
  return parseCatalog(input as unknown as CatalogInput);
}

/** `class a,b name` lines of a flowchart: class name to node ids. */
function classes(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [, ids, name] of text.matchAll(/^ {2}class (\S+) (\S+)$/gm)) out.set(name!, [...(out.get(name!) ?? []), ...ids!.split(",")]);
  return out;
}

const asIs = retirementCatalog();
const toBe = redesignedCatalog();

describe("compareDiagram", () => {
  it("marks new, changed, removed and unchanged steps with their own classes, each in the legend", async () => {
    const { diagrams } = compareDiagram(asIs, toBe, { service: "ssa-retire" });
    expect(diagrams).toHaveLength(1);
    const text = diagrams[0]!.text;
    const content = await readMermaid(text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    const byClass = classes(text);
    const names = (name: string) => (byClass.get(name) ?? []).filter((id) => !id.startsWith("h_")).map((id) => content.nodes.get(id)!.split(" ").slice(0, 3).join(" "));
    expect(names("cmpAdded")).toEqual(["Upload documents online"]);
    expect(names("cmpRemoved").sort()).toEqual(["Bring documents to", "Clerk checks documents"]);
    expect(names("cmpChanged").sort()).toEqual(["Apply online changed:", "Claims specialist decides", "Verify earnings record"]);
    expect(byClass.get("cmpUnchanged")!.length).toBeGreaterThan(3);
    // Four classes, four distinct styles, and a legend key of each.
    const defs = [...text.matchAll(/^ {2}classDef (cmp\w+) (.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(new Set(defs.filter(([n]) => ["cmpAdded", "cmpChanged", "cmpRemoved", "cmpUnchanged"].includes(n!)).map(([, css]) => css)).size).toBe(4);
    for (const name of ["cmpAdded", "cmpChanged", "cmpRemoved", "cmpUnchanged"]) expect(byClass.get(name)!.some((id) => id.startsWith("h_key"))).toBe(true);
    expect(content.subgraphs.get("g_legend")?.title).toBe("Legend");
    expect(content.nodes.get("s0_n2")).toContain("changed: customerMinutes");
  });

  it("shows the minutes each step saves per customer, adding up to the service's total from compareCatalogs", async () => {
    const comparison = compareCatalogs(asIs, toBe);
    const row = comparison.burden.services.find((r) => r.id === "ssa-retire")!;
    const text = compareDiagram(asIs, toBe, { service: "ssa-retire", comparison }).diagrams[0]!.text;
    const content = await readMermaid(text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    const per = (label: string): number => {
      const m = /(saves|adds) (?:(\d+) h ?)?(?:([\d.]+) min)? per customer/.exec(label);
      if (m === null) return 0;
      const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
      return m[1] === "saves" ? minutes : -minutes;
    };
    // Apply online: 45 -> 15 minutes, everyone does it.
    expect(content.nodes.get("s0_n2")).toContain("saves 30 min per customer");
    // The office visit: 135 minutes for 20% (+5% sent back) of customers, gone.
    const stepNodes = [...content.nodes].filter(([id]) => !id.startsWith("h_"));
    const sum = stepNodes.reduce((total, [, label]) => total + per(label), 0);
    const total = -row.delta.minutesPerCustomer;
    expect(total).toBeGreaterThan(0);
    expect(Math.abs(sum - total)).toBeLessThan(0.5 * stepNodes.length);
    expect(content.nodes.get("h_key4")).toContain(`saves ${formatMinutes(total)} per customer`);
    const hours = (n: number) => Math.round(n).toLocaleString("en-US");
    expect(content.nodes.get("h_key4")).toContain(`Customer hours a year: ${hours(row.before!.annualHours)} → ${hours(row.after!.annualHours)}`);
  });

  it("draws the removed steps' old flows dotted and the to-be flows with their shares", async () => {
    const content = await readMermaid(compareDiagram(asIs, toBe, { service: "ssa-retire" }).diagrams[0]!.text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    const id = (name: string) => [...content.nodes].find(([, label]) => label.startsWith(name))![0];
    const edge = (from: string, to: string) => content.edges.find((e) => e.from === id(from) && e.to === id(to));
    expect(edge("Verify earnings record", "Upload documents online")?.label).toBe("documents missing · 20%");
    expect(edge("Verify earnings record", "Bring documents to the office")?.stroke).toBe("dotted");
    expect(edge("Bring documents to the office", "Clerk checks documents")?.stroke).toBe("dotted");
  });

  it("is deterministic, and needs no service name when there is one service", () => {
    const a = compareDiagram(asIs, toBe, { service: "ssa-retire" }).diagrams[0]!.text;
    expect(compareDiagram(retirementCatalog(), redesignedCatalog(), { service: "ssa-retire" }).diagrams[0]!.text).toBe(a);
    const one = (c: Catalog) => parseCatalog({ ...(retirementInput() as object), services: [c.services[1]], lifeExperiences: [] } as unknown as CatalogInput);
    expect(compareDiagram(one(asIs), one(toBe)).diagrams[0]!.id).toBe("compare-cms-enroll");
  });

  it("throws a typed error for a missing or unknown service", () => {
    expect(() => compareDiagram(asIs, toBe)).toThrow(MermaidExportError);
    try {
      compareDiagram(asIs, toBe, { service: "ssa-retir" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "unknown_service", path: "options.service", hint: "did you mean 'ssa-retire'?" });
    }
  });

  it("escapes user text", async () => {
    const input = retirementInput() as unknown as { services: { id: string; steps: StepInput[] }[] };
    input.services[0]!.steps[0]!.name = 'Learn "when" <b>to</b> claim; end --> x';
    const hostile = parseCatalog(input as unknown as CatalogInput);
    const text = compareDiagram(asIs, hostile, { service: "ssa-retire" }).diagrams[0]!.text;
    expect(text).not.toMatch(/<[a-z/!]/i);
    const content = await readMermaid(text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    expect([...content.nodes.values()].find((l) => l.startsWith("Learn"))).toBe('Learn "when" <b>to</b> claim; end --> x changed: name');
  });
});

describe("compare golden files", () => {
  const dir = join(import.meta.dirname, "golden", "compare");
  const update = process.env.UPDATE_GOLDEN === "1";
  const cases: { file: string; text: () => string }[] = [
    { file: "compare-ssa-retire.mmd", text: () => compareDiagram(asIs, toBe, { service: "ssa-retire" }).diagrams[0]!.text },
  ];
  for (const c of cases) {
    it(`${c.file} matches and parses`, async () => {
      const text = c.text();
      const path = join(dir, c.file);
      if (update) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path, text);
      }
      expect(existsSync(path), `missing golden file ${c.file} (run with UPDATE_GOLDEN=1)`).toBe(true);
      expect(text).toBe(readFileSync(path, "utf8"));
      expect(await parseMermaid(text)).toBe("flowchart-v2");
    });
  }
  it("has no stale golden files", () => {
    expect(readdirSync(dir).filter((f) => !cases.some((c) => c.file === f))).toEqual([]);
  });
});

const chromium = await openChromium();
const meter = chromium === null ? null : await openMeter();
afterAll(async () => {
  await chromium?.close();
  await meter?.close();
});

/** Every service of every bundled redesign (as-is.yaml and to-be.yaml), and the test pair. */
function pairs(): { name: string; asIs: Catalog; toBe: Catalog }[] {
  const root = join(import.meta.dirname, "..", "..", "examples");
  const out = [{ name: "test catalog", asIs, toBe }];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    const a = join(root, dir.name, "as-is.yaml");
    const b = join(root, dir.name, "to-be.yaml");
    if (!dir.isDirectory() || !existsSync(a) || !existsSync(b)) continue;
    const load = (file: string) => parseCatalogText(readFileSync(file, "utf8"), { format: "yaml", source: file });
    out.push({ name: dir.name, asIs: load(a), toBe: load(b) });
  }
  return out;
}

describe.skipIf(chromium === null)("compare view in Chromium", () => {
  for (const pair of pairs()) {
    it(`${pair.name}: every service renders offline, with its nodes, at most 2,400 px wide`, async () => {
      const comparison = compareCatalogs(pair.asIs, pair.toBe);
      const ids = [...new Set([...pair.asIs.services, ...pair.toBe.services].map((s) => s.id))];
      for (const service of ids) {
        const text = compareDiagram(pair.asIs, pair.toBe, { service, comparison }).diagrams[0]!.text;
        const before = chromium!.blockedRequests.length;
        const svg = await chromium!.render(text);
        const content = await readMermaid(text);
        if (content.kind !== "flowchart") throw new Error("expected a flowchart");
        expect([...svgStructure(svg).nodes].sort()).toEqual([...content.nodes.keys()].sort());
        expect(svgWidth(svg), service).toBeLessThanOrEqual(2400);
        // Readable: no text over another (two branch labels of one step did, before links were drawn rounded), no
        // label on a step.
        const drawn = await meter!.measure(svg);
        expect(drawn.overlaps, service).toEqual([]);
        expect(drawn.labelsUnderNodes, service).toEqual([]);
        expect(chromium!.blockedRequests.slice(before)).toEqual([]);
        if (service === "ssa-retire") await chromium!.screenshot(text, join(import.meta.dirname, "..", "..", "test-artifacts", "export", "compare-ssa-retire.png"));
      }
    });
  }
});
