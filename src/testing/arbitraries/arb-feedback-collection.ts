import * as fc from "fast-check";
import type { FeedbackCollection, FeedbackQuestion, FeedbackVolumes } from "../../model/schema.js";
import { A11_DRIVERS, A11_V2_DRIVERS, type A11V2Driver } from "../../model/vocabulary.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pick, poolsFrom, textStyle } from "../internal/context.js";
import { nameArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbFeedbackCollection}.
 *
 * @example
 * ```ts
 * import { arbFeedbackCollection, type FeedbackCollectionConstraints } from "service-blueprint/testing";
 * const constraints: FeedbackCollectionConstraints = { survey: "v2" };
 * arbFeedbackCollection(constraints);
 * ```
 */
export interface FeedbackCollectionConstraints extends CommonConstraints {
  /** Which A-11 survey (default: either). */
  readonly survey?: "v1" | "v2" | undefined;
}

/** @internal Raw choices for one feedback collection. */
export interface FeedbackPlan {
  readonly survey: "v1" | "v2";
  readonly fiscalYear: number;
  readonly quarter: number;
  readonly channel: number | undefined;
  readonly transactionPoint: string | undefined;
  readonly serviceProvided: string | undefined;
  readonly stage: string | undefined;
  readonly respondents: number | undefined;
  readonly offeredExtra: number | undefined;
  readonly customersExtra: number | undefined;
  readonly questions: readonly {
    readonly driver: FeedbackQuestion["driver"];
    readonly text: string | undefined;
    readonly scale: number;
    readonly counts: readonly number[] | undefined;
    readonly mean: number | undefined;
  }[];
  readonly trust: { readonly positive: number; readonly negative: number } | undefined;
  readonly wentWell: readonly (readonly [A11V2Driver, number])[];
  readonly didNotGoWell: readonly (readonly [A11V2Driver, number])[];
}

const driverCounts = fc.uniqueArray(fc.tuple(fc.constantFrom(...A11_V2_DRIVERS), fc.integer({ min: 0, max: 5000 })), {
  selector: ([driver]) => driver,
  maxLength: 4,
});

/** @internal */
export function feedbackPlan(text: TextStyle, survey: "v1" | "v2" | undefined): fc.Arbitrary<FeedbackPlan> {
  const question = fc
    .record({
      driver: fc.constantFrom(...A11_DRIVERS),
      text: fc.option(nameArbitrary(text, ["I was able to get what I needed.", "It was easy to complete what I needed to do."]), {
        nil: undefined,
        freq: 2,
      }),
      scale: fc.constantFrom(5, 5, 5, 7),
      counts: fc.option(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 7, maxLength: 7 }), { nil: undefined, freq: 4 }),
      mean: fc.option(fc.nat({ max: 1000 }), { nil: undefined, freq: 2 }),
    })
    .map((q) => ({ ...q, counts: q.counts?.slice(0, q.scale) }));
  return fc.record({
    survey: survey === undefined ? fc.constantFrom("v1" as const, "v2" as const) : fc.constant(survey),
    fiscalYear: fc.integer({ min: 2019, max: 2026 }),
    quarter: fc.integer({ min: 1, max: 4 }),
    channel: fc.option(fc.nat(), { nil: undefined }),
    transactionPoint: fc.option(nameArbitrary(text, ["After submitting the application", "After the call"]), { nil: undefined, freq: 3 }),
    serviceProvided: fc.option(nameArbitrary(text, ["Online account", "Benefit application", "Phone service"]), { nil: undefined, freq: 3 }),
    stage: fc.option(nameArbitrary(text, ["Application", "Decision", "Delivery"]), { nil: undefined, freq: 3 }),
    respondents: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined, freq: 4 }),
    offeredExtra: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined, freq: 4 }),
    customersExtra: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined, freq: 4 }),
    questions: fc.uniqueArray(question, { selector: (q) => q.driver, maxLength: 4 }),
    trust: fc.option(fc.record({ positive: fc.integer({ min: 0, max: 5000 }), negative: fc.integer({ min: 0, max: 5000 }) }), {
      nil: undefined,
      freq: 4,
    }),
    wentWell: driverCounts,
    didNotGoWell: driverCounts,
  });
}

