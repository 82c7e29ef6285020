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

  it("flags a reminder that comes after the deadline, is not a notice from the agency, or reaches only some customers", () => {
    const penalty = { description: "Enroll", penalty: "Surcharge" };
    // The outcome letter after the deadline step cannot remind anyone of it.
    const after = oneService([
      { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "letter" } },
      { id: "letter", lane: "physical-evidence", channel: "mail", outcome: "granted" },
    ]);
    expect(lintRule("deadline-without-reminder", after)[0]?.message).toContain("its reminder 'letter' is not a notice from the agency (lane physical-evidence, outcome granted)");
    const later = oneService([
      { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "notice" } },
      { id: "notice", lane: "frontstage", channel: "mail", activity: "notify" },
      { id: "done", lane: "physical-evidence", channel: "mail", outcome: "completed" },
    ]);
    expect(lintRule("deadline-without-reminder", later)[0]?.message).toContain("does not reach customers before the deadline");
    // A backstage step is not something the customer receives.
    const backstage = oneService([
      { id: "flag", lane: "backstage" },
      { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "flag" } },
    ]);
    expect(lintRule("deadline-without-reminder", backstage)[0]?.message).toContain("is not a notice from the agency (lane backstage)");
    // By hand: 70% get the notice (branch), 30% do not; all reach the deadline: the reminder reaches 70%.
    const partial = oneService([
      {
        id: "start",
        lane: "customer",
        channel: "web",
        next: [
          { to: "notice", kind: "branch", share: 0.7 },
          { to: "enroll", kind: "branch", share: 0.3 },
        ],
      },
      { id: "notice", lane: "frontstage", channel: "mail", activity: "notify", next: [{ to: "enroll" }] },
      { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "notice" } },
    ]);
    expect(lintRule("deadline-without-reminder", partial)[0]?.message).toContain("reaches only 70% of the customers before the deadline");
    // A notice attached to the deadline step reaches everyone there.
    const attached = oneService([
      { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "text" } },
      { id: "text", lane: "frontstage", channel: "phone", activity: "notify", attachedTo: "enroll" },
    ]);
    expect(lintRule("deadline-without-reminder", attached)).toEqual([]);
  });

  it("flags every deadline without a reminder when requirePenalty is off", () => {
    const catalog = oneService([{ id: "respond", lane: "customer", deadline: { description: "Respond within 30 days" } }]);
    expectFindings(lintRule("deadline-without-reminder", catalog, { requirePenalty: false }), [
      { target: { service: "svc", step: "respond" }, message: "has a deadline and no step reminds" },
    ]);
  });
});
