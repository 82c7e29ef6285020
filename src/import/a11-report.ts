/**
 * The A-11 import report as Markdown: what was imported, what was skipped and why, the warnings, and how every
 * distinct question text was mapped to a driver. For a person reviewing an import (the CLI prints it; the
 * federal example keeps it beside its catalog).
 */
import { A11_DRIVERS } from "../model/vocabulary.js";
import type { A11ImportReport } from "./a11-import.js";

/** A Markdown table cell: one line, pipes escaped. */
function cell(value: string): string {
  return value.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

/** Row numbers, shortened past `max`. */
function rowList(rows: readonly number[], max = 12): string {
  if (rows.length === 0) return "";
  const shown = rows.slice(0, max).join(", ");
  return rows.length > max ? `${shown}, … (${rows.length} rows)` : shown;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

/**
 * Formats an A-11 import report as Markdown: totals, questions per driver, skipped rows, warnings, and the table
 * of question texts with the driver each got and how. Deterministic: the same report gives the same text.
 *
 * @param report - the report from {@link importA11Feedback}
 * @param title - the heading (default "A-11 import report")
 * @returns Markdown text ending in a newline
 * @example
 * ```ts
 * import { formatA11ImportReport, importA11Feedback } from "service-blueprint/import";
 * const { report } = importA11Feedback(csvText);
 * console.log(formatA11ImportReport(report));
 * ```
 */
export function formatA11ImportReport(report: A11ImportReport, title = "A-11 import report"): string {
  const questions = report.imported.reduce((n, r) => n + r.questions, 0);
  const perDriver = new Map<string, number>();
  for (const m of report.mapped) perDriver.set(m.driver, (perDriver.get(m.driver) ?? 0) + m.occurrences);
  const distinct = new Map<string, number>();
  for (const m of report.mapped) distinct.set(m.driver, (distinct.get(m.driver) ?? 0) + 1);
  const out: string[] = [
    `# ${title}`,
    "",
    `- Rows read: ${report.rows}; imported: ${report.imported.length}; skipped: ${report.skipped.length}.`,
    `- Questions kept: ${questions}; empty question slots left out: ${report.emptyQuestionSlots}.`,
    `- Distinct question texts: ${report.mapped.length}; warnings: ${report.warnings.length}.`,
    "",
    "## Questions per driver",
    "",
    table(
      ["driver", "questions", "distinct texts"],
      A11_DRIVERS.filter((d) => perDriver.has(d)).map((d) => [d, String(perDriver.get(d)), String(distinct.get(d))]),
    ),
    "",
  ];
  if (report.skipped.length > 0) {
    out.push("## Skipped rows", "", table(["row", "line", "id", "reason"], report.skipped.map((s) => [String(s.row), String(s.line), s.id, s.reason])), "");
  }
  if (report.warnings.length > 0) {
    out.push(
      "## Warnings",
      "",
      table(
        ["code", "rows", "message", "question"],
        report.warnings.map((w) => [w.code, rowList(w.rows), w.message, w.text ?? ""]),
      ),
      "",
    );
  }
  out.push(
    "## Question texts",
    "",
    "How each distinct question text was mapped to an A-11 driver (`pattern` names the rule; anything else is kept as `custom`).",
    "",
    table(
      ["driver", "how", "questions", "text"],
      report.mapped.map((m) => [
        m.driver,
        m.how === "pattern" ? `pattern: ${m.rule ?? ""}` : m.candidates !== undefined ? `${m.how}: ${m.candidates.join(", ")}` : m.how,
        String(m.occurrences),
        m.text === "" ? "(no text)" : m.text,
      ]),
    ),
    "",
  );
  return out.join("\n");
}
