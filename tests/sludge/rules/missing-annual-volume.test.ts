import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

const steps = [{ id: "apply", lane: "customer" as const, channel: "web" }];

describe("missing-annual-volume", () => {
  it("flags a service without an annual volume, pointing at reported quarterly volumes", () => {
    const catalog = oneService(steps, {
      occasion: { kind: "intent", story: "I need it" },
      feedback: [{ survey: "v1", fiscalYear: 2024, quarter: 1, volumes: { customers: 2500 } }],
    });
    const findings = lintRule("missing-annual-volume", catalog);
    expectFindings(findings, [{ target: { service: "svc" }, message: "states no annual volume" }]);
    expect(findings[0]!.evidence).toContain("feedback FY2024 Q1 reports 2500 customers in the quarter");
  });

  it("passes a service with an annual volume, even zero", () => {
    expect(lintRule("missing-annual-volume", oneService(steps))).toEqual([]);
    expect(lintRule("missing-annual-volume", oneService(steps, { occasion: { kind: "intent", story: "x", annualVolume: 0 } }))).toEqual([]);
  });
});
