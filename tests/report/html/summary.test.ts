/**
 * The report as a reader with thirty seconds meets it: the summary first (rounded totals, the five findings with
 * the most hours in plain words, the as-is vs to-be change), findings sortable by hours, no absolute path,
 * diagrams at 100% in a scroll box with a full-size view, print styles, and the layout of a catalog of feedback
 * only (the HISP import).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { type Catalog, type HtmlReportInput, builtinRules, compareCatalogs, lintCatalog, parseCatalogText, renderHtmlReport } from "../../../src/index.js";
import { roughly, shownFileName } from "../../../src/report/html/format.js";
import { svgSize } from "../../../src/report/html/render.js";
import { REPORT_CSS } from "../../../src/report/html/styles.js";
import { expectInert } from "./hostile.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const example = (file: string): Catalog => parseCatalogText(readFileSync(join(ROOT, "examples", file), "utf8"));
const asIs = example("approaching-retirement/as-is.yaml");
const toBe = example("approaching-retirement/to-be.yaml");
const lint = lintCatalog(asIs);
const hisp = example("federal-hisp-services/catalog.yaml");

function report(input: Partial<HtmlReportInput> = {}): string {
  return renderHtmlReport({ catalog: asIs, findings: lint.findings, waived: lint.waived, burden: lint.burden, source: "as-is.yaml", ...input });
}

/** Parses a page; with `run`, its own script runs (as the CSP allows it in a browser). */
function open(html: string, run = false): JSDOM {
  return run ? new JSDOM(html, { runScripts: "dangerously" }) : expectInert(html);
}

const RULE_IDS = builtinRules.map((rule) => rule.meta.id);

describe("the summary", () => {
  const dom = open(report({ compare: { comparison: compareCatalogs(asIs, toBe), catalog: toBe, source: "to-be.yaml" } }));
  const doc = dom.window.document;
  const summary = doc.getElementById("summary")!;

  it("is the first section of the page, and first in the navigation", () => {
    expect(doc.querySelector("main > section")!.id).toBe("summary");
    expect(doc.querySelector("nav a")!.getAttribute("href")).toBe("#summary");
    expect([...doc.querySelectorAll("main > section")].map((s) => s.id)).toEqual(["summary", "compare", "findings", "burden", "experiences", "services"]);
  });

  it("gives the totals rounded to two figures", () => {
    const values = [...summary.querySelector(".sb-figures")!.querySelectorAll(".value")].map((v) => v.textContent);
    const total = lint.burden.total;
    expect(values).toEqual([`about ${roughly(total.annualHours)}`, `about $${roughly(total.annualCost)}`, `about ${roughly(total.customersPerYear)}`]);
    for (const value of values) expect(value).toMatch(/^about \$?\d+(\.\d)?( million| billion)?$|^about \$?\d{1,3}(,000)*$/);
  });

  it("names the five findings with the most hours, most first, by their rule's title and the service's and step's names", () => {
    const items = [...summary.querySelectorAll("ol.sb-top > li")];
    expect(items).toHaveLength(5);
    // One line per place: findings on the same step price the same minutes (a 90-minute learning step is also a
    // lengthy step), so a step's later findings are named on its line, not listed (and added) again.
    const seen = new Set<string>();
    const sorted = [...lint.findings].filter((f) => f.burden.annualHours > 0).sort((a, b) => b.burden.annualHours - a.burden.annualHours);
    const worst = sorted.filter((f) => {
      if (f.target.kind !== "step") return true;
      const place = `${f.target.service}/${f.target.step}`;
      if (seen.has(place)) return false;
      seen.add(place);
      return true;
    }).slice(0, 5);
    const titles = new Map(builtinRules.map((r) => [r.meta.id, r.meta.title]));
    items.forEach((item, i) => {
      const finding = worst[i]!;
      expect(item.querySelector("strong")!.textContent).toBe(titles.get(finding.ruleId));
      const service = asIs.services.find((s) => s.id === finding.target.service);
      if (service !== undefined) expect(item.textContent).toContain(service.name);
      expect(item.textContent).toContain(`about ${roughly(finding.burden.annualHours)} hours a year`);
    });
    const learning = items.find((item) => item.querySelector("strong")!.textContent === titles.get("learning-cost"));
    expect(learning?.textContent).toContain(`also flagged as ${titles.get("lengthy-step")!.toLowerCase()}; its hours overlap and are not added`);
    // Plain words: no rule id, no model path, no step id in quotes.
    const text = summary.textContent!;
    for (const id of RULE_IDS) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
    expect(text).not.toMatch(/services\[\d+\]|steps\[\d+\]/);
  });

  it("states the as-is vs to-be change, and a section lists the services whose hours changed", () => {
    const delta = compareCatalogs(asIs, toBe).burden.total.delta.annualHours;
    expect(delta).toBeLessThan(0);
    expect(summary.textContent).toContain(`The to-be design (to-be.yaml) saves about ${roughly(-delta)} customer hours a year`);
    const rows = [...doc.querySelectorAll("#compare tbody tr")];
    expect(rows.length).toBeGreaterThan(0);
    const changes = rows.map((r) => Number(r.lastElementChild!.textContent!.replace(/[,+]/g, "")));
    expect(changes).toEqual([...changes].sort((a, b) => a - b));
  });

  it("says so when no finding has hours, instead of listing 0-hour findings", () => {
    const zero = lint.findings.map((f) => ({ ...f, burden: { ...f.burden, annualHours: 0 } }));
    const page = open(report({ findings: zero }));
    expect(page.window.document.querySelectorAll("#summary ol.sb-top li")).toHaveLength(0);
    expect(page.window.document.getElementById("summary")!.textContent).toContain("No finding costs customers time that can be counted");
  });
});

