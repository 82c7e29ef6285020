/**
 * The flow model: one account of where a service's (or a life experience's) customers go, which every analysis,
 * rule and burden figure reads, so that "reaches", "on one path", "before" and "customers who meet both" mean the
 * same thing everywhere.
 *
 * - **reach**: the share of customers who reach a step at least once (entries 1, branches split by their shares,
 *   sequence flows and attachments carry everyone, links carry their share), in [0, 1];
 * - **visits**: the expected times a customer does a step: its reach, plus the repeats that rework flows send
 *   customers back for. A rework flow from F back to B with share p sends p of F's customers back through the steps
 *   from B on the way to F, split by the branches on that way. F is redone when every one of them meets it again (a
 *   check on the main line); a fix-up on a branch of its own is not (never a second copy of the fix-up); a step
 *   reworking onto itself is done again. The share is the flow's, else the fail point's; a rework flow stating
 *   neither adds no repeat (the `rework-loop` rule prices it with an assumed share);
 * - **leaks**: reachable steps that are not outcomes and pass on fewer customers than reach them: branch shares
 *   adding up to less than 1, or a fix-up whose only way on is a rework flow;
 * - **meet both**: for two steps u before v, reach(u) × the share of u's customers who go on to v (0 for exclusive
 *   branches), and per item, the share of each step's customers who met an earlier ask of it.
 *
 * The model is Markov (a customer's branch at a step does not depend on the way they came), as a practitioner
 * computes it by hand.
 *
 * @internal
 */
import { type CatalogIndex, derivedFor, derivedKind, indexCatalog } from "../model/index-lookup.js";
import type { Catalog, Service } from "../model/schema.js";
import { type CompiledGraph, type GraphEdge, serviceGraph } from "./build.js";
import { unknownService } from "./lookup.js";
import { type ForwardOrder, forwardOrder, isForward } from "./order.js";
import { branchRemainder, carriedShare, computeReach, reachList } from "./reach.js";
import { findReworkLoops } from "./rework-loops.js";
import type { ReworkLoop, StepReach } from "./types.js";
import { known } from "../internal/invariant.js";

/** Why customers vanish at a step. @internal */
export type LeakReason = "shares" | "fix-up";

/** A step that passes on fewer customers than reach it. @internal */
export interface FlowLeak {
  /** The node. */
  readonly node: number;
  /** The share of the step's own customers who go nowhere, in (0, 1]. */
  readonly lost: number;
  /** The share of all customers who go nowhere there (reach × lost). */
  readonly lostOfAll: number;
  readonly reason: LeakReason;
}

/** A rework loop with its nodes. @internal */
export interface FlowLoop {
  readonly loop: ReworkLoop;
  readonly from: number;
  readonly backTo: number;
  /** The steps redone, in topological order (see {@link redoShares}). */
  readonly redo: readonly number[];
  /** The share sent back used in `visits`: the flow's, else the fail point's, else 0. */
  readonly share: number;
}

/** The flow model of a compiled graph. @internal */
export interface FlowModel {
  readonly graph: CompiledGraph;
  readonly order: ForwardOrder;
  /** Share of customers reaching each node at least once, in [0, 1]. */
  readonly reach: Float64Array;
  /** Expected visits per customer: reach plus rework repeats. */
  readonly visits: Float64Array;
  readonly loops: readonly FlowLoop[];
  readonly leaks: readonly FlowLeak[];
}

/** Below this, a share is rounding noise. */
const EPSILON = 1e-9;

/**
 * Builds the flow model. `entryShares` weighs the entries (a life experience weighs its entry services by volume).
 *
 * @internal
 */
export function flowModel(graph: CompiledGraph, order: ForwardOrder = forwardOrder(graph), entryShares?: Float64Array): FlowModel {
  const reach = computeReach(graph, order, entryShares);
  const rawLoops = findReworkLoops(graph, order, reach);
  const visits = Float64Array.from(reach);
  const loops: FlowLoop[] = [];
  for (const raw of rawLoops) {
    const from = graph.position(raw.from.service, raw.from.step)!;
    const backTo = graph.position(raw.backTo.service, raw.backTo.step)!;
    const redo = redoShares(graph, order, backTo, from);
    const share = raw.share ?? graph.nodes[from]!.step.failPoint?.share ?? 0;
    const sent = share * reach[from]!;
    if (sent > 0) for (const [v, p] of redo) visits[v]! += sent * p;
    const loop: ReworkLoop = Object.freeze({
      ...raw,
      repeated: Object.freeze([...redo].map(([v, p]) => Object.freeze({ step: graph.nodes[v]!.ref, share: p }))),
    });
    loops.push({ loop, from, backTo, redo: [...redo.keys()], share });
  }
  const leaks: FlowLeak[] = [];
  for (let v = 0; v < graph.nodes.length; v++) {
    const lost = lostShare(graph, v);
    if (lost > EPSILON && reach[v]! > EPSILON) {
      const reason: LeakReason = graph.out[v]!.some((e) => e.kind === "sequence" || e.kind === "branch") ? "shares" : "fix-up";
      leaks.push({ node: v, lost, lostOfAll: lost * reach[v]!, reason });
    }
  }
  return { graph, order, reach, visits, loops, leaks };
}

