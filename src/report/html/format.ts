/**
 * Number and text formats of the HTML report, shared by its sections.
 */
import { escapeHtml } from "./escape.js";

/** Number formats by fraction digits: made once (`toLocaleString` with options makes one per call). */
const numberFormats = new Map<number, Intl.NumberFormat>();

/** `12,345` (with up to `digits` fraction digits). @internal */
export function number(n: number, digits = 0): string {
  let format = numberFormats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(digits, format);
  }
  return format.format(n);
}

/** `1 step`, `2 steps`: the noun agrees with the number. @internal */
export function count(n: number, noun: string, nouns = `${noun}s`): string {
  return `${number(n)} ${n === 1 ? noun : nouns}`;
}

/** `$12,345`. @internal */
export function dollars(n: number): string {
  return `${n < 0 ? "-" : ""}$${number(Math.round(Math.abs(n)))}`;
}

/** `42%`, or a dash when there is no share. @internal */
export function percent(share: number | null): string {
  return share === null ? "–" : `${(share * 100).toFixed(0)}%`;
}

/**
 * A figure rounded for a reader who has thirty seconds: two significant digits, and millions or billions in
 * words (`740`, `12,000`, `1.2 million`, `3.4 billion`).
 *
 * @internal
 */
export function roughly(n: number): string {
  if (Math.abs(n) < 1) return n === 0 ? "0" : n.toPrecision(1);
  // Rounded first, so that 999,500 reads "1 million", not "1,000,000".
  const rounded = Number(n.toPrecision(2));
  const size = Math.abs(rounded);
  if (size >= 1e9) return `${number(rounded / 1e9, 1)} billion`;
  if (size >= 1e6) return `${number(rounded / 1e6, 1)} million`;
  return number(rounded);
}

/** `$1.2 million`, rounded as {@link roughly}. @internal */
export function roughDollars(n: number): string {
  return `${n < 0 ? "-" : ""}$${roughly(Math.abs(n))}`;
}

/** An element id from a prefix and a catalog id (only a safe set of characters reaches an attribute). @internal */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * The catalog's file name to show: as the user gave it when relative; its last part when absolute, so the page
 * never shows where on a machine it was made (`/home/ana/work/as-is.yaml` → `as-is.yaml`).
 *
 * @internal
 */
export function shownFileName(file: string): string {
  const absolute = file.startsWith("/") || file.startsWith("\\") || /^[A-Za-z]:[\\/]/.test(file) || /^file:/i.test(file);
  if (!absolute) return file;
  const parts = file.split(/[\\/]/).filter((part) => part !== "");
  return parts[parts.length - 1] ?? file;
}

/** A figure card: a large value over a short label. @internal */
export function figureCard(value: string, label: string): string {
  return `<div class="sb-figure"><span class="value">${escapeHtml(value)}</span><span class="label">${escapeHtml(label)}</span></div>`;
}