describe("the findings table", () => {
  const rowsHours = (doc: Document): number[] =>
    [...doc.querySelectorAll("#sb-findings tbody tr")].map((row) => Number(row.firstElementChild!.textContent!.replace(/,/g, "")));

  it("lists findings by hours, most first, with rule ids and model paths folded away", () => {
    const doc = open(report()).window.document;
    const hours = rowsHours(doc);
    expect(hours.length).toBe(lint.findings.length);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(hours[0]).toBeGreaterThan(0);
    for (const row of doc.querySelectorAll("#sb-findings tbody tr")) {
      // The rule id and the path sit only inside a closed fold.
      const fold = row.querySelector("details.sb-ids")!;
      expect(fold.hasAttribute("open")).toBe(false);
      const outside = [...row.querySelectorAll("td")].map((td) => {
        const copy = td.cloneNode(true) as HTMLElement;
        copy.querySelector("details")?.remove();
        return copy.textContent!;
      });
      expect(outside.join(" ")).not.toMatch(/services\[\d+\]|lifeExperiences\[\d+\]/);
      expect(fold.textContent).toMatch(/at (services|lifeExperiences)\[\d+\]|at \S+/);
    }
  });

  it("sorts by a column when its header button is chosen, and again the other way, stating the order", () => {
    const dom = open(report(), true);
    const doc = dom.window.document;
    const header = (key: string): HTMLElement => doc.querySelector(`button[data-sort="${key}"]`)!.parentElement!;
    expect(header("hours").getAttribute("aria-sort")).toBe("descending");
    // Buttons: reachable and usable from the keyboard.
    for (const button of doc.querySelectorAll("#sb-findings thead button")) expect(button.getAttribute("type")).toBe("button");
    (doc.querySelector('button[data-sort="hours"]') as HTMLButtonElement).click();
    const ascending = rowsHours(doc);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(header("hours").getAttribute("aria-sort")).toBe("ascending");
    (doc.querySelector('button[data-sort="severity"]') as HTMLButtonElement).click();
    const severities = [...doc.querySelectorAll("#sb-findings tbody tr td.sev")].map((td) => td.textContent);
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    const ranks = severities.map((s) => rank[s!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(header("severity").getAttribute("aria-sort")).toBe("descending");
    expect(header("hours").hasAttribute("aria-sort")).toBe(false);
    (doc.querySelector('button[data-sort="where"]') as HTMLButtonElement).click();
    const places = [...doc.querySelectorAll("#sb-findings tbody tr")].map((row) => row.children[2]!.textContent!);
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b)));
    expect(header("where").getAttribute("aria-sort")).toBe("ascending");
    dom.window.close();
  });
});

