/**
 * The graph analyses the sludge rules read, computed lazily per service or life experience and cached for one
 * lint run. The types name only the fields the rules and the burden arithmetic use, so the graph module's full
 * reports fit them.
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import { unknownExperience, unknownService } from "../graph/lookup.js";
import { leanExperienceRepeats, leanServiceAnalysis } from "../graph/analyze.js";
import type { AnalysisAccess, SludgeExperienceAnalysis, SludgeServiceAnalysis } from "./types.js";

/**
 * Analyses on demand (the graph module's lean variants of `analyzeServiceIndexed` and
 * `analyzeLifeExperienceIndexed`: the same values for the fields the rules read), each computed once. Unknown ids
 * throw (a rule asking for one is a bug that becomes a `rule-error` finding).
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
        // Only what the rules read (the graph module's lean variant): no paths, hand-offs, counts or summary, which
        // keeps a 200,000-step lint's time and heap small.
        const service = index.services.get(serviceId);
        if (service === undefined) throw unknownService(index, serviceId);
        analysis = leanServiceAnalysis(service);
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
