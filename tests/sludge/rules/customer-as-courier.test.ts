import { describe, it } from "vitest";
import { customerAsCourier } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { catalog, exactly, service } from "./fixtures.js";

function experience(kind: "customer-carries" | "data-share", documents: string[] = [], share?: number, cmsVolume: number | null = 400) {
  return catalog({
    services: [
      service("ssa-retire", [{ id: "apply", lane: "customer", channel: "web" }, { id: "letter", lane: "physical-evidence", channel: "mail" }]),
      service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web" }], { agency: "cms", occasion: { kind: "life-event", story: "65", ...(cmsVolume === null ? {} : { annualVolume: cmsVolume }) } }),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-retire", "cms-enroll"],
        links: [
          { id: "to-medicare", kind, from: { service: "ssa-retire", step: "letter" }, to: { service: "cms-enroll", step: "enroll" }, documents, waitDays: 7, ...(share === undefined ? {} : { share }) },
        ],
      },
    ],
  });
}

const link = { experience: "retire", link: "to-medicare" };

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(customerAsCourier, {
  valid: [{ name: "a hand-off by data sharing", catalog: experience("data-share") }],
  invalid: [
    {
      // By hand: 1,000 SSA customers reach the letter; 40% follow the link and carry two documents:
      // 400 customers × (15 + 2 × 5) minutes ÷ 60 = 166.67 hours.
      name: "a hand-off the customer carries, counting the documents and the customers who follow the link",
      catalog: experience("customer-carries", ["birth-cert", "tax-return"], 0.4),
      findings: [
        {
          target: link,
          message: "carry the hand-off from SSA to CMS",
          evidence: [exactly("documents carried: 'birth-cert', 'tax-return'")],
          burden: { minutesPerCustomer: 25, waitDays: 7, customersPerYear: 400, annualHours: (400 * 25) / 60 },
        },
      ],
    },
    {
      // Without a share, the link cannot carry more people than CMS serves (400 a year): its share is implied,
      // 400 ÷ 1,000 = 40%, and said so in the evidence.
      name: "a link without a share, whose share the target's volume implies (400 of 1,000)",
      catalog: experience("customer-carries", ["birth-cert"]),
      findings: [
        {
          target: link,
          evidence: [exactly("share of the customers at 'letter' who follow it: 0.4, implied by the volume of service 'cms-enroll' (the link states none)")],
          burden: { customersPerYear: 400 },
        },
      ],
    },
    {
      name: "a link without a share into a service without a volume: every customer at the letter follows it",
      catalog: experience("customer-carries", ["birth-cert"], undefined, null),
      findings: [{ target: link, burden: { customersPerYear: 1000 } }],
    },
    {
      name: "carryMinutes and minutesPerDocument in the minutes",
      catalog: experience("customer-carries", ["birth-cert"]),
      options: { carryMinutes: 0, minutesPerDocument: 30 },
      findings: [{ target: link, burden: { minutesPerCustomer: 30 } }],
    },
  ],
});
