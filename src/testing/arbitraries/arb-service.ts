import * as fc from "fast-check";
import type { Service, Step } from "../../model/schema.js";
import { CUSTOMER_TYPES, type Lane, OCCASION_KINDS, OFFERING_KINDS, SERVICE_KINDS, channelGroup } from "../../model/vocabulary.js";
import type { CommonConstraints, SludgeConstraints, SludgeLevel, TextStyle } from "../constraints.js";
import { type BuildContext, channelsOf, contextFor, pick, pickDistinct, poolsFrom, textStyle } from "../internal/context.js";
import { forwardFlows } from "../internal/flows.js";
import { planted, resolveSludge, rollsArbitrary } from "../internal/sludge.js";
import { idArbitrary, nameArbitrary, textArbitrary, uniqueIds } from "../internal/strings.js";
import { type FeedbackPlan, buildFeedback, feedbackPlan } from "./arb-feedback-collection.js";
import {
  type ChannelMode,
  type StepPlan,
  allowedLanes,
  buildStepBody,
  endingOutcome,
  plansRework,
  stepPlan,
  usableChannels,
} from "./arb-step.js";

/**
 * Options of {@link arbService}.
 *
 * @example
 * ```ts
 * import { arbService, type ServiceConstraints } from "service-blueprint/testing";
 * const constraints: ServiceConstraints = { minSteps: 3, maxSteps: 12, lanes: ["customer", "backstage"], sludge: "none" };
 * arbService(constraints);
 * ```
 */
export interface ServiceConstraints extends CommonConstraints {
  /** Fewest steps (default 1, at least 1). */
  readonly minSteps?: number | undefined;
  /** Most steps (default 8). */
  readonly maxSteps?: number | undefined;
  /** The lanes steps are drawn from (default: all of `LANES`). */
  readonly lanes?: readonly Lane[] | undefined;
  /** Most feedback collections (default 2). */
  readonly maxFeedback?: number | undefined;
  /** How much sludge to plant (default `some`); see {@link SludgeLevel} and {@link SludgeConstraints}. */
  readonly sludge?: SludgeLevel | SludgeConstraints | undefined;
}

/** Sizes of a service, checked. @internal */
export interface ServiceSizes {
  readonly minSteps: number;
  readonly maxSteps: number;
  readonly maxFeedback: number;
  readonly lanes: readonly [Lane, ...Lane[]];
}

/** @internal Raw choices for one service. */
export interface ServicePlan {
  readonly id: string;
  readonly name: string;
  readonly kind: Service["kind"];
  readonly designated: boolean;
  readonly description: string | undefined;
  readonly occasion: {
    readonly kind: Service["occasion"]["kind"];
    readonly story: string;
    readonly annualVolume: number | undefined;
    readonly people: string | undefined;
    readonly customerType: Service["occasion"]["customerType"];
  };
  readonly offering: { readonly name: string; readonly kind: Service["offering"]["kind"] };
  readonly agency: number;
  readonly fallbackAgency: string;
  readonly channels: readonly number[];
  readonly roles: readonly number[];
  readonly tools: readonly number[];
  readonly sources: readonly number[];
  readonly steps: readonly StepPlan[];
  readonly feedback: readonly FeedbackPlan[];
  readonly firstFeedback: FeedbackPlan;
  readonly rolls: { readonly inPersonOnly: number; readonly digitalOnly: number; readonly noFeedback: number };
}

const SERVICE_NAMES = [
  "Apply for retirement benefits",
  "Enroll in Medicare Part B",
  "Apply for disaster assistance",
  "Renew a passport",
  "Apply for SNAP",
  "Request a tax transcript",
  "Apply for a small business loan",
  "File a disability claim",
] as const;

const STORIES = [
  "I am ready to retire",
  "My home was damaged in a flood",
  "I lost my job",
  "We are having a baby",
  "I am leaving the military",
  "I want to start a business",
] as const;

const OFFERINGS = ["Retirement benefit", "Health coverage", "Grant", "Passport", "Food assistance", "Loan"] as const;

/** @internal Checks and fills in sizes. */
export function serviceSizes(
  constraints: { readonly minSteps?: number; readonly maxSteps?: number; readonly maxFeedback?: number; readonly lanes?: readonly Lane[] },
  where: string,
  names: { readonly min: string; readonly max: string } = { min: "minSteps", max: "maxSteps" },
): ServiceSizes {
  const minSteps = constraints.minSteps ?? 1;
  const maxSteps = constraints.maxSteps ?? Math.max(8, minSteps);
  const maxFeedback = constraints.maxFeedback ?? 2;
  if (!Number.isInteger(minSteps) || minSteps < 1) throw new Error(`${where}: ${names.min} must be an integer of at least 1, got ${minSteps}`);
  if (!Number.isInteger(maxSteps) || maxSteps < minSteps) {
    throw new Error(`${where}: ${names.max} must be an integer of at least ${names.min} (${minSteps}), got ${maxSteps}`);
  }
  if (!Number.isInteger(maxFeedback) || maxFeedback < 0) throw new Error(`${where}: maxFeedback must be a non-negative integer, got ${maxFeedback}`);
  return { minSteps, maxSteps, maxFeedback, lanes: allowedLanes(constraints.lanes, where) };
}

