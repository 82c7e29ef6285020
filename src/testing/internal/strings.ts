/**
 * Text of generated catalogs: ids, names, free text, dates, URLs and language tags. Realistic values read like a
 * real catalog; adversarial ones are the strings that break exporters and serializers (Mermaid keywords as ids and
 * as phrases inside longer names, quotes, brackets, YAML look-alikes such as `yes` or `1e3`, right-to-left and
 * combined characters).
 */
import * as fc from "fast-check";
import type { TextStyle } from "../constraints.js";

/** The longest id the model accepts. */
export const MAX_ID_LENGTH = 100;

const ID_WORDS = [
  "ssa", "irs", "cms", "fema", "sba", "hud", "va", "vba", "vha", "uscis", "tsa", "usda", "fns", "fsa", "dol", "opm",
  "state", "county", "city", "apply", "renew", "claim", "enroll", "appeal", "review", "decide", "notify", "verify",
  "upload", "sign", "pay", "schedule", "interview", "visit", "wait", "intake", "triage", "eligibility", "benefits",
  "retirement", "medicare", "disaster", "housing", "loan", "passport", "license", "permit", "online", "phone",
  "office", "mail", "kiosk", "portal", "app", "chat", "ssn", "income", "address", "birth", "id", "form", "letter",
] as const;

/** Ids that mean something to Mermaid, YAML or JavaScript objects, and shapes that escape naively. */
const ADVERSARIAL_IDS = [
  "end", "END", "End", "graph", "subgraph", "flowchart", "style", "class", "classDef", "click", "call", "href",
  "default", "linkStyle", "direction", "TB", "LR", "o", "x", "v", "A", "a.b", "a..b", "a_b", "a--b", "x-", "e.e.e",
  "v1.2.3", "True", "null", "yes", "no", "on", "NaN", "Infinity", "constructor", "prototype", "hasOwnProperty",
  "toString", "valueOf", "participant", "actor", "section", "title", "journey", "loop", "opt", "alt", "note",
  "a".repeat(MAX_ID_LENGTH),
] as const;

const ADVERSARIAL_NAMES = [
  '"quoted"', "it's", "a: b", "- dash first", "# hash first", "[brackets]", "{braces}", "(parens)", "((double))",
  "<b>bold</b>", "<script>alert(1)</script>", "<br/>", "a --> b", "a---b", "a -.- b", "x;y", "a|b", "back\\slash",
  "`tick`", "&amp;", "A & B", "#quot;", "#35;", "yes", "no", "null", "~", "true", "1e3", "0x1F", "2024-01-01",
  "123", "-1", ".5", "@at", "%pct", "%%{init: {}}%%", "!bang", "*star", "&anchor", "? question", ": colon", "|",
  ">", "'", '"', "...", "---", "end", "graph TD", "subgraph", "click x call y()", "style x fill:#f00",
  "line one\nline two", "tab\there", "carriage\rreturn", "émigré café", "日本語の手続き", "مرحبا بكم",
  "שלום עולם", "👩‍👧 family", "🇺🇸 flag", "Ω≈ç√∫", "a\u00a0b", "zero\u200bwidth", "e\u0301 combining",
  "{{template}}", "${injection}", "x".repeat(500), "Await policy direction TBD", "Set direction LR", "redirection RL",
  "Check direction\nTB", "click here to style the classDef", "end of subgraph", "a:::b & c", "accTitle: x",
] as const;

/**
 * Words and phrases that mean something to Mermaid's flowchart or journey lexer, for mixing into longer text. A
 * keyword is harmless where no token can start, but a few rules look ahead: `direction TB` (BT, RL, LR, TD)
 * anywhere on a flowchart line swallows the line, even from inside a quoted label.
 */
export const MERMAID_PHRASES = [
  "direction TB", "direction BT", "direction RL", "direction LR", "direction TD", "direction", "TB", "TBD", "LR",
  "RL", "BT", "TD", "click", "call", "href", "style", "classDef", "class", "linkStyle", "default", "interpolate",
  "subgraph", "end", "graph", "flowchart", "flowchart-elk", "swimlane-beta", "accTitle:", "accDescr:", "accDescr {",
  "title", "section", "journey", "%%", "%%{init: {}}%%", ":::", "&", ";", ":", "#", "-->", "==>", "-.->", "~~~",
  "---", "@{", "e1@", "_blank", "_self", "v", "o", "x", "<", ">", "^", "*", "|",
] as const;

const PLAIN_WORDS = ["Await", "policy", "the", "form", "office", "letter", "a", "Review", "decision", "2"] as const;

