/**
 * The flow model of a life experience's graph, built once per catalog index (and kept by it) for everything that
 * reads it: the lint's repeated asks of an experience, and the rules that read it beyond them (time to outcome,
 * verifications repeated by another agency).
 *
 * @internal
 */
import { type CatalogIndex, derivedFor, derivedKind } from "../model/index-lookup.js";
import type { LifeExperience } from "../model/schema.js";
import type { CompiledGraph } from "./build.js";
import { experienceGraph } from "./experience-graph.js";
import { type FlowModel, experienceEntryShares, flowModel } from "./flow.js";
import { forwardOrder, reachableFrom } from "./order.js";

/** A life experience's graph, its flow model (people entering it weighed by the entry services' volumes) and what is reachable. @internal */
export interface ExperienceFlow {
  readonly graph: CompiledGraph;
  readonly model: FlowModel;
  readonly reachable: Uint8Array;
}

/** Each life experience's flow, kept by the catalog index. */
const EXPERIENCE_FLOW = derivedKind<ExperienceFlow>("experience flow");

/**
 * The experience's flow, computed on first use for this index and kept by it (a life experience that is not the one
 * the index has under its id, a duplicate id, is computed and not kept).
 *
 * @internal
 */
export function experienceFlow(index: CatalogIndex, experience: LifeExperience): ExperienceFlow {
  const compute = (): ExperienceFlow => {
    const graph = experienceGraph(index, experience);
    const model = flowModel(graph, forwardOrder(graph), experienceEntryShares(graph));
    return { graph, model, reachable: reachableFrom(graph, graph.roots) };
  };
  return derivedFor(index, EXPERIENCE_FLOW, index.lifeExperiences, experience, compute);
}