/**
 * The steps a customer sent back from `from` to `backTo` redoes, each with the share of them who redo it: they start
 * again at `backTo` and follow the flows (branches split by their shares) on the way back to `from`; steps off that
 * way are not redone. `from` is redone when every customer sent back meets it again (a check on the main line); a
 * fix-up that only some of them would meet again (a branch of its own) is not: it is counted once, in its reach. A step reworking onto itself is redone; a rework flow to a step that does not lead back redoes that step.
 * In topological order.
 */
function redoShares(graph: CompiledGraph, order: ForwardOrder, backTo: number, from: number): Map<number, number> {
  const redo = new Map<number, number>();
  if (from === backTo || order.position[backTo]! > order.position[from]!) {
    redo.set(backTo, 1);
    return redo;
  }
  const low = order.position[backTo]!;
  const high = order.position[from]!;
  // The steps between the two (in topological order) that lead on to `from`.
  const leads = new Set<number>([from]);
  for (let i = high - 1; i >= low; i--) {
    const v = order.topo[i]!;
    if (graph.out[v]!.some((edge) => isForward(order, edge) && edge.kind !== "link" && leads.has(edge.to))) leads.add(v);
  }
  if (!leads.has(backTo)) {
    redo.set(backTo, 1);
    return redo;
  }
  const share = new Map<number, number>([[backTo, 1]]);
  let back = 0;
  for (let i = low; i < high; i++) {
    const v = order.topo[i]!;
    const s = share.get(v);
    if (s === undefined || !leads.has(v)) continue;
    redo.set(v, Math.min(1, s));
    const outs = graph.out[v]!;
    const remainder = branchRemainder(outs);
    for (const edge of outs) {
      if (!isForward(order, edge) || edge.kind === "link") continue;
      if (edge.to === from) {
        back += s * carriedShare(edge, remainder);
        continue;
      }
      if (edge.kind === "attached") redo.set(edge.to, Math.min(1, (redo.get(edge.to) ?? 0) + s));
      else if (leads.has(edge.to)) share.set(edge.to, (share.get(edge.to) ?? 0) + s * carriedShare(edge, remainder));
    }
  }
  // Every customer sent back passes `from` again (a check they all meet on the way): it is redone too. A fix-up
  // that only some of them would meet again is not.
  if (back >= 1 - EPSILON) redo.set(from, 1);
  return new Map([...redo].sort(([a], [b]) => order.position[a]! - order.position[b]!));
}

/**
 * The share of a step's customers its own flows do not carry on (0 for outcomes and attached steps; links are not
 * counted, so a service's leak shows in its own model). A step with no flow at all is a dead end, not a leak.
 */
function lostShare(graph: CompiledGraph, v: number): number {
  const node = graph.nodes[v]!;
  if (node.step.outcome !== undefined || node.step.attachedTo !== undefined) return 0;
  const flows = node.step.next;
  if (flows.length === 0) return 0;
  let sequence = false;
  let branches = 0;
  let stated = 0;
  let unstated = 0;
  let rework = false;
  for (const flow of flows) {
    if (flow.kind === "sequence") sequence = true;
    else if (flow.kind === "branch") {
      branches += 1;
      if (flow.share === undefined) unstated += 1;
      else stated += flow.share;
    } else rework = true;
  }
  if (sequence) return 0;
  if (branches === 0) return rework ? 1 : 0;
  if (unstated > 0) return 0;
  return Math.max(0, 1 - stated);
}

/**
 * For each node, the share of customers who arrive at it having already met a node of `marked` (not counting the
 * node itself; `any`), in one pass in topological order over forward edges: what a node passes on is its reach when it is
 * marked, else what arrived. `within`, when given, limits the earlier meeting to other groups: a node's arrivals
 * count in `other` only meetings in another group (a life experience: another service), and a marked node passes on
 * within its group none of them (they were counted at it). Without groups, `other` is `any`.
 *
 * @internal
 */
