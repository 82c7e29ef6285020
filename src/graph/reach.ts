/**
 * Reach: the share of customers who reach each step, and the expected time that follows from it.
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import { indexCatalog } from "../model/index-lookup.js";
import type { Catalog } from "../model/schema.js";
import { type CompiledGraph, serviceGraph } from "./build.js";
import { type ForwardOrder, forwardOrder, isForward } from "./order.js";
import { timeTotals } from "./time.js";
import { unknownService } from "./lookup.js";
import type { StepReach, TimeTotals } from "./types.js";

/**
 * The share reaching each node, in one pass over the topological order of the graph without rework edges:
 * entries 1; a sequence flow and an attachment carry the full share; branch flows split it by their `share`, the
 * branches without one sharing what the stated ones leave equally; a link carries `share × link.share` (1 when
 * unstated); each node's share is clamped to [0, 1].
 *
 * @internal
 */
export function computeReach(graph: CompiledGraph, order: ForwardOrder): Float64Array {
  const share = new Float64Array(graph.nodes.length);
  for (const entry of graph.entries) share[entry] = 1;
  for (const v of order.topo) {
    const s = Math.min(1, Math.max(0, share[v]!));
    share[v] = s;
    if (s === 0) continue;
    const outs = graph.out[v]!;
    let stated = 0;
    let unstated = 0;
    for (const edge of outs) {
      if (edge.kind !== "branch") continue;
      if (edge.share === undefined) unstated += 1;
      else stated += edge.share;
    }
    const remainder = unstated > 0 ? Math.max(0, 1 - stated) / unstated : 0;
    for (const edge of outs) {
      if (!isForward(order, edge)) continue;
      let carried: number;
      if (edge.kind === "branch") carried = edge.share ?? remainder;
      else if (edge.kind === "link") carried = edge.share ?? 1;
      else carried = 1;
      share[edge.to]! += s * carried;
    }
  }
  return share;
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
export function reachList(graph: CompiledGraph, share: Float64Array): StepReach[] {
  const service = graph.services[0]!;
  const steps = service.steps;
  const list: StepReach[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const v = graph.position(service.id, step.id)!;
    // A repeated id: its node is the first step with it, listed there.
    if (graph.nodes[v]!.step !== step) continue;
    list.push(Object.freeze({ step: step.id, share: share[v]! }));
  }
  return list;
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
  return stepReachIndexed(indexCatalog(catalog), serviceId);
}

/**
 * {@link stepReach} over an index the caller already holds.
 *
 * @param index - lookups over the catalog (from `indexCatalog`)
 * @param serviceId - the service's id
 * @returns one `{ step, share }` per step, frozen
 * @throws GraphAnalysisError `unknown_service` when no service has that id
 * @example
 * ```ts
 * import { indexCatalog, stepReachIndexed } from "service-blueprint";
 * const index = indexCatalog(catalog);
 * stepReachIndexed(index, "benefit").find((r) => r.step === "appeal")?.share; // 0.1
 * ```
 */
export function stepReachIndexed(index: CatalogIndex, serviceId: string): readonly StepReach[] {
  const service = index.services.get(serviceId);
  if (service === undefined) throw unknownService(index, serviceId);
  const graph = serviceGraph(service);
  return Object.freeze(reachList(graph, computeReach(graph, forwardOrder(graph))));
}
