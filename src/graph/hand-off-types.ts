/**
 * The hand-offs and counts the graph analyses return: who carries what between agencies, the channel and lane
 * changes on the customer's way, and how many steps take each lane and channel (see types.ts).
 */
import type { StepRef } from "../model/schema.js";
import type { Lane, LinkKind } from "../model/vocabulary.js";

/**
 * Who carries a hand-off between agencies: the `agencies` between them (a `data-share`, `trigger` or `notification`
 * link), the `customer` (a `customer-carries` link), or a `referral` (the customer is sent on, and starts again).
 *
 * @example
 * ```ts
 * import type { HandOffCarrier } from "service-blueprint";
 * const carrier: HandOffCarrier = "customer";
 * ```
 */
export type HandOffCarrier = "agencies" | "customer" | "referral";

/**
 * A hand-off between two agencies: a link of the life experience between services of different agencies.
 *
 * @example
 * ```ts
 * import type { AgencyHandOff } from "service-blueprint";
 * const handOff: AgencyHandOff = {
 *   link: "ssa-to-cms", kind: "data-share", carriedBy: "agencies",
 *   from: { service: "ssa-retirement", step: "approve" }, to: { service: "cms-medicare", step: "enroll" },
 *   fromAgency: "ssa", toAgency: "cms", data: ["ssn"], documents: [], waitDays: 0,
 * };
 * ```
 */
export interface AgencyHandOff {
  /** The link id. */
  readonly link: string;
  /** The link kind. */
  readonly kind: LinkKind;
  /** Who carries it. */
  readonly carriedBy: HandOffCarrier;
  /** The step the link leaves from. */
  readonly from: StepRef;
  /** The step the link leads to. */
  readonly to: StepRef;
  /** The agency of the `from` service. */
  readonly fromAgency: string;
  /** The agency of the `to` service. */
  readonly toAgency: string;
  /** Data elements passed along. */
  readonly data: readonly string[];
  /** Documents passed along (or carried). */
  readonly documents: readonly string[];
  /** Days of waiting on the link. */
  readonly waitDays: number;
}

/**
 * A channel switch: the customer goes from a step in one channel to the next step in another channel, along
 * sequence or branch flows and links, passing over steps without a channel (such as backstage work) in between;
 * or a rework flow sends them back to a step in another channel.
 *
 * @example
 * ```ts
 * import type { ChannelSwitch } from "service-blueprint";
 * const change: ChannelSwitch = {
 *   from: { service: "s", step: "apply" }, to: { service: "s", step: "interview" },
 *   fromChannel: "web", toChannel: "office", groupChange: true,
 * };
 * ```
 */
export interface ChannelSwitch {
  /** The step before the switch. */
  readonly from: StepRef;
  /** The step after it. */
  readonly to: StepRef;
  /** The channel id before. */
  readonly fromChannel: string;
  /** The channel id after. */
  readonly toChannel: string;
  /** Whether the channel group changes too (digital, phone, in person, paper), when both channels are known. */
  readonly groupChange: boolean;
}

/**
 * A lane change: a flow, rework flow or attachment between steps in different blueprint lanes.
 *
 * @example
 * ```ts
 * import type { LaneChange } from "service-blueprint";
 * const change: LaneChange = {
 *   from: { service: "s", step: "apply" }, to: { service: "s", step: "review" },
 *   fromLane: "customer", toLane: "backstage", crossesVisibility: true,
 * };
 * ```
 */
export interface LaneChange {
  /** The step in the first lane. */
  readonly from: StepRef;
  /** The step in the second lane. */
  readonly to: StepRef;
  /** The first lane. */
  readonly fromLane: Lane;
  /** The second lane. */
  readonly toLane: Lane;
  /**
   * Whether it crosses the line of visibility: one side above it (physical evidence, customer, frontstage), the
   * other below it (backstage, support).
   */
  readonly crossesVisibility: boolean;
}

/**
 * The hand-offs of a service or life experience.
 *
 * @example
 * ```ts
 * import { analyzeLifeExperience } from "service-blueprint";
 * const { handOffs } = analyzeLifeExperience(catalog, "retirement");
 * handOffs.agencies.filter((h) => h.carriedBy === "customer").length;
 * ```
 */
export interface HandOffs {
  /** Links between services of different agencies (always empty for one service), sorted by link id. */
  readonly agencies: readonly AgencyHandOff[];
  /** Channel switches, sorted by `from` step then `to` step. */
  readonly channels: readonly ChannelSwitch[];
  /** Lane changes along flows and attachments, sorted by step. */
  readonly lanes: readonly LaneChange[];
}

/**
 * Steps and customer minutes in one lane.
 *
 * @example
 * ```ts
 * import type { LaneCount } from "service-blueprint";
 * const count: LaneCount = { lane: "customer", steps: 4, minutes: 75 };
 * ```
 */
export interface LaneCount {
  /** The lane. */
  readonly lane: Lane;
  /** How many steps it holds. */
  readonly steps: number;
  /** Their customer minutes (effort, hold and travel), each step counted once. */
  readonly minutes: number;
}

/**
 * How many steps use one channel.
 *
 * @example
 * ```ts
 * import type { ChannelCount } from "service-blueprint";
 * const count: ChannelCount = { channel: "ssa-online", kind: "website", steps: 3 };
 * ```
 */
export interface ChannelCount {
  /** The channel id. */
  readonly channel: string;
  /** Its kind, when the catalog defines it. */
  readonly kind?: string;
  /** How many steps use it. */
  readonly steps: number;
}

/**
 * The counts of a service or life experience.
 *
 * @example
 * ```ts
 * import { analyzeService } from "service-blueprint";
 * const { counts } = analyzeService(catalog, "ssa-retirement");
 * console.log(counts.agencies, counts.visibilityCrossings);
 * ```
 */
export interface GraphCounts {
  /** Steps in the graph. */
  readonly steps: number;
  /** Steps reachable from the entries. */
  readonly reachableSteps: number;
  /**
   * Agencies touched, sorted: the agencies of the services, and of the channels and roles their reachable steps
   * use.
   */
  readonly agencies: readonly string[];
  /** Steps and minutes per lane, in {@link LANES} order (every lane listed). */
  readonly lanes: readonly LaneCount[];
  /** Steps per channel, sorted by channel id (steps without a channel are not counted). */
  readonly channels: readonly ChannelCount[];
  /** Lane changes (see {@link HandOffs}). */
  readonly laneChanges: number;
  /** Crossings of the line of visibility. */
  readonly visibilityCrossings: number;
  /** Channel switches. */
  readonly channelSwitches: number;
  /** Hand-offs between agencies. */
  readonly agencyHandOffs: number;
}
