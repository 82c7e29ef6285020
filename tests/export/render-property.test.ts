/**
 * Every view of generated catalogs renders in Chromium: an SVG, never a Mermaid error (issue 18, "always
 * renders"). Few runs, so that CI stays fast; a failure prints the seed and the shrunk catalog.
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { toMermaid, type MermaidOptions, type MermaidView } from "../../src/export/mermaid/index.js";
import type { Catalog } from "../../src/index.js";
import { arbCatalog } from "../../src/testing/index.js";
import { openChromium } from "../helpers/chromium.js";

const chromium = await openChromium();
afterAll(async () => {
  await chromium?.close();
});

const catalogs = arbCatalog({
  minServices: 2,
  maxServices: 3,
  minStepsPerService: 3,
  maxStepsPerService: 12,
  minLifeExperiences: 1,
  maxLifeExperiences: 1,
  minLinksPerExperience: 1,
  linkKinds: ["data-share", "customer-carries", "trigger", "referral", "notification"],
});

/** Renders every diagram of the views; resolves to the failures (view, diagram id, message). */
async function renderAll(catalog: Catalog, views: readonly (readonly [MermaidView, MermaidOptions])[]): Promise<string[]> {
  const failures: string[] = [];
  for (const [view, options] of views) {
    for (const diagram of toMermaid(catalog, view, options).diagrams) {
      try {
        const svg = await chromium!.render(diagram.text);
        if (!svg.startsWith("<svg") || /Syntax error in text|aria-roledescription="error"/.test(svg)) failures.push(`${diagram.id}: an error picture`);
      } catch (error) {
        failures.push(`${diagram.id}: ${(error as Error).message.slice(0, 160)}`);
      }
    }
  }
  return failures;
}

describe.skipIf(chromium === null)("generated catalogs render in Chromium", () => {
  it("life-experience overview, detailed graph and journeys: an SVG without a Mermaid error", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(catalogs, async (catalog) => {
        const views: (readonly [MermaidView, MermaidOptions])[] = [];
        for (const e of catalog.lifeExperiences) {
          views.push([{ view: "life-experience", experience: e.id }, {}], [{ view: "life-experience", experience: e.id }, { detailed: true }]);
        }
        for (const s of catalog.services) views.push([{ view: "journey", service: s.id }, {}]);
        expect(await renderAll(catalog, views)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  // Known failure, left to the blueprint rework (issue 18, item 1): Mermaid's dagre layout throws in
  // insertSelfEdges, because after ordering a rank holds a hole (two nodes were left with one `order`). About one
  // generated catalog in seven hits it; this blueprint (a support step branching to two outcomes in the next
  // column, in the physical-evidence and customer lanes) is the smallest found. When the blueprint is fixed this
  // test fails: then turn it into `it` and add the blueprint to the property above.
  it.fails("the pinned blueprint of a branch to two outcomes in the next column renders", async () => {
    const text = readFileSync(join(import.meta.dirname, "render-fixtures", "dagre-order-branch.mmd"), "utf8");
    await chromium!.render(text);
  });
});
