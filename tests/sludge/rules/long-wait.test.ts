import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("long-wait", () => {
  it("flags waits in days and holds in minutes over the thresholds, in one finding per step", () => {
    const catalog = oneService([
      { id: "call", lane: "customer", channel: "phone", holdMinutes: 45 },
      { id: "review", lane: "backstage", waitDays: 90 },
      { id: "both", lane: "frontstage", channel: "office", holdMinutes: 31, waitDays: 31 },
    ]);
    const findings = lintRule("long-wait", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "call" }, message: "45 minutes on hold or in a queue" },
      { target: { service: "svc", step: "review" }, message: "a wait of 90 days" },
      { target: { service: "svc", step: "both" }, message: "a wait of 31 days and 31 minutes on hold" },
    ]);
    expect(findings[0]!.burden).toMatchObject({ minutesPerCustomer: 45, waitDays: 0 });
    expect(findings[1]!.burden).toMatchObject({ minutesPerCustomer: 0, waitDays: 90 });
  });

  it("passes waits at or under the thresholds", () => {
    const catalog = oneService([
      { id: "call", lane: "customer", channel: "phone", holdMinutes: 30 },
      { id: "review", lane: "backstage", waitDays: 30 },
    ]);
    expect(lintRule("long-wait", catalog)).toEqual([]);
  });

  it("reads its thresholds", () => {
    const catalog = oneService([{ id: "review", lane: "backstage", waitDays: 10, holdMinutes: 10 }]);
    expect(lintRule("long-wait", catalog, { maxWaitDays: 10, maxHoldMinutes: 10 })).toEqual([]);
    expectFindings(lintRule("long-wait", catalog, { maxWaitDays: 5 }), [{ target: { service: "svc", step: "review" }, message: "10 days" }]);
  });
});
