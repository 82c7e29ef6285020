import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("asked-for-held-data", () => {
  it("flags data elements and documents some agency already holds, in one finding per step", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", dataAsked: ["ssn", "income", "agi"], documentsAsked: ["tax-return", "birth-cert"] },
      { id: "review", lane: "backstage", dataAsked: ["dob"] },
    ]);
    const findings = lintRule("asked-for-held-data", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "apply" }, message: "asks customers for 3 things government already holds: 'ssn', 'agi', 'tax-return'" },
    ]);
    expect(findings[0]!.evidence).toEqual([
      "data element 'ssn' is held by SSA, IRS",
      "data element 'agi' is held by IRS",
      "document 'tax-return' is held by IRS",
    ]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(2 + 2 + 15);
  });

  it("passes steps that ask only for what no agency holds", () => {
    const catalog = oneService([{ id: "apply", lane: "customer", channel: "web", dataAsked: ["income", "address"], documentsAsked: ["birth-cert"] }]);
    expect(lintRule("asked-for-held-data", catalog)).toEqual([]);
  });

  it("with heldBy asking-agency, flags only what the service's own agency holds", () => {
    const catalog = oneService([{ id: "apply", lane: "customer", dataAsked: ["dob", "agi"] }]);
    expectFindings(lintRule("asked-for-held-data", catalog, { heldBy: "asking-agency" }), [
      { target: { service: "svc", step: "apply" }, message: "1 thing government already holds: 'dob'" },
    ]);
  });
});
