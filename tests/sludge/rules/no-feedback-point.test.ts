import { describe, expect, it } from "vitest";
import { catalog, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

const steps = [{ id: "apply", lane: "customer" as const, channel: "web" }];
const collection = { survey: "v2" as const, fiscalYear: 2024, quarter: 1, trust: { positive: 10, negative: 2 } };

describe("no-feedback-point", () => {
  it("flags a designated service with no feedback collection", () => {
    const input = catalog({ services: [service("designated", steps, { designated: true })] });
    const findings = lintRule("no-feedback-point", input);
    expectFindings(findings, [{ target: { service: "designated" }, message: "collects no post-transaction feedback" }]);
    expect(findings[0]!.category).toBe("a11");
    expect(findings[0]!.evidence).toContain("agency SSA is a High-Impact Service Provider");
  });

  it("passes a designated service with feedback and a service that is not designated", () => {
    const input = catalog({
      services: [service("designated", steps, { designated: true, feedback: [collection] }), service("plain", steps)],
    });
    expect(lintRule("no-feedback-point", input)).toEqual([]);
  });
});
