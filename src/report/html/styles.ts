/** The report's stylesheet (inline: the page loads nothing). */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #5c5c5c; --line: #dfe1e2; --accent: #005ea2; --error: #b50909; --warning: #8a5300; --info: #00687d; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); margin: 0; background: #fff; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.8rem; margin: 0 0 4px; } h2 { margin-top: 40px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { margin-top: 28px; } .muted, .sb-note { color: var(--muted); }
nav ul { list-style: none; padding: 0; display: flex; gap: 16px; flex-wrap: wrap; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #2491ff; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: #f0f0f0; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
#summary { font-size: 1.05rem; } .sb-top li { margin: 4px 0; }
.sb-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; }
.sb-figure { border: 1px solid var(--line); border-radius: 6px; padding: 12px; break-inside: avoid; }
.sb-figure .value { font-size: 1.5rem; font-weight: 700; display: block; } .sb-figure .label { color: var(--muted); font-size: 0.85rem; }
.sev { font-weight: 700; } .sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.sb-filters { display: flex; gap: 16px; flex-wrap: wrap; align-items: end; }
.sb-filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
button.sb-sort { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
button.sb-sort:hover { text-decoration: underline; }
th[aria-sort="descending"] .sb-sort-arrow::after { content: " ▼"; } th[aria-sort="ascending"] .sb-sort-arrow::after { content: " ▲"; }
details.sb-ids { font-size: 0.8rem; color: var(--muted); } details.sb-ids summary { cursor: pointer; }
figure { margin: 12px 0 24px; border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
figcaption { font-weight: 600; margin-bottom: 8px; } figcaption .muted { font-weight: 400; font-size: 0.85rem; } .sb-open { font-weight: 400; margin-left: 8px; }
.sb-scroll { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
.sb-scroll img { display: block; max-width: none; }
#sb-full { width: 96vw; height: 94vh; max-width: none; max-height: none; padding: 8px; overflow: auto; }
#sb-full img { display: block; max-width: none; } #sb-full p { margin: 0 0 8px; position: sticky; left: 0; top: 0; }
pre { background: #f6f6f6; padding: 12px; overflow-x: auto; font-size: 0.8rem; max-height: 480px; }
.sb-chart { max-width: 100%; height: auto; } .sb-chart-label, .sb-chart-note { font-size: 13px; fill: #1b1b1b; } .sb-chart-bar { fill: #005ea2; }
.sb-tag { display: inline-block; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; font-size: 0.8rem; margin-right: 4px; }
details.sb-stepless-entry { border-bottom: 1px solid var(--line); padding: 4px 0; } details.sb-stepless-entry summary { cursor: pointer; }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav, .sb-filters, #sb-findings-count, .sb-open, .sb-sort-arrow, #sb-full, details.sb-ids { display: none !important; }
  button.sb-sort { font-weight: 700; cursor: auto; }
  a { color: inherit; text-decoration: none; }
  .sb-service { break-before: page; }
  figure, .sb-figure, .sb-figures, tr { break-inside: avoid; }
  h2, h3, h4, figcaption { break-after: avoid; }
  .sb-scroll, pre, figure { overflow: visible; max-height: none; border: 0; }
  .sb-scroll img { max-width: 100%; height: auto; }
  pre { white-space: pre-wrap; }
}
@media print { details.sb-steps::details-content, details.sb-stepless-entry::details-content { content-visibility: visible; display: block; } }
`;
