/**
 * The life-experience overview (and, for text and overlaps only, the detailed graph) of every bundled example,
 * plain and with its sludge findings (as the report draws it), rendered in Chromium and measured at 100%: it must fit
 * 2,400 x 1,800 px, no text in it may be set smaller than 12 px, no two texts may overlap (the hand-off labels
 * between the same two services did, in the disaster example), no hand-off label may lie on a node, and nothing
 * outside the legend may reach into the legend's box (it covered the top hand-off label there). Mermaid draws the
 * SVG at its natural size (`max-width` is the viewBox width), so CSS pixels in the SVG are screen pixels at 100%.
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintCatalog, parseCatalogText, toMermaid } from "../../src/index.js";
import { openChromium, renderAsWritten } from "../helpers/chromium.js";
import { openMeter, overlap, type Box, type Measurement } from "../helpers/measure-svg.js";

const MAX_WIDTH = 2_400;
const MAX_HEIGHT = 1_800;
const MIN_TEXT = 12;

const chromium = await openChromium();
const meter = chromium === null ? null : await openMeter();
afterAll(async () => {
  await chromium?.close();
  await meter?.close();
});

const examples = join(import.meta.dirname, "..", "..", "examples");
const files = readdirSync(examples, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(examples, d.name)).filter((f) => f.endsWith(".yaml")).map((f) => join(d.name, f)))
  .sort();

/** The size of a rendered SVG (its viewBox) and the smallest font size it sets anywhere. */
function measure(svg: string): { width: number; height: number; smallestText: number } {
  const box = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (box === null) throw new Error("the SVG has no viewBox");
  const sizes = [...svg.matchAll(/font-size:\s*([\d.]+)px/g)].map((m) => Number(m[1]));
  if (sizes.length === 0) throw new Error("the SVG sets no font size");
  return { width: Number(box[1]), height: Number(box[2]), smallestText: Math.min(...sizes) };
}

/** Less than this each way is a touch, not an overlap (as in measure-svg). */
const SLACK = 2;

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - SLACK && inner.y >= outer.y - SLACK && inner.x + inner.width <= outer.x + outer.width + SLACK && inner.y + inner.height <= outer.y + outer.height + SLACK;
}

/** Texts and nodes drawn outside the legend whose box reaches into the legend's frame, described. */
function intoLegend(m: Measurement): string[] {
  const legend = m.clusters.find((c) => c.id === "g_legends");
  if (legend === undefined) return [];
  const found: string[] = [];
  const check = (what: string, box: Box): void => {
    if (inside(box, legend.box)) return;
    const o = overlap(box, legend.box);
    if (o.x > SLACK && o.y > SLACK) found.push(`${what} reaches into the legend (${o.x.toFixed(0)}x${o.y.toFixed(0)} px)`);
  };
  for (const t of m.texts) check(`${t.kind} "${t.text.slice(0, 40)}"`, t.box);
  for (const n of m.nodes) check(`node ${n.id}`, n.box);
  return found;
}

describe.skipIf(chromium === null)("life-experience overview of every bundled example, at 100%", () => {
  it("there are examples with life experiences", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    const catalog = parseCatalogText(readFileSync(join(examples, file), "utf8"), { format: "yaml", source: file });
    // Plain, and with the sludge findings as the report draws it (its legend has a box more).
    for (const look of ["plain", "sludge"] as const) {
      for (const experience of catalog.lifeExperiences) {
        it(`${file} ${experience.id} (${look}): within ${MAX_WIDTH} x ${MAX_HEIGHT} px, text at least ${MIN_TEXT} px, no text over another, a node or the legend`, async () => {
          const options = look === "sludge" ? { findings: lintCatalog(catalog).findings } : {};
          const { diagrams } = toMermaid(catalog, { view: "life-experience", experience: experience.id }, options);
          expect(diagrams.map((d) => d.id)).toEqual([`life-experience-${experience.id}-overview`]);
          const { svg, problems } = await renderAsWritten(chromium!, diagrams[0]!.text);
          expect(problems).toEqual([]);
          const size = measure(svg);
          expect(size.width).toBeLessThanOrEqual(MAX_WIDTH);
          expect(size.height).toBeLessThanOrEqual(MAX_HEIGHT);
          expect(size.smallestText).toBeGreaterThanOrEqual(MIN_TEXT);
          const drawn = await meter!.measure(svg);
          // Every hand-off label is drawn (an edge label the meter cannot find would pass the checks below unseen).
          const handOffs = experience.links.filter((l) => l.from.service !== l.to.service).length;
          expect(drawn.texts.filter((t) => t.kind === "edge").length).toBeGreaterThanOrEqual(handOffs);
          expect(drawn.overlaps).toEqual([]);
          expect(drawn.labelsUnderNodes).toEqual([]);
          expect(intoLegend(drawn)).toEqual([]);
        });
      }
    }
  }
});

