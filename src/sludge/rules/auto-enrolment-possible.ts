import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { CUSTOMER_FACING_LANES, activitiesOption, agencyLabel, amountOption, lanesOption, listIds, stepCustomerMinutes } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags an application step whose every question is a fact government already holds: eligibility could be
 * derived from records and the customer enrolled (or renewed) without applying.
 *
 * @example
 * ```ts
 * import { autoEnrolmentPossible } from "service-blueprint";
 * autoEnrolmentPossible.meta.id; // "auto-enrolment-possible"
 * autoEnrolmentPossible.meta.options.parse({}).activities; // ["apply", "renew"]
 * ```
 */
export const autoEnrolmentPossible = defineRule({
  meta: {
    id: "auto-enrolment-possible",
    title: "Opt-in where automatic enrolment is possible",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "info",
    recommended: true,
    description:
      "An application or renewal step asks only for data elements and documents that government already holds, so the agency could decide eligibility from its records.",
    rationale:
      "If everything an application asks is already on file, the application itself is the friction: people who qualify " +
      "miss out only because they did not opt in. Sunstein points to automatic enrolment as the strongest remedy for sludge, " +
      "and the retirement life experience shows enrolments that could follow from data one agency already holds.",
    sources: [SOURCES.sunsteinOrdeals, SOURCES.retirementPle, SOURCES.onceOnly],
    remediation:
      "Enrol (or renew) eligible people automatically from the records, with notice and a way to opt out; or prefill the " +
      "whole application so the customer only confirms.",
    options: z.strictObject({
      lanes: lanesOption(CUSTOMER_FACING_LANES),
      activities: activitiesOption(["apply", "renew"], "Step activities that count as opting in"),
      minItems: z.number().int().min(1).default(1).describe("Fewest things a step must ask (all of them held) to be flagged"),
      heldBy: z
        .enum(["any-agency", "asking-agency"])
        .default("any-agency")
        .describe("Count items held by any agency, or only by the agency whose service asks"),
      minutesSaved: z
        .enum(["step", "none"])
        .default("step")
        .describe("Report the step's own customer, hold and travel minutes as the burden (step) or report none"),
    }),
  },
  check(ctx) {
    const { lanes, activities, minItems, heldBy, minutesSaved } = ctx.options;
    const laneSet = new Set(lanes);
    const activitySet = new Set(activities);
    for (const service of ctx.catalog.services) {
      const held = (holders: readonly string[]): boolean =>
        heldBy === "any-agency" ? holders.length > 0 : holders.includes(service.agency);
      for (const step of service.steps) {
        if (!laneSet.has(step.lane) || step.activity === undefined || !activitySet.has(step.activity)) continue;
        const asked = step.dataAsked.length + step.documentsAsked.length;
        if (asked < minItems) continue;
        const holders = new Set<string>();
        let allHeld = true;
        for (const id of step.dataAsked) {
          const list = ctx.index.dataElements.get(id)?.heldBy ?? [];
          if (!held(list)) {
            allHeld = false;
            break;
          }
          for (const agency of list) holders.add(agency);
        }
        if (allHeld) {
          for (const id of step.documentsAsked) {
            const list = ctx.index.documentTypes.get(id)?.heldBy ?? [];
            if (!held(list)) {
              allHeld = false;
              break;
            }
            for (const agency of list) holders.add(agency);
          }
        }
        if (!allHeld) continue;
        const items = [...step.dataAsked, ...step.documentsAsked];
        const holderLabels = [...holders].map((a) => agencyLabel(ctx.index, a)).sort();
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' (${step.activity}) asks only for facts government holds, so customers could be enrolled without applying`,
          evidence: [
            `step '${step.id}' activity: ${step.activity}`,
            `asks for: ${listIds(items, 8)}`,
            `all held by: ${holderLabels.join(", ")}`,
          ],
          minutes: minutesSaved === "step" ? stepCustomerMinutes(step) : 0,
        });
      }
    }
  },
});

export default autoEnrolmentPossible;
