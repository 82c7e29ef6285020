/**
 * The sludge engine: runs the configured rules over a catalog and returns sorted, deduplicated findings with
 * their burden, the waived findings, and the catalog's burden report.
 */
import { indexCatalog } from "../model/index-lookup.js";
import type { Catalog } from "../model/schema.js";
import { analysisAccess } from "./analysis.js";
import { type BurdenReport, burdenReport } from "./burden.js";
import { ENGINE_CHECKS, type LintConfig, type ResolvedLintConfig, type ResolvedOverride, parseLintConfig } from "./config.js";
import type { Rule } from "./define-rule.js";
import { BurdenCalculator, TargetResolver, fingerprintOf, sortFindings } from "./internal/findings.js";
import type { Finding, FindingTarget, ReportInput, RuleContext, Severity } from "./types.js";
import { applyWaivers } from "./waivers.js";

/**
 * What ran in a lint: a rule id and the severity it ran at (its top-level setting, or the first override's when
 * only overrides turn it on).
 *
 * @example
 * ```ts
 * import { lintCatalog } from "service-blueprint";
 * lintCatalog(catalog).rules.map((rule) => `${rule.id}:${rule.severity}`);
 * ```
 */
export interface RuleRun {
  /** The rule id. */
  readonly id: string;
  /** Its severity. */
  readonly severity: Severity;
}

/**
 * The result of {@link lintCatalog}.
 *
 * @example
 * ```ts
 * import { lintCatalog } from "service-blueprint";
 * const result = lintCatalog(catalog, { today: "2026-12-01" });
 * result.findings.length; // active findings
 * result.waived.length; // covered by waivers, with their justification
 * result.burden.total.annualHours;
 * ```
 */
export interface LintResult {
  /** Active findings (not waived), sorted. */
  readonly findings: readonly Finding[];
  /** Findings covered by a waiver, sorted, each with its `waiver`. */
  readonly waived: readonly Finding[];
  /** The catalog's burden report. */
  readonly burden: BurdenReport;
  /** The rules that ran, sorted by id. */
  readonly rules: readonly RuleRun[];
  /** The lint date. */
  readonly today: string;
}

/** An override layer's effective setting for one rule. */
interface Layer {
  readonly severity: Severity | "off";
  /** -1: the top-level options; otherwise the override that gave options. */
  readonly run: number;
}

/** The evidence of a finding reported without any (shared: it is frozen). */
const NO_EVIDENCE: readonly string[] = Object.freeze([]);

function matches(override: ResolvedOverride, target: FindingTarget): boolean {
  if (target.service !== undefined && override.services.has(target.service)) return true;
  if (target.step !== undefined && override.steps.has(`${target.service}/${target.step}`)) return true;
  if (target.experience !== undefined && override.experiences.has(target.experience)) return true;
  return false;
}

/** The setting for one rule on one target: the top level, then each matching override in order. */
function effective(ruleId: string, base: Layer, overrides: readonly ResolvedOverride[], target: FindingTarget): Layer {
  let layer = base;
  if (overrides.length === 0) return layer;
  overrides.forEach((override, i) => {
    const setting = override.rules.get(ruleId);
    if (setting === undefined || !matches(override, target)) return;
    layer = { severity: setting.severity, run: setting.options === undefined ? layer.run : i };
  });
  return layer;
}

function ruleErrorFinding(rule: Rule, error: unknown): Finding {
  const target: FindingTarget = Object.freeze({ kind: "catalog", path: "" });
  const reason = error instanceof Error ? error.message : String(error);
  return Object.freeze({
    ruleId: "rule-error",
    severity: "error",
    category: "structure",
    categories: Object.freeze(["structure"] as const),
    message: `Rule '${rule.meta.id}' failed and reported nothing: ${reason}`,
    target,
    evidence: Object.freeze([`rule: ${rule.meta.id}`, `error: ${reason}`]),
    remediation: "Fix the rule (or its options), or turn it off; the other rules ran.",
    burden: Object.freeze({ minutesPerCustomer: 0, waitDays: 0, fee: 0, customersPerYear: 0, annualHours: 0, annualCost: 0 }),
    fingerprint: fingerprintOf("rule-error", target, rule.meta.id),
    key: rule.meta.id,
  });
}

function isResolved(config: LintConfig | ResolvedLintConfig | undefined): config is ResolvedLintConfig {
  return config !== undefined && "engineChecks" in config && Array.isArray((config as ResolvedLintConfig).rules);
}

/**
 * Lints a catalog for sludge: runs every configured rule, attaches burden to each finding, applies waivers, and
 * computes the burden report. A rule that throws becomes a `rule-error` finding and the other rules still run.
 * The same catalog and configuration always give the same result; findings are deduplicated by fingerprint.
 *
 * @param catalog - a parsed catalog (see `parseCatalog`)
 * @param config - the configuration (see {@link LintConfig}), or one already resolved by `parseLintConfig`
 * @returns the findings, the waived findings, the burden report, the rules that ran and the lint date (frozen)
 * @throws `LintConfigError` when the configuration is invalid
 * @example
 * ```ts
 * import { formatFindings, lintCatalog, parseCatalogText } from "service-blueprint";
 * const catalog = parseCatalogText(text);
 * const result = lintCatalog(catalog, { preset: "recommended", rules: { "long-wait": ["error", { maxWaitDays: 60 }] } });
 * process.stdout.write(formatFindings(result, "stylish"));
 * process.exitCode = result.findings.some((f) => f.severity === "error") ? 1 : 0;
 * ```
 */
