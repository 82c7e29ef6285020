/**
 * The top of the HTML report, for a reader with thirty seconds: the rounded totals, the five findings that cost
 * customers the most hours in plain words, the as-is vs to-be change, and, for a catalog of feedback only (the
 * services imported from A-11 data, with no steps modelled), its A-11 scores and a table of those services.
 */
import type { CatalogIndex } from "../../model/index-lookup.js";
import type { Catalog, Service } from "../../model/schema.js";
import { type FeedbackQuarterSummary, summarizeFeedback } from "../../model/feedback-summary.js";
import type { BurdenReport } from "../../sludge/burden.js";
import type { CatalogComparison } from "../../sludge/compare.js";
import type { Finding } from "../../sludge/types.js";
import { escapeHtml } from "./escape.js";
import { anchor, count, figureCard, number, percent, roughDollars, roughly } from "./format.js";

/**
 * Whether a service has no steps modelled: one step with no flow, no minutes, no wait, no fee and only assumed
 * facts, such as the placeholder the A-11 importer makes for a service the feedback data names. Such a service
 * has nothing to draw; the report lists it in a table with its feedback instead of giving it a diagram.
 *
 * @internal
 */
export function hasNoModelledSteps(service: Service): boolean {
  if (service.steps.length !== 1) return false;
  const [step] = service.steps;
  return (
    step !== undefined &&
    step.next.length === 0 &&
    step.customerMinutes === 0 &&
    step.holdMinutes === 0 &&
    step.travelMinutes === 0 &&
    step.waitDays === 0 &&
    step.fee === 0 &&
    step.evidence === "assumed"
  );
}

/**
 * The as-is vs to-be comparison given to `renderHtmlReport`: `compareCatalogs(asIs, toBe)`, the to-be catalog
 * (for the names of the services it adds) and its file name as given.
 *
 * @example
 * ```ts
 * import { compareCatalogs, renderHtmlReport, type HtmlReportComparison } from "service-blueprint";
 * const compare: HtmlReportComparison = { comparison: compareCatalogs(asIs, toBe), catalog: toBe, source: "to-be.yaml" };
 * renderHtmlReport({ catalog: asIs, compare });
 * ```
 */
export interface HtmlReportComparison {
  /** `compareCatalogs(asIs, toBe)`, with the report's catalog as the as-is. */
  readonly comparison: CatalogComparison;
  /** The to-be catalog. */
  readonly catalog: Catalog;
  /** The to-be catalog's file name as the user gave it (an absolute path shows its last part only). */
  readonly source?: string | undefined;
}

/** A finding's place in words: the service (or life experience) by name, and the step by name. */
export function placeInWords(finding: Finding, index: CatalogIndex): { readonly text: string; readonly href?: string } {
  const { service: serviceId, step: stepId, experience: experienceId } = finding.target;
  if (serviceId !== undefined) {
    const service = index.services.get(serviceId);
    const name = service?.name ?? serviceId;
    const step = stepId !== undefined ? service?.steps.find((s) => s.id === stepId) : undefined;
    const text = stepId !== undefined ? `${name}, at “${step?.name ?? stepId}”` : name;
    return service !== undefined ? { text, href: `#${anchor("service", serviceId)}` } : { text };
  }
  if (experienceId !== undefined) {
    const experience = index.lifeExperiences.get(experienceId);
    return experience !== undefined
      ? { text: experience.name, href: `#${anchor("experience", experienceId)}` }
      : { text: experienceId };
  }
  return { text: "the catalog as a whole" };
}

