import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, describeChannel, formatNumber, plural } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step that makes the customer travel (`travelMinutes` over a threshold).
 *
 * @example
 * ```ts
 * import { travelRequired } from "service-blueprint";
 * travelRequired.meta.id; // "travel-required"
 * travelRequired.meta.options.parse({}); // { minTravelMinutes: 0 }
 * ```
 */
export const travelRequired = defineRule({
  meta: {
    id: "travel-required",
    title: "Travel required",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A step makes the customer travel for more than `minTravelMinutes` minutes (to an office, a kiosk or a notary).",
    rationale:
      "Travel is time, fares and often a lost day of wages, and it weighs most on rural customers, people with disabilities " +
      "and those without a car. OMB tells agencies to count travel time when they estimate the burden of a collection, not " +
      "only the minutes spent on a form.",
    sources: [SOURCES.m2210, SOURCES.herdMoynihan],
    remediation:
      "Let the customer do the step remotely, bring the service closer (mobile units, partner sites), or combine visits so " +
      "one trip does it all.",
    options: z.strictObject({
      minTravelMinutes: amountOption(0, "Travel time, in minutes, above which a step is flagged"),
    }),
  },
  check(ctx) {
    const { minTravelMinutes } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.travelMinutes <= minTravelMinutes) continue;
        const evidence = [`step '${step.id}' travelMinutes: ${formatNumber(step.travelMinutes)}`];
        if (step.channel !== undefined) evidence.push(`channel: ${describeChannel(ctx.index, step.channel)}`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' makes customers travel ${plural(step.travelMinutes, "minute")}`,
          evidence,
          minutes: step.travelMinutes,
        });
      }
    }
  },
});

export default travelRequired;
