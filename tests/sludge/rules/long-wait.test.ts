import { describe, it } from "vitest";
import { longWait } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

const tenAndTen = oneService([{ id: "review", lane: "backstage", waitDays: 10, holdMinutes: 10 }]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(longWait, {
  valid: [
    {
      name: "waits at the thresholds (30 minutes on hold, 30 days)",
      catalog: oneService([
        { id: "call", lane: "customer", channel: "phone", holdMinutes: 30 },
        { id: "review", lane: "backstage", waitDays: 30 },
      ]),
    },
    { name: "10 days and 10 minutes at thresholds of 10", catalog: tenAndTen, options: { maxWaitDays: 10, maxHoldMinutes: 10 } },
  ],
  invalid: [
    {
      name: "waits in days and holds in minutes over the thresholds, one finding per step",
      catalog: oneService([
        { id: "call", lane: "customer", channel: "phone", holdMinutes: 45 },
        { id: "review", lane: "backstage", waitDays: 90 },
        { id: "both", lane: "frontstage", channel: "office", holdMinutes: 31, waitDays: 31 },
      ]),
      findings: [
        { target: atStep("call"), message: "45 minutes on hold or in a queue", burden: { minutesPerCustomer: 45, waitDays: 0 } },
        { target: atStep("review"), message: "a wait of 90 days", burden: { minutesPerCustomer: 0, waitDays: 90 } },
        { target: atStep("both"), message: "a wait of 31 days and 31 minutes on hold" },
      ],
    },
    { name: "10 days over maxWaitDays 5", catalog: tenAndTen, options: { maxWaitDays: 5 }, findings: [{ target: atStep("review"), message: "10 days" }] },
  ],
});
