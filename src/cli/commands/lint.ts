import { type Command, Option } from "commander";
import { relative } from "node:path";
import {
  type Catalog,
  LintConfigError,
  type LintResult,
  PRESETS,
  type ResolvedLintConfig,
  formatFindings,
  lintCatalog,
  parseLintConfig,
} from "../../index.js";
import { type CatalogFile, loadCatalogFiles } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { findConfigFile, loadConfigFile } from "../config-file.js";
import { writeAtomic } from "../io.js";

/** Output formats of `lint`. */
export const LINT_FORMATS = ["stylish", "json", "sarif", "markdown"] as const;
type LintFormat = (typeof LINT_FORMATS)[number];

/** `--fail-on` levels. */
export const FAIL_ON = ["error", "warn", "never"] as const;
type FailOn = (typeof FAIL_ON)[number];

/** Options shared by the commands that lint. */
export interface LintFlags {
  readonly preset?: string;
  /** A config file, or `false` for `--no-config` (no discovery). */
  readonly config?: string | false;
}

/** Help of `--config`, shared by the commands that lint. */
export const CONFIG_HELP = "lint config (JS, JSON or YAML); when not given, service-blueprint.config.{js,mjs,cjs,json,yaml,yml} is looked for from the working directory up to the project root";

/** Help of `--no-config`. */
export const NO_CONFIG_HELP = "use no config file, not even a discovered one";

/**
 * Reads the config (`--config`, else the one discovered from the working directory) and applies `--preset`; a bad
 * config is a one-line `CliError`. Commands call it before reading any catalog, so that a config mistake is
 * reported first and alone.
 */
export async function loadLintConfig(ctx: CliContext, flags: LintFlags): Promise<ResolvedLintConfig> {
  let raw: Record<string, unknown> = {};
  const found = flags.config === undefined ? await findConfigFile(ctx.io.cwd) : undefined;
  // A discovered config is named relative to the working directory in messages, like one given with --config.
  const file = flags.config === false ? undefined : (flags.config ?? (found === undefined ? undefined : relative(ctx.io.cwd, found)));
  if (file !== undefined) raw = (await loadConfigFile(ctx.io, file)).value;
  if (flags.preset !== undefined) raw = { ...raw, preset: flags.preset };
  try {
    return parseLintConfig(raw);
  } catch (error) {
    if (error instanceof LintConfigError) {
      const first = error.issues[0];
      const where = file ?? "--preset";
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

/** Whether a result has findings at or above the `--fail-on` level. */
export function failsOn(result: Pick<LintResult, "findings">, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return result.findings.some((f) => f.severity === "error" || (failOn === "warn" && f.severity === "warning"));
}

/** One file's lint result in the format. */
function formatOne(file: CatalogFile, result: LintResult, format: LintFormat, color: boolean, version: string): string {
  return formatFindings(result, format, {
    catalogFile: file.file,
    catalogText: file.text,
    catalogSource: file.source,
    color,
    toolVersion: version,
  });
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
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", NO_CONFIG_HELP)
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
        const result = lintCatalog(entry.catalog, config);
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
