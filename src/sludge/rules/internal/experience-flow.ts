/**
 * The flow model of a life experience's graph, built once per lint for the rules that read it beyond the engine's
 * repeated asks (time to outcome, verifications repeated by another agency).
 *
 * @internal
 */
import type { CompiledGraph } from "../../../graph/build.js";
import { experienceGraph } from "../../../graph/experience-graph.js";
import { type FlowModel, experienceEntryShares, flowModel } from "../../../graph/flow.js";
import { forwardOrder, reachableFrom } from "../../../graph/order.js";
import type { CatalogIndex } from "../../../model/index-lookup.js";
import type { LifeExperience } from "../../../model/schema.js";

/** A life experience's graph, its flow model (people entering it weighed by the entry services' volumes) and what is reachable. @internal */
export interface ExperienceFlow {
  readonly graph: CompiledGraph;
  readonly model: FlowModel;
  readonly reachable: Uint8Array;
}

const cache = new WeakMap<CatalogIndex, Map<string, ExperienceFlow>>();

/** The experience's flow, computed on first use for this index. @internal */
export function experienceFlow(index: CatalogIndex, experience: LifeExperience): ExperienceFlow {
  let byId = cache.get(index);
  if (byId === undefined) cache.set(index, (byId = new Map()));
  let flow = byId.get(experience.id);
  if (flow === undefined) {
    const graph = experienceGraph(index, experience);
    const model = flowModel(graph, forwardOrder(graph), experienceEntryShares(graph));
    flow = { graph, model, reachable: reachableFrom(graph, graph.roots) };
    byId.set(experience.id, flow);
  }
  return flow;
}
