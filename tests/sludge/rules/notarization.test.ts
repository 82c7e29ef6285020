import { describe, it } from "vitest";
import { notarization } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(notarization, {
  valid: [{ name: "a step without notarization", catalog: oneService([{ id: "attest", lane: "customer", channel: "web", signature: "electronic" }]) }],
  invalid: [
    {
      name: "a step that needs a notary, counting the notary's time and no notary fee by default",
      catalog: oneService([
        { id: "affidavit", lane: "customer", channel: "mail", notarization: true, fee: 10 },
        { id: "decide", lane: "backstage" },
      ]),
      findings: [{ target: atStep("affidavit"), message: "requires notarization", evidence: [exactly("step fee: $10")], burden: { minutesPerCustomer: 60, fee: 0 } }],
    },
    {
      name: "notaryMinutes and notaryFee in the burden",
      catalog: oneService([{ id: "affidavit", lane: "customer", notarization: true }]),
      options: { notaryMinutes: 30, notaryFee: 12.5 },
      findings: [{ target: atStep("affidavit"), burden: { minutesPerCustomer: 30, fee: 12.5 } }],
    },
  ],
});
