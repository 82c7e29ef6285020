import { describe, it } from "vitest";
import { missingChannel } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(missingChannel, {
  valid: [
    {
      name: "a customer step with a channel (and a backstage step without)",
      catalog: oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "review", lane: "backstage" }]),
    },
  ],
  invalid: [
    {
      name: "a customer step that names no channel (not the backstage one)",
      catalog: oneService([
        { id: "apply", lane: "customer" },
        { id: "review", lane: "backstage" },
      ]),
      findings: [{ target: atStep("apply"), message: "names no channel" }],
    },
    {
      name: "a backstage step when lanes include backstage",
      catalog: oneService([{ id: "review", lane: "backstage" }]),
      options: { lanes: ["backstage"] },
      findings: [{ target: atStep("review"), message: "names no channel" }],
    },
  ],
});
