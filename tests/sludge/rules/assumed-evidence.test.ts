import { describe, it } from "vitest";
import { assumedEvidence } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { oneService } from "./fixtures.js";

const assumed = oneService([
  { id: "apply", lane: "customer", channel: "web" },
  { id: "call", lane: "frontstage", channel: "phone", evidence: "observed" },
  { id: "review", lane: "backstage" },
]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(assumedEvidence, {
  valid: [
    {
      name: "customer-facing steps all observed or reported",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", evidence: "observed" },
        { id: "call", lane: "frontstage", channel: "phone", evidence: "reported" },
        { id: "review", lane: "backstage" },
      ]),
    },
    {
      name: "a share of assumed steps tolerated by maxAssumedShare",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web" },
        { id: "call", lane: "frontstage", channel: "phone", evidence: "observed" },
      ]),
      options: { maxAssumedShare: 0.5 },
    },
  ],
  invalid: [
    {
      name: "a service whose customer-facing steps rest on assumptions",
      catalog: assumed,
      findings: [{ target: { service: "svc" }, message: "1 of 2 customer-facing steps of service 'svc' rest on assumed facts", exactEvidence: ["assumed: 'apply'", "lanes checked: customer, frontstage"] }],
    },
  ],
});
