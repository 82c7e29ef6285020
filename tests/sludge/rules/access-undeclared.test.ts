import { describe, expect, it } from "vitest";
import { accessUndeclared, presetRules } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

const web = oneService([{ id: "apply", lane: "customer", channel: "web" }]);
// Each finding counts the customers who reach the step (all 1,000 here) and no hours.
const everyoneNoHours = { customersPerYear: 1000, annualHours: 0 };

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(accessUndeclared, {
  valid: [{ name: "a web step when the options check nothing", catalog: web, options: { check: [] } }],
  invalid: [
    {
      // By hand: 'apply' (web) states neither; 'call' (phone) states languages but not accessibility; 'visit'
      // (office) states no languages (accessibility is not asked of an office: the schema's `accessible` is Section
      // 508); 'done' declares both; 'decide' is backstage; 'think' has no channel.
      name: "customer-facing steps that declare no languages, or (digital and phone) no accessibility",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web" },
        { id: "call", lane: "frontstage", channel: "phone", languages: ["en", "es"] },
        { id: "visit", lane: "customer", channel: "office" },
        { id: "decide", lane: "backstage", channel: "web" },
        { id: "think", lane: "customer" },
        { id: "done", lane: "physical-evidence", channel: "web", languages: ["en"], accessible: false },
      ]),
      findings: [
        { target: atStep("apply"), message: "Step 'apply' does not declare its languages or whether it is accessible (Section 508)", burden: everyoneNoHours },
        { target: atStep("call"), message: "Step 'call' does not declare whether it is accessible (Section 508)", burden: everyoneNoHours },
        { target: atStep("visit"), message: "Step 'visit' does not declare its languages", burden: everyoneNoHours },
      ],
    },
    {
      name: "only accessibility when the options check only that",
      catalog: web,
      options: { check: ["accessible"] },
      findings: [{ target: atStep("apply"), message: exactly("Step 'apply' does not declare whether it is accessible (Section 508)") }],
    },
  ],
});

describe("access-undeclared in the presets", () => {
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
