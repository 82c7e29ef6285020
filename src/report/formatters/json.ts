/**
 * The JSON formatter: the whole lint result as one JSON document, for tools.
 */
import type { LintResult } from "../../sludge/engine.js";
import { type LintFileReport, countBySeverity } from "./shared.js";

/**
 * The version of the JSON report's shape; it changes only when fields are removed or change meaning.
 *
 * @example
 * ```ts
 * import { JSON_REPORT_VERSION } from "service-blueprint";
 * JSON_REPORT_VERSION; // 1
 * ```
 */
export const JSON_REPORT_VERSION = 1;

/**
 * Formats a lint result as JSON: `{ version, today, summary, findings, waived, rules, burden }`, indented with two
 * spaces. Findings keep every field (target with path, evidence, burden, fingerprint, waiver).
 *
 * @param result - the result of `lintCatalog`
 * @returns the JSON text, ending with a newline
 * @example
 * ```ts
 * import { formatJson, lintCatalog } from "service-blueprint";
 * const report = JSON.parse(formatJson(lintCatalog(catalog)));
 * report.summary.errors;
 * ```
 */
export function formatJson(result: LintResult): string {
  return `${JSON.stringify(jsonReport(result), null, 2)}\n`;
}

/** The JSON report of one result, as an object. */
function jsonReport(result: LintResult) {
  const counts = countBySeverity(result.findings);
  return {
    version: JSON_REPORT_VERSION,
    today: result.today,
    summary: {
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      waived: result.waived.length,
      annualHours: result.burden.total.annualHours,
      annualCost: result.burden.total.annualCost,
    },
    findings: result.findings,
    waived: result.waived,
    rules: result.rules,
    burden: result.burden,
  };
}

/**
 * Formats the lint of several catalog files as JSON: always an array, one entry per file in the order given,
 * `{ file, valid: true, ...report }` (the {@link formatJson} report) or `{ file, valid: false, issues }` for a
 * catalog that did not validate. One file gives an array of one: the shape never depends on the number of files.
 *
 * @param reports - each file's lint result or validation issues
 * @returns the JSON text, ending with a newline
 * @example
 * ```ts
 * import { formatJsonFiles } from "service-blueprint";
 * const files = JSON.parse(formatJsonFiles([{ file: "a.yaml", result }, { file: "b.yaml", issues }]));
 * files.filter((f) => !f.valid).map((f) => f.file); // ["b.yaml"]
 * ```
 */
export function formatJsonFiles(reports: readonly LintFileReport[]): string {
  const entries = reports.map((report) =>
    "issues" in report ? { file: report.file, valid: false, issues: report.issues } : { file: report.file, valid: true, ...jsonReport(report.result) },
  );
  return `${JSON.stringify(entries, null, 2)}\n`;
}
