import * as z from "zod";
import { metBefore } from "../../graph/flow.js";
import { crossAgencyVerifications } from "../../graph/repeated-asks.js";
import { experiencePeople } from "../internal/reach.js";
import { defineRule } from "../define-rule.js";
import { experienceFlow } from "../../graph/experience-flow.js";
import { agencyLabel, formatNumber, formatPercent, listIds } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/** Below this, a share is rounding noise. */
const EPSILON = 1e-9;

/** One step checking again, with the items and the earlier checks of other agencies. */
interface Recheck {
  readonly node: number;
  readonly items: string[];
  readonly first: { readonly service: string; readonly step: string; readonly agency: string }[];
}

/**
 * Flags a step that checks a data element or a document (`dataVerified`, `documentsVerified`: an inspection, a
 * check against records, a review of a document) which another agency already checked earlier on the person's
 * path through a life experience. The customers are those who meet both checks (the flow model's "meet both"),
 * each person counted once per re-checking step whatever the number of facts checked there.
 *
 * @example
 * ```ts
 * import { repeatedVerification } from "service-blueprint";
 * repeatedVerification.meta.id; // "repeated-verification"
 * repeatedVerification.meta.options.parse({}); // { countStepTime: true }
 * ```
 */
export const repeatedVerification = defineRule({
  meta: {
    id: "repeated-verification",
    title: "The same fact verified again by another agency",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "Across a life experience, a step verifies a data element or a document (`dataVerified`, `documentsVerified`: a second inspection, a check against records, a review of a document) that a step of another agency already verified earlier on the person's path.",
    rationale:
      "When one agency has inspected the damage or checked the income, a second agency sending its own inspector or asking " +
      "for the proof again costs the person another visit, another wait and another chance to fail. Disaster survivors " +
      "meet FEMA's inspector and then SBA's loss verifier at the same damaged home; GAO found federal recovery programs " +
      "spread across more than 30 entities with differing requirements and little data sharing. The once-only principle " +
      "and Executive Order 14058 ask agencies to reuse what government already verified.",
    sources: [SOURCES.gaoDisasterRecovery, SOURCES.disasterPle, SOURCES.onceOnly, SOURCES.eo14058, SOURCES.herdMoynihan],
    remediation:
      "Accept the first agency's verification (a data-sharing agreement, a shared inspection report) and drop the second " +
      "check, or have one check serve both programs.",
    options: z.strictObject({
      countStepTime: z
        .boolean()
        .default(true)
        .describe("Count the re-checking step's customer minutes and waiting days (with its attached steps) as the burden of the repeat"),
    }),
  },
  check(ctx) {
    const { countStepTime } = ctx.options;
    for (const experience of ctx.catalog.lifeExperiences) {
      const flow = experienceFlow(ctx.index, experience);
      const found = crossAgencyVerifications(flow.model, flow.reachable);
      if (found.length === 0) continue;
      const { graph, model } = flow;
      // Group the repeats by the step checking again: one finding per step, whatever the facts it re-checks.
      const byNode = new Map<number, Recheck>();
      for (const ask of found) {
        for (const repeat of ask.repeats) {
          if (repeat.shared) continue;
          const v = graph.position(repeat.step.service, repeat.step.step)!;
          let entry = byNode.get(v);
          if (entry === undefined) byNode.set(v, (entry = { node: v, items: [], first: [] }));
          entry.items.push(`${ask.kind === "data" ? "data element" : "document"} '${ask.item}'`);
          for (const a of repeat.first) if (!entry.first.some((b) => b.service === a.service && b.step === a.step)) entry.first.push(a);
        }
      }
      if (byNode.size === 0) continue;
      const people = experiencePeople(ctx.index, experience);
      const agencyGroup = new Int32Array(graph.nodes.length);
      const agencies = new Map<string, number>();
      graph.nodes.forEach((node, v) => {
        let id = agencies.get(node.agency);
        if (id === undefined) agencies.set(node.agency, (id = agencies.size));
        agencyGroup[v] = id;
      });
      const rechecks = [...byNode.values()].sort((a, b) => model.order.position[a.node]! - model.order.position[b.node]!);
      for (const recheck of rechecks) {
        const node = graph.nodes[recheck.node]!;
        // The people who meet this step having met a check of any of its facts by another agency (one pass of the flow
        // model with every check of them marked): each person once, however many facts are checked again.
        const marked = new Uint8Array(graph.nodes.length);
        const keys = new Set([...node.step.dataVerified.map((id) => `d:${id}`), ...node.step.documentsVerified.map((id) => `D:${id}`)]);
        // Checks by the step's own agency are marked too: people checked again there were counted at that check.
        graph.nodes.forEach((other, u) => {
          if (other.step.dataVerified.some((id) => keys.has(`d:${id}`)) || other.step.documentsVerified.some((id) => keys.has(`D:${id}`))) marked[u] = 1;
        });
        marked[recheck.node] = 1;
        const share = Math.min(model.reach[recheck.node]!, metBefore(model, marked, agencyGroup).other[recheck.node]!);
        if (share <= EPSILON) continue;
        let minutes = node.minutes;
        let waitDays = node.step.waitDays;
        for (const edge of graph.out[recheck.node]!) {
          if (edge.kind !== "attached") continue;
          minutes += graph.nodes[edge.to]!.minutes;
          waitDays += graph.nodes[edge.to]!.step.waitDays;
        }
        const customers = people > 0 ? people * share : undefined;
        const firstAgencies: string[] = [];
        for (const a of recheck.first) {
          const label = agencyLabel(ctx.index, a.agency);
          if (!firstAgencies.includes(label)) firstAgencies.push(label);
        }
        const firsts = recheck.first.map((a) => `${a.service}/${a.step}`);
        const who =
          customers === undefined
            ? `${formatPercent(share)} of the people entering it`
            : `${Math.round(customers).toLocaleString("en-US")} people a year (${formatPercent(share)} of those entering it)`;
        ctx.report({
          target: { experience: experience.id },
          message:
            `Step '${node.service.id}/${node.step.id}' (${agencyLabel(ctx.index, node.agency)}) verifies again ${recheck.items.join(", ")} ` +
            `that ${firstAgencies.join(", ")} already verified at ${listIds(firsts, 3)} in life experience '${experience.id}': ${who} meet both checks`,
          evidence: [
            ...recheck.first.map((a) => `first verified at service '${a.service}' step '${a.step}' (${agencyLabel(ctx.index, a.agency)})`),
            `verified again at service '${node.service.id}' step '${node.step.id}' (${agencyLabel(ctx.index, node.agency)}): ${recheck.items.join(", ")}`,
            `share of the experience's people who meet both: ${formatNumber(share)}`,
            `the re-check costs ${formatNumber(minutes)} customer minutes and ${formatNumber(waitDays)} days of waiting (with its attached steps)`,
          ],
          minutes: countStepTime ? minutes : 0,
          waitDays: countStepTime ? waitDays : 0,
          key: `${node.service.id}/${node.step.id}`,
          customersPerYear: customers ?? 0,
        });
      }
    }
  },
});

export default repeatedVerification;
