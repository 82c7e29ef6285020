/** The options of {@link importA11Feedback}: a new catalog's name and source, or merge mode. */
import type { Catalog, Source } from "../../model/schema.js";

/**
 * Merge mode of {@link importA11Feedback}: attach the feedback to the services of an existing catalog.
 *
 * @example
 * ```ts
 * import { importA11Feedback } from "service-blueprint/import";
 * const { catalog } = importA11Feedback(csvText, { merge: { catalog: existing, serviceIds: { "16": "irs-website" } } });
 * ```
 */
export interface A11MergeOptions {
  /** The catalog to attach feedback to. Everything in it is kept as it was. */
  readonly catalog: Catalog;
  /**
   * CSV service id (`attributes_service_id`, e.g. `"16"`) → catalog service id. CSV services not listed are
   * matched by provider and service name; those that match no service are skipped and reported.
   */
  readonly serviceIds?: Readonly<Record<string, string>> | undefined;
}

/**
 * Options of {@link importA11Feedback}.
 *
 * @example
 * ```ts
 * import { importA11Feedback } from "service-blueprint/import";
 * importA11Feedback(csvText, {
 *   name: "Federal HISP services",
 *   source: { id: "hisp-cx-data", title: "HISP CX Data", url: "https://github.com/GSA/HISP-CX-Data" },
 * });
 * ```
 */
export interface ImportA11FeedbackOptions {
  /** The new catalog's name (not used in merge mode). Default "A-11 customer feedback". */
  readonly name?: string | undefined;
  /** The new catalog's description (not used in merge mode). */
  readonly description?: string | undefined;
  /** The source the data comes from, cited by every imported service (not added in merge mode). */
  readonly source?: Source | undefined;
  /** Attach the feedback to an existing catalog's services instead of building a new catalog. */
  readonly merge?: A11MergeOptions | undefined;
}
