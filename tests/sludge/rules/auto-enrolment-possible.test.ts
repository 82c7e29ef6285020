import { describe, it } from "vitest";
import { autoEnrolmentPossible } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

const update = oneService([{ id: "update", lane: "customer", activity: "provide-information", customerMinutes: 9, dataAsked: ["ssn", "agi"] }]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(autoEnrolmentPossible, {
  valid: [
    {
      name: "an application asking for anything no agency holds, a renewal, and steps that are not opt-ins",
      catalog: oneService([
        { id: "apply", lane: "customer", activity: "apply", dataAsked: ["ssn", "income"] },
        { id: "renew", lane: "customer", activity: "renew" },
        { id: "update", lane: "customer", activity: "provide-information", dataAsked: ["ssn"] },
        { id: "no-activity", lane: "customer", dataAsked: ["ssn"] },
      ]),
    },
    { name: "fewer items than minItems", catalog: update, options: { activities: ["provide-information"], minItems: 3 } },
    { name: "items the asking agency does not hold itself, with heldBy asking-agency", catalog: update, options: { activities: ["provide-information"], heldBy: "asking-agency" } },
  ],
  invalid: [
    {
      name: "an application asking only for facts government holds, counting the whole step (25 + 5 minutes)",
      catalog: oneService([
        { id: "apply", lane: "customer", activity: "apply", channel: "web", customerMinutes: 25, holdMinutes: 5, dataAsked: ["ssn", "dob"], documentsAsked: ["tax-return"] },
        { id: "decide", lane: "backstage" },
      ]),
      findings: [{ target: atStep("apply"), message: "could be enrolled without applying", evidence: [exactly("all held by: IRS, SSA")], burden: { minutesPerCustomer: 30 } }],
    },
    {
      name: "a listed activity, counting no minutes with minutesSaved none",
      catalog: update,
      options: { activities: ["provide-information"], minutesSaved: "none" },
      findings: [{ target: atStep("update"), burden: { minutesPerCustomer: 0 } }],
    },
  ],
});
