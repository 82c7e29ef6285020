import { describe, it } from "vitest";
import { fee } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(fee, {
  valid: [
    { name: "a free step", catalog: oneService([{ id: "file", lane: "customer", channel: "web" }]) },
    { name: "a fee up to minFee", catalog: oneService([{ id: "copy", lane: "customer", fee: 5 }]), options: { minFee: 5 } },
  ],
  invalid: [
    {
      name: "out-of-pocket fees, carried in the burden",
      catalog: oneService([
        { id: "file", lane: "customer", channel: "web", fee: 465 },
        { id: "copy", lane: "customer", channel: "web", fee: 12.5 },
      ]),
      findings: [
        { target: atStep("file"), message: "charges customers $465", burden: { fee: 465 } },
        { target: atStep("copy"), message: "$12.50" },
      ],
    },
  ],
});
