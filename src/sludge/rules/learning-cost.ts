import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, formatNumber, plural, stepCustomerMinutes } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a learning step (`activity: learn`) that costs the customer more than `maxMinutes` minutes of finding out
 * whether and how to use the service.
 *
 * @example
 * ```ts
 * import { learningCost } from "service-blueprint";
 * learningCost.meta.id; // "learning-cost"
 * learningCost.meta.options.parse({}).maxMinutes; // 20
 * ```
 */
export const learningCost = defineRule({
  meta: {
    id: "learning-cost",
    title: "High learning cost",
    category: "learning",
    categories: ["learning"],
    defaultSeverity: "info",
    recommended: true,
    description:
      "A step whose activity is `learn` costs the customer more than `maxMinutes` minutes (effort, hold and travel) to find out whether they are eligible and what to do.",
    rationale:
      "Before anyone can apply they must learn that a program exists, whether it fits them and what it asks for. Herd and " +
      "Moynihan call this the learning cost; it keeps eligible people away and OMB asks agencies to count it in their burden " +
      "estimates. Several priority life experiences report it first: parents who never hear of programs, retirees unsure when to claim.",
    sources: [SOURCES.herdMoynihan, SOURCES.m2210, SOURCES.retirementPle],
    remediation:
      "Tell people proactively when an event makes them eligible, publish a short eligibility check in plain language, and " +
      "point to one place that explains the whole journey.",
    options: z.strictObject({
      maxMinutes: amountOption(20, "Longest acceptable learning time at one step, in minutes (flagged when exceeded)"),
    }),
  },
  check(ctx) {
    const { maxMinutes } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.activity !== "learn") continue;
        const minutes = stepCustomerMinutes(step);
        if (minutes <= maxMinutes) continue;
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' costs customers ${plural(minutes, "minute")} just to learn about the service`,
          evidence: [
            `step '${step.id}' activity: learn`,
            `customer, hold and travel minutes: ${formatNumber(minutes)} (over ${formatNumber(maxMinutes)})`,
          ],
          minutes,
        });
      }
    }
  },
});

export default learningCost;
