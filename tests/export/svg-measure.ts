/**
 * Measures read from a rendered Mermaid SVG: its width at 100% and the colours of a journey's actor legend.
 */
import { JSDOM } from "jsdom";

function withSvg<T>(svg: string, read: (root: SVGSVGElement) => T): T {
  const dom = new JSDOM(`<!doctype html><body>${svg}</body>`);
  try {
    const root = dom.window.document.querySelector("svg");
    if (root === null) throw new Error("no <svg> in the rendered output");
    return read(root);
  } finally {
    dom.window.close();
  }
}

/**
 * The width the diagram is drawn at, at 100%: the width of its `viewBox` (Mermaid also writes it as the SVG's
 * `max-width`).
 *
 * @param svg - a rendered SVG
 * @returns the width in px
 */
export function svgWidth(svg: string): number {
  return withSvg(svg, (root) => {
    const box = (root.getAttribute("viewBox") ?? "").trim().split(/[\s,]+/).map(Number);
    if (box.length !== 4 || !box.every(Number.isFinite)) throw new Error(`no usable viewBox: '${root.getAttribute("viewBox")}'`);
    return box[2]!;
  });
}

/**
 * The fill colours of a journey's actor legend (the circles Mermaid draws left of the actor names), in order.
 *
 * @param svg - a rendered journey SVG
 * @returns the colours, as written
 */
export function svgLegendColours(svg: string): string[] {
  return withSvg(svg, (root) =>
    [...root.querySelectorAll("circle")]
      .filter((c) => c.getAttribute("cx") === "20" && /^actor-\d+$/.test(c.getAttribute("class") ?? ""))
      .map((c) => (c.getAttribute("fill") ?? "").toLowerCase()),
  );
}
