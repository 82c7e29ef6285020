import { describe, it } from "vitest";
import { paperChannel } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(paperChannel, {
  valid: [
    {
      name: "digital, phone and in-person steps",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web" },
        { id: "call", lane: "customer", channel: "phone" },
        { id: "visit", lane: "customer", channel: "office" },
      ]),
    },
  ],
  invalid: [
    {
      name: "customer and frontstage steps on paper, post or fax, 10 minutes each (not the letter)",
      catalog: oneService([
        { id: "form", lane: "customer", channel: "paper" },
        { id: "post", lane: "customer", channel: "mail" },
        { id: "fax-request", lane: "frontstage", channel: "fax" },
        { id: "letter", lane: "physical-evidence", channel: "mail" },
      ]),
      findings: [
        { target: atStep("form"), message: "runs on paper (channel 'paper' (paper))", burden: { minutesPerCustomer: 10 } },
        { target: atStep("post"), message: "'mail' (postal-mail)", burden: { minutesPerCustomer: 10 } },
        { target: atStep("fax-request"), message: "'fax' (fax)", burden: { minutesPerCustomer: 10 } },
      ],
    },
    {
      name: "a letter when lanes include physical-evidence",
      catalog: oneService([{ id: "letter", lane: "physical-evidence", channel: "mail" }]),
      options: { lanes: ["physical-evidence"], paperMinutes: 3 },
      findings: [{ target: atStep("letter"), message: "runs on paper" }],
    },
  ],
});
