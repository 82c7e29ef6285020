/**
 * The plain, frozen data the graph analyses return. The graph itself stays private.
 */
import type { StepRef } from "../model/schema.js";
import type { OutcomeKind } from "../model/vocabulary.js";
import type { GraphCounts, HandOffs } from "./hand-off-types.js";

export type { StepRef } from "../model/schema.js";
export type { HandOffCarrier, AgencyHandOff, ChannelSwitch, LaneChange, HandOffs, LaneCount, ChannelCount, GraphCounts } from "./hand-off-types.js";

/**
 * Options of {@link analyzeService} and {@link analyzeLifeExperience}. Every field is optional; the defaults are
 * in {@link DEFAULT_GRAPH_ANALYSIS_OPTIONS}.
 *
 * @example
 * ```ts
 * import type { GraphAnalysisOptions } from "service-blueprint";
 * const options: GraphAnalysisOptions = { maxPaths: 50, pathMeasure: "days" };
 * ```
 */
export interface GraphAnalysisOptions {
  /** How many entry-to-end paths to list (0 to 100,000; default 1,000). Paths are still counted past the cap. */
  readonly maxPaths?: number | undefined;
  /**
   * How many step references the listed paths may hold in total (default 200,000), so that a few very long
   * paths cannot take all the memory. Listing stops, with a note, when the next path would pass it.
   */
  readonly maxPathSteps?: number | undefined;
  /**
   * What ranks the shortest and the critical path: `minutes` of customer time (default) or elapsed `days`
   * (waiting days plus minutes as days).
   */
  readonly pathMeasure?: "minutes" | "days" | undefined;
  /** How many of the largest contributors to customer time the report lists and the summary names (1 to 50; default 3). */
  readonly contributors?: number | undefined;
}

/**
 * Time, the way the analyses count it: `minutes` of the customer's own time (effort, hold and travel), `waitDays`
 * of elapsed waiting for the government (step waits and link waits), and `days`, the elapsed time to the outcome
 * (`waitDays + minutes / 1440`).
 *
 * @example
 * ```ts
 * import type { TimeTotals } from "service-blueprint";
 * const time: TimeTotals = { minutes: 90, waitDays: 30, days: 30.0625 };
 * ```
 */
export interface TimeTotals {
  /** Customer minutes: `customerMinutes + holdMinutes + travelMinutes` summed over the steps. */
  readonly minutes: number;
  /** Days of waiting: step `waitDays` plus link `waitDays`. */
  readonly waitDays: number;
  /** Elapsed days: `waitDays + minutes / 1440`. */
  readonly days: number;
}

/**
 * How a listed path ends: the outcome kind of its last step, `dead-end` when that step has no outcome, or `cycle`
 * when the path stops because going on would repeat a step through a flow that is not marked `rework`.
 *
 * @example
 * ```ts
 * import type { PathEnd } from "service-blueprint";
 * const end: PathEnd = "granted";
 * ```
 */
export type PathEnd = OutcomeKind | "dead-end" | "cycle";

/**
 * One path from an entry step to a step with no way forward, with its time.
 *
 * @example
 * ```ts
 * import type { GraphPath } from "service-blueprint";
 * const path: GraphPath = {
 *   steps: [{ service: "ssa-retirement", step: "apply" }, { service: "ssa-retirement", step: "decide" }],
 *   time: { minutes: 45, waitDays: 30, days: 30.03125 },
 *   end: "granted",
 * };
 * ```
 */
export interface GraphPath {
  /** The steps, entry first. Attached steps are not listed; their time counts with their host step. */
  readonly steps: readonly StepRef[];
  /** The path's time (its steps, the steps attached to them, and the waits of links it follows). */
  readonly time: TimeTotals;
  /** How the path ends. */
  readonly end: PathEnd;
}

/**
 * The paths from entry to end: a bounded list, an exact count, and the shortest and critical (longest) path.
 *
 * @example
 * ```ts
 * import { analyzeService } from "service-blueprint";
 * const { paths } = analyzeService(catalog, "ssa-retirement", { maxPaths: 10 });
 * if (paths.capped) console.log(paths.note); // "listed 10 of 96 paths (maxPaths is 10)"
 * ```
 */
