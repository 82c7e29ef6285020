/**
 * The graph analyses the sludge rules read, computed lazily per service or life experience and kept by the
 * catalog's index, so that every lint, burden report and comparison of one catalog shares them. The types name only
 * the fields the rules and the burden arithmetic use, so the graph module's full reports fit them.
 */
import { type CatalogIndex, derivedKind } from "../model/index-lookup.js";
import { unknownExperience, unknownService } from "../graph/lookup.js";
import { leanExperienceRepeats, leanServiceAnalysis } from "../graph/analyze.js";
import { serviceGraph } from "../graph/build.js";
import { type FlowModel, flowModel, metBefore, requiredForOutcome } from "../graph/flow.js";
import type { AnalysisAccess, SludgeExperienceAnalysis, SludgeServiceAnalysis } from "./types.js";

/**
 * Analyses on demand (the graph module's lean variants of `analyzeService` and `analyzeLifeExperience`: the same
 * values for the fields the rules read), each computed once and kept by the index: one lint, the burden report and
 * a later lint of the same (frozen) catalog share them. Unknown ids throw (a rule asking for one is a bug that
 * becomes a `rule-error` finding).
 *
 * @internal
 */
export function analysisAccess(index: CatalogIndex): AnalysisAccess {
  return index.derived(ANALYSES, "", () => createAnalysisAccess(index));
}

/** The analyses of a catalog, kept by its index (one per index, hence the empty key). */
const ANALYSES = derivedKind<AnalysisAccess>("sludge analyses");

function createAnalysisAccess(index: CatalogIndex): AnalysisAccess {
  const services = new Map<string, SludgeServiceAnalysis>();
  const experiences = new Map<string, SludgeExperienceAnalysis>();
  const flows = new Map<string, FlowModel>();
  const flow = (serviceId: string): FlowModel => {
    let model = flows.get(serviceId);
    if (model === undefined) {
      const service = index.services.get(serviceId);
      if (service === undefined) throw unknownService(index, serviceId);
      model = flowModel(serviceGraph(service));
      flows.set(serviceId, model);
    }
    return model;
  };
  return {
    metBefore(serviceId, first, then) {
      const model = flow(serviceId);
      const u = model.graph.position(serviceId, first);
      const v = model.graph.position(serviceId, then);
      if (u === undefined || v === undefined || u === v) return 0;
      const marked = new Uint8Array(model.graph.nodes.length);
      marked[u] = 1;
      return metBefore(model, marked).any[v]!;
    },
    required(serviceId, step) {
      const model = flow(serviceId);
      const v = model.graph.position(serviceId, step);
      return v !== undefined && requiredForOutcome(model, v);
    },
    service(serviceId) {
      let analysis = services.get(serviceId);
      if (analysis === undefined) {
        // Only what the rules read (the graph module's lean variant): no paths, hand-offs, counts or summary, which
        // keeps a 200,000-step lint's time and heap small.
        const service = index.services.get(serviceId);
        if (service === undefined) throw unknownService(index, serviceId);
        analysis = leanServiceAnalysis(index, service);
        services.set(serviceId, analysis);
      }
      return analysis;
    },
    experience(experienceId) {
      let analysis = experiences.get(experienceId);
      if (analysis === undefined) {
        const experience = index.lifeExperiences.get(experienceId);
        if (experience === undefined) throw unknownExperience(index, experienceId);
        analysis = { repeatedAsks: leanExperienceRepeats(index, experience) };
        experiences.set(experienceId, analysis);
      }
      return analysis;
    },
  };
}
