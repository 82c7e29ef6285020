import { describe, it } from "vitest";
import { learningCost } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(learningCost, {
  valid: [{ name: "a short learning step", catalog: oneService([{ id: "learn", lane: "customer", activity: "learn", customerMinutes: 20 }]) }],
  invalid: [
    {
      name: "a learning step whose effort and hold exceed the threshold (not the long application)",
      catalog: oneService([
        { id: "learn", lane: "customer", activity: "learn", channel: "phone", customerMinutes: 15, holdMinutes: 20 },
        { id: "apply", lane: "customer", activity: "apply", channel: "web", customerMinutes: 90 },
      ]),
      findings: [{ target: atStep("learn"), message: "35 minutes just to learn", burden: { minutesPerCustomer: 35 } }],
    },
    {
      name: "a 12-minute learning step over maxMinutes 10",
      catalog: oneService([{ id: "learn", lane: "customer", activity: "learn", customerMinutes: 12 }]),
      options: { maxMinutes: 10 },
      findings: [{ target: atStep("learn") }],
    },
  ],
});
