/**
 * Legibility at real size, measured in Chromium: the blueprint of every service of every bundled example, plain
 * and with the sludge overlay, every split part, rendered with the library's own renderer and measured from the
 * SVG as drawn at 100%:
 * - no picture wider than 2,400 px or taller than 1,800 px;
 * - step titles at 12 px or more;
 * - no two text boxes overlap, and no edge label lies on a node;
 * - the nodes and subgraphs drawn are those the text holds, and nothing was fetched (the examples' check).
 *
 * The figures (widest, tallest, smallest title, overlaps, failures) are printed and written to
 * test-artifacts/export/measure-<look>.json. Two test files register the checks, one per look (measure.test.ts
 * plain, measure-sludge.test.ts with findings), so that CI's two workers share the rendering. Without Chromium they
 * are skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintCatalog } from "../../src/index.js";
import { toMermaid, type MermaidOptions } from "../../src/export/mermaid/index.js";
import { openChromium, renderAsWritten } from "../helpers/chromium.js";
import { exampleCatalogs } from "../helpers/example-catalogs.js";
import { openMeter } from "../helpers/measure-svg.js";

const MAX_WIDTH = 2_400;
const MAX_HEIGHT = 1_800;
const MIN_TITLE_PX = 12;

const artifacts = join(import.meta.dirname, "..", "..", "test-artifacts", "export");

/** One measured diagram. */
interface Row {
  readonly diagram: string;
  readonly width: number;
  readonly height: number;
  readonly smallestTitlePx: number;
  readonly overlaps: number;
  readonly labelsUnderNodes: number;
  readonly failure?: string;
}

/** The two looks a blueprint is measured in: plain, and with the sludge overlay as the report draws it. */
export type Look = "plain" | "sludge";

/**
 * Registers the measurement of every blueprint part of every bundled example in one look.
 *
 * @param look - plain, or with every finding of the recommended lint
 */
export async function measureBlueprints(look: Look): Promise<void> {
  const examples = exampleCatalogs();
  const chromium = await openChromium();
  const meter = chromium === null ? null : await openMeter();
  const rows: Row[] = [];

  afterAll(async () => {
    await chromium?.close();
    await meter?.close();
    if (rows.length === 0) return;
    const measured = rows.filter((r) => r.failure === undefined);
    const widest = measured.reduce((a, b) => (b.width > a.width ? b : a), measured[0]!);
    const tallest = measured.reduce((a, b) => (b.height > a.height ? b : a), measured[0]!);
    const smallest = measured.reduce((a, b) => (b.smallestTitlePx < a.smallestTitlePx ? b : a), measured[0]!);
    const summary = {
      diagrams: rows.length,
      widest: { px: widest?.width, diagram: widest?.diagram },
      tallest: { px: tallest?.height, diagram: tallest?.diagram },
      smallestTitlePx: { px: smallest?.smallestTitlePx, diagram: smallest?.diagram },
      oversized: measured.filter((r) => r.width > MAX_WIDTH || r.height > MAX_HEIGHT).length,
      overlaps: measured.reduce((n, r) => n + r.overlaps, 0),
      labelsUnderNodes: measured.reduce((n, r) => n + r.labelsUnderNodes, 0),
      failures: rows.filter((r) => r.failure !== undefined).length,
    };
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, `measure-${look}.json`), `${JSON.stringify({ summary, rows }, null, 2)}\n`);
    console.log(`blueprint legibility (${look}): ${JSON.stringify(summary)}`);
  });

  describe.skipIf(meter === null)(`blueprints of the bundled examples at 100% (${look})`, () => {
    it("are there to measure", () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    for (const { name, catalog } of examples) {
      it(`${name}: every blueprint part fits ${MAX_WIDTH} x ${MAX_HEIGHT}, titles >= ${MIN_TITLE_PX} px, no overlaps`, async () => {
        const options: MermaidOptions = look === "plain" ? {} : { findings: lintCatalog(catalog).findings };
        const problems: string[] = [];
        for (const service of catalog.services) {
          for (const d of toMermaid(catalog, { view: "blueprint", service: service.id }, options).diagrams) {
            const diagram = `${name} ${d.id} (${look})`;
            let svg: string;
            try {
              const drawn = await renderAsWritten(chromium!, d.text);
              svg = drawn.svg;
              for (const p of drawn.problems) problems.push(`${diagram}: ${p}`);
            } catch (error) {
              const failure = error instanceof Error ? error.message.slice(0, 200) : String(error);
              rows.push({ diagram, width: 0, height: 0, smallestTitlePx: 0, overlaps: 0, labelsUnderNodes: 0, failure });
              problems.push(`${diagram}: render failed: ${failure}`);
              continue;
            }
            const m = await meter!.measure(svg);
            rows.push({ diagram, width: Math.round(m.width), height: Math.round(m.height), smallestTitlePx: m.smallestTitlePx, overlaps: m.overlaps.length, labelsUnderNodes: m.labelsUnderNodes.length });
            if (m.width > MAX_WIDTH || m.height > MAX_HEIGHT) problems.push(`${diagram}: ${Math.round(m.width)} x ${Math.round(m.height)} px`);
            if (m.smallestTitlePx < MIN_TITLE_PX) problems.push(`${diagram}: a step title at ${m.smallestTitlePx.toFixed(1)} px`);
            for (const o of m.overlaps) problems.push(`${diagram}: ${o}`);
            // No label on a node: the blueprint's links are drawn `rounded`, through the points where dagre made room
            // for their labels (with Mermaid's default `basis` curve, a label moved to the curve's middle, onto nodes).
            for (const o of m.labelsUnderNodes) problems.push(`${diagram}: ${o}`);
          }
        }
        expect(problems).toEqual([]);
        // Every part of every service: the federal catalog alone renders about fifty diagrams a look.
      }, 240_000);
    }
  });
}
