/**
 * The shared body of the three repeated-ask rules (duplicate-data-request, repeated-documents,
 * repeated-identity-proofing): one finding per item asked twice along a path of a service, and one per item asked
 * in several services of a life experience without a link sharing it.
 *
 * @internal
 */
import { sortSmall } from "../../../graph/sort.js";
import type { LifeExperience } from "../../../model/schema.js";
import type { RuleContext, SludgeRepeatedAsk } from "../../types.js";
import { agencyLabel, listIds, plural } from "./helpers.js";

/** How the finding names the item and how to fix it. @internal */
export interface RepeatedAskWording {
  /** The item's noun: `data element`, `document`, `identity check`. */
  readonly noun: string;
  /** Overrides the rule's remediation, when given. */
  readonly remediation: string | undefined;
}

type Ask = SludgeRepeatedAsk["asks"][number];

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A binary min-heap, in the order `compare` gives (smallest first). */
class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    let at = items.length;
    items.push(item);
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (this.compare(items[up]!, item) <= 0) break;
      items[at] = items[up]!;
      at = up;
    }
    items[at] = item;
  }

  pop(): T {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= n) break;
        if (child + 1 < n && this.compare(items[child + 1]!, items[child]!) < 0) child += 1;
        if (this.compare(items[child]!, last) >= 0) break;
        items[at] = items[child]!;
        at = child;
      }
      items[at] = last;
    }
    return top;
  }
}

/**
 * Ranks nodes in a topological order of `edges` (Kahn's algorithm taking the smallest id first, from a heap), so
 * the rank depends on the flows and the ids, never on list order. Nodes on cycles follow, by id. O(n log n).
 */
function topologicalRank(nodes: readonly string[], edges: (node: string) => Iterable<string>): Map<string, number> {
  const indegree = new Map<string, number>();
  for (const node of nodes) indegree.set(node, indegree.get(node) ?? 0);
  for (const node of indegree.keys()) for (const to of edges(node)) if (indegree.has(to)) indegree.set(to, indegree.get(to)! + 1);
  const ready = new MinHeap<string>(byId);
  for (const [node, degree] of indegree) if (degree === 0) ready.push(node);
  const rank = new Map<string, number>();
  while (ready.size > 0) {
    const node = ready.pop();
    rank.set(node, rank.size);
    for (const to of edges(node)) {
      const left = indegree.get(to);
      if (left === undefined || rank.has(to)) continue;
      indegree.set(to, left - 1);
      if (left - 1 === 0) ready.push(to);
    }
  }
  if (rank.size < indegree.size) for (const node of [...indegree.keys()].sort(byId)) if (!rank.has(node)) rank.set(node, rank.size);
  return rank;
}

/** A step's rank in its service's flow order, by step id (0 for an id the service does not have). @internal */
export type StepRank = (step: string) => number;

/** Step ranks per service, per index: the three repeated-ask rules of one lint share them. */
const stepRanks = new WeakMap<RuleContext<unknown>["index"], Map<string, StepRank>>();

/** The steps of a service ranked in flow order (sequence and branch flows, attached steps after their host). */
function stepRank(ctx: RuleContext<unknown>, serviceId: string): StepRank {
  let byService = stepRanks.get(ctx.index);
  if (byService === undefined) {
    byService = new Map();
    stepRanks.set(ctx.index, byService);
  }
  let rank = byService.get(serviceId);
  if (rank === undefined) {
    rank = computeStepRank(ctx.index, serviceId);
    byService.set(serviceId, rank);
  }
  return rank;
}

/**
 * Ranks the steps of a service as {@link topologicalRank} would rank their ids along the non-rework flows and from
 * each host to the steps attached to it, on step positions: typed arrays and a heap of places in id order instead
 * of maps keyed by id (a 200,000-step catalog ranks every step of every service that repeats an ask). A node is
 * the first step with an id, as the index holds it.
 *
 * @internal
 */
export function computeStepRank(index: RuleContext<unknown>["index"], serviceId: string): StepRank {
  const service = index.services.get(serviceId);
  if (service === undefined) return () => 0;
  const steps = service.steps;
  const byStep = index.stepsOf(serviceId);
  const at = (id: string): number => byStep.get(id)?.stepIndex ?? -1;
  const n = steps.length;
  // Out-edges as one list per node in compressed form: `targets[start[u]..start[u + 1]]`.
  const start = new Int32Array(n + 1);
  const count = (u: number): void => {
    start[u + 1]! += 1;
  };
  for (let i = 0; i < n; i++) {
    const step = steps[i]!;
    if (at(step.id) === i) for (const flow of step.next) if (flow.kind !== "rework" && at(flow.to) >= 0) count(i);
    if (step.attachedTo !== undefined) {
      const host = at(step.attachedTo);
      if (host >= 0) count(host);
    }
  }
  for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
  const targets = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let i = 0; i < n; i++) {
    const step = steps[i]!;
    if (at(step.id) === i) {
      for (const flow of step.next) {
        const to = flow.kind === "rework" ? -1 : at(flow.to);
        if (to >= 0) targets[fill[i]!++] = to;
      }
    }
    if (step.attachedTo !== undefined) {
      const host = at(step.attachedTo);
      if (host >= 0) targets[fill[host]!++] = at(step.id);
    }
  }
  // Nodes in id order; `place[u]` is node u's place in it (the heap compares places, not strings).
  const nodes: number[] = [];
  for (let i = 0; i < n; i++) if (at(steps[i]!.id) === i) nodes.push(i);
  nodes.sort((a, b) => byId(steps[a]!.id, steps[b]!.id));
  const place = new Int32Array(n);
  for (let k = 0; k < nodes.length; k++) place[nodes[k]!] = k;
  const indegree = new Int32Array(n);
  for (const u of nodes) for (let e = start[u]!; e < start[u + 1]!; e++) indegree[targets[e]!]! += 1;
  const ready = new MinHeap<number>((a, b) => a - b);
  for (const u of nodes) if (indegree[u] === 0) ready.push(place[u]!);
  const rank = new Int32Array(n).fill(-1);
  let next = 0;
  while (ready.size > 0) {
    const u = nodes[ready.pop()]!;
    rank[u] = next++;
    for (let e = start[u]!; e < start[u + 1]!; e++) {
      const v = targets[e]!;
      if (rank[v]! >= 0) continue;
      indegree[v]! -= 1;
      if (indegree[v] === 0) ready.push(place[v]!);
    }
  }
  // Steps on cycles follow, by id.
  for (const u of nodes) if (rank[u]! < 0) rank[u] = next++;
  return (id) => {
    const u = at(id);
    return u < 0 ? 0 : rank[u]!;
  };
}

