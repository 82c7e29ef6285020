/**
 * How wide a text is drawn, estimated without a browser, for the few places where Mermaid neither wraps nor makes
 * room: a journey's title (one SVG `<text>`, never wrapped, not counted in the picture's width) and its section and
 * task boxes (fixed boxes whose text the browser wraps at spaces only, cutting what is left over).
 *
 * Mermaid's font stack ("trebuchet ms", verdana, arial, sans-serif) resolves to Liberation Sans in Debian's
 * Chromium, which has Arial's advance widths; the widths below are Arial's (regular and bold, in thousandths of an
 * em), and every estimate is raised by {@link SAFETY} so that a slightly wider sans-serif still fits. A character
 * not in the table counts as a full em.
 */

/** Arial's advance widths, regular, in 1/1000 em, for the printable ASCII range (space first). */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Arial's advance widths, bold, in 1/1000 em, for the printable ASCII range (space first). */
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** A few characters beyond ASCII that labels use often. */
const EXTRA: Readonly<Record<string, number>> = { "·": 278, "…": 1000, "–": 556, "—": 1000, "’": 222, "‘": 222, "“": 333, "”": 333, "\u00A0": 278, "\u200B": 0 };

/**
 * Every estimate is raised by this factor (lowered for room a text makes): Chromium draws Liberation Sans at
 * Arial's widths (its 2,048 units per em rounded here to thousandths: well under a pixel a line), and kerning only
 * narrows a line. A font with other widths (DejaVu Sans, where Liberation Sans is not installed, is about 17%
 * wider) is not covered: Mermaid's own layout does not fit it either.
 */
const SAFETY = 1.01;

/** Where the browser may break a line: spaces, which it drops, and zero-width spaces. */
const BREAK = "\u200B";

function charWidth(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0)!;
  if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32]!;
  return EXTRA[ch] ?? 1000;
}

/**
 * The estimated width of a text on one line, in px: at most what Chromium draws (`"at-most"`, for room that the
 * text makes) or at least (`"at-least"`, the default, for text that must fit).
 *
 * @param text - the text as drawn (no markup)
 * @param px - the font size
 * @param bold - bold type
 * @param bound - which way to err
 * @returns the width
 * @internal
 */
export function textWidth(text: string, px: number, bold = false, bound: "at-least" | "at-most" = "at-least"): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch, bold);
  return (units * px * (bound === "at-least" ? SAFETY : 1 / SAFETY)) / 1000;
}

/**
 * The lines a browser makes of a text in a box `width` px wide, breaking at spaces and zero-width spaces only, as
 * a greedy line breaker does. Widths are over-estimated, so a browser never needs more lines than this returns;
 * a piece wider than the box is a line of its own (the browser lets it overflow).
 *
 * @param text - the text, with any zero-width spaces where it may break
 * @param width - the box's inner width
 * @param px - the font size
 * @returns the lines, without the spaces they were broken at
 * @internal
 */
export function wrapLines(text: string, width: number, px: number): string[] {
  const lines: string[] = [];
  let line = "";
  // Pieces end at a space (dropped at a line's end) or a zero-width space (kept, it has no width).
  for (const piece of text.split(/(?<=[ \u200B])/)) {
    const candidate = line + piece;
    if (line !== "" && textWidth(candidate.trimEnd(), px) > width) {
      lines.push(line.trimEnd());
      line = piece;
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/**
 * The text with zero-width spaces where a word wider than `width` may break: after `.` `/` `-` `_` `@` `:` and
 * between a lower-case letter and a capital (`DisasterAssistance.gov` -> `Disaster|Assistance.|gov`), and then,
 * where a piece is still too wide, before the character that would overflow. Words that fit are left alone, so the
 * browser breaks lines at spaces as usual; a zero-width space is invisible.
 *
 * @param text - plain text
 * @param width - the box's inner width
 * @param px - the font size
 * @returns the text with break opportunities
 * @internal
 */
export function breakLongWords(text: string, width: number, px: number): string {
  return text
    .split(" ")
    .map((word) => {
      if (textWidth(word, px) <= width) return word;
      const pieces = word.replace(/([./\-_@:])(?=.)/g, `$1${BREAK}`).replace(/(\p{Ll})(?=\p{Lu})/gu, `$1${BREAK}`).split(BREAK);
      const out: string[] = [];
      for (const piece of pieces) {
        let part = "";
        for (const ch of piece) {
          if (part !== "" && textWidth(part + ch, px) > width) {
            out.push(part);
            part = "";
          }
          part += ch;
        }
        out.push(part);
      }
      return out.join(BREAK);
    })
    .join(" ");
}

/**
 * `text` followed by `suffix` when that fits; else the longest start of `text` (back to a whole word where one ends
 * in its second half) that, followed by `…` and `suffix`, fits.
 *
 * @param text - the part that may be shortened
 * @param suffix - text that always follows it whole (a task's figures, a part number), or ""
 * @param fits - whether a candidate fits (fitting must not get easier as the text grows)
 * @returns the text, shortened if need be, with its suffix
 * @internal
 */
export function shortenToFit(text: string, suffix: string, fits: (candidate: string) => boolean): string {
  if (fits(text + suffix)) return text + suffix;
  const points = Array.from(text);
  // Binary search over the number of code points kept: fitting is monotone in the length kept.
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(`${cut(points, mid)}${suffix}`)) lo = mid;
    else hi = mid - 1;
  }
  return `${cut(points, lo)}${suffix}`;
}

/** The first `keep` code points, back to the last whole word when one ends in the second half, then `…`. */
function cut(points: readonly string[], keep: number): string {
  let head = points.slice(0, keep).join("");
  const space = head.lastIndexOf(" ");
  if (space > head.length / 2) head = head.slice(0, space);
  return `${head.replace(/[\s,;:·\-–—(]+$/u, "")}…`;
}
