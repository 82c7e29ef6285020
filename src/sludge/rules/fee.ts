import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, formatDollars } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step that charges the customer out of pocket (`fee` over a threshold).
 *
 * @example
 * ```ts
 * import { fee } from "service-blueprint";
 * fee.meta.id; // "fee"
 * fee.meta.options.parse({}); // { minFee: 0 }
 * ```
 */
export const fee = defineRule({
  meta: {
    id: "fee",
    title: "Out-of-pocket fee",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "info",
    recommended: true,
    description: "A step charges the customer more than `minFee` US dollars.",
    rationale:
      "A fee is a compliance cost in money rather than time, and it falls hardest on the people with the least, who may be " +
      "the ones the service exists for. Sludge audits weigh fees beside time and effort, and Herd and Moynihan show how small " +
      "costs deter eligible people.",
    sources: [SOURCES.nswSludgeFinder, SOURCES.herdMoynihan],
    remediation: "Remove the fee, waive it for low-income customers, or fold it into a later payment the customer already makes.",
    options: z.strictObject({
      minFee: amountOption(0, "Fee, in US dollars, above which a step is flagged"),
    }),
  },
  check(ctx) {
    const { minFee } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.fee <= minFee) continue;
        const evidence = [`step '${step.id}' fee: ${formatDollars(step.fee)}`];
        if (step.policy !== undefined) evidence.push(`policy: ${step.policy}`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' charges customers ${formatDollars(step.fee)}`,
          evidence,
          fee: step.fee,
        });
      }
    }
  },
});

export default fee;
