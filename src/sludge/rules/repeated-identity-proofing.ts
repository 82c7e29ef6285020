import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption } from "./internal/helpers.js";
import { reportRepeatedAsks } from "./internal/repeated-asks.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags identity proofing done more than once without a shared credential: along one path of a service, or across
 * the services of a life experience. The repeats come from the graph analyses.
 *
 * @example
 * ```ts
 * import { repeatedIdentityProofing } from "service-blueprint";
 * repeatedIdentityProofing.meta.id; // "repeated-identity-proofing"
 * repeatedIdentityProofing.meta.options.parse({}).minutesPerRepeat; // 15
 * ```
 */
export const repeatedIdentityProofing = defineRule({
  meta: {
    id: "repeated-identity-proofing",
    title: "Repeated identity proofing",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "The customer proves their identity more than once (on one path of a service, or across the services of a life experience) without a shared credential.",
    rationale:
      "Proving who you are is among the hardest steps of a digital service: documents, selfies, knowledge questions, " +
      "sometimes a visit. Doing it again for each agency multiplies the cost and the drop-outs. The summaries of Executive " +
      "Order 14058 call for a shared, secure sign-in so people verify once and use that credential across services.",
    sources: [SOURCES.eo14058, SOURCES.m2322],
    remediation: "Use one shared credential (such as Login.gov) for every step that needs proofing, and record it in `credential`.",
    options: z.strictObject({
      minutesPerRepeat: amountOption(15, "Minutes a customer spends proving identity again (an assumption; in-person proofing costs more)"),
      scopes: z
        .array(z.enum(["path", "experience"]))
        .default(["path", "experience"])
        .describe("Where to look for repeats: along the paths of one service, and across the services of a life experience"),
    }),
  },
  check(ctx) {
    reportRepeatedAsks(ctx, "identity", ctx.options.scopes, ctx.options.minutesPerRepeat, {
      noun: "identity check",
      remediation: undefined,
    });
  },
});

export default repeatedIdentityProofing;
