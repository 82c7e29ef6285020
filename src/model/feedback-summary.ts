/**
 * Derived A-11 feedback figures: per service and fiscal quarter, each driver's mean and share agreeing,
 * respondents and response rate, and each driver's trend over the quarters. Pure functions over a service's
 * `feedback`; nothing here reads text or touches the catalog.
 */
import type { FeedbackCollection, FeedbackQuestion, Service } from "./schema.js";
import { A11_DRIVERS, type A11Driver } from "./vocabulary.js";
import { known } from "../internal/invariant.js";

/** An A-11 driver that figures are computed for: every driver except `custom`. */
export type FeedbackFigureDriver = Exclude<A11Driver, "custom">;

/** The drivers figures are computed for, in A-11 order. */
const FIGURE_DRIVERS: readonly FeedbackFigureDriver[] = A11_DRIVERS.filter(
  (driver): driver is FeedbackFigureDriver => driver !== "custom",
);

/**
 * One driver's figures in one quarter, pooled over every question of that driver in the quarter's collections.
 *
 * @example
 * ```ts
 * import type { FeedbackDriverFigure } from "service-blueprint";
 * const figure: FeedbackDriverFigure = { driver: "ease", questions: 2, answers: 400, mean: 4.21, agreeShare: 0.83 };
 * ```
 */
export interface FeedbackDriverFigure {
  /** The driver. */
  readonly driver: FeedbackFigureDriver;
  /** How many questions fed the figures. */
  readonly questions: number;
  /** Answers counted from the questions' `counts` (questions given only as a mean add none). */
  readonly answers: number;
  /** The mean answer on a 1..5 scale (other scales are mapped linearly onto it), or `null` without data. */
  readonly mean: number | null;
  /** The share of answers that agree (4 or 5 on a 5-point scale; above the midpoint on others), or `null` without counts. */
  readonly agreeShare: number | null;
}

/**
 * A fiscal quarter, labelled the way performance.gov writes it.
 *
 * @example
 * ```ts
 * import type { FiscalQuarter } from "service-blueprint";
 * const q: FiscalQuarter = { fiscalYear: 2023, quarter: 1, label: "FY2023 Q1" };
 * ```
 */
export interface FiscalQuarter {
  /** The federal fiscal year (FY2023 runs from October 2022 to September 2023). */
  readonly fiscalYear: number;
  /** The quarter of the fiscal year, 1 to 4. */
  readonly quarter: number;
  /** `FY2023 Q1`. */
  readonly label: string;
}

/**
 * The feedback of one service in one fiscal quarter.
 *
 * @example
 * ```ts
 * import { summarizeFeedback } from "service-blueprint";
 * const [first] = summarizeFeedback(service).quarters;
 * console.log(first?.label, first?.respondents, first?.responseRate);
 * ```
 */
export interface FeedbackQuarterSummary extends FiscalQuarter {
  /** Collections reported for the quarter (all channels and transaction points). */
  readonly collections: number;
  /** Customers served, summed over the collections that report it; `null` when none does. */
  readonly customers: number | null;
  /** Customers offered the survey, summed likewise. */
  readonly offered: number | null;
  /** Respondents, summed likewise. */
  readonly respondents: number | null;
  /** Respondents ÷ offered, over the collections that report both (and offered > 0); `null` otherwise. */
  readonly responseRate: number | null;
  /** One figure per driver that has questions this quarter, in A-11 order. */
  readonly drivers: readonly FeedbackDriverFigure[];
  /** Questions mapped to no driver (`custom`): counted, not pooled, since they ask different things. */
  readonly customQuestions: number;
  /** v2 collections: positive ÷ (positive + negative) answers to the trust question; `null` without any. */
  readonly trustPositiveShare: number | null;
}

/**
 * One quarter of a driver's trend.
 *
 * @example
 * ```ts
 * import type { FeedbackTrendPoint } from "service-blueprint";
 * const point: FeedbackTrendPoint = { fiscalYear: 2022, quarter: 4, label: "FY2022 Q4", mean: 4.1, agreeShare: 0.8 };
 * ```
 */
