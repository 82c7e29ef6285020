/**
 * A small horizontal bar chart as inline SVG: no library, no script, every label escaped.
 */
import { escapeHtml } from "./escape.js";

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text after the bar (default: the value). */
  readonly note?: string;
}

const ROW = 26;
const LABEL_WIDTH = 300;
const BAR_WIDTH = 420;
const NOTE_WIDTH = 170;

/** Shortens a label to `max` characters, ending with "…". */
function clip(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/**
 * Draws bars, longest first as given; a bar's width is its share of the largest value.
 *
 * @internal
 */
export function barChart(bars: readonly Bar[], title: string): string {
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0);
  const width = LABEL_WIDTH + BAR_WIDTH + NOTE_WIDTH;
  const height = ROW * bars.length + 8;
  let body = "";
  bars.forEach((bar, i) => {
    const y = 4 + i * ROW;
    const w = max > 0 ? Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * BAR_WIDTH)) : 0;
    body +=
      `<g><title>${escapeHtml(bar.label)}: ${escapeHtml(bar.note ?? String(bar.value))}</title>` +
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="sb-chart-label">${escapeHtml(clip(bar.label, 42))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="${ROW - 8}" rx="2" class="sb-chart-bar"></rect>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 17}" class="sb-chart-note">${escapeHtml(bar.note ?? String(bar.value))}</text></g>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" class="sb-chart" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg>`
  );
}
