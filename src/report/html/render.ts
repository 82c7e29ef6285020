/**
 * The HTML report: one self-contained page (no network, no CDN) with the services and life experiences, their
 * diagrams, the lint findings with filters, the burden figures and charts, and A-11 feedback figures.
 *
 * Safety: every catalog string is escaped; diagrams are embedded as `<img src="data:image/svg+xml;base64,…">`, so
 * nothing inside them can run; the findings data sits in a `<script type="application/json">` with `<` escaped;
 * and a Content-Security-Policy allows only the report's own script (by hash), inline styles and `data:` images.
 */
import { type CatalogIndex, indexCatalog } from "../../model/index-lookup.js";
import type { Catalog, LifeExperience, Service } from "../../model/schema.js";
import { summarizeFeedback } from "../../model/feedback-summary.js";
import type { BurdenReport, ServiceBurden } from "../../sludge/burden.js";
import type { Finding, Severity } from "../../sludge/types.js";
import { type Bar, barChart } from "./chart.js";
import { base64Utf8, escapeHtml, jsonForScript } from "./escape.js";
import { REPORT_SCRIPT, REPORT_SCRIPT_HASH } from "./script.js";
import { REPORT_CSS } from "./styles.js";

/**
 * One diagram of the report: its Mermaid text, and the SVG when it could be rendered.
 *
 * @example
 * ```ts
 * import type { HtmlReportDiagram } from "service-blueprint";
 * const diagram: HtmlReportDiagram = { id: "blueprint-ssa", title: "Apply", view: "blueprint", service: "ssa", mermaid: "flowchart LR\n a --> b\n" };
 * ```
 */
export interface HtmlReportDiagram {
  /** A stable id (used for anchors). */
  readonly id: string;
  /** The caption. */
  readonly title: string;
  /** Which view it is. */
  readonly view: "blueprint" | "life-experience" | "journey";
  /** The service it shows (blueprint, journey). */
  readonly service?: string;
  /** The life experience it shows (life-experience). */
  readonly experience?: string;
  /** The Mermaid text (shown when there is no SVG). */
  readonly mermaid: string;
  /** The rendered SVG, embedded as an image; leave out when it could not be rendered. */
  readonly svg?: string;
}

/**
 * What {@link renderHtmlReport} draws. Only `catalog` is required.
 *
 * @example
 * ```ts
 * import { lintCatalog, type HtmlReportInput } from "service-blueprint";
 * const lint = lintCatalog(catalog);
 * const input: HtmlReportInput = { catalog, findings: lint.findings, waived: lint.waived, burden: lint.burden, source: "as-is.yaml" };
 * ```
 */
export interface HtmlReportInput {
  /** The catalog. */
  readonly catalog: Catalog;
  /** Active lint findings (leave out when the catalog was not linted). */
  readonly findings?: readonly Finding[];
  /** Waived findings, listed apart with their justification. */
  readonly waived?: readonly Finding[];
  /** Where the hours go: the linter's burden report (`lintCatalog(...).burden` or `computeBurden`). */
  readonly burden?: BurdenReport;
  /** Diagrams, in the order to show them. */
  readonly diagrams?: readonly HtmlReportDiagram[];
  /** The page title (default: the catalog's name). */
  readonly title?: string;
  /** The catalog's file name, shown in the header. */
  readonly source?: string;
  /** A date or time to show as "generated" (left out by default, so the same input gives the same page). */
  readonly generatedAt?: string;
  /** Why diagrams have no SVG (e.g. "Chromium was not found"), shown beside the Mermaid source. */
  readonly svgNote?: string;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Number formats by fraction digits: made once (`toLocaleString` with options makes one per call). */
const numberFormats = new Map<number, Intl.NumberFormat>();
const number = (n: number, digits = 0): string => {
  let format = numberFormats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(digits, format);
  }
  return format.format(n);
};
const count = (n: number, noun: string, nouns = `${noun}s`): string => `${number(n)} ${n === 1 ? noun : nouns}`;
const dollars = (n: number): string => `$${number(Math.round(n))}`;
const percent = (share: number | null): string => (share === null ? "–" : `${(share * 100).toFixed(0)}%`);