export function metBefore(
  model: FlowModel,
  marked: Uint8Array,
  group?: Int32Array,
  span?: { readonly from: number; readonly to: number },
): { readonly any: Float64Array; readonly other: Float64Array } {
  const { graph, order, reach } = model;
  const n = graph.nodes.length;
  const arrived = new Float64Array(n);
  const otherIn = group === undefined ? arrived : new Float64Array(n);
  // Nothing is met before the first marked node in topological order, and nothing after the last one is read.
  const from = span?.from ?? 0;
  const to = span?.to ?? n - 1;
  for (let i = from; i <= to; i++) {
    const v = order.topo[i]!;
    const r = reach[v]!;
    if (r === 0) continue;
    if (arrived[v]! > r) arrived[v] = r;
    if (otherIn[v]! > r) otherIn[v] = r;
    const leaving = marked[v] === 1 ? r : arrived[v]!;
    if (leaving === 0 && (group === undefined || otherIn[v] === 0)) continue;
    const outs = graph.out[v]!;
    const remainder = branchRemainder(outs);
    for (const edge of outs) {
      if (!isForward(order, edge)) continue;
      const carried = carriedShare(edge, remainder);
      arrived[edge.to]! += leaving * carried;
      if (group !== undefined) {
        // Across groups everyone asked anywhere arrives "asked elsewhere"; within a group, those asked again here
        // are counted here once (a later ask in the same group is a repeat of this one, not of the other group's).
        const across = group[edge.to] !== group[v];
        otherIn[edge.to]! += (across ? leaving : marked[v] === 1 ? 0 : otherIn[v]!) * carried;
      }
    }
  }
  return { any: arrived, other: otherIn };
}

/**
 * The share of customers who meet both `u` and `v`: reach of the earlier one (in topological order) times the
 * share of its customers who go on to the other; 0 for steps on exclusive branches; reach(u) when u = v.
 *
 * @internal
 */
export function meetBoth(model: FlowModel, u: number, v: number): number {
  if (u === v) return model.reach[u]!;
  const marked = new Uint8Array(model.graph.nodes.length);
  const first = model.order.position[u]! < model.order.position[v]! ? u : v;
  const second = first === u ? v : u;
  marked[first] = 1;
  return metBefore(model, marked).any[second]!;
}

/**
 * The nodes of `marked` upstream of `v` (over forward edges) that some customers meet as their first marked node:
 * those whose own arrivals (`arrived`) fall short of their reach. The most reached first, then in topological order.
 *
 * @internal
 */
export function firstMarkedUpstream(model: FlowModel, marked: Uint8Array, arrived: Float64Array, v: number, accept?: (u: number) => boolean): number[] {
  const { graph, order, reach } = model;
  const seen = new Set<number>([v]);
  const stack = [v];
  const found: number[] = [];
  while (stack.length > 0) {
    const w = stack.pop()!;
    for (const edge of graph.in[w]!) {
      if (!isForward(order, edge) || !carries(edge)) continue;
      const u = edge.from;
      if (seen.has(u) || reach[u] === 0) continue;
      seen.add(u);
      if (marked[u] === 1 && (accept === undefined || accept(u)) && arrived[u]! < reach[u]! - EPSILON) found.push(u);
      // No customer arriving at u has met a marked node: nothing further up leads to v through u with an ask.
      if (arrived[u]! > EPSILON) stack.push(u);
    }
  }
  // Alternatives (each is the first ask on some path): the one most customers meet first, then flow order.
  return found.sort((a, b) => reach[b]! - reach[a]! || order.position[a]! - order.position[b]!);
}

function carries(edge: GraphEdge): boolean {
  return edge.kind !== "branch" || edge.share === undefined || edge.share > 0;
}

/**
 * The share of a life experience's people starting at each entry of its graph: each entry service weighs its annual
 * volume over the sum of the entry services' volumes (equal weights when none states one), shared by its entry
 * steps as a service's entries share its customers (each entry step of a service starts all of them).
 *
 * @internal
 */
export function experienceEntryShares(graph: CompiledGraph): Float64Array {
  const shares = new Float64Array(graph.nodes.length);
  const volumes = new Map<string, number>();
  for (const v of graph.entries) {
    const service = graph.nodes[v]!.service;
    volumes.set(service.id, service.occasion.annualVolume ?? 0);
  }
  let total = 0;
  for (const volume of volumes.values()) total += volume;
  for (const v of graph.entries) {
    const volume = known(volumes, graph.nodes[v]!.service.id);
    shares[v] = total > 0 ? volume / total : 1 / volumes.size;
  }
  return shares;
}