/** The five findings with the most customer hours (ties: worst severity, then the linter's order). */
export function topFindings(findings: readonly Finding[], n = 5): TopFinding[] {
  const top: TopFinding[] = [];
  const byPlace = new Map<string, { lead: Finding; also: Finding[] }>();
  for (const finding of findings) {
    if (finding.burden.annualHours <= 0) continue;
    // Findings on one step price the same minutes from different angles (a 90-minute learning step is both a
    // learning cost and a lengthy step): one line per place, led by its costliest finding, so nothing is counted twice.
    const place = finding.target.kind === "step" ? `${finding.target.service}\u0000${finding.target.step}` : undefined;
    const same = place === undefined ? undefined : byPlace.get(place);
    if (same !== undefined) {
      same.also.push(finding);
      continue;
    }
    if (top.length === n) continue;
    const entry = { lead: finding, also: [] as Finding[] };
    if (place !== undefined) byPlace.set(place, entry);
    top.push(entry);
  }
  return top;
}

/** One line of the summary's top list: the costliest finding at a place, and the others at the same step. */
export interface TopFinding {
  readonly lead: Finding;
  readonly also: readonly Finding[];
}

/** A-11 driver scores over the latest quarter of each service, weighted by answers. */
interface DriverScore {
  readonly driver: string;
  readonly mean: number;
  readonly agreeShare: number | null;
  readonly answers: number;
}

/** The latest quarter with figures of each service that has feedback. */
function latestQuarters(services: readonly Service[]): Map<string, FeedbackQuarterSummary> {
  const out = new Map<string, FeedbackQuarterSummary>();
  for (const service of services) {
    if (service.feedback.length === 0) continue;
    const quarters = summarizeFeedback(service).quarters;
    const latest = quarters[quarters.length - 1];
    if (latest !== undefined) out.set(service.id, latest);
  }
  return out;
}

