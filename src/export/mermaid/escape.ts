/**
 * Escaping of user text for Mermaid, in one pass per context.
 *
 * Mermaid runs its own `encodeEntities` over the whole source before any diagram grammar sees it: every `#name;`
 * or `#123;` becomes a private placeholder that the lexers treat as plain letters, and the finished SVG turns it
 * back into `&name;` / `&#123;`. So an entity code is the one spelling of a character that no grammar (flowchart,
 * journey, markdown, directives, comments) can read as syntax. We write every character that means something to
 * any of them as an entity, and nothing else, so labels stay readable in the source.
 *
 * The characters and why:
 * - `#` starts entity codes (and journey comments); `"` ends quoted strings; `` ` `` ends markdown strings;
 * - `<` `>` `&` would make HTML (an `<img src=...>` label makes the browser fetch its address even in strict mode);
 * - `%` makes `%%` comments and `%%{init}%%` directives; `\` makes `\n` line breaks in plain labels;
 * - `|` ends edge labels; `:` `;` `,` split journey tasks, scores and actors, and `:` also feeds a regex in
 *   Mermaid's `encodeEntities` (`style.*:\S*#.*;`) that would eat the `;` of our own entity codes;
 * - `*` `_` `~` `[` `]` are markdown emphasis, strike-through and links;
 * - `ﬂ` (U+FB02) and `¶` (U+00B6) start Mermaid's own placeholder sequences (`ﬂ°`, `¶ß`), which its decoder would
 *   turn into `&` and `;`.
 *
 * Characters that XML cannot hold (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF) become a space or U+FFFD.
 *
 * One phrase is escaped as well as characters. Mermaid's flowchart lexer has exactly five rules that look past the
 * token they start at, `.*direction\s+TB[^\n]*` and the same for BT, RL, LR and TD: from wherever the lexer stands
 * outside a string, they swallow the whole rest of the line, quoted labels included, as a `direction` statement.
 * A step called "Await policy direction TBD" would make its node vanish (or break the parse, in a subgraph title
 * or an edge line). So the `d` of such a `direction` is written `#100;`: the lexer sees a placeholder instead of
 * the word, and the picture still shows "direction". Every other flowchart rule (`style`, `click`, `classDef`,
 * `class`, `linkStyle`, `subgraph`, `end`, `call`, `href`, `interpolate`, `:::`, `&`, arrows, ...) only matches
 * where a token starts, which inside a quoted label never happens; the journey lexer has no such look-ahead rule.
 */

/** Where a piece of user text goes; each context has its own line-break rule. */
export type EscapeContext =
  /** Inside a markdown string (`"`...`"`) of a flowchart: node, edge and subgraph labels. Newlines are kept. */
  | "markdown"
  /** A journey task, section, title or actor: one line, so newlines become spaces. */
  | "journey"
  /** An accessibility title or description (`accTitle:` / `accDescr:`): one line. */
  | "line";

/** Numeric entity codes, written the way Mermaid reads them (`#35;`, not `&#35;`). */
const ENTITY: Readonly<Record<string, string>> = {
  "#": "#35;",
  '"': "#quot;",
  "`": "#96;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;",
  "%": "#37;",
  "\\": "#92;",
  "|": "#124;",
  ":": "#58;",
  ";": "#59;",
  ",": "#44;",
  "*": "#42;",
  _: "#95;",
  "~": "#126;",
  "[": "#91;",
  "]": "#93;",
  "\uFB02": "#64258;",
  "\u00B6": "#182;",
};

/**
 * One pattern finds everything that needs attention: the special characters, line breaks (CRLF first so it counts
 * as one), other controls, lone surrogates and the two XML non-characters.
 */
const SPECIAL =
  // eslint-disable-next-line no-control-regex
  /\r\n|[\r\n\u2028\u2029\u0085]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]|\t|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]|[#"`<>&%\\|:;,*_~[\]\uFB02\u00B6]/g;

/** The part of {@link SPECIAL} that `cleanText` changes (everything but the characters written as entities). */
const UNCLEAN =
  // eslint-disable-next-line no-control-regex
  /[\r\n\u2028\u2029\u0085]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]|\t|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/;

/**
 * A `direction` that Mermaid's flowchart lexer would read, with everything after it on the line, as a direction
 * statement: followed by whitespace (`\s`, which spans line breaks and no-break spaces, as in the lexer) and TB,
 * BT, RL, LR or TD, case-sensitive as the lexer is. A `direction` at the very end is taken too, because the writer
 * may join this text to the next span or line of the same label, which could start with `TB`. Matched on the
 * escaped text, so that characters the escape turns into spaces count as the spaces they become.
 */
