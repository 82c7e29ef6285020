import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { CUSTOMER_FACING_LANES, amountOption, formatNumber, lanesOption, plural } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a customer-facing step that takes the customer more than `maxMinutes` minutes of their own effort.
 *
 * @example
 * ```ts
 * import { lengthyStep } from "service-blueprint";
 * lengthyStep.meta.id; // "lengthy-step"
 * lengthyStep.meta.options.parse({}).maxMinutes; // 60
 * ```
 */
export const lengthyStep = defineRule({
  meta: {
    id: "lengthy-step",
    title: "Lengthy form or step",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "info",
    recommended: true,
    description: "A customer-facing step takes more than `maxMinutes` minutes of the customer's own effort (`customerMinutes`).",
    rationale:
      "Long forms and processes are the most common friction sludge audits find: each extra question costs every customer " +
      "time, and long sessions are where people stop. OMB asks agencies to estimate this time honestly and to cut questions " +
      "they do not need.",
    sources: [SOURCES.nswToolkit, SOURCES.m2210],
    remediation:
      "Drop questions the agency does not use, prefill what it already knows, split the step so customers can save and return, " +
      "and ask only what the decision needs.",
    options: z.strictObject({
      lanes: lanesOption(CUSTOMER_FACING_LANES),
      maxMinutes: amountOption(60, "Longest acceptable customer effort at one step, in minutes (flagged when exceeded)"),
    }),
  },
  check(ctx) {
    const { lanes, maxMinutes } = ctx.options;
    const laneSet = new Set(lanes);
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!laneSet.has(step.lane) || step.customerMinutes <= maxMinutes) continue;
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' takes customers ${plural(step.customerMinutes, "minute")} of effort`,
          evidence: [`step '${step.id}' customerMinutes: ${formatNumber(step.customerMinutes)} (over ${formatNumber(maxMinutes)})`],
          minutes: step.customerMinutes,
        });
      }
    }
  },
});

export default lengthyStep;
