/**
 * The HTML report: one self-contained page (no network, no CDN). It opens with an executive summary (rounded
 * totals, the five findings with the most hours, the as-is vs to-be change), then the findings sortable by hours,
 * the burden figures and charts, the life experiences and services with their diagrams at 100%, and A-11 feedback.
 *
 * Safety: every catalog string is escaped; diagrams are embedded as `<img src="data:image/svg+xml;base64,…">`, so
 * nothing inside them can run; the findings data sits in a `<script type="application/json">` with `<` escaped;
 * and a Content-Security-Policy allows only the report's own script (by hash), inline styles and `data:` images.
 */
import { type CatalogIndex, indexCatalog } from "../../model/index-lookup.js";
import type { Catalog, LifeExperience, Service } from "../../model/schema.js";
import { summarizeFeedback } from "../../model/feedback-summary.js";
import type { BurdenReport, ServiceBurden } from "../../sludge/burden.js";
import type { RuleMeta } from "../../sludge/define-rule.js";
import { builtinRules } from "../../sludge/rules/index.js";
import type { Finding, Severity } from "../../sludge/types.js";
import { type Bar, barChart } from "./chart.js";
import { base64Utf8, escapeHtml, jsonForScript } from "./escape.js";
import { anchor, count, dollars, figureCard, number, percent, shownFileName } from "./format.js";
import { type HtmlReportComparison, compareSection, hasNoModelledSteps, placeInWords, steplessTable, summarySection } from "./summary.js";
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
  readonly service?: string | undefined;
  /** The life experience it shows (life-experience). */
  readonly experience?: string | undefined;
  /** The Mermaid text (shown when there is no SVG). */
  readonly mermaid: string;
  /** The rendered SVG, embedded as an image; leave out when it could not be rendered. */
  readonly svg?: string | undefined;
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
  readonly findings?: readonly Finding[] | undefined;
  /** Waived findings, listed apart with their justification. */
  readonly waived?: readonly Finding[] | undefined;
  /** Where the hours go: the linter's burden report (`lintCatalog(...).burden` or `computeBurden`). */
  readonly burden?: BurdenReport | undefined;
  /** Diagrams, in the order to show them. */
  readonly diagrams?: readonly HtmlReportDiagram[] | undefined;
  /** The page title (default: the catalog's name). */
  readonly title?: string | undefined;
  /** The catalog's file name as the user gave it, shown in the header (an absolute path shows its last part only). */
  readonly source?: string | undefined;
  /**
   * The as-is vs to-be change, when the report is given a to-be catalog: the summary states it and a section
   * lists the services whose hours changed.
   */
  readonly compare?: HtmlReportComparison | undefined;
  /**
   * Rules whose titles name the findings in plain words (the built-in rules are always known; add plugin rules).
   */
  readonly rules?: readonly { readonly meta: Pick<RuleMeta, "id" | "title"> }[] | undefined;
  /** A date or time to show as "generated" (left out by default, so the same input gives the same page). */
  readonly generatedAt?: string | undefined;
  /** Why diagrams have no SVG (e.g. "Chromium was not found"), shown beside the Mermaid source. */
  readonly svgNote?: string | undefined;
}