export interface PathAnalysis {
  /** Listed paths, in a deterministic order (depth first, successors by id), at most `maxPaths`. */
  readonly paths: readonly GraphPath[];
  /**
   * How many entry-to-end paths there are, counted on the acyclic graph in linear time (whether listed or not).
   * Branches multiply paths: a long service can have astronomically many, so past 2^53 the count is a
   * floating-point estimate, and past about 1.8e308 it is `Infinity` (which JSON writes as `null`).
   */
  readonly count: number;
  /** Whether `count` is exact (false past 2^53 paths). */
  readonly countExact: boolean;
  /** Whether the list stopped before listing every path. */
  readonly capped: boolean;
  /** Why the list stopped, when it did. */
  readonly note?: string;
  /** The path with the least time (by `pathMeasure`), when there is a path. */
  readonly shortest?: GraphPath;
  /** The path with the most time (by `pathMeasure`): the critical path, when there is a path. */
  readonly critical?: GraphPath;
}

/**
 * A rework loop: a `rework` flow that sends customers from one step back to an earlier one.
 *
 * @example
 * ```ts
 * import type { ReworkLoop } from "service-blueprint";
 * const loop: ReworkLoop = {
 *   from: { service: "s", step: "review" },
 *   backTo: { service: "s", step: "apply" },
 *   steps: [{ service: "s", step: "apply" }, { service: "s", step: "review" }],
 *   share: 0.2,
 * };
 * ```
 */
export interface ReworkLoop {
  /** The step with the rework flow. */
  readonly from: StepRef;
  /** The step the flow sends customers back to. */
  readonly backTo: StepRef;
  /**
   * The steps repeated, `backTo` first and `from` last, in path order: the shortest flow path (by step count; among
   * equally short ones, through the steps more customers reach, then by id) from `backTo` to `from`. When
   * `backTo` does not lead back to `from`, only `backTo`.
   */
  readonly steps: readonly StepRef[];
  /** The share stated on the rework flow, if any. */
  readonly share?: number;
  /**
   * The steps the customers sent back redo, each with the share of them who redo it: they start again at `backTo`
   * and follow the flows (branches split by their shares) on the way back to `from`. `from` is redone when every one
   * of them meets it again (a check on the main line, or a step reworking onto itself); a fix-up on a branch of its
   * own is not (it is counted once, in its reach). Attached steps ride along with their host.
   */
  readonly repeated: readonly { readonly step: StepRef; readonly share: number }[];
}

/**
 * One step that asks for a repeated item, and the agency behind it (the agency of the step's service).
 *
 * @example
 * ```ts
 * import type { RepeatedAskStep } from "service-blueprint";
 * const ask: RepeatedAskStep = { service: "ssa-retirement", step: "apply", agency: "ssa" };
 * ```
 */
export interface RepeatedAskStep {
  /** The service. */
  readonly service: string;
  /** The step. */
  readonly step: string;
  /** The agency of the service. */
  readonly agency: string;
}

/**
 * One repeat of an asked item: a step that asks it of customers who were already asked it earlier on their path.
 *
 * @example
 * ```ts
 * import type { RepeatedAskRepeat } from "service-blueprint";
 * const repeat: RepeatedAskRepeat = {
 *   step: { service: "benefit", step: "interview", agency: "ssa" },
 *   first: [{ service: "benefit", step: "apply-online", agency: "ssa" }],
 *   share: 0.6, shared: false, links: [],
 * };
 * ```
 */
export interface RepeatedAskRepeat {
  /** The step that asks again. */
  readonly step: RepeatedAskStep;
  /**
   * The asks customers met first, before this one: the steps upstream of the repeat that ask the item and that some
   * customers meet as their first ask of it (several when they lie on exclusive branches), the one most customers
   * reach first, then in flow order.
   */
  readonly first: readonly RepeatedAskStep[];
  /**
   * The share of customers who meet an earlier ask and this one: of the service's customers (`scope: "path"`), or
   * of the people entering the life experience (`scope: "experience"`). Never more than the reach of the repeat.
   * For identity proven with a `credential`, customers who proved it earlier with that same credential are left out
   * (they sign in, they are not proofed again).
   */
  readonly share: number;
  /**
   * Whether the repeat is cleared (share 0): identity proven again with the shared `credential` every customer used
   * at their earlier checks. Never for data and documents: a link that passes the item does not stop the step
   * asking it (see `links`).
   */
  readonly shared: boolean;
  /** Links (data-share, trigger, notification) that pass the item into the repeat's service from a first ask's service. */
  readonly links: readonly string[];
}

