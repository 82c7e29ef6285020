import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { lanesOption } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Reports a customer step with no channel: the rules that read channels (paper, in person only, digital only,
 * accessibility) cannot judge it.
 *
 * @example
 * ```ts
 * import { missingChannel } from "service-blueprint";
 * missingChannel.meta.id; // "missing-channel"
 * missingChannel.meta.options.parse({}).lanes; // ["customer"]
 * ```
 */
export const missingChannel = defineRule({
  meta: {
    id: "missing-channel",
    title: "Customer step without a channel",
    category: "structure",
    categories: ["structure"],
    defaultSeverity: "info",
    recommended: true,
    description: "A step in the customer lane names no `channel`, so where the customer does it is unknown.",
    rationale:
      "A-11 describes every service by its channels, and a blueprint's customer actions happen somewhere: online, by phone, " +
      "in person or on paper. Without the channel, channel-based checks stay silent and the model understates the burden.",
    sources: [SOURCES.a11Handbook, SOURCES.shostack],
    remediation: "Name the channel the customer uses for the step (add it to `channels` if it is new).",
    options: z.strictObject({
      lanes: lanesOption(["customer"]),
    }),
  },
  check(ctx) {
    const laneSet = new Set(ctx.options.lanes);
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (!laneSet.has(step.lane) || step.channel !== undefined) continue;
        ctx.report({
          target: { service: service.id, step: step.id },
          message: `Step '${step.id}' names no channel`,
          evidence: [`step '${step.id}' lane: ${step.lane}`, "channel: (none)"],
        });
      }
    }
  },
});

export default missingChannel;
