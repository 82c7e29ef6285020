import * as z from "zod";
import { channelGroup } from "../../model/vocabulary.js";
import { defineRule } from "../define-rule.js";
import { describeChannel, lanesOption } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a customer-facing step that does not declare its language access (`languages` empty) or, for a digital or
 * phone step, whether it is accessible (`accessible` unset). In the `strict` preset only: a catalog that states
 * neither cannot be checked by `language-gap` or `accessibility-gap`.
 *
 * @example
 * ```ts
 * import { accessUndeclared } from "service-blueprint";
 * accessUndeclared.meta.id; // "access-undeclared"
 * accessUndeclared.meta.options.parse({}).check; // ["languages", "accessible"]
 * ```
 */
export const accessUndeclared = defineRule({
  meta: {
    id: "access-undeclared",
    title: "Language access or accessibility not declared",
    category: "inclusion",
    categories: ["inclusion"],
    defaultSeverity: "info",
    recommended: false,
    strictOnly: true,
    description:
      "A customer-facing step with a channel states no `languages`, or (on a digital or phone channel, the information and communication technology Section 508 covers) does not state `accessible`. The catalog schema records languages and Section 508 conformance only; other accommodations (an accessible office, large print, sign language) have no field, so the rule does not ask for them.",
    rationale:
      "A step that does not say which languages it is offered in, or whether it works with assistive technology, cannot be " +
      "checked for the gaps that shut people out. Executive Order 13166 requires agencies to give people with limited " +
      "English meaningful access to their programs, and Section 508 requires accessible information technology; a service " +
      "model that records neither leaves both unexamined. This rule is in the strict preset only: it asks for " +
      "documentation, not a change to the service.",
    sources: [SOURCES.eo13166, SOURCES.section508, SOURCES.m2322],
    remediation:
      "State the languages the step is offered in (`languages`, BCP 47 tags) and whether it meets Section 508 " +
      "(`accessible`); `language-gap` and `accessibility-gap` then check them.",
    options: z.strictObject({
      lanes: lanesOption(["physical-evidence", "customer", "frontstage"]),
      check: z
        .array(z.enum(["languages", "accessible"]))
        .default(["languages", "accessible"])
        .describe("What a step must declare: its languages, and (digital or phone steps) whether it is accessible"),
    }),
  },
  check(ctx) {
    const laneSet = new Set(ctx.options.lanes);
    const checkLanguages = ctx.options.check.includes("languages");
    const checkAccessible = ctx.options.check.includes("accessible");
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!laneSet.has(step.lane) || step.channel === undefined) continue;
        const kind = ctx.index.channels.get(step.channel)?.kind;
        const group = kind === undefined ? undefined : channelGroup(kind);
        const noLanguages = checkLanguages && step.languages.length === 0;
        const noAccessible = checkAccessible && step.accessible === undefined && (group === "digital" || group === "phone");
        if (!noLanguages && !noAccessible) continue;
        const missing = [...(noLanguages ? ["its languages"] : []), ...(noAccessible ? ["whether it is accessible (Section 508)"] : [])];
        const evidence = [`channel: ${describeChannel(ctx.index, step.channel)}`];
        if (noLanguages) evidence.push(`step '${step.id}' languages: (none stated)`);
        if (noAccessible) evidence.push(`step '${step.id}' accessible: (not stated)`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' does not declare ${missing.join(" or ")}`,
          evidence,
        });
      }
    }
  },
});

export default accessUndeclared;