/**
 * An item asked more than once.
 *
 * - `kind: "data"`: `item` is a data element id (from `dataAsked`); `"document"`: a document type id (from
 *   `documentsAsked`); `"identity"`: `item` is `"identity"` (every step whose `identityProofing` is not `none`).
 * - `scope: "path"` (service analysis): a step asks it of customers who were asked it at an earlier step on their
 *   path (flows without rework). Steps on mutually exclusive branches are not a repeat.
 * - `scope: "experience"` (life-experience analysis): a step asks it of people who were asked it in another service
 *   of the experience earlier on their path (flows and links, with their shares).
 * - `repeats`: each step asking again, with the first asks, the share of customers who meet both, whether it is
 *   cleared, and the links that passed the item.
 * - `shared`: every repeat is cleared (identity: one shared credential). A data-share link does not clear a data
 *   element or document the receiving step still asks: the customer still gives it.
 *
 * @example
 * ```ts
 * import type { RepeatedAsk } from "service-blueprint";
 * const first = { service: "ssa-retirement", step: "apply", agency: "ssa" };
 * const again = { service: "cms-medicare", step: "enroll", agency: "cms" };
 * const repeat: RepeatedAsk = {
 *   kind: "data", item: "ssn", scope: "experience", shared: false, asks: [again, first],
 *   repeats: [{ step: again, first: [first], share: 0.8, shared: false, links: [] }],
 * };
 * ```
 */
export interface RepeatedAsk {
  /** What is asked. */
  readonly kind: "data" | "document" | "identity";
  /** The data element id, document type id, or `"identity"`. */
  readonly item: string;
  /** Along the paths of one service, or across the services of a life experience. */
  readonly scope: "path" | "experience";
  /** The steps that ask (the repeats and their first asks), sorted by service id then step id. */
  readonly asks: readonly RepeatedAskStep[];
  /** Whether every repeat is cleared (see {@link RepeatedAskRepeat.shared}). */
  readonly shared: boolean;
  /** Each step that asks again, in flow order. */
  readonly repeats: readonly RepeatedAskRepeat[];
}

/**
 * The share of a service's customers who reach one step.
 *
 * @example
 * ```ts
 * import type { StepReach } from "service-blueprint";
 * const reach: StepReach = { step: "apply", share: 1, visits: 1.2 };
 * ```
 */
export interface StepReach {
  /** The step id. */
  readonly step: string;
  /** The share of customers who reach it, in [0, 1]. */
  readonly share: number;
  /**
   * Expected times a customer does it: `share`, plus the repeats rework flows send customers back for (present only
   * when rework adds some).
   */
  readonly visits?: number;
}

/**
 * The share of a life experience's customers who reach one step of one of its services.
 *
 * @example
 * ```ts
 * import type { ExperienceStepReach } from "service-blueprint";
 * const reach: ExperienceStepReach = { service: "cms-medicare", step: "enroll", share: 0.8 };
 * ```
 */
export interface ExperienceStepReach extends StepReach {
  /** The service id. */
  readonly service: string;
}

/**
 * A step and its expected contribution to customer time: its minutes times the share of customers who reach it.
 *
 * @example
 * ```ts
 * import type { TimeContributor } from "service-blueprint";
 * const top: TimeContributor = { service: "s", step: "interview", share: 0.5, minutes: 60, expectedMinutes: 30 };
 * ```
 */
export interface TimeContributor {
  /** The service. */
  readonly service: string;
  /** The step. */
  readonly step: string;
  /** The share of customers who reach it. */
  readonly share: number;
  /** Its customer minutes (effort, hold and travel). */
  readonly minutes: number;
  /** `share × minutes`. */
  readonly expectedMinutes: number;
}

/**
 * The fields both reports ({@link ServiceAnalysis} and {@link LifeExperienceAnalysis}) share.
 *
 * @example
 * ```ts
 * import { analyzeService, type GraphAnalysisBase } from "service-blueprint";
 * const base: GraphAnalysisBase = analyzeService(catalog, "ssa-retirement");
 * console.log(base.paths.count, base.expected.minutes, base.deadEnds.length);
 * ```
 */
