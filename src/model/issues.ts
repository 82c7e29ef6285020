/**
 * Validation issues: plain readonly data, keyed by a snake_case `code`, each with the path in the catalog where
 * it was found, a message and (where we can tell) a hint on how to fix it.
 */

import { ServiceBlueprintError } from "../internal/error.js";

/**
 * Every code a {@link CatalogIssue} can carry.
 *
 * @example
 * ```ts
 * import { CATALOG_ISSUE_CODES } from "service-blueprint";
 * CATALOG_ISSUE_CODES.includes("unknown_reference"); // true
 * ```
 */
export const CATALOG_ISSUE_CODES = [
  // shape (from the schema)
  "invalid_type",
  "invalid_value",
  "invalid_format",
  "unrecognized_key",
  "missing_field",
  "too_small",
  "too_big",
  "not_multiple_of",
  "invalid_union",
  "custom",
  // integrity (beyond the schema)
  "duplicate_id",
  "unknown_reference",
  "unreachable_step",
  "invalid_flow",
  "invalid_link",
  "branch_shares",
  "invalid_waiver_target",
  // documents and hostile input
  "syntax_error",
  "unsupported_version",
  "forbidden_key",
  "document_too_large",
  "document_too_deep",
  "too_many_aliases",
  "duplicate_key",
  "string_too_long",
  // faithful reading of the text
  "invalid_encoding",
  "control_character",
  "unknown_tag",
] as const;

/** One of {@link CATALOG_ISSUE_CODES}. */
export type CatalogIssueCode = (typeof CATALOG_ISSUE_CODES)[number];

/** A segment of a path into a catalog: a property name or an array index. */
export type PathSegment = string | number;

/**
 * One problem found in a catalog.
 *
 * @example
 * ```ts
 * import type { CatalogIssue } from "service-blueprint";
 * const issue: CatalogIssue = {
 *   code: "unknown_reference",
 *   path: "services[0].steps[2].channel",
 *   segments: ["services", 0, "steps", 2, "channel"],
 *   message: "channel 'ssa-onlin' is not defined",
 *   hint: "did you mean 'ssa-online'?",
 * };
 * ```
 */
export interface CatalogIssue {
  /** What kind of problem this is. */
  readonly code: CatalogIssueCode;
  /** Where it is, written like `services[2].steps[4].channel`; empty for the whole document. */
  readonly path: string;
  /** The same path as segments. */
  readonly segments: readonly PathSegment[];
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it, where that can be told. */
  readonly hint?: string;
  /** 1-based line in the source text, when the catalog was parsed from text. */
  readonly line?: number;
  /** 1-based column in the source text, when the catalog was parsed from text. */
  readonly column?: number;
}

/**
 * Writes path segments the way a JavaScript reader expects: `services[2].steps[4].channel`.
 *
 * @param segments - property names and array indexes
 * @returns the path as text; an empty string for the root
 * @example
 * ```ts
 * import { formatPath } from "service-blueprint";
 * formatPath(["services", 2, "steps", 4, "channel"]); // "services[2].steps[4].channel"
 * formatPath(["odd key"]); // '["odd key"]'
 * ```
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** @internal */
export function makeIssue(code: CatalogIssueCode, segments: readonly PathSegment[], message: string, hint?: string): CatalogIssue {
  const issue: { -readonly [K in keyof CatalogIssue]: CatalogIssue[K] } = {
    code,
    path: formatPath(segments),
    segments: [...segments],
    message,
  };
  if (hint !== undefined) issue.hint = hint;
  return issue;
}

/**
 * Formats issues one a line, as `path: message (hint)`, prefixed with `line:column` when known.
 *
 * @param issues - the issues to format
 * @param source - an optional file name to prefix each line with
 * @returns the text, one issue a line
 * @example
 * ```ts
 * import { formatIssues, safeParseCatalog } from "service-blueprint";
 * const result = safeParseCatalog({ version: 1 });
 * if (!result.success) console.log(formatIssues(result.issues, "catalog.yaml"));
 * ```
 */
export function formatIssues(issues: readonly CatalogIssue[], source?: string): string {
  return issues
    .map((issue) => {
      const where =
        issue.line !== undefined ? `${source ?? "<input>"}:${issue.line}:${issue.column ?? 1}` : (source ?? "<input>");
      const at = issue.path === "" ? "" : ` at ${issue.path}`;
      const hint = issue.hint ? ` (${issue.hint})` : "";
      return `${where} ${issue.code}${at}: ${issue.message}${hint}`;
    })
    .join("\n");
}

/**
 * Thrown by {@link parseCatalog} and {@link parseCatalogText} when a catalog is invalid. It carries every issue
 * found, not only the first.
 *
 * @example
 * ```ts
 * import { parseCatalog, CatalogValidationError } from "service-blueprint";
 * try {
 *   parseCatalog({ version: 1, name: "x", services: [{ id: "s" }] });
 * } catch (error) {
 *   if (error instanceof CatalogValidationError) console.log(error.issues.length);
 * }
 * ```
 */
export class CatalogValidationError extends ServiceBlueprintError {
  /** Always `invalid_catalog`. */
  readonly code = "invalid_catalog" as const;
  /** Every problem found. */
  readonly issues: readonly CatalogIssue[];

  constructor(issues: readonly CatalogIssue[], source?: string) {
    const shown = issues.slice(0, 20);
    const more = issues.length > shown.length ? `\n… and ${issues.length - shown.length} more` : "";
    super(
      `Invalid catalog: ${issues.length} issue${issues.length === 1 ? "" : "s"}\n${formatIssues(shown, source)}${more}`,
    );
    this.name = "CatalogValidationError";
    this.issues = issues;
  }
}
