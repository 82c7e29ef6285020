/**
 * Reach: the share of customers who reach each step, and the expected time that follows from it.
 */
import type { CompiledGraph, GraphEdge } from "./build.js";
import { type ForwardOrder, isForward } from "./order.js";
import { timeTotals } from "./time.js";
import type { StepReach, TimeTotals } from "./types.js";

/**
 * The share reaching each node, in one pass over the topological order of the graph without rework edges:
 * entries 1; a sequence flow and an attachment carry the full share; branch flows split it by their `share`, the
 * branches without one sharing what the stated ones leave equally; a link carries `share × link.share` (1 when
 * unstated); each node's share is clamped to [0, 1]. `entryShares`, when given, is the share of customers starting at
 * each entry (a life experience weighs its entry services by their volume).
 *
 * @internal
 */
export function computeReach(graph: CompiledGraph, order: ForwardOrder, entryShares?: Float64Array): Float64Array {
  const share = new Float64Array(graph.nodes.length);
  for (const entry of graph.entries) share[entry] = entryShares === undefined ? 1 : entryShares[entry]!;
  for (const v of order.topo) {
    const s = Math.min(1, Math.max(0, share[v]!));
    share[v] = s;
    if (s === 0) continue;
    const outs = graph.out[v]!;
    const remainder = branchRemainder(outs);
    for (const edge of outs) {
      if (!isForward(order, edge)) continue;
      share[edge.to]! += s * carriedShare(edge, remainder);
    }
  }
  return share;
}

/**
 * The share of a step's customers an edge carries on: a branch its `share` (or `remainder`, the even split of what
 * the stated branches leave), a link its `share` (1 when unstated), a sequence flow and an attachment all of them.
 *
 * @internal
 */
export function carriedShare(edge: GraphEdge, remainder: number): number {
  if (edge.kind === "branch") return edge.share ?? remainder;
  if (edge.kind === "link") return edge.share ?? 1;
  return 1;
}

/**
 * What the unstated branches out of a node each carry: an even split of what the stated ones leave.
 *
 * @internal
 */
export function branchRemainder(outs: readonly GraphEdge[]): number {
  let stated = 0;
  let unstated = 0;
  for (const edge of outs) {
    if (edge.kind !== "branch") continue;
    if (edge.share === undefined) unstated += 1;
    else stated += edge.share;
  }
  return unstated > 0 ? Math.max(0, 1 - stated) / unstated : 0;
}

/**
 * Expected time per customer: each node's minutes and waiting days times its reach, plus each followed link's
 * waiting days times the share that follows it.
 *
 * @internal
 */
export function expectedTime(graph: CompiledGraph, order: ForwardOrder, share: Float64Array): TimeTotals {
  let minutes = 0;
  let waitDays = 0;
  graph.nodes.forEach((node, v) => {
    const s = share[v]!;
    if (s === 0) return;
    minutes += s * node.minutes;
    waitDays += s * node.step.waitDays;
    for (const edge of graph.out[v]!) {
      if (edge.kind === "link" && isForward(order, edge) && edge.link !== undefined) {
        waitDays += s * (edge.share ?? 1) * edge.link.waitDays;
      }
    }
  });
  return timeTotals(minutes, waitDays);
}

/**
 * The reach of each step of a service, in the service's step order (a repeated step id is listed once).
 *
 * @internal
 */
export function reachList(graph: CompiledGraph, share: Float64Array, visits?: Float64Array): StepReach[] {
  const service = graph.services[0]!;
  const steps = service.steps;
  const list: StepReach[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const v = graph.position(service.id, step.id)!;
    // A repeated id: its node is the first step with it, listed there.
    if (graph.nodes[v]!.step !== step) continue;
    const repeat = visits === undefined ? share[v]! : visits[v]!;
    list.push(Object.freeze(repeat > share[v]! ? { step: step.id, share: share[v]!, visits: repeat } : { step: step.id, share: share[v]! }));
  }
  return list;
}
