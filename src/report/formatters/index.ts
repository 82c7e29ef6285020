/**
 * `formatFindings` and `formatFindingsFiles`: one entry point over the formatters (one file each), for one linted
 * catalog or for several.
 */
import type { LintResult } from "../../sludge/engine.js";
import { formatJson, jsonChunks, jsonFilesChunks } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif, sarifChunks, sarifFilesChunks } from "./sarif.js";
import type { FormatOptions, LintFileReport } from "./shared.js";
import { formatStylish, stylishChunks } from "./stylish.js";
import { ServiceBlueprintError } from "../../internal/error.js";

/**
 * Every output format.
 *
 * @example
 * ```ts
 * import { FINDING_FORMATS } from "service-blueprint";
 * FINDING_FORMATS; // ["stylish", "json", "sarif", "markdown"]
 * ```
 */
export const FINDING_FORMATS = ["stylish", "json", "sarif", "markdown"] as const;

/**
 * One of {@link FINDING_FORMATS}.
 *
 * @example
 * ```ts
 * import type { FindingFormat } from "service-blueprint";
 * const format: FindingFormat = "sarif";
 * ```
 */
export type FindingFormat = (typeof FINDING_FORMATS)[number];

/**
 * Thrown by {@link formatFindings} for an unknown format. Code `unknown_format`.
 *
 * @example
 * ```ts
 * import { FormatError, formatFindings } from "service-blueprint";
 * try { formatFindings(result, "xml" as never); } catch (error) { if (error instanceof FormatError) console.error(error.message); }
 * ```
 */
export class FormatError extends ServiceBlueprintError {
  /** Always `unknown_format`. */
  readonly code = "unknown_format" as const;
  /**
   * @param format - the format asked for
   */
  constructor(format: string) {
    super(`unknown format '${format}' (one of ${FINDING_FORMATS.join(", ")})`);
    this.name = "FormatError";
  }
}

/**
 * Formats a lint result: `stylish` text for a terminal, `json` for tools, `sarif` 2.1.0 for code scanning, or
 * `markdown` for a pull request comment.
 *
 * @param result - the result of `lintCatalog`
 * @param format - the format
 * @param options - see {@link FormatOptions}
 * @returns the formatted text, ending with a newline
 * @throws {@link FormatError} for an unknown format
 * @example
 * ```ts
 * import { formatFindings, lintCatalog } from "service-blueprint";
 * const result = lintCatalog(catalog);
 * console.log(formatFindings(result, "stylish", { catalogFile: "catalog.yaml", catalogText: text }));
 * ```
 */
export function formatFindings(result: LintResult, format: FindingFormat, options: FormatOptions = {}): string {
  switch (format) {
    case "stylish":
      return formatStylish(result, options);
    case "json":
      return formatJson(result);
    case "sarif":
      return formatSarif(result, options);
    case "markdown":
      return formatMarkdown(result, options);
    default:
      throw new FormatError(String(format satisfies never));
  }
}

/**
 * {@link formatFindings} in chunks, for output of any size: the same text, a few thousand findings at a time, so
 * that a million findings can be written to a stream or a file without ever being one string (V8 refuses strings
 * past about 512 MB). Joined, the chunks are exactly `formatFindings(result, format, options)`.
 *
 * @param result - the result of `lintCatalog`
 * @param format - the format
 * @param options - see {@link FormatOptions}
 * @returns the chunks, in order
 * @throws {@link FormatError} for an unknown format
 * @example
 * ```ts
 * import { formatFindingsChunks, lintCatalog } from "service-blueprint";
 * for (const chunk of formatFindingsChunks(lintCatalog(catalog), "json")) process.stdout.write(chunk);
 * ```
 */
export function formatFindingsChunks(result: LintResult, format: FindingFormat, options: FormatOptions = {}): Iterable<string> {
  switch (format) {
    case "stylish":
      return stylishChunks(result, options);
    case "json":
      return jsonChunks(result);
    case "sarif":
      return sarifChunks(result, options);
    case "markdown":
      return [formatMarkdown(result, options)];
    default:
      throw new FormatError(String(format satisfies never));
  }
}

/**
 * Formats the lint results of several files at once, as Spectral's and ESLint's formatters take every linted file:
 * - `json`: an array with one entry per file, in order (see `formatJsonFiles`), an invalid catalog with its issues;
 * - `sarif`: one run holding every file's results (see `formatSarifFiles`), an invalid catalog as error results;
 * - `stylish` and `markdown`: each linted file's text in order (stylish's under the file's name, markdown's
 *   sections separated by a blank line). These are for people: an invalid catalog, which was not linted, is left out
 *   of them; show its issues with `formatIssues` (the command line writes them to stderr).
 *
 * Each file's own `catalogText` or `catalogSource` places its findings at line and column; `options` apply to all
 * files (`catalogFile`, `catalogText` and `catalogSource` in it are ignored: each report names its own).
 *
 * @param reports - one per file, in the order to show them: a lint result, or the issues of an invalid catalog
 * @param format - the format
 * @param options - colour, waived findings, plugins, tool version and rule docs for every file
 * @returns the text, ending with a newline (empty for a human format when no file was linted)
 * @throws {@link FormatError} for an unknown format
 * @example
 * ```ts
 * import { formatFindingsFiles, lintCatalog, safeParseCatalogText } from "service-blueprint";
 * const reports = files.map(({ file, text }) => {
 *   const parsed = safeParseCatalogText(text, { source: file });
 *   return parsed.success ? { file, result: lintCatalog(parsed.catalog), catalogText: text } : { file, issues: parsed.issues };
 * });
 * process.stdout.write(formatFindingsFiles(reports, "stylish"));
 * ```
 */
export function formatFindingsFiles(reports: readonly LintFileReport[], format: FindingFormat, options: FormatOptions = {}): string {
  return [...formatFindingsFilesChunks(reports, format, options)].join("");
}

/**
 * {@link formatFindingsFiles} in chunks, for output of any size (see {@link formatFindingsChunks}). Joined, the
 * chunks are exactly `formatFindingsFiles(reports, format, options)`.
 *
 * @param reports - one per file, in order
 * @param format - the format
 * @param options - see {@link formatFindingsFiles}
 * @returns the chunks, in order
 * @throws {@link FormatError} for an unknown format (at once, not when the chunks are read)
 * @example
 * ```ts
 * import { formatFindingsFilesChunks } from "service-blueprint";
 * for (const chunk of formatFindingsFilesChunks(reports, "sarif", { toolVersion: "1.0.0" })) process.stdout.write(chunk);
 * ```
 */
export function formatFindingsFilesChunks(reports: readonly LintFileReport[], format: FindingFormat, options: FormatOptions = {}): Iterable<string> {
  switch (format) {
    case "json":
      return jsonFilesChunks(reports);
    case "sarif":
      return sarifFilesChunks(reports, options);
    case "stylish":
    case "markdown":
      return humanFilesChunks(reports, format, options);
    default:
      throw new FormatError(String(format satisfies never));
  }
}

function* humanFilesChunks(reports: readonly LintFileReport[], format: "stylish" | "markdown", options: FormatOptions): Generator<string> {
  let first = true;
  for (const report of reports) {
    if ("issues" in report) continue;
    if (!first && format === "markdown") yield "\n";
    first = false;
    yield* formatFindingsChunks(report.result, format, {
      ...options,
      catalogFile: report.file,
      catalogText: report.catalogText,
      catalogSource: report.catalogSource,
    });
  }
}
