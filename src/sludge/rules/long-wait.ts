import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, formatNumber, plural } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step whose wait (in days) or time on hold or in a queue (in minutes) exceeds a threshold.
 *
 * @example
 * ```ts
 * import { longWait } from "service-blueprint";
 * longWait.meta.id; // "long-wait"
 * longWait.meta.options.parse({}); // { maxWaitDays: 30, maxHoldMinutes: 30 }
 * ```
 */
export const longWait = defineRule({
  meta: {
    id: "long-wait",
    title: "Long wait or hold",
    category: "compliance",
    categories: ["compliance", "psychological"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A step keeps the customer waiting longer than `maxWaitDays` days, or on hold or in a queue longer than `maxHoldMinutes` minutes.",
    rationale:
      "Time spent waiting is a cost the customer bears: days without a decision delay money or care people need, and long " +
      "holds on the phone or in a queue cost hours of their day and wear down their patience. Sludge audits count waits in " +
      "days beside effort in minutes, and Sunstein lists waiting among the frictions that keep people from what they are owed.",
    sources: [SOURCES.nswSludgeFinder, SOURCES.sunsteinAudits],
    remediation:
      "Shorten the wait (decide faster, triage, automate checks), offer call-backs or appointments instead of holds, and " +
      "keep the customer informed while they wait.",
    options: z.strictObject({
      maxWaitDays: amountOption(30, "Longest acceptable wait at one step, in days (flagged when exceeded)"),
      maxHoldMinutes: amountOption(30, "Longest acceptable hold or queue at one step, in minutes (flagged when exceeded)"),
    }),
  },
  check(ctx) {
    const { maxWaitDays, maxHoldMinutes } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        const longDays = step.waitDays > maxWaitDays;
        const longHold = step.holdMinutes > maxHoldMinutes;
        if (!longDays && !longHold) continue;
        const parts: string[] = [];
        const evidence: string[] = [];
        if (longDays) {
          parts.push(`a wait of ${plural(step.waitDays, "day")}`);
          evidence.push(`step '${step.id}' waitDays: ${formatNumber(step.waitDays)} (over ${formatNumber(maxWaitDays)})`);
        }
        if (longHold) {
          parts.push(`${plural(step.holdMinutes, "minute")} on hold or in a queue`);
          evidence.push(`step '${step.id}' holdMinutes: ${formatNumber(step.holdMinutes)} (over ${formatNumber(maxHoldMinutes)})`);
        }
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' costs customers ${parts.join(" and ")}`,
          evidence,
          minutes: longHold ? step.holdMinutes : 0,
          waitDays: longDays ? step.waitDays : 0,
        });
      }
    }
  },
});

export default longWait;
