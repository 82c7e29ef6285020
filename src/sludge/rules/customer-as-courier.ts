import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { linkShare } from "../../graph/experience-graph.js";
import { reachOf } from "../internal/reach.js";
import { agencyLabel, amountOption, formatNumber, listIds } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags a link of a life experience that the customer carries (`kind: customer-carries`): one service hands over
 * to another by making the customer fetch and deliver the papers, instead of the agencies sharing the data.
 *
 * @example
 * ```ts
 * import { customerAsCourier } from "service-blueprint";
 * customerAsCourier.meta.id; // "customer-as-courier"
 * customerAsCourier.meta.options.parse({}); // { carryMinutes: 15, minutesPerDocument: 5 }
 * ```
 */
export const customerAsCourier = defineRule({
  meta: {
    id: "customer-as-courier",
    title: "Customer as courier",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A link between two services of a life experience is carried by the customer (`customer-carries`) rather than by data sharing.",
    rationale:
      "When one agency's decision is the next agency's evidence, making the customer carry it turns them into a courier " +
      "between offices: they must request letters, copy them and bring them along, and the hand-off fails when they do " +
      "not. Executive Order 14058 asks agencies to design around the life experience across agency lines, and the disaster " +
      "recovery project found survivors repeating the same proof to several agencies.",
    sources: [SOURCES.eo14058, SOURCES.disasterPle, SOURCES.onceOnly],
    remediation:
      "Share the data between the agencies (a data-share link under a computer matching or data use agreement), or let the " +
      "customer authorize the transfer with one consent instead of carrying papers.",
    options: z.strictObject({
      carryMinutes: amountOption(15, "Minutes a customer spends on one hand-off: requesting, fetching and delivering (an assumption)"),
      minutesPerDocument: amountOption(5, "Extra minutes for each document carried along the link (an assumption)"),
    }),
  },
  check(ctx) {
    const { carryMinutes, minutesPerDocument } = ctx.options;
    for (const experience of ctx.catalog.lifeExperiences) {
      for (const link of experience.links) {
        if (link.kind !== "customer-carries") continue;
        const fromService = ctx.index.services.get(link.from.service);
        const toService = ctx.index.services.get(link.to.service);
        const fromAgency = fromService ? agencyLabel(ctx.index, fromService.agency) : "?";
        const toAgency = toService ? agencyLabel(ctx.index, toService.agency) : "?";
        const evidence = [
          `link '${link.id}' kind: customer-carries`,
          `from service '${link.from.service}' step '${link.from.step}' (${fromAgency}) to service '${link.to.service}' step '${link.to.step}' (${toAgency})`,
        ];
        if (link.documents.length > 0) evidence.push(`documents carried: ${listIds(link.documents, 8)}`);
        if (link.data.length > 0) evidence.push(`data carried: ${listIds(link.data, 8)}`);
        if (link.waitDays > 0) evidence.push(`wait along the link: ${link.waitDays} days`);
        const share = linkShare(ctx.index, experience, link);
        if (share !== (link.share ?? 1))
          evidence.push(
            `share of the customers at '${link.from.step}' who follow it: ${formatNumber(share)}, implied by the volume of service '${link.to.service}' ` +
              (link.share === undefined ? "(the link states none)" : `(the link states ${formatNumber(link.share)}, more than the service takes)`),
          );
        else if (link.share !== undefined) evidence.push(`share of the customers at '${link.from.step}' who follow it: ${formatNumber(share)}`);
        const volume = fromService?.occasion.annualVolume;
        const carriers = volume === undefined ? 0 : volume * (reachOf(ctx.index, link.from.service).get(link.from.step) ?? 0) * share;
        const between = fromAgency === toAgency ? `within ${toAgency}` : `from ${fromAgency} to ${toAgency}`;
        ctx.report({
          target: { experience: experience.id, link: link.id },
          message: `Link '${link.id}' makes the customer carry the hand-off ${between} (no data sharing)`,
          evidence,
          minutes: carryMinutes + minutesPerDocument * link.documents.length,
          waitDays: link.waitDays,
          customersPerYear: carriers,
        });
      }
    }
  },
});

export default customerAsCourier;
