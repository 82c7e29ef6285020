import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, formatDollars } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step that needs a notarized document or signature.
 *
 * @example
 * ```ts
 * import { notarization } from "service-blueprint";
 * notarization.meta.id; // "notarization"
 * notarization.meta.options.parse({}); // { notaryMinutes: 60, notaryFee: 0 }
 * ```
 */
export const notarization = defineRule({
  meta: {
    id: "notarization",
    title: "Notarization required",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A step requires notarization (`notarization: true`).",
    rationale:
      "A notary means finding one, travelling there during opening hours, waiting, and often paying a fee, all to prove " +
      "something an agency could usually check another way. Herd and Moynihan count such requirements among the " +
      "compliance costs that keep eligible people out, and OMB asks agencies to count the travel and document-gathering " +
      "time they impose.",
    sources: [SOURCES.herdMoynihan, SOURCES.prospectInterview, SOURCES.m2210],
    remediation:
      "Accept a signed attestation under penalty of perjury, verify identity with a shared credential, or check the fact " +
      "against records the government holds.",
    options: z.strictObject({
      notaryMinutes: amountOption(60, "Minutes a customer spends to find a notary, get there and wait (an assumption)"),
      notaryFee: amountOption(
        0,
        "Notary fee in US dollars to add to the finding; leave 0 when the step's own `fee` already includes it (the fee rule counts that)",
      ),
    }),
  },
  check(ctx) {
    const { notaryMinutes, notaryFee } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!step.notarization) continue;
        const evidence = [`step '${step.id}' notarization: true`];
        if (step.fee > 0) evidence.push(`step fee: ${formatDollars(step.fee)}`);
        if (step.policy !== undefined) evidence.push(`policy: ${step.policy}`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' requires notarization`,
          evidence,
          minutes: notaryMinutes,
          fee: notaryFee,
        });
      }
    }
  },
});

export default notarization;