/** @internal */
export function servicePlan(text: TextStyle, sizes: ServiceSizes): fc.Arbitrary<ServicePlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, SERVICE_NAMES),
    kind: fc.constantFrom(...SERVICE_KINDS),
    designated: fc.boolean(),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
    occasion: fc.record({
      kind: fc.constantFrom(...OCCASION_KINDS),
      story: nameArbitrary(text, STORIES),
      annualVolume: fc.option(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 50_000_000 })), {
        nil: undefined,
        freq: 4,
      }),
      people: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
      customerType: fc.constantFrom(...CUSTOMER_TYPES),
    }),
    offering: fc.record({ name: nameArbitrary(text, OFFERINGS), kind: fc.constantFrom(...OFFERING_KINDS) }),
    agency: fc.nat(),
    fallbackAgency: idArbitrary(text),
    channels: fc.array(fc.nat(), { maxLength: 2 }),
    roles: fc.array(fc.nat(), { maxLength: 2 }),
    tools: fc.array(fc.nat(), { maxLength: 2 }),
    sources: fc.array(fc.nat(), { maxLength: 2 }),
    steps: fc.array(stepPlan(text, sizes.lanes), { minLength: sizes.minSteps, maxLength: sizes.maxSteps }),
    feedback: fc.array(feedbackPlan(text, undefined), { maxLength: sizes.maxFeedback }),
    firstFeedback: feedbackPlan(text, undefined),
    rolls: rollsArbitrary(["inPersonOnly", "digitalOnly", "noFeedback"] as const),
  });
}

/** Adds to a list only what it does not hold yet. */
function addAll(list: string[], seen: Set<string>, items: Iterable<string>): void {
  for (const item of items) {
    if (seen.has(item)) continue;
    seen.add(item);
    list.push(item);
  }
}

/**
 * Builds a service whose every step is reachable from its first step.
 *
 * The steps form a tree: each step after the first hangs off an earlier one (its parent: mostly the previous step,
 * so services read as long sequences with some branches), so a breadth-first walk from the first step reaches all
 * of them. Some steps also flow to a later step (still acyclic); staff steps that
 * end a branch may instead be attached to their parent; planted rework loops go back to an ancestor.
 *
 * @internal
 */