/** The mean of answers on a 1..scale scale, to two decimals, kept inside the scale. */
function meanOf(counts: readonly number[], scale: number): number | undefined {
  let total = 0;
  let sum = 0;
  counts.forEach((count, k) => {
    total += count;
    sum += count * (k + 1);
  });
  if (total === 0) return undefined;
  return Math.min(scale, Math.max(1, Math.round((sum / total) * 100) / 100));
}

/** @internal */
export function buildFeedback(plan: FeedbackPlan, channels: readonly string[]): FeedbackCollection {
  // Volumes are consistent: customers served ≥ surveys offered ≥ respondents.
  const volumes: FeedbackVolumes = {};
  const respondents = plan.respondents ?? 0;
  const offered = respondents + (plan.offeredExtra ?? 0);
  if (plan.respondents !== undefined) volumes.respondents = respondents;
  if (plan.offeredExtra !== undefined) volumes.offered = offered;
  if (plan.customersExtra !== undefined) volumes.customers = offered + plan.customersExtra;

  const common = { fiscalYear: plan.fiscalYear, quarter: plan.quarter, volumes };
  const channel = plan.channel === undefined ? undefined : pick(channels, plan.channel);
  const extras: { channel?: string; transactionPoint?: string; serviceProvided?: string; stage?: string } = {};
  if (channel !== undefined) extras.channel = channel;
  if (plan.transactionPoint !== undefined) extras.transactionPoint = plan.transactionPoint;
  if (plan.serviceProvided !== undefined) extras.serviceProvided = plan.serviceProvided;
  if (plan.stage !== undefined) extras.stage = plan.stage;

  if (plan.survey === "v1") {
    const questions = plan.questions.map((q) => {
      const question: FeedbackQuestion = { driver: q.driver, scale: q.scale };
      if (q.text !== undefined) question.text = q.text;
      if (q.counts !== undefined) {
        question.counts = [...q.counts];
        const mean = meanOf(q.counts, q.scale);
        if (mean !== undefined) question.mean = mean;
      } else if (q.mean !== undefined) {
        question.mean = 1 + Math.round(((q.mean / 1000) * (q.scale - 1)) * 100) / 100;
      }
      return question;
    });
    return { survey: "v1", ...common, ...extras, questions };
  }
  const wentWell: Partial<Record<A11V2Driver, number>> = {};
  for (const [driver, count] of plan.wentWell) wentWell[driver] = count;
  const didNotGoWell: Partial<Record<A11V2Driver, number>> = {};
  for (const [driver, count] of plan.didNotGoWell) didNotGoWell[driver] = count;
  const collection: FeedbackCollection = { survey: "v2", ...common, ...extras, wentWell, didNotGoWell };
  if (plan.trust !== undefined) collection.trust = { ...plan.trust };
  return collection;
}

/**
 * Generates a quarterly A-11 feedback collection (the v1 driver survey or the v2 trust survey), valid against
 * `FeedbackCollectionSchema` and the validator's checks.
 *
 * @param constraints - which survey, how text looks, and the channels a collection may name (`within.channels`)
 * @returns an arbitrary of feedback collections
 * @remarks Volumes are consistent (customers ≥ offered ≥ respondents); a v1 question has one count per point of
 *   its scale and a mean inside the scale, computed from the counts when there are any. Fiscal years run from 2019
 *   to 2026.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbFeedbackCollection } from "service-blueprint/testing";
 * fc.assert(
 *   fc.property(arbFeedbackCollection({ survey: "v1" }), (collection) =>
 *     collection.survey === "v1" && collection.questions.every((q) => !q.counts || q.counts.length === q.scale),
 *   ),
 * );
 * ```
 */
export function arbFeedbackCollection(constraints: FeedbackCollectionConstraints = {}): fc.Arbitrary<FeedbackCollection> {
  const channels = poolsFrom(constraints.within).channels.map((c) => c.id);
  return feedbackPlan(textStyle(constraints.text), constraints.survey).map((plan) => buildFeedback(plan, channels));
}
