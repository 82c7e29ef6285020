import { type Command, Option } from "commander";
import { parse as parseYaml } from "yaml";
import {
  type Catalog,
  type FormatOptions,
  LintConfigError,
  type LintResult,
  PRESETS,
  type ResolvedLintConfig,
  formatFindings,
  formatFindingsChunks,
  lintCatalog,
  parseLintConfig,
} from "../../index.js";
import { type CatalogFile, loadCatalogFiles } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { readText, writeAtomic, writeOutChunks } from "../io.js";

/** Output formats of `lint`. */
export const LINT_FORMATS = ["stylish", "json", "sarif", "markdown"] as const;
type LintFormat = (typeof LINT_FORMATS)[number];

/** `--fail-on` levels. */
export const FAIL_ON = ["error", "warn", "never"] as const;
type FailOn = (typeof FAIL_ON)[number];

/** Options shared by the commands that lint. */
export interface LintFlags {
  readonly preset?: string;
  readonly config?: string;
}

/**
 * Reads `--config` (JSON or YAML) and applies `--preset`; a bad config is a one-line `CliError`. Commands call it
 * before reading any catalog, so that a config mistake is reported first and alone.
 */
export async function loadLintConfig(ctx: CliContext, flags: LintFlags): Promise<ResolvedLintConfig> {
  let raw: Record<string, unknown> = {};
  if (flags.config !== undefined) {
    const text = await readText(ctx.io, flags.config, "config");
    let value: unknown;
    try {
      value = parseYaml(text, { maxAliasCount: 0 }) ?? {};
    } catch (cause) {
      throw new CliError("invalid_config", `${flags.config}: not JSON or YAML: ${(cause as Error).message.split("\n")[0]}`, undefined, { cause });
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new CliError("invalid_config", `${flags.config}: a lint config must be an object`, "e.g. { preset: recommended, rules: { long-wait: warning } }");
    }
    raw = value as Record<string, unknown>;
  }
  if (flags.preset !== undefined) raw = { ...raw, preset: flags.preset };
  try {
    return parseLintConfig(raw);
  } catch (error) {
    if (error instanceof LintConfigError) {
      const first = error.issues[0];
      const where = flags.config ?? "--preset";
      const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
      const detail = first !== undefined ? `${first.path === "" ? "" : `${first.path}: `}${first.message}` : error.message;
      throw new CliError("invalid_config", `${where}: ${detail}${more}`, first?.hint, { cause: error });
    }
    throw error;
  }
}

/** Lints a catalog for the diagram overlay (`diagram --sludge`). */
export async function lintForOverlay(ctx: CliContext, catalog: Catalog, flags: LintFlags): Promise<LintResult> {
  return lintCatalog(catalog, await loadLintConfig(ctx, flags));
}

/** From this many steps on, lint says on stderr that it is at work (it takes seconds). */
const LARGE_CATALOG_STEPS = 100_000;

/** Whether a result has findings at or above the `--fail-on` level. */
export function failsOn(result: Pick<LintResult, "findings">, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return result.findings.some((f) => f.severity === "error" || (failOn === "warn" && f.severity === "warning"));
}

/** One file's lint result in the format. */
function formatOne(file: CatalogFile, result: LintResult, format: LintFormat, color: boolean, version: string): string {
  return formatFindings(result, format, formatOptions(file, color, version));
}

/** The formatter options for one file. */
function formatOptions(file: CatalogFile, color: boolean, version: string): FormatOptions {
  return { catalogFile: file.file, catalogText: file.text, catalogSource: file.source, color, toolVersion: version };
}

