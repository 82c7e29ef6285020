/**
 * The redesigns under examples/ are worth their name: every to-be catalog costs its customers fewer hours a year
 * than its as-is catalog, carries no more hand-offs by the customer, and draws fewer sludge findings; each example's
 * README states the saving that `compare` prints and explains it step by step (a table whose every figure is checked
 * here: the totals, each service's hours, and for each named step its minutes, its visits a year and the hours it
 * adds or saves, the steps not named summed as "other steps"); and the worked example of the burden arithmetic in
 * docs/concepts.md is what computeBurden computes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Catalog, type StepBurden, compareCatalogs, computeBurden, lintCatalog, parseCatalogText } from "../../src/index.js";

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

/** `1,234,567` or `−1,234` or `+53,000` as a number (the README writes a true minus sign). */
function figure(text: string): number {
  const match = /^([+−-]?)([\d,]+)$/.exec(text.trim());
  if (match === null) throw new Error(`not a figure: '${text}'`);
  const value = Number(match[2]!.replace(/,/g, ""));
  return match[1] === "−" || match[1] === "-" ? -value : value;
}

/** One side of a step entry: `45 min × 2,944,000` (minutes, visits a year) or `none` (the step is not there). */
function side(text: string): { readonly minutes: number; readonly visits: number } | undefined {
  if (text === "none") return undefined;
  const match = /^(\d+(?:\.\d+)?) min × ([\d,]+)$/.exec(text);
  if (match === null) throw new Error(`not 'N min × visits' or 'none': '${text}'`);
  return { minutes: Number(match[1]), visits: figure(match[2]!) };
}

/** The "What the redesign saves" section of an example's README. */
function savesSection(dir: string): string {
  const readme = readFileSync(join(root, dir, "README.md"), "utf8");
  const start = readme.indexOf("## What the redesign saves\n");
  expect(start, `${dir}/README.md has a 'What the redesign saves' section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 3);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("each redesign's README explains what compare says, step by step", () => {
  for (const dir of REDESIGNS) {
    it(dir, () => {
      const before = load(dir, "as-is.yaml");
      const after = load(dir, "to-be.yaml");
      const comparison = compareCatalogs(before, after);
      const section = savesSection(dir);

      // The lead sentence: as-is hours, to-be hours, hours saved.
      const lead = section.split("\n\n")[1]!;
      const totals = [...lead.matchAll(/\d{1,3}(?:,\d{3})+/g)].map((m) => figure(m[0]));
      const total = comparison.burden.total;
      expect(totals, lead).toEqual([
        Math.round(total.before!.annualHours),
        Math.round(total.after!.annualHours),
        Math.round(total.before!.annualHours - total.after!.annualHours),
      ]);

      const rows = section.split("\n").filter((line) => line.startsWith("| `"));
      const services = comparison.burden.services;
      expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)![1]).sort()).toEqual(services.map((s) => s.id).sort());
      for (const row of rows) {
        const [id, asIs, toBe, change, steps] = row.slice(1, -1).split("|").map((cell) => cell.trim());
        const service = services.find((s) => `\`${s.id}\`` === id)!;
        const was = service.before?.annualHours ?? 0;
        const is = service.after?.annualHours ?? 0;
        expect([figure(asIs!), figure(toBe!), figure(change!)], id).toEqual([Math.round(was), Math.round(is), Math.round(is - was)]);

        // Step by step: each named step's minutes and visits on both sides, and the hours its change makes.
        const burdenBefore = comparison.burden.before.services.find((s) => s.service === service.id)!;
        const burdenAfter = comparison.burden.after.services.find((s) => s.service === service.id);
        const stepDelta = new Map<string, number>();
        const visits = (rowOf: StepBurden | undefined, customers: number): number | undefined =>
          rowOf === undefined ? undefined : Math.round(rowOf.visits * customers);
        for (const step of [...burdenBefore.steps, ...(burdenAfter?.steps ?? [])]) stepDelta.set(step.step, 0);
        for (const step of burdenBefore.steps) stepDelta.set(step.step, stepDelta.get(step.step)! - step.annualHours);
        for (const step of burdenAfter?.steps ?? []) stepDelta.set(step.step, stepDelta.get(step.step)! + step.annualHours);

        let explained = 0;
        const named = new Set<string>();
        let others: { count: number; hours: number } | undefined;
        for (const entry of steps!.split("; ")) {
          const other = /^(\d+) other steps?: ([+−][\d,]+)$/.exec(entry);
          if (other !== null) {
            others = { count: Number(other[1]), hours: figure(other[2]!) };
            continue;
          }
          const match = /^`([^`]+)` (.+?) → (.+?): ([+−][\d,]+)$/.exec(entry);
          expect(match, `${id}: '${entry}' reads \`step\` M min × V → M min × V: ±H`).not.toBeNull();
          const [, step, from, to, hours] = match!;
          const was = burdenBefore.steps.find((s) => s.step === step);
          const is = burdenAfter?.steps.find((s) => s.step === step);
          const at = `${id} ${step}`;
          expect(was ?? is, `${at} is a step of the service`).toBeDefined();
          expect(side(from!), at).toEqual(was && { minutes: was.minutes, visits: visits(was, burdenBefore.customersPerYear) });
          expect(side(to!), at).toEqual(is && { minutes: is.minutes, visits: visits(is, burdenAfter!.customersPerYear) });
          expect(figure(hours!), at).toBe(Math.round(stepDelta.get(step!)!));
          explained += figure(hours!);
          named.add(step!);
        }
        const rest = [...stepDelta].filter(([step, hours]) => !named.has(step) && Math.abs(hours) >= 0.5);
        const restHours = rest.reduce((sum, [, hours]) => sum + hours, 0);
        if (rest.length === 0) expect(others, `${id}: no other step changes`).toBeUndefined();
        else {
          expect(others, `${id}: the ${rest.length} steps not named are summed`).toEqual({ count: rest.length, hours: Math.round(restHours) });
          explained += others!.hours;
        }
        // The entries add up to the service's change (each rounded to the hour).
        expect(Math.abs(explained - Math.round(is - was)), id).toBeLessThanOrEqual(named.size + 1);
      }
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
