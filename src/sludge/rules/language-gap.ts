import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { describeChannel, lanesOption, listIds } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/** The primary subtag of a BCP 47 tag, lower-cased: `es-US` becomes `es`. */
function primary(tag: string): string {
  const dash = tag.indexOf("-");
  return (dash < 0 ? tag : tag.slice(0, dash)).toLowerCase();
}

/**
 * Flags a customer-facing step offered in too few languages (fewer than `minLanguages`), or missing a language
 * the options require. Steps that state no languages are skipped unless `flagUndeclared` is set.
 *
 * @example
 * ```ts
 * import { languageGap } from "service-blueprint";
 * languageGap.meta.id; // "language-gap"
 * languageGap.meta.options.parse({ requiredLanguages: ["es"] }).minLanguages; // 2
 * ```
 */
export const languageGap = defineRule({
  meta: {
    id: "language-gap",
    title: "Language gap",
    category: "inclusion",
    categories: ["inclusion"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A customer-facing step is offered in fewer than `minLanguages` languages (for example English only), or lacks a language listed in `requiredLanguages`.",
    rationale:
      "A step in English only is a wall for people with limited English, who are often the ones a benefit is meant for. " +
      "Sludge audits list information available only in English as an inclusion barrier, and M-23-22 asks for digital " +
      "services that work for the whole public they serve.",
    sources: [SOURCES.nswToolkit, SOURCES.m2322],
    remediation: "Translate the step (forms, letters, pages, scripts) into the languages the customers speak, and offer interpreters.",
    options: z.strictObject({
      lanes: lanesOption(["physical-evidence", "customer", "frontstage"]),
      minLanguages: z.number().int().min(1).default(2).describe("Fewest distinct languages a customer-facing step should be offered in"),
      requiredLanguages: z
        .array(z.string().regex(/^[a-z]{2,3}$/, { message: "a primary language subtag such as 'es'" }))
        .default([])
        .describe("Languages (primary subtags such as 'es') every customer-facing step must be offered in"),
      flagUndeclared: z
        .boolean()
        .default(false)
        .describe("Also flag steps with a channel that state no languages at all"),
    }),
  },
  check(ctx) {
    const { lanes, minLanguages, requiredLanguages, flagUndeclared } = ctx.options;
    const laneSet = new Set(lanes);
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!laneSet.has(step.lane)) continue;
        if (step.languages.length === 0) {
          if (!flagUndeclared || step.channel === undefined) continue;
          ctx.report({
            target: { service: service.id, step: step.id },
            message: `Step '${step.id}' states no languages, so its language access cannot be checked`,
            evidence: [`step '${step.id}' languages: (none stated)`, `channel: ${describeChannel(ctx.index, step.channel)}`],
          });
          continue;
        }
        const offered = new Set(step.languages.map(primary));
        const missing = requiredLanguages.filter((tag) => !offered.has(tag));
        const tooFew = offered.size < minLanguages;
        if (!tooFew && missing.length === 0) continue;
        const offeredList = [...offered].sort();
        const evidence = [`step '${step.id}' languages: ${step.languages.join(", ")}`];
        if (tooFew) evidence.push(`distinct languages: ${offered.size} (fewer than ${minLanguages})`);
        if (missing.length > 0) evidence.push(`required but missing: ${missing.join(", ")}`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message:
            missing.length > 0
              ? `Step '${step.id}' is not offered in ${listIds(missing)} (offered in ${offeredList.join(", ")})`
              : `Step '${step.id}' is offered only in ${offeredList.join(", ")}`,
          evidence,
        });
      }
    }
  },
});

export default languageGap;
