import * as z from "zod";
import type { GraphEdge } from "../../graph/build.js";
import { DEFAULT_GRAPH_ANALYSIS_OPTIONS } from "../../graph/options.js";
import { PATH_KINDS, isForward } from "../../graph/order.js";
import { analyzePaths } from "../../graph/paths.js";
import { branchRemainder, carriedShare } from "../../graph/reach.js";
import type { GraphPath } from "../../graph/types.js";
import { experiencePeople } from "../internal/reach.js";
import { defineRule } from "../define-rule.js";
import { experienceFlow } from "../../graph/experience-flow.js";
import { amountOption, formatNumber, formatPercent } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/** The graph options of the time-to-outcome figure: the critical path by elapsed days, no path listed. */
const BY_DAYS = Object.freeze({ ...DEFAULT_GRAPH_ANALYSIS_OPTIONS, pathMeasure: "days" as const, maxPaths: 0 });

/**
 * The share of the people entering the experience who follow `path` from its first step to its last: the entry's
 * share times the share each flow or link along it carries on (the largest, where two connect the same steps).
 */
function pathShare(flow: ReturnType<typeof experienceFlow>, path: GraphPath): number {
  const { graph, model } = flow;
  const nodes = path.steps.map((ref) => graph.position(ref.service, ref.step)!);
  let share = model.reach[nodes[0]!]!;
  for (let i = 1; i < nodes.length; i++) {
    const outs = graph.out[nodes[i - 1]!]!;
    const remainder = branchRemainder(outs);
    let best = 0;
    for (const edge of outs as readonly GraphEdge[]) {
      if (edge.to !== nodes[i] || !PATH_KINDS.has(edge.kind) || !isForward(model.order, edge)) continue;
      best = Math.max(best, carriedShare(edge, remainder));
    }
    share *= best;
  }
  return Math.min(1, share);
}

/** The steps of a path, `service/step` joined by arrows; a long path shows its first and last five. */
function pathText(path: GraphPath): string {
  const names = path.steps.map((ref) => `${ref.service}/${ref.step}`);
  if (names.length <= 12) return names.join(" → ");
  return `${names.slice(0, 5).join(" → ")} → … (${names.length - 10} more) → ${names.slice(-5).join(" → ")}`;
}

/**
 * Flags a life experience whose time from first contact to outcome is over a threshold in days: its critical path by
 * elapsed days, the figure `analyzeLifeExperience` gives as `paths.critical` with `pathMeasure: "days"` (waits of
 * steps and links, and customer minutes, along the slowest path through every service and link).
 *
 * @example
 * ```ts
 * import { longTimeToOutcome } from "service-blueprint";
 * longTimeToOutcome.meta.id; // "long-time-to-outcome"
 * longTimeToOutcome.meta.options.parse({}); // { maxDays: 90 }
 * ```
 */
export const longTimeToOutcome = defineRule({
  meta: {
    id: "long-time-to-outcome",
    title: "Long time from first contact to outcome",
    category: "psychological",
    categories: ["psychological", "compliance"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "Across a life experience, the elapsed time from first contact to an outcome (the critical path by days: step waits, link waits and customer time, through every service and link) is over `maxDays` days.",
    rationale:
      "People in a crisis live the whole chain, not one program: a disaster survivor waits on FEMA, then SBA, then the state's " +
      "rebuilding money, and the months add up while the home stays broken. Programs hold themselves to timeliness standards " +
      "(SNAP decides within 30 days, Medicaid within 45, or 90 when disability is at issue), and the priority life experiences " +
      "of A-11 Section 280 ask agencies to measure the journey end to end. An experience whose path takes longer than the " +
      "slowest of those standards keeps people waiting past anything one program would accept of itself.",
    sources: [SOURCES.a11Section280, SOURCES.disasterPle, SOURCES.gaoDisasterRecovery, SOURCES.medicaidTimeliness, SOURCES.snapTimeliness],
    remediation:
      "Find the longest waits on the critical path (the evidence lists it) and cut them: start the later programs from the " +
      "earlier one's data instead of a new application, run checks in parallel, and open later programs sooner.",
    options: z.strictObject({
      maxDays: amountOption(
        90,
        "Longest acceptable time from first contact to outcome, in days (default 90: the Medicaid standard when disability is at issue, 42 CFR 435.912, the longest of the federal benefit timeliness standards)",
      ),
    }),
  },
  check(ctx) {
    const { maxDays } = ctx.options;
    for (const experience of ctx.catalog.lifeExperiences) {
      const flow = experienceFlow(ctx.index, experience);
      if (flow.graph.nodes.length === 0) continue;
      const paths = analyzePaths(flow.graph, flow.model.order, BY_DAYS);
      const critical = paths.critical;
      if (critical === undefined) continue;
      const days = critical.time.days;
      if (days <= maxDays) continue;
      const people = experiencePeople(ctx.index, experience);
      const share = pathShare(flow, critical);
      const customers = people * share;
      const first = critical.steps[0]!;
      const last = critical.steps[critical.steps.length - 1]!;
      const who =
        people > 0
          ? `${Math.round(customers).toLocaleString("en-US")} people a year (${formatPercent(share)} of those entering it)`
          : `${formatPercent(share)} of the people entering it`;
      ctx.report({
        target: { experience: experience.id },
        message:
          `Life experience '${experience.id}' takes ${formatNumber(days)} days from first contact to outcome on its slowest path ` +
          `('${first.service}/${first.step}' to '${last.service}/${last.step}', ending ${critical.end}), over ${formatNumber(maxDays)} days; ${who} take that path`,
        evidence: [
          `critical path by days: ${critical.steps.length} steps, ${formatNumber(critical.time.waitDays)} days of waiting and ${formatNumber(critical.time.minutes)} customer minutes (${formatNumber(critical.time.days)} days)`,
          `critical path: ${pathText(critical)}`,
          `share of the people entering it who take that path: ${formatNumber(share)}`,
          `threshold: ${formatNumber(maxDays)} days`,
        ],
        waitDays: days - maxDays,
        customersPerYear: customers,
      });
    }
  },
});

export default longTimeToOutcome;
