import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { formatNumber, formatPercent } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step where customers vanish from the flow model: its branch shares add up to less than 1, or its only way
 * on is a rework flow (a fix-up with no way forward), so the customers it loses are counted at no later step and the
 * service's hours come out short. The leaks come from the flow model (`analyzeService(...).leaks`).
 *
 * @example
 * ```ts
 * import { lostCustomers } from "service-blueprint";
 * lostCustomers.meta.id; // "lost-customers"
 * lostCustomers.meta.options.parse({}).minShare; // 0.001
 * ```
 */
export const lostCustomers = defineRule({
  meta: {
    id: "lost-customers",
    title: "Customers lost from the flow",
    category: "structure",
    categories: ["structure"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A reachable step passes on fewer customers than reach it: its branch shares add up to less than 1, or its only way on is a rework flow.",
    rationale:
      "Burden is counted along the customer's path, minutes times the share of customers who do each step (the NSW Sludge " +
      "Finder's arithmetic). Customers who fall out of the model at a step are counted at no later step: the service's " +
      "hours, every later finding and every comparison come out short, and a redesign can look better than it is. A " +
      "blueprint shows where every customer goes next.",
    sources: [SOURCES.nswSludgeFinder, SOURCES.shostack],
    remediation:
      "Make the branch shares add up to 1 (add the missing branch, for example the customers who give up or are " +
      "referred), and give a fix-up step a way forward beside its rework flow (a sequence flow to the step its " +
      "customers go on to).",
    options: z.strictObject({
      minShare: z
        .number()
        .min(0)
        .max(1)
        .default(0.001)
        .describe("Smallest share of the step's customers lost that is reported (smaller gaps are rounding)"),
    }),
  },
  check(ctx) {
    const { minShare } = ctx.options;
    for (const service of ctx.catalog.services) {
      const analysis = ctx.analysis.service(service.id);
      if (analysis.leaks.length === 0) continue;
      const volume = service.occasion.annualVolume;
      for (const leak of analysis.leaks) {
        if (leak.lost < minShare) continue;
        const step = ctx.index.step(service.id, leak.step.step)?.step;
        if (step === undefined) continue;
        const lost = `${formatPercent(leak.lost)} of the customers reaching it`;
        const ofAll = `${formatPercent(leak.lostOfAll)} of the service's customers`;
        const people = volume === undefined ? "" : `, ${Math.round(leak.lostOfAll * volume).toLocaleString("en-US")} a year`;
        const evidence =
          leak.reason === "fix-up"
            ? [`step '${step.id}' next: ${step.next.map((f) => `${f.kind} to '${f.to}'`).join(", ")} (no sequence or branch flow)`]
            : [
                `step '${step.id}' branch shares: ${step.next
                  .filter((f) => f.kind === "branch")
                  .map((f) => `'${f.to}' ${formatNumber(f.share ?? 0)}`)
                  .join(", ")} (sum ${formatNumber(1 - leak.lost)})`,
              ];
        evidence.push(`customers lost: ${lost} (${ofAll}${people})`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message:
            leak.reason === "fix-up"
              ? `Step '${step.id}' has no way on but a rework flow: ${lost} (${ofAll}) are counted at no later step`
              : `Step '${step.id}' passes on only ${formatPercent((1 - leak.lost))} of its customers: ${lost} (${ofAll}) vanish from the flow`,
          evidence,
        });
      }
    }
  },
});

export default lostCustomers;
