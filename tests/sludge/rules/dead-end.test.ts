import { describe, it } from "vitest";
import { deadEnd } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, catalog, oneService, service } from "./fixtures.js";

const finalDenial = oneService([
  { id: "apply", lane: "customer", channel: "web" },
  { id: "deny", lane: "physical-evidence", outcome: "denied" },
]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(deadEnd, {
  valid: [
    {
      name: "a denial with an appeal, and steps that all end in outcomes",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", next: [{ to: "decide" }] },
        { id: "decide", lane: "backstage", next: [{ to: "grant", kind: "branch", share: 0.7 }, { to: "deny", kind: "branch", share: 0.3 }] },
        { id: "grant", lane: "physical-evidence", outcome: "granted", next: [] },
        { id: "deny", lane: "physical-evidence", next: [{ to: "appeal" }] },
        { id: "appeal", lane: "customer", outcome: "denied", next: [{ to: "decide", kind: "rework" }] },
      ]),
    },
    { name: "a final denial when denialsNeedNextStep is off", catalog: finalDenial, options: { denialsNeedNextStep: false } },
    {
      name: "a decline letter a life-experience link carries on to another agency's program",
      catalog: catalog({
        services: [
          service("sba-loan", [
            { id: "apply", lane: "customer", channel: "web", next: [{ to: "approve", kind: "branch", share: 0.6 }, { to: "decline", kind: "branch", share: 0.4 }] },
            { id: "approve", lane: "physical-evidence", channel: "mail", outcome: "granted" },
            { id: "decline", lane: "physical-evidence", channel: "mail", outcome: "denied" },
          ]),
          service("fema-grant", [{ id: "apply-grant", lane: "customer", channel: "web" }], { agency: "cms" }),
        ],
        lifeExperiences: [
          {
            id: "disaster",
            name: "Recovering from a disaster",
            services: ["sba-loan", "fema-grant"],
            links: [{ id: "refer", kind: "referral", from: { service: "sba-loan", step: "decline" }, to: { service: "fema-grant", step: "apply-grant" } }],
          },
        ],
      }),
    },
  ],
  invalid: [
    {
      name: "a reachable step with no next step and no outcome, and a denial with no way forward",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "web", next: [{ to: "decide" }] },
        { id: "decide", lane: "backstage", next: [{ to: "grant", kind: "branch", share: 0.7 }, { to: "deny", kind: "branch", share: 0.2 }, { to: "limbo", kind: "branch", share: 0.1 }] },
        { id: "grant", lane: "physical-evidence", outcome: "granted", next: [] },
        { id: "deny", lane: "physical-evidence", outcome: "denied", next: [] },
        { id: "limbo", lane: "backstage", next: [] },
      ]),
      findings: [
        { target: atStep("deny"), message: "denies customers with no appeal", severity: "warning" },
        { target: atStep("limbo"), message: "leads nowhere" },
      ],
    },
    { name: "a final denial by default", catalog: finalDenial, findings: [{ target: atStep("deny"), message: "no appeal" }] },
  ],
});
