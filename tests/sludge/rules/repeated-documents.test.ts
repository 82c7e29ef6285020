import { describe, it } from "vitest";
import { repeatedDocuments } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(repeatedDocuments, {
  valid: [
    {
      name: "documents asked once",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", documentsAsked: ["birth-cert"] },
        { id: "visit", lane: "customer", channel: "office", documentsAsked: ["dd214"] },
      ]),
    },
  ],
  invalid: [
    {
      name: "a document requested twice on one path, 10 minutes for 1,000 customers",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", documentsAsked: ["birth-cert"] },
        { id: "visit", lane: "customer", channel: "office", documentsAsked: ["birth-cert", "dd214"] },
      ]),
      findings: [
        { target: atStep("visit"), message: "Document 'birth-cert' is asked again at step 'visit'", burden: { minutesPerCustomer: 10, annualHours: (10 * 1000) / 60 } },
      ],
    },
    {
      name: "a repeat costing minutesPerRepeat",
      catalog: oneService([
        { id: "apply", lane: "customer", documentsAsked: ["birth-cert"] },
        { id: "visit", lane: "customer", documentsAsked: ["birth-cert"] },
      ]),
      options: { minutesPerRepeat: 30 },
      findings: [{ target: atStep("visit"), burden: { minutesPerCustomer: 30 } }],
    },
  ],
});