/**
 * Text that mixes {@link MERMAID_PHRASES} into longer strings, joined by spaces, line breaks, no-break spaces or
 * nothing, so that keywords meet each other and ordinary words in every arrangement (`Await direction\nTBD`).
 */
export function mermaidPhraseArbitrary(): fc.Arbitrary<string> {
  const word = fc.oneof({ arbitrary: fc.constantFrom(...MERMAID_PHRASES), weight: 3 }, { arbitrary: fc.constantFrom(...PLAIN_WORDS), weight: 1 });
  const separator = fc.constantFrom(" ", " ", " ", "\n", "\u00a0", "");
  return fc
    .array(fc.tuple(word, separator), { minLength: 1, maxLength: 8 })
    .map((parts) => normalizeName(parts.map(([w, sep]) => w + sep).join("")));
}

/** Lowercase BCP 47 tags the model accepts, most common in US public services first. */
export const LANGUAGE_TAGS = ["en", "es", "zh", "vi", "ko", "tl", "ar", "ru", "fr", "ht", "pt", "es-US", "zh-Hant", "en-US"] as const;

function weighted<T>(style: TextStyle, realistic: fc.Arbitrary<T>, adversarial: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (style === "realistic") return realistic;
  if (style === "adversarial") return adversarial;
  return fc.oneof({ arbitrary: realistic, weight: 4 }, { arbitrary: adversarial, weight: 1 });
}

/**
 * An id the model accepts (`IdSchema`): a letter, then letters, digits, `-`, `_` or `.`, at most 100 characters.
 */
export function idArbitrary(style: TextStyle): fc.Arbitrary<string> {
  const realistic = fc
    .tuple(
      fc.constantFrom(...ID_WORDS),
      fc.option(fc.constantFrom(...ID_WORDS), { nil: undefined, freq: 2 }),
      fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined, freq: 3 }),
    )
    .map(([first, second, n]) => [first, second, n].filter((part) => part !== undefined).join("-"));
  const adversarial = fc.oneof(
    fc.constantFrom(...ADVERSARIAL_IDS),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/),
  );
  return weighted(style, realistic, adversarial);
}

/** A name the model accepts (`Name`: trimmed, 1 to 500 characters), drawn from `vocabulary` when realistic. */
export function nameArbitrary(style: TextStyle, vocabulary: readonly [string, ...string[]]): fc.Arbitrary<string> {
  const realistic = fc.constantFrom(...vocabulary);
  const adversarial = fc.oneof(
    { arbitrary: fc.constantFrom(...ADVERSARIAL_NAMES), weight: 3 },
    {
      arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }).map((s) => normalizeName(s)),
      weight: 1,
    },
    { arbitrary: mermaidPhraseArbitrary(), weight: 1 },
  );
  return weighted(style, realistic, adversarial);
}

/** Trims like the schema does, and never returns an empty or too long name. */
function normalizeName(text: string): string {
  const trimmed = text.trim().slice(0, 500).trim();
  return trimmed === "" ? "x" : trimmed;
}

/** Free text (`Text`: up to 20,000 characters), kept short. */
export function textArbitrary(style: TextStyle): fc.Arbitrary<string> {
  const realistic = fc.constantFrom(
    "Customers usually complete this online.",
    "Most people come after a letter from the agency.",
    "Volume peaks in the first quarter of the fiscal year.",
    "Observed in contact-center listening sessions.",
    "See the program manual, chapter 4.",
  );
  const adversarial = fc.oneof(
    fc.constantFrom(...ADVERSARIAL_NAMES, "", " leading and trailing space ", "multi\n\nparagraph\n"),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    mermaidPhraseArbitrary(),
  );
  return weighted(style, realistic, adversarial);
}

/** An ISO calendar date `YYYY-MM-DD` between the given years (days 1 to 28, so every month has them). */
export function isoDateArbitrary(minYear: number, maxYear: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

/** An https URL on a .gov host. */
export function urlArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...ID_WORDS), fc.option(fc.constantFrom(...ID_WORDS), { nil: undefined }))
    .map(([host, path]) => `https://www.${host}.gov/${path ?? ""}`);
}

/**
 * Makes ids unique, keeping the first of each and suffixing later copies (`apply`, `apply-2`, `apply-3`), so a
 * list of arbitrary ids becomes a valid id column however it shrinks.
 */
export function uniqueIds(ids: readonly string[]): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  for (const id of ids) {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${id.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    }
    used.add(candidate);
    out.push(candidate);
  }
  return out;
}

/** An id not in `taken`, derived from `base`; used where a generated entity needs a fresh id. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