function driverScores(latest: ReadonlyMap<string, FeedbackQuarterSummary>): DriverScore[] {
  const sums = new Map<string, { mean: number; agree: number; agreeAnswers: number; answers: number }>();
  for (const quarter of latest.values()) {
    for (const figure of quarter.drivers) {
      if (figure.mean === null || figure.answers <= 0) continue;
      const sum = sums.get(figure.driver) ?? { mean: 0, agree: 0, agreeAnswers: 0, answers: 0 };
      sum.mean += figure.mean * figure.answers;
      sum.answers += figure.answers;
      if (figure.agreeShare !== null) {
        sum.agree += figure.agreeShare * figure.answers;
        sum.agreeAnswers += figure.answers;
      }
      sums.set(figure.driver, sum);
    }
  }
  return [...sums].map(([driver, s]) => ({
    driver,
    mean: s.mean / s.answers,
    agreeShare: s.agreeAnswers > 0 ? s.agree / s.agreeAnswers : null,
    answers: s.answers,
  }));
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The A-11 scores of a catalog: one card per driver (mean of 5, share agreeing), over each service's latest quarter. */
function feedbackScores(services: readonly Service[]): string {
  const latest = latestQuarters(services);
  const scores = driverScores(latest);
  if (scores.length === 0) return "";
  let respondents = 0;
  for (const quarter of latest.values()) respondents += quarter.respondents ?? 0;
  return (
    `<h3>A-11 customer feedback</h3>` +
    `<div class="sb-figures">${scores
      .map((s) => figureCard(`${s.mean.toFixed(1)} of 5`, `${capital(s.driver)}: ${percent(s.agreeShare)} agree`))
      .join("")}</div>` +
    `<p class="muted">The latest quarter of each of ${count(latest.size, "service")} with feedback` +
    `${respondents > 0 ? `, ${number(respondents)} respondents` : ""}; means weighted by answers.</p>`
  );
}

/**
 * The table of services without modelled steps: agency, channels, latest quarter, respondents and the A-11
 * scores of that quarter, one row a service.
 */
export function steplessTable(services: readonly Service[], index: CatalogIndex): string {
  const latest = latestQuarters(services);
  const drivers = [...new Set([...latest.values()].flatMap((q) => q.drivers.filter((d) => d.mean !== null).map((d) => d.driver)))];
  const head =
    `<tr><th scope="col">Service</th><th scope="col">Agency</th><th scope="col">Channels</th><th scope="col">Latest quarter</th>` +
    `<th scope="col" class="num">Respondents</th>${drivers.map((d) => `<th scope="col" class="num">${escapeHtml(capital(d))}</th>`).join("")}</tr>`;
  const rows = services
    .map((service) => {
      const quarter = latest.get(service.id);
      const channels = service.channels.map((c) => index.channels.get(c)?.name ?? c).join(", ");
      const cells = drivers.map((d) => {
        const figure = quarter?.drivers.find((x) => x.driver === d);
        return `<td class="num">${figure?.mean != null ? figure.mean.toFixed(2) : "–"}</td>`;
      });
      return (
        `<tr><td><a href="#${escapeHtml(anchor("service", service.id))}">${escapeHtml(service.name)}</a></td>` +
        `<td>${escapeHtml(index.agencies.get(service.agency)?.name ?? service.agency)}</td><td>${escapeHtml(channels)}</td>` +
        `<td>${quarter !== undefined ? escapeHtml(quarter.label) : "–"}</td>` +
        `<td class="num">${quarter?.respondents != null ? number(quarter.respondents) : "–"}</td>${cells.join("")}</tr>`
      );
    })
    .join("");
  return `<table class="sb-stepless"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** The as-is vs to-be change in one or two sentences. */
function comparisonSentences(compare: HtmlReportComparison): string {
  const { comparison } = compare;
  const delta = comparison.burden.total.delta;
  const before = comparison.burden.before.total.annualHours;
  const saves = delta.annualHours < 0;
  const share = before > 0 && delta.annualHours !== 0 ? ` (${percent(Math.abs(delta.annualHours) / before)})` : "";
  const hours =
    delta.annualHours === 0
      ? "leaves the customer hours a year unchanged"
      : `${saves ? "saves" : "adds"} about ${roughly(Math.abs(delta.annualHours))} customer hours a year${share}` +
        (delta.annualCost !== 0 ? ` and ${roughDollars(Math.abs(delta.annualCost))} of their time and fees` : "");
  const minutes =
    delta.minutesPerCustomer !== 0
      ? ` Each customer spends ${roughly(Math.abs(delta.minutesPerCustomer))} minutes ${delta.minutesPerCustomer < 0 ? "less" : "more"}` +
        (delta.waitDaysPerCustomer !== 0 ? ` and waits ${roughly(Math.abs(delta.waitDaysPerCustomer))} days ${delta.waitDaysPerCustomer < 0 ? "less" : "more"}` : "") +
        "."
      : "";
  const steps = comparison.steps;
  const name = compare.source !== undefined ? ` (${escapeHtml(compare.source)})` : "";
  return (
    `<p>The to-be design${name} ${hours}.${minutes}</p>` +
    `<p>${count(steps.added.length, "step")} added, ${number(steps.removed.length)} removed and ${number(steps.changed.length)} changed; ` +
    `${count(comparison.fixed.length, "finding")} fixed and ${number(comparison.introduced.length)} introduced.</p>`
  );
}

/** What the executive summary draws. */
export interface SummaryInput {
  readonly catalog: Catalog;
  readonly index: CatalogIndex;
  /** Active findings, in the report's order (most hours first). */
  readonly findings: readonly Finding[] | undefined;
  readonly burden: BurdenReport | undefined;
  readonly compare: HtmlReportComparison | undefined;
  /** Rule titles by rule id. */
  readonly titles: ReadonlyMap<string, string>;
  /** Services without modelled steps. */
  readonly stepless: readonly Service[];
}

/** The executive summary: the first section of the report. */
export function summarySection(input: SummaryInput): string {
  const { catalog, burden, index } = input;
  const feedbackOnly = catalog.services.length > 0 && input.stepless.length === catalog.services.length;
  const total = burden?.total;
  const totals =
    total !== undefined && total.annualHours > 0
      ? `<div class="sb-figures">${figureCard(`about ${roughly(total.annualHours)}`, "customer hours a year")}` +
        figureCard(`about ${roughDollars(total.annualCost)}`, "their time and fees, a year") +
        figureCard(`about ${roughly(total.customersPerYear)}`, "customers a year") +
        `</div>`
      : "";
  const scores = feedbackScores(catalog.services);
  let top = "";
  if (input.findings !== undefined) {
    const worst = topFindings(input.findings);
    top =
      worst.length > 0
        ? `<h3>Where customers lose the most time</h3><ol class="sb-top">${worst
            .map(({ lead: f, also }) => {
              const place = placeInWords(f, index);
              const where = place.href !== undefined ? `<a href="${escapeHtml(place.href)}">${escapeHtml(place.text)}</a>` : escapeHtml(place.text);
              const others = [...new Set(also.map((a) => (input.titles.get(a.ruleId) ?? a.ruleId).toLowerCase()))];
              return (
                `<li><strong>${escapeHtml(input.titles.get(f.ruleId) ?? f.message)}</strong> in ${where}: ` +
                `about ${roughly(f.burden.annualHours)} hours a year` +
                (f.burden.customersPerYear > 0 ? ` for ${roughly(f.burden.customersPerYear)} customers` : "") +
                (others.length > 0 ? ` (the same step is also flagged as ${escapeHtml(others.join(", "))}; its hours overlap and are not added)` : "") +
                `.</li>`
              );
            })
            .join("")}</ol>`
        : `<p>No finding costs customers time that can be counted${total !== undefined && total.customersPerYear === 0 ? " (no service has an annual volume)" : ""}.</p>`;
  }
  const lead = feedbackOnly
    ? `<p>${count(catalog.services.length, "service")} with A-11 feedback and no steps modelled yet, so no customer hours are counted: ` +
      `the scores come first, then the services in a table.</p>`
    : "";
  return (
    `<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>` +
    lead +
    (feedbackOnly ? scores + totals : totals) +
    top +
    (input.compare !== undefined ? `<h3>As-is vs to-be</h3>${comparisonSentences(input.compare)}` : "") +
    (!feedbackOnly ? scores : "") +
    `</section>`
  );
}

/** The as-is vs to-be table: each service whose hours changed, the largest saving first. */
export function compareSection(compare: HtmlReportComparison, asIs: CatalogIndex): string {
  const toBeNames = new Map(compare.catalog.services.map((s) => [s.id, s.name]));
  const rows = compare.comparison.burden.services
    .filter((row) => row.delta.annualHours !== 0 || row.before === undefined || row.after === undefined)
    .sort((a, b) => a.delta.annualHours - b.delta.annualHours || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const hours = (value: number | undefined): string => (value === undefined ? "–" : number(value));
  const body = rows
    .map((row) => {
      const name = toBeNames.get(row.id) ?? asIs.services.get(row.id)?.name ?? row.id;
      const note = row.before === undefined ? " (new)" : row.after === undefined ? " (removed)" : "";
      const change = row.delta.annualHours;
      return (
        `<tr><td>${escapeHtml(name)}${note}</td><td class="num">${hours(row.before?.annualHours)}</td>` +
        `<td class="num">${hours(row.after?.annualHours)}</td><td class="num">${change > 0 ? "+" : ""}${number(change)}</td></tr>`
      );
    })
    .join("");
  const total = compare.comparison.burden.total;
  return (
    `<section id="compare"><h2>As-is vs to-be</h2>${comparisonSentences(compare)}` +
    (rows.length > 0
      ? `<table><thead><tr><th scope="col">Service</th><th scope="col" class="num">Hours a year, as-is</th><th scope="col" class="num">To-be</th>` +
        `<th scope="col" class="num">Change</th></tr></thead><tbody>${body}</tbody><tfoot><tr><th scope="row">Total</th>` +
        `<td class="num">${hours(total.before?.annualHours)}</td><td class="num">${hours(total.after?.annualHours)}</td>` +
        `<td class="num">${total.delta.annualHours > 0 ? "+" : ""}${number(total.delta.annualHours)}</td></tr></tfoot></table>`
      : `<p class="muted">No service's hours changed.</p>`) +
    `</section>`
  );
}
