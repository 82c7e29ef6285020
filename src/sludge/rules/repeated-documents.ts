import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption } from "./internal/helpers.js";
import { reportRepeatedAsks } from "./internal/repeated-asks.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a document type requested from the customer more than once: twice along one path of a service, or in
 * several services of a life experience. The repeats come from the graph analyses.
 *
 * @example
 * ```ts
 * import { repeatedDocuments } from "service-blueprint";
 * repeatedDocuments.meta.id; // "repeated-documents"
 * repeatedDocuments.meta.options.parse({}).minutesPerRepeat; // 10
 * ```
 */
export const repeatedDocuments = defineRule({
  meta: {
    id: "repeated-documents",
    title: "Repeated documents",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "The same document type is requested in two or more steps on one path of a service, or across services of a life experience.",
    rationale:
      "Documents are the costliest thing to ask for: the customer must find, copy, scan or post them, and replace them if " +
      "lost. Asking again for one already supplied multiplies that cost. Disaster survivors report proving the same loss " +
      "to agency after agency, and OMB's M-22-10 counts the time spent gathering records in the burden agencies must reduce.",
    sources: [SOURCES.disasterPle, SOURCES.m2210, SOURCES.onceOnly],
    remediation: "Keep the document once it is supplied and pass it (or the fact it proves) to later steps and other agencies.",
    options: z.strictObject({
      minutesPerRepeat: amountOption(10, "Minutes a customer spends supplying a document again: finding, copying, uploading (an assumption)"),
      scopes: z
        .array(z.enum(["path", "experience"]))
        .default(["path", "experience"])
        .describe("Where to look for repeats: along the paths of one service, and across the services of a life experience"),
    }),
  },
  check(ctx) {
    reportRepeatedAsks(ctx, "document", ctx.options.scopes, ctx.options.minutesPerRepeat, {
      noun: "document",
      remediation: undefined,
    });
  },
});

export default repeatedDocuments;
