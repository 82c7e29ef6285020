import * as z from "zod";
import { linkOverflows } from "../../graph/experience-graph.js";
import { defineRule } from "../define-rule.js";
import { formatNumber, formatPercent, listIds } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/**
 * Flags the links of a life experience that would carry more people into a service than it serves a year: the
 * volume of the service each link leaves × the share reaching the step it leaves from × its share (1 when unstated),
 * summed over the links into the service, above the service's `occasion.annualVolume`. The figures across the life
 * experience then use the shares the volumes imply (so nobody is counted twice); the finding names them, so that the
 * catalog can state them. Read from `linkOverflows` of the flow model.
 *
 * @example
 * ```ts
 * import { linkOverVolume } from "service-blueprint";
 * linkOverVolume.meta.id; // "link-over-volume"
 * linkOverVolume.meta.category; // "structure"
 * ```
 */
export const linkOverVolume = defineRule({
  meta: {
    id: "link-over-volume",
    title: "Links carry more people than the service serves",
    category: "structure",
    categories: ["structure"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "The links into a service of a life experience would carry more people a year than the service's annual volume: a link's share is missing or too high.",
    rationale:
      "A life experience's figures follow people from one agency's service to the next along its links, each link carrying " +
      "its share of the people at the step it leaves. A link without a share carries everyone: a disaster registration of " +
      "1.9 million would send 1.9 million people to a state program that serves 40,000, and every repeated ask, re-check " +
      "and carried letter there would be counted for people who never come. Burden figures count each person once, on " +
      "the paths they really take (the NSW Sludge Finder's minutes x volume x share).",
    sources: [SOURCES.nswSludgeFinder, SOURCES.eo14058],
    remediation:
      "State each link's `share`: the part of the customers at the step it leaves who go on to the service, so that the " +
      "links into a service carry no more than its `occasion.annualVolume` (the finding names the shares the volumes imply).",
    options: z.strictObject({}),
  },
  check(ctx) {
    for (const experience of ctx.catalog.lifeExperiences) {
      for (const overflow of linkOverflows(ctx.index, experience)) {
        const { service, volume, carried, links } = overflow;
        const unstated = links.filter((l) => l.stated === undefined).map((l) => l.link.id);
        const people = (n: number): string => Math.round(n).toLocaleString("en-US");
        ctx.report({
          target: { experience: experience.id },
          key: service,
          message:
            `Links ${listIds(links.map((l) => l.link.id))} would carry ${people(carried)} people a year into service '${service}' of life experience ` +
            `'${experience.id}', which serves ${people(volume)}` +
            (unstated.length > 0 ? ` (${unstated.length === links.length ? "no link states" : `${listIds(unstated)} state${unstated.length === 1 ? "s" : ""} no`} share)` : "") +
            `: the figures use ${links.map((l) => `${formatPercent(l.share)} for '${l.link.id}'`).join(", ")}`,
          evidence: [
            `service '${service}' occasion.annualVolume: ${people(volume)}`,
            ...links.map(
              (l) =>
                `link '${l.link.id}' from '${l.link.from.service}/${l.link.from.step}': share ${l.stated === undefined ? "not stated (1)" : formatNumber(l.stated)}, used ${formatNumber(Number(l.share.toFixed(6)))}`,
            ),
            `people the links would carry: ${people(carried)} a year`,
          ],
        });
      }
    }
  },
});

export default linkOverVolume;
