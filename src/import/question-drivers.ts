/**
 * Maps the wording of an A-11 feedback question to its driver. Agencies word the seven v1 drivers in many ways
 * ("I am satisfied with the service I received from the IRS", "What is your overall satisfaction with this
 * site?"), so the map is a table of patterns tried in order, first match wins, over each sentence of the
 * question. The table was written against every distinct question text of the FY2021–FY2023 HISP data and is
 * tested against all of them (tests/import/question-drivers.test.ts).
 */
import type { A11Driver } from "../model/vocabulary.js";

/**
 * How a question text got (or did not get) its driver.
 *
 * - `pattern`: a rule of the table matched (its id is in `rule`).
 * - `other-scale`: the text announces another scale than 5 agreement points (a 10-point scale, yes or no).
 * - `not-a-rating`: a multiple-choice or free-text question.
 * - `ambiguous`: its sentences match different drivers (a compound question such as "1. ... 2. ...").
 * - `unmapped`: no rule matched.
 * - `no-text`: no text, or a filler such as "NONE", "No Question" or "N/A".
 *
 * Every way but `pattern` gives the driver `custom`.
 *
 * @example
 * ```ts
 * import { mapQuestionDriver } from "service-blueprint/import";
 * mapQuestionDriver("How likely are you to recommend us?").how; // "unmapped"
 * ```
 */
export type QuestionDriverHow = "pattern" | "other-scale" | "not-a-rating" | "ambiguous" | "unmapped" | "no-text";

/**
 * The driver a question text maps to, and why.
 *
 * @example
 * ```ts
 * import { mapQuestionDriver, type QuestionDriverMatch } from "service-blueprint/import";
 * const match: QuestionDriverMatch = mapQuestionDriver("It was easy to complete what I needed to do.");
 * // { driver: "ease", how: "pattern", rule: "ease" }
 * ```
 */
export interface QuestionDriverMatch {
  /** The driver, or `custom`. */
  readonly driver: A11Driver;
  /** How it was decided. */
  readonly how: QuestionDriverHow;
  /** The id of the rule that decided it (for `pattern`, `other-scale` and `not-a-rating`). */
  readonly rule?: string;
  /** For `ambiguous`: the drivers its sentences matched, sorted. */
  readonly candidates?: readonly A11Driver[];
}

interface Rule {
  readonly id: string;
  readonly driver: A11Driver;
  readonly pattern: RegExp;
}

/**
 * Whole-text rules, tried first: a question on another scale, or not a rating at all, keeps no driver even if
 * its words name one ("Using a 10-point scale ..., how satisfied are you ...").
 */
const WHOLE_TEXT_RULES: readonly { readonly id: string; readonly how: "other-scale" | "not-a-rating"; readonly pattern: RegExp }[] = [
  { id: "ten-point-scale", how: "other-scale", pattern: /\b10-point\b|\bscale (?:of|from) \d+ to 10\b|\b1 ?= ?[^,)]*, ?10 ?=|\b10 being\b/ },
  { id: "yes-or-no", how: "other-scale", pattern: /\(yes or no\)|\byes\/no\b/ },
  {
    id: "not-a-rating",
    how: "not-a-rating",
    pattern: /^which best describes\b|^what (?:was|is) (?:the reason|your role)\b|opportunities for improvement|^anything else\b|^please share\b/,
  },
];

/**
 * Sentence rules, in order: the first that matches a sentence gives its driver. The order settles overlaps:
 * time beats everything ("satisfied with how long it took" is efficiency); trust and fairness come before the
 * people who gave the service; "easy" comes before "able to" and "understood"; satisfaction comes last, since
 * "satisfied with <an aspect>" measures that aspect.
 */