export function buildService(plan: ServicePlan, id: string, ctx: BuildContext): Service {
  const { pools, odds } = ctx;
  const inPerson = channelsOf(pools, ["in-person"]);
  const digital = channelsOf(pools, ["digital"]);
  const mode: ChannelMode =
    inPerson.length > 0 && planted(odds, "inPersonOnly", plan.rolls.inPersonOnly)
      ? "in-person-only"
      : digital.length > 0 && planted(odds, "digitalOnly", plan.rolls.digitalOnly)
        ? "digital-only"
        : "mixed";

  const plans = plan.steps;
  const n = plans.length;
  const ids = uniqueIds(plans.map((s) => s.id));
  const parent: number[] = [0];
  const childCount: number[] = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    const pick = plans[i]!.parent;
    const p = pick === undefined ? i - 1 : pick % i;
    parent.push(p);
    childCount[p]! += 1;
  }
  const attached: boolean[] = plans.map(
    (s, i) => i > 0 && s.attach && childCount[i] === 0 && (s.lane === "frontstage" || s.lane === "backstage" || s.lane === "support"),
  );
  const targets: number[][] = plans.map(() => []);
  for (let i = 1; i < n; i++) if (!attached[i]) targets[parent[i]!]!.push(i);
  for (let i = 0; i < n; i++) {
    const extra = plans[i]!.extra;
    if (extra === undefined || attached[i] || n - i - 1 < 1) continue;
    const t = i + 1 + (extra % (n - i - 1));
    if (!attached[t] && !targets[i]!.includes(t)) targets[i]!.push(t);
  }

  const serviceData: string[] = [];
  const serviceDocuments: string[] = [];
  const steps: Step[] = [];
  for (let i = 0; i < n; i++) {
    const stepPlanI = plans[i]!;
    const step = buildStepBody(stepPlanI, ids[i]!, ctx, {
      channelMode: mode,
      reminder: (choice) => (n < 2 ? undefined : ids[(i + 1 + (choice % (n - 1))) % n]),
      serviceData,
      serviceDocuments,
    });
    if (i === 0 && stepPlanI.entry) step.entry = true;
    const forward = targets[i]!.sort((a, b) => a - b).map((t) => ids[t]!);
    step.next = forwardFlows(forward, stepPlanI.weights);
    if (attached[i]) step.attachedTo = ids[parent[i]!]!;
    else if (forward.length === 0) step.outcome = endingOutcome(stepPlanI, ctx);
    if (i > 0 && !attached[i] && plansRework(stepPlanI, ctx)) {
      let back = parent[i]!;
      for (let up = 0; up < stepPlanI.reworkUp && back > 0; up++) back = parent[back]!;
      step.next.push({ to: ids[back]!, kind: "rework", share: stepPlanI.reworkShare });
      step.failPoint ??= { description: "Sent back to fix the application" };
    }
    steps.push(step);
  }

  // The service's channels: those its steps use, a few more it offers, and unless a channel pattern is planted,
  // both a digital and an assisted way in wherever the catalog has them, and never in person without a remote
  // alternative or digital without an assisted one.
  const channels: string[] = [];
  const seenChannels = new Set<string>();
  addAll(channels, seenChannels, steps.flatMap((s) => (s.channel === undefined ? [] : [s.channel])));
  addAll(channels, seenChannels, pickDistinct(usableChannels(pools, mode), plan.channels).map((c) => c.id));
  if (mode === "mixed") {
    const groups = new Map(pools.channels.map((c) => [c.id, channelGroup(c.kind)] as const));
    const has = (wanted: readonly string[]): boolean => channels.some((c) => wanted.includes(groups.get(c) ?? ""));
    const ensure = (wanted: Parameters<typeof channelsOf>[1]): void => {
      const pool = channelsOf(pools, wanted);
      if (!has(wanted) && pool.length > 0) addAll(channels, seenChannels, [pick(pool, plan.agency)!.id]);
    };
    if (digital.length > 0 && channelsOf(pools, ["phone", "in-person"]).length > 0) {
      ensure(["digital"]);
      ensure(["phone", "in-person"]);
    }
    if (has(["in-person"])) ensure(["digital", "phone"]);
    if (has(["digital"])) ensure(["phone", "in-person"]);
  }

  const roles: string[] = [];
  addAll(roles, new Set(), [...steps.flatMap((s) => (s.role === undefined ? [] : [s.role])), ...pickDistinct(pools.roles, plan.roles)]);
  const tools: string[] = [];
  addAll(tools, new Set(), [
    ...steps.flatMap((s) => [...s.tools, ...(s.credential === undefined ? [] : [s.credential])]),
    ...pickDistinct(pools.tools, plan.tools).map((t) => t.id),
  ]);

  const noFeedback = planted(odds, "noFeedback", plan.rolls.noFeedback);
  let feedback = plan.feedback.map((f) => buildFeedback(f, channels));
  let designated = plan.designated;
  if (noFeedback) {
    designated = true;
    feedback = [];
  } else if (designated && feedback.length === 0) feedback = [buildFeedback(plan.firstFeedback, channels)];

  const occasion: Service["occasion"] = { kind: plan.occasion.kind, story: plan.occasion.story, customerType: plan.occasion.customerType };
  if (plan.occasion.annualVolume !== undefined) occasion.annualVolume = plan.occasion.annualVolume;
  if (plan.occasion.people !== undefined) occasion.people = plan.occasion.people;

  const service: Service = {
    id,
    name: plan.name,
    agency: pick(pools.agencies, plan.agency) ?? plan.fallbackAgency,
    kind: plan.kind,
    designated,
    occasion,
    offering: { name: plan.offering.name, kind: plan.offering.kind },
    channels,
    roles,
    tools,
    sources: pickDistinct(pools.sources, plan.sources),
    steps,
    feedback,
  };
  if (plan.description !== undefined) service.description = plan.description;
  return service;
}

/**
 * Generates a service laid out as blueprint steps, valid against `ServiceSchema` and the validator's integrity
 * checks for a catalog holding `within`'s lists.
 *
 * @param constraints - step counts, lanes, feedback, how much sludge to plant, how text looks, and the catalog lists
 *   references are drawn from
 * @returns an arbitrary of services
 * @remarks Valid by construction, however fast-check shrinks it: step ids are unique; every step is reachable from
 *   the first (the steps form a tree, plus acyclic extra flows and rework back to ancestors); branch shares add up
 *   to 1; a deadline's reminder names another step; the service lists every channel, role and tool its steps use.
 *   Without `within.agencies` the agency is a generated id. With `sludge: "none"`, designated services always have
 *   feedback and clean services offer both a digital and an assisted channel where the pool has them.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbService } from "service-blueprint/testing";
 * fc.assert(
 *   fc.property(arbService({ minSteps: 2 }), (service) => new Set(service.steps.map((s) => s.id)).size === service.steps.length),
 * );
 * ```
 */
export function arbService(constraints: ServiceConstraints = {}): fc.Arbitrary<Service> {
  const sizes = serviceSizes(constraints, "arbService");
  const odds = resolveSludge(constraints.sludge, "arbService");
  const pools = poolsFrom(constraints.within);
  return servicePlan(textStyle(constraints.text), sizes).map((plan) => buildService(plan, plan.id, contextFor(pools, odds)));
}
