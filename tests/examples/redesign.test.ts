/**
 * The redesigns under examples/ are worth their name: every to-be catalog costs its customers fewer hours a year
 * than its as-is catalog, carries no more hand-offs by the customer, and draws fewer sludge findings; and the
 * worked example of the burden arithmetic in docs/concepts.md is what computeBurden computes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Catalog, computeBurden, lintCatalog, parseCatalogText } from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..", "examples");

const REDESIGNS = [
  "approaching-retirement",
  "facing-a-financial-shock",
  "having-a-child",
  "recovering-from-a-disaster",
  "transitioning-to-civilian-life",
] as const;

function load(dir: string, file: string): Catalog {
  return parseCatalogText(readFileSync(join(root, dir, file), "utf8"), { format: "yaml", source: `${dir}/${file}` });
}

function customerCarries(catalog: Catalog): number {
  return catalog.lifeExperiences.reduce((n, x) => n + x.links.filter((l) => l.kind === "customer-carries").length, 0);
}

describe("example redesigns", () => {
  for (const dir of REDESIGNS) {
    describe(dir, () => {
      const before = load(dir, "as-is.yaml");
      const after = load(dir, "to-be.yaml");

      it("saves customer hours a year, and the as-is burden is not zero", () => {
        const b = computeBurden(before).total;
        const a = computeBurden(after).total;
        expect(b.annualHours).toBeGreaterThan(0);
        expect(a.annualHours).toBeLessThan(b.annualHours);
      });

      it("leaves the customer carrying no more between agencies", () => {
        expect(customerCarries(after)).toBeLessThanOrEqual(customerCarries(before));
      });

      it("draws fewer active sludge findings", () => {
        const b = lintCatalog(before).findings.length;
        const a = lintCatalog(after).findings.length;
        expect(a).toBeLessThan(b);
      });
    });
  }
});

describe("the worked example of docs/concepts.md", () => {
  it("matches computeBurden: SNAP on paper at the county office costs 4,000,000 hours a year", () => {
    const catalog = load("facing-a-financial-shock", "as-is.yaml");
    const snap = computeBurden(catalog).services.find((s) => s.service === "snap")!;
    const step = snap.steps.find((s) => s.step === "apply-snap-at-office")!;
    expect(step.minutes).toBe(150);
    expect(step.reach).toBeCloseTo(0.4, 9);
    expect(step.annualHours).toBeCloseTo(4_000_000, 3);
    expect(step.annualCost).toBeCloseTo(140_000_000, 0);
    expect(step.split.psychological).toBeCloseTo(1_600_000, 3);
    expect(step.split.compliance).toBeCloseTo(2_400_000, 3);
    const page = readFileSync(join(root, "..", "docs", "concepts.md"), "utf8");
    expect(page).toContain("150 min × 4,000,000 × 0.4 ÷ 60 = 4,000,000 hours a year");
  });
});
