/**
 * The report as a reader meets it in a real browser (Debian's Chromium through playwright-core): the summary is
 * the first thing on the page, clicking a column header sorts the findings, a diagram is shown at 100% in a
 * scroll box and alone at full size, printing hides the controls and opens the step lists, and the page makes no
 * request outside itself.
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { type Catalog, type HtmlReportDiagram, compareCatalogs, lintCatalog, parseCatalogText, renderHtmlReport } from "../../../src/index.js";
import { reportBrowser } from "../../helpers/report-browser.js";

const chromium = reportBrowser();
const present = chromium.present;
const ROOT = join(import.meta.dirname, "..", "..", "..");
const ARTEFACTS = join(ROOT, "test-artifacts", "report");
const example = (file: string): Catalog => parseCatalogText(readFileSync(join(ROOT, "examples", file), "utf8"));
type Page = import("playwright-core").Page;

/** A wide diagram (2,400 × 900 px at 100%), as Mermaid writes its root: `width="100%"`, a max-width and a viewBox. */
const WIDE_SVG =
  `<svg id="m" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 2400px;" viewBox="0 0 2400 900">` +
  `<rect x="0" y="0" width="2400" height="900" fill="#eef"/><text x="20" y="40" font-size="16">Start</text>` +
  `<text x="2300" y="860" font-size="16">End</text></svg>`;

interface Visit {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
}

/** Writes a page and opens it, recording requests other than the page itself and any error. */
async function visit(html: string, name: string): Promise<Visit> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await chromium.browser().newPage({ viewport: { width: 1280, height: 900 } });
  const v: Visit = { page, requests: [], errors: [] };
  page.on("request", (request) => {
    if (request.url() !== url && !request.url().startsWith("data:")) v.requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") v.errors.push(message.text());
  });
  page.on("pageerror", (error) => v.errors.push(error.message));
  await page.route(/^(?!file:|data:)/, (route) => route.abort());
  await page.goto(url, { waitUntil: "load" });
  return v;
}

const hoursShown = (page: Page): Promise<number[]> =>
  page.$$eval("#sb-findings tbody tr", (rows) => rows.map((row) => Number(row.firstElementChild!.textContent!.replace(/,/g, ""))));

describe.skipIf(!present)("the report in Chromium", { timeout: 120_000 }, () => {
  it("shows the summary first, sorts findings by clicking a header, and requests nothing", async () => {
    const asIs = example("approaching-retirement/as-is.yaml");
    const toBe = example("approaching-retirement/to-be.yaml");
    const lint = lintCatalog(asIs);
    const service = asIs.services[0]!;
    const diagrams: HtmlReportDiagram[] = [{ id: `blueprint-${service.id}`, title: "Wide blueprint", view: "blueprint", service: service.id, mermaid: "flowchart LR", svg: WIDE_SVG }];
    const html = renderHtmlReport({
      catalog: asIs,
      findings: lint.findings,
      waived: lint.waived,
      burden: lint.burden,
      diagrams,
      source: "as-is.yaml",
      compare: { comparison: compareCatalogs(asIs, toBe), catalog: toBe, source: "to-be.yaml" },
    });
    const v = await visit(html, "approaching-retirement");
    const { page } = v;

    // The summary is the first section, and it is on the first screen.
    expect(await page.$eval("main > section", (s) => s.id)).toBe("summary");
    const top = await page.$eval("#summary", (s) => s.getBoundingClientRect().top);
    expect(top).toBeLessThan(900);
    expect(await page.$$eval("#summary ol.sb-top li", (items) => items.length)).toBe(5);
    await page.screenshot({ path: join(ARTEFACTS, "summary.png") });

    // Most hours first; a click on the header sorts the other way, from the keyboard too.
    const first = await hoursShown(page);
    expect(first).toEqual([...first].sort((a, b) => b - a));
    await page.click('button[data-sort="hours"]');
    const ascending = await hoursShown(page);
    expect(ascending).toEqual([...first].sort((a, b) => a - b));
    expect(await page.getAttribute('th:has(button[data-sort="hours"])', "aria-sort")).toBe("ascending");
    await page.focus('button[data-sort="hours"]');
    await page.keyboard.press("Enter");
    expect(await hoursShown(page)).toEqual(first);
    await page.click('button[data-sort="where"]');
    const places = await page.$$eval("#sb-findings tbody tr", (rows) => rows.map((row) => row.children[2]!.textContent!));
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b)));

    // The diagram is at 100% in a scroll box, and shown alone at full size in a dialog.
    const box = await page.$eval(".sb-scroll", (el) => ({ client: el.clientWidth, scroll: el.scrollWidth, img: (el.querySelector("img") as HTMLImageElement).getBoundingClientRect().width, loaded: (el.querySelector("img") as HTMLImageElement).naturalWidth > 0 }));
    expect(box.loaded).toBe(true);
    expect(box.img).toBe(2400);
    expect(box.scroll).toBeGreaterThan(box.client);
    await page.click("a.sb-open");
    expect(await page.$eval("#sb-full", (d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.$eval("#sb-full img", (img) => (img as HTMLImageElement).getBoundingClientRect().width)).toBe(2400);
    await page.screenshot({ path: join(ARTEFACTS, "full-size.png") });
    await page.keyboard.press("Escape");
    expect(await page.$eval("#sb-full", (d) => (d as HTMLDialogElement).open)).toBe(false);

    // Printed: no controls, the step lists open, no clipping box.
    await page.emulateMedia({ media: "print" });
    expect(await page.$eval(".sb-filters", (el) => getComputedStyle(el).display)).toBe("none");
    expect(await page.$eval("a.sb-open", (el) => getComputedStyle(el).display)).toBe("none");
    expect(await page.$eval(".sb-scroll", (el) => [getComputedStyle(el).overflowX, getComputedStyle(el).maxHeight])).toEqual(["visible", "none"]);
    expect(await page.$eval("section.sb-service", (el) => getComputedStyle(el).breakBefore)).toBe("page");
    const stepTable = await page.$eval("details.sb-steps table", (table) => table.checkVisibility());
    expect(stepTable).toBe(true);
    await page.pdf({ path: join(ARTEFACTS, "approaching-retirement.pdf") });
    await page.emulateMedia({ media: "screen" });
    expect(await page.$eval("details.sb-steps table", (table) => table.checkVisibility())).toBe(false);

    expect(v.requests).toEqual([]);
    expect(v.errors).toEqual([]);
    await page.close();
  });

  it("leads a catalog of feedback only with its scores and a table of its services", async () => {
    const hisp = example("federal-hisp-services/catalog.yaml");
    const lint = lintCatalog(hisp);
    const v = await visit(renderHtmlReport({ catalog: hisp, findings: lint.findings, waived: lint.waived, burden: lint.burden, source: "catalog.yaml" }), "federal-hisp-services");
    const { page } = v;
    expect(await page.$eval("#summary h3", (h) => h.textContent)).toBe("A-11 customer feedback");
    const cards = await page.$$eval("#summary .sb-figure", (els) => els.map((el) => el.getBoundingClientRect().top));
    expect(Math.min(...cards)).toBeLessThan(900);
    expect(await page.$$eval("table.sb-stepless tbody tr", (rows) => rows.length)).toBe(hisp.services.length);
    expect(await page.$$eval("figure", (f) => f.length)).toBe(0);
    expect(await page.evaluate(() => /\b1 steps\b/.test(document.body.innerText))).toBe(false);
    await page.screenshot({ path: join(ARTEFACTS, "federal-hisp-services.png") });
    expect(v.requests).toEqual([]);
    expect(v.errors).toEqual([]);
    await page.close();
  });
});
