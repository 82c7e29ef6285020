import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("in-person-only", () => {
  it("flags in-person customer steps of a service with no digital or phone channel", () => {
    const catalog = oneService(
      [
        { id: "visit", lane: "customer", channel: "office", travelMinutes: 40, holdMinutes: 25 },
        { id: "kiosk-step", lane: "frontstage", channel: "kiosk" },
        { id: "send", lane: "customer", channel: "mail" },
        { id: "decide", lane: "backstage", channel: "office" },
      ],
      { channels: ["office", "mail"] },
    );
    const findings = lintRule("in-person-only", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "visit" }, message: "can only be done in person" },
      { target: { service: "svc", step: "kiosk-step" }, message: "has no digital or phone channel" },
    ]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(65);
    expect(findings[0]!.evidence.join("\n")).toContain("channels: 'office', 'mail'");
  });

  it("passes an in-person step customers can avoid when the service also offers a digital or phone channel", () => {
    const viaList = oneService([{ id: "visit", lane: "customer", channel: "office", outcome: "withdrawn" }], { channels: ["office", "phone"] });
    const branch = oneService([
      {
        id: "choose",
        lane: "customer",
        channel: "web",
        next: [
          { to: "online", kind: "branch", share: 0.9 },
          { to: "visit", kind: "branch", share: 0.1 },
        ],
      },
      { id: "online", lane: "customer", channel: "app", next: [{ to: "done" }] },
      { id: "visit", lane: "customer", channel: "office", next: [{ to: "done" }] },
      { id: "done", lane: "physical-evidence", channel: "mail", outcome: "granted" },
    ]);
    expect(lintRule("in-person-only", viaList)).toEqual([]);
    expect(lintRule("in-person-only", branch)).toEqual([]);
  });

  it("flags a required in-person step in a service with digital steps elsewhere", () => {
    // A portal for the application, but every path to the loan passes through a closing at the office.
    const cat = oneService([
      { id: "apply", lane: "customer", channel: "app", next: [{ to: "closing" }] },
      { id: "closing", lane: "customer", channel: "office", travelMinutes: 40, holdMinutes: 20, notarization: true, next: [{ to: "funded" }] },
      { id: "funded", lane: "physical-evidence", channel: "mail", outcome: "granted" },
    ]);
    const findings = lintRule("in-person-only", cat);
    expectFindings(findings, [{ target: { service: "svc", step: "closing" }, message: "every path to the outcome of service 'svc' passes through it" }]);
    // 1,000 customers × (40 + 20) minutes ÷ 60 = 1,000 hours.
    expect(findings[0]!.burden.annualHours).toBeCloseTo(1000, 6);
  });

  it("honours exempt activities, the lanes and the alternative groups", () => {
    const catalog = oneService([{ id: "exam", lane: "customer", activity: "attend", channel: "office" }], { channels: ["office", "mail"] });
    expect(lintRule("in-person-only", catalog, { exemptActivities: ["attend"] })).toEqual([]);
    expect(lintRule("in-person-only", catalog, { lanes: ["frontstage"] })).toEqual([]);
    // Paper counts as an alternative, but the exam is still the only way to the outcome.
    expect(lintRule("in-person-only", catalog, { alternatives: ["paper"] })[0]?.message).toContain("every path to the outcome");
  });
});