describe("file names", () => {
  it("shows the catalog's file name as given, and never an absolute path", () => {
    expect(shownFileName("examples/x/as-is.yaml")).toBe("examples/x/as-is.yaml");
    expect(shownFileName("/home/ana/work/as-is.yaml")).toBe("as-is.yaml");
    expect(shownFileName("C:\\Users\\ana\\as-is.yaml")).toBe("as-is.yaml");
    const html = report({
      source: "/home/ana/secret-project/as-is.yaml",
      compare: { comparison: compareCatalogs(asIs, toBe), catalog: toBe, source: "/home/ana/secret-project/to-be.yaml" },
    });
    expect(html).not.toContain("/home/ana");
    expect(html).not.toContain("secret-project");
    expect(open(html).window.document.querySelector("header p.muted")!.textContent).toMatch(/^as-is\.yaml: /);
    expect(report({ source: "examples/approaching-retirement/as-is.yaml" })).toContain("examples/approaching-retirement/as-is.yaml: ");
  });
});

describe("diagrams", () => {
  const svg = `<svg id="m" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 2400.5px;" viewBox="-8 -8 2400.5 900.2"><text>x</text></svg>`;
  const service = asIs.services[0]!;

  it("are drawn at 100% (the SVG's own size) in a scroll box that takes the keyboard, with a full-size link", () => {
    expect(svgSize(svg)).toEqual({ width: 2401, height: 901 });
    expect(svgSize(`<svg width="300" height="150"></svg>`)).toEqual({ width: 300, height: 150 });
    expect(svgSize(`<svg width="100%"></svg>`)).toBeUndefined();
    const dom = open(report({ diagrams: [{ id: "blueprint-x", title: "Blueprint", view: "blueprint", service: service.id, mermaid: "flowchart LR", svg }] }), true);
    const doc = dom.window.document;
    const figure = doc.getElementById("diagram-blueprint-x")!;
    const box = figure.querySelector(".sb-scroll")!;
    expect(box.getAttribute("tabindex")).toBe("0");
    const img = box.querySelector("img")!;
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["2401", "901"]);
    expect(REPORT_CSS).toMatch(/\.sb-scroll \{ overflow: auto; max-height: 80vh;/);
    expect(REPORT_CSS).toMatch(/\.sb-scroll img \{ display: block; max-width: none; \}/);
    // The link shows a copy of the image alone in a dialog (jsdom has no showModal: then it stays an anchor).
    const link = figure.querySelector("a.sb-open")!;
    expect(link.textContent).toBe("Open full size");
    expect(link.getAttribute("href")).toBe("#diagram-blueprint-x");
    expect(link.getAttribute("data-full")).toBe("diagram-blueprint-x");
    expect(doc.getElementById("sb-full")!.tagName).toBe("DIALOG");
    dom.window.close();
  });
});

