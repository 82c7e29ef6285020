/**
 * Runs one rule alone through the real engine (so targets, burden and sorting are the engine's), and compares
 * findings with expected targets and message fragments.
 */
import { expect } from "vitest";
import { type Catalog, type Finding, type LintConfig, type ReportTarget, builtinRules, lintCatalog } from "../../../src/index.js";

/**
 * The findings of rule `id` alone on `catalog`, with `options` (merged over the defaults by the rule's schema).
 * A `rule-error` fails the test.
 */
export function lintRule(id: string, catalog: Catalog, options: Record<string, unknown> = {}, config: Omit<LintConfig, "rules" | "preset"> = {}): Finding[] {
  const rule = builtinRules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no built-in rule '${id}'`);
  const result = lintCatalog(catalog, {
    today: "2026-12-01",
    ...config,
    preset: [],
    rules: { [id]: [rule.meta.defaultSeverity, options] },
  });
  const errors = result.findings.filter((f) => f.ruleId === "rule-error");
  if (errors.length > 0) throw new Error(errors.map((f) => f.message).join("\n"));
  return result.findings.filter((f) => f.ruleId === id);
}

/** What a test expects of one finding: its target ids exactly, and a fragment of its message. */
export interface ExpectedFinding {
  readonly target: ReportTarget;
  readonly message: string;
}

/** Asserts the findings, in order: same count, same target ids, messages containing the fragments. */
export function expectFindings(findings: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  const got = findings.map((f) => ({
    target: { service: f.target.service, step: f.target.step, experience: f.target.experience, link: f.target.link },
    message: f.message,
  }));
  const want = expected.map((e) => ({
    target: { service: e.target.service, step: e.target.step, experience: e.target.experience, link: e.target.link },
    message: expect.stringContaining(e.message),
  }));
  expect(got).toEqual(want);
}
