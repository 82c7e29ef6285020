import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

const tenDays = { description: "Send the proof within ten days of the letter", days: 10 };

describe("short-deadline-by-post", () => {
  it("flags a short deadline whose only notice is a letter, on the customers who reach it", () => {
    // By hand: 1,000 customers apply; 25% get the verification letter (branch) with a 10-day deadline (< 30) sent by
    // post only: 1,000 × 0.25 = 250 customers a year; no minutes (the risk is a missed deadline, not time).
    const findings = lintRule(
      "short-deadline-by-post",
      oneService([
        {
          id: "apply",
          lane: "customer",
          channel: "web",
          next: [
            { to: "letter", kind: "branch", share: 0.25 },
            { to: "done", kind: "branch", share: 0.75 },
          ],
        },
        { id: "letter", lane: "physical-evidence", channel: "mail", deadline: tenDays, next: [{ to: "done" }] },
        { id: "done", lane: "physical-evidence", channel: "mail", outcome: "granted" },
      ]),
    );
    expectFindings(findings, [
      {
        target: { service: "svc", step: "letter" },
        message: "Step 'letter' gives 10 days (fewer than 30) and its notice reaches customers only by post ('letter'), with no digital or phone notice",
      },
    ]);
    expect(findings[0]!.burden.customersPerYear).toBeCloseTo(250, 9);
    expect(findings[0]!.burden.annualHours).toBe(0);
  });

  it("finds the letter that flows into the reply, and its reminder", () => {
    // The deadline sits on the customer's reply; the notice is the letter right before it.
    const before = oneService([
      { id: "checklist", lane: "physical-evidence", channel: "mail" },
      { id: "send-proofs", lane: "customer", channel: "office", deadline: tenDays },
    ]);
    expectFindings(lintRule("short-deadline-by-post", before), [{ target: { service: "svc", step: "send-proofs" }, message: "only by post ('checklist')" }]);
    // A named reminder counts as a notice (here it is also the notice right before the reply, so the checklist two
    // steps up is not one): by post it is flagged, in the app it clears the finding.
    const reminded = (channel: string) =>
      oneService([
        { id: "checklist", lane: "physical-evidence", channel: "mail" },
        { id: "nudge", lane: "frontstage", channel, activity: "notify" },
        { id: "send-proofs", lane: "customer", channel: "office", deadline: { ...tenDays, reminder: "nudge" } },
      ]);
    expect(lintRule("short-deadline-by-post", reminded("mail"))[0]?.message).toContain("only by post ('nudge')");
    expect(lintRule("short-deadline-by-post", reminded("app"))).toEqual([]);
  });

  it("passes a digital or phone notice beside the letter, a long deadline, an unknown length, and a deadline with no notice", () => {
    const withText = oneService([
      { id: "letter", lane: "physical-evidence", channel: "mail", deadline: tenDays },
      { id: "text", lane: "frontstage", channel: "phone", attachedTo: "letter" },
    ]);
    expect(lintRule("short-deadline-by-post", withText)).toEqual([]);
    const long = oneService([{ id: "letter", lane: "physical-evidence", channel: "mail", deadline: { ...tenDays, days: 30 } }]);
    expect(lintRule("short-deadline-by-post", long)).toEqual([]);
    expect(lintRule("short-deadline-by-post", long, { maxDays: 31 })).toHaveLength(1);
    const unknown = oneService([{ id: "letter", lane: "physical-evidence", channel: "mail", deadline: { description: "Reply soon" } }]);
    expect(lintRule("short-deadline-by-post", unknown)).toEqual([]);
    // No notice at all is deadline-without-reminder's finding, not this one.
    const none = oneService([{ id: "reply", lane: "customer", channel: "web", deadline: tenDays }]);
    expect(lintRule("short-deadline-by-post", none)).toEqual([]);
  });
});
