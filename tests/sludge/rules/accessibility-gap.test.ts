import { describe, it } from "vitest";
import { accessibilityGap } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(accessibilityGap, {
  valid: [
    {
      name: "accessible steps and, by default, digital steps that do not say",
      catalog: oneService([
        { id: "form", lane: "customer", channel: "web", accessible: true },
        { id: "app", lane: "customer", channel: "app" },
      ]),
    },
  ],
  invalid: [
    {
      name: "customer-facing steps marked not accessible, whatever the channel, as errors",
      catalog: oneService([
        { id: "form", lane: "customer", channel: "web", accessible: false },
        { id: "office", lane: "frontstage", channel: "office", accessible: false },
        { id: "backoffice", lane: "backstage", accessible: false },
      ]),
      findings: [
        { target: atStep("form"), message: "is not accessible (Section 508)", severity: "error" },
        { target: atStep("office"), message: "is not accessible" },
      ],
    },
    {
      name: "undeclared digital steps when requireDeclared is on",
      catalog: oneService([
        { id: "app", lane: "customer", channel: "app" },
        { id: "visit", lane: "customer", channel: "office" },
      ]),
      options: { requireDeclared: true },
      findings: [{ target: atStep("app"), message: "does not state whether it is accessible" }],
    },
  ],
});
