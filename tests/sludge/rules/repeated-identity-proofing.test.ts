import { describe, it } from "vitest";
import { repeatedIdentityProofing } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(repeatedIdentityProofing, {
  valid: [
    {
      name: "proofing with one shared credential throughout",
      catalog: oneService([
        { id: "sign-up", lane: "customer", channel: "web", identityProofing: "remote", credential: "login-gov" },
        { id: "renew", lane: "customer", channel: "web", identityProofing: "remote", credential: "login-gov" },
      ]),
    },
  ],
  invalid: [
    {
      name: "identity proved twice on one path without a shared credential, 15 minutes",
      catalog: oneService([
        { id: "sign-up", lane: "customer", channel: "web", identityProofing: "remote" },
        { id: "visit", lane: "customer", channel: "office", identityProofing: "in-person" },
      ]),
      findings: [{ target: atStep("visit"), message: "Identity check is asked again at step 'visit' of service 'svc' after step 'sign-up'", burden: { minutesPerCustomer: 15 } }],
    },
    {
      name: "two different credentials, costing minutesPerRepeat",
      catalog: oneService([
        { id: "sign-up", lane: "customer", channel: "web", identityProofing: "remote", credential: "login-gov" },
        { id: "renew", lane: "customer", channel: "web", identityProofing: "remote", credential: "id-other" },
      ]),
      options: { minutesPerRepeat: 40 },
      findings: [{ target: atStep("renew"), burden: { minutesPerCustomer: 40 } }],
    },
  ],
});
