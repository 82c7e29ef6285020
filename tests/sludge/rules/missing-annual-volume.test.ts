import { describe, it } from "vitest";
import { missingAnnualVolume } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { oneService } from "./fixtures.js";

const steps = [{ id: "apply", lane: "customer" as const, channel: "web" }];

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(missingAnnualVolume, {
  valid: [
    { name: "a service with an annual volume", catalog: oneService(steps) },
    { name: "a service with an annual volume of zero", catalog: oneService(steps, { occasion: { kind: "intent", story: "x", annualVolume: 0 } }) },
  ],
  invalid: [
    {
      name: "a service without an annual volume, pointing at reported quarterly volumes",
      catalog: oneService(steps, {
        occasion: { kind: "intent", story: "I need it" },
        feedback: [{ survey: "v1", fiscalYear: 2024, quarter: 1, volumes: { customers: 2500 } }],
      }),
      findings: [{ target: { service: "svc" }, message: "states no annual volume", evidence: [/^feedback FY2024 Q1 reports 2500 customers in the quarter$/] }],
    },
  ],
});
