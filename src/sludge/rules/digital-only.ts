import * as z from "zod";
import { CHANNEL_GROUPS } from "../../model/vocabulary.js";
import { defineRule } from "../define-rule.js";
import { listIds, serviceChannelGroups, serviceChannelIds } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a service that can only be reached digitally: it offers a digital channel but no assisted one (phone or in
 * person).
 *
 * @example
 * ```ts
 * import { digitalOnly } from "service-blueprint";
 * digitalOnly.meta.id; // "digital-only"
 * digitalOnly.meta.options.parse({}).assisted; // ["phone", "in-person"]
 * ```
 */
export const digitalOnly = defineRule({
  meta: {
    id: "digital-only",
    title: "Digital only: no assisted path",
    category: "inclusion",
    categories: ["inclusion"],
    defaultSeverity: "warning",
    recommended: true,
    description: "A service offers digital channels but no assisted channel (phone or in person) for customers who need help.",
    rationale:
      "Digital-first is not digital-only. People without a device, a connection, digital skills or an identity that online " +
      "proofing can verify are shut out when no person can help them. Sludge audits treat steps that can only be done " +
      "online as an inclusion barrier, just like steps that can only be done in person.",
    sources: [SOURCES.nswToolkit, SOURCES.oecdFrictions, SOURCES.m2322],
    remediation:
      "Add an assisted path (a phone line, an office or a trusted partner who can complete the step with the customer) and " +
      "list it in the service's channels.",
    options: z.strictObject({
      assisted: z
        .array(z.enum(CHANNEL_GROUPS))
        .default(["phone", "in-person"])
        .describe("Channel groups that count as an assisted path"),
    }),
  },
  check(ctx) {
    const assisted = ctx.options.assisted;
    for (const service of ctx.catalog.services) {
      const groups = serviceChannelGroups(ctx.index, service);
      if (!groups.has("digital") || assisted.some((group) => groups.has(group))) continue;
      const evidence = [
        `service '${service.id}' channels: ${listIds(serviceChannelIds(service), 8)}`,
        `channel groups offered: ${[...groups].sort().join(", ")}`,
      ];
      ctx.report({
        target: { service: service.id },
        message: `Service '${service.id}' offers no assisted channel (${assisted.join(" or ")}): only digital`,
        evidence,
      });
    }
  },
});

export default digitalOnly;