export interface GraphAnalysisBase {
  /** Entry steps, sorted. */
  readonly entries: readonly StepRef[];
  /** Steps that end a service (`outcome` set), sorted. */
  readonly outcomes: readonly StepRef[];
  /** Paths from entry to end. */
  readonly paths: PathAnalysis;
  /** Expected time per customer: each step's time times the share who reach it (plus link waits, likewise). */
  readonly expected: TimeTotals;
  /** Rework loops, sorted by `from` then `backTo`. */
  readonly reworkLoops: readonly ReworkLoop[];
  /**
   * Non-rework cycles: groups of steps that flow into each other through `sequence`/`branch` flows (or links)
   * without a `rework` flow, each group sorted; usually a modelling slip. Paths and reach cut them.
   */
  readonly cycles: readonly (readonly StepRef[])[];
  /**
   * Dead ends, sorted: reachable steps that are not outcomes, not attached to another step, and have no way
   * forward (no `sequence` or `branch` flow, and in a life experience no link leaving them).
   */
  readonly deadEnds: readonly StepRef[];
  /**
   * Steps that nothing reaches, sorted: no flow (of any kind), attachment or link leads to them from the entry
   * steps of the services in the graph.
   */
  readonly unreachable: readonly StepRef[];
  /** Items asked more than once (see {@link RepeatedAsk}), sorted by kind then item. */
  readonly repeatedAsks: readonly RepeatedAsk[];
  /** Steps where customers vanish from the flow (see {@link FlowLeakReport}), in node order. */
  readonly leaks: readonly FlowLeakReport[];
  /** Hand-offs between agencies, channels and lanes. */
  readonly handOffs: HandOffs;
  /** Counts. */
  readonly counts: GraphCounts;
  /** The largest expected contributors to customer time, largest first. */
  readonly contributors: readonly TimeContributor[];
  /** One or two sentences: size, expected and critical time, and the largest contributors. */
  readonly summary: string;
}

/**
 * A step that passes on fewer customers than reach it: its branch shares add up to less than 1 (`reason:
 * "shares"`), or its only way on is a rework flow (`"fix-up"`), so the customers it loses count at no later step.
 *
 * @example
 * ```ts
 * import type { FlowLeakReport } from "service-blueprint";
 * const leak: FlowLeakReport = { step: { service: "aid", step: "fix-up" }, lost: 1, lostOfAll: 0.25, reason: "fix-up" };
 * ```
 */
export interface FlowLeakReport {
  /** The step. */
  readonly step: StepRef;
  /** The share of the step's own customers who go nowhere, in (0, 1]. */
  readonly lost: number;
  /** The share of all the service's (or experience's) customers who go nowhere there. */
  readonly lostOfAll: number;
  /** Why. */
  readonly reason: "shares" | "fix-up";
}

/**
 * The analysis of one service: see {@link analyzeService}.
 *
 * @example
 * ```ts
 * import { analyzeService } from "service-blueprint";
 * const report = analyzeService(catalog, "ssa-retirement");
 * report.reach.find((r) => r.step === "appeal")?.share;
 * ```
 */
export interface ServiceAnalysis extends GraphAnalysisBase {
  /** Always `"service"`. */
  readonly kind: "service";
  /** The service id. */
  readonly service: string;
  /** The service's agency. */
  readonly agency: string;
  /** The share of the service's customers who reach each step, in the service's step order. */
  readonly reach: readonly StepReach[];
}

/**
 * The analysis of one life experience: see {@link analyzeLifeExperience}.
 *
 * @example
 * ```ts
 * import { analyzeLifeExperience } from "service-blueprint";
 * const report = analyzeLifeExperience(catalog, "retirement");
 * console.log(report.summary);
 * ```
 */
export interface LifeExperienceAnalysis extends GraphAnalysisBase {
  /** Always `"life-experience"`. */
  readonly kind: "life-experience";
  /** The life experience id. */
  readonly experience: string;
  /** Its services (known ones, without repeats), in the experience's order. */
  readonly services: readonly string[];
  /** Services of the experience that no link connects to another one (when it has two or more services), sorted. */
  readonly unlinkedServices: readonly string[];
  /**
   * The share of the experience's customers who reach each step, services in the experience's order and steps in
   * each service's order. Customers start at the entries of the services no link leads into, and follow links
   * with the link's `share` (1 when unstated).
   */
  readonly reach: readonly ExperienceStepReach[];
}
