import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { CUSTOMER_FACING_LANES, amountOption, describeChannel, lanesOption, stepChannelGroup } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a customer-facing step whose channel is paper, postal mail or fax.
 *
 * @example
 * ```ts
 * import { paperChannel } from "service-blueprint";
 * paperChannel.meta.id; // "paper-channel"
 * paperChannel.meta.options.parse({}).paperMinutes; // 10
 * ```
 */
export const paperChannel = defineRule({
  meta: {
    id: "paper-channel",
    title: "Paper, post or fax",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A customer-facing step runs on paper, postal mail or fax.",
    rationale:
      "Paper steps make customers print, fill in by hand, copy, post or find a fax machine, add days in the mail, and lose " +
      "the checks a digital form does as you type, so errors come back as rework. Sludge audits list forms that must be " +
      "printed and scanned as a typical friction, and the IDEA Act asks agencies to offer their forms digitally.",
    sources: [SOURCES.nswToolkit, SOURCES.ideaAct, SOURCES.m2322],
    remediation: "Offer the step as a digital form or an upload, with a phone or in-person path for customers who need help.",
    options: z.strictObject({
      lanes: lanesOption(CUSTOMER_FACING_LANES),
      paperMinutes: amountOption(10, "Minutes of printing, copying, posting or faxing a paper step adds per customer (an assumption)"),
    }),
  },
  check(ctx) {
    const { lanes, paperMinutes } = ctx.options;
    const laneSet = new Set(lanes);
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!laneSet.has(step.lane) || step.channel === undefined) continue;
        if (stepChannelGroup(ctx.index, step) !== "paper") continue;
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' runs on paper (channel ${describeChannel(ctx.index, step.channel)})`,
          evidence: [`step '${step.id}' channel: ${describeChannel(ctx.index, step.channel)}`, `lane: ${step.lane}`],
          minutes: paperMinutes,
        });
      }
    }
  },
});

export default paperChannel;
