/**
 * The life-experience overview of every bundled example, rendered in Chromium and measured at 100%: it must fit
 * 2,400 x 1,800 px, and no text in it may be set smaller than 12 px. Mermaid draws the SVG at its natural size
 * (`max-width` is the viewBox width), so CSS pixels in the SVG are screen pixels at 100%.
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCatalogText, toMermaid } from "../../src/index.js";
import { openChromium } from "../helpers/chromium.js";

const MAX_WIDTH = 2_400;
const MAX_HEIGHT = 1_800;
const MIN_TEXT = 12;

const chromium = await openChromium();
afterAll(async () => {
  await chromium?.close();
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

describe.skipIf(chromium === null)("life-experience overview of every bundled example, at 100%", () => {
  it("there are examples with life experiences", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    const catalog = parseCatalogText(readFileSync(join(examples, file), "utf8"), { format: "yaml", source: file });
    for (const experience of catalog.lifeExperiences) {
      it(`${file} ${experience.id}: within ${MAX_WIDTH} x ${MAX_HEIGHT} px, text at least ${MIN_TEXT} px`, async () => {
        const { diagrams } = toMermaid(catalog, { view: "life-experience", experience: experience.id });
        expect(diagrams.map((d) => d.id)).toEqual([`life-experience-${experience.id}-overview`]);
        const size = measure(await chromium!.render(diagrams[0]!.text));
        expect(size.width).toBeLessThanOrEqual(MAX_WIDTH);
        expect(size.height).toBeLessThanOrEqual(MAX_HEIGHT);
        expect(size.smallestText).toBeGreaterThanOrEqual(MIN_TEXT);
      });
    }
  }
});
