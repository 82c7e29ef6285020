import { describe, it } from "vitest";
import { travelRequired } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(travelRequired, {
  valid: [
    { name: "a step without travel", catalog: oneService([{ id: "visit", lane: "customer", channel: "office" }]) },
    { name: "travel up to minTravelMinutes", catalog: oneService([{ id: "visit", lane: "customer", channel: "office", travelMinutes: 15 }]), options: { minTravelMinutes: 15 } },
  ],
  invalid: [
    {
      name: "a step with travel, counting the travel minutes",
      catalog: oneService([
        { id: "visit", lane: "customer", channel: "office", travelMinutes: 90 },
        { id: "decide", lane: "backstage" },
      ]),
      findings: [{ target: atStep("visit"), message: "travel 90 minutes", burden: { minutesPerCustomer: 90 }, evidence: [exactly("channel: 'office' (in-person)")] }],
    },
  ],
});
