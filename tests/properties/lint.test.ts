/**
 * Properties of the sludge linter: it never throws on a valid catalog, it is deterministic, it ignores the order of
 * lists, and a life experience's burden is the sum over its services.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type Finding, type LintResult, compareCatalogs, computeBurden, lintCatalog } from "../../src/index.js";
import { arbCatalog, shuffleCatalog } from "../../src/testing/index.js";

const CONFIG = { today: "2026-12-01", preset: "all" } as const;

/** What a finding is, independent of list positions and wording. */
function essence(findings: readonly Finding[]) {
  return findings
    .map((f) => ({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      severity: f.severity,
      target: [f.target.kind, f.target.service, f.target.step, f.target.experience, f.target.link],
      hours: Math.round(f.burden.annualHours * 1000) / 1000,
      customers: Math.round(f.burden.customersPerYear * 1000) / 1000,
    }))
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
}

function noRuleErrors(result: LintResult): void {
  expect(result.findings.filter((f) => f.ruleId === "rule-error").map((f) => f.message)).toEqual([]);
}

describe("lintCatalog properties", () => {
  test.prop([fc.oneof(arbCatalog(), arbCatalog({ sludge: "heavy" }))], { numRuns: 60 })("never throws, no rule errors, deterministic", (catalog) => {
    const a = lintCatalog(catalog, CONFIG);
    noRuleErrors(a);
    expect(lintCatalog(catalog, CONFIG)).toEqual(a);
    const fingerprints = a.findings.map((f) => f.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test.prop([arbCatalog({ sludge: "heavy" }), fc.integer()], { numRuns: 50 })("ignores the order of lists", (catalog, seed) => {
    const a = lintCatalog(catalog, CONFIG);
    const b = lintCatalog(shuffleCatalog(catalog, seed), CONFIG);
    expect(essence(b.findings)).toEqual(essence(a.findings));
    expect(essence(b.waived)).toEqual(essence(a.waived));
    expect(b.burden.total.annualHours).toBeCloseTo(a.burden.total.annualHours, 3);
  });

  test.prop([arbCatalog({ minServices: 2, minLifeExperiences: 1 })], { numRuns: 60 })("a life experience's burden is the sum over its services", (catalog) => {
    const report = computeBurden(catalog);
    const byService = new Map(report.services.map((s) => [s.service, s]));
    for (const experience of report.experiences) {
      const hours = experience.services.reduce((sum, id) => sum + byService.get(id)!.annualHours, 0);
      expect(experience.annualHours).toBeCloseTo(hours, 4);
    }
  });

  test.prop([arbCatalog({ sludge: "some" })], { numRuns: 25 })("compared with itself, nothing is fixed or introduced", (catalog) => {
    const diff = compareCatalogs(catalog, catalog, CONFIG);
    expect(diff.fixed).toEqual([]);
    expect(diff.introduced).toEqual([]);
    expect(diff.burden.total.delta.annualHours).toBe(0);
    expect(diff.steps.changed).toEqual([]);
  });
});
