/**
 * The A-11 feedback a service records: quarterly collections of the v1 survey (drivers on a point scale) or the v2
 * survey (trust, then what went well and what did not), with their volumes.
 */
import * as z from "zod";
import { A11_DRIVERS, A11_V2_DRIVERS } from "./vocabulary.js";
import { IdSchema, Name, Text, Count } from "./schema-primitives.js";

/**
 * Volumes of an A-11 feedback collection: customers served, customers offered the survey, and respondents.
 *
 * @example
 * ```ts
 * import { FeedbackVolumesSchema } from "service-blueprint";
 * FeedbackVolumesSchema.parse({ customers: 120000, offered: 40000, respondents: 2100 });
 * ```
 */
export const FeedbackVolumesSchema = z
  .strictObject({
    customers: Count.optional(),
    offered: Count.optional(),
    respondents: Count.optional(),
  })
  .meta({ title: "FeedbackVolumes" });
/** Feedback volumes; see {@link FeedbackVolumesSchema}. */
export type FeedbackVolumes = z.output<typeof FeedbackVolumesSchema>;

/**
 * One question of an A-11 v1 collection: its driver, wording, the count of answers at each point of the scale
 * (point 1 first) and the mean.
 *
 * @example
 * ```ts
 * import { FeedbackQuestionSchema } from "service-blueprint";
 * FeedbackQuestionSchema.parse({ driver: "ease", counts: [5, 10, 20, 40, 25], mean: 3.7 });
 * ```
 */
export const FeedbackQuestionSchema = z
  .strictObject({
    driver: z.enum(A11_DRIVERS),
    text: Text.optional(),
    scale: z.number().int().min(2).max(11).default(5),
    counts: z.array(Count).optional(),
    mean: z.number().finite().optional(),
  })
  .meta({ title: "FeedbackQuestion" });
/** A feedback question; see {@link FeedbackQuestionSchema}. */
export type FeedbackQuestion = z.output<typeof FeedbackQuestionSchema>;

const V2Counts = z.partialRecord(z.enum(A11_V2_DRIVERS), Count);

const FeedbackCommon = {
  fiscalYear: z.number().int().min(1990).max(2200),
  quarter: z.number().int().min(1).max(4),
  channel: IdSchema.optional(),
  transactionPoint: Name.optional(),
  serviceProvided: Name.optional().meta({
    description:
      "The part of the service this collection measured, as the agency reported it (A-11 data's `service_provided`, e.g. 'IRS.gov Online Account').",
  }),
  stage: Name.optional(),
  volumes: FeedbackVolumesSchema.default({}),
};

/**
 * A quarterly A-11 feedback collection for one service: the v1 survey (drivers on a point scale) or the v2
 * survey (a trust question, then what went well and what did not).
 *
 * @example
 * ```ts
 * import { FeedbackCollectionSchema } from "service-blueprint";
 * FeedbackCollectionSchema.parse({
 *   survey: "v1", fiscalYear: 2023, quarter: 1, volumes: { respondents: 100 },
 *   questions: [{ driver: "satisfaction", counts: [5, 5, 10, 40, 40], mean: 4.05 }],
 * });
 * ```
 */
export const FeedbackCollectionSchema = z
  .discriminatedUnion("survey", [
    z.strictObject({
      survey: z.literal("v1"),
      ...FeedbackCommon,
      questions: z.array(FeedbackQuestionSchema).default([]),
    }),
    z.strictObject({
      survey: z.literal("v2"),
      ...FeedbackCommon,
      trust: z.strictObject({ positive: Count, negative: Count }).optional(),
      wentWell: V2Counts.default({}),
      didNotGoWell: V2Counts.default({}),
    }),
  ])
  .meta({ title: "FeedbackCollection" });
/** A feedback collection; see {@link FeedbackCollectionSchema}. */
export type FeedbackCollection = z.output<typeof FeedbackCollectionSchema>;
