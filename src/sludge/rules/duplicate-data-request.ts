import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption } from "./internal/helpers.js";
import { reportRepeatedAsks } from "./internal/repeated-asks.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a data element asked of the customer more than once: twice along one path of a service, or in several
 * services of a life experience without being shared between them. The repeats come from the graph analyses
 * (`analyzeService`, `analyzeLifeExperience`).
 *
 * @example
 * ```ts
 * import { duplicateDataRequest } from "service-blueprint";
 * duplicateDataRequest.meta.id; // "duplicate-data-request"
 * duplicateDataRequest.meta.options.parse({}).minutesPerRepeat; // 2
 * ```
 */
export const duplicateDataRequest = defineRule({
  meta: {
    id: "duplicate-data-request",
    title: "Duplicate data request",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "The same data element is asked in two or more steps on one path of a service, or across services of a life experience without reuse.",
    rationale:
      "Every repeated question costs the customer time and patience, and every copy of a fact is a chance for the copies " +
      "to disagree. The once-only principle asks government to collect a fact once and pass it on; the approaching-retirement " +
      "life experience found people giving the same information to several agencies in turn.",
    sources: [SOURCES.onceOnly, SOURCES.tellUsOnce, SOURCES.retirementPle],
    remediation:
      "Ask once and carry the answer forward: prefill later steps, and share it between agencies with a data-share link.",
    options: z.strictObject({
      minutesPerRepeat: amountOption(2, "Minutes a customer spends entering a data element again (an assumption)"),
      scopes: z
        .array(z.enum(["path", "experience"]))
        .default(["path", "experience"])
        .describe("Where to look for repeats: along the paths of one service, and across the services of a life experience"),
    }),
  },
  check(ctx) {
    reportRepeatedAsks(ctx, "data", ctx.options.scopes, ctx.options.minutesPerRepeat, {
      noun: "data element",
      remediation: undefined,
    });
  },
});

export default duplicateDataRequest;
