import { existsSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { RenderSvgError, createSvgRenderer, renderSvg } from "../../src/export/render-svg.js";
import { toMermaid } from "../../src/export/mermaid/index.js";
import { retirementCatalog } from "./fixtures.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath}; CI must run the render tests`);
if (!haveChromium) console.warn(`\n[skip] Chromium not found at ${chromiumPath}: renderSvg tests that need it are skipped\n`);

async function failure(run: () => Promise<unknown>): Promise<RenderSvgError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RenderSvgError) return error;
    throw error;
  }
  throw new Error("expected a RenderSvgError");
}

describe("renderSvg", () => {
  it("says clearly when the browser is missing", async () => {
    const error = await failure(() => renderSvg("flowchart LR\n a --> b", { executablePath: "/nonexistent/chromium" }));
    expect(error.code).toBe("missing_browser");
    expect(error.hint).toContain("executablePath");
  });

  it.skipIf(!haveChromium)("renders a diagram of the exporter to SVG", async () => {
    const [diagram] = toMermaid(retirementCatalog(), { view: "journey", service: "ssa-retire" }).diagrams;
    const svg = await renderSvg(diagram!.text, { executablePath: chromiumPath });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Apply online");
  });

  it.skipIf(!haveChromium)("returns well-formed XML, so the SVG opens as a file and loads in an <img>", async () => {
    const [diagram] = toMermaid(retirementCatalog(), { view: "blueprint", service: "ssa-retire" }).diagrams;
    const svg = await renderSvg(diagram!.text, { executablePath: chromiumPath });
    // Mermaid's labels are HTML (<br>, &nbsp;) inside foreignObject: as an HTML string they break XML parsers.
    const { DOMParser } = new JSDOM("").window;
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.nodeName).toBe("svg");
    expect(svg).not.toMatch(/<br>|&nbsp;/);
  });

  it.skipIf(!haveChromium)("refuses text over maxTextSize instead of drawing Mermaid's error picture", async () => {
    const error = await failure(() => renderSvg(`flowchart LR\n a["${"x".repeat(300)}"] --> b`, { executablePath: chromiumPath, maxTextSize: 100 }));
    expect(error.code).toBe("text_too_large");
  });

  it.skipIf(!haveChromium)("reports Mermaid's refusal (syntax, edge limit) as render_failed, and keeps rendering after it", async () => {
    const renderer = await createSvgRenderer({ executablePath: chromiumPath, maxEdges: 2 });
    try {
      expect((await failure(() => renderer.render("flowchart LR\n a --> b --> c --> d"))).code).toBe("render_failed");
      expect((await failure(() => renderer.render("flowchart LR\n a -->"))).code).toBe("render_failed");
      expect(await renderer.render("flowchart LR\n a --> b")).toContain("<svg");
      const png = await renderer.renderPng("flowchart LR\n a --> b");
      expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(renderer.blockedRequests).toEqual([]);
    } finally {
      await renderer.close();
    }
  });
});