describe("printing", () => {
  it("opens the step lists, starts each service on a page, hides the controls and clips nothing", () => {
    const print = REPORT_CSS.slice(REPORT_CSS.indexOf("@media print"));
    expect(print).toMatch(/\.sb-service \{ break-before: page; \}/);
    expect(print).toMatch(/nav, \.sb-filters, #sb-findings-count, \.sb-open, \.sb-sort-arrow, #sb-full, details\.sb-ids \{ display: none !important; \}/);
    expect(print).toMatch(/figure, \.sb-figure, \.sb-figures, tr \{ break-inside: avoid; \}/);
    expect(print).toMatch(/\.sb-scroll, pre, figure \{ overflow: visible; max-height: none;/);
    expect(print).toMatch(/details\.sb-steps::details-content[^{]*\{ content-visibility: visible; display: block; \}/);
    const dom = open(report(), true);
    const doc = dom.window.document;
    expect(doc.querySelectorAll("section.sb-service")).toHaveLength(asIs.services.length);
    const steps = [...doc.querySelectorAll("details.sb-steps")] as HTMLDetailsElement[];
    expect(steps.length).toBe(asIs.services.length);
    expect(steps.every((d) => !d.open)).toBe(true);
    dom.window.dispatchEvent(new dom.window.Event("beforeprint"));
    expect(steps.every((d) => d.open)).toBe(true);
    dom.window.dispatchEvent(new dom.window.Event("afterprint"));
    expect(steps.every((d) => !d.open)).toBe(true);
    dom.window.close();
  });
});

describe("a catalog of feedback only (the HISP import)", () => {
  const hispLint = lintCatalog(hisp);
  const html = renderHtmlReport({ catalog: hisp, findings: hispLint.findings, waived: hispLint.waived, burden: hispLint.burden, source: "catalog.yaml" });
  const doc = open(html).window.document;

  it("leads with its A-11 scores, not with 0 hours", () => {
    const summary = doc.getElementById("summary")!;
    const first = summary.querySelector("h3")!;
    expect(first.textContent).toBe("A-11 customer feedback");
    const cards = [...summary.querySelectorAll(".sb-figure")];
    expect(cards.length).toBeGreaterThanOrEqual(5);
    expect(cards[0]!.querySelector(".value")!.textContent).toMatch(/^[1-5]\.\d of 5$/);
    expect(cards[0]!.querySelector(".label")!.textContent).toMatch(/^Satisfaction: \d+% agree$/);
    expect(summary.textContent).not.toMatch(/\b0 h\b|about 0\b/);
    expect(doc.getElementById("burden")).toBeNull();
  });

  it("lists the services without steps in a table, not a diagram each, before the findings", () => {
    expect([...doc.querySelectorAll("main > section")].map((s) => s.id)).toEqual(["summary", "services", "findings"]);
    const rows = doc.querySelectorAll("table.sb-stepless tbody tr");
    expect(rows).toHaveLength(hisp.services.length);
    expect(doc.querySelectorAll("figure")).toHaveLength(0);
    expect(doc.querySelectorAll("section.sb-service")).toHaveLength(0);
    const head = [...doc.querySelectorAll("table.sb-stepless thead th")].map((th) => th.textContent);
    expect(head.slice(0, 5)).toEqual(["Service", "Agency", "Channels", "Latest quarter", "Respondents"]);
    expect(head).toContain("Satisfaction");
    expect(rows[0]!.textContent).toMatch(/FY20\d\d Q[1-4]/);
    expect(doc.querySelector("header p.muted")!.textContent).toBe("catalog.yaml: 47 services (none with steps modelled yet), 0 life experiences, 40 agencies.");
  });

  it("never writes '1 steps'", () => {
    expect(doc.body.textContent).not.toMatch(/\b1 steps\b/);
    expect(report()).not.toMatch(/\b1 steps\b/);
  });
});

describe("roughly", () => {
  it("rounds to two figures, millions and billions in words", () => {
    expect([0, 0.4, 7, 740, 1234, 12_345, 999_499, 1_234_567, 12_345_678, 3_456_000_000].map(roughly)).toEqual([
      "0",
      "0.4",
      "7",
      "740",
      "1,200",
      "12,000",
      "1 million",
      "1.2 million",
      "12 million",
      "3.5 billion",
    ]);
  });
});
