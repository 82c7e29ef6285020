import { type Command, Option } from "commander";
import { compareDiagram } from "../../export/mermaid/compare.js";
import { MermaidExportError } from "../../export/mermaid/index.js";
import type { Catalog } from "../../model/schema.js";
import { type BurdenComparison, type CatalogComparison, compareCatalogs } from "../../sludge/compare.js";
import type { Finding } from "../../sludge/types.js";
import { loadCatalogFiles } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT, messageWithoutHint } from "../errors.js";
import { type Paint, paint, writeAtomic } from "../io.js";
import { FAIL_ON, type LintFlags, failsOn, loadLintConfig, CONFIG_HELP, NO_CONFIG_HELP } from "./lint.js";

/** Output formats of `compare`. */
export const COMPARE_FORMATS = ["stylish", "json", "markdown"] as const;
type CompareFormat = (typeof COMPARE_FORMATS)[number];

type Comparison = CatalogComparison;

/** One row of the burden table: a service or life experience present before, after, or both. */
interface DeltaRow {
  readonly id: string;
  readonly name: string;
  readonly before: number | undefined;
  readonly after: number | undefined;
}

const hours = (n: number | undefined): string => (n === undefined ? "–" : Math.round(n).toLocaleString("en-US"));
const signed = (n: number): string => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(Math.round(n)).toLocaleString("en-US")}`;
const share = (before: number, after: number): string =>
  before > 0 ? `, ${after >= before ? "+" : "−"}${Math.abs(((after - before) / before) * 100).toFixed(0)}%` : "";

/** Rows of the burden table from the comparison's per-service or per-experience rows (in its order). */
function deltaRows(rows: readonly BurdenComparison[], names: ReadonlyMap<string, string>): DeltaRow[] {
  return rows.map((row) => ({ id: row.id, name: names.get(row.id) ?? row.id, before: row.before?.annualHours, after: row.after?.annualHours }));
}

function names(before: Catalog, after: Catalog): { services: Map<string, string>; experiences: Map<string, string> } {
  return {
    services: new Map([...before.services, ...after.services].map((s) => [s.id, s.name])),
    experiences: new Map([...before.lifeExperiences, ...after.lifeExperiences].map((e) => [e.id, e.name])),
  };
}

function findingLine(f: Finding, style: Paint): string {
  const sev = f.severity === "error" ? style.red(f.severity) : f.severity === "warning" ? style.yellow(f.severity) : style.dim(f.severity);
  return `  ${sev.padEnd(7 + (sev.length - f.severity.length))}  ${f.message}  ${style.dim(`${f.ruleId} at ${f.target.path || "(catalog)"}`)}`;
}

/** Plain text: the burden delta and the findings fixed and introduced. */
export function formatComparisonText(c: Comparison, before: Catalog, after: Catalog, files: readonly [string, string], style: Paint): string {
  const n = names(before, after);
  const b = c.burden.before.total;
  const a = c.burden.after.total;
  const lines: string[] = [
    style.bold(`${files[0]} → ${files[1]}`),
    "",
    `Customer hours a year: ${hours(b.annualHours)} → ${hours(a.annualHours)} (${signed(a.annualHours - b.annualHours)} h${share(b.annualHours, a.annualHours)})`,
    `Cost a year: $${hours(b.annualCost)} → $${hours(a.annualCost)} (${signed(a.annualCost - b.annualCost)} $)`,
  ];
  const table = (title: string, rows: readonly DeltaRow[]): void => {
    if (rows.length === 0) return;
    lines.push("", `${title}:`);
    const width = Math.min(60, Math.max(...rows.map((r) => r.name.length)));
    for (const r of rows) {
      const delta = r.before !== undefined && r.after !== undefined ? signed(r.after - r.before) : r.before === undefined ? "new" : "removed";
      lines.push(`  ${r.name.slice(0, 60).padEnd(width)}  ${hours(r.before).padStart(10)} → ${hours(r.after).padStart(10)}  ${delta}`);
    }
  };
  table("By life experience (hours a year)", deltaRows(c.burden.experiences, n.experiences));
  table("By service (hours a year)", deltaRows(c.burden.services, n.services));
  lines.push("", `Steps: ${c.steps.added.length} added, ${c.steps.removed.length} removed, ${c.steps.changed.length} changed`);
  lines.push("", style.green(`Fixed (${c.fixed.length}):`));
  for (const f of c.fixed) lines.push(findingLine(f, style));
  lines.push("", (c.introduced.length > 0 ? style.red : style.green)(`Introduced (${c.introduced.length}):`));
  for (const f of c.introduced) lines.push(findingLine(f, style));
  lines.push("", `Unchanged: ${c.unchanged.length}`);
  return `${lines.join("\n")}\n`;
}

const md = (s: string): string => s.replace(/[\\|`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, " ");

