import { describe, it } from "vitest";
import { wetSignature } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, exactly, oneService } from "./fixtures.js";

const faxBack = oneService([{ id: "fax-back", lane: "customer", channel: "fax", signature: "electronic" }]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(wetSignature, {
  valid: [
    {
      name: "an electronic signature online and a paper step without a signature",
      catalog: oneService([
        { id: "sign", lane: "customer", channel: "web", signature: "electronic" },
        { id: "letter", lane: "physical-evidence", channel: "mail" },
      ]),
    },
    { name: "a signature over fax when paperImpliesWet is off", catalog: faxBack, options: { paperImpliesWet: false } },
  ],
  invalid: [
    {
      name: "an ink signature and a signature collected over a paper channel",
      catalog: oneService([
        { id: "sign", lane: "customer", channel: "web", signature: "wet" },
        { id: "fax-back", lane: "customer", channel: "fax", signature: "electronic" },
        { id: "decide", lane: "backstage" },
      ]),
      findings: [
        { target: atStep("sign"), message: "needs a signature in ink", evidence: [exactly("step 'sign' signature: wet")], burden: { minutesPerCustomer: 15 } },
        { target: atStep("fax-back"), message: "over a paper channel" },
      ],
    },
    { name: "a signature over fax costing printMinutes", catalog: faxBack, options: { printMinutes: 40 }, findings: [{ target: atStep("fax-back"), burden: { minutesPerCustomer: 40 } }] },
  ],
});
