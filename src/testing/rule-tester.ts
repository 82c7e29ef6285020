/**
 * `RuleTester`: table tests for sludge rules (built-in or custom), in the manner of bpmnlint's and eslint's. Valid
 * catalogs must give no finding; invalid ones exactly the expected findings, in order.
 */
import { AssertionError } from "node:assert";
import type { Catalog } from "../model/schema.js";
import type { Rule } from "../sludge/define-rule.js";
import { LintConfigError } from "../sludge/config.js";
import { lintWithHooks } from "../sludge/engine.js";
import { builtinRules } from "../sludge/rules/index.js";
import type { Finding, FindingBurden, ReportTarget, Severity } from "../sludge/types.js";

/**
 * Hooks of a test runner. Give `describe` and `it` (vitest, mocha, jest, `node:test`) to register one test per
 * case; without them `run` checks every case at once and throws on the first mismatch.
 *
 * @example
 * ```ts
 * import { describe, it } from "vitest";
 * import { RuleTester } from "service-blueprint/testing";
 * const tester = new RuleTester({ describe, it, today: "2026-12-01" });
 * ```
 */
export interface RuleTesterOptions {
  /** Groups a rule's cases. */
  readonly describe?: ((name: string, body: () => void) => unknown) | undefined;
  /** Registers one case. */
  readonly it?: ((name: string, body: () => void) => unknown) | undefined;
  /** The lint date for every case (default `2026-01-01`, so results never depend on the clock). */
  readonly today?: string | undefined;
  /**
   * How many decimal places an expected burden figure must match (default 2): a figure passes when it is within
   * half a unit of that place, as vitest's and jest's `toBeCloseTo`. Raise it to pin figures worked out by hand.
   */
  readonly burdenDigits?: number | undefined;
}

/**
 * A catalog the rule must pass.
 *
 * @example
 * ```ts
 * import type { RuleTesterValidCase } from "service-blueprint/testing";
 * const valid: RuleTesterValidCase = { name: "one digital step", catalog, options: { max: 3 } };
 * ```
 */
export interface RuleTesterValidCase {
  /** The case's name (default: `valid #n`). */
  readonly name?: string | undefined;
  /** A parsed catalog. */
  readonly catalog: Catalog;
  /** The rule's options. */
  readonly options?: Readonly<Record<string, unknown>> | undefined;
  /** The lint date of this case (default: the tester's `today`), for rules that read the date. */
  readonly today?: string | undefined;
}

/**
 * What one expected finding must match (only the fields given are checked).
 *
 * @example
 * ```ts
 * import type { RuleTesterExpectedFinding } from "service-blueprint/testing";
 * const expected: RuleTesterExpectedFinding = {
 *   target: { service: "svc", step: "fax" },
 *   message: /uses fax/,
 *   severity: "warning",
 *   evidence: ["channel: fax"],
 *   burden: { minutesPerCustomer: 20, customersPerYear: 1000 },
 * };
 * ```
 */
export interface RuleTesterExpectedFinding {
  /** The target's ids, exactly (ids not given must be absent). */
  readonly target?: ReportTarget | undefined;
  /** A substring of the message, or a pattern it must match. */
  readonly message?: string | RegExp | undefined;
  /** The severity. */
  readonly severity?: Severity | undefined;
  /** The category the finding is filed under. */
  readonly category?: Finding["category"] | undefined;
  /**
   * Lines the evidence must hold: each a substring of some evidence line, or a pattern some line matches (other
   * lines may be present).
   */
  readonly evidence?: readonly (string | RegExp)[] | undefined;
  /**
   * Every evidence line, in order, no more and no fewer: each string equal to its line, each pattern matching it.
   *
   * @example
   * ```ts
   * import type { RuleTesterExpectedFinding } from "service-blueprint/testing";
   * const expected: RuleTesterExpectedFinding = { exactEvidence: ["channel: fax", /^customers: \d+$/] };
   * ```
   */
  readonly exactEvidence?: readonly (string | RegExp)[] | undefined;
  /** Burden figures the engine attached: each figure given must match to the tester's `burdenDigits` (2) decimal places. */
  readonly burden?: Partial<FindingBurden> | undefined;
}

