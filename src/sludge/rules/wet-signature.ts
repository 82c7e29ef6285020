import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, describeChannel, stepChannelGroup } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step that needs an ink signature: `signature: wet`, or any signature collected over a paper, postal or
 * fax channel (which can only be signed in ink).
 *
 * @example
 * ```ts
 * import { wetSignature } from "service-blueprint";
 * wetSignature.meta.id; // "wet-signature"
 * wetSignature.meta.options.parse({}); // { printMinutes: 15, paperImpliesWet: true }
 * ```
 */
export const wetSignature = defineRule({
  meta: {
    id: "wet-signature",
    title: "Wet signature required",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A step needs a signature in ink: its signature is `wet`, or it collects a signature over a paper, postal or fax channel.",
    rationale:
      "An ink signature forces the customer to print, sign and then scan, fax or post a form, and usually stops a digital " +
      "journey at the last step. Federal law and OMB policy tell agencies to accept electronic signatures where they can " +
      "and to drop signature requirements that serve no purpose.",
    sources: [SOURCES.ideaAct, SOURCES.m2322],
    remediation:
      "Accept an electronic signature (or a click-to-attest statement), or remove the signature if nothing in law needs it.",
    options: z.strictObject({
      printMinutes: amountOption(15, "Minutes a customer spends to print, sign in ink and scan, fax or post the form (an assumption)"),
      paperImpliesWet: z
        .boolean()
        .default(true)
        .describe("Treat any signature collected over a paper, postal-mail or fax channel as an ink signature"),
    }),
  },
  check(ctx) {
    const { printMinutes, paperImpliesWet } = ctx.options;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.signature === "none") continue;
        const onPaper = stepChannelGroup(ctx.index, step) === "paper";
        if (step.signature !== "wet" && !(paperImpliesWet && onPaper)) continue;
        const evidence = [`step '${step.id}' signature: ${step.signature}`];
        if (step.channel !== undefined) evidence.push(`channel: ${describeChannel(ctx.index, step.channel)}`);
        if (step.policy !== undefined) evidence.push(`policy: ${step.policy}`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message:
            step.signature === "wet"
              ? `Step '${step.id}' needs a signature in ink`
              : `Step '${step.id}' collects a signature over a paper channel, so it must be signed in ink`,
          evidence,
          minutes: printMinutes,
        });
      }
    }
  },
});

export default wetSignature;
