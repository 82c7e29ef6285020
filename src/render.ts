/**
 * `service-blueprint/render`: Node-only rendering of Mermaid text to SVG in a headless Chromium. Kept out of the
 * main entry so that the core bundles for the browser (it needs `node:fs`, `node:path` and `node:module`).
 *
 * Migration from 0.1: `import { renderSvg } from "service-blueprint"` becomes
 * `import { renderSvg } from "service-blueprint/render"` (the same for `createSvgRenderer`, `RenderSvgError` and
 * their types).
 *
 * @packageDocumentation
 */
export { RenderSvgError, createSvgRenderer, renderSvg } from "./export/render-svg.js";
export type { RenderSvgErrorCode, RenderSvgOptions, SvgRenderer } from "./export/render-svg.js";