/**
 * A catalog the rule must flag, with the findings it must report, in order.
 *
 * @example
 * ```ts
 * import type { RuleTesterInvalidCase } from "service-blueprint/testing";
 * const invalid: RuleTesterInvalidCase = { catalog, findings: [{ target: { service: "svc", step: "fax" } }] };
 * ```
 */
export interface RuleTesterInvalidCase extends RuleTesterValidCase {
  /** The findings expected, in the engine's order (services in catalog order, steps in order). */
  readonly findings: readonly RuleTesterExpectedFinding[];
}

/**
 * The cases of one rule.
 *
 * @example
 * ```ts
 * import type { RuleTesterCases } from "service-blueprint/testing";
 * const cases: RuleTesterCases = { valid: [{ catalog: good }], invalid: [{ catalog: bad, findings: [{ message: "fax" }] }] };
 * ```
 */
export interface RuleTesterCases {
  /** Catalogs the rule passes. */
  readonly valid: readonly RuleTesterValidCase[];
  /** Catalogs the rule flags. */
  readonly invalid: readonly RuleTesterInvalidCase[];
}

function describeFinding(finding: Finding): string {
  return `${finding.target.path || "(catalog)"} ${finding.severity} "${finding.message}"`;
}

/** A string equals the line; a pattern matches it. */
function matchesLine(expected: string | RegExp, line: string): boolean {
  return typeof expected === "string" ? expected === line : expected.test(line);
}

function sameTarget(expected: ReportTarget, finding: Finding): boolean {
  return (
    expected.service === finding.target.service &&
    expected.step === finding.target.step &&
    expected.experience === finding.target.experience &&
    expected.link === finding.target.link
  );
}

/**
 * Runs table tests for a rule.
 *
 * @example
 * ```ts
 * import { describe, it } from "vitest";
 * import { RuleTester } from "service-blueprint/testing";
 * import { noFax } from "../src/rules/no-fax.js";
 *
 * new RuleTester({ describe, it }).run(noFax, {
 *   valid: [{ name: "web only", catalog: webCatalog }],
 *   invalid: [{ name: "fax step", catalog: faxCatalog, findings: [{ target: { service: "svc", step: "send" }, message: "fax" }] }],
 * });
 * ```
 */
export class RuleTester {
  private readonly options: RuleTesterOptions;

  /**
   * @param options - test runner hooks and the lint date
   */
  constructor(options: RuleTesterOptions = {}) {
    this.options = options;
  }

  /**
   * Checks (or registers) every case of `rule`.
   *
   * @param rule - the rule under test (made with `defineRule`)
   * @param cases - valid and invalid catalogs
   * @throws AssertionError on the first mismatch, when no test runner hooks were given
   */
  run(rule: Rule, cases: RuleTesterCases): void {
    const tests: [string, () => void][] = [];
    cases.valid.forEach((testCase, i) => tests.push([testCase.name ?? `valid #${i + 1}`, () => this.checkValid(rule, testCase)]));
    cases.invalid.forEach((testCase, i) => tests.push([testCase.name ?? `invalid #${i + 1}`, () => this.checkInvalid(rule, testCase)]));
    const { describe, it } = this.options;
    if (it !== undefined) {
      const register = (): void => {
        for (const [name, body] of tests) it(name, body);
      };
      if (describe !== undefined) describe(rule.meta.id, register);
      else register();
      return;
    }
    for (const [, body] of tests) body();
  }

  private lint(rule: Rule, testCase: RuleTesterValidCase, name: string): Finding[] {
    const id = rule.meta.id;
    const builtin = builtinRules.includes(rule);
    const thrown: unknown[] = [];
    let result;
    try {
      result = lintWithHooks(
        testCase.catalog,
        {
          today: testCase.today ?? this.options.today ?? "2026-01-01",
          preset: [],
          ...(builtin ? {} : { plugins: [rule] }),
          rules: { [id]: [rule.meta.defaultSeverity, { ...(testCase.options ?? {}) }] },
        },
        { onRuleError: (failed, error) => failed === rule && thrown.push(error) },
      );
    } catch (error) {
      if (!(error instanceof LintConfigError)) throw error;
      const issues = error.issues.map((issue) => `  ${issue.path || "(config)"}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ""}`).join("\n");
      throw new AssertionError({ message: `${id} › ${name}: the case's options or date are invalid:\n${issues}` });
    }
    const errors = result.findings.filter((f) => f.ruleId === "rule-error");
    if (errors.length > 0) {
      // The rule's own stack, not the engine's: where in the rule it threw.
      const stacks = thrown.map((error) => (error instanceof Error ? (error.stack ?? error.message) : String(error)));
      const assertion = new AssertionError({ message: `${id} › ${name}: the rule threw: ${stacks.join("\n") || errors.map((f) => f.message).join("; ")}` });
      if (thrown.length > 0) Object.defineProperty(assertion, "cause", { value: thrown[0], configurable: true, writable: true });
      throw assertion;
    }
    return result.findings.filter((f) => f.ruleId === id);
  }

