import { describe, expect, it } from "vitest";
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
    expectFindings(findings, [{ target: { service: "svc", step: "check" }, message: "sends 25% of customers back to 'gather' to repeat 3 steps" }]);
    // One repeat costs 50 minutes and 12 days; a quarter of the 1,000 customers reaching 'check' repeat it.
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
    expect(finding?.message).toContain("sends 50% of customers back to 'apply'");
    expect(finding?.evidence[0]).toContain("assumed");
    expect(finding?.burden.minutesPerCustomer).toBe(5);
  });

  it("passes a service without rework flows", () => {
    expect(lintRule("rework-loop", oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "done", lane: "backstage" }]))).toEqual([]);
  });
});
