import { describe, expect, it } from "vitest";
import { presetRules } from "../../../src/index.js";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("access-undeclared", () => {
  it("flags customer-facing steps that declare no languages, or (digital and phone) no accessibility", () => {
    // By hand: 'apply' (web) states neither; 'call' (phone) states languages but not accessibility; 'visit'
    // (office) states no languages (accessibility is not asked of an office: the schema's `accessible` is Section 508);
    // 'done' declares both; 'decide' is backstage; 'think' has no channel. Each finding counts the customers who
    // reach the step (all 1,000 here) and no hours.
    const findings = lintRule(
      "access-undeclared",
      oneService([
        { id: "apply", lane: "customer", channel: "web" },
        { id: "call", lane: "frontstage", channel: "phone", languages: ["en", "es"] },
        { id: "visit", lane: "customer", channel: "office" },
        { id: "decide", lane: "backstage", channel: "web" },
        { id: "think", lane: "customer" },
        { id: "done", lane: "physical-evidence", channel: "web", languages: ["en"], accessible: false },
      ]),
    );
    expectFindings(findings, [
      { target: { service: "svc", step: "apply" }, message: "Step 'apply' does not declare its languages or whether it is accessible (Section 508)" },
      { target: { service: "svc", step: "call" }, message: "Step 'call' does not declare whether it is accessible (Section 508)" },
      { target: { service: "svc", step: "visit" }, message: "Step 'visit' does not declare its languages" },
    ]);
    expect(findings.map((f) => f.burden.customersPerYear)).toEqual([1000, 1000, 1000]);
    expect(findings.every((f) => f.burden.annualHours === 0)).toBe(true);
  });

  it("checks only what the options ask", () => {
    const c = oneService([{ id: "apply", lane: "customer", channel: "web" }]);
    expect(lintRule("access-undeclared", c, { check: ["accessible"] })[0]?.message).toBe("Step 'apply' does not declare whether it is accessible (Section 508)");
    expect(lintRule("access-undeclared", c, { check: [] })).toEqual([]);
  });

  it("is in the strict preset only (raised to a warning)", () => {
    expect(presetRules("strict").find((r) => r.id === "access-undeclared")?.severity).toBe("warning");
    expect(presetRules("recommended").some((r) => r.id === "access-undeclared")).toBe(false);
    // Only strict: `all` (every other rule at its default) and `a11` leave it out.
    expect(presetRules("all").some((r) => r.id === "access-undeclared")).toBe(false);
    expect(presetRules("all").some((r) => r.id === "accessibility-gap")).toBe(true);
    for (const id of ["long-time-to-outcome", "repeated-verification", "short-deadline-by-post"]) {
      expect(presetRules("recommended").some((r) => r.id === id), id).toBe(true);
    }
  });
});
