/**
 * The one exception class of the A-11 importer: a CSV it cannot read, or options it cannot follow.
 */

import { ServiceBlueprintError } from "../internal/error.js";

/**
 * Every code an {@link A11ImportError} can carry.
 *
 * - `malformed_csv`: the text is not CSV the parser can read (an unclosed quote, a row with too few or too many
 *   fields, as in a truncated file).
 * - `missing_column`: the header lacks a column the importer needs.
 * - `empty_file`: there is no header row.
 * - `invalid_number`: a count, volume or mean is not a number, negative, fractional where a count is expected, or
 *   a mean outside 1..5.
 * - `invalid_value`: a fiscal year or quarter that is not one.
 * - `unknown_service`: `options.merge.serviceIds` names a service the catalog does not have.
 * - `invalid_catalog`: the merge target is not a valid catalog, or the result failed validation (the issues are
 *   in `issues`).
 *
 * @example
 * ```ts
 * import { A11_IMPORT_ERROR_CODES } from "service-blueprint/import";
 * A11_IMPORT_ERROR_CODES.includes("invalid_number"); // true
 * ```
 */
export const A11_IMPORT_ERROR_CODES = [
  "malformed_csv",
  "missing_column",
  "empty_file",
  "invalid_number",
  "invalid_value",
  "unknown_service",
  "invalid_catalog",
] as const;

/** One of {@link A11_IMPORT_ERROR_CODES}. */
export type A11ImportErrorCode = (typeof A11_IMPORT_ERROR_CODES)[number];

/**
 * Where an {@link A11ImportError} happened, and what to do about it.
 *
 * @example
 * ```ts
 * import type { A11ImportErrorDetails } from "service-blueprint/import";
 * const details: A11ImportErrorDetails = { row: 12, line: 30, column: "attributes_q3_2", value: "12x" };
 * ```
 */
export interface A11ImportErrorDetails {
  /** The 1-based data row (the first row under the header is 1). */
  readonly row?: number;
  /** The 1-based line of the text where that row starts (rows may span lines). */
  readonly line?: number;
  /** The column's name in the header. */
  readonly column?: string;
  /** The offending value, as written. */
  readonly value?: string;
  /** How to fix it. */
  readonly hint?: string;
  /** Validation issues, for `invalid_catalog`. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

/**
 * Thrown by {@link importA11Feedback} when the CSV cannot be read as A-11 feedback data, or the options cannot be
 * followed. The message names the row, line and column; the same facts are fields for programs.
 *
 * @example
 * ```ts
 * import { A11ImportError, importA11Feedback } from "service-blueprint/import";
 * try {
 *   importA11Feedback(csvText);
 * } catch (error) {
 *   if (error instanceof A11ImportError) console.error(error.code, error.row, error.column, error.message);
 *   else throw error;
 * }
 * ```
 */
export class A11ImportError extends ServiceBlueprintError {
  /** What went wrong. */
  readonly code: A11ImportErrorCode;
  /** The 1-based data row, when the problem is in one. */
  readonly row: number | undefined;
  /** The 1-based line of the text where that row starts. */
  readonly line: number | undefined;
  /** The column's name. */
  readonly column: string | undefined;
  /** The offending value. */
  readonly value: string | undefined;
  /** How to fix it. */
  readonly hint: string | undefined;
  /** Validation issues, for `invalid_catalog`. */
  readonly issues: readonly { readonly path: string; readonly message: string }[];

  /**
   * @param code - what went wrong
   * @param message - one sentence, without the position (it is added)
   * @param details - row, line, column, value, hint
   */
  constructor(code: A11ImportErrorCode, message: string, details: A11ImportErrorDetails = {}) {
    const where = [
      details.row !== undefined ? `row ${details.row}` : undefined,
      details.line !== undefined ? `line ${details.line}` : undefined,
      details.column !== undefined ? `column ${details.column}` : undefined,
    ].filter((part): part is string => part !== undefined);
    const prefix = where.length > 0 ? `${where.join(", ")}: ` : "";
    const hint = details.hint !== undefined ? ` (${details.hint})` : "";
    super(`${prefix}${message}${hint}`);
    this.name = "A11ImportError";
    this.code = code;
    this.row = details.row;
    this.line = details.line;
    this.column = details.column;
    this.value = details.value;
    this.hint = details.hint;
    this.issues = details.issues ?? [];
  }
}
