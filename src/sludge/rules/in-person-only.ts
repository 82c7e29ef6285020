import * as z from "zod";
import { CHANNEL_GROUPS } from "../../model/vocabulary.js";
import { defineRule } from "../define-rule.js";
import {
  CUSTOMER_FACING_LANES,
  activitiesOption,
  describeChannel,
  lanesOption,
  listIds,
  serviceChannelGroups,
  serviceChannelIds,
  stepChannelGroup,
} from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a customer-facing step that can only be done in person: its channel is in person (an office or a kiosk)
 * and its service offers no digital or phone channel at all.
 *
 * @example
 * ```ts
 * import { inPersonOnly } from "service-blueprint";
 * inPersonOnly.meta.id; // "in-person-only"
 * inPersonOnly.meta.options.parse({}).alternatives; // ["digital", "phone"]
 * ```
 */
export const inPersonOnly = defineRule({
  meta: {
    id: "in-person-only",
    title: "In person only",
    category: "compliance",
    categories: ["compliance", "inclusion"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A customer-facing step happens in person and either its service offers no remote alternative (no digital or phone channel), or every path to a completed or granted outcome passes through it.",
    rationale:
      "When the only way through is a visit, every customer pays for travel, time off work and the queue, and people with " +
      "disabilities, caring duties or no transport pay most. Sludge audits single out steps that can only be completed in " +
      "person, and the IDEA Act asks agencies to offer digital ways to do what used to need a visit.",
    sources: [SOURCES.nswToolkit, SOURCES.ideaAct, SOURCES.m2210],
    remediation:
      "Offer the step online or by phone (video interviews, remote identity proofing, upload instead of hand-in); keep the " +
      "office as one choice among several.",
    options: z.strictObject({
      lanes: lanesOption(CUSTOMER_FACING_LANES),
      alternatives: z
        .array(z.enum(CHANNEL_GROUPS))
        .default(["digital", "phone"])
        .describe("Channel groups that count as a remote alternative when the service offers them"),
      exemptActivities: activitiesOption([], "Step activities that truly need presence (record a waiver instead where you can)"),
    }),
  },
  check(ctx) {
    const { lanes, alternatives, exemptActivities } = ctx.options;
    const laneSet = new Set(lanes);
    const exempt = new Set(exemptActivities);
    for (const service of ctx.catalog.services) {
      const groups = serviceChannelGroups(ctx.index, service);
      const remote = alternatives.some((group) => groups.has(group));
      let offered: string | undefined;
      for (const step of service.steps) {
        if (!laneSet.has(step.lane) || step.channel === undefined) continue;
        if (step.activity !== undefined && exempt.has(step.activity)) continue;
        if (stepChannelGroup(ctx.index, step) !== "in-person") continue;
        // In a service with remote channels, only a visit every path to a successful outcome passes through.
        if (remote && !ctx.analysis.required(service.id, step.id)) continue;
        offered ??= listIds(serviceChannelIds(service), 8);
        const evidence = [`step '${step.id}' channel: ${describeChannel(ctx.index, step.channel)}`];
        if (remote) {
          evidence.push(`every path from an entry to a completed or granted outcome passes through step '${step.id}'`);
          evidence.push(`service '${service.id}' channels: ${offered}`);
        } else evidence.push(`service '${service.id}' offers no ${alternatives.join(" or ")} channel (channels: ${offered})`);
        if (step.travelMinutes > 0) evidence.push(`travel: ${step.travelMinutes} minutes`);
        if (step.holdMinutes > 0) evidence.push(`hold or queue: ${step.holdMinutes} minutes`);
        ctx.report({
          target: { service: service.id, step: step.id },
          message: remote
            ? `Step '${step.id}' can only be done in person and every path to the outcome of service '${service.id}' passes through it, although the service offers ${alternatives.join(" or ")} channels elsewhere`
            : `Step '${step.id}' can only be done in person: service '${service.id}' has no ${alternatives.join(" or ")} channel`,
          evidence,
          minutes: step.travelMinutes + step.holdMinutes,
        });
      }
    }
  },
});

export default inPersonOnly;
