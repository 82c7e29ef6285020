/**
 * The import report as data (public types), and what the modes accumulate row by row until it is finished. The
 * Markdown view of it is ../a11-report.ts.
 */
import type { FeedbackCollection } from "../../model/schema.js";
import type { A11Driver } from "../../model/vocabulary.js";
import type { A11CsvRow } from "../a11-csv.js";
import type { QuestionDriverHow, QuestionDriverMatch } from "../question-drivers.js";
import type { MappingEntry } from "./questions.js";
import { byText } from "./tally.js";
import { type A11ImportWarning, Warnings } from "./warnings.js";

/**
 * A row that became a feedback collection.
 *
 * @example
 * ```ts
 * import type { A11ImportedRow } from "service-blueprint/import";
 * const row: A11ImportedRow = { row: 1, line: 2, id: "1", service: "va-vha", fiscalYear: 2021, quarter: 2, questions: 7 };
 * ```
 */
export interface A11ImportedRow {
  /** The 1-based data row. */
  readonly row: number;
  /** The line where it starts. */
  readonly line: number;
  /** Its `id` cell. */
  readonly id: string;
  /** The catalog service that received the collection. */
  readonly service: string;
  /** The collection's fiscal year. */
  readonly fiscalYear: number;
  /** The collection's quarter. */
  readonly quarter: number;
  /** Questions kept (empty slots are not). */
  readonly questions: number;
}

/**
 * A row that was not imported, and why.
 *
 * @example
 * ```ts
 * import type { A11SkippedRow } from "service-blueprint/import";
 * const row: A11SkippedRow = { row: 7, line: 20, id: "77", reason: "no service in the catalog matches 'Visiting IRS.gov'" };
 * ```
 */
export interface A11SkippedRow {
  /** The 1-based data row. */
  readonly row: number;
  /** The line where it starts. */
  readonly line: number;
  /** Its `id` cell. */
  readonly id: string;
  /** Why, and how to import it. */
  readonly reason: string;
}

/**
 * How one distinct question text was mapped to a driver.
 *
 * @example
 * ```ts
 * import type { A11QuestionMapping } from "service-blueprint/import";
 * const m: A11QuestionMapping = { text: "My need was addressed.", driver: "effectiveness", how: "pattern", rule: "effectiveness", occurrences: 146, rows: [1, 2] };
 * ```
 */
export interface A11QuestionMapping {
  /** The text, whitespace collapsed (empty for slots with answers but no text). */
  readonly text: string;
  /** The driver it got (`custom` when none). */
  readonly driver: A11Driver;
  /** How. */
  readonly how: QuestionDriverHow;
  /** The rule that decided, when one did. */
  readonly rule?: string;
  /** For `ambiguous`: the drivers its sentences matched. */
  readonly candidates?: readonly A11Driver[];
  /** How many imported questions have this text. */
  readonly occurrences: number;
  /** The data rows they are on. */
  readonly rows: readonly number[];
}

/**
 * What {@link importA11Feedback} did with every row.
 *
 * @example
 * ```ts
 * import { importA11Feedback } from "service-blueprint/import";
 * const { report } = importA11Feedback(csvText);
 * report.rows === report.imported.length + report.skipped.length; // true
 * ```
 */
export interface A11ImportReport {
  /** Data rows read. Always `imported.length + skipped.length`. */
  readonly rows: number;
  /** Rows that became feedback collections, in row order. */
  readonly imported: readonly A11ImportedRow[];
  /** Rows that did not, with the reason, in row order. */
  readonly skipped: readonly A11SkippedRow[];
  /** Each distinct question text of the imported rows, and the driver it got; sorted by text. */
  readonly mapped: readonly A11QuestionMapping[];
  /** Question slots with neither text nor answers (or a filler like "NONE"), which are left out. */
  readonly emptyQuestionSlots: number;
  /** Warnings, grouped per cause, sorted by code then message. */
  readonly warnings: readonly A11ImportWarning[];
}

/** A new collection and the data row it comes from. */
export interface RowCollection {
  readonly collection: FeedbackCollection;
  readonly row: number;
}

/** What a mode gathers row by row: the report in the making, and each service's new collections. */
export interface Accumulated {
  readonly imported: A11ImportedRow[];
  readonly skipped: A11SkippedRow[];
  readonly mappings: Map<string, MappingEntry>;
  readonly warnings: Warnings;
  readonly counters: { emptySlots: number };
  /** Question text → its driver, computed once per text. */
  readonly matches: Map<string, QuestionDriverMatch>;
  /** Catalog service id → its new collections with their rows. */
  readonly collections: Map<string, RowCollection[]>;
}

/** An empty {@link Accumulated}, for one import. */
export function startReport(): Accumulated {
  return {
    imported: [],
    skipped: [],
    mappings: new Map(),
    warnings: new Warnings(),
    counters: { emptySlots: 0 },
    matches: new Map(),
    collections: new Map(),
  };
}

/** The report of what was accumulated: rows in row order, question texts sorted, warnings grouped. */
export function finishReport(rows: readonly A11CsvRow[], acc: Accumulated): A11ImportReport {
  acc.imported.sort((a, b) => a.row - b.row);
  acc.skipped.sort((a, b) => a.row - b.row);
  const mapped: A11QuestionMapping[] = [...acc.mappings.values()]
    .map((entry) => ({
      text: entry.text,
      driver: entry.match.driver,
      how: entry.match.how,
      ...(entry.match.rule !== undefined ? { rule: entry.match.rule } : {}),
      ...(entry.match.candidates !== undefined ? { candidates: entry.match.candidates } : {}),
      occurrences: entry.occurrences,
      rows: [...entry.rows].sort((a, b) => a - b),
    }))
    .sort((a, b) => byText(a.text, b.text));
  return {
    rows: rows.length,
    imported: acc.imported,
    skipped: acc.skipped,
    mapped,
    emptyQuestionSlots: acc.counters.emptySlots,
    warnings: acc.warnings.list(),
  };
}