const DIRECTION_PHRASE = /direction(?=\s+(?:TB|BT|RL|LR|TD)|\s*$)/g;

function isLineBreak(ch: string): boolean {
  return ch === "\r\n" || ch === "\r" || ch === "\n" || ch === "\u2028" || ch === "\u2029" || ch === "\u0085";
}

/**
 * Escapes user text for one Mermaid context, in a single pass over the string (and one more over the rare text
 * that holds a `direction`).
 *
 * @param text - any user text
 * @param context - where it goes
 * @returns text that the target grammar reads as plain characters
 * @internal
 */
export function escapeText(text: string, context: EscapeContext): string {
  const escaped = text.replace(SPECIAL, (ch) => {
    const entity = ENTITY[ch];
    if (entity !== undefined) return entity;
    if (isLineBreak(ch)) return context === "markdown" ? "\n" : " ";
    if (ch === "\t") return " ";
    if (ch.length === 1 && ch >= "\uD800" && ch <= "\uDFFF") return "\uFFFD";
    if (ch === "\uFFFE" || ch === "\uFFFF") return "\uFFFD";
    return " ";
  });
  return escaped.includes("direction") ? escaped.replace(DIRECTION_PHRASE, "#100;irection") : escaped;
}

/**
 * Journey lines are lexed keyword-first: a task called "Title deed" would become a `title` statement. For such
 * text the first letter is written as an entity code, which no keyword rule matches.
 */
const JOURNEY_KEYWORD = /^(?:journey|title|section|acc)/i;

/**
 * Escapes a journey task, section or actor name: one line, keyword-safe.
 *
 * @param text - the user text, already trimmed
 * @returns the escaped text
 * @internal
 */
export function escapeJourneyText(text: string): string {
  const escaped = escapeText(text, "journey");
  if (!JOURNEY_KEYWORD.test(escaped)) return escaped;
  return `#${escaped.charCodeAt(0)};${escaped.slice(1)}`;
}

/**
 * Writes a YAML double-quoted scalar that holds no character Mermaid or HTML could read as syntax (for the
 * frontmatter `title`, which Mermaid reads before entity codes are decoded, so entities cannot be used there).
 *
 * @param text - the user text
 * @param maxLength - the longest title kept, in code points
 * @returns a double-quoted YAML string using `\uXXXX` escapes
 * @internal
 */
export function yamlQuoted(text: string, maxLength = 200): string {
  let out = '"';
  for (const ch of cleanText(text, false, maxLength)) {
    const code = ch.codePointAt(0) ?? 0;
    if (/[A-Za-z0-9 .,()'/?!=+@$^{}-]/.test(ch) || code > 0x7f) out += ch;
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}

/**
 * Normalizes user text before it is escaped: XML-unsafe characters removed, runs of spaces collapsed, trimmed and
 * cut to `maxLength` characters (code points) with an ellipsis. Line breaks are kept only when `keepLines` is set.
 *
 * @param text - any user text
 * @param keepLines - whether line breaks survive (markdown labels) or become spaces
 * @param maxLength - the longest result, in code points; `Infinity` for no limit
 * @returns the cleaned text
 * @internal
 */
export function cleanText(text: string, keepLines: boolean, maxLength = Number.POSITIVE_INFINITY): string {
  // Fast paths (labels are written many times on a large catalog): the replacement only changes what UNCLEAN
  // matches, one line needs no splitting, and a text no longer than maxLength UTF-16 units has no more code points.
  let cleaned = !UNCLEAN.test(text)
    ? text
    : text.replace(SPECIAL, (ch) => {
        if (ENTITY[ch] !== undefined) return ch;
        if (isLineBreak(ch)) return keepLines ? "\n" : " ";
        if (ch.length === 1 && ch >= "\uD800" && ch <= "\uDFFF") return "\uFFFD";
        if (ch === "\uFFFE" || ch === "\uFFFF") return "\uFFFD";
        return " ";
      });
  cleaned = !cleaned.includes("\n")
    ? (cleaned.includes("  ") ? cleaned.replace(/ {2,}/g, " ") : cleaned).trim()
    : cleaned
        .split("\n")
        .map((line) => line.replace(/ {2,}/g, " ").trim())
        .filter((line) => line !== "")
        .join("\n");
  if (cleaned.length <= maxLength) return cleaned;
  const points = Array.from(cleaned);
  if (points.length > maxLength) cleaned = `${points.slice(0, Math.max(1, maxLength - 1)).join("").trimEnd()}…`;
  return cleaned;
}
