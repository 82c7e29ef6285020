import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { describeChannel, lanesOption, stepChannelGroup } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a customer-facing step marked not accessible (`accessible: false`), and, when `requireDeclared` is set, a
 * digital step that does not state whether it meets Section 508.
 *
 * @example
 * ```ts
 * import { accessibilityGap } from "service-blueprint";
 * accessibilityGap.meta.id; // "accessibility-gap"
 * accessibilityGap.meta.options.parse({}).requireDeclared; // false
 * ```
 */
export const accessibilityGap = defineRule({
  meta: {
    id: "accessibility-gap",
    title: "Accessibility gap",
    category: "inclusion",
    categories: ["inclusion"],
    defaultSeverity: "error",
    recommended: true,
    description:
      "A customer-facing step is not accessible (`accessible: false`), for example a web form that fails Section 508; optionally, a digital step that does not say.",
    rationale:
      "A form a screen reader cannot read, or an office a wheelchair cannot enter, denies the service outright to some " +
      "customers. Federal agencies must make their information technology accessible under Section 508, the IDEA Act " +
      "repeats the duty for websites and digital services, and sludge audits treat inaccessible channels as an inclusion barrier.",
    sources: [SOURCES.section508, SOURCES.ideaAct, SOURCES.nswToolkit],
    remediation: "Fix the step to meet Section 508 (WCAG 2.0 AA for digital channels) and test it with assistive technology users.",
    options: z.strictObject({
      lanes: lanesOption(["physical-evidence", "customer", "frontstage"]),
      requireDeclared: z
        .boolean()
        .default(false)
        .describe("Also flag digital steps that do not state `accessible` at all"),
    }),
  },
  check(ctx) {
    const { lanes, requireDeclared } = ctx.options;
    const laneSet = new Set(lanes);
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!laneSet.has(step.lane)) continue;
        const channel = step.channel === undefined ? "(none)" : describeChannel(ctx.index, step.channel);
        if (step.accessible === false) {
          ctx.report({
            target: { service: service.id, step: step.id },
            message: `Step '${step.id}' is not accessible (Section 508)`,
            evidence: [`step '${step.id}' accessible: false`, `channel: ${channel}`],
          });
        } else if (requireDeclared && step.accessible === undefined && stepChannelGroup(ctx.index, step) === "digital") {
          ctx.report({
            target: { service: service.id, step: step.id },
            message: `Digital step '${step.id}' does not state whether it is accessible (Section 508)`,
            evidence: [`step '${step.id}' accessible: (not stated)`, `channel: ${channel}`],
          });
        }
      }
    }
  },
});

export default accessibilityGap;