export interface FeedbackTrendPoint extends FiscalQuarter {
  /** The driver's mean that quarter (1..5), or `null`. */
  readonly mean: number | null;
  /** The driver's share agreeing that quarter, or `null`. */
  readonly agreeShare: number | null;
}

/**
 * Where a driver went over the quarters it was measured.
 *
 * @example
 * ```ts
 * import { summarizeFeedback } from "service-blueprint";
 * for (const trend of summarizeFeedback(service).trends) console.log(trend.driver, trend.direction, trend.agreeShareChange);
 * ```
 */
export interface FeedbackDriverTrend {
  /** The driver. */
  readonly driver: FeedbackFigureDriver;
  /** Its figures in each quarter it was measured, oldest first. */
  readonly points: readonly FeedbackTrendPoint[];
  /** Last mean minus first mean, or `null` when either is missing or there is one point. */
  readonly meanChange: number | null;
  /** Last share agreeing minus the first, or `null` likewise. */
  readonly agreeShareChange: number | null;
  /**
   * `up`, `down` or `flat` by the change in share agreeing (or, without shares, the change in mean as a share of
   * the 4-point span of the scale) against {@link SummarizeFeedbackOptions.flatThreshold}; `single` with one point.
   */
  readonly direction: "up" | "down" | "flat" | "single";
}

/**
 * The derived feedback figures of one service.
 *
 * @example
 * ```ts
 * import { summarizeFeedback } from "service-blueprint";
 * const summary = summarizeFeedback(service);
 * summary.quarters.map((q) => q.label); // ["FY2022 Q3", "FY2022 Q4", "FY2023 Q1"]
 * summary.missingQuarters; // quarters between the first and the last with no collection
 * ```
 */
export interface FeedbackSummary {
  /** The service's id. */
  readonly service: string;
  /** How many collections the figures come from (after the channel filter, if any). */
  readonly collections: number;
  /** One entry per quarter with at least one collection, oldest first. */
  readonly quarters: readonly FeedbackQuarterSummary[];
  /** One trend per driver measured in any quarter, in A-11 order. */
  readonly trends: readonly FeedbackDriverTrend[];
  /** Quarters between the first and the last reported one that have no collection, oldest first. */
  readonly missingQuarters: readonly FiscalQuarter[];
}

/**
 * Options of {@link summarizeFeedback}.
 *
 * @example
 * ```ts
 * import { summarizeFeedback } from "service-blueprint";
 * summarizeFeedback(service, { channel: "irs-web", flatThreshold: 0.02 });
 * ```
 */
export interface SummarizeFeedbackOptions {
  /** Only collections on this channel id (collections without a channel are then left out). */
  readonly channel?: string | undefined;
  /** A change in share agreeing smaller than this (in absolute value) is `flat`. Default 0.01 (one point). */
  readonly flatThreshold?: number | undefined;
}

/**
 * Labels a fiscal quarter the way performance.gov does.
 *
 * @param fiscalYear - the federal fiscal year
 * @param quarter - 1 to 4
 * @returns the quarter with its label
 * @example
 * ```ts
 * import { fiscalQuarter } from "service-blueprint";
 * fiscalQuarter(2023, 1).label; // "FY2023 Q1"
 * ```
 */
export function fiscalQuarter(fiscalYear: number, quarter: number): FiscalQuarter {
  return { fiscalYear, quarter, label: `FY${fiscalYear} Q${quarter}` };
}

/** Pooled sums for one driver in one quarter. */
interface DriverAccumulator {
  questions: number;
  answers: number;
  agreeing: number;
  weightedSum: number;
  weight: number;
}

function newAccumulator(): DriverAccumulator {
  return { questions: 0, answers: 0, agreeing: 0, weightedSum: 0, weight: 0 };
}

