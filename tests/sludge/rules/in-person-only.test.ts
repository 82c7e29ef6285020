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

  it("passes when the service also offers a digital or phone channel", () => {
    const viaList = oneService([{ id: "visit", lane: "customer", channel: "office" }], { channels: ["office", "phone"] });
    const viaStep = oneService([
      { id: "visit", lane: "customer", channel: "office" },
      { id: "follow-up", lane: "customer", channel: "app" },
    ]);
    expect(lintRule("in-person-only", viaList)).toEqual([]);
    expect(lintRule("in-person-only", viaStep)).toEqual([]);
  });

  it("honours exempt activities, the lanes and the alternative groups", () => {
    const catalog = oneService([{ id: "exam", lane: "customer", activity: "attend", channel: "office" }], { channels: ["office", "mail"] });
    expect(lintRule("in-person-only", catalog, { exemptActivities: ["attend"] })).toEqual([]);
    expect(lintRule("in-person-only", catalog, { lanes: ["frontstage"] })).toEqual([]);
    expect(lintRule("in-person-only", catalog, { alternatives: ["paper"] })).toEqual([]);
  });
});