/**
 * The share of a service's customers who reach each step, in the service's step order.
 *
 * Entry steps count 1. A `sequence` flow carries its step's whole share; `branch` flows split it by their
 * `share`, and the branches without a stated share divide what the stated ones leave equally; `rework` flows are
 * not counted (the rework-loop rule prices them); an attached step has its host's share. Shares add up where
 * flows meet and are clamped to [0, 1]. A cycle of non-rework flows is cut where a depth-first search from the
 * entries closes it.
 *
 * @param catalog - a parsed catalog
 * @param serviceId - the service's id
 * @returns one `{ step, share }` per step, frozen
 * @throws GraphAnalysisError `unknown_service` (with a did-you-mean suggestion) when no service has that id
 * @example
 * ```ts
 * import { stepReach } from "service-blueprint";
 * // apply → branch 0.1 to "appeal", unstated branch to "pay"
 * stepReach(catalog, "benefit");
 * // [{ step: "apply", share: 1 }, { step: "appeal", share: 0.1 }, { step: "pay", share: 0.9 }]
 * ```
 */
export function stepReach(catalog: Catalog, serviceId: string): readonly StepReach[] {
  const index = indexCatalog(catalog);
  const service = index.services.get(serviceId);
  if (service === undefined) throw unknownService(index, serviceId);
  return serviceStepReach(index, service);
}

/** Each service's reach list, kept by the catalog index (whichever analysis computes it first). */
const STEP_REACH = derivedKind<readonly StepReach[]>("step reach");
/** Each service's reach by step id, kept by the catalog index. */
const REACH_SHARES = derivedKind<ReadonlyMap<string, number>>("reach shares by step");

/**
 * A service's reach list, frozen: the one the index keeps, or computed now (from `model` when the caller already
 * built the service's flow model) and kept by the index. A service that is not the one the index has under its id
 * (a duplicate id) is computed and not kept.
 *
 * @internal
 */
export function serviceStepReach(index: CatalogIndex, service: Service, model?: FlowModel): readonly StepReach[] {
  const compute = (): readonly StepReach[] => {
    const flow = model ?? flowModel(serviceGraph(service));
    return Object.freeze(reachList(flow.graph, flow.reach, flow.visits));
  };
  return derivedFor(index, STEP_REACH, index.services, service, compute);
}

/**
 * The share of a service's customers reaching each of its steps, by step id, kept by the catalog index (from the
 * reach list an analysis already computed, if one did).
 *
 * @internal
 */
export function serviceReachShares(index: CatalogIndex, service: Service): ReadonlyMap<string, number> {
  const compute = (): ReadonlyMap<string, number> => new Map(serviceStepReach(index, service).map((r) => [r.step, r.share]));
  return derivedFor(index, REACH_SHARES, index.services, service, compute);
}

/** Outcomes that mean the customer got what they came for. */
const SUCCESS = new Set(["completed", "granted"]);

/**
 * Whether every path from an entry to a successful outcome (`completed` or `granted`) passes through node `v` (an
 * attached step: through its host): false when no such outcome can be reached at all. Linear.
 *
 * @internal
 */
export function requiredForOutcome(model: FlowModel, v: number): boolean {
  const { graph, order } = model;
  let node = v;
  for (let hops = 0; hops < graph.nodes.length; hops++) {
    const host = graph.in[node]!.find((edge) => edge.kind === "attached");
    if (host === undefined) break;
    node = host.from;
  }
  const succeeds = (avoid: number): boolean => {
    const seen = new Uint8Array(graph.nodes.length);
    const stack: number[] = [];
    for (const entry of graph.entries) {
      if (entry === avoid || seen[entry] === 1) continue;
      seen[entry] = 1;
      stack.push(entry);
    }
    while (stack.length > 0) {
      const w = stack.pop()!;
      const outcome = graph.nodes[w]!.step.outcome;
      if (outcome !== undefined && SUCCESS.has(outcome)) return true;
      for (const edge of graph.out[w]!) {
        if (!isForward(order, edge) || edge.kind === "attached" || !carries(edge)) continue;
        if (edge.to === avoid || seen[edge.to] === 1) continue;
        seen[edge.to] = 1;
        stack.push(edge.to);
      }
    }
    return false;
  };
  return model.reach[node]! > 0 && succeeds(-1) && !succeeds(node);
}
