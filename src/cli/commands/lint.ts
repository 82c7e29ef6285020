import { type Command, InvalidArgumentError, Option } from "commander";
import { relative } from "node:path";
import type { Catalog } from "../../model/schema.js";
import { formatFindingsFilesChunks } from "../../report/formatters/index.js";
import type { FormatOptions, LintFileReport } from "../../report/formatters/shared.js";
import { LintConfigError, parseLintConfig, type ResolvedLintConfig } from "../../sludge/config.js";
import { lintCatalog, type LintResult } from "../../sludge/engine.js";
import { PRESETS } from "../../sludge/presets.js";
import { formatIssueLines, loadCatalogFile, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { findConfigFile, loadConfigFile } from "../config-file.js";
import { expandInputs } from "../inputs.js";
import { writeAtomic, writeOutChunks } from "../io.js";
import { progress } from "../render.js";

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

/** From this many steps on, lint says on stderr that it is at work (it takes seconds). */
const LARGE_CATALOG_STEPS = 100_000;

/** Whether a result has findings at or above the `--fail-on` level. */
export function failsOn(result: Pick<LintResult, "findings">, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return result.findings.some((f) => f.severity === "error" || (failOn === "warn" && f.severity === "warning"));
}

/** The findings `--quiet` keeps: errors only (warnings and infos still count for `--max-warnings`). */
function quietResult(result: LintResult): LintResult {
  return { ...result, findings: result.findings.filter((finding) => finding.severity === "error"), waived: [] };
}

/** Options of `lint`. */
interface LintOptions extends LintFlags {
  readonly format: LintFormat;
  readonly failOn: FailOn;
  readonly output?: string;
  readonly quiet?: boolean;
  readonly maxWarnings?: number;
}

/** `--max-warnings <n>`: a whole number, at least 0. */
function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("a whole number, 0 or more");
  return n;
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
    .argument("<files...>", "catalog files, folders (every .yaml, .yml and .json below), globs the tool expands ('services/**/*.yaml'), or - for standard input")
    .addOption(new Option("-f, --format <format>", "output format").choices(LINT_FORMATS).default("stylish"))
    .option("--preset <name>", `rule preset: ${PRESETS.join(", ")} (default recommended)`)
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", NO_CONFIG_HELP)
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding is at or above this level").choices(FAIL_ON).default("error"))
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings", parseMaxWarnings)
    .option("-q, --quiet", "report errors only (warnings still count for --max-warnings)")
    .option("-o, --output <file>", "write the output to a file (whole, atomically) instead of stdout; always written, even when a catalog is invalid")
    .addHelpText(
      "after",
      "\nExit codes: 0 no finding at or above --fail-on, 1 findings at or above it, more warnings than --max-warnings\n" +
        "or an invalid catalog, 2 a usage error (bad flag, missing file, unknown rule in the config).\n\n" +
        "JSON is always an array with one entry per file; SARIF is one run with every file's results (an invalid catalog\n" +
        "gives 'invalid-catalog' results), fit for GitHub code scanning.\n\nExamples:\n" +
        "  $ service-blueprint lint as-is.yaml\n  $ service-blueprint lint 'services/**/*.yaml' -f sarif -o lint.sarif --fail-on never\n" +
        "  $ service-blueprint lint services --preset strict --max-warnings 0\n  $ cat as-is.yaml | service-blueprint lint -",
    )
    .action(async (args: string[], options: LintOptions) => {
      const config = await loadLintConfig(ctx, options);
      const files = await expandInputs(ctx.io, args);
      const format = options.format;
      const machine = format === "json" || format === "sarif";
      // Findings are placed at their line and column from the catalog's parsed source when there is one file; several
      // keep only their text (read again when formatting), so that no two parsed sources are held at once.
      const keepSource = files.length === 1 && (format === "stylish" || format === "sarif");
      const color = options.output === undefined && format === "stylish" && ctx.outColor;
      const plugins = config.rules.map((setting) => setting.rule);
      const reports: LintFileReport[] = [];
      let fails = false;
      let warnings = 0;
      const tick = files.length > 1 && ctx.io.errIsTty && !machine ? progress(ctx, files.length) : undefined;
      for (const file of files) {
        tick?.(`linting ${file}`);
        const loaded = await loadCatalogFile(ctx.io, file, { keepSource });
        if (!loaded.ok) {
          ctx.exit(EXIT.findings);
          if (!machine) ctx.io.err(formatIssueLines(file, loaded.issues, ctx.errStyle));
          ctx.io.err(`${file}: invalid catalog (${plural(loaded.issues.length, "issue")}); run 'service-blueprint validate ${file}'\n`);
          reports.push({ file, issues: loaded.issues });
          continue;
        }
        const entry = loaded.value;
        const steps = entry.catalog.services.reduce((n, service) => n + service.steps.length, 0);
        if (steps >= LARGE_CATALOG_STEPS) ctx.io.err(`${file}: linting ${steps.toLocaleString("en-US")} steps\n`);
        const full = lintCatalog(entry.catalog, config);
        warnings += full.findings.filter((finding) => finding.severity === "warning").length;
        fails ||= failsOn(full, options.failOn);
        const result = options.quiet === true ? quietResult(full) : full;
        // SARIF places results from the kept source, or else the text; stylish and markdown take either.
        const place = format === "json" ? {} : entry.source === undefined ? { catalogText: entry.text } : { catalogSource: entry.source };
        reports.push({ file, result, ...place });
      }
      const text = formatFindingsFilesChunks(reports, format, { color, plugins, toolVersion: ctx.version });
      if (options.output !== undefined) {
        await writeAtomic(ctx.io, options.output, text);
        ctx.io.err(`wrote ${options.output}\n`);
      } else await writeOutChunks(ctx.io, text);
      if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        ctx.io.err(`${plural(warnings, "warning")}, more than --max-warnings ${options.maxWarnings}\n`);
        ctx.exit(EXIT.findings);
      }
      if (fails) ctx.exit(EXIT.findings);
    });
}
