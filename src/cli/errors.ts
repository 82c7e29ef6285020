/**
 * The one error class of the command line: every failure a command reports as one line, with an exit code.
 */

import { ServiceBlueprintError } from "../internal/error.js";

/** What went wrong, as a snake_case code. */
export type CliErrorCode =
  | "usage"
  | "file_not_found"
  | "read_failed"
  | "write_failed"
  | "file_exists"
  | "output_is_input"
  | "invalid_config"
  | "invalid_mapping"
  | "import_failed"
  | "render_failed"
  | "unknown_id"
  | "too_many_files";

/** Exit codes: 0 clean, 1 findings or an invalid catalog, 2 a usage or setup error. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, usage: 2 });

/** A failure that stops a command; printed as one line (`error <code>: message (hint)`), exit code 2. */
export class CliError extends ServiceBlueprintError {
  readonly code: CliErrorCode;
  readonly hint?: string;
  readonly exitCode: number;

  constructor(code: CliErrorCode, message: string, hint?: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options);
    this.name = "CliError";
    this.code = code;
    if (hint !== undefined) this.hint = hint;
    this.exitCode = options?.exitCode ?? EXIT.usage;
  }
}

/** A library error's message without the ` (hint)` it ends with, so that the hint is printed once. */
export function messageWithoutHint(error: Error & { readonly hint?: string | undefined }): string {
  const suffix = error.hint !== undefined ? ` (${error.hint})` : "";
  return suffix !== "" && error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
}
