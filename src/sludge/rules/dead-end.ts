import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a step that customers reach but that leads nowhere: no next step, no outcome, no referral. With
 * `denialsNeedNextStep`, also a denial that ends the service without an appeal or another way forward.
 *
 * @example
 * ```ts
 * import { deadEnd } from "service-blueprint";
 * deadEnd.meta.id; // "dead-end"
 * deadEnd.meta.options.parse({}).denialsNeedNextStep; // true
 * ```
 */
export const deadEnd = defineRule({
  meta: {
    id: "dead-end",
    title: "Dead end",
    category: "psychological",
    categories: ["psychological", "structure"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A reachable step has no next step and no outcome, or (with `denialsNeedNextStep`) a denial ends the service with no appeal, referral or other step.",
    rationale:
      "A customer who reaches a step that leads nowhere is left not knowing what happens next or what they can do: the " +
      "stress and loss of control Herd and Moynihan call psychological cost. A denial with no route to appeal or to " +
      "another service is the sharpest case; blueprints mark such points so that every path ends somewhere the " +
      "customer understands.",
    sources: [SOURCES.herdMoynihan, SOURCES.shostack, SOURCES.bitner],
    remediation:
      "Give every step a way forward: an outcome the customer is told, a next step, or for a denial an appeal or a " +
      "referral to another service.",
    options: z.strictObject({
      denialsNeedNextStep: z
        .boolean()
        .default(true)
        .describe("Also flag a step with outcome `denied` that offers no next step (no appeal or referral)"),
    }),
  },
  check(ctx) {
    const { denialsNeedNextStep } = ctx.options;
    // Steps a life-experience link carries on to another service: the customer goes somewhere from them.
    const linkedOn = new Map<string, string>();
    for (const experience of ctx.catalog.lifeExperiences) {
      for (const link of experience.links) {
        if (link.from.service === link.to.service || ctx.index.step(link.to.service, link.to.step) === undefined) continue;
        const key = `${link.from.service}\u0000${link.from.step}`;
        if (!linkedOn.has(key)) linkedOn.set(key, `link '${link.id}' of life experience '${experience.id}'`);
      }
    }
    for (const service of ctx.catalog.services) {
      const dead = new Set(ctx.analysis.service(service.id).deadEnds.map((ref) => ref.step));
      const unreachable = new Set(ctx.analysis.service(service.id).unreachable.map((ref) => ref.step));
      for (const step of service.steps) {
        if (linkedOn.has(`${service.id}\u0000${step.id}`)) continue;
        if (dead.has(step.id)) {
          ctx.report({
            target: { service: service.id, step: step.id },
            message: `Step '${step.id}' leads nowhere: no next step and no outcome`,
            evidence: [`step '${step.id}' next: (none)`, "outcome: (none)"],
          });
        } else if (
          denialsNeedNextStep &&
          step.outcome === "denied" &&
          step.next.length === 0 &&
          step.attachedTo === undefined &&
          !unreachable.has(step.id)
        ) {
          ctx.report({
            target: { service: service.id, step: step.id },
            message: `Step '${step.id}' denies customers with no appeal, referral or other next step`,
            evidence: [`step '${step.id}' outcome: denied`, "next: (none)"],
          });
        }
      }
    }
  },
});

export default deadEnd;
