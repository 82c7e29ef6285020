import { AssertionError } from "node:assert";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deadlineWithoutReminder, defineRule, lengthyStep, longWait } from "../../src/index.js";
import { RuleTester } from "../../src/testing/index.js";
import { oneService } from "./rules/fixtures.js";

const noFax = defineRule({
  meta: {
    id: "no-fax",
    title: "No fax",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: false,
    description: "A step uses a fax channel.",
    rationale: "Few households own a fax machine.",
    sources: [],
    remediation: "Offer an upload.",
    options: z.strictObject({ channels: z.array(z.string()).default(["fax"]) }),
  },
  check(ctx) {
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.channel !== undefined && ctx.options.channels.includes(step.channel)) {
          ctx.report({ target: { service: service.id, step: step.id }, message: `Step '${step.id}' uses fax` });
        }
      }
    }
  },
});

const web = oneService([{ id: "apply", lane: "customer", channel: "web" }]);
const fax = oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "send", lane: "customer", channel: "fax" }]);

// Registered through vitest: one test per case.
new RuleTester({ describe, it }).run(noFax, {
  valid: [{ name: "web only", catalog: web }, { name: "fax not listed", catalog: fax, options: { channels: ["paper"] } }],
  invalid: [{ name: "a fax step", catalog: fax, findings: [{ target: { service: "svc", step: "send" }, message: /uses fax/, severity: "warning" }] }],
});

// A built-in rule through the same tester.
new RuleTester({ describe, it }).run(longWait, {
  valid: [{ catalog: oneService([{ id: "a", lane: "backstage", waitDays: 3 }]) }],
  invalid: [{ catalog: oneService([{ id: "a", lane: "backstage", waitDays: 300 }]), findings: [{ message: "300 days" }] }],
});

describe("RuleTester without a test runner", () => {
  const tester = new RuleTester();

  it("passes silently when every case holds", () => {
    expect(() => tester.run(noFax, { valid: [{ catalog: web }], invalid: [{ catalog: fax, findings: [{ target: { service: "svc", step: "send" } }] }] })).not.toThrow();
  });

  it("throws an AssertionError naming the case on an unexpected finding", () => {
    expect(() => tester.run(noFax, { valid: [{ name: "oops", catalog: fax }], invalid: [] })).toThrow(AssertionError);
    expect(() => tester.run(noFax, { valid: [{ name: "oops", catalog: fax }], invalid: [] })).toThrow(/no-fax › oops: expected no findings, got 1/);
  });

  it("throws on a wrong count, target, message or severity", () => {
    const run = (findings: object[]) => () => tester.run(noFax, { valid: [], invalid: [{ catalog: fax, findings }] });
    expect(run([{}, {}])).toThrow(/expected 2 findings, got 1/);
    expect(run([{ target: { service: "svc", step: "apply" } }])).toThrow(/target differs/);
    expect(run([{ message: "uses paper" }])).toThrow(/message does not match/);
    expect(run([{ severity: "error" }])).toThrow(/severity differs/);
    expect(run([])).toThrow(/must expect at least one finding/);
  });

  it("reports a rule that throws, with the rule's own stack and the error as cause", () => {
    function deepInsideTheRule(): never {
      throw new Error("kaput");
    }
    const broken = defineRule({ ...noFax, meta: { ...noFax.meta, id: "broken" }, check: () => deepInsideTheRule() });
    let caught: unknown;
    try {
      tester.run(broken, { valid: [{ name: "web", catalog: web }], invalid: [] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AssertionError);
    const assertion = caught as AssertionError & { cause?: unknown };
    expect(assertion.message).toMatch(/broken › web: the rule threw: Error: kaput\n\s+at deepInsideTheRule/);
    expect((assertion.cause as Error).message).toBe("kaput");
  });

  it("names the case whose options are invalid", () => {
    expect(() => tester.run(noFax, { valid: [{ name: "typo", catalog: web, options: { channel: ["fax"] } }], invalid: [] })).toThrow(
      /no-fax › typo: the case's options or date are invalid:\n\s+rules\["no-fax"\]\[1\]: Unrecognized key: "channel" \(did you mean 'channels'\?\)/,
    );
    expect(() => tester.run(noFax, { valid: [{ name: "bad date", catalog: web, today: "2026-13-01" }], invalid: [] })).toThrow(/no-fax › bad date: the case's options or date are invalid/);
  });

  it("checks burden, evidence and category when given", () => {
    const slow = oneService([{ id: "apply", lane: "customer", channel: "web", customerMinutes: 120 }]);
    const run = (finding: object) => () => tester.run(lengthyStep, { valid: [], invalid: [{ catalog: slow, findings: [finding] }] });
    expect(run({ burden: { minutesPerCustomer: 120, customersPerYear: 1000, annualHours: 2000 }, category: "compliance" })).not.toThrow();
    expect(run({ burden: { annualHours: 2000.001 } })).not.toThrow();
    expect(run({ burden: { annualHours: 2001 } })).toThrow(/burden\.annualHours is 2000, expected 2001/);
    expect(run({ category: "time" })).toThrow(/category differs/);
    expect(run({ evidence: ["nothing like this"] })).toThrow(/no evidence line matches nothing like this/);
  });

  it("checks the whole evidence, in order, when exactEvidence is given", () => {
    const enroll = oneService([{ id: "enroll", lane: "customer", channel: "web", deadline: { description: "Enroll", days: 210, penalty: "Surcharge" } }]);
    const lines = ["step 'enroll' deadline: Enroll", "days allowed: 210", "penalty: Surcharge", "reminder: none"];
    const run = (exactEvidence: (string | RegExp)[]) => () => tester.run(deadlineWithoutReminder, { valid: [], invalid: [{ catalog: enroll, findings: [{ exactEvidence }] }] });
    expect(run(lines)).not.toThrow();
    expect(run([/deadline: Enroll$/, ...lines.slice(1)])).not.toThrow();
    expect(run(lines.slice(1))).toThrow(/evidence differs/);
    expect(run([...lines, "one more"])).toThrow(/evidence differs/);
    expect(run([...lines].reverse())).toThrow(/evidence differs/);
    // A string must be the whole line, not a part of it.
    expect(run(["deadline: Enroll", ...lines.slice(1)])).toThrow(/finding 1 .*: evidence differs/);
  });

  it("matches burden to burdenDigits decimal places when the tester sets them", () => {
    const slow = oneService([{ id: "apply", lane: "customer", channel: "web", customerMinutes: 121 }]);
    // 1,000 customers × 121 minutes ÷ 60 = 2,016.666… hours, which the engine rounds to 2,016.666667.
    const run = (burdenDigits: number | undefined, annualHours: number) => () =>
      new RuleTester({ burdenDigits }).run(lengthyStep, { valid: [], invalid: [{ catalog: slow, findings: [{ burden: { annualHours } }] }] });
    expect(run(undefined, 2016.67)).not.toThrow();
    expect(run(6, 2016.67)).toThrow(/burden\.annualHours is 2016\.666667, expected 2016\.67/);
    expect(run(6, (1000 * 121) / 60)).not.toThrow();
    expect(run(6, (1000 * 121) / 60 + 1e-6)).toThrow(/burden\.annualHours/);
    expect(run(0, 2017)).not.toThrow();
  });

  it("lints each case on its own date", () => {
    const stale = { catalog: oneService([{ id: "a", lane: "backstage", waitDays: 300 }]) };
    expect(() => tester.run(longWait, { valid: [], invalid: [{ ...stale, today: "2027-01-01", findings: [{ message: "300 days" }] }] })).not.toThrow();
  });
});
