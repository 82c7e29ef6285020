import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { agencyLabel } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a designated service (A-11 Section 280) that records no post-transaction feedback collection.
 *
 * @example
 * ```ts
 * import { noFeedbackPoint } from "service-blueprint";
 * noFeedbackPoint.meta.id; // "no-feedback-point"
 * noFeedbackPoint.meta.category; // "a11"
 * ```
 */
export const noFeedbackPoint = defineRule({
  meta: {
    id: "no-feedback-point",
    title: "Designated service without feedback collection",
    category: "a11",
    categories: ["a11"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A service designated with OMB (`designated: true`) has no feedback collection (`feedback` is empty).",
    rationale:
      "A-11 Section 280 asks High-Impact Service Providers to collect post-transaction feedback on each designated service " +
      "and report it every quarter; without a feedback point the agency cannot show how customers experience the service " +
      "or whether a redesign helped.",
    sources: [SOURCES.a11Handbook, SOURCES.a11Reporting],
    remediation:
      "Add a post-transaction survey (the A-11 v2 trust question and drivers) at the step where the transaction ends, and " +
      "record its quarterly results in the service's `feedback`.",
    options: z.strictObject({}),
  },
  check(ctx) {
    for (const service of ctx.catalog.services) {
      if (!service.designated || service.feedback.length > 0) continue;
      const agency = ctx.index.agencies.get(service.agency);
      const evidence = [`service '${service.id}' designated: true`, "feedback: (none)"];
      if (agency?.hisp === true) evidence.push(`agency ${agencyLabel(ctx.index, service.agency)} is a High-Impact Service Provider`);
      ctx.report({
        target: { service: service.id },
        message: `Designated service '${service.id}' collects no post-transaction feedback`,
        evidence,
      });
    }
  },
});

export default noFeedbackPoint;
