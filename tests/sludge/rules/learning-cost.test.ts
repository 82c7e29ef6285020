import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("learning-cost", () => {
  it("flags a learning step whose effort, hold and travel exceed the threshold", () => {
    const catalog = oneService([
      { id: "learn", lane: "customer", activity: "learn", channel: "phone", customerMinutes: 15, holdMinutes: 20 },
      { id: "apply", lane: "customer", activity: "apply", channel: "web", customerMinutes: 90 },
    ]);
    const findings = lintRule("learning-cost", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "learn" }, message: "35 minutes just to learn" }]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(35);
  });

  it("passes a short learning step", () => {
    expect(lintRule("learning-cost", oneService([{ id: "learn", lane: "customer", activity: "learn", customerMinutes: 20 }]))).toEqual([]);
  });

  it("reads its threshold", () => {
    const catalog = oneService([{ id: "learn", lane: "customer", activity: "learn", customerMinutes: 12 }]);
    expect(lintRule("learning-cost", catalog, { maxMinutes: 10 })).toHaveLength(1);
  });
});
