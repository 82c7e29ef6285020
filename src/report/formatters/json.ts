/**
 * The JSON formatter: the whole lint result as one JSON document, for tools.
 */
import type { LintResult } from "../../sludge/engine.js";
import { type LintFileReport, countBySeverity, indentedJsonChunks, listPlaceholder } from "./shared.js";

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
  return [...jsonChunks(result)].join("");
}

/** {@link formatJson}'s text in chunks, findings a few thousand at a time. @internal */
export function jsonChunks(result: LintResult): Generator<string> {
  return indentedJsonChunks(
    jsonReport(result, ""),
    new Map<string, readonly unknown[]>([
      ["findings", result.findings],
      ["waived", result.waived],
    ]),
  );
}

/** The JSON report of one result, its findings and waivers as placeholders named with `key` (see {@link indentedJsonChunks}). */
function jsonReport(result: LintResult, key: string) {
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
    findings: listPlaceholder(`findings${key}`),
    waived: listPlaceholder(`waived${key}`),
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
  return [...jsonFilesChunks(reports)].join("");
}

/** {@link formatJsonFiles}'s text in chunks, findings a few thousand at a time. @internal */
export function jsonFilesChunks(reports: readonly LintFileReport[]): Generator<string> {
  const lists = new Map<string, readonly unknown[]>();
  const entries = reports.map((report, i) => {
    if ("issues" in report) return { file: report.file, valid: false, issues: report.issues };
    lists.set(`findings:${i}`, report.result.findings);
    lists.set(`waived:${i}`, report.result.waived);
    return { file: report.file, valid: true, ...jsonReport(report.result, `:${i}`) };
  });
  return indentedJsonChunks(entries, lists);
}
