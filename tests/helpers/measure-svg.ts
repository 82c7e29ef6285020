/**
 * Measuring a rendered Mermaid SVG as a reader sees it at 100%: the picture's size, the size of step titles, and
 * where text boxes and node boxes overlap. Bounding boxes come from Chromium's own layout of the SVG (a page with
 * every request refused), so what is measured is what is drawn.
 *
 * Usage:
 * ```ts
 * const meter = await openMeter(); // null (with a notice) where no Chromium is installed, outside CI
 * const m = await meter!.measure(svg);
 * expect(m.width).toBeLessThanOrEqual(2400);
 * ```
 */
import { existsSync } from "node:fs";

/** A box in CSS pixels at 100% (the SVG drawn at its natural size). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A piece of text drawn in the picture. */
export interface DrawnText {
  /** `node`, `edge` (edge label) or `cluster` (subgraph title). */
  readonly kind: "node" | "edge" | "cluster";
  /** The node id as written in the Mermaid text (`s0_n3`), or the text itself for edge and cluster labels. */
  readonly id: string;
  readonly text: string;
  readonly box: Box;
}

/** What {@link Meter.measure} found. */
export interface Measurement {
  /** The picture's size at 100% (its viewBox), in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The smallest font size of a step's title (its first line) at 100%, in px; `Infinity` when no step is drawn. */
  readonly smallestTitlePx: number;
  /** Pairs of text boxes that overlap (more than 2 px each way), described. */
  readonly overlaps: readonly string[];
  /** Edge labels and subgraph titles whose box lies (more than 2 px each way) over a drawn node's box, described. */
  readonly labelsUnderNodes: readonly string[];
  /** Every text box found (for reports). */
  readonly texts: readonly DrawnText[];
  /** Every drawn node's box (its shape), by node id as written in the Mermaid text. */
  readonly nodes: readonly { readonly id: string; readonly box: Box }[];
  /** Every subgraph's box (its frame), by subgraph id as written in the Mermaid text (`g_legends`). */
  readonly clusters: readonly { readonly id: string; readonly box: Box }[];
}

/** A piece of text as drawn, in the SVG's own units (those of its `viewBox`). */
export interface PlacedText {
  readonly text: string;
  /** The class of the element that draws it (`legend`, `task`, `journey-section section-type-0`, ...). */
  readonly className: string;
  /** The box of its glyphs as laid out, clipped or not. */
  readonly box: Box;
  /** The box (`rect`) of the group that holds it, if it has one: a journey's task or section box. */
  readonly container?: Box;
}

/** What {@link Meter.placeTexts} found. */
export interface TextPlacement {
  /** The SVG's `viewBox`. */
  readonly viewBox: Box;
  /** Every piece of text the browser lays out (hidden ones, `<style>`, `<title>` and `<desc>` left out). */
  readonly texts: readonly PlacedText[];
  /** Every box (`rect`) drawn as a direct child of a group, such as a journey's task and section boxes. */
  readonly boxes: readonly Box[];
}

/** A Chromium page that measures SVGs. */
export interface Meter {
  measure(svg: string): Promise<Measurement>;
  /** Where every piece of text of any SVG (a journey, a flowchart) is laid out, and in which box. */
  placeTexts(svg: string): Promise<TextPlacement>;
  close(): Promise<void>;
}

/** Runs in the page: draws the SVG at its natural size (its viewBox, at 100%) and returns its element. */
const DRAW_SCRIPT = `
globalThis.sbDraw = (svgText) => {
  const holder = document.getElementById("diagram");
  holder.innerHTML = svgText;
  const svg = holder.querySelector("svg");
  const vb = svg.viewBox.baseVal;
  svg.style.maxWidth = "none";
  svg.setAttribute("width", String(vb.width));
  svg.setAttribute("height", String(vb.height));
  return svg;
};
`;

