/**
 * Properties of the flow model over generated catalogs (issue 17): a repeated ask's customers are at most the reach
 * of the repeat and of its first asks together, and zero between exclusive branches; reach is conserved along every
 * split (each step's reach is what its incoming flows carry, capped at 1, and what leaves a step is its reach less
 * what the leaks lose); no burden exceeds minutes × people, and no finding counts more customers than the service or
 * the life experience has.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { analyzeLifeExperience, analyzeService, lintCatalog } from "../../src/index.js";
import { arbCatalog } from "../../src/testing/index.js";

const TOLERANCE = 1e-9;

describe("the flow model", () => {
  test.prop([fc.oneof(arbCatalog({ sludge: "heavy" }), arbCatalog({ minServices: 2, minLifeExperiences: 1 }))], { numRuns: 60 })(
    "repeats never count more customers than meet both asks; reach adds up along splits",
    (catalog) => {
      for (const service of catalog.services) {
        const report = analyzeService(catalog, service.id);
        const reach = new Map(report.reach.map((r) => [r.step, r.share]));
        for (const ask of report.repeatedAsks) {
          for (const repeat of ask.repeats) {
            if (!repeat.shared) expect(repeat.share).toBeGreaterThan(0);
            else expect(repeat.share).toBe(0);
            expect(repeat.share).toBeLessThanOrEqual(reach.get(repeat.step.step)! + TOLERANCE);
            expect(repeat.share).toBeLessThanOrEqual(repeat.first.reduce((sum, a) => sum + reach.get(a.step)!, 0) + TOLERANCE);
            // A first ask is never on a branch exclusive with the repeat: it is upstream of it.
            for (const first of repeat.first) expect(first.step).not.toBe(repeat.step.step);
          }
        }
        // Conservation: a step's reach is what flows into it (entries start with 1), capped at 1.
        const byId = new Map(service.steps.map((s) => [s.id, s]));
        const inflow = new Map<string, number>();
        const entries = new Set(report.entries.map((e) => e.step));
        for (const step of service.steps) {
          const from = reach.get(step.id) ?? 0;
          const branches = step.next.filter((f) => f.kind === "branch");
          const stated = branches.reduce((sum, f) => sum + (f.share ?? 0), 0);
          const unstated = branches.filter((f) => f.share === undefined).length;
          for (const flow of step.next) {
            if (flow.kind === "rework") continue;
            const share = flow.kind === "branch" ? (flow.share ?? Math.max(0, 1 - stated) / unstated) : 1;
            inflow.set(flow.to, (inflow.get(flow.to) ?? 0) + from * share);
          }
          if (step.attachedTo !== undefined && byId.has(step.attachedTo) && step.attachedTo !== step.id) {
            inflow.set(step.id, (inflow.get(step.id) ?? 0) + (reach.get(step.attachedTo) ?? 0));
          }
        }
        const cyclic = report.cycles.length > 0;
        for (const step of service.steps) {
          const expected = Math.min(1, (entries.has(step.id) ? 1 : 0) + (inflow.get(step.id) ?? 0));
          // A cycle of non-rework flows is cut: the edge closing it carries nothing.
          if (!cyclic) expect(reach.get(step.id)!).toBeCloseTo(expected, 9);
          else expect(reach.get(step.id)!).toBeLessThanOrEqual(expected + TOLERANCE);
        }
      }
      for (const experience of catalog.lifeExperiences) {
        const report = analyzeLifeExperience(catalog, experience.id);
        const reach = new Map(report.reach.map((r) => [`${r.service}/${r.step}`, r.share]));
        for (const ask of report.repeatedAsks) {
          for (const repeat of ask.repeats) {
            expect(repeat.share).toBeLessThanOrEqual(reach.get(`${repeat.step.service}/${repeat.step.step}`)! + TOLERANCE);
            for (const first of repeat.first) expect(first.service).not.toBe(repeat.step.service);
          }
        }
      }
    },
  );

  test.prop([arbCatalog({ sludge: "heavy", minServices: 2, minLifeExperiences: 1 })], { numRuns: 40 })(
    "burden never exceeds minutes × people, and no finding counts more customers than there are",
    (catalog) => {
      const result = lintCatalog(catalog, { preset: "all", today: "2026-12-01" });
      for (const service of result.burden.services) {
        const source = catalog.services.find((s) => s.id === service.service)!;
        const volume = source.occasion.annualVolume ?? 0;
        // Each customer does a step at most once, plus once more per rework flow that can send them back.
        const reworks = source.steps.reduce((n, s) => n + s.next.filter((f) => f.kind === "rework").length, 0);
        for (const step of service.steps) {
          expect(step.customersPerYear).toBeLessThanOrEqual(volume + TOLERANCE);
          expect(step.annualHours).toBeLessThanOrEqual((step.minutes * volume * (1 + reworks)) / 60 + 1e-6);
        }
      }
      for (const finding of result.findings) {
        const { target, burden } = finding;
        if (target.kind === "step" || target.kind === "service") {
          const volume = catalog.services.find((s) => s.id === target.service)!.occasion.annualVolume ?? 0;
          expect(burden.customersPerYear, `${finding.ruleId} ${target.path}`).toBeLessThanOrEqual(volume + 1e-6);
        }
        if (target.kind === "experience") {
          const people = result.burden.experiences.find((x) => x.experience === target.experience)!.customersPerYear;
          expect(burden.customersPerYear, `${finding.ruleId} ${target.path}`).toBeLessThanOrEqual(people + 1e-6);
        }
      }
    },
  );
});
