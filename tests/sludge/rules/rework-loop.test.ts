import { describe, expect, it } from "vitest";
import { lintCatalog } from "../../../src/index.js";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("rework-loop", () => {
  it("flags a rework flow with the share sent back and what one repeat costs", () => {
    const catalog = oneService([
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
    ]);
    const findings = lintRule("rework-loop", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "check" }, message: "sends 25% of the customers reaching it (25% of the service's) back to 'gather' to repeat 3 steps" },
    ]);
    // One repeat costs 50 minutes and 12 days (gather, apply, and the check everyone meets again); a quarter of the
    // 1,000 customers reaching 'check' repeat it: 12.5 minutes and 3 days on average per customer at check.
    expect(findings[0]!.burden).toMatchObject({ minutesPerCustomer: 12.5, waitDays: 3, customersPerYear: 1000 });
    expect(findings[0]!.evidence).toContain("fail point: Missing documents");
  });

  it("assumes a share when neither the flow nor the fail point states one", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", customerMinutes: 10 },
      { id: "check", lane: "backstage", next: [{ to: "done" }, { to: "apply", kind: "rework" }] },
      { id: "done", lane: "physical-evidence", outcome: "granted" },
    ]);
    const [finding] = lintRule("rework-loop", catalog, { assumedShare: 0.5 });
    expect(finding?.message).toContain("sends 50% of the customers reaching it (50% of the service's) back to 'apply'");
    expect(finding?.evidence[0]).toContain("assumed");
    expect(finding?.burden.minutesPerCustomer).toBe(5);
  });

  it("prices a fix-up's rework as the steps redone, never as a second copy of the fix-up", () => {
    // The modeling guide's pattern: 20% of the 1,000 customers are asked for more evidence (120 minutes), then the
    // claim is rated again (30 days) before the decision. By hand: the fix-up's 200 customers redo the rating
    // once: 30 days each, no minutes (the 120 minutes are counted once, at the fix-up, in the service's hours).
    const catalog = oneService([
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
    const [finding] = lintRule("rework-loop", catalog);
    expect(finding?.message).toBe("Step 'fix' sends 100% of the customers reaching it (20% of the service's) back to 'rate' to repeat 1 step");
    expect(finding?.burden).toMatchObject({ minutesPerCustomer: 0, waitDays: 30, customersPerYear: 200 });
    const burden = lintCatalog(catalog, { rules: {} }).burden.services[0]!;
    // 120 minutes × 200 customers ÷ 60 = 400 hours, once; waits per customer 30 + 0.2 × 30 = 36 days.
    expect(burden.annualHours).toBeCloseTo(400, 6);
    expect(burden.waitDaysPerCustomer).toBeCloseTo(36, 6);
  });

  it("passes a service without rework flows", () => {
    expect(lintRule("rework-loop", oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "done", lane: "backstage" }]))).toEqual([]);
  });
});
