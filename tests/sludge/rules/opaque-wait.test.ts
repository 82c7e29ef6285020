import { describe, it } from "vitest";
import { opaqueWait } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(opaqueWait, {
  valid: [
    {
      name: "visible waits, unstated visibility (by default) and a step without a wait",
      catalog: oneService([
        { id: "a", lane: "backstage", waitDays: 5, waitVisibility: "proactive-updates" },
        { id: "b", lane: "backstage", waitDays: 5, waitVisibility: "status-on-request" },
        { id: "c", lane: "backstage", waitDays: 5 },
        { id: "d", lane: "backstage", waitVisibility: "opaque" },
      ]),
    },
  ],
  invalid: [
    {
      name: "a wait with no status or notification",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web" },
        { id: "review", lane: "backstage", waitDays: 42, waitVisibility: "opaque" },
      ]),
      findings: [{ target: atStep("review"), message: "wait 42 days with no status or notification", burden: { minutesPerCustomer: 10, waitDays: 42 } }],
    },
    {
      name: "unstated and on-request visibility when configured, short waits skipped",
      catalog: oneService([
        { id: "unknown", lane: "backstage", waitDays: 5 },
        { id: "ask", lane: "backstage", waitDays: 5, waitVisibility: "status-on-request" },
        { id: "short", lane: "backstage", waitDays: 1, waitVisibility: "opaque" },
      ]),
      options: { unknownIsOpaque: true, statusOnRequestIsOpaque: true, minWaitDays: 2 },
      findings: [
        { target: atStep("unknown"), message: "does not say what the customer can see" },
        { target: atStep("ask"), message: "only when the customer asks" },
      ],
    },
  ],
});
