import { describe, it } from "vitest";
import { lengthyStep } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(lengthyStep, {
  valid: [{ name: "a step at the threshold (60 minutes)", catalog: oneService([{ id: "apply", lane: "customer", customerMinutes: 60 }]) }],
  invalid: [
    {
      name: "a customer-facing step over the threshold (not the backstage one)",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", customerMinutes: 120 },
        { id: "review", lane: "backstage", customerMinutes: 500 },
      ]),
      findings: [{ target: atStep("apply"), message: "120 minutes of effort", burden: { minutesPerCustomer: 120 } }],
    },
    {
      name: "a backstage step over maxMinutes when lanes include backstage",
      catalog: oneService([{ id: "review", lane: "backstage", customerMinutes: 30 }]),
      options: { maxMinutes: 20, lanes: ["backstage"] },
      findings: [{ target: atStep("review"), message: "30 minutes" }],
    },
  ],
});
