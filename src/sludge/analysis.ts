/**
 * The graph analyses the sludge rules read, computed lazily per service or life experience and cached for one
 * lint run. The types name only the fields the rules and the burden arithmetic use, so the graph module's full
 * reports fit them.
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import { analyzeLifeExperienceIndexed, analyzeServiceIndexed } from "../graph/analyze.js";
import type { AnalysisAccess, SludgeExperienceAnalysis, SludgeServiceAnalysis } from "./types.js";


/** The engine reads no enumerated paths: counting and the critical path stay, the path list is skipped. */
const GRAPH_OPTIONS = Object.freeze({ maxPaths: 0 });

/**
 * Analyses on demand (the graph module's `analyzeServiceIndexed` and `analyzeLifeExperienceIndexed`), each computed
 * once. Unknown ids throw (a rule asking for one is a bug that becomes a `rule-error` finding).
 *
 * @internal
 */
export function createAnalysisAccess(index: CatalogIndex): AnalysisAccess {
  const services = new Map<string, SludgeServiceAnalysis>();
  const experiences = new Map<string, SludgeExperienceAnalysis>();
  return {
    service(serviceId) {
      let analysis = services.get(serviceId);
      if (analysis === undefined) {
        // Keep only what the rules read: the rest of the report (paths, hand-offs, counts) is garbage at once,
        // which keeps a 200,000-step lint's heap small.
        const { reworkLoops, deadEnds, unreachable, repeatedAsks, reach } = analyzeServiceIndexed(index, serviceId, GRAPH_OPTIONS);
        analysis = { reworkLoops, deadEnds, unreachable, repeatedAsks, reach };
        services.set(serviceId, analysis);
      }
      return analysis;
    },
    experience(experienceId) {
      let analysis = experiences.get(experienceId);
      if (analysis === undefined) {
        analysis = { repeatedAsks: analyzeLifeExperienceIndexed(index, experienceId, GRAPH_OPTIONS).repeatedAsks };
        experiences.set(experienceId, analysis);
      }
      return analysis;
    },
  };
}
