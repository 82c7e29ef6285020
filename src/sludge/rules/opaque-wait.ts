import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, plural } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step whose wait gives the customer no status and no notification (`waitVisibility: opaque`).
 *
 * @example
 * ```ts
 * import { opaqueWait } from "service-blueprint";
 * opaqueWait.meta.id; // "opaque-wait"
 * opaqueWait.meta.options.parse({}).followUpMinutes; // 10
 * ```
 */
export const opaqueWait = defineRule({
  meta: {
    id: "opaque-wait",
    title: "Opaque wait",
    category: "psychological",
    categories: ["psychological"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A step makes the customer wait (`waitDays` at least `minWaitDays`) with no way to see progress (`waitVisibility: opaque`).",
    rationale:
      "Waiting without news is harder than waiting: people worry, call to ask, resubmit, or give up because they think the " +
      "claim was lost. Sludge audits name waits without updates as a source of psychological cost, and a status tracker or " +
      "proactive notice is one of the cheapest fixes there is.",
    sources: [SOURCES.oecdFrictions, SOURCES.nswToolkit],
    remediation:
      "Tell the customer where their case is: a status page, proactive notices at each stage, and an expected decision date.",
    options: z.strictObject({
      minWaitDays: amountOption(1, "Shortest wait, in days, worth checking"),
      followUpMinutes: amountOption(10, "Minutes a customer spends chasing news of an opaque wait: a call or a visit to ask (an assumption)"),
      unknownIsOpaque: z
        .boolean()
        .default(false)
        .describe("Also flag waits whose `waitVisibility` is not stated"),
      statusOnRequestIsOpaque: z
        .boolean()
        .default(false)
        .describe("Also flag waits whose status is given only when the customer asks (`status-on-request`)"),
    }),
  },
  check(ctx) {
    const { minWaitDays, followUpMinutes, unknownIsOpaque, statusOnRequestIsOpaque } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.waitDays <= 0 || step.waitDays < minWaitDays) continue;
        const visibility = step.waitVisibility;
        const flagged =
          visibility === "opaque" ||
          (visibility === undefined && unknownIsOpaque) ||
          (visibility === "status-on-request" && statusOnRequestIsOpaque);
        if (!flagged) continue;
        const how =
          visibility === "opaque"
            ? "with no status or notification"
            : visibility === undefined
              ? "and the model does not say what the customer can see of it"
              : "and gives status only when the customer asks";
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' makes customers wait ${plural(step.waitDays, "day")} ${how}`,
          evidence: [`step '${step.id}' waitDays: ${step.waitDays}`, `waitVisibility: ${visibility ?? "(not stated)"}`],
          minutes: followUpMinutes,
          waitDays: step.waitDays,
        });
      }
    }
  },
});

export default opaqueWait;
