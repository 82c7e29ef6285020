import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("lengthy-step", () => {
  it("flags a customer-facing step over the effort threshold", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", customerMinutes: 120 },
      { id: "review", lane: "backstage", customerMinutes: 500 },
    ]);
    const findings = lintRule("lengthy-step", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "apply" }, message: "120 minutes of effort" }]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(120);
  });

  it("passes steps at or under the threshold", () => {
    expect(lintRule("lengthy-step", oneService([{ id: "apply", lane: "customer", customerMinutes: 60 }]))).toEqual([]);
  });

  it("reads its threshold and lanes", () => {
    const catalog = oneService([{ id: "review", lane: "backstage", customerMinutes: 30 }]);
    expectFindings(lintRule("lengthy-step", catalog, { maxMinutes: 20, lanes: ["backstage"] }), [
      { target: { service: "svc", step: "review" }, message: "30 minutes" },
    ]);
  });
});
