/**
 * Errors for unknown ids, with a did-you-mean suggestion.
 *
 * @internal
 */
import { suggest } from "../model/did-you-mean.js";
import type { CatalogIndex } from "../model/index-lookup.js";
import { GraphAnalysisError } from "./errors.js";

/** The error for an unknown service id. @internal */
export function unknownService(index: CatalogIndex, id: string): GraphAnalysisError {
  const close = suggest(id, index.services.keys());
  const hint = close !== undefined ? `; did you mean '${close}'?` : index.services.size === 0 ? "; the catalog has no services" : "";
  return new GraphAnalysisError("unknown_service", "serviceId", `unknown service '${id}'${hint}`, close);
}

/** The error for an unknown life experience id. @internal */
export function unknownExperience(index: CatalogIndex, id: string): GraphAnalysisError {
  const close = suggest(id, index.lifeExperiences.keys());
  const hint =
    close !== undefined ? `; did you mean '${close}'?` : index.lifeExperiences.size === 0 ? "; the catalog has no life experiences" : "";
  return new GraphAnalysisError("unknown_experience", "experienceId", `unknown life experience '${id}'${hint}`, close);
}
