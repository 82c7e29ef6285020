import { describe, it } from "vitest";
import { shortDeadlineByPost } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { atStep, oneService } from "./fixtures.js";

const tenDays = { description: "Send the proof within ten days of the letter", days: 10 };
// A named reminder counts as a notice (here it is also the notice right before the reply, so the checklist two
// steps up is not one): by post it is flagged, in the app it clears the finding.
const reminded = (channel: string) =>
  oneService([
    { id: "checklist", lane: "physical-evidence", channel: "mail" },
    { id: "nudge", lane: "frontstage", channel, activity: "notify" },
    { id: "send-proofs", lane: "customer", channel: "office", deadline: { ...tenDays, reminder: "nudge" } },
  ]);
const long = oneService([{ id: "letter", lane: "physical-evidence", channel: "mail", deadline: { ...tenDays, days: 30 } }]);

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(shortDeadlineByPost, {
  valid: [
    { name: "a reminder in the app", catalog: reminded("app") },
    {
      name: "a phone notice beside the letter",
      catalog: oneService([
        { id: "letter", lane: "physical-evidence", channel: "mail", deadline: tenDays },
        { id: "text", lane: "frontstage", channel: "phone", attachedTo: "letter" },
      ]),
    },
    { name: "a 30-day deadline", catalog: long },
    { name: "a deadline of unknown length", catalog: oneService([{ id: "letter", lane: "physical-evidence", channel: "mail", deadline: { description: "Reply soon" } }]) },
    // No notice at all is deadline-without-reminder's finding, not this one.
    { name: "a deadline with no notice at all", catalog: oneService([{ id: "reply", lane: "customer", channel: "web", deadline: tenDays }]) },
  ],
  invalid: [
    {
      // By hand: 1,000 customers apply; 25% get the verification letter (branch) with a 10-day deadline (< 30) sent
      // by post only: 1,000 × 0.25 = 250 customers a year; no minutes (the risk is a missed deadline, not time).
      name: "a short deadline whose only notice is a letter, on the customers who reach it",
      catalog: oneService([
        {
          id: "apply",
          lane: "customer",
          channel: "web",
          next: [
            { to: "letter", kind: "branch", share: 0.25 },
            { to: "done", kind: "branch", share: 0.75 },
          ],
        },
        { id: "letter", lane: "physical-evidence", channel: "mail", deadline: tenDays, next: [{ to: "done" }] },
        { id: "done", lane: "physical-evidence", channel: "mail", outcome: "granted" },
      ]),
      findings: [
        {
          target: atStep("letter"),
          message: "Step 'letter' gives 10 days (fewer than 30) and its notice reaches customers only by post ('letter'), with no digital or phone notice",
          burden: { customersPerYear: 250, annualHours: 0 },
        },
      ],
    },
    {
      // The deadline sits on the customer's reply; the notice is the letter right before it.
      name: "the letter that flows into the reply carrying the deadline",
      catalog: oneService([
        { id: "checklist", lane: "physical-evidence", channel: "mail" },
        { id: "send-proofs", lane: "customer", channel: "office", deadline: tenDays },
      ]),
      findings: [{ target: atStep("send-proofs"), message: "only by post ('checklist')" }],
    },
    { name: "a named reminder by post", catalog: reminded("mail"), findings: [{ target: atStep("send-proofs"), message: "only by post ('nudge')" }] },
    { name: "a 30-day deadline under maxDays 31", catalog: long, options: { maxDays: 31 }, findings: [{ target: atStep("letter") }] },
  ],
});
