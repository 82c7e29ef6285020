import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("deadline-without-reminder", () => {
  it("flags a deadline with a penalty and no reminder step", () => {
    const catalog = oneService([
      { id: "enroll", lane: "customer", channel: "web", deadline: { description: "Enroll within 7 months", days: 210, penalty: "Lifelong surcharge" } },
    ]);
    const findings = lintRule("deadline-without-reminder", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "enroll" }, message: "a penalty (Lifelong surcharge) and no step reminds" }]);
    expect(findings[0]!.evidence).toEqual(["step 'enroll' deadline: Enroll within 7 months", "days allowed: 210", "penalty: Lifelong surcharge", "reminder: none"]);
  });

  it("passes a deadline with a reminder, and one without a penalty", () => {
    const catalog = oneService([
      { id: "remind", lane: "physical-evidence", channel: "mail" },
      { id: "enroll", lane: "customer", deadline: { description: "Enroll", penalty: "Surcharge", reminder: "remind" } },
      { id: "respond", lane: "customer", deadline: { description: "Respond within 30 days" } },
    ]);
    expect(lintRule("deadline-without-reminder", catalog)).toEqual([]);
  });

  it("flags every deadline without a reminder when requirePenalty is off", () => {
    const catalog = oneService([{ id: "respond", lane: "customer", deadline: { description: "Respond within 30 days" } }]);
    expectFindings(lintRule("deadline-without-reminder", catalog, { requirePenalty: false }), [
      { target: { service: "svc", step: "respond" }, message: "has a deadline and no step reminds" },
    ]);
  });
});
