/**
 * The sludge overlay of a lint result's (frozen) findings is grouped once and shared by every view exported with
 * it; a list that is not frozen is grouped on each call. Both must draw the same diagrams and give the same
 * warnings, with and without waived findings, on every bundled example.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type MermaidView, lintCatalog, parseCatalogText, toMermaid } from "../../src/index.js";
import { EXAMPLE_CATALOGS } from "../fixtures/example-catalogs.js";

describe("the sludge overlay of a lint result", () => {
  for (const file of EXAMPLE_CATALOGS.filter((f) => !f.includes("federal-hisp-services"))) {
    it(`${file.split("/").slice(-2).join("/")}: every view draws the same from a shared overlay as from a fresh one`, () => {
      const catalog = parseCatalogText(readFileSync(file, "utf8"));
      const { findings, waived } = lintCatalog(catalog, { preset: "all", today: "2026-12-01" });
      const all = Object.freeze([...findings, ...waived]);
      expect(Object.isFrozen(findings)).toBe(true);
      const views: MermaidView[] = [
        ...catalog.services.flatMap((s): MermaidView[] => [
          { view: "blueprint", service: s.id },
          { view: "journey", service: s.id },
        ]),
        ...catalog.lifeExperiences.map((e): MermaidView => ({ view: "life-experience", experience: e.id })),
      ];
      let highlighted = 0;
      for (const view of views) {
        for (const includeWaived of [false, true, false]) {
          for (const options of [{}, { lanes: ["customer" as const] }]) {
            const shared = toMermaid(catalog, view, { ...options, findings: all, includeWaived });
            const fresh = toMermaid(catalog, view, { ...options, findings: [...all], includeWaived });
            expect(shared.diagrams.map((d) => d.text)).toEqual(fresh.diagrams.map((d) => d.text));
            expect(shared.warnings).toEqual(fresh.warnings);
            highlighted += shared.diagrams.filter((d) => d.text.includes("class ") && d.text.includes("sludge_")).length;
          }
        }
      }
      expect(highlighted).toBeGreaterThan(0);
    });
  }

  it("counts the steps with findings that filters hide", () => {
    const file = EXAMPLE_CATALOGS.find((f) => f.endsWith("approaching-retirement/as-is.yaml"))!;
    const catalog = parseCatalogText(readFileSync(file, "utf8"));
    const { findings } = lintCatalog(catalog, { preset: "all", today: "2026-12-01" });
    const service = catalog.services[0]!;
    const hidden = new Set(
      findings.filter((f) => f.target.kind === "step" && f.target.service === service.id).map((f) => f.target.step!),
    );
    for (const step of service.steps) if (step.lane === "customer") hidden.delete(step.id);
    expect(hidden.size).toBeGreaterThan(0);
    const { warnings } = toMermaid(catalog, { view: "blueprint", service: service.id }, { findings, lanes: ["customer"] });
    const warning = warnings.find((w) => w.code === "finding_not_shown");
    expect(warning?.message).toBe(`${hidden.size} step${hidden.size === 1 ? "" : "s"} with findings are hidden by the filters`);
  });
});
