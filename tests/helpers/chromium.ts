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

/** What both SVG readers need: the parsed document, its root and Mermaid's ids without the diagram prefix. */
interface SvgDocument {
  readonly doc: Document;
  readonly root: SVGSVGElement | null;
  /** A node's id as written in the Mermaid text (`s0_n5`), a cluster's id as written (`g_a0`). */
  readonly nodeId: (g: Element) => string;
  readonly clusterId: (g: Element) => string;
}

/** Parses a rendered SVG, hands it to `read`, and frees the DOM. */
function readSvg<T>(svg: string, read: (svgDoc: SvgDocument) => T): T {
  const dom = new JSDOM(`<!doctype html><body>${svg}</body>`);
  try {
    const doc = dom.window.document;
    const root = doc.querySelector("svg");
    const prefix = `${root?.getAttribute("id") ?? ""}-`;
    const strip = (id: string): string => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
    return read({ doc, root, nodeId: (g) => strip(g.id).replace(/^flowchart-/, "").replace(/-\d+$/, ""), clusterId: (g) => strip(g.id) });
  } finally {
    dom.window.close();
  }
}

/**
 * Reads the structure of an SVG rendered by Mermaid.
 *
 * @param svg - the SVG text
 * @returns node and cluster ids, edge count, visible text and any element that could fetch a URL
 */
export function svgStructure(svg: string): SvgStructure {
  return readSvg(svg, ({ doc, root, nodeId, clusterId }) => {
    const nodes = [...doc.querySelectorAll("g.node")].map(nodeId);
    const clusters = [...doc.querySelectorAll("g.cluster")].map(clusterId);
    const edges = doc.querySelectorAll("path.flowchart-link, g.edgePaths path").length;
    const fetchers: string[] = [];
    for (const el of doc.querySelectorAll("img, image, script, iframe, object, embed, link, video, audio, source")) fetchers.push(el.outerHTML.slice(0, 120));
    for (const el of doc.querySelectorAll("[href], [src]")) {
      const value = el.getAttribute("href") ?? el.getAttribute("src") ?? "";
      if (!value.startsWith("#")) fetchers.push(el.outerHTML.slice(0, 120));
    }
    for (const style of doc.querySelectorAll("style")) style.remove();
    const text = (root?.textContent ?? "").replace(/\s+/g, " ").trim();
    return { nodes, clusters, edges, text, fetchers };
  });
}

/** The text a reader sees in each part of a rendered SVG, spaces collapsed. */
export interface SvgTexts {
  /** The accessible title (`<title>`). */
  readonly title: string;
  /** Flowchart node id to its text. */
  readonly nodes: ReadonlyMap<string, string>;
  /** Subgraph id to its title. */
  readonly clusters: ReadonlyMap<string, string>;
  /** Texts of the drawn edge labels, in order, empty ones left out. */
  readonly edgeLabels: readonly string[];
  /** Journey task texts, in order. */
  readonly tasks: readonly string[];
  /** Journey section texts, in order. */
  readonly sections: readonly string[];
}

/**
 * Reads the text of every node, subgraph title, edge label and journey task of an SVG rendered by Mermaid, as the
 * browser decoded it (entities turned into characters).
 *
 * @param svg - the SVG text
 * @returns the texts, each with its spaces collapsed
 */
export function svgTexts(svg: string): SvgTexts {
  return readSvg(svg, ({ doc, root, nodeId, clusterId }) => {
    const text = (el: Element | null | undefined): string => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    return {
      title: text(root?.querySelector(":scope > title")),
      nodes: new Map([...doc.querySelectorAll("g.node")].map((g) => [nodeId(g), text(g)])),
      clusters: new Map([...doc.querySelectorAll("g.cluster")].map((g) => [clusterId(g), text(g.querySelector(".cluster-label"))])),
      edgeLabels: [...doc.querySelectorAll("g.edgeLabel")].map(text).filter((t) => t !== ""),
      tasks: [...doc.querySelectorAll("text.task")].map(text),
      sections: [...doc.querySelectorAll("text.journey-section")].map(text),
    };
  });
}

/**
 * Renders a diagram and checks that Chromium drew what the text says, offline: a flowchart's nodes and subgraphs
 * are exactly those Mermaid's parser reads from the text (none lost, none invented), nothing in the SVG could fetch
 * a URL, and the page asked for nothing outside itself while rendering.
 *
 * @param chromium - the file's renderer
 * @param text - the Mermaid text
 * @returns the SVG and what is wrong with it (empty when all holds)
 * @throws when Mermaid or Chromium fails to render (the caller records it as a failure)
 */
export async function renderAsWritten(chromium: TestChromium, text: string): Promise<{ svg: string; problems: string[] }> {
  const before = chromium.blockedRequests.length;
  const svg = await chromium.render(text);
  const problems: string[] = [];
  if (/Syntax error in text/.test(svg)) throw new Error("Mermaid drew its error picture");
  const { readMermaid } = await import("./mermaid-parse.js");
  const content = await readMermaid(text);
  const structure = svgStructure(svg);
  if (content.kind === "flowchart") {
    const sameIds = (drawn: readonly string[], written: Iterable<string>): boolean => JSON.stringify([...drawn].sort()) === JSON.stringify([...written].sort());
    if (!sameIds(structure.nodes, content.nodes.keys())) problems.push(`drawn nodes differ from the text's: ${[...structure.nodes].sort().join(" ")} against ${[...content.nodes.keys()].sort().join(" ")}`);
    if (!sameIds(structure.clusters, content.subgraphs.keys())) problems.push(`drawn subgraphs differ from the text's: ${[...structure.clusters].sort().join(" ")} against ${[...content.subgraphs.keys()].sort().join(" ")}`);
  }
  for (const fetcher of structure.fetchers) problems.push(`an element could fetch a URL: ${fetcher}`);
  for (const request of chromium.blockedRequests.slice(before)) problems.push(`asked for something outside the page: ${request}`);
  return { svg, problems };
}
