import { describe, it } from "vitest";
import { deadlineWithoutReminder } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

const penalty = { description: "Enroll", penalty: "Surcharge" };
const surcharge = oneService([
  { id: "enroll", lane: "customer", channel: "web", deadline: { description: "Enroll within 7 months", days: 210, penalty: "Lifelong surcharge" } },
]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(deadlineWithoutReminder, {
  valid: [
    {
      name: "a deadline with a reminder, and one without a penalty",
      catalog: oneService([
        { id: "remind", lane: "physical-evidence", channel: "mail" },
        { id: "enroll", lane: "customer", deadline: { description: "Enroll", penalty: "Surcharge", reminder: "remind" } },
        { id: "respond", lane: "customer", deadline: { description: "Respond within 30 days" } },
      ]),
    },
    {
      name: "a notice attached to the deadline step, which reaches everyone there",
      catalog: oneService([
        { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "text" } },
        { id: "text", lane: "frontstage", channel: "phone", activity: "notify", attachedTo: "enroll" },
      ]),
    },
  ],
  invalid: [
    {
      name: "a deadline with a penalty and no reminder step",
      catalog: surcharge,
      findings: [
        {
          target: atStep("enroll"),
          message: "a penalty (Lifelong surcharge) and no step reminds",
          exactEvidence: ["step 'enroll' deadline: Enroll within 7 months", "days allowed: 210", "penalty: Lifelong surcharge", "reminder: none"],
        },
      ],
    },
    {
      // The outcome letter after the deadline step cannot remind anyone of it.
      name: "a reminder that is the outcome letter after the deadline",
      catalog: oneService([
        { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "letter" } },
        { id: "letter", lane: "physical-evidence", channel: "mail", outcome: "granted" },
      ]),
      findings: [{ target: atStep("enroll"), message: "its reminder 'letter' is not a notice from the agency (lane physical-evidence, outcome granted)" }],
    },
    {
      name: "a notice that comes after the deadline step",
      catalog: oneService([
        { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "notice" } },
        { id: "notice", lane: "frontstage", channel: "mail", activity: "notify" },
        { id: "done", lane: "physical-evidence", channel: "mail", outcome: "completed" },
      ]),
      findings: [{ target: atStep("enroll"), message: "does not reach customers before the deadline" }],
    },
    {
      // A backstage step is not something the customer receives.
      name: "a backstage step named as the reminder",
      catalog: oneService([
        { id: "flag", lane: "backstage" },
        { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "flag" } },
      ]),
      findings: [{ target: atStep("enroll"), message: "is not a notice from the agency (lane backstage)" }],
    },
    {
      // By hand: 70% get the notice (branch), 30% do not; all reach the deadline: the reminder reaches 70%.
      name: "a reminder on a branch that reaches only 70% of the customers",
      catalog: oneService([
        {
          id: "start",
          lane: "customer",
          channel: "web",
          next: [
            { to: "notice", kind: "branch", share: 0.7 },
            { to: "enroll", kind: "branch", share: 0.3 },
          ],
        },
        { id: "notice", lane: "frontstage", channel: "mail", activity: "notify", next: [{ to: "enroll" }] },
        { id: "enroll", lane: "customer", channel: "web", deadline: { ...penalty, reminder: "notice" } },
      ]),
      findings: [{ target: atStep("enroll"), message: "reaches only 70% of the customers before the deadline" }],
    },
    {
      name: "a deadline without a penalty when requirePenalty is off",
      catalog: oneService([{ id: "respond", lane: "customer", deadline: { description: "Respond within 30 days" } }]),
      options: { requirePenalty: false },
      findings: [{ target: atStep("respond"), message: "has a deadline and no step reminds" }],
    },
  ],
});
