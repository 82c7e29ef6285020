import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("auto-enrolment-possible", () => {
  it("flags an application that asks only for facts government holds, counting the whole step", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", activity: "apply", channel: "web", customerMinutes: 25, holdMinutes: 5, dataAsked: ["ssn", "dob"], documentsAsked: ["tax-return"] },
      { id: "decide", lane: "backstage" },
    ]);
    const findings = lintRule("auto-enrolment-possible", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "apply" }, message: "could be enrolled without applying" }]);
    expect(findings[0]!.evidence).toContain("all held by: IRS, SSA");
    expect(findings[0]!.burden.minutesPerCustomer).toBe(30);
  });

  it("passes an application that asks for anything no agency holds, asks nothing, or is not an opt-in", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", activity: "apply", dataAsked: ["ssn", "income"] },
      { id: "renew", lane: "customer", activity: "renew" },
      { id: "update", lane: "customer", activity: "provide-information", dataAsked: ["ssn"] },
      { id: "no-activity", lane: "customer", dataAsked: ["ssn"] },
    ]);
    expect(lintRule("auto-enrolment-possible", catalog)).toEqual([]);
  });

  it("reads its activities, minimum items, holder scope and minutes", () => {
    const catalog = oneService([{ id: "update", lane: "customer", activity: "provide-information", customerMinutes: 9, dataAsked: ["ssn", "agi"] }]);
    expect(lintRule("auto-enrolment-possible", catalog, { activities: ["provide-information"], minItems: 3 })).toEqual([]);
    expect(lintRule("auto-enrolment-possible", catalog, { activities: ["provide-information"], heldBy: "asking-agency" })).toEqual([]);
    const [finding] = lintRule("auto-enrolment-possible", catalog, { activities: ["provide-information"], minutesSaved: "none" });
    expect(finding?.burden.minutesPerCustomer).toBe(0);
  });
});