/** The CSP of the page: nothing may load; only our script (by hash), inline styles and data: images. */
export function reportCsp(): string {
  return `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '${REPORT_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;
}

function anchor(prefix: string, id: string): string {
  // Catalog ids are kebab-case; still, only a safe set of characters reaches an attribute.
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function figure(value: string, label: string): string {
  return `<div class="sb-figure"><span class="value">${escapeHtml(value)}</span><span class="label">${escapeHtml(label)}</span></div>`;
}

function diagramHtml(diagram: HtmlReportDiagram, svgNote: string | undefined): string {
  const caption = `<figcaption>${escapeHtml(diagram.title)}</figcaption>`;
  if (diagram.svg !== undefined) {
    return (
      `<figure id="${escapeHtml(anchor("diagram", diagram.id))}">${caption}` +
      `<img alt="${escapeHtml(diagram.title)}" src="data:image/svg+xml;base64,${base64Utf8(diagram.svg)}"></figure>`
    );
  }
  const note = `Not rendered${svgNote !== undefined ? ` (${svgNote})` : ""}; the Mermaid source is shown. Paste it into any Mermaid viewer.`;
  return (
    `<figure id="${escapeHtml(anchor("diagram", diagram.id))}">${caption}<p class="sb-note">${escapeHtml(note)}</p>` +
    `<pre class="mermaid-source">${escapeHtml(diagram.mermaid)}</pre></figure>`
  );
}

function findingsSection(findings: readonly Finding[], waived: readonly Finding[], catalog: Catalog): string {
  const names = new Map(catalog.services.map((s) => [s.id, s.name]));
  const data = findings.map((f) => ({
    severity: f.severity,
    rule: f.ruleId,
    service: f.target.service ?? f.target.experience ?? "",
  }));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const rows = findings
    .map((f, i) => {
      const where = f.target.service ?? f.target.experience ?? "(catalog)";
      const whereName = f.target.service !== undefined ? names.get(f.target.service) : undefined;
      return (
        `<tr data-index="${i}"><td class="sev sev-${f.severity}">${escapeHtml(f.severity)}</td>` +
        `<td><code>${escapeHtml(f.ruleId)}</code></td>` +
        `<td>${escapeHtml(where)}${whereName !== undefined ? `<br><span class="muted">${escapeHtml(whereName)}</span>` : ""}</td>` +
        `<td>${escapeHtml(f.message)}<br><span class="muted">${escapeHtml(f.target.path)}</span></td>` +
        `<td class="num">${number(f.burden.annualHours)}</td>` +
        `<td>${escapeHtml(f.remediation)}</td></tr>`
      );
    })
    .join("");
  const filter = (name: string, label: string): string =>
    `<label>${escapeHtml(label)}<select id="sb-filter-${name}" disabled><option value="">all</option></select></label>`;
  const waivedRows = waived
    .map(
      (f) =>
        `<tr><td><code>${escapeHtml(f.ruleId)}</code></td><td>${escapeHtml(f.target.path)}</td><td>${escapeHtml(f.message)}</td>` +
        `<td>${escapeHtml(f.waiver?.justification ?? "")}${f.waiver?.note !== undefined ? `: ${escapeHtml(f.waiver.note)}` : ""}</td>` +
        `<td>${escapeHtml(f.waiver?.expires ?? "")}</td></tr>`,
    )
    .join("");
  return (
    `<section id="findings"><h2>Findings</h2>` +
    `<p>${count(findings.length, "active finding")}: <span class="sev sev-error">${count(counts.error, "error")}</span>, ` +
    `<span class="sev sev-warning">${count(counts.warning, "warning")}</span>, <span class="sev sev-info">${counts.info} info</span>; ` +
    `${number(waived.length)} waived.</p>` +
    `<div class="sb-filters">${filter("severity", "Severity")}${filter("rule", "Rule")}${filter("service", "Service or experience")}` +
    `<span id="sb-findings-count" class="muted" aria-live="polite"></span></div>` +
    `<script type="application/json" id="sb-findings-data">${jsonForScript(data)}</script>` +
    `<table id="sb-findings"><thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Finding</th><th class="num">Hours a year</th><th>Remediation</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>` +
    (waived.length > 0
      ? `<h3>Waived</h3><table><thead><tr><th>Rule</th><th>Where</th><th>Finding</th><th>Justification</th><th>Expires</th></tr></thead><tbody>${waivedRows}</tbody></table>`
      : "") +
    `</section>`
  );
}

function burdenSection(burden: BurdenReport, catalog: Catalog): string {
  const names = new Map(catalog.services.map((s) => [s.id, s.name]));
  const byHours = <T extends { readonly annualHours: number }>(items: readonly T[], key: (t: T) => string): T[] =>
    [...items].sort((a, b) => b.annualHours - a.annualHours || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const services = byHours(burden.services, (s) => s.service).filter((s) => s.annualHours > 0);
  const shown = services.slice(0, 25);
  const serviceBars: Bar[] = shown.map((s) => ({ label: names.get(s.service) ?? s.service, value: s.annualHours, note: `${number(s.annualHours)} h` }));
  const split = burden.total.split;
  const categoryBars: Bar[] = (["compliance", "learning", "psychological"] as const)
    .map((category) => ({ label: category, value: split[category], note: `${number(split[category])} h` }))
    .sort((a, b) => b.value - a.value)
    .filter((bar) => bar.value > 0);
  const unknownVolume = burden.services.filter((s) => !s.volumeKnown).length;
  const experienceNames = new Map(catalog.lifeExperiences.map((e) => [e.id, e.name]));
  const experiences = byHours(burden.experiences, (e) => e.experience);
  return (
    `<section id="burden"><h2>Burden: where the hours go</h2>` +
    `<div class="sb-figures">${figure(`${number(burden.total.annualHours)} h`, "customer hours a year")}` +
    figure(dollars(burden.total.annualCost), `their cost a year (at $${number(burden.hourValue, 2)} an hour, with fees)`) +
    figure(number(burden.total.customersPerYear), "customers a year") +
    figure(dollars(burden.total.annualFees), "fees paid a year") +
    `</div>` +
    (unknownVolume > 0
      ? `<p class="muted">${number(unknownVolume)} of ${number(burden.services.length)} services have no annual volume; their hours count as 0.</p>`
      : "") +
    (serviceBars.length > 0
      ? `<h3>By service${services.length > shown.length ? ` (the ${shown.length} largest of ${services.length})` : ""}</h3>${barChart(serviceBars, "Customer hours a year by service")}`
      : `<p class="muted">No burden recorded (no customer minutes with an annual volume).</p>`) +
    (categoryBars.length > 0 ? `<h3>By category of cost</h3>${barChart(categoryBars, "Customer hours a year by category of cost")}` : "") +
    (experiences.length > 0
      ? `<h3>By life experience</h3><table><thead><tr><th>Life experience</th><th class="num">Hours a year</th><th class="num">Cost a year</th></tr></thead><tbody>` +
        experiences
          .map(
            (e) =>
              `<tr><td>${escapeHtml(experienceNames.get(e.experience) ?? e.experience)}</td><td class="num">${number(e.annualHours)}</td>` +
              `<td class="num">${dollars(e.annualCost)}</td></tr>`,
          )
          .join("") +
        `</tbody></table>`
      : "") +
    `</section>`
  );
}

function feedbackHtml(service: Service): string {
  if (service.feedback.length === 0) return "";
  const summary = summarizeFeedback(service);
  const recent = summary.quarters.slice(-4);
  if (recent.length === 0) return "";
  const drivers = [...new Set(recent.flatMap((q) => q.drivers.filter((d) => d.mean !== null).map((d) => d.driver)))];
  const head = `<tr><th>Quarter</th><th class="num">Respondents</th><th class="num">Response rate</th>${drivers.map((d) => `<th class="num">${escapeHtml(d)} (agree)</th>`).join("")}</tr>`;
  const rows = recent
    .map((q) => {
      const cells = drivers.map((d) => {
        const figure = q.drivers.find((x) => x.driver === d);
        return `<td class="num">${figure?.mean != null ? `${figure.mean.toFixed(2)} (${percent(figure.agreeShare)})` : "–"}</td>`;
      });
      return (
        `<tr><td>${escapeHtml(q.label)}</td><td class="num">${q.respondents === null ? "–" : number(q.respondents)}</td>` +
        `<td class="num">${percent(q.responseRate)}</td>${cells.join("")}</tr>`
      );
    })
    .join("");
  const missing =
    summary.missingQuarters.length > 0
      ? `<p class="muted">Quarters missing: ${summary.missingQuarters.map((q) => escapeHtml(q.label)).join(", ")}.</p>`
      : "";
  return `<h4>A-11 customer feedback (${number(summary.collections)} collections; latest quarters, mean of 5)</h4><table><thead>${head}</thead><tbody>${rows}</tbody></table>${missing}`;
}

/** What the sections look up, built once per report: the catalog's index, and burden and finding counts by service. */
interface Lookups {
  readonly index: CatalogIndex;
  /** The burden of each service (the first row with its id). */
  readonly hours: ReadonlyMap<string, ServiceBurden>;
  /** Findings by severity per service (findings on the service or its steps). */
  readonly counts: ReadonlyMap<string, Record<Severity, number>>;
}

function lookups(catalog: Catalog, findings: readonly Finding[], burden: BurdenReport | undefined): Lookups {
  const counts = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    if (f.target.service === undefined) continue;
    let tally = counts.get(f.target.service);
    if (tally === undefined) {
      tally = { error: 0, warning: 0, info: 0 };
      counts.set(f.target.service, tally);
    }
    tally[f.severity] += 1;
  }
  const hours = new Map<string, ServiceBurden>();
  for (const row of burden?.services ?? []) if (!hours.has(row.service)) hours.set(row.service, row);
  return { index: indexCatalog(catalog), hours, counts };
}

function serviceSection(service: Service, diagrams: readonly HtmlReportDiagram[], lookups: Lookups, svgNote: string | undefined): string {
  const { index } = lookups;
  const channelName = (id: string): string => index.channels.get(id)?.name ?? id;
  const agencyName = index.agencies.get(service.agency)?.name;
  const hours = lookups.hours.get(service.id);
  const counts = lookups.counts.get(service.id) ?? { error: 0, warning: 0, info: 0 };
  const steps = service.steps
    .map(
      (step) =>
        `<tr><td><code>${escapeHtml(step.id)}</code></td><td>${escapeHtml(step.name)}</td><td>${escapeHtml(step.lane)}</td>` +
        `<td>${step.channel !== undefined ? escapeHtml(channelName(step.channel)) : ""}</td>` +
        `<td class="num">${step.customerMinutes > 0 ? number(step.customerMinutes) : ""}</td>` +
        `<td class="num">${step.waitDays > 0 ? number(step.waitDays) : ""}</td></tr>`,
    )
    .join("");
  return (
    `<section id="${escapeHtml(anchor("service", service.id))}"><h3>${escapeHtml(service.name)}</h3>` +
    `<p><span class="sb-tag">${escapeHtml(service.id)}</span><span class="sb-tag">${escapeHtml(agencyName ?? service.agency)}</span>` +
    `<span class="sb-tag">${escapeHtml(service.kind)}</span>${service.designated ? '<span class="sb-tag">HISP designated</span>' : ""}</p>` +
    (service.description !== undefined ? `<p>${escapeHtml(service.description)}</p>` : "") +
    `<p>Occasion: ${escapeHtml(service.occasion.story ?? service.occasion.kind)}. ` +
    `Annual volume: ${service.occasion.annualVolume !== undefined ? number(service.occasion.annualVolume) : "unknown"}. ` +
    `Offering: ${escapeHtml(service.offering.name)} (${escapeHtml(service.offering.kind)}). ` +
    `Channels: ${service.channels.map((c) => escapeHtml(channelName(c))).join(", ") || "none"}.</p>` +
    `<p>Findings: ${count(counts.error, "error")}, ${count(counts.warning, "warning")}, ${counts.info} info` +
    (hours !== undefined ? `; ${number(hours.annualHours)} customer hours a year, ${number(hours.minutesPerCustomer)} minutes per customer.` : ".") +
    `</p>` +
    `<details><summary>${count(service.steps.length, "step")}</summary><table><thead><tr><th>Id</th><th>Step</th><th>Lane</th><th>Channel</th><th class="num">Minutes</th><th class="num">Wait days</th></tr></thead><tbody>${steps}</tbody></table></details>` +
    feedbackHtml(service) +
    diagrams.map((d) => diagramHtml(d, svgNote)).join("") +
    `</section>`
  );
}

function experienceSection(experience: LifeExperience, diagrams: readonly HtmlReportDiagram[], lookups: Lookups, svgNote: string | undefined): string {
  const name = (id: string): string => lookups.index.services.get(id)?.name ?? id;
  const links = experience.links
    .map(
      (link) =>
        `<tr><td><code>${escapeHtml(link.id)}</code></td><td>${escapeHtml(link.kind)}</td>` +
        `<td>${escapeHtml(name(link.from.service))} / ${escapeHtml(link.from.step)}</td>` +
        `<td>${escapeHtml(name(link.to.service))} / ${escapeHtml(link.to.step)}</td>` +
        `<td>${escapeHtml(link.label ?? "")}</td></tr>`,
    )
    .join("");
  return (
    `<section id="${escapeHtml(anchor("experience", experience.id))}"><h3>${escapeHtml(experience.name)}</h3>` +
    (experience.description !== undefined ? `<p>${escapeHtml(experience.description)}</p>` : "") +
    `<p>Services: ${experience.services.map((s) => `<a href="#${escapeHtml(anchor("service", s))}">${escapeHtml(name(s))}</a>`).join(", ")}.</p>` +
    (links !== ""
      ? `<table><thead><tr><th>Link</th><th>Kind</th><th>From</th><th>To</th><th>Label</th></tr></thead><tbody>${links}</tbody></table>`
      : "") +
    diagrams.map((d) => diagramHtml(d, svgNote)).join("") +
    `</section>`
  );
}

/**
 * Renders the HTML report: one self-contained page that works offline. Pure: the same input gives the same
 * page; SVG rendering (which needs a browser) is done by the caller and passed in `diagrams`.
 *
 * Every catalog string is escaped, diagrams are embedded as images (nothing in them can run), and a
 * Content-Security-Policy allows only the page's own filter script. Findings are listed worst first, in the
 * linter's order within a severity; filters by severity, rule and service work in any browser with JavaScript,
 * and the table reads fine without it.
 *
 * @param input - the catalog, and optionally findings, burden figures and diagrams
 * @returns the HTML document
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { lintCatalog, renderHtmlReport } from "service-blueprint";
 * const lint = lintCatalog(catalog);
 * writeFileSync("report.html", renderHtmlReport({ catalog, findings: lint.findings, waived: lint.waived }));
 * ```
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { catalog } = input;
  const title = input.title ?? catalog.name;
  const findings = [...(input.findings ?? [])].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
  const diagrams = input.diagrams ?? [];
  const forService = new Map<string, HtmlReportDiagram[]>();
  const forExperience = new Map<string, HtmlReportDiagram[]>();
  const other: HtmlReportDiagram[] = [];
  for (const diagram of diagrams) {
    if (diagram.service !== undefined) forService.set(diagram.service, [...(forService.get(diagram.service) ?? []), diagram]);
    else if (diagram.experience !== undefined) forExperience.set(diagram.experience, [...(forExperience.get(diagram.experience) ?? []), diagram]);
    else other.push(diagram);
  }
  const lookup = lookups(catalog, findings, input.burden);
  const steps = catalog.services.reduce((n, s) => n + s.steps.length, 0);
  const linted = input.findings !== undefined;
  const nav = [
    input.burden !== undefined ? `<li><a href="#burden">Burden</a></li>` : "",
    linted ? `<li><a href="#findings">Findings</a></li>` : "",
    catalog.lifeExperiences.length > 0 ? `<li><a href="#experiences">Life experiences</a></li>` : "",
    `<li><a href="#services">Services</a></li>`,
  ].join("");
  const body =
    `<header><h1>${escapeHtml(title)}</h1>` +
    (catalog.description !== undefined ? `<p>${escapeHtml(catalog.description)}</p>` : "") +
    `<p class="muted">${input.source !== undefined ? `${escapeHtml(input.source)}: ` : ""}${count(catalog.services.length, "service")}, ` +
    `${count(steps, "step")}, ${count(catalog.lifeExperiences.length, "life experience")}, ${count(catalog.agencies.length, "agency", "agencies")}` +
    `${input.generatedAt !== undefined ? `; generated ${escapeHtml(input.generatedAt)}` : ""}.</p>` +
    `<nav aria-label="Sections"><ul>${nav}</ul></nav></header><main>` +
    (input.burden !== undefined ? burdenSection(input.burden, catalog) : "") +
    (linted ? findingsSection(findings, input.waived ?? [], catalog) : "") +
    (catalog.lifeExperiences.length > 0
      ? `<section id="experiences"><h2>Life experiences</h2>${catalog.lifeExperiences
          .map((e) => experienceSection(e, forExperience.get(e.id) ?? [], lookup, input.svgNote))
          .join("")}</section>`
      : "") +
    `<section id="services"><h2>Services</h2>${catalog.services
      .map((s) => serviceSection(s, forService.get(s.id) ?? [], lookup, input.svgNote))
      .join("")}</section>` +
    (other.length > 0 ? `<section id="other-diagrams"><h2>Other diagrams</h2>${other.map((d) => diagramHtml(d, input.svgNote)).join("")}</section>` : "") +
    `</main><footer><p class="muted">Made with service-blueprint. This page loads nothing from the network.</p></footer>`;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp())}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>\n<body>${body}` +
    `<script>${REPORT_SCRIPT}</script></body></html>\n`
  );
}
