import { describe, it } from "vitest";
import { inPersonOnly } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

const exam = oneService([{ id: "exam", lane: "customer", activity: "attend", channel: "office" }], { channels: ["office", "mail"] });

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(inPersonOnly, {
  valid: [
    {
      name: "an in-person step when the service lists a phone channel",
      catalog: oneService([{ id: "visit", lane: "customer", channel: "office", outcome: "withdrawn" }], { channels: ["office", "phone"] }),
    },
    {
      name: "an in-person step customers can avoid on a digital branch",
      catalog: oneService([
        {
          id: "choose",
          lane: "customer",
          channel: "web",
          next: [
            { to: "online", kind: "branch", share: 0.9 },
            { to: "visit", kind: "branch", share: 0.1 },
          ],
        },
        { id: "online", lane: "customer", channel: "app", next: [{ to: "done" }] },
        { id: "visit", lane: "customer", channel: "office", next: [{ to: "done" }] },
        { id: "done", lane: "physical-evidence", channel: "mail", outcome: "granted" },
      ]),
    },
    { name: "an exempt activity", catalog: exam, options: { exemptActivities: ["attend"] } },
    { name: "a customer step when only frontstage is checked", catalog: exam, options: { lanes: ["frontstage"] } },
  ],
  invalid: [
    {
      name: "in-person customer steps of a service with no digital or phone channel",
      catalog: oneService(
        [
          { id: "visit", lane: "customer", channel: "office", travelMinutes: 40, holdMinutes: 25 },
          { id: "kiosk-step", lane: "frontstage", channel: "kiosk" },
          { id: "send", lane: "customer", channel: "mail" },
          { id: "decide", lane: "backstage", channel: "office" },
        ],
        { channels: ["office", "mail"] },
      ),
      findings: [
        { target: atStep("visit"), message: "can only be done in person", burden: { minutesPerCustomer: 65 }, evidence: ["channels: 'office', 'mail'"] },
        { target: atStep("kiosk-step"), message: "has no digital or phone channel" },
      ],
    },
    {
      // A portal for the application, but every path to the loan passes through a closing at the office.
      // 1,000 customers × (40 + 20) minutes ÷ 60 = 1,000 hours.
      name: "a required in-person step in a service with digital steps elsewhere",
      catalog: oneService([
        { id: "apply", lane: "customer", channel: "app", next: [{ to: "closing" }] },
        { id: "closing", lane: "customer", channel: "office", travelMinutes: 40, holdMinutes: 20, notarization: true, next: [{ to: "funded" }] },
        { id: "funded", lane: "physical-evidence", channel: "mail", outcome: "granted" },
      ]),
      findings: [{ target: atStep("closing"), message: "every path to the outcome of service 'svc' passes through it", burden: { annualHours: 1000 } }],
    },
    {
      // Paper counts as an alternative, but the exam is still the only way to the outcome.
      name: "the only way to the outcome even when paper counts as an alternative",
      catalog: exam,
      options: { alternatives: ["paper"] },
      findings: [{ target: atStep("exam"), message: "every path to the outcome" }],
    },
  ],
});