/** Runs in the page: draws the SVG at its natural size and reads boxes and font sizes. */
const MEASURE_SCRIPT = `
globalThis.sbMeasure = (svgText) => {
  const svg = sbDraw(svgText);
  const vb = svg.viewBox.baseVal;
  const scale = svg.getBoundingClientRect().width / vb.width;
  const prefix = (svg.getAttribute("id") || "") + "-";
  const strip = (id) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  const nodeId = (g) => strip(g.id).replace(/^flowchart-/, "").replace(/-\\d+$/, "");
  const plain = (el) => (el.textContent || "").replace(/\\s+/g, " ").trim();
  const boxOf = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const textBox = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) return null;
    const x = Math.min(...rects.map((r) => r.left));
    const y = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return { x, y, width: right - x, height: bottom - y };
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none" || style.opacity === "0") return false;
    return (style.color !== "transparent" && style.color !== "rgba(0, 0, 0, 0)");
  };
  const texts = [];
  const nodes = [];
  const titleSizes = [];
  for (const g of svg.querySelectorAll("g.node")) {
    const id = nodeId(g);
    const shape = g.querySelector(":scope > rect, :scope > path, :scope > polygon, :scope > circle, :scope > g.basic > rect, :scope > g > path");
    if (shape) {
      const style = getComputedStyle(shape);
      const drawn = (style.fill !== "none" && style.fill !== "transparent" && style.fill !== "rgba(0, 0, 0, 0)") || (style.stroke !== "none" && style.stroke !== "transparent" && style.stroke !== "rgba(0, 0, 0, 0)");
      const r = shape.getBoundingClientRect();
      if (drawn && r.width > 0 && r.height > 0) nodes.push({ id, box: boxOf(r) });
    }
    const label = g.querySelector(".label");
    if (!label || plain(label) === "" || !visible(label.querySelector("span, p, div") || label)) continue;
    const box = textBox(label);
    if (box) texts.push({ kind: "node", id, text: plain(label), box });
    if (/^s\\d+_n\\d+$/.test(id)) {
      // The title is the first text the label draws.
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      let first = walker.nextNode();
      while (first && first.textContent.trim() === "") first = walker.nextNode();
      if (first) titleSizes.push(parseFloat(getComputedStyle(first.parentElement).fontSize) * scale);
    }
  }
  for (const g of svg.querySelectorAll("g.edgeLabel")) {
    const text = plain(g);
    if (text === "") continue;
    const box = textBox(g.querySelector(".edgeLabel, span, p") || g) || boxOf(g.getBoundingClientRect());
    texts.push({ kind: "edge", id: text, text, box });
  }
  const clusters = [];
  for (const g of svg.querySelectorAll("g.cluster")) {
    const frame = g.querySelector(":scope > rect");
    if (frame) {
      const r = frame.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) clusters.push({ id: strip(g.id), box: boxOf(r) });
    }
    const label = g.querySelector(".cluster-label");
    if (!label || plain(label) === "") continue;
    const box = textBox(label);
    if (box) texts.push({ kind: "cluster", id: plain(label), text: plain(label), box });
  }
  const origin = svg.getBoundingClientRect();
  const shift = (b) => ({ x: (b.x - origin.x) / scale, y: (b.y - origin.y) / scale, width: b.width / scale, height: b.height / scale });
  return {
    width: vb.width,
    height: vb.height,
    titleSizes,
    texts: texts.map((t) => ({ ...t, box: shift(t.box) })),
    nodes: nodes.map((n) => ({ ...n, box: shift(n.box) })),
    clusters: clusters.map((c) => ({ ...c, box: shift(c.box) })),
  };
};
`;

/** Runs in the page: draws the SVG at its natural size and reads where each text is laid out, in SVG units. */
const PLACE_SCRIPT = `
globalThis.sbPlaceTexts = (svgText) => {
  const svg = sbDraw(svgText);
  const vb = svg.viewBox.baseVal;
  const origin = svg.getBoundingClientRect();
  const scale = origin.width / vb.width;
  const toSvg = (r) => ({ x: (r.left - origin.left) / scale + vb.x, y: (r.top - origin.top) / scale + vb.y, width: r.width / scale, height: r.height / scale });
  const owners = new Map();
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.textContent.trim() === "") continue;
    const el = n.parentElement;
    if (el.closest("style, title, desc")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    const owner = el.closest("text") || el.closest("foreignObject") || el;
    const list = owners.get(owner) || [];
    list.push(...rects);
    owners.set(owner, list);
  }
  const texts = [];
  for (const [owner, rects] of owners) {
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    const g = owner.closest("g");
    const frame = g ? g.querySelector(":scope > rect") : null;
    const classed = owner.closest("[class]");
    const text = { text: (owner.textContent || "").replace(/\\s+/g, " ").trim(), className: classed && classed !== svg ? classed.getAttribute("class") : "", box: toSvg({ left, top, width: right - left, height: bottom - top }) };
    if (frame) text.container = toSvg(frame.getBoundingClientRect());
    texts.push(text);
  }
  const boxes = [...svg.querySelectorAll("g > rect")].map((r) => toSvg(r.getBoundingClientRect())).filter((b) => b.width > 0 && b.height > 0);
  return { viewBox: { x: vb.x, y: vb.y, width: vb.width, height: vb.height }, texts, boxes };
};
`;

