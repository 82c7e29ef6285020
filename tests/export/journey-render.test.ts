/**
 * Journeys rendered in headless Chromium: every journey of every bundled example and of the test catalog renders
 * offline, no wider than 2,400 px at 100%, with one colour per actor (Mermaid's default palette repeats after six),
 * and no text clipped: every text (title, actor legend, sections, tasks) lies inside the SVG's viewBox, a section's
 * or task's text inside its own box, and no box covers the actor legend. (The disaster example's FEMA journey, part
 * 1, had its title run 200 px past the right edge, "FEMA housing inspector" covered by the first section, and
 * "DisasterAssistance.gov" cut in its boxes.)
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type Catalog, type CatalogInput, parseCatalog, toMermaid } from "../../src/index.js";
import { openChromium, svgStructure } from "../helpers/chromium.js";
import { exampleCatalogs } from "../helpers/example-catalogs.js";
import { openMeter, overlap, type Box, type TextPlacement } from "../helpers/measure-svg.js";
import { readMermaid } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementFindings, retirementInput } from "./fixtures.js";
import { svgWidth, svgLegendColours } from "./svg-measure.js";

const chromium = await openChromium();
const meter = chromium === null ? null : await openMeter();
afterAll(async () => {
  await chromium?.close();
  await meter?.close();
});

/** Less than a pixel outside is rounding, not clipping. */
const SLACK = 1;

function outside(inner: Box, outer: Box): string | undefined {
  const sides = [
    ["left", outer.x - inner.x],
    ["top", outer.y - inner.y],
    ["right", inner.x + inner.width - (outer.x + outer.width)],
    ["bottom", inner.y + inner.height - (outer.y + outer.height)],
  ] as const;
  const past = sides.filter(([, by]) => by > SLACK).map(([side, by]) => `${by.toFixed(0)} px past the ${side}`);
  return past.length === 0 ? undefined : past.join(", ");
}

/** Every text that is clipped or covered, described: outside the viewBox, outside its own box, or under a box. */
function clippedTexts(placed: TextPlacement): string[] {
  const found: string[] = [];
  for (const t of placed.texts) {
    const name = `"${t.text.length > 50 ? `${t.text.slice(0, 49)}…` : t.text}"`;
    const off = outside(t.box, placed.viewBox);
    if (off !== undefined) found.push(`${name} runs ${off} of the picture`);
    const out = t.container === undefined ? undefined : outside(t.box, t.container);
    if (out !== undefined) found.push(`${name} runs ${out} of its box`);
    if (t.container === undefined) {
      for (const box of placed.boxes) {
        const o = overlap(t.box, box);
        if (o.x > SLACK && o.y > SLACK) found.push(`${name} is covered by a box (${o.x.toFixed(0)} x ${o.y.toFixed(0)} px)`);
      }
    }
  }
  return found;
}

/** The test catalog with five more people the customer meets while learning when to claim: ten actors in all. */
function crowdedCatalog(): Catalog {
  const input = retirementInput() as unknown as { roles: { id: string; name: string }[]; services: { id: string; steps: object[] }[] };
  const service = input.services.find((s) => s.id === "ssa-retire")!;
  for (let i = 1; i <= 5; i++) {
    input.roles.push({ id: `helper-${i}`, name: `Helper ${i}` });
    service.steps.push({ id: `meet-${i}`, name: `Meet helper ${i}`, lane: "frontstage", role: `helper-${i}`, attachedTo: "learn" });
  }
  return parseCatalog(input as unknown as CatalogInput);
}

describe.skipIf(chromium === null)("journeys in Chromium", () => {
  const cases = [
    { name: "test catalog", catalog: retirementCatalog(), findings: retirementFindings() },
    { name: "ten actors", catalog: crowdedCatalog(), findings: retirementFindings() },
    ...exampleCatalogs().map((c) => ({ ...c, findings: undefined })),
  ];
  for (const { name, catalog, findings } of cases) {
    it(`${name}: every journey renders offline, at most 2,400 px wide, one colour per actor, no text clipped`, async () => {
      const everyone = new Set<string>();
      for (const service of catalog.services) {
        if (service.steps.length === 0) continue;
        const { diagrams } = toMermaid(catalog, { view: "journey", service: service.id }, findings === undefined ? {} : { findings });
        for (const diagram of diagrams) {
          const before = chromium!.blockedRequests.length;
          const svg = await chromium!.render(diagram.text);
          const content = await readMermaid(diagram.text);
          if (content.kind !== "journey") throw new Error("expected a journey");
          const actors = new Set(content.tasks.flatMap((t) => t.people));
          for (const actor of actors) everyone.add(actor);
          const colours = svgLegendColours(svg);
          expect(colours.length, `${diagram.id}`).toBe(actors.size);
          expect(new Set(colours).size, `${diagram.id}: colours ${colours.join(" ")}`).toBe(colours.length);
          expect(svgWidth(svg), diagram.id).toBeLessThanOrEqual(2400);
          const placed = await meter!.placeTexts(svg);
          // The title, every actor, section and task is found (a text the meter missed could not be checked).
          expect(placed.texts.length, diagram.id).toBeGreaterThanOrEqual(1 + actors.size + content.tasks.length);
          expect(clippedTexts(placed), diagram.id).toEqual([]);
          expect(chromium!.blockedRequests.slice(before)).toEqual([]);
          expect(svgStructure(svg).fetchers, diagram.id).toEqual([]);
        }
      }
      // The crowded case has more actors than Mermaid has colours: the parts share them out.
      if (name === "ten actors") expect(everyone.size).toBeGreaterThan(6);
    });
  }
});
