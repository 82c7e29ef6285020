import * as z from "zod";
import { defineRule } from "../define-rule.js";
import { amountOption, plural } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

const DAY_MS = 86_400_000;

/** A fiscal quarter as one ordinal: fiscalYear × 4 + (quarter − 1). */
function ordinal(fiscalYear: number, quarter: number): number {
  return fiscalYear * 4 + (quarter - 1);
}

/** `FY2024 Q2` for an ordinal. */
function label(value: number): string {
  return `FY${Math.floor(value / 4)} Q${(value % 4) + 1}`;
}

/**
 * The fiscal quarter holding a date. The federal fiscal year N runs from 1 October of N−1 to 30 September of N:
 * Q1 is October to December, Q2 January to March, Q3 April to June, Q4 July to September.
 */
function quarterOf(date: Date): number {
  const month = date.getUTCMonth() + 1;
  const year = date.getUTCFullYear();
  if (month >= 10) return ordinal(year + 1, 1);
  return ordinal(year, month <= 3 ? 2 : month <= 6 ? 3 : 4);
}

/** The last quarter whose report is overdue on `today` (its end plus `graceDays` is before today), if today parses. */
function lastOverdueQuarter(today: string, graceDays: number): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(time)) return undefined;
  // A quarter is overdue when its end is strictly before today − grace: every quarter before the one holding that day.
  return quarterOf(new Date(time - graceDays * DAY_MS)) - 1;
}

/**
 * Flags a designated service whose quarterly A-11 feedback has holes: quarters missing between the first and the
 * last it reported, or quarters now overdue after the last one it reported.
 *
 * Precisely: take the distinct fiscal quarters the service's `feedback` reports. Every quarter strictly between
 * the earliest and the latest that is not reported is a gap. When `checkRecent` is on, every quarter after the
 * latest reported one whose report is overdue on `today` (the quarter ended more than `graceDays` days before) is
 * missing too. A service with no feedback at all is left to `no-feedback-point`.
 *
 * @example
 * ```ts
 * import { feedbackQuartersMissing } from "service-blueprint";
 * feedbackQuartersMissing.meta.id; // "feedback-quarters-missing"
 * feedbackQuartersMissing.meta.options.parse({}); // { graceDays: 30, checkRecent: true, maxListed: 8 }
 * ```
 */
export const feedbackQuartersMissing = defineRule({
  meta: {
    id: "feedback-quarters-missing",
    title: "Quarterly feedback missing",
    category: "a11",
    categories: ["a11"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A designated service's feedback skips fiscal quarters between its first and last report, or has not reported quarters that are now overdue (due `graceDays` after the quarter ends).",
    rationale:
      "Section 280 feedback is reported every quarter, within 30 days after the quarter ends, and performance.gov shows a " +
      "red indicator when no data came in. A gap breaks the trend a team needs to show that changes worked, and a stale " +
      "series means the service is not reporting.",
    sources: [SOURCES.a11Reporting, SOURCES.a11Handbook],
    remediation: "Report the missing quarters (or record why no customers were served), and keep the quarterly collection running.",
    options: z.strictObject({
      graceDays: amountOption(30, "Days after a quarter ends before its report is due"),
      checkRecent: z.boolean().default(true).describe("Also flag overdue quarters after the latest one reported (uses the lint date)"),
      maxListed: z.number().int().min(1).default(8).describe("Most missing quarters named in the message"),
    }),
  },
  check(ctx) {
    const { graceDays, checkRecent, maxListed } = ctx.options;
    const overdue = checkRecent ? lastOverdueQuarter(ctx.today, graceDays) : undefined;
    for (const service of ctx.catalog.services) {
      if (!service.designated || service.feedback.length === 0) continue;
      const reported = new Set<number>();
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const collection of service.feedback) {
        const value = ordinal(collection.fiscalYear, collection.quarter);
        reported.add(value);
        if (value < first) first = value;
        if (value > last) last = value;
      }
      // Quarters are bounded by the schema's fiscal years (1990-2200), so these walks are short.
      const gaps: number[] = [];
      for (let q = first + 1; q < last; q++) if (!reported.has(q)) gaps.push(q);
      const late: number[] = [];
      if (overdue !== undefined) for (let q = last + 1; q <= overdue; q++) late.push(q);
      const missing = [...gaps, ...late];
      if (missing.length === 0) continue;
      const shown = missing.slice(0, maxListed).map(label);
      const more = missing.length > shown.length ? ` and ${missing.length - shown.length} more` : "";
      const evidence = [`reported: ${plural(reported.size, "quarter")} from ${label(first)} to ${label(last)}`];
      if (gaps.length > 0) evidence.push(`gaps between reports: ${plural(gaps.length, "quarter")}`);
      if (late.length > 0) evidence.push(`overdue on ${ctx.today}: ${late.length > 1 ? `${label(late[0]!)} to ` : ""}${label(late[late.length - 1]!)}`);
      ctx.report({
        target: { service: service.id },
        message: `Designated service '${service.id}' is missing feedback for ${plural(missing.length, "quarter")}: ${shown.join(", ")}${more}`,
        evidence,
      });
    }
  },
});

export default feedbackQuartersMissing;
