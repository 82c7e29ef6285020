import { describe, it } from "vitest";
import { duplicateDataRequest } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, catalog, exactly, oneService, service } from "./fixtures.js";

function retirement(kind: "customer-carries" | "data-share", enrollAsks: string[] = ["income"]) {
  return catalog({
    services: [
      service("ssa-retire", [{ id: "apply", lane: "customer", channel: "web", dataAsked: ["income"] }]),
      service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web", dataAsked: enrollAsks }], {
        agency: "cms",
        occasion: { kind: "life-event", story: "65", annualVolume: 400 },
      }),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-retire", "cms-enroll"],
        links: [
          { id: "hand-off", kind, from: { service: "ssa-retire", step: "apply" }, to: { service: "cms-enroll", step: "enroll" }, data: ["income"], share: 0.4 },
        ],
      },
    ],
  });
}

const retire = { experience: "retire" };

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(duplicateDataRequest, {
  valid: [
    {
      name: "asks on exclusive branches",
      catalog: oneService([
        { id: "start", lane: "customer", channel: "web", next: [{ to: "a", kind: "branch", share: 0.5 }, { to: "b", kind: "branch", share: 0.5 }] },
        { id: "a", lane: "customer", dataAsked: ["income"], outcome: "completed", next: [] },
        { id: "b", lane: "customer", dataAsked: ["income"], outcome: "completed" },
      ]),
    },
    { name: "a repeat across services when scopes hold only path", catalog: retirement("customer-carries"), options: { scopes: ["path"] } },
    // The receiving step pre-fills income from the link and no longer asks it: no repeat.
    { name: "a data-share link whose receiving step no longer asks the item", catalog: retirement("data-share", []) },
  ],
  invalid: [
    {
      // By hand: all 1,000 customers are asked at apply, then again at interview: 1,000 × 2 min ÷ 60 = 33.33 h.
      name: "a data element asked twice on one path, at the repeating step",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", dataAsked: ["income", "address"] },
        { id: "interview", lane: "customer", channel: "phone", dataAsked: ["income"] },
      ]),
      findings: [
        {
          target: atStep("interview"),
          message: "Data element 'income' is asked again at step 'interview' of service 'svc' after step 'apply': 1,000 customers a year (100% of its customers) meet both asks",
          burden: { minutesPerCustomer: 2, customersPerYear: 1000, annualHours: 2000 / 60 },
        },
      ],
    },
    {
      // 400,000 customers register online (60%), by phone (30%) or in person (10%); each channel asks for ssn and
      // address: exclusive branches, so nobody is asked twice there. Then everyone confirms ssn at 'verify'.
      // By hand: one finding, at verify, 400,000 customers (each met one of the three asks), 400,000 × 2 ÷ 60 =
      // 13,333.33 hours; nothing for address (asked once per customer).
      name: "a registration split by channel counted once per customer, and the later repeat for everyone",
      catalog: oneService(
        [
          {
            id: "start",
            lane: "customer",
            channel: "web",
            next: [
              { to: "online", kind: "branch", share: 0.6 },
              { to: "phone", kind: "branch", share: 0.3 },
              { to: "office", kind: "branch", share: 0.1 },
            ],
          },
          { id: "online", lane: "customer", channel: "web", dataAsked: ["ssn", "address"], next: [{ to: "verify" }] },
          { id: "phone", lane: "customer", channel: "phone", dataAsked: ["ssn", "address"], next: [{ to: "verify" }] },
          { id: "office", lane: "customer", channel: "office", dataAsked: ["ssn", "address"], next: [{ to: "verify" }] },
          { id: "verify", lane: "customer", channel: "web", dataAsked: ["ssn"], outcome: "completed" },
        ],
        { occasion: { kind: "intent", story: "register", annualVolume: 400_000 } },
      ),
      findings: [
        {
          target: atStep("verify"),
          message: "after step 'online' (or 2 other steps on exclusive branches): 400,000 customers a year (100% of its customers)",
          burden: { customersPerYear: 400_000, annualHours: (400_000 * 2) / 60 },
        },
      ],
    },
    {
      // 1,000 people a year enter at SSA (the entry service); 40% of them follow the link to CMS, which asks again:
      // 400 meet both asks, 400 × 2 ÷ 60 = 13.33 hours.
      name: "a data element asked in two services of a life experience, for the people who follow the link",
      catalog: retirement("customer-carries"),
      findings: [
        {
          target: retire,
          message:
            "Data element 'income' is asked again at 'cms-enroll/enroll' after step 'ssa-retire/apply' in life experience 'retire' (SSA, CMS) without being shared: 400 customers a year (40% of the people entering it) meet both asks",
          burden: { customersPerYear: 400 },
        },
      ],
    },
    {
      name: "a data-share link that passes the item while the step still asks it",
      catalog: retirement("data-share"),
      findings: [
        {
          target: retire,
          message: "link 'hand-off' shares it, but the service still asks the customer",
          evidence: [exactly("shared by link 'hand-off' but asked again")],
          burden: { customersPerYear: 400 },
        },
      ],
    },
  ],
});
