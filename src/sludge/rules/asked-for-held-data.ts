import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { CUSTOMER_FACING_LANES, agencyLabel, amountOption, lanesOption, listIds, plural } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step that asks the customer for a data element or a document that government already holds (its
 * `heldBy` lists at least one agency).
 *
 * @example
 * ```ts
 * import { askedForHeldData } from "service-blueprint";
 * askedForHeldData.meta.id; // "asked-for-held-data"
 * askedForHeldData.meta.options.parse({}).heldBy; // "any-agency"
 * ```
 */
export const askedForHeldData = defineRule({
  meta: {
    id: "asked-for-held-data",
    title: "Asked for what government holds",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A step asks the customer for a data element or a document that an agency already holds (listed in its `heldBy`).",
    rationale:
      "The once-only principle says government should ask for a fact once and reuse it. Asking people to supply what an " +
      "agency already has costs them time, invites errors and mismatches, and tells them government does not talk to " +
      "itself. The UK's Tell Us Once and the EU's once-only work show the data can follow the customer instead.",
    sources: [SOURCES.onceOnly, SOURCES.tellUsOnce, SOURCES.retirementPle],
    remediation:
      "Prefill or look up the fact from the agency that holds it (with the customer's consent where law needs it) and ask the " +
      "customer only to confirm it.",
    options: z.strictObject({
      lanes: lanesOption(CUSTOMER_FACING_LANES),
      heldBy: z
        .enum(["any-agency", "asking-agency"])
        .default("any-agency")
        .describe("Flag items held by any agency, or only those held by the agency whose service asks"),
      minutesPerDataElement: amountOption(2, "Minutes a customer spends finding and entering one data element (an assumption)"),
      minutesPerDocument: amountOption(15, "Minutes a customer spends finding, copying and supplying one document (an assumption)"),
    }),
  },
  check(ctx) {
    const { lanes, heldBy, minutesPerDataElement, minutesPerDocument } = ctx.options;
    const laneSet = new Set(lanes);
    for (const service of ctx.catalog.services) {
      const counts = (holders: readonly string[]): boolean =>
        heldBy === "any-agency" ? holders.length > 0 : holders.includes(service.agency);
      for (const step of service.steps) {
        if (!laneSet.has(step.lane)) continue;
        if (step.dataAsked.length === 0 && step.documentsAsked.length === 0) continue;
        const items: string[] = [];
        const evidence: string[] = [];
        let minutes = 0;
        for (const id of step.dataAsked) {
          const holders = ctx.index.dataElements.get(id)?.heldBy ?? [];
          if (!counts(holders)) continue;
          items.push(id);
          minutes += minutesPerDataElement;
          evidence.push(`data element '${id}' is held by ${holders.map((a) => agencyLabel(ctx.index, a)).join(", ")}`);
        }
        for (const id of step.documentsAsked) {
          const holders = ctx.index.documentTypes.get(id)?.heldBy ?? [];
          if (!counts(holders)) continue;
          items.push(id);
          minutes += minutesPerDocument;
          evidence.push(`document '${id}' is held by ${holders.map((a) => agencyLabel(ctx.index, a)).join(", ")}`);
        }
        if (items.length === 0) continue;
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' asks customers for ${plural(items.length, "thing")} government already holds: ${listIds(items)}`,
          evidence,
          minutes,
        });
      }
    }
  },
});

export default askedForHeldData;