/** Maps a point of a `scale`-point question onto 1..5. */
function onFivePoints(value: number, scale: number): number {
  return 1 + ((value - 1) * 4) / (scale - 1);
}

/**
 * Adds one question to its driver's sums. Counts are used when they match the scale: each answer weighs one.
 * Without usable counts, a given mean weighs the collection's respondents (or 1 when that is unknown).
 */
function addQuestion(acc: DriverAccumulator, question: FeedbackQuestion, respondents: number | undefined): void {
  const { scale, counts, mean } = question;
  if (counts !== undefined && counts.length === scale) {
    let total = 0;
    let sum = 0;
    let agreeing = 0;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i]!;
      const point = i + 1;
      total += count;
      sum += count * onFivePoints(point, scale);
      if (point > (scale + 1) / 2) agreeing += count;
    }
    if (total > 0) {
      acc.questions += 1;
      acc.answers += total;
      acc.agreeing += agreeing;
      acc.weightedSum += sum;
      acc.weight += total;
      return;
    }
  }
  if (mean !== undefined) {
    const weight = respondents !== undefined && respondents > 0 ? respondents : 1;
    acc.questions += 1;
    acc.weightedSum += onFivePoints(mean, scale) * weight;
    acc.weight += weight;
  }
}

/** Adds `value` to a nullable running sum. */
function addTo(sum: number | null, value: number | undefined): number | null {
  return value === undefined ? sum : (sum ?? 0) + value;
}

function quarterKey(fiscalYear: number, quarter: number): number {
  return fiscalYear * 4 + (quarter - 1);
}

function summarizeQuarter(fiscalYear: number, quarter: number, collections: readonly FeedbackCollection[]): FeedbackQuarterSummary {
  let customers: number | null = null;
  let offered: number | null = null;
  let respondents: number | null = null;
  let rateRespondents = 0;
  let rateOffered = 0;
  let customQuestions = 0;
  let trustPositive = 0;
  let trustTotal = 0;
  const sums = new Map<FeedbackFigureDriver, DriverAccumulator>();
  for (const collection of collections) {
    const volumes = collection.volumes;
    customers = addTo(customers, volumes.customers);
    offered = addTo(offered, volumes.offered);
    respondents = addTo(respondents, volumes.respondents);
    if (volumes.offered !== undefined && volumes.respondents !== undefined && volumes.offered > 0) {
      rateOffered += volumes.offered;
      rateRespondents += volumes.respondents;
    }
    if (collection.survey === "v2") {
      if (collection.trust !== undefined) {
        trustPositive += collection.trust.positive;
        trustTotal += collection.trust.positive + collection.trust.negative;
      }
      continue;
    }
    for (const question of collection.questions) {
      if (question.driver === "custom") {
        customQuestions += 1;
        continue;
      }
      let acc = sums.get(question.driver);
      if (acc === undefined) {
        acc = newAccumulator();
        sums.set(question.driver, acc);
      }
      addQuestion(acc, question, volumes.respondents);
    }
  }
  const drivers: FeedbackDriverFigure[] = [];
  for (const driver of FIGURE_DRIVERS) {
    const acc = sums.get(driver);
    if (acc === undefined) continue;
    drivers.push({
      driver,
      questions: acc.questions,
      answers: acc.answers,
      mean: acc.weight > 0 ? acc.weightedSum / acc.weight : null,
      agreeShare: acc.answers > 0 ? acc.agreeing / acc.answers : null,
    });
  }
  return {
    ...fiscalQuarter(fiscalYear, quarter),
    collections: collections.length,
    customers,
    offered,
    respondents,
    responseRate: rateOffered > 0 ? rateRespondents / rateOffered : null,
    drivers,
    customQuestions,
    trustPositiveShare: trustTotal > 0 ? trustPositive / trustTotal : null,
  };
}

