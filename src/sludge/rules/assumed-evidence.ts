import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { CUSTOMER_FACING_LANES, lanesOption, listIds } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Reports a service whose customer-facing steps rest on assumed facts (`evidence: assumed`, the default) rather
 * than observed or reported ones, above a share.
 *
 * @example
 * ```ts
 * import { assumedEvidence } from "service-blueprint";
 * assumedEvidence.meta.id; // "assumed-evidence"
 * assumedEvidence.meta.options.parse({}).maxAssumedShare; // 0
 * ```
 */
export const assumedEvidence = defineRule({
  meta: {
    id: "assumed-evidence",
    title: "Facts assumed, not observed",
    category: "structure",
    categories: ["structure"],
    defaultSeverity: "info",
    recommended: false,
    description:
      "More than `maxAssumedShare` of a service's customer-facing steps carry `evidence: assumed`: their times, waits and asks were not observed or reported.",
    rationale:
      "Burden numbers are only as good as the facts under them. Sludge audits and service blueprints both rest on walking " +
      "the journey and talking to customers and staff; a model built from assumptions should say so, so readers weigh its " +
      "findings accordingly and the team knows where to go and look.",
    sources: [SOURCES.nswToolkit, SOURCES.bitner],
    remediation: "Observe the steps (walk the journey, time it, talk to customers and front-line staff) and set `evidence: observed` or `reported`.",
    options: z.strictObject({
      lanes: lanesOption(CUSTOMER_FACING_LANES),
      maxAssumedShare: z.number().min(0).max(1).default(0).describe("Largest acceptable share of assumed steps (0 flags any)"),
    }),
  },
  check(ctx) {
    const { lanes, maxAssumedShare } = ctx.options;
    const laneSet = new Set(lanes);
    for (const service of ctx.catalog.services) {
      let total = 0;
      const assumed: string[] = [];
      for (const step of service.steps) {
        if (!laneSet.has(step.lane)) continue;
        total += 1;
        if (step.evidence === "assumed") assumed.push(step.id);
      }
      if (assumed.length === 0 || assumed.length / total <= maxAssumedShare) continue;
      ctx.report({
        target: { service: service.id },
        message: `${assumed.length} of ${total} customer-facing steps of service '${service.id}' rest on assumed facts`,
        evidence: [`assumed: ${listIds(assumed, 10)}`, `lanes checked: ${lanes.join(", ")}`],
      });
    }
  },
});

export default assumedEvidence;