export function lintCatalog(catalog: Catalog, config?: LintConfig | ResolvedLintConfig): LintResult {
  return lintWithHooks(catalog, config, {});
}

/**
 * What the engine tells its own callers that a result cannot carry. @internal
 */
export interface LintHooks {
  /** Called with a rule and the error it threw (the finding keeps only the message; a test wants the stack). */
  readonly onRuleError?: ((rule: Rule, error: unknown) => void) | undefined;
}

/**
 * {@link lintCatalog} with hooks: the `RuleTester` uses it to show a rule's own stack when the rule throws.
 *
 * @internal
 */
export function lintWithHooks(catalog: Catalog, config: LintConfig | ResolvedLintConfig | undefined, hooks: LintHooks): LintResult {
  const resolved = isResolved(config) ? config : parseLintConfig(config);
  const index = indexCatalog(catalog);
  const analysis = analysisAccess(index);
  const targets = new TargetResolver(index);
  const calculator = new BurdenCalculator(index, resolved.hourValue);

  const collected: Finding[] = [];
  const runs: RuleRun[] = [];
  for (const setting of resolved.rules) {
    const rule = setting.rule;
    const id = rule.meta.id;
    const optionRuns = new Map<number, unknown>();
    if (setting.severity !== "off") optionRuns.set(-1, setting.options);
    let runSeverity: Severity | undefined = setting.severity === "off" ? undefined : setting.severity;
    resolved.overrides.forEach((override, i) => {
      const over = override.rules.get(id);
      if (over === undefined || over.severity === "off") return;
      runSeverity ??= over.severity;
      if (over.options === undefined) optionRuns.set(-1, setting.options);
      else optionRuns.set(i, over.options);
    });
    if (runSeverity === undefined) continue;
    runs.push(Object.freeze({ id, severity: runSeverity }));
    const baseLayer: Layer = { severity: setting.severity, run: -1 };
    for (const [runIndex, options] of [...optionRuns].sort(([a], [b]) => a - b)) {
      const reported: Finding[] = [];
      const ctx: RuleContext<unknown> = {
        catalog,
        index,
        options,
        today: resolved.today,
        analysis,
        report(input: ReportInput) {
          const target = targets.resolve(input.target);
          const layer = effective(id, baseLayer, resolved.overrides, target);
          if (layer.run !== runIndex || layer.severity === "off") return;
          const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
            ruleId: id,
            severity: layer.severity,
            category: rule.meta.category,
            categories: rule.meta.categories,
            message: String(input.message),
            target,
            evidence: input.evidence === undefined || input.evidence.length === 0 ? NO_EVIDENCE : Object.freeze(input.evidence.map(String)),
            remediation: input.remediation ?? rule.meta.remediation,
            burden: calculator.burden(input, target),
            fingerprint: fingerprintOf(id, target, input.key),
          };
          if (input.key !== undefined) finding.key = input.key;
          reported.push(Object.freeze(finding));
        },
      };
      try {
        rule.check(ctx);
        // A loop, not push(...reported): a rule may report more findings than a call can take arguments.
        for (let i = 0; i < reported.length; i++) collected.push(reported[i]!);
      } catch (error) {
        hooks.onRuleError?.(rule, error);
        collected.push(ruleErrorFinding(rule, error));
      }
    }
  }

  // Deduplicate by fingerprint, keeping the first in order. A fingerprint hashes the rule, the target and the key,
  // which also decide a finding's place in the order, and ties are ordered by fingerprint: findings with one
  // fingerprint are next to each other once sorted, so each is compared with the one before (no set of 285,000
  // strings for a 200,000-step catalog).
  const unique: Finding[] = [];
  const sorted = sortFindings(index, collected);
  for (let i = 0; i < sorted.length; i++) {
    const finding = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.fingerprint === finding.fingerprint) continue;
    unique.push(finding);
  }
  const { active, waived, waiverFindings } = applyWaivers(catalog, unique, {
    today: resolved.today,
    expired: resolved.engineChecks["expired-waiver"] ?? "warning",
    unused: resolved.engineChecks["unused-waiver"] ?? "info",
    ran: new Set(runs.map((run) => run.id)),
    known: [...resolved.rules.map((s) => s.rule.meta.id), ...ENGINE_CHECKS.map((check) => check.id)],
  });
  return Object.freeze({
    findings: Object.freeze(waiverFindings.length === 0 ? active : sortFindings(index, active.concat(waiverFindings))),
    waived: Object.freeze(waived),
    burden: burdenReport(index, resolved.hourValue),
    rules: Object.freeze(runs),
    today: resolved.today,
  });
}
