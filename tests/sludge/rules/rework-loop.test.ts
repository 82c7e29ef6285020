import { describe, expect, it } from "vitest";
import { lintCatalog, reworkLoop } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

const assumedShare = oneService([
  { id: "apply", lane: "customer", channel: "web", customerMinutes: 10 },
  { id: "check", lane: "backstage", next: [{ to: "done" }, { to: "apply", kind: "rework" }] },
  { id: "done", lane: "physical-evidence", outcome: "granted" },
]);
// The modeling guide's pattern: 20% of the 1,000 customers are asked for more evidence (120 minutes), then the
// claim is rated again (30 days) before the decision. By hand: the fix-up's 200 customers redo the rating once:
// 30 days each, no minutes (the 120 minutes are counted once, at the fix-up, in the service's hours).
const fixUp = oneService([
  {
    id: "rate",
    lane: "backstage",
    waitDays: 30,
    next: [
      { to: "letter", kind: "branch", share: 0.8 },
      { to: "fix", kind: "branch", share: 0.2 },
    ],
  },
  { id: "fix", lane: "customer", channel: "web", customerMinutes: 120, next: [{ to: "letter" }, { to: "rate", kind: "rework", share: 1 }] },
  { id: "letter", lane: "physical-evidence", channel: "mail", outcome: "granted" },
]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(reworkLoop, {
  valid: [{ name: "a service without rework flows", catalog: oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "done", lane: "backstage" }]) }],
  invalid: [
    {
      // One repeat costs 50 minutes and 12 days (gather, apply, and the check everyone meets again); a quarter of
      // the 1,000 customers reaching 'check' repeat it: 12.5 minutes and 3 days on average per customer at check.
      name: "a rework flow with the share sent back and what one repeat costs",
      catalog: oneService([
        { id: "gather", lane: "customer", channel: "web", customerMinutes: 30 },
        { id: "apply", lane: "customer", channel: "web", customerMinutes: 20, waitDays: 2 },
        {
          id: "check",
          lane: "backstage",
          waitDays: 10,
          failPoint: { description: "Missing documents" },
          next: [{ to: "done" }, { to: "gather", kind: "rework", share: 0.25 }],
        },
        { id: "done", lane: "physical-evidence", outcome: "granted" },
      ]),
      findings: [
        {
          target: atStep("check"),
          message: "sends 25% of the customers reaching it (25% of the service's) back to 'gather' to repeat 3 steps",
          evidence: [exactly("fail point: Missing documents")],
          burden: { minutesPerCustomer: 12.5, waitDays: 3, customersPerYear: 1000 },
        },
      ],
    },
    {
      name: "a rework flow with no stated share, sending back assumedShare",
      catalog: assumedShare,
      options: { assumedShare: 0.5 },
      findings: [
        {
          target: atStep("check"),
          message: "sends 50% of the customers reaching it (50% of the service's) back to 'apply'",
          exactEvidence: ["step 'check' sends customers back to 'apply' (share 0.5, assumed)", "steps repeated: 'apply', 'check'", "one repeat costs 10 minutes and 0 days of waiting"],
          burden: { minutesPerCustomer: 5 },
        },
      ],
    },
    {
      name: "a fix-up's rework priced as the steps redone, never as a second copy of the fix-up",
      catalog: fixUp,
      findings: [
        {
          target: atStep("fix"),
          message: exactly("Step 'fix' sends 100% of the customers reaching it (20% of the service's) back to 'rate' to repeat 1 step"),
          burden: { minutesPerCustomer: 0, waitDays: 30, customersPerYear: 200 },
        },
      ],
    },
  ],
});

describe("rework-loop beyond the rule's findings", () => {
  it("counts a fix-up's minutes once in the service's burden", () => {
    const burden = lintCatalog(fixUp, { rules: {} }).burden.services[0]!;
    // 120 minutes × 200 customers ÷ 60 = 400 hours, once; waits per customer 30 + 0.2 × 30 = 36 days.
    expect(burden.annualHours).toBeCloseTo(400, 6);
    expect(burden.waitDaysPerCustomer).toBeCloseTo(36, 6);
  });
});
