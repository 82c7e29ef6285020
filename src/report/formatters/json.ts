/**
 * The JSON formatter: the whole lint result as one JSON document, for tools.
 */
import type { LintResult } from "../../sludge/engine.js";
import { countBySeverity, indentedJsonChunks, listPlaceholder } from "./shared.js";

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
  const counts = countBySeverity(result.findings);
  const report = {
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
    findings: listPlaceholder("findings"),
    waived: listPlaceholder("waived"),
    rules: result.rules,
    burden: result.burden,
  };
  return indentedJsonChunks(
    report,
    new Map<string, readonly unknown[]>([
      ["findings", result.findings],
      ["waived", result.waived],
    ]),
  );
}
