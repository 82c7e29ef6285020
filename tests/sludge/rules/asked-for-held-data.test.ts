import { describe, it } from "vitest";
import { askedForHeldData } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

const heldAsked = oneService([
  { id: "apply", lane: "customer", channel: "web", dataAsked: ["ssn", "income", "agi"], documentsAsked: ["tax-return", "birth-cert"] },
  { id: "review", lane: "backstage", dataAsked: ["dob"] },
]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(askedForHeldData, {
  valid: [
    {
      name: "a step that asks only for what no agency holds",
      catalog: oneService([{ id: "apply", lane: "customer", channel: "web", dataAsked: ["income", "address"], documentsAsked: ["birth-cert"] }]),
    },
  ],
  invalid: [
    {
      name: "data elements and documents some agency holds, in one finding per step, 2 + 2 + 15 minutes",
      catalog: heldAsked,
      findings: [
        {
          target: atStep("apply"),
          message: "asks customers for 3 things government already holds: 'ssn', 'agi', 'tax-return'",
          exactEvidence: ["data element 'ssn' is held by SSA, IRS", "data element 'agi' is held by IRS", "document 'tax-return' is held by IRS"],
          burden: { minutesPerCustomer: 2 + 2 + 15 },
        },
      ],
    },
    {
      name: "with heldBy asking-agency, only what the service's own agency holds",
      catalog: oneService([{ id: "apply", lane: "customer", dataAsked: ["dob", "agi"] }]),
      options: { heldBy: "asking-agency" },
      findings: [{ target: atStep("apply"), message: "1 thing government already holds: 'dob'" }],
    },
  ],
});
