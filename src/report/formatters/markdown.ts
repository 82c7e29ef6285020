/**
 * The Markdown formatter: a report for a pull request comment or a wiki page.
 */
import type { LintResult } from "../../sludge/engine.js";
import type { Finding } from "../../sludge/types.js";
import { type FormatOptions, countBySeverity, formatQuantity, listed, placeOf } from "./shared.js";

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/([*_`<>[\]])/g, "\\$1");
}

function findingRow(finding: Finding, docs: string): string {
  const hours = finding.burden.annualHours > 0 ? formatQuantity(finding.burden.annualHours) : "";
  return `| ${finding.severity} | [${finding.ruleId}](${docs}${finding.ruleId}.md) | \`${placeOf(finding)}\` | ${cell(finding.message)} | ${hours} |`;
}

/**
 * Formats a lint result as Markdown: a summary, the findings in a table (with hours a year), the waived findings
 * with their justifications, and the burden per service and per life experience.
 *
 * @param result - the result of `lintCatalog`
 * @param options - `includeWaived` (default true), `docsBaseUrl` for rule links, `catalogFile` for the title
 * @returns the Markdown text, ending with a newline
 * @example
 * ```ts
 * import { formatMarkdown, lintCatalog } from "service-blueprint";
 * const comment = formatMarkdown(lintCatalog(catalog), { catalogFile: "catalog.yaml" });
 * ```
 */
export function formatMarkdown(result: LintResult, options: FormatOptions = {}): string {
  const docs = options.docsBaseUrl ?? "docs/rules/";
  const counts = countBySeverity(result.findings);
  const lines: string[] = [];
  lines.push(`# Sludge report${options.catalogFile === undefined ? "" : `: ${cell(options.catalogFile)}`}`, "");
  const total = result.burden.total;
  lines.push(
    `${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos; ${result.waived.length} waived. ` +
      `Burden: **${formatQuantity(total.annualHours, 0)} customer hours a year** ($${formatQuantity(total.annualCost, 0)} at $${formatQuantity(result.burden.hourValue, 2)} an hour, fees included). Lint date ${result.today}.`,
    "",
  );
  if (result.findings.length > 0) {
    lines.push("## Findings", "", "| Severity | Rule | Where | Message | Hours a year |", "| --- | --- | --- | --- | ---: |");
    for (const finding of result.findings) lines.push(findingRow(finding, docs));
    lines.push("");
  }
  const waived = listed(result, options).filter((finding) => finding.waiver !== undefined && result.waived.includes(finding));
  if (waived.length > 0) {
    lines.push("## Waived", "", "| Rule | Where | Message | Justification | Expires |", "| --- | --- | --- | --- | --- |");
    for (const finding of waived) {
      const waiver = finding.waiver!;
      const why = `${waiver.justification}${waiver.note === undefined ? "" : `: ${waiver.note}`}`;
      lines.push(`| [${finding.ruleId}](${docs}${finding.ruleId}.md) | \`${placeOf(finding)}\` | ${cell(finding.message)} | ${cell(why)} | ${waiver.expires ?? ""} |`);
    }
    lines.push("");
  }
  if (result.burden.services.length > 0) {
    lines.push(
      "## Burden by service",
      "",
      "| Service | Customers a year | Minutes per customer | Days waiting | Hours a year | Learning | Compliance | Psychological |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const row of result.burden.services) {
      lines.push(
        `| ${cell(row.service)} | ${row.volumeKnown ? formatQuantity(row.customersPerYear, 0) : "unknown"} | ${formatQuantity(row.minutesPerCustomer)} | ${formatQuantity(row.waitDaysPerCustomer)} | ${formatQuantity(row.annualHours, 0)} | ${formatQuantity(row.split.learning, 0)} | ${formatQuantity(row.split.compliance, 0)} | ${formatQuantity(row.split.psychological, 0)} |`,
      );
    }
    lines.push("");
  }
  if (result.burden.experiences.length > 0) {
    lines.push("## Burden by life experience", "", "| Life experience | Services | Hours a year | Cost a year |", "| --- | ---: | ---: | ---: |");
    for (const row of result.burden.experiences) {
      lines.push(`| ${cell(row.experience)} | ${row.services.length} | ${formatQuantity(row.annualHours, 0)} | $${formatQuantity(row.annualCost, 0)} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