  private checkValid(rule: Rule, testCase: RuleTesterValidCase): void {
    const name = testCase.name ?? "valid case";
    const findings = this.lint(rule, testCase, name);
    if (findings.length > 0) {
      throw new AssertionError({
        message: `${rule.meta.id} › ${name}: expected no findings, got ${findings.length}:\n${findings.map(describeFinding).join("\n")}`,
        actual: findings.map(describeFinding),
        expected: [],
        operator: "deepStrictEqual",
      });
    }
  }

  private checkInvalid(rule: Rule, testCase: RuleTesterInvalidCase): void {
    const name = testCase.name ?? "invalid case";
    const findings = this.lint(rule, testCase, name);
    const prefix = `${rule.meta.id} › ${name}`;
    if (testCase.findings.length === 0) throw new AssertionError({ message: `${prefix}: an invalid case must expect at least one finding` });
    if (findings.length !== testCase.findings.length) {
      throw new AssertionError({
        message: `${prefix}: expected ${testCase.findings.length} findings, got ${findings.length}:\n${findings.map(describeFinding).join("\n")}`,
        actual: findings.length,
        expected: testCase.findings.length,
        operator: "strictEqual",
      });
    }
    testCase.findings.forEach((expected, i) => {
      const finding = findings[i]!;
      const at = `${prefix}: finding ${i + 1} (${describeFinding(finding)})`;
      if (expected.target !== undefined && !sameTarget(expected.target, finding)) {
        throw new AssertionError({ message: `${at}: target differs`, actual: finding.target, expected: expected.target, operator: "deepStrictEqual" });
      }
      const message = expected.message;
      if (message !== undefined && (typeof message === "string" ? !finding.message.includes(message) : !message.test(finding.message))) {
        throw new AssertionError({ message: `${at}: message does not match ${String(message)}`, actual: finding.message, expected: String(message), operator: "match" });
      }
      if (expected.severity !== undefined && expected.severity !== finding.severity) {
        throw new AssertionError({ message: `${at}: severity differs`, actual: finding.severity, expected: expected.severity, operator: "strictEqual" });
      }
      if (expected.category !== undefined && expected.category !== finding.category) {
        throw new AssertionError({ message: `${at}: category differs`, actual: finding.category, expected: expected.category, operator: "strictEqual" });
      }
      for (const line of expected.evidence ?? []) {
        const found = finding.evidence.some((held) => (typeof line === "string" ? held.includes(line) : line.test(held)));
        if (!found) {
          throw new AssertionError({ message: `${at}: no evidence line matches ${String(line)}`, actual: finding.evidence, expected: String(line), operator: "match" });
        }
      }
      const exact = expected.exactEvidence;
      if (exact !== undefined) {
        const differs = exact.length !== finding.evidence.length || exact.some((line, j) => !matchesLine(line, finding.evidence[j]!));
        if (differs) {
          throw new AssertionError({ message: `${at}: evidence differs`, actual: finding.evidence, expected: exact.map(String), operator: "deepStrictEqual" });
        }
      }
      const tolerance = 10 ** -(this.options.burdenDigits ?? 2) / 2;
      for (const [figure, want] of Object.entries(expected.burden ?? {}) as [keyof FindingBurden, number | undefined][]) {
        const got = finding.burden[figure];
        if (want !== undefined && !(Math.abs(got - want) < tolerance)) {
          throw new AssertionError({ message: `${at}: burden.${figure} is ${got}, expected ${want}`, actual: got, expected: want, operator: "strictEqual" });
        }
      }
    });
  }
}
