/**
 * `formatFindings`: one entry point over the formatters (one file each).
 */
import type { LintResult } from "../../sludge/engine.js";
import { formatJson, jsonChunks } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatSarif, sarifChunks } from "./sarif.js";
import type { FormatOptions } from "./shared.js";
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
