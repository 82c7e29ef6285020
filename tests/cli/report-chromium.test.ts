/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it loads with no console error
 * and no network request, its diagrams are rendered SVG images, its filters work, a screenshot is saved as a test
 * artefact, and a catalog with hostile labels runs no script.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { serializeCatalog } from "../../src/index.js";
import { reportBrowser } from "../helpers/report-browser.js";
import { hostileCatalog } from "../report/html/hostile.js";
import { ROOT, runCliInProcess, tempDir } from "./run.js";

const chromium = reportBrowser();
const CHROMIUM = chromium.path;
const present = chromium.present;

interface Visit {
  readonly consoleErrors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
  readonly pageErrors: string[];
  readonly page: import("playwright-core").Page;
}

/** Opens a report file, recording console errors, requests other than the page itself, and dialogs. */
async function visit(file: string): Promise<Visit> {
  const page = await chromium.browser().newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(file).href;
  const visit: Visit = { consoleErrors: [], requests: [], dialogs: [], pageErrors: [], page };
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") visit.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => visit.pageErrors.push(error.message));
  page.on("request", (request) => {
    if (request.url() !== url && !request.url().startsWith("data:")) visit.requests.push(request.url());
  });
  page.on("dialog", async (dialog) => {
    visit.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.route(/^(?!file:|data:)/, (route) => route.abort());
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(300);
  return visit;
}

describe.skipIf(!present)("diagram --svg", { timeout: 180_000 }, () => {
  it("writes well-formed SVG files beside the Mermaid text, with progress on stderr", async () => {
    const dir = tempDir();
    const run = await runCliInProcess(["diagram", "examples/approaching-retirement/as-is.yaml", "--view", "blueprint", "--svg", "--out", dir], {
      env: { CHROMIUM_PATH: CHROMIUM },
    });
    expect(run.code, run.stderr).toBe(0);
    const svgs = run.stdout.trim().split("\n").filter((p) => p.endsWith(".svg"));
    // One SVG per diagram: three services, each blueprint split by width into parts.
    const mmds = run.stdout.trim().split("\n").filter((p) => p.endsWith(".mmd"));
    expect(svgs).toHaveLength(mmds.length);
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    expect(run.stderr).toMatch(/\[ *1\/\d+\] rendering /);
    for (const file of svgs) {
      // An XML parse: a browser opening the .svg file, or an <img>, refuses anything less.
      const dom = new JSDOM(readFileSync(file, "utf8"), { contentType: "image/svg+xml" });
      expect(dom.window.document.documentElement.tagName).toBe("svg");
      expect(dom.window.document.querySelectorAll("parsererror")).toHaveLength(0);
      dom.window.close();
    }
  });
});

describe.skipIf(!present)("the HTML report in Chromium", { timeout: 180_000 }, () => {
  it("loads offline with no console error, shows rendered SVG diagrams, and filters findings", async () => {
    const out = join(tempDir(), "report.html");
    const run = await runCliInProcess(["report", "examples/approaching-retirement/as-is.yaml", "--out", out], { env: { CHROMIUM_PATH: CHROMIUM } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[\s*\d+\/\d+\] rendering /);
    const v = await visit(out);
    expect(v.consoleErrors).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    expect(v.requests).toEqual([]);
    const images = await v.page.$$eval("figure img", (imgs) =>
      imgs.map((img) => ({ ok: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, src: (img as HTMLImageElement).src.slice(0, 26) })),
    );
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) expect(image).toEqual({ ok: true, src: "data:image/svg+xml;base64," });
    expect(await v.page.$$eval("pre.mermaid-source", (p) => p.length)).toBe(0);
    // The filter script ran (the CSP allowed it by its hash): the selects are enabled and filter rows.
    const total = await v.page.$$eval("#sb-findings tbody tr", (rows) => rows.length);
    await v.page.selectOption("#sb-filter-severity", "info");
    const shown = await v.page.$$eval("#sb-findings tbody tr", (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await v.page.textContent("#sb-findings-count")).toBe(`${shown} of ${total} shown`);
    const artefacts = join(ROOT, "test-artifacts");
    mkdirSync(artefacts, { recursive: true });
    await v.page.selectOption("#sb-filter-severity", "");
    await v.page.screenshot({ path: join(artefacts, "report-approaching-retirement.png"), fullPage: false });
    expect(existsSync(join(artefacts, "report-approaching-retirement.png"))).toBe(true);
    await v.page.close();
  });

  it("runs no script from a catalog with hostile labels", async () => {
    const dir = tempDir();
    const catalog = join(dir, "hostile.yaml");
    writeFileSync(catalog, serializeCatalog(hostileCatalog()));
    const out = join(dir, "report.html");
    const run = await runCliInProcess(["report", catalog, "--out", out], { env: { CHROMIUM_PATH: CHROMIUM } });
    expect(run.code, run.stderr).toBe(0);
    const v = await visit(out);
    await v.page.mouse.move(200, 200);
    await v.page.mouse.move(600, 400);
    expect(v.dialogs).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    expect(v.requests).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(await v.page.evaluate(() => document.querySelectorAll("script").length)).toBe(2);
    expect(await v.page.title()).toBe("<script>alert(1)</script>");
    await v.page.screenshot({ path: join(ROOT, "test-artifacts", "report-hostile.png") });
    await v.page.close();
  });
});