function trendOf(driver: FeedbackFigureDriver, quarters: readonly FeedbackQuarterSummary[], flatThreshold: number): FeedbackDriverTrend | undefined {
  const points: FeedbackTrendPoint[] = [];
  for (const q of quarters) {
    const figure = q.drivers.find((d) => d.driver === driver);
    if (figure === undefined || (figure.mean === null && figure.agreeShare === null)) continue;
    points.push({ fiscalYear: q.fiscalYear, quarter: q.quarter, label: q.label, mean: figure.mean, agreeShare: figure.agreeShare });
  }
  if (points.length === 0) return undefined;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const several = points.length > 1;
  const meanChange = several && first.mean !== null && last.mean !== null ? last.mean - first.mean : null;
  const agreeShareChange =
    several && first.agreeShare !== null && last.agreeShare !== null ? last.agreeShare - first.agreeShare : null;
  // A mean moves over the 4-point span 1..5; as a share of that span it compares with a change in share agreeing.
  const change = agreeShareChange ?? (meanChange === null ? null : meanChange / 4);
  const direction: FeedbackDriverTrend["direction"] = !several
    ? "single"
    : change === null || Math.abs(change) < flatThreshold
      ? "flat"
      : change > 0
        ? "up"
        : "down";
  return { driver, points, meanChange, agreeShareChange, direction };
}

/**
 * Derives a service's A-11 feedback figures: for each fiscal quarter with feedback, each driver's mean (1..5) and
 * share agreeing, respondents and response rate; for each driver, its trend over the quarters; and the quarters
 * missing between the first and the last report.
 *
 * A driver's figures pool every answer to every question of that driver in the quarter (all channels and
 * transaction points, or one channel with `options.channel`), so a collection with more respondents weighs more.
 * Questions on another scale than 5 points are mapped linearly onto 1..5; an answer "agrees" when it is above the
 * scale's midpoint (4 or 5 of 5). `custom` questions are counted but not pooled. Linear in the number of questions.
 *
 * @param service - the service (only its `id` and `feedback` are read)
 * @param options - a channel filter and the threshold for a flat trend
 * @returns the figures; empty lists when the service has no feedback
 * @example
 * ```ts
 * import { summarizeFeedback } from "service-blueprint";
 * const summary = summarizeFeedback(catalog.services[0]!);
 * for (const q of summary.quarters) {
 *   const ease = q.drivers.find((d) => d.driver === "ease");
 *   console.log(q.label, q.respondents, ease?.mean?.toFixed(2), ease?.agreeShare);
 * }
 * ```
 */
export function summarizeFeedback(
  service: Pick<Service, "id" | "feedback">,
  options: SummarizeFeedbackOptions = {},
): FeedbackSummary {
  const flatThreshold = options.flatThreshold ?? 0.01;
  const channel = options.channel;
  const byQuarter = new Map<number, FeedbackCollection[]>();
  let count = 0;
  for (const collection of service.feedback) {
    if (channel !== undefined && collection.channel !== channel) continue;
    count += 1;
    const key = quarterKey(collection.fiscalYear, collection.quarter);
    const list = byQuarter.get(key);
    if (list === undefined) byQuarter.set(key, [collection]);
    else list.push(collection);
  }
  const keys = [...byQuarter.keys()].sort((a, b) => a - b);
  const quarters = keys.map((key) => summarizeQuarter(Math.floor(key / 4), (key % 4) + 1, known(byQuarter, key)));
  const trends: FeedbackDriverTrend[] = [];
  for (const driver of FIGURE_DRIVERS) {
    const trend = trendOf(driver, quarters, flatThreshold);
    if (trend !== undefined) trends.push(trend);
  }
  const missingQuarters: FiscalQuarter[] = [];
  if (keys.length > 1) {
    for (let key = keys[0]!; key <= keys[keys.length - 1]!; key++) {
      if (!byQuarter.has(key)) missingQuarters.push(fiscalQuarter(Math.floor(key / 4), (key % 4) + 1));
    }
  }
  return { service: service.id, collections: count, quarters, trends, missingQuarters };
}
