import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type HtmlReportDiagram, computeBurden, parseCatalog, renderHtmlReport } from "../../../src/index.js";
import { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from "../../../src/report/html/script.js";
import { arbCatalog } from "../../../src/testing/index.js";
import { smallCatalog } from "../../fixtures/small-catalog.js";
import { HOSTILE, expectInert, hostileCatalog, hostileFinding } from "./hostile.js";

const hostileDiagrams = (): HtmlReportDiagram[] => [
  {
    id: "blueprint-ssa-retire",
    title: HOSTILE[0],
    view: "blueprint",
    service: "ssa-retire",
    mermaid: `flowchart LR\n a["${HOSTILE[3]}"]`,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script><text>${HOSTILE[1]}</text></svg>`,
  },
  { id: "journey-ssa-retire", title: HOSTILE[2], view: "journey", service: "ssa-retire", mermaid: `journey\n title ${HOSTILE[5]}` },
  { id: "le-retire", title: HOSTILE[4], view: "life-experience", experience: "retire", mermaid: `flowchart LR\n x --> y` },
];

function hostileReport(): string {
  const catalog = hostileCatalog();
  const findings = [
    hostileFinding("error", "ssa-retire", "apply", 0),
    hostileFinding("warning", "ssa-retire", "visit", 1),
    hostileFinding("info", "cms-enroll", "enroll", 2),
    hostileFinding("warning", "cms-enroll", "enroll", 3),
  ];
  return renderHtmlReport({
    catalog,
    findings,
    waived: [{ ...hostileFinding("warning", "cms-enroll", "enroll", 4), waiver: { index: 0, justification: "statutory-requirement", note: HOSTILE[6] } }],
    burden: computeBurden(catalog),
    diagrams: hostileDiagrams(),
    source: HOSTILE[8],
    generatedAt: HOSTILE[9],
    svgNote: HOSTILE[1],
  });
}

describe("renderHtmlReport", () => {
  it("allows its script by the hash in the CSP, and that hash is the script's", () => {
    const digest = createHash("sha256").update(REPORT_SCRIPT, "utf8").digest("base64");
    expect(REPORT_SCRIPT_HASH).toBe(`sha256-${digest}`);
    const html = renderHtmlReport({ catalog: parseCatalog(smallCatalog()) });
    const dom = expectInert(html);
    const csp = dom.window.document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src data:");
    expect(csp).toContain(`script-src '${REPORT_SCRIPT_HASH}'`);
    expect(csp).not.toContain("unsafe-eval");
    expect(dom.window.document.querySelector("script:not([type])")!.textContent).toBe(REPORT_SCRIPT);
  });

  it("runs nothing from hostile labels, findings, diagrams or notes, and shows them as text", () => {
    const html = hostileReport();
    const dom = expectInert(html);
    const text = dom.window.document.body.textContent!;
    // Each hostile string reaches the reader as the text it is (apart from the JSON data block).
    for (const hostile of HOSTILE.slice(0, 8)) expect(text).toContain(hostile.replace(/\u2028/g, ""));
    // The SVG that tried to run is only an image's data.
    const img = dom.window.document.querySelector("img")!;
    const svg = Buffer.from(img.getAttribute("src")!.split(",")[1]!, "base64").toString("utf8");
    expect(svg).toContain("<script>alert(1)</script>");
  });

  it("embeds the findings data as JSON that cannot close its script element", () => {
    const html = hostileReport();
    const data = html.slice(html.indexOf('id="sb-findings-data">'), html.indexOf("</script>", html.indexOf('id="sb-findings-data">')));
    expect(data).not.toMatch(/<(?!\/script)/);
    const dom = expectInert(html);
    const parsed = JSON.parse(dom.window.document.getElementById("sb-findings-data")!.textContent!) as { severity: string; hours: number }[];
    // Most hours first (the findings were given in the opposite order).
    expect(parsed.map((d) => d.hours)).toEqual([4, 3, 2, 1].map((n) => 16.7 * n));
    expect(parsed.map((d) => d.severity)).toEqual(["warning", "info", "warning", "error"]);
  });

  it("filters the findings table by severity, rule and service", async () => {
    const dom = new (await import("jsdom")).JSDOM(hostileReport(), { runScripts: "dangerously" });
    const doc = dom.window.document;
    const rows = () => [...doc.querySelectorAll("#sb-findings tbody tr")].filter((r) => !(r as HTMLElement).hidden).length;
    expect(rows()).toBe(4);
    const choose = (name: string, value: string): void => {
      const select = doc.getElementById(`sb-filter-${name}`) as HTMLSelectElement;
      expect([...select.options].map((o) => o.value)).toContain(value);
      select.value = value;
      select.dispatchEvent(new dom.window.Event("change"));
    };
    choose("severity", "warning");
    expect(rows()).toBe(2);
    choose("service", "cms-enroll");
    expect(rows()).toBe(1);
    choose("rule", "long-wait");
    expect(rows()).toBe(0);
    expect(doc.getElementById("sb-findings-count")!.textContent).toBe("0 of 4 shown");
    dom.window.close();
  });

  it("draws burden charts with a bar per service and category, largest first", () => {
    const dom = expectInert(hostileReport());
    const charts = [...dom.window.document.querySelectorAll("svg.sb-chart")];
    expect(charts).toHaveLength(2);
    const widths = [...charts[0]!.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width")));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBe(420);
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    const categories = [...charts[1]!.querySelectorAll("text.sb-chart-label")].map((t) => t.textContent);
    expect(categories[0]).toBe("compliance");
  });

  it("falls back to the Mermaid source with a note when a diagram has no SVG", () => {
    const dom = expectInert(hostileReport());
    const pres = [...dom.window.document.querySelectorAll("pre.mermaid-source")];
    // Life experiences come before services.
    expect(pres.map((p) => p.textContent)).toEqual(["flowchart LR\n x --> y", `journey\n title ${HOSTILE[5]}`]);
    expect(dom.window.document.body.textContent).toContain("Not rendered");
  });

  it("gives the same page for the same input", () => {
    expect(hostileReport()).toBe(hostileReport());
  });

  test.prop([arbCatalog({ text: "adversarial" })], { numRuns: 25 })("is inert for any adversarial catalog", (catalog) => {
    expectInert(renderHtmlReport({ catalog, findings: [], waived: [] })).window.close();
  });
});