/** Joins the outputs of several files (each in the format) into one output of the format. */
function joinOutputs(outputs: readonly { readonly file: string; readonly text: string }[], format: LintFormat): string {
  if (outputs.length === 1) return outputs[0]!.text;
  switch (format) {
    case "json":
      return `${JSON.stringify(outputs.map((entry) => ({ file: entry.file, ...JSON.parse(entry.text) })), null, 2)}\n`;
    case "sarif": {
      // One SARIF log with one run per file.
      const logs = outputs.map((entry) => JSON.parse(entry.text) as { runs: unknown[] } & Record<string, unknown>);
      const [first] = logs;
      return `${JSON.stringify({ ...first, runs: logs.flatMap((log) => log.runs) }, null, 2)}\n`;
    }
    case "stylish":
    case "markdown":
      return outputs.map((entry) => entry.text).join(format === "markdown" ? "\n" : "");
  }
}

/** `lint <files...>`: the sludge linter. */
export function registerLint(program: Command, ctx: CliContext): void {
  program
    .command("lint")
    .summary("find administrative burden (sludge) in catalogs")
    .description(
      "Lint catalogs for administrative burden (sludge): learning, compliance and psychological costs, inclusion " +
        "gaps and A-11 conformance. Findings carry their cost in customer hours a year.",
    )
    .argument("<files...>", "catalog files")
    .addOption(new Option("--format <format>", "output format").choices(LINT_FORMATS).default("stylish"))
    .option("--preset <name>", `rule preset: ${PRESETS.join(", ")} (default recommended)`)
    .option("--config <file>", "lint config (JSON or YAML): preset, rules, overrides, hourValue, today")
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding is at or above this level").choices(FAIL_ON).default("error"))
    .option("--output <file>", "write the output to a file (whole, atomically) instead of stdout")
    .addHelpText(
      "after",
      "\nExit codes: 0 no finding at or above --fail-on, 1 findings at or above it or an invalid catalog,\n2 a usage error (bad flag, missing file, unknown rule in the config).\n\nExamples:\n" +
        "  $ service-blueprint lint as-is.yaml\n  $ service-blueprint lint as-is.yaml --format sarif --output lint.sarif --fail-on never\n" +
        "  $ service-blueprint lint as-is.yaml --preset strict --fail-on warn",
    )
    .action(async (files: string[], options: LintFlags & { format: LintFormat; failOn: FailOn; output?: string }) => {
      const config = await loadLintConfig(ctx, options);
      // Stylish and SARIF place findings at their line and column: each catalog's parsed source is kept for that,
      // and each file is linted and formatted before the next is read, so only one source is held at a time.
      const keepSource = options.format === "stylish" || options.format === "sarif";
      const color = options.output === undefined && options.format === "stylish" && ctx.outColor;
      const outputs: { file: string; text: string }[] = [];
      let fails = false;
      for (const file of files) {
        const {
          loaded: [entry],
        } = await loadCatalogFiles(ctx.io, [file], ctx.errStyle, { keepSource });
        if (entry === undefined) {
          ctx.exit(EXIT.findings);
          continue;
        }
        const steps = entry.catalog.services.reduce((n, service) => n + service.steps.length, 0);
        if (steps >= LARGE_CATALOG_STEPS) ctx.io.err(`${entry.file}: linting ${steps.toLocaleString("en-US")} steps\n`);
        const result = lintCatalog(entry.catalog, config);
        if (files.length === 1) {
          // One file: written in chunks, so that output of any size (a million findings) is never one string.
          const chunks = formatFindingsChunks(result, options.format, formatOptions(entry, color, ctx.version));
          if (options.output !== undefined) {
            await writeAtomic(ctx.io, options.output, chunks);
            ctx.io.err(`wrote ${options.output}\n`);
          } else await writeOutChunks(ctx.io, chunks);
          if (failsOn(result, options.failOn)) ctx.exit(EXIT.findings);
          return;
        }
        outputs.push({ file: entry.file, text: formatOne(entry, result, options.format, color, ctx.version) });
        fails ||= failsOn(result, options.failOn);
      }
      if (outputs.length === 0) return;
      const text = joinOutputs(outputs, options.format);
      if (options.output !== undefined) {
        await writeAtomic(ctx.io, options.output, text);
        ctx.io.err(`wrote ${options.output}\n`);
      } else ctx.io.out(text);
      if (fails) ctx.exit(EXIT.findings);
    });
}
