import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("travel-required", () => {
  it("flags a step with travel, counting the travel minutes", () => {
    const catalog = oneService([
      { id: "visit", lane: "customer", channel: "office", travelMinutes: 90 },
      { id: "decide", lane: "backstage" },
    ]);
    const findings = lintRule("travel-required", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "visit" }, message: "travel 90 minutes" }]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(90);
    expect(findings[0]!.evidence).toContain("channel: 'office' (in-person)");
  });

  it("passes steps without travel", () => {
    expect(lintRule("travel-required", oneService([{ id: "visit", lane: "customer", channel: "office" }]))).toEqual([]);
  });

  it("ignores travel up to the threshold", () => {
    const catalog = oneService([{ id: "visit", lane: "customer", channel: "office", travelMinutes: 15 }]);
    expect(lintRule("travel-required", catalog, { minTravelMinutes: 15 })).toEqual([]);
  });
});
