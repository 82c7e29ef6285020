/**
 * The stylish formatter: eslint-like text for a terminal, one line per finding, a summary, and the burden total.
 */
import type { LintResult } from "../../sludge/engine.js";
import type { Finding, Severity } from "../../sludge/types.js";
import { type FormatOptions, countBySeverity, countNoun, formatQuantity, listed, locator, placeOf } from "./shared.js";

const ANSI = { reset: "\u001b[0m", dim: "\u001b[2m", bold: "\u001b[1m", red: "\u001b[31m", yellow: "\u001b[33m", blue: "\u001b[34m", underline: "\u001b[4m" };

/**
 * Formats a lint result as eslint-style text. Colour only when `options.color` is true.
 *
 * @param result - the result of `lintCatalog`
 * @param options - `catalogFile` and `catalogText` (for line:column), `color`, `includeWaived`
 * @returns the text, ending with a newline
 * @example
 * ```ts
 * import { formatStylish, lintCatalog } from "service-blueprint";
 * process.stdout.write(formatStylish(lintCatalog(catalog), { catalogFile: "catalog.yaml", color: process.stdout.isTTY }));
 * // catalog.yaml
 * //   12:9  services[0].steps[2]  warning  Step 'sign' needs a wet signature  wet-signature
 * ```
 */
export function formatStylish(result: LintResult, options: FormatOptions = {}): string {
  return [...stylishChunks(result, options)].join("");
}

/** How many finding lines go into one chunk of {@link stylishChunks}. */
const LINES_PER_CHUNK = 2_000;

/** {@link formatStylish}'s text in chunks of a few thousand lines. @internal */
export function* stylishChunks(result: LintResult, options: FormatOptions = {}): Generator<string> {
  const paint = (code: string, text: string): string => (options.color === true ? `${code}${text}${ANSI.reset}` : text);
  const severityColour: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue };
  const findings = listed(result, options);
  const locate = locator(options, findings);
  const rows = findings.map((finding: Finding) => {
    const position = locate(finding);
    return {
      finding,
      where: position === undefined ? "" : `${position.line}:${position.column}`,
      place: placeOf(finding),
      level: finding.waiver === undefined ? finding.severity : `${finding.severity} (waived)`,
    };
  });
  const width = (pick: (row: (typeof rows)[number]) => string): number => rows.reduce((max, row) => Math.max(max, pick(row).length), 0);
  const whereWidth = width((row) => row.where);
  const placeWidth = width((row) => row.place);
  const levelWidth = width((row) => row.level);
  let lines: string[] = [];
  if (rows.length > 0) {
    lines.push(paint(ANSI.underline, options.catalogFile ?? "catalog"));
    for (const row of rows) {
      if (lines.length >= LINES_PER_CHUNK) {
        yield `${lines.join("\n")}\n`;
        lines = [];
      }
      const hours = row.finding.burden.annualHours > 0 ? paint(ANSI.dim, `  ~${formatQuantity(row.finding.burden.annualHours)} h/yr`) : "";
      const cells = [
        ...(whereWidth > 0 ? [paint(ANSI.dim, row.where.padEnd(whereWidth))] : []),
        row.place.padEnd(placeWidth),
        paint(severityColour[row.finding.severity], row.level.padEnd(levelWidth)),
        row.finding.message,
        paint(ANSI.dim, row.finding.ruleId),
      ];
      lines.push(`  ${cells.join("  ")}${hours}`);
    }
    lines.push("");
  }
  const counts = countBySeverity(result.findings);
  const total = result.findings.length;
  const summary =
    total === 0
      ? "No problems"
      : `${total === 1 ? "1 problem" : `${total} problems`} (${countNoun(counts.error, "error")}, ${countNoun(counts.warning, "warning")}, ${countNoun(counts.info, "info")})`;
  const waived = result.waived.length > 0 ? `, ${result.waived.length} waived` : "";
  const colour = counts.error > 0 ? ANSI.red : counts.warning > 0 ? ANSI.yellow : ANSI.bold;
  lines.push(paint(colour, `${total === 0 ? "✔" : "✖"} ${summary}${waived}`));
  const burden = result.burden.total;
  lines.push(
    `Burden: ${formatQuantity(burden.annualHours, 0)} customer hours a year ($${formatQuantity(burden.annualCost, 0)} at $${formatQuantity(result.burden.hourValue, 2)}/h, fees included)`,
  );
  yield `${lines.join("\n")}\n`;
}
