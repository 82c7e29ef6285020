#!/usr/bin/env node
// Renders the pictures the README and the docs show, from the bundled examples, into docs/images/.
//
//   npm run figures                           builds, then renders (npm run build && node scripts/render-figures.mjs)
//   node scripts/render-figures.mjs --check   exit 1 if a committed picture is out of date
//
// It imports the built library (../dist/index.js), so it draws exactly what a user of the package would get.
// Rendering needs Chromium (CHROMIUM_PATH, or /usr/bin/chromium and the other places renderSvg looks) and the
// playwright-core and mermaid dev dependencies. Mermaid is initialised with deterministic ids, so the same catalog
// gives the same bytes and the committed SVGs only change when a catalog or the renderer changes.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "docs", "images");

/**
 * The figures: one file each. `view` is toMermaid's view; a figure whose view splits into several diagrams is
 * refused, because the README shows one picture, unless it names the `part` (1-based) it shows.
 */
export const FIGURES = [
  {
    name: "blueprint-medicare-enrollment",
    catalog: "examples/approaching-retirement/as-is.yaml",
    view: { view: "blueprint", service: "medicare-enrollment" },
    part: 1,
    caption: "Blueprint of Medicare enrollment as it works today, first part (examples/approaching-retirement/as-is.yaml)",
  },
  {
    name: "blueprint-wic-certification",
    catalog: "examples/having-a-child/as-is.yaml",
    view: { view: "blueprint", service: "wic-certification" },
    part: 1,
    caption: "Blueprint of WIC certification as it works today, with sludge findings, first part (examples/having-a-child/as-is.yaml)",
    findings: true,
  },
  {
    name: "life-experience-facing-a-financial-shock",
    catalog: "examples/facing-a-financial-shock/as-is.yaml",
    view: { view: "life-experience", experience: "facing-a-financial-shock" },
    caption: "The life experience facing a financial shock, overview in time order (examples/facing-a-financial-shock/as-is.yaml)",
  },
];

function fail(message) {
  process.stderr.write(`render-figures: ${message}\n`);
  process.exit(1);
}

async function loadLibrary() {
  try {
    // The renderer is Node-only and has its own subpath (service-blueprint/render).
    return { ...(await import("../dist/index.js")), ...(await import("../dist/render.js")) };
  } catch (cause) {
    fail(`cannot load dist/index.js (${cause instanceof Error ? cause.message : String(cause)}); run \`npm run build\` first`);
  }
}

/** Writes through a temporary file in the same directory, then renames: a reader never sees half a picture. */
async function writeAtomic(path, text) {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  await rename(temp, path);
}

/**
 * Renders one figure to SVG text with a library (the built package here; the sources in the tests) and an open
 * renderer from its `createSvgRenderer`.
 */
export async function renderFigure(lib, renderer, figure) {
  const text = await readFile(join(root, figure.catalog), "utf8");
  const catalog = lib.parseCatalogText(text, { format: "yaml", source: figure.catalog });
  const findings = figure.findings ? lib.lintCatalog(catalog).findings : undefined;
  const result = lib.toMermaid(catalog, figure.view, { ...figure.options, ...(findings ? { findings } : {}) });
  const diagram = figure.part === undefined ? (result.diagrams.length === 1 ? result.diagrams[0] : undefined) : result.diagrams[figure.part - 1];
  if (diagram === undefined) {
    throw new Error(`${figure.name}: the view splits into ${result.diagrams.length} diagrams; pick a smaller one or name the part shown`);
  }
  return renderer.render(diagram.text);
}

/** Where a figure is written. */
export function figurePath(figure) {
  return join(outDir, `${figure.name}.svg`);
}

async function main() {
  const check = process.argv.includes("--check");
  const unknown = process.argv.slice(2).filter((a) => a !== "--check");
  if (unknown.length > 0) fail(`unknown argument ${unknown.join(" ")} (only --check)`);

  const lib = await loadLibrary();
  await mkdir(outDir, { recursive: true });
  let renderer;
  try {
    renderer = await lib.createSvgRenderer();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  const stale = [];
  try {
    for (const figure of FIGURES) {
      const svg = await renderFigure(lib, renderer, figure);
      const path = figurePath(figure);
      const rel = relative(root, path);
      if (check) {
        const current = await readFile(path, "utf8").catch(() => undefined);
        if (current !== svg) stale.push(rel);
        continue;
      }
      await writeAtomic(path, svg);
      process.stderr.write(`wrote ${rel} (${Buffer.byteLength(svg, "utf8").toLocaleString("en-US")} bytes): ${figure.caption}\n`);
    }
  } finally {
    await renderer.close();
  }
  if (stale.length > 0) fail(`out of date: ${stale.join(", ")}; run \`npm run figures\``);
  if (check) process.stderr.write(`render-figures: ${FIGURES.length} figures up to date\n`);
}

// Run only when started as a script, not when a test imports FIGURES and renderFigure.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
