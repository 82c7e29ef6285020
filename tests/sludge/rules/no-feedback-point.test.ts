import { describe, it } from "vitest";
import { noFeedbackPoint } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { catalog, service } from "./fixtures.js";

const steps = [{ id: "apply", lane: "customer" as const, channel: "web" }];
const collection = { survey: "v2" as const, fiscalYear: 2024, quarter: 1, trust: { positive: 10, negative: 2 } };

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(noFeedbackPoint, {
  valid: [
    {
      name: "a designated service with feedback and a service that is not designated",
      catalog: catalog({ services: [service("designated", steps, { designated: true, feedback: [collection] }), service("plain", steps)] }),
    },
  ],
  invalid: [
    {
      name: "a designated service with no feedback collection, filed under a11",
      catalog: catalog({ services: [service("designated", steps, { designated: true })] }),
      findings: [
        {
          target: { service: "designated" },
          message: "collects no post-transaction feedback",
          category: "a11",
          evidence: [/^agency SSA is a High-Impact Service Provider$/],
        },
      ],
    },
  ],
});