const SENTENCE_RULES: readonly Rule[] = [
  {
    id: "efficiency",
    driver: "efficiency",
    pattern:
      /\breasonable (?:amount of )?(?:time|pace)\b|\bamount of time\b|\bhow long\b|\btime it took\b|\bwait time\b|\bexpected time ?frame\b|\btimely\b|\bin a timely manner\b|\bquickly\b|\blength of time\b/,
  },
  {
    id: "trust",
    driver: "trust",
    pattern: /\bincreased (?:my )?(?:trust|confidence)\b|\bi trust\b|\btrust (?:in|that)\b|\bconfidence in\b|\btrustworthy\b|\bconf[ií]a\b/,
  },
  {
    id: "fairness",
    driver: "equity",
    pattern: /\btreated (?:me )?fairly\b|\bfair(?:ly|ness)?\b|\bequit(?:y|able)\b|\binclusi(?:ve|on)\b|\bwelcoming for all\b/,
  },
  { id: "asked-of-me", driver: "equity", pattern: /\bwhat (?:was|is) being asked of (?:me|us)\b/ },
  // "Information ... helpful" is about the information, whoever gave it.
  { id: "information-useful", driver: "effectiveness", pattern: /\binformation\b(?! specialist).*\b(?:helpful|useful)\b/ },
  {
    id: "employee",
    driver: "employee",
    pattern:
      /\b(?:employees?|representatives?|staff|personnel|agents?|specialists?|attorneys?|decision makers?|inspectors?|persons?|presenters?|interacted with)\b.*\b(?:helpful\w*|courte\w*|professional\w*|respect\w*|knowledge|ability|able to understand|committed to|interest in helping|friendly)\b/,
  },
  {
    id: "employee-quality",
    driver: "employee",
    pattern:
      /\b(?:ability|knowledge|helpfulness)\b.*\b(?:employees?|representatives?|staff|personnel|agents?|specialists?|persons?)\b|\bable to understand (?:my|your) (?:question|issue|concern)/,
  },
  { id: "courtesy", driver: "employee", pattern: /\bcourte(?:sy|ous)\b|\bprofessional(?:ism)?\b|\bcaring\b|\brespect\b/ },
  // A-11's digital wording of employee helpfulness.
  { id: "website-helped", driver: "employee", pattern: /\b(?:website|site)\b.*\bhelped me do\b/ },
  {
    id: "ease",
    driver: "ease",
    pattern: /\beas(?:y|ily|e)\b|\bsimpler?\b|\bsimplicity\b|\bstreamlined\b|\bself-explanatory\b|\buser-friendly\b|\bnavigat\w*|\borganized\b|\blayout\b|\bin terms i could understand\b/,
  },
  {
    id: "transparency",
    driver: "equity",
    pattern:
      /\bunderst(?:ood|and|anding)\b|\b(?:knew|know) (?:how|where|which|what|when)\b|\bclear(?:ly|ness|er)?\b|\bclarity\b|\bexplained\b/,
  },
  {
    id: "effectiveness",
    driver: "effectiveness",
    pattern:
      /\bneeds? (?:was |were )?(?:addressed|met)\b|\bresol(?:ved?|ution)\b|\baccomplish\b|\b(?:able|could|can) (?:to )?(?:successfully )?(?:complete|find|get|accomplish|obtain)\b|\bwere you able\b|\bhelped me\b|\b(?:meets?|met) (?:your|my|our) (?:.* )?needs?\b|\bwith(?:out| no) (?:any )?(?:issues|problems)\b|\bmeet(?:s|ing)? (?:your|my) expectations\b|\banswer(?:ed|ing)\b|\bgot what\b|\buseful\w*|\bhelpful\b|\bvaluable\b|\beffective\w*|\bcomplete (?:my|the) (?:task|business)\b/,
  },
  {
    id: "satisfaction",
    driver: "satisfaction",
    pattern: /\bsatisf\w*|\boverall (?:\w+ ){0,2}experience\b|\brate your (?:overall |most recent )?(?:\w+ )?(?:experience|interaction)\b|\boverall customer service\b/,
  },
];

/** The longest prefix of a question the patterns read. */
const MAX_MATCHED_LENGTH = 2000;

/** Slot fillers that mean "no question here". */
const PLACEHOLDER = /^(?:none|no question|n\/?a|null|0|-+|\.+)$/i;

/** Normalizes a question for matching: lower case, straight quotes, extra spaces removed. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/‚äô|[‘’‚‛`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits a question into its sentences and numbered items ("1. ... 2. ..."), dropping the numbering. A later
 * sentence that starts in lower case is the tail of a garbled copy ("My need was addressed. ed") and is dropped.
 */
function sentences(text: string): string[] {
  const parts = text
    .split(/(?<=[.?!])\s+|\s+(?=\d{1,2}[.)]\s)/)
    .map((part) => part.replace(/^[\s.]*(?:\d{1,2}[.)]?\s*(?=\D))?/, "").trim())
    .filter((part) => part.length > 0);
  return parts.filter((part, i) => i === 0 || !/^[a-z]/.test(part)).map(normalize);
}

/**
 * Maps the text of an A-11 feedback question to its v1 driver: satisfaction, trust, effectiveness, ease,
 * efficiency, equity (equity and transparency) or employee (helpfulness). A question on another scale, not a
 * rating, matching several drivers, or matching none, gets `custom`, with the reason in `how`.
 *
 * The rules, in the order they are tried, are listed in docs/a11-feedback.md. Deterministic: the same text always
 * maps the same way. Only the first 2,000 characters are read.
 *
 * @param text - the question as written (any case, spacing, numbering or curly quotes)
 * @returns the driver and how it was decided
 * @example
 * ```ts
 * import { mapQuestionDriver } from "service-blueprint/import";
 * mapQuestionDriver("This interaction increased my confidence in the USPTO.").driver; // "trust"
 * mapQuestionDriver("Are you satisfied with how long it took to reach a representative?").driver; // "efficiency"
 * mapQuestionDriver("Using a 10-point scale, how satisfied are you?"); // { driver: "custom", how: "other-scale", rule: "ten-point-scale" }
 * ```
 */
export function mapQuestionDriver(text: string): QuestionDriverMatch {
  // Questions are a sentence or three; a longer cell is read up to this length, which bounds the patterns' work.
  const head = text.length > MAX_MATCHED_LENGTH ? text.slice(0, MAX_MATCHED_LENGTH) : text;
  const whole = normalize(head);
  if (whole === "" || PLACEHOLDER.test(whole)) return { driver: "custom", how: "no-text" };
  for (const rule of WHOLE_TEXT_RULES) {
    if (rule.pattern.test(whole)) return { driver: "custom", how: rule.how, rule: rule.id };
  }
  const found = new Map<A11Driver, string>();
  for (const sentence of sentences(head.replace(/\s+/g, " ").trim())) {
    const rule = SENTENCE_RULES.find((r) => r.pattern.test(sentence));
    if (rule !== undefined && !found.has(rule.driver)) found.set(rule.driver, rule.id);
  }
  if (found.size === 0) return { driver: "custom", how: "unmapped" };
  if (found.size > 1) return { driver: "custom", how: "ambiguous", candidates: [...found.keys()].sort() };
  const [driver, rule] = [...found.entries()][0]!;
  return { driver, how: "pattern", rule };
}