/**
 * Overlaps the detailed graph still has, by example and look; any other fails, and so does one of these once it is
 * gone (then delete it here). A subgraph title that Mermaid wraps to a second line lies on the first steps (the
 * layout keeps room for one line), and a hand-off label can touch the title of the service it enters.
 */
const KNOWN_DETAILED: Readonly<Record<string, readonly string[]>> = {
  "recovering-from-a-disaster/as-is.yaml plain": [
    `life-experience-recovering-from-a-disaster: edge "keeps SBA's letter for the duplication-…" overlaps cluster "SBA Small Business Administration · App…"`,
  ],
  "recovering-from-a-disaster/as-is.yaml sludge": [
    `life-experience-recovering-from-a-disaster: edge "keeps SBA's letter for the duplication-…" overlaps cluster "SBA Small Business Administration · App…"`,
  ],
  "having-a-child/as-is.yaml sludge": [
    `life-experience-having-a-child: cluster "IRS Internal Revenue Service · Claim th…" lies on node s4_n0`,
    `life-experience-having-a-child: cluster "IRS Internal Revenue Service · Claim th…" lies on node s4_n1`,
  ],
  "having-a-child/to-be.yaml sludge": [
    `life-experience-having-a-child: cluster "IRS Internal Revenue Service · Claim th…" lies on node s4_n0`,
    `life-experience-having-a-child: cluster "IRS Internal Revenue Service · Claim th…" lies on node s4_n1`,
  ],
};

describe.skipIf(chromium === null)("detailed life-experience graph of every bundled example", () => {
  for (const file of files) {
    const catalog = parseCatalogText(readFileSync(join(examples, file), "utf8"), { format: "yaml", source: file });
    for (const look of ["plain", "sludge"] as const) {
    for (const experience of catalog.lifeExperiences) {
      // Not held to a size: the detailed graph is split by the budgets only, not by width (docs/diagrams.md).
      it(`${file} ${experience.id} (${look}): text at least ${MIN_TEXT} px, no text over another or on a node`, async () => {
        const options = look === "sludge" ? { findings: lintCatalog(catalog).findings } : {};
        const { diagrams } = toMermaid(catalog, { view: "life-experience", experience: experience.id }, { detailed: true, ...options });
        const problems: string[] = [];
        for (const diagram of diagrams) {
          const rendered = await renderAsWritten(chromium!, diagram.text);
          const svg = rendered.svg;
          for (const found of rendered.problems) problems.push(`${diagram.id}: ${found}`);
          expect(measure(svg).smallestText, diagram.id).toBeGreaterThanOrEqual(MIN_TEXT);
          const drawn = await meter!.measure(svg);
          for (const found of [...drawn.overlaps, ...drawn.labelsUnderNodes]) problems.push(`${diagram.id}: ${found.replace(/ \(\d+x\d+ px\)$/, "")}`);
        }
        expect(problems).toEqual(KNOWN_DETAILED[`${file} ${look}`] ?? []);
      }, 120_000);
    }
    }
  }
});