/** The services of a life experience ranked along its links. */
function serviceRank(experience: LifeExperience): Map<string, number> {
  const out = new Map<string, Set<string>>();
  for (const link of experience.links) {
    if (link.from.service === link.to.service) continue;
    const set = out.get(link.from.service) ?? new Set<string>();
    set.add(link.to.service);
    out.set(link.from.service, set);
  }
  return topologicalRank(experience.services, (id) => out.get(id) ?? []);
}

/** Asks in the order a customer meets them: by service rank, then step rank, then ids. */
function inOrder(asks: readonly Ask[], serviceOrder: (service: string) => number, stepOrder: (ask: Ask) => number): Ask[] {
  return sortSmall(
    [...asks],
    (a, b) => serviceOrder(a.service) - serviceOrder(b.service) || stepOrder(a) - stepOrder(b) || byId(a.service, b.service) || byId(a.step, b.step),
  );
}

function subject(ask: SludgeRepeatedAsk, noun: string): string {
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
  return ask.kind === "identity" ? capital : `${capital} '${ask.item}'`;
}

/**
 * Reports the repeated asks of one kind from the graph analyses. Each repeat (every ask after the first) costs
 * `minutesPerRepeat` to the customers reaching the repeating step.
 *
 * @internal
 */
export function reportRepeatedAsks(
  ctx: RuleContext<unknown>,
  kind: SludgeRepeatedAsk["kind"],
  scopes: readonly ("path" | "experience")[],
  minutesPerRepeat: number,
  wording: RepeatedAskWording,
): void {
  const remediation = wording.remediation === undefined ? {} : { remediation: wording.remediation };
  if (scopes.includes("path")) {
    for (const service of ctx.catalog.services) {
      let ranks: StepRank | undefined;
      for (const ask of ctx.analysis.service(service.id).repeatedAsks) {
        if (ask.kind !== kind || ask.scope !== "path" || ask.shared || ask.asks.length < 2) continue;
        const rank = (ranks ??= stepRank(ctx, service.id));
        const asks = inOrder(ask.asks, () => 0, (a) => rank(a.step));
        const steps = asks.map((a) => a.step);
        const repeats = asks.slice(1);
        ctx.report({
          target: { service: service.id, step: repeats[0]!.step },
          message: `${subject(ask, wording.noun)} is asked ${plural(ask.asks.length, "time")} on one path of service '${service.id}': steps ${listIds(steps)}`,
          evidence: [`asked at steps ${listIds(steps, 10)}`, `first asked at step '${asks[0]!.step}'`],
          minutes: minutesPerRepeat,
          key: `${kind}:${ask.item}`,
          burdenSteps: repeats.map((a) => ({ service: a.service, step: a.step })),
          ...remediation,
        });
      }
    }
  }
  if (scopes.includes("experience")) {
    const stepRanks = new Map<string, StepRank>();
    for (const experience of ctx.catalog.lifeExperiences) {
      let servicesRank: Map<string, number> | undefined;
      for (const ask of ctx.analysis.experience(experience.id).repeatedAsks) {
        if (ask.kind !== kind || ask.scope !== "experience" || ask.shared || ask.asks.length < 2) continue;
        const ranked = (servicesRank ??= serviceRank(experience));
        const asks = inOrder(
          ask.asks,
          (service) => ranked.get(service) ?? 0,
          (a) => (stepRanks.get(a.service) ?? stepRanks.set(a.service, stepRank(ctx, a.service)).get(a.service)!)(a.step),
        );
        const services: string[] = [];
        for (const a of asks) if (!services.includes(a.service)) services.push(a.service);
        if (services.length < 2) continue;
        const agencies: string[] = [];
        for (const a of asks) {
          const label = agencyLabel(ctx.index, a.agency);
          if (!agencies.includes(label)) agencies.push(label);
        }
        const firstService = asks[0]!.service;
        const repeats = asks.filter((a) => a.service !== firstService);
        ctx.report({
          target: { experience: experience.id },
          message: `${subject(ask, wording.noun)} is asked in ${plural(services.length, "service")} of life experience '${experience.id}' (${agencies.join(", ")}) without being shared`,
          evidence: asks.map((a) => `asked at service '${a.service}' step '${a.step}' (${agencyLabel(ctx.index, a.agency)})`),
          minutes: minutesPerRepeat,
          key: `${kind}:${ask.item}`,
          burdenSteps: repeats.map((a) => ({ service: a.service, step: a.step })),
          ...remediation,
        });
      }
    }
  }
}