interface Raw {
  width: number;
  height: number;
  titleSizes: number[];
  texts: DrawnText[];
  nodes: { id: string; box: Box }[];
  clusters: { id: string; box: Box }[];
}

/**
 * How far two boxes overlap each way (negative when apart).
 *
 * @param a - a box
 * @param b - another box
 * @returns the overlap across (`x`) and down (`y`), in px
 */
export function overlap(a: Box, b: Box): { x: number; y: number } {
  return {
    x: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    y: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

const SLACK = 2;

function describe(t: DrawnText): string {
  const text = t.text.length > 40 ? `${t.text.slice(0, 39)}…` : t.text;
  return `${t.kind} ${t.kind === "node" ? `${t.id} ` : ""}"${text}"`;
}

/** Turns the page's raw boxes into findings. */
export function judge(raw: Raw): Measurement {
  const overlaps: string[] = [];
  for (let i = 0; i < raw.texts.length; i++) {
    for (let j = i + 1; j < raw.texts.length; j++) {
      const a = raw.texts[i]!;
      const b = raw.texts[j]!;
      const o = overlap(a.box, b.box);
      if (o.x > SLACK && o.y > SLACK) overlaps.push(`${describe(a)} overlaps ${describe(b)} (${o.x.toFixed(0)}x${o.y.toFixed(0)} px)`);
    }
  }
  const labelsUnderNodes: string[] = [];
  for (const t of raw.texts) {
    // Edge labels and subgraph titles (a legend's title was once drawn over its first row of keys).
    if (t.kind === "node") continue;
    for (const n of raw.nodes) {
      const o = overlap(t.box, n.box);
      if (o.x > SLACK && o.y > SLACK) labelsUnderNodes.push(`${describe(t)} lies on node ${n.id} (${o.x.toFixed(0)}x${o.y.toFixed(0)} px)`);
    }
  }
  return {
    width: raw.width,
    height: raw.height,
    smallestTitlePx: raw.titleSizes.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...raw.titleSizes),
    overlaps,
    labelsUnderNodes,
    texts: raw.texts,
    nodes: raw.nodes,
    clusters: raw.clusters,
  };
}

/** The subset of playwright-core used here. */
interface Page {
  route(url: string, handler: (route: { request(): { url(): string }; abort(): Promise<void>; fulfill(r: { contentType: string; body: string }): Promise<void> }) => Promise<void>): Promise<void>;
  goto(url: string): Promise<unknown>;
  evaluate<R>(expression: string): Promise<R>;
}
interface Browser {
  newPage(options: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts a Chromium page for measuring.
 *
 * @returns a meter, or `null` (with a notice) where no Chromium is installed outside CI
 * @throws Error in CI (`CI=true`) when Chromium is missing
 */
export async function openMeter(): Promise<Meter | null> {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    const message = `Chromium not found at ${path} (install the Debian 'chromium' package or set CHROMIUM_PATH)`;
    if (process.env.CI === "true") throw new Error(`${message}: CI must run the measurement tests`);
    console.warn(`\n[skip] ${message}: measurement tests skipped\n`);
    return null;
  }
  const { chromium } = (await import("playwright-core")) as unknown as {
    chromium: { launch(o: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
  };
  const browser = await chromium.launch({ executablePath: path, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.route("**/*", async (route) => {
    if (route.request().url() === "http://measure.invalid/") {
      return route.fulfill({ contentType: "text/html", body: '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="diagram"></div></body></html>' });
    }
    return route.abort();
  });
  await page.goto("http://measure.invalid/");
  await page.evaluate(DRAW_SCRIPT);
  await page.evaluate(MEASURE_SCRIPT);
  await page.evaluate(PLACE_SCRIPT);
  return {
    async measure(svg) {
      return judge(await page.evaluate<Raw>(`sbMeasure(${JSON.stringify(svg)})`));
    },
    placeTexts: (svg) => page.evaluate<TextPlacement>(`sbPlaceTexts(${JSON.stringify(svg)})`),
    close: () => browser.close(),
  };
}
