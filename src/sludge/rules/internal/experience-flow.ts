/**
 * The flow model of a life experience's graph, built once per catalog index (and kept by it) for the rules that read
 * it beyond the engine's repeated asks (time to outcome, verifications repeated by another agency).
 *
 * @internal
 */
import type { CompiledGraph } from "../../../graph/build.js";
import { experienceGraph } from "../../../graph/experience-graph.js";
import { type FlowModel, experienceEntryShares, flowModel } from "../../../graph/flow.js";
import { forwardOrder, reachableFrom } from "../../../graph/order.js";
import { type CatalogIndex, derivedKind } from "../../../model/index-lookup.js";
import type { LifeExperience } from "../../../model/schema.js";

/** A life experience's graph, its flow model (people entering it weighed by the entry services' volumes) and what is reachable. @internal */
export interface ExperienceFlow {
  readonly graph: CompiledGraph;
  readonly model: FlowModel;
  readonly reachable: Uint8Array;
}

/** Each life experience's flow, kept by the catalog index. */
const EXPERIENCE_FLOW = derivedKind<ExperienceFlow>("experience flow");

/** The experience's flow, computed on first use for this index and kept by it. @internal */
export function experienceFlow(index: CatalogIndex, experience: LifeExperience): ExperienceFlow {
  return index.derived(EXPERIENCE_FLOW, experience.id, () => {
    const graph = experienceGraph(index, experience);
    const model = flowModel(graph, forwardOrder(graph), experienceEntryShares(graph));
    return { graph, model, reachable: reachableFrom(graph, graph.roots) };
  });
}