/** Markdown: for a pull request comment. */
export function formatComparisonMarkdown(c: Comparison, before: Catalog, after: Catalog, files: readonly [string, string]): string {
  const n = names(before, after);
  const b = c.burden.before.total;
  const a = c.burden.after.total;
  const out: string[] = [
    `## Burden: ${md(files[0])} → ${md(files[1])}`,
    "",
    `**Customer hours a year:** ${hours(b.annualHours)} → ${hours(a.annualHours)} (${signed(a.annualHours - b.annualHours)}${share(b.annualHours, a.annualHours)})  `,
    `**Cost a year:** $${hours(b.annualCost)} → $${hours(a.annualCost)} (${signed(a.annualCost - b.annualCost)})`,
  ];
  const table = (title: string, rows: readonly DeltaRow[]): void => {
    if (rows.length === 0) return;
    out.push("", `### ${title}`, "", "| | Before | After | Change |", "|---|---:|---:|---:|");
    for (const r of rows) {
      const delta = r.before !== undefined && r.after !== undefined ? signed(r.after - r.before) : r.before === undefined ? "new" : "removed";
      out.push(`| ${md(r.name)} | ${hours(r.before)} | ${hours(r.after)} | ${delta} |`);
    }
  };
  table("By life experience (hours a year)", deltaRows(c.burden.experiences, n.experiences));
  table("By service (hours a year)", deltaRows(c.burden.services, n.services));
  const list = (title: string, findings: readonly Finding[]): void => {
    out.push("", `### ${title} (${findings.length})`, "");
    if (findings.length === 0) out.push("None.");
    else {
      out.push("| Severity | Rule | Where | Finding |", "|---|---|---|---|");
      for (const f of findings) out.push(`| ${f.severity} | \`${f.ruleId}\` | \`${f.target.path || "(catalog)"}\` | ${md(f.message)} |`);
    }
  };
  out.push("", `Steps: ${c.steps.added.length} added, ${c.steps.removed.length} removed, ${c.steps.changed.length} changed.`);
  list("Fixed", c.fixed);
  list("Introduced", c.introduced);
  out.push("", `Unchanged findings: ${c.unchanged.length}.`);
  return `${out.join("\n")}\n`;
}

/** The Mermaid text of `compare --diagram`: one service as-is vs to-be. */
function diagramText(before: Catalog, after: Catalog, comparison: CatalogComparison, service: string | undefined): string {
  try {
    const { diagrams } = compareDiagram(before, after, { comparison, ...(service === undefined ? {} : { service }) });
    return diagrams.map((d) => d.text).join("\n");
  } catch (error) {
    if (error instanceof MermaidExportError) {
      throw new CliError(error.code === "unknown_service" ? "unknown_id" : "usage", messageWithoutHint(error), error.hint, { cause: error });
    }
    throw error;
  }
}

/** `compare <before> <after>`: the burden delta and the findings fixed and introduced. */
export function registerCompare(program: Command, ctx: CliContext): void {
  program
    .command("compare")
    .summary("compare two versions of a catalog: burden delta, findings fixed and introduced")
    .description(
      "Compare two versions of a catalog (for example as-is and to-be): customer hours and cost a year before and " +
        "after, per life experience and per service, and the lint findings fixed, introduced and unchanged " +
        "(matched by fingerprint, so reordering the catalog changes nothing).",
    )
    .argument("<before>", "the catalog before (e.g. as-is.yaml)")
    .argument("<after>", "the catalog after (e.g. to-be.yaml)")
    .addOption(new Option("--format <format>", "output format").choices(COMPARE_FORMATS).default("stylish"))
    .option("--preset <name>", "lint preset")
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", NO_CONFIG_HELP)
    .addOption(new Option("--fail-on <level>", "exit 1 when an introduced finding is at or above this level").choices(FAIL_ON).default("never"))
    .option("--output <file>", "write the output to a file instead of stdout (never a file the command reads)")
    .option("--diagram", "write a Mermaid flowchart of one service instead: new, changed and removed steps, minutes saved")
    .option("--service <id>", "with --diagram: the service to draw (needed when the catalogs hold more than one)")
    .addHelpText(
      "after",
      "\nExamples:\n  $ service-blueprint compare as-is.yaml to-be.yaml\n  $ service-blueprint compare main.yaml branch.yaml --format markdown --fail-on error\n" +
        "  $ service-blueprint compare as-is.yaml to-be.yaml --diagram --service ssa-retirement --output compare.mmd",
    )
    .action(async (
      beforeFile: string,
      afterFile: string,
      options: LintFlags & { format: CompareFormat; failOn: (typeof FAIL_ON)[number]; output?: string; diagram?: boolean; service?: string },
    ) => {
      if (options.service !== undefined && options.diagram !== true) throw new CliError("usage", "--service applies only with --diagram", "add --diagram");
      const config = await loadLintConfig(ctx, options);
      const { loaded, invalid } = await loadCatalogFiles(ctx.io, [beforeFile, afterFile], ctx.errStyle);
      const [before, after] = loaded;
      if (invalid > 0 || before === undefined || after === undefined) {
        ctx.exit(EXIT.findings);
        return;
      }
      const comparison = compareCatalogs(before.catalog, after.catalog, config);
      const files = [beforeFile, afterFile] as const;
      const style = options.output === undefined ? ctx.outStyle : paint(false);
      const text =
        options.diagram === true
          ? diagramText(before.catalog, after.catalog, comparison, options.service)
          : options.format === "json"
          ? `${JSON.stringify({ before: beforeFile, after: afterFile, burden: comparison.burden, steps: comparison.steps, fixed: comparison.fixed, introduced: comparison.introduced, unchanged: comparison.unchanged }, null, 2)}\n`
          : options.format === "markdown"
            ? formatComparisonMarkdown(comparison, before.catalog, after.catalog, files)
            : formatComparisonText(comparison, before.catalog, after.catalog, files, style);
      if (options.output !== undefined) {
        await writeAtomic(ctx.io, options.output, text);
        ctx.io.err(`wrote ${options.output}\n`);
      } else ctx.io.out(text);
      if (failsOn({ findings: comparison.introduced }, options.failOn)) ctx.exit(EXIT.findings);
    });
}
