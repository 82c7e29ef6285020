import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a deadline that carries a penalty but names no step that reminds the customer of it.
 *
 * @example
 * ```ts
 * import { deadlineWithoutReminder } from "service-blueprint";
 * deadlineWithoutReminder.meta.id; // "deadline-without-reminder"
 * deadlineWithoutReminder.meta.options.parse({}); // { requirePenalty: true }
 * ```
 */
export const deadlineWithoutReminder = defineRule({
  meta: {
    id: "deadline-without-reminder",
    title: "Deadline with a penalty and no reminder",
    category: "psychological",
    categories: ["psychological", "compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A step has a deadline with a penalty (`deadline.penalty`) and no reminder step (`deadline.reminder`).",
    rationale:
      "People miss deadlines they were never reminded of, above all when the rules are complex and the deadline falls at a " +
      "busy moment of life. Medicare's Part B enrolment window is the textbook case: a late sign-up carries a surcharge for " +
      "life. Sunstein counts reminders among the cheapest ways to reduce sludge.",
    sources: [SOURCES.airMedicare, SOURCES.sunsteinOrdeals, SOURCES.retirementPle],
    remediation:
      "Add a reminder step (a letter, e-mail or text before the deadline) and name it in `deadline.reminder`; better still, " +
      "remove the penalty or enrol people automatically.",
    options: z.strictObject({
      requirePenalty: z
        .boolean()
        .default(true)
        .describe("Only flag deadlines that carry a penalty (set false to flag every deadline without a reminder)"),
    }),
  },
  check(ctx) {
    const { requirePenalty } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        const deadline = step.deadline;
        if (deadline === undefined || deadline.reminder !== undefined) continue;
        if (requirePenalty && deadline.penalty === undefined) continue;
        const evidence = [`step '${step.id}' deadline: ${deadline.description}`];
        if (deadline.days !== undefined) evidence.push(`days allowed: ${deadline.days}`);
        if (deadline.penalty !== undefined) evidence.push(`penalty: ${deadline.penalty}`);
        evidence.push("reminder: none");
        ctx.report({
          target: { service: service.id, step: step.id },
          message:
            deadline.penalty === undefined
              ? `Step '${step.id}' has a deadline and no step reminds customers of it`
              : `Step '${step.id}' has a deadline with a penalty (${deadline.penalty}) and no step reminds customers of it`,
          evidence,
        });
      }
    }
  },
});

export default deadlineWithoutReminder;
