/**
 * Journeys rendered in headless Chromium: every journey of every bundled example and of the test catalog renders
 * offline, no wider than 2,400 px at 100%, with one colour per actor (Mermaid's default palette repeats after six).
 *
 * Without Chromium this file is skipped with a notice, except in CI (CI=true), where that is an error.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Catalog, type CatalogInput, parseCatalog, parseCatalogText, toMermaid } from "../../src/index.js";
import { openChromium } from "../helpers/chromium.js";
import { readMermaid } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementFindings, retirementInput } from "./fixtures.js";
import { svgWidth, svgLegendColours } from "./svg-measure.js";

const chromium = await openChromium();
afterAll(async () => {
  await chromium?.close();
});

const examples = join(import.meta.dirname, "..", "..", "examples");

function exampleCatalogs(): { name: string; catalog: Catalog }[] {
  const out: { name: string; catalog: Catalog }[] = [];
  for (const dir of readdirSync(examples, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of ["as-is.yaml", "to-be.yaml"]) {
      let text: string;
      try {
        text = readFileSync(join(examples, dir.name, file), "utf8");
      } catch {
        continue;
      }
      out.push({ name: `${dir.name}/${file}`, catalog: parseCatalogText(text, { format: "yaml", source: `${dir.name}/${file}` }) });
    }
  }
  return out;
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
    it(`${name}: every journey renders offline, at most 2,400 px wide, one colour per actor`, async () => {
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
          expect(chromium!.blockedRequests.slice(before)).toEqual([]);
        }
      }
      // The crowded case has more actors than Mermaid has colours: the parts share them out.
      if (name === "ten actors") expect(everyone.size).toBeGreaterThan(6);
    });
  }
});
