import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { reachOf } from "../internal/reach.js";
import { formatNumber, formatPercent, listIds, plural, stepCustomerMinutes } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a fail point whose recovery sends the customer back to an earlier step (a `rework` flow), with what one
 * repeat costs and what it costs on average per customer reaching the fail point. The loops come from the graph
 * analysis (`analyzeService`).
 *
 * @example
 * ```ts
 * import { reworkLoop } from "service-blueprint";
 * reworkLoop.meta.id; // "rework-loop"
 * reworkLoop.meta.options.parse({}).assumedShare; // 0.1
 * ```
 */
export const reworkLoop = defineRule({
  meta: {
    id: "rework-loop",
    title: "Rework loop",
    category: "compliance",
    categories: ["compliance", "psychological"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A step sends some customers back to an earlier step (a `rework` flow), so they repeat steps they have already done.",
    rationale:
      "Being sent back to start over is where effort turns into frustration: the customer redoes work, waits again, and " +
      "often learns only then what was wanted the first time. Blueprints mark these fail points because they are where " +
      "services break, and sludge audits count the repeated time as burden like any other.",
    sources: [SOURCES.shostack, SOURCES.sunsteinAudits, SOURCES.nswSludgeFinder],
    remediation:
      "Catch the problem before it sends people back: check answers as they are given, say up front what evidence is " +
      "needed, and let the customer fix one item instead of redoing the steps.",
    options: z.strictObject({
      assumedShare: z
        .number()
        .min(0)
        .max(1)
        .default(0.1)
        .describe("Share of customers sent back when neither the rework flow nor the fail point states one (an assumption)"),
    }),
  },
  check(ctx) {
    const { assumedShare } = ctx.options;
    for (const service of ctx.catalog.services) {
      const loops = ctx.analysis.service(service.id).reworkLoops;
      if (loops.length === 0) continue;
      const steps = ctx.index.stepsOf(service.id);
      const reach = reachOf(ctx.index, service.id);
      for (const loop of loops) {
        const from = steps.get(loop.from.step)?.step;
        if (!from) continue;
        // One repeat: the steps redone, each weighted by the share of the customers sent back who redo it.
        let minutes = 0;
        let waitDays = 0;
        const repeated: string[] = [];
        for (const { step: ref, share: part } of loop.repeated) {
          const step = steps.get(ref.step)?.step;
          if (!step) continue;
          repeated.push(step.id);
          minutes += part * stepCustomerMinutes(step);
          waitDays += part * step.waitDays;
        }
        const stated = loop.share ?? from.failPoint?.share;
        const share = stated ?? assumedShare;
        const evidence = [
          `step '${from.id}' sends customers back to '${loop.backTo.step}' (share ${formatNumber(share)}${stated === undefined ? ", assumed" : ""})`,
          `steps repeated: ${repeated.length === 0 ? "(none)" : listIds(repeated, 10)}`,
          `one repeat costs ${plural(Number(minutes.toFixed(2)), "minute")} and ${plural(Number(waitDays.toFixed(2)), "day")} of waiting`,
        ];
        if (from.failPoint) evidence.push(`fail point: ${from.failPoint.description}`);
        const ofAll = share * (reach.get(from.id) ?? 0);
        ctx.report({
          target: { service: service.id, step: from.id },
          message:
            `Step '${from.id}' sends ${formatPercent(share)} of the customers reaching it (${formatPercent(ofAll)} of the service's) ` +
            `back to '${loop.backTo.step}' to repeat ${plural(repeated.length, "step")}`,
          evidence,
          minutes: share * minutes,
          waitDays: share * waitDays,
          key: loop.backTo.step,
        });
      }
    }
  },
});

export default reworkLoop;
