/**
 * The options of the graph analyses, validated once per call.
 */
import * as z from "zod";
import { GraphAnalysisError } from "./errors.js";
import type { GraphAnalysisOptions } from "./types.js";

const OptionsSchema = z.strictObject({
  maxPaths: z.number().int().min(0).max(100_000).default(1_000),
  maxPathSteps: z.number().int().min(0).max(10_000_000).default(200_000),
  pathMeasure: z.enum(["minutes", "days"]).default("minutes"),
  contributors: z.number().int().min(1).max(50).default(3),
});

/** Options with every default filled in. @internal */
export type ResolvedGraphOptions = z.output<typeof OptionsSchema>;

/**
 * The defaults of {@link GraphAnalysisOptions}.
 *
 * @example
 * ```ts
 * import { DEFAULT_GRAPH_ANALYSIS_OPTIONS } from "service-blueprint";
 * DEFAULT_GRAPH_ANALYSIS_OPTIONS.maxPaths; // 1000
 * ```
 */
export const DEFAULT_GRAPH_ANALYSIS_OPTIONS: { readonly [K in keyof GraphAnalysisOptions]-?: Exclude<GraphAnalysisOptions[K], undefined> } =
  Object.freeze(OptionsSchema.parse({}));

/**
 * Validates options and fills in the defaults.
 *
 * @throws GraphAnalysisError with code `invalid_options` and a path such as `options.maxPaths`
 * @internal
 */
export function resolveOptions(options: GraphAnalysisOptions | undefined): ResolvedGraphOptions {
  if (options === undefined) return DEFAULT_GRAPH_ANALYSIS_OPTIONS;
  const result = OptionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = ["options", ...issue.path.map(String)].join(".");
  const keys = issue.code === "unrecognized_keys" ? ` (${issue.keys.join(", ")})` : "";
  throw new GraphAnalysisError("invalid_options", path, `invalid graph analysis option at ${path}: ${issue.message}${keys}`);
}
