import * as z from "zod";
import type { Step } from "../../model/schema.js";
import { reachOf } from "../internal/reach.js";
import { defineRule } from "../define-rule.js";
import type { RuleContext } from "../types.js";
import { formatNumber, formatPercent } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/** Lanes from which the agency reaches the customer: what the customer sees or receives. */
const NOTICE_LANES = new Set(["frontstage", "physical-evidence"]);

/**
 * Why a named reminder does not remind: it is not a notice from the agency (a customer, backstage or support step),
 * or it does not reach the customers at the deadline before it (attached to the deadline step, or upstream of it on
 * their path, for every one of them). `undefined` when it does.
 */
function reminderProblem(ctx: RuleContext<unknown>, serviceId: string, step: Step, reminderId: string): { message: string; evidence: string } | undefined {
  const reminder = ctx.index.step(serviceId, reminderId)?.step;
  if (reminder === undefined) return { message: "is not a step of the service", evidence: "no such step" };
  if (!NOTICE_LANES.has(reminder.lane) || reminder.outcome !== undefined) {
    return {
      message: `is not a notice from the agency (lane ${reminder.lane}${reminder.outcome === undefined ? "" : `, outcome ${reminder.outcome}`})`,
      evidence: `lane ${reminder.lane}; a reminder is a frontstage or physical-evidence step that reaches the customer`,
    };
  }
  if (reminder.attachedTo === step.id) return undefined;
  const atDeadline = reachOf(ctx.index, serviceId).get(step.id) ?? 0;
  if (atDeadline === 0) return undefined;
  const reminded = ctx.analysis.metBefore(serviceId, reminder.id, step.id) / atDeadline;
  if (reminded >= 1 - 1e-9) return undefined;
  if (reminded <= 1e-9) {
    return {
      message: "does not reach customers before the deadline",
      evidence: `no customer meets step '${reminder.id}' before step '${step.id}' (it comes after it, or on another branch)`,
    };
  }
  return {
    message: `reaches only ${formatPercent(reminded)} of the customers before the deadline`,
    evidence: `${formatPercent(reminded)} of the customers at step '${step.id}' met step '${reminder.id}' before it`,
  };
}

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
    description:
      "A step has a deadline with a penalty (`deadline.penalty`) and no reminder: no `deadline.reminder`, or one that is not a notice from the agency (frontstage or physical evidence) reaching every customer before the deadline.",
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
        if (deadline === undefined) continue;
        if (requirePenalty && deadline.penalty === undefined) continue;
        const problem = deadline.reminder === undefined ? undefined : reminderProblem(ctx, service.id, step, deadline.reminder);
        if (deadline.reminder !== undefined && problem === undefined) continue;
        const evidence = [`step '${step.id}' deadline: ${deadline.description}`];
        if (deadline.days !== undefined) evidence.push(`days allowed: ${deadline.days}`);
        if (deadline.penalty !== undefined) evidence.push(`penalty: ${deadline.penalty}`);
        evidence.push(problem === undefined ? "reminder: none" : `reminder '${deadline.reminder}': ${problem.evidence}`);
        const what = deadline.penalty === undefined ? "a deadline" : `a deadline with a penalty (${deadline.penalty})`;
        ctx.report({
          target: { service: service.id, step: step.id },
          message:
            problem === undefined
              ? `Step '${step.id}' has ${what} and no step reminds customers of it`
              : `Step '${step.id}' has ${what} and its reminder '${deadline.reminder}' ${problem.message}`,
          evidence,
        });
      }
    }
  },
});

export default deadlineWithoutReminder;
