/**
 * The import's warnings: their codes (public), the collector that groups them per cause, and the shortening of
 * values too long for the catalog, which warns.
 */
import { byText } from "./tally.js";

/**
 * Every code an {@link A11ImportWarning} can carry.
 *
 * @example
 * ```ts
 * import { A11_IMPORT_WARNING_CODES } from "service-blueprint/import";
 * A11_IMPORT_WARNING_CODES.includes("channel_mixed"); // true
 * ```
 */
export const A11_IMPORT_WARNING_CODES = [
  "channel_mixed",
  "channel_missing",
  "channel_unknown",
  "channel_added",
  "question_unmapped",
  "question_other_scale",
  "question_not_rating",
  "question_ambiguous",
  "question_without_text",
  "question_without_answers",
  "volumes_inconsistent",
  "service_shared_by_providers",
  "provider_departments_differ",
  "text_truncated",
  "collection_replaced",
  "mapping_unused",
] as const;

/** One of {@link A11_IMPORT_WARNING_CODES}. */
export type A11ImportWarningCode = (typeof A11_IMPORT_WARNING_CODES)[number];

/**
 * Something the importer handled but a person should know: data kept in a weaker form, or a choice it made.
 *
 * @example
 * ```ts
 * import type { A11ImportWarning } from "service-blueprint/import";
 * const w: A11ImportWarning = { code: "channel_mixed", message: "channel 'mixed' names no one channel; collections kept without a channel", rows: [287, 365], column: "attributes_channel" };
 * ```
 */
export interface A11ImportWarning {
  /** What kind of warning. */
  readonly code: A11ImportWarningCode;
  /** What happened and what the importer did. */
  readonly message: string;
  /** The data rows concerned, ascending (empty when it concerns no row). */
  readonly rows: readonly number[];
  /** The column concerned, when one is. */
  readonly column?: string;
  /** The question text concerned, in full, for the `question_*` warnings (their message does not repeat it). */
  readonly text?: string;
}

const NAME_MAX = 500;
const TEXT_MAX = 20_000;

/** Collects warnings, one per code, message and question text, with every row it concerns. */
export class Warnings {
  private readonly byKey = new Map<string, { code: A11ImportWarningCode; message: string; rows: Set<number>; column?: string; text?: string }>();

  add(code: A11ImportWarningCode, message: string, row?: number, column?: string, text?: string): void {
    const key = `${code}\u0000${message}\u0000${text ?? ""}`;
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      entry = { code, message, rows: new Set(), ...(column !== undefined ? { column } : {}), ...(text !== undefined ? { text } : {}) };
      this.byKey.set(key, entry);
    }
    if (row !== undefined) entry.rows.add(row);
  }

  list(): A11ImportWarning[] {
    return [...this.byKey.values()]
      .map((w) => ({
        code: w.code,
        message: w.message,
        rows: [...w.rows].sort((a, b) => a - b),
        ...(w.column !== undefined ? { column: w.column } : {}),
        ...(w.text !== undefined ? { text: w.text } : {}),
      }))
      .sort((a, b) => byText(a.code, b.code) || byText(a.message, b.message) || byText(a.text ?? "", b.text ?? ""));
  }
}

/** A name cut to what the catalog accepts, with a `text_truncated` warning when it had to be. */
export function fitName(value: string, warnings: Warnings, row: number, column: string): string {
  if (value.length <= NAME_MAX) return value;
  warnings.add("text_truncated", `a value longer than ${NAME_MAX} characters was shortened`, row, column);
  return `${value.slice(0, NAME_MAX - 1)}…`;
}

/** A description or question text cut to what the catalog accepts (unlike {@link fitName}, without a warning). */
export function fitText(value: string): string {
  return value.length <= TEXT_MAX ? value : `${value.slice(0, TEXT_MAX - 1)}…`;
}
