import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("repeated-documents", () => {
  it("flags a document requested twice on one path, costing minutesPerRepeat", () => {
    const findings = lintRule(
      "repeated-documents",
      oneService([
        { id: "apply", lane: "customer", channel: "web", documentsAsked: ["birth-cert"] },
        { id: "visit", lane: "customer", channel: "office", documentsAsked: ["birth-cert", "dd214"] },
      ]),
    );
    expectFindings(findings, [{ target: { service: "svc", step: "visit" }, message: "Document 'birth-cert' is asked again at step 'visit'" }]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(10);
    expect(findings[0]!.burden.annualHours).toBeCloseTo((10 * 1000) / 60, 5);
  });

  it("passes documents asked once", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", documentsAsked: ["birth-cert"] },
      { id: "visit", lane: "customer", channel: "office", documentsAsked: ["dd214"] },
    ]);
    expect(lintRule("repeated-documents", catalog)).toEqual([]);
  });

  it("reads minutesPerRepeat", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", documentsAsked: ["birth-cert"] },
      { id: "visit", lane: "customer", documentsAsked: ["birth-cert"] },
    ]);
    expect(lintRule("repeated-documents", catalog, { minutesPerRepeat: 30 })[0]?.burden.minutesPerCustomer).toBe(30);
  });
});
