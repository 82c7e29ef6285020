/**
 * The two reports: {@link analyzeService} and {@link analyzeLifeExperience}. Both read the catalog's memoised
 * index (`indexCatalog`), so analyzing every service of one catalog indexes it once.
 */
import { type CatalogIndex, indexCatalog } from "../model/index-lookup.js";
import type { Catalog, LifeExperience, Service } from "../model/schema.js";
import { type CompiledGraph, serviceGraph } from "./build.js";
import { experienceFlow } from "./experience-flow.js";
import { experienceGraph } from "./experience-graph.js";
import { countGraph } from "./counts.js";
import { findHandOffs } from "./hand-offs.js";
import { unknownExperience, unknownService } from "./lookup.js";
import { type ResolvedGraphOptions, resolveOptions } from "./options.js";
import { type FlowModel, experienceEntryShares, flowModel, serviceStepReach } from "./flow.js";
import { forwardOrder, reachableFrom } from "./order.js";
import { analyzePaths } from "./paths.js";
import { expectedTime, reachList } from "./reach.js";
import { experienceRepeats, pathRepeats } from "./repeated-asks.js";
import { findCycles, findDeadEnds, findUnreachable } from "./structure.js";
import { formatAmount, formatCount } from "./time.js";
import type {
  ExperienceStepReach,
  FlowLeakReport,
  GraphAnalysisBase,
  GraphAnalysisOptions,
  LifeExperienceAnalysis,
  RepeatedAsk,
  ServiceAnalysis,
  TimeContributor,
} from "./types.js";
import { plural } from "../internal/words.js";

/** The largest expected contributors to customer time, largest first (ties by node order). */
function topContributors(graph: CompiledGraph, share: Float64Array, visits: Float64Array, limit: number): TimeContributor[] {
  // The top `limit` by insertion, visiting nodes in order: equal contributions keep service-then-step order.
  const top: number[] = [];
  const value = (v: number): number => visits[v]! * graph.nodes[v]!.minutes;
  for (let v = 0; v < graph.nodes.length; v++) {
    const x = value(v);
    if (x <= 0 || (top.length === limit && x <= value(top[limit - 1]!))) continue;
    let at = top.length;
    while (at > 0 && value(top[at - 1]!) < x) at -= 1;
    top.splice(at, 0, v);
    if (top.length > limit) top.pop();
  }
  return top.map((v) => {
    const node = graph.nodes[v]!;
    return Object.freeze({ service: node.service.id, step: node.step.id, share: share[v]!, minutes: node.minutes, expectedMinutes: value(v) });
  });
}


function pathCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "path" : "paths"}`;
}

function describeBase(base: Omit<GraphAnalysisBase, "summary">, qualify: boolean, measure: ResolvedGraphOptions["pathMeasure"]): string {
  const parts: string[] = [];
  const { expected, paths } = base;
  parts.push(
    `Expected customer time ${formatAmount(expected.minutes)} min and ${formatAmount(expected.waitDays)} days of waiting per customer`,
  );
  if (paths.critical !== undefined) {
    const c = paths.critical.time;
    parts.push(
      `critical path (by ${measure}) ${formatAmount(c.minutes)} min and ${formatAmount(c.waitDays)} days over ${plural(paths.critical.steps.length, "step")}`,
    );
  }
  let text = `${parts.join("; ")}.`;
  if (base.contributors.length > 0) {
    const named = base.contributors.map(
      (c) => `'${qualify ? `${c.service}/${c.step}` : c.step}' (${formatAmount(c.expectedMinutes)} min)`,
    );
    text += ` Largest contributors: ${named.join(", ")}.`;
  } else text += " No step takes customer time.";
  const problems: string[] = [];
  if (base.reworkLoops.length > 0) problems.push(plural(base.reworkLoops.length, "rework loop"));
  if (base.deadEnds.length > 0) problems.push(plural(base.deadEnds.length, "dead end"));
  if (base.unreachable.length > 0) problems.push(plural(base.unreachable.length, "unreachable step"));
  const felt = base.repeatedAsks.filter((r) => !r.shared).length;
  if (base.leaks.length > 0) problems.push(`${plural(base.leaks.length, "step")} where customers vanish`);
  if (felt > 0) problems.push(plural(felt, "repeated ask"));
  const carried = base.handOffs.agencies.filter((h) => h.carriedBy === "customer").length;
  if (carried > 0) problems.push(plural(carried, "hand-off") + " carried by the customer");
  if (problems.length > 0) text += ` Also: ${problems.join(", ")}.`;
  return text;
}

interface Common {
  readonly model: FlowModel;
  readonly base: Omit<GraphAnalysisBase, "summary" | "repeatedAsks">;
  readonly reachable: Uint8Array;
}

/** The leaks of a flow model as the reports list them. @internal */
export function leakReports(model: FlowModel): FlowLeakReport[] {
  return model.leaks.map((leak) =>
    Object.freeze({ step: model.graph.nodes[leak.node]!.ref, lost: leak.lost, lostOfAll: leak.lostOfAll, reason: leak.reason }),
  );
}

function analyzeGraph(graph: CompiledGraph, index: CatalogIndex, options: ResolvedGraphOptions, entryShares?: Float64Array): Common {
  const order = forwardOrder(graph);
  const reachable = reachableFrom(graph, graph.roots);
  const model = flowModel(graph, order, entryShares);
  const share = model.reach;
  const handOffs = findHandOffs(graph, index, order);
  const outcomes = graph.nodes.filter((node) => node.step.outcome !== undefined).map((node) => node.ref);
  const base = {
    entries: Object.freeze(graph.entries.map((v) => graph.nodes[v]!.ref)),
    outcomes: Object.freeze(outcomes),
    paths: analyzePaths(graph, order, options),
    expected: expectedTime(graph, order, model.visits),
    reworkLoops: Object.freeze(model.loops.map((loop) => loop.loop)),
    leaks: Object.freeze(leakReports(model)),
    cycles: Object.freeze(findCycles(graph)),
    deadEnds: Object.freeze(findDeadEnds(graph, reachable)),
    unreachable: Object.freeze(findUnreachable(graph, reachable)),
    handOffs,
    counts: countGraph(graph, index, reachable, handOffs),
    contributors: Object.freeze(topContributors(graph, share, model.visits, options.contributors)),
  };
  return { model, base, reachable };
}

function withSummary<T extends Omit<GraphAnalysisBase, "summary">>(report: T, head: string, qualify: boolean, options: ResolvedGraphOptions): T & { summary: string } {
  return Object.freeze({ ...report, summary: `${head} ${describeBase(report, qualify, options.pathMeasure)}` });
}

function serviceReport(index: CatalogIndex, service: Service, options: ResolvedGraphOptions): ServiceAnalysis {
  const graph = serviceGraph(service);
  const { model, base, reachable } = analyzeGraph(graph, index, options);
  const repeatedAsks: readonly RepeatedAsk[] = Object.freeze(pathRepeats(model, reachable));
  const head = `Service '${service.id}' (${service.agency}): ${plural(graph.nodes.length, "step")}, ${pathCount(base.paths.count)} from entry to end.`;
  return withSummary(
    {
      kind: "service" as const,
      service: service.id,
      agency: service.agency,
      ...base,
      repeatedAsks,
      reach: Object.freeze(reachList(graph, model.reach, model.visits)),
    },
    head,
    false,
    options,
  );
}

function experienceReport(index: CatalogIndex, experience: LifeExperience, options: ResolvedGraphOptions): LifeExperienceAnalysis {
  const graph = experienceGraph(index, experience);
  const { model, base, reachable } = analyzeGraph(graph, index, options, experienceEntryShares(graph));
  const share = model.reach;
  const repeatedAsks: readonly RepeatedAsk[] = Object.freeze(experienceRepeats(model, experience, reachable));
  const linked = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.kind !== "link") continue;
    const a = graph.nodes[edge.from]!.service.id;
    const b = graph.nodes[edge.to]!.service.id;
    if (a === b) continue;
    linked.add(a);
    linked.add(b);
  }
  const serviceIds = graph.services.map((service) => service.id);
  const unlinkedServices = serviceIds.length < 2 ? [] : serviceIds.filter((id) => !linked.has(id)).sort();
  const reach: ExperienceStepReach[] = [];
  for (const service of graph.services) {
    const seen = new Set<string>();
    for (const step of service.steps) {
      if (seen.has(step.id)) continue;
      seen.add(step.id);
      const v = graph.position(service.id, step.id)!;
      const visits = model.visits[v]!;
      reach.push(Object.freeze({ service: service.id, step: step.id, share: share[v]!, ...(visits > share[v]! ? { visits } : {}) }));
    }
  }
  const head =
    `Life experience '${experience.id}': ${plural(serviceIds.length, "service")} of ${plural(new Set(graph.services.map((s) => s.agency)).size, "agency", "agencies")}, ` +
    `${plural(graph.nodes.length, "step")}, ${pathCount(base.paths.count)} from entry to end, ${plural(base.handOffs.agencies.length, "hand-off")} between agencies.`;
  return withSummary(
    {
      kind: "life-experience" as const,
      experience: experience.id,
      services: Object.freeze(serviceIds),
      unlinkedServices: Object.freeze(unlinkedServices),
      ...base,
      repeatedAsks,
      reach: Object.freeze(reach),
    },
    head,
    true,
    options,
  );
}

/**
 * The part of a service report the sludge engine reads, computed without the rest (paths, hand-offs, counts,
 * cycles, contributors, summary): the same values {@link analyzeService} gives for these fields, at a
 * fraction of the work and garbage, which matters when every service of a 200,000-step catalog is analyzed.
 *
 * @internal
 */
export function leanServiceAnalysis(
  index: CatalogIndex,
  service: Service,
): Pick<ServiceAnalysis, "reworkLoops" | "deadEnds" | "unreachable" | "repeatedAsks" | "reach" | "leaks"> {
  const graph = serviceGraph(service);
  const reachable = reachableFrom(graph, graph.roots);
  const model = flowModel(graph);
  return {
    reworkLoops: Object.freeze(model.loops.map((loop) => loop.loop)),
    deadEnds: Object.freeze(findDeadEnds(graph, reachable)),
    unreachable: Object.freeze(findUnreachable(graph, reachable)),
    repeatedAsks: Object.freeze(pathRepeats(model, reachable)),
    reach: serviceStepReach(index, service, model),
    leaks: Object.freeze(leakReports(model)),
  };
}

/**
 * The repeated asks of a life experience alone: the same values {@link analyzeLifeExperience} gives for
 * `repeatedAsks`, without the rest of the report.
 *
 * @internal
 */
export function leanExperienceRepeats(index: CatalogIndex, experience: LifeExperience): LifeExperienceAnalysis["repeatedAsks"] {
  const { model, reachable } = experienceFlow(index, experience);
  return Object.freeze(experienceRepeats(model, experience, reachable));
}

/**
 * Analyzes one service as a graph of its steps: entries and outcomes; paths from entry to end (a bounded list, an
 * exact count, the shortest and the critical path); the share of customers reaching each step and the expected
 * time; rework loops, non-rework cycles, dead ends and unreachable steps; data, documents and identity checks
 * asked twice along one path; channel switches and lane changes; counts; and a short summary naming the largest
 * contributors to customer time. Pure and deterministic: the result is frozen and does not depend on the order of
 * lists in the catalog (beyond `reach`, which follows the service's step order).
 *
 * @param catalog - a parsed catalog
 * @param serviceId - the service's id
 * @param options - caps and measures (see {@link GraphAnalysisOptions})
 * @returns the frozen report
 * @throws GraphAnalysisError `unknown_service` (with a did-you-mean suggestion), or `invalid_options`
 * @example
 * ```ts
 * import { analyzeService, parseCatalog } from "service-blueprint";
 * const catalog = parseCatalog(document);
 * const report = analyzeService(catalog, "ssa-retirement");
 * console.log(report.summary);
 * // "Service 'ssa-retirement' (ssa): 6 steps, 2 paths from entry to end. Expected customer time 75 min ..."
 * report.reworkLoops.map((loop) => `${loop.from.step} → ${loop.backTo.step}`);
 * ```
 */
export function analyzeService(catalog: Catalog, serviceId: string, options?: GraphAnalysisOptions): ServiceAnalysis {
  const resolved = resolveOptions(options);
  const index = indexCatalog(catalog);
  const service = index.services.get(serviceId);
  if (service === undefined) throw unknownService(index, serviceId);
  return serviceReport(index, service, resolved);
}

/**
 * Analyzes a life experience as one graph: the steps of its services, their flows, and the typed links between
 * services. Customers start at the entries of the services that no link leads into. The report has everything
 * {@link analyzeService} gives, across services (paths and the critical path cross links; link waits count as
 * waiting), plus the hand-offs between agencies with who carries each (agencies, the customer, or a referral),
 * items asked by two or more services (and whether a link shares them), services no link connects, and a summary.
 *
 * @param catalog - a parsed catalog
 * @param experienceId - the life experience's id
 * @param options - caps and measures (see {@link GraphAnalysisOptions})
 * @returns the frozen report
 * @throws GraphAnalysisError `unknown_experience` (with a did-you-mean suggestion), or `invalid_options`
 * @example
 * ```ts
 * import { analyzeLifeExperience } from "service-blueprint";
 * const report = analyzeLifeExperience(catalog, "approaching-retirement");
 * report.handOffs.agencies.filter((h) => h.carriedBy === "customer").map((h) => h.link);
 * report.repeatedAsks.filter((r) => !r.shared).map((r) => `${r.kind} ${r.item}`);
 * ```
 */
export function analyzeLifeExperience(catalog: Catalog, experienceId: string, options?: GraphAnalysisOptions): LifeExperienceAnalysis {
  const resolved = resolveOptions(options);
  const index = indexCatalog(catalog);
  const experience = index.lifeExperiences.get(experienceId);
  if (experience === undefined) throw unknownExperience(index, experienceId);
  return experienceReport(index, experience, resolved);
}

/**
 * The report of {@link analyzeService} for a service of an index the caller already holds (an exporter drawing the
 * catalog it indexed): no lookup by id, so it also works for a catalog that is not frozen without indexing it again.
 * Not exported from the package: its users call {@link analyzeService}, which reads the memoised index.
 *
 * @internal
 */
export function serviceAnalysisOf(index: CatalogIndex, service: Service, options?: GraphAnalysisOptions): ServiceAnalysis {
  return serviceReport(index, service, resolveOptions(options));
}

/**
 * The report of {@link analyzeLifeExperience} for a life experience of an index the caller already holds (see
 * {@link serviceAnalysisOf}).
 *
 * @internal
 */
export function experienceAnalysisOf(index: CatalogIndex, experience: LifeExperience, options?: GraphAnalysisOptions): LifeExperienceAnalysis {
  return experienceReport(index, experience, resolveOptions(options));
}