export type { HtmlReportComparison };

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The CSP of the page: nothing may load; only our script (by hash), inline styles and data: images. */
export function reportCsp(): string {
  return `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src '${REPORT_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;
}

/**
 * The size an SVG is drawn at 100%: its root's `viewBox` (Mermaid writes `width="100%"` and a `max-width`, which
 * an image cannot size itself from), else numeric `width` and `height` attributes.
 *
 * @internal
 */
export function svgSize(svg: string): { readonly width: number; readonly height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (root === undefined) return undefined;
  const box = /\bviewBox\s*=\s*["']\s*[-+\d.eE]+[\s,]+[-+\d.eE]+[\s,]+([\d.eE+]+)[\s,]+([\d.eE+]+)\s*["']/.exec(root);
  const size = (w: number, h: number): { width: number; height: number } | undefined =>
    Number.isFinite(w) && Number.isFinite(h) && w > 0 && h > 0 ? { width: Math.ceil(w), height: Math.ceil(h) } : undefined;
  if (box !== null) return size(Number(box[1]), Number(box[2]));
  const width = /\bwidth\s*=\s*["']([\d.]+)(?:px)?["']/.exec(root);
  const height = /\bheight\s*=\s*["']([\d.]+)(?:px)?["']/.exec(root);
  return width !== null && height !== null ? size(Number(width[1]), Number(height[1])) : undefined;
}

function diagramHtml(diagram: HtmlReportDiagram, svgNote: string | undefined): string {
  const id = anchor("diagram", diagram.id);
  if (diagram.svg !== undefined) {
    const size = svgSize(diagram.svg);
    const dimensions = size !== undefined ? ` width="${size.width}" height="${size.height}"` : "";
    // At 100% in a scroll box that takes the keyboard (tabindex), and a link that shows it alone, full size.
    return (
      `<figure id="${escapeHtml(id)}" class="sb-diagram"><figcaption><span>${escapeHtml(diagram.title)}</span>` +
      (size !== undefined ? ` <span class="muted">${number(size.width)} × ${number(size.height)} px</span>` : "") +
      ` <a class="sb-open" href="#${escapeHtml(id)}" data-full="${escapeHtml(id)}">Open full size</a></figcaption>` +
      `<div class="sb-scroll" tabindex="0" role="region" aria-label="${escapeHtml(`${diagram.title} (scrolls)`)}">` +
      `<img alt="${escapeHtml(diagram.title)}"${dimensions} src="data:image/svg+xml;base64,${base64Utf8(diagram.svg)}"></div></figure>`
    );
  }
  const caption = `<figcaption>${escapeHtml(diagram.title)}</figcaption>`;
  const note = `Not rendered${svgNote !== undefined ? ` (${svgNote})` : ""}; the Mermaid source is shown. Paste it into any Mermaid viewer.`;
  return (
    `<figure id="${escapeHtml(id)}" class="sb-diagram">${caption}<p class="sb-note">${escapeHtml(note)}</p>` +
    `<pre class="mermaid-source">${escapeHtml(diagram.mermaid)}</pre></figure>`
  );
}

/** A sortable column header: a button (so the keyboard reaches it) inside a header that states its order. */
function sortHeader(key: string, label: string, numeric: boolean, sorted?: "descending"): string {
  return (
    `<th scope="col"${numeric ? ' class="num"' : ""}${sorted !== undefined ? ` aria-sort="${sorted}"` : ""}>` +
    `<button type="button" class="sb-sort" data-sort="${key}">${escapeHtml(label)}<span class="sb-sort-arrow" aria-hidden="true"></span></button></th>`
  );
}

function findingsSection(findings: readonly Finding[], waived: readonly Finding[], index: CatalogIndex, titles: ReadonlyMap<string, string>): string {
  const placed = findings.map((f) => placeInWords(f, index));
  const data = findings.map((f, i) => ({
    severity: f.severity,
    rule: f.ruleId,
    service: f.target.service ?? f.target.experience ?? "",
    hours: f.burden.annualHours,
    rank: SEVERITY_RANK[f.severity],
    where: placed[i]!.text,
  }));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const rows = findings
    .map((f, i) => {
      const place = placed[i]!;
      const where = place.href !== undefined ? `<a href="${escapeHtml(place.href)}">${escapeHtml(place.text)}</a>` : escapeHtml(place.text);
      return (
        `<tr data-index="${i}"><td class="num">${number(f.burden.annualHours)}</td>` +
        `<td><strong>${escapeHtml(titles.get(f.ruleId) ?? f.ruleId)}</strong><br>${escapeHtml(f.message)}` +
        `<details class="sb-ids"><summary>Rule and place in the model</summary><code>${escapeHtml(f.ruleId)}</code> at <code>${escapeHtml(f.target.path)}</code></details></td>` +
        `<td>${where}</td><td class="sev sev-${f.severity}">${escapeHtml(f.severity)}</td>` +
        `<td>${escapeHtml(f.remediation)}</td></tr>`
      );
    })
    .join("");
  const filter = (name: string, label: string): string =>
    `<label>${escapeHtml(label)}<select id="sb-filter-${name}" disabled><option value="">all</option></select></label>`;
  const waivedRows = waived
    .map(
      (f) =>
        `<tr><td>${escapeHtml(titles.get(f.ruleId) ?? f.ruleId)}</td><td>${escapeHtml(placeInWords(f, index).text)}</td><td>${escapeHtml(f.message)}</td>` +
        `<td>${escapeHtml(f.waiver?.justification ?? "")}${f.waiver?.note !== undefined ? `: ${escapeHtml(f.waiver.note)}` : ""}</td>` +
        `<td>${escapeHtml(f.waiver?.expires ?? "")}</td></tr>`,
    )
    .join("");
  return (
    `<section id="findings"><h2>Findings</h2>` +
    `<p>${count(findings.length, "active finding")}: <span class="sev sev-error">${count(counts.error, "error")}</span>, ` +
    `<span class="sev sev-warning">${count(counts.warning, "warning")}</span>, <span class="sev sev-info">${counts.info} info</span>; ` +
    `${number(waived.length)} waived. Most hours first; choose a column header to sort by it.</p>` +
    `<div class="sb-filters">${filter("severity", "Severity")}${filter("rule", "Rule")}${filter("service", "Service or experience")}` +
    `<span id="sb-findings-count" class="muted" aria-live="polite"></span></div>` +
    `<script type="application/json" id="sb-findings-data">${jsonForScript(data)}</script>` +
    `<table id="sb-findings"><thead><tr>${sortHeader("hours", "Hours a year", true, "descending")}<th scope="col">Finding</th>` +
    `${sortHeader("where", "Where", false)}${sortHeader("severity", "Severity", false)}<th scope="col">What to do</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>` +
    (waived.length > 0
      ? `<h3>Waived</h3><table><thead><tr><th scope="col">Finding</th><th scope="col">Where</th><th scope="col">Detail</th><th scope="col">Justification</th><th scope="col">Expires</th></tr></thead><tbody>${waivedRows}</tbody></table>`
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
    `<div class="sb-figures">${figureCard(`${number(burden.total.annualHours)} h`, "customer hours a year")}` +
    figureCard(dollars(burden.total.annualCost), `their cost a year (at $${number(burden.hourValue, 2)} an hour, with fees)`) +
    figureCard(number(burden.total.customersPerYear), "customers a year") +
    figureCard(dollars(burden.total.annualFees), "fees paid a year") +
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
        `<tr><td>${escapeHtml(step.name)}</td><td>${escapeHtml(step.lane)}</td>` +
        `<td>${step.channel !== undefined ? escapeHtml(channelName(step.channel)) : ""}</td>` +
        `<td class="num">${step.customerMinutes > 0 ? number(step.customerMinutes) : ""}</td>` +
        `<td class="num">${step.waitDays > 0 ? number(step.waitDays) : ""}</td><td class="muted"><code>${escapeHtml(step.id)}</code></td></tr>`,
    )
    .join("");
  return (
    `<section id="${escapeHtml(anchor("service", service.id))}" class="sb-service"><h3>${escapeHtml(service.name)}</h3>` +
    `<p><span class="sb-tag">${escapeHtml(agencyName ?? service.agency)}</span>` +
    `<span class="sb-tag">${escapeHtml(service.kind)}</span>${service.designated ? '<span class="sb-tag">HISP designated</span>' : ""}` +
    `<span class="muted"> id <code>${escapeHtml(service.id)}</code></span></p>` +
    (service.description !== undefined ? `<p>${escapeHtml(service.description)}</p>` : "") +
    `<p>Occasion: ${escapeHtml((service.occasion.story ?? service.occasion.kind).replace(/\.$/, ""))}. ` +
    `Annual volume: ${service.occasion.annualVolume !== undefined ? number(service.occasion.annualVolume) : "unknown"}. ` +
    `Offering: ${escapeHtml(service.offering.name)} (${escapeHtml(service.offering.kind)}). ` +
    `Channels: ${service.channels.map((c) => escapeHtml(channelName(c))).join(", ") || "none"}.</p>` +
    `<p>Findings: ${count(counts.error, "error")}, ${count(counts.warning, "warning")}, ${counts.info} info` +
    (hours !== undefined ? `; ${number(hours.annualHours)} customer hours a year, ${number(hours.minutesPerCustomer)} minutes per customer.` : ".") +
    `</p>` +
    `<details class="sb-steps"><summary>${count(service.steps.length, "step")}</summary><table><thead><tr><th scope="col">Step</th><th scope="col">Lane</th><th scope="col">Channel</th><th scope="col" class="num">Minutes</th><th scope="col" class="num">Wait days</th><th scope="col">Id</th></tr></thead><tbody>${steps}</tbody></table></details>` +
    feedbackHtml(service) +
    diagrams.map((d) => diagramHtml(d, svgNote)).join("") +
    `</section>`
  );
}

/**
 * A service without modelled steps: no diagram, only what is known (agency, description, feedback), folded so
 * that the table of such services stays the thing a reader sees.
 */
function steplessEntry(service: Service, diagrams: readonly HtmlReportDiagram[], lookups: Lookups, svgNote: string | undefined): string {
  const agencyName = lookups.index.agencies.get(service.agency)?.name ?? service.agency;
  return (
    `<details id="${escapeHtml(anchor("service", service.id))}" class="sb-stepless-entry"><summary>${escapeHtml(service.name)}` +
    ` <span class="muted">${escapeHtml(agencyName)}</span></summary>` +
    (service.description !== undefined ? `<p>${escapeHtml(service.description)}</p>` : "") +
    feedbackHtml(service) +
    diagrams.map((d) => diagramHtml(d, svgNote)).join("") +
    `</details>`
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
 * The page opens with a summary a reader can take in at a glance: rounded totals, the five findings that cost
 * customers the most hours (named by their rule's title, in plain words), and the as-is vs to-be change when
 * `compare` is given. Findings are listed by hours, most first; the column headers sort them (buttons, so the
 * keyboard reaches them), filters by severity, rule and service narrow them, and the table reads fine without
 * JavaScript. Rule ids and model paths sit in a fold of each finding. Each diagram is shown at 100% in a scroll
 * box, with a link that shows it alone at full size. A catalog whose services have no steps modelled (feedback
 * data only) leads with its A-11 scores and lists those services in a table. Printing opens the step lists,
 * starts each service on a new page and leaves out the controls.
 *
 * Every catalog string is escaped, diagrams are embedded as images (nothing in them can run), and a
 * Content-Security-Policy allows only the page's own script.
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
  // Most hours first; then worst severity; then the linter's order (the sort is stable).
  const findings = [...(input.findings ?? [])].sort(
    (a, b) => b.burden.annualHours - a.burden.annualHours || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
  const titles = new Map<string, string>();
  for (const rule of [...builtinRules, ...(input.rules ?? [])]) titles.set(rule.meta.id, rule.meta.title);
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
  const stepless = catalog.services.filter(hasNoModelledSteps);
  const modelled = catalog.services.filter((s) => !hasNoModelledSteps(s));
  const feedbackOnly = modelled.length === 0 && stepless.length > 0;
  const steps = modelled.reduce((n, s) => n + s.steps.length, 0);
  const linted = input.findings !== undefined;
  const showBurden = input.burden !== undefined && !(feedbackOnly && input.burden.total.annualHours === 0);
  const link = (id: string, label: string): string => `<li><a href="#${id}">${label}</a></li>`;
  // A catalog of feedback only has no hours to rank findings by: its services come before its findings.
  const nav = [
    link("summary", "Summary"),
    input.compare !== undefined ? link("compare", "As-is vs to-be") : "",
    feedbackOnly ? link("services", "Services") : "",
    linted ? link("findings", "Findings") : "",
    showBurden ? link("burden", "Burden") : "",
    catalog.lifeExperiences.length > 0 ? link("experiences", "Life experiences") : "",
    feedbackOnly ? "" : link("services", "Services"),
  ].join("");
  const source = input.source !== undefined ? shownFileName(input.source) : undefined;
  const compare =
    input.compare !== undefined && input.compare.source !== undefined ? { ...input.compare, source: shownFileName(input.compare.source) } : input.compare;
  const servicesText =
    stepless.length === 0
      ? `${count(catalog.services.length, "service")}, ${count(steps, "step")}`
      : feedbackOnly
        ? `${count(catalog.services.length, "service")} (none with steps modelled yet)`
        : `${count(catalog.services.length, "service")} (${number(stepless.length)} with no steps modelled yet), ${count(steps, "step")}`;
  const servicesBody =
    modelled.map((s) => serviceSection(s, forService.get(s.id) ?? [], lookup, input.svgNote)).join("") +
    (stepless.length > 0
      ? `<section id="services-without-steps"><h3>Services without steps</h3>` +
        `<p>${count(stepless.length, "service")} named by feedback data, with no steps modelled yet: nothing to draw, so a row each.</p>` +
        steplessTable(stepless, lookup.index) +
        `<h4>Quarterly figures by service</h4>` +
        stepless.map((s) => steplessEntry(s, forService.get(s.id) ?? [], lookup, input.svgNote)).join("") +
        `</section>`
      : "");
  const servicesSection = `<section id="services"><h2>Services</h2>${servicesBody}</section>`;
  const body =
    `<header><h1>${escapeHtml(title)}</h1>` +
    (catalog.description !== undefined ? `<p>${escapeHtml(catalog.description)}</p>` : "") +
    `<p class="muted">${source !== undefined ? `${escapeHtml(source)}: ` : ""}${servicesText}, ${count(catalog.lifeExperiences.length, "life experience")}, ${count(catalog.agencies.length, "agency", "agencies")}` +
    `${input.generatedAt !== undefined ? `; generated ${escapeHtml(input.generatedAt)}` : ""}.</p>` +
    `<nav aria-label="Sections"><ul>${nav}</ul></nav></header><main>` +
    summarySection({ catalog, index: lookup.index, findings: linted ? findings : undefined, burden: input.burden, compare, titles, stepless }) +
    (compare !== undefined ? compareSection(compare, lookup.index) : "") +
    (feedbackOnly ? servicesSection : "") +
    (linted ? findingsSection(findings, input.waived ?? [], lookup.index, titles) : "") +
    (showBurden ? burdenSection(input.burden!, catalog) : "") +
    (catalog.lifeExperiences.length > 0
      ? `<section id="experiences"><h2>Life experiences</h2>${catalog.lifeExperiences
          .map((e) => experienceSection(e, forExperience.get(e.id) ?? [], lookup, input.svgNote))
          .join("")}</section>`
      : "") +
    (feedbackOnly ? "" : servicesSection) +
    (other.length > 0 ? `<section id="other-diagrams"><h2>Other diagrams</h2>${other.map((d) => diagramHtml(d, input.svgNote)).join("")}</section>` : "") +
    `</main><dialog id="sb-full" aria-label="Diagram at full size"><p><button type="button" id="sb-full-close">Close</button></p>` +
    `<div id="sb-full-body"></div></dialog>` +
    `<footer><p class="muted">Made with service-blueprint. This page loads nothing from the network.</p></footer>`;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp())}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>\n<body>${body}` +
    `<script>${REPORT_SCRIPT}</script></body></html>\n`
  );
}
