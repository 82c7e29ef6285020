/**
 * Rendering in Chromium for tests, through the library's own `createSvgRenderer` (network blocked, requests
 * recorded).
 *
 * Where no Chromium is installed, {@link openChromium} prints a clear notice and returns `null`, so a developer
 * without a browser can still run the rest of the suite; in CI (`CI=true`) a missing browser is an error, so the
 * render tests can never be skipped silently there.
 *
 * Usage:
 * ```ts
 * const chromium = await openChromium();
 * test.skipIf(chromium === null)("renders", async () => {
 *   const svg = await chromium!.render(text);
 *   expect(svgStructure(svg).nodes).toContain("s0_n1");
 *   expect(chromium!.blockedRequests).toEqual([]);
 * });
 * afterAll(() => chromium?.close());
 * ```
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { JSDOM } from "jsdom";
import { RenderSvgError, createSvgRenderer, type SvgRenderer } from "../../src/export/render-svg.js";

/** A renderer plus helpers for tests. */
export interface TestChromium extends SvgRenderer {
  /** Renders and writes a PNG of the diagram to `path` (for looking at it). */
  screenshot(text: string, path: string): Promise<void>;
}

/**
 * Starts Chromium for a test file.
 *
 * @returns a renderer, or `null` (with a notice) where no Chromium is installed outside CI
 * @throws Error in CI (`CI=true`) when Chromium or a dependency is missing
 */
export async function openChromium(): Promise<TestChromium | null> {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const inCi = process.env.CI === "true";
  if (!existsSync(path)) {
    const message = `Chromium not found at ${path} (install the Debian 'chromium' package or set CHROMIUM_PATH)`;
    if (inCi) throw new Error(`${message}: CI must run the render tests`);
    console.warn(`\n[skip] ${message}: render tests skipped\n`);
    return null;
  }
  let renderer: SvgRenderer;
  try {
    renderer = await createSvgRenderer({ executablePath: path, maxEdges: 500 });
  } catch (error) {
    if (!inCi && error instanceof RenderSvgError && error.code !== "render_failed") {
      console.warn(`\n[skip] render tests skipped: ${error.message}\n`);
      return null;
    }
    throw error;
  }
  return {
    render: (text) => renderer.render(text),
    renderPng: (text) => renderer.renderPng(text),
    get blockedRequests() {
      return renderer.blockedRequests;
    },
    close: () => renderer.close(),
    async screenshot(text, file) {
      const png = await renderer.renderPng(text);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
    },
  };
}

/** What a rendered flowchart SVG holds. */
export interface SvgStructure {
  /** Flowchart node ids (as written in the Mermaid text). */
  readonly nodes: readonly string[];
  /** Subgraph ids. */
  readonly clusters: readonly string[];
  /** Number of drawn edges (paths of links). */
  readonly edges: number;
  /** All text a reader sees, spaces collapsed. */
  readonly text: string;
  /** Elements that could fetch something: img, image, script, iframe, object, embed, foreign hrefs. */
  readonly fetchers: readonly string[];
}

/**
 * Reads the structure of an SVG rendered by Mermaid.
 *
 * @param svg - the SVG text
 * @returns node and cluster ids, edge count, visible text and any element that could fetch a URL
 */
export function svgStructure(svg: string): SvgStructure {
  const dom = new JSDOM(`<!doctype html><body>${svg}</body>`);
  const doc = dom.window.document;
  const root = doc.querySelector("svg");
  const prefix = `${root?.getAttribute("id") ?? ""}-`;
  const strip = (id: string): string => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  const nodes = [...doc.querySelectorAll("g.node")].map((g) => strip(g.id).replace(/^flowchart-/, "").replace(/-\d+$/, ""));
  const clusters = [...doc.querySelectorAll("g.cluster")].map((g) => strip(g.id));
  const edges = doc.querySelectorAll("path.flowchart-link, g.edgePaths path").length;
  const fetchers: string[] = [];
  for (const el of doc.querySelectorAll("img, image, script, iframe, object, embed, link, video, audio, source")) fetchers.push(el.outerHTML.slice(0, 120));
  for (const el of doc.querySelectorAll("[href], [src]")) {
    const value = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
    if (!value.startsWith("#")) fetchers.push(el.outerHTML.slice(0, 120));
  }
  for (const style of doc.querySelectorAll("style")) style.remove();
  const text = (root?.textContent ?? "").replace(/\s+/g, " ").trim();
  dom.window.close();
  return { nodes, clusters, edges, text, fetchers };
}
