/**
 * Imports the A-11 customer feedback that High-Impact Service Providers report each quarter (GSA's merged HISP CX
 * data, the table performance.gov publishes) into a catalog: agencies, channels, designated services and their
 * feedback collections, or, in merge mode, the feedback alone attached to the services of an existing catalog.
 * Every row is accounted for in the report: imported, or skipped with the reason.
 */
import type { Catalog } from "../model/schema.js";
import { readA11Csv } from "./a11-csv.js";
import { importMerge } from "./a11/merge.js";
import { importNew } from "./a11/new-catalog.js";
import type { ImportA11FeedbackOptions } from "./a11/options.js";
import { type A11ImportReport, finishReport, startReport } from "./a11/report-data.js";

export type { A11MergeOptions, ImportA11FeedbackOptions } from "./a11/options.js";
export type { A11ImportReport, A11ImportedRow, A11QuestionMapping, A11SkippedRow } from "./a11/report-data.js";
export { A11_IMPORT_WARNING_CODES } from "./a11/warnings.js";
export type { A11ImportWarning, A11ImportWarningCode } from "./a11/warnings.js";

/**
 * The result of {@link importA11Feedback}.
 *
 * @example
 * ```ts
 * import { importA11Feedback, type A11ImportResult } from "service-blueprint/import";
 * const result: A11ImportResult = importA11Feedback(csvText);
 * result.catalog.services.length;
 * ```
 */
export interface A11ImportResult {
  /** The catalog: valid, frozen, with defaults filled in. */
  readonly catalog: Catalog;
  /** What happened to every row. */
  readonly report: A11ImportReport;
}

/**
 * Imports A-11 customer feedback data (the quarterly reports of High-Impact Service Providers, as GSA merges them
 * for performance.gov) into a catalog.
 *
 * Without `merge`, it builds a new catalog: departments and providers as agencies (providers are HISPs; a bureau
 * that reported as an organization gets its department), one channel per channel kind used, one designated
 * service per registered service (`attributes_service_id`) with the services provided under it, and one v1
 * feedback collection per row with its volumes and questions. The data does not describe the services' steps: each
 * gets one placeholder customer step, marked `assumed`, and a kind and offering guessed from its name.
 *
 * With `merge`, it attaches the collections to the services of `merge.catalog` (by `merge.serviceIds`, else by
 * provider and service name) and leaves everything else as it was, adding only channels the feedback needs. A
 * collection with the same quarter, channel, transaction point and service provided as an existing one replaces
 * it, so importing the same file twice changes nothing.
 *
 * Questions are mapped to drivers by their wording ({@link mapQuestionDriver}); one that maps to none, or is on
 * another scale, is kept as `custom` and reported as a warning. Channel `mixed` or empty is kept as no channel,
 * with a warning. Every row is accounted for: `report.rows === report.imported.length + report.skipped.length`.
 *
 * @param csvText - the CSV text (GSA's merged HISP CX data, with its header)
 * @param options - catalog name and source, or merge mode
 * @returns the catalog (valid, frozen) and the report
 * @throws {@link A11ImportError} when the text is not readable CSV, a column is missing, a number is not one, or
 *   `merge.serviceIds` names a service the catalog does not have
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { serializeCatalog } from "service-blueprint";
 * import { importA11Feedback } from "service-blueprint/import";
 * const { catalog, report } = importA11Feedback(readFileSync("hisp-cx-data.csv", "utf8"));
 * console.log(`${report.imported.length} collections, ${report.warnings.length} warnings`);
 * const yaml = serializeCatalog(catalog, { format: "yaml" });
 * ```
 */
export function importA11Feedback(csvText: string, options: ImportA11FeedbackOptions = {}): A11ImportResult {
  const rows = readA11Csv(csvText);
  const acc = startReport();
  const catalog = options.merge !== undefined ? importMerge(rows, options.merge, acc) : importNew(rows, options, acc);
  return { catalog, report: finishReport(rows, acc) };
}
