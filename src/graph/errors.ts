/**
 * The one exception class of the graph analyses: an unknown service or life experience, or options that are not
 * valid.
 */

import { ServiceBlueprintError } from "../internal/error.js";

/**
 * Every code a {@link GraphAnalysisError} can carry.
 *
 * - `unknown_service`: no service has the given id.
 * - `unknown_experience`: no life experience has the given id.
 * - `invalid_options`: the options object is not valid (the `path` names the option).
 *
 * @example
 * ```ts
 * import { GRAPH_ANALYSIS_ERROR_CODES } from "service-blueprint";
 * GRAPH_ANALYSIS_ERROR_CODES.includes("unknown_service"); // true
 * ```
 */
export const GRAPH_ANALYSIS_ERROR_CODES = ["unknown_service", "unknown_experience", "invalid_options"] as const;

/** One of {@link GRAPH_ANALYSIS_ERROR_CODES}. */
export type GraphAnalysisErrorCode = (typeof GRAPH_ANALYSIS_ERROR_CODES)[number];

/**
 * Thrown by the graph analyses when the id is unknown or the options are not valid. The message says what was
 * wrong and, for a near-miss id, suggests the closest one.
 *
 * @example
 * ```ts
 * import { GraphAnalysisError, analyzeService } from "service-blueprint";
 * try {
 *   analyzeService(catalog, "ssa-retirment");
 * } catch (error) {
 *   if (error instanceof GraphAnalysisError) console.error(error.code, error.suggestion); // "unknown_service" "ssa-retirement"
 *   else throw error;
 * }
 * ```
 */
export class GraphAnalysisError extends ServiceBlueprintError {
  /** What went wrong. */
  readonly code: GraphAnalysisErrorCode;
  /** Where: `serviceId`, `experienceId`, or the option, e.g. `options.maxPaths`. */
  readonly path: string;
  /** The closest known id, for an unknown one. */
  readonly suggestion?: string;

  /**
   * @param code - what went wrong
   * @param path - where
   * @param message - what to tell the user
   * @param suggestion - the closest known id, if any
   */
  constructor(code: GraphAnalysisErrorCode, path: string, message: string, suggestion?: string) {
    super(message);
    this.name = "GraphAnalysisError";
    this.code = code;
    this.path = path;
    if (suggestion !== undefined) this.suggestion = suggestion;
  }
}
