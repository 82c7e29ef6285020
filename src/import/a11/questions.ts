/** A row's question slots as catalog questions: each text mapped to a driver once, and every mapping recorded. */
import type { FeedbackQuestion } from "../../model/schema.js";
import type { A11Driver } from "../../model/vocabulary.js";
import { A11_CSV_POINTS, type A11CsvQuestion, type A11CsvRow } from "../a11-csv.js";
import { type QuestionDriverHow, type QuestionDriverMatch, mapQuestionDriver } from "../question-drivers.js";
import { type A11ImportWarningCode, type Warnings, fitText } from "./warnings.js";

/** A distinct question text, the driver it got, and where it occurs. */
export interface MappingEntry {
  readonly text: string;
  readonly match: QuestionDriverMatch;
  occurrences: number;
  readonly rows: Set<number>;
}

const HOW_WARNINGS: Partial<Record<QuestionDriverHow, { code: A11ImportWarningCode; says: string }>> = {
  unmapped: { code: "question_unmapped", says: "matches no A-11 driver" },
  "other-scale": { code: "question_other_scale", says: "is on another scale than 5 agreement points" },
  "not-a-rating": { code: "question_not_rating", says: "is not a rating" },
  ambiguous: { code: "question_ambiguous", says: "matches several drivers" },
};

/** Turns a row's question slots into catalog questions, recording mappings and warnings. */
export function rowQuestions(
  row: A11CsvRow,
  mappings: Map<string, MappingEntry>,
  warnings: Warnings,
  counters: { emptySlots: number },
  matches: Map<string, QuestionDriverMatch>,
): FeedbackQuestion[] {
  const questions: FeedbackQuestion[] = [];
  for (const slot of row.questions) {
    const answered = slot.counts.some((c) => c > 0) || slot.mean !== undefined;
    // The same few hundred texts recur on thousands of slots: map each once.
    let match = matches.get(slot.text);
    if (match === undefined) {
      match = mapQuestionDriver(slot.text);
      matches.set(slot.text, match);
    }
    if (match.how === "no-text" && !answered) {
      counters.emptySlots += 1;
      continue;
    }
    const text = match.how === "no-text" ? "" : slot.text;
    let entry = mappings.get(text);
    if (entry === undefined) {
      entry = { text, match, occurrences: 0, rows: new Set() };
      mappings.set(text, entry);
    }
    entry.occurrences += 1;
    entry.rows.add(row.row);
    if (match.how === "no-text") {
      warnings.add("question_without_text", "a question slot has answers but no text; kept as a custom question", row.row);
    } else {
      const warning = HOW_WARNINGS[match.how];
      if (warning !== undefined) {
        const candidates = match.candidates !== undefined ? ` (${match.candidates.join(", ")})` : "";
        warnings.add(warning.code, `the question ${warning.says}${candidates}; kept as a custom question`, row.row, undefined, text);
      }
      if (!answered) warnings.add("question_without_answers", "the question has no answers reported; kept with zero counts", row.row, undefined, text);
    }
    questions.push(toQuestion(slot, match.driver, text));
  }
  return questions;
}

function toQuestion(slot: A11CsvQuestion, driver: A11Driver, text: string): FeedbackQuestion {
  return {
    driver,
    ...(text !== "" ? { text: fitText(text) } : {}),
    scale: A11_CSV_POINTS,
    counts: [...slot.counts],
    ...(slot.mean !== undefined ? { mean: slot.mean } : {}),
  };
}
