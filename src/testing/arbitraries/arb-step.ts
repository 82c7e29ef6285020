import * as fc from "fast-check";
import type { Step } from "../../model/schema.js";
import {
  EVIDENCE_LEVELS,
  LANES,
  type Lane,
  OUTCOME_KINDS,
  STEP_ACTIVITIES,
  type StepActivity,
  channelGroup,
} from "../../model/vocabulary.js";
import { type CommonConstraints, SLUDGE_PATTERNS, type SludgeConstraints, type SludgeLevel, type SludgePattern, type TextStyle } from "../constraints.js";
import { type BuildContext, type Pools, channelsOf, contextFor, pick, pickDistinct, poolsFrom, textStyle } from "../internal/context.js";
import { forwardFlows } from "../internal/flows.js";
import { planted, resolveSludge, rollsArbitrary } from "../internal/sludge.js";
import { LANGUAGE_TAGS, idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbStep}.
 *
 * @example
 * ```ts
 * import { arbStep, type StepConstraints } from "service-blueprint/testing";
 * const constraints: StepConstraints = { lanes: ["customer"], stepIds: ["review", "decide"], sludge: { wetSignature: 1 } };
 * arbStep(constraints);
 * ```
 */
export interface StepConstraints extends CommonConstraints {
  /** The lanes to draw from (default: all of `LANES`). */
  readonly lanes?: readonly Lane[] | undefined;
  /** Ids of the other steps of the service, which `next`, `deadline.reminder` may name (default: none). */
  readonly stepIds?: readonly string[] | undefined;
  /** How much sludge to plant (default `some`); see {@link SludgeLevel} and {@link SludgeConstraints}. */
  readonly sludge?: SludgeLevel | SludgeConstraints | undefined;
}

/** The patterns planted across a service or an experience rather than at one step. */
const NOT_STEP_PATTERNS = ["inPersonOnly", "digitalOnly", "customerCarries", "noFeedback", "expiredWaiver"] as const satisfies readonly SludgePattern[];

/** A pattern a single step can carry. @internal */
export type StepPattern = Exclude<SludgePattern, (typeof NOT_STEP_PATTERNS)[number]>;

/** Patterns a single step can carry, in the order of `SLUDGE_PATTERNS` (which fixes the order of the rolls). @internal */
export const STEP_PATTERNS: readonly StepPattern[] = SLUDGE_PATTERNS.filter(
  (pattern): pattern is StepPattern => !(NOT_STEP_PATTERNS as readonly SludgePattern[]).includes(pattern),
);

/** @internal Raw choices for one step. */
export interface StepPlan {
  readonly id: string;
  readonly name: string;
  readonly lane: Lane;
  readonly activity: StepActivity | undefined;
  readonly description: string | undefined;
  readonly entry: boolean;
  /** The step this one hangs off: the previous one when undefined, else `parent % index`. */
  readonly parent: number | undefined;
  readonly extra: number | undefined;
  readonly weights: readonly number[];
  readonly attach: boolean;
  readonly reworkUp: number;
  readonly reworkShare: number;
  readonly channel: number;
  readonly role: number | undefined;
  readonly tools: readonly number[];
  readonly credential: number;
  readonly data: readonly number[];
  readonly documents: readonly number[];
  readonly sources: readonly number[];
  readonly customerMinutes: number;
  readonly holdMinutes: number;
  readonly waitDays: number;
  readonly visibility: "status-on-request" | "proactive-updates";
  readonly signature: "none" | "electronic";
  readonly remoteProofing: boolean;
  readonly proofingKind: "in-person" | "knowledge-based";
  readonly evidence: Step["evidence"];
  readonly languages: readonly string[];
  readonly outcome: "completed" | "granted" | "referred" | "withdrawn";
  readonly failPoint: { readonly description: string; readonly share: number | undefined } | undefined;
  readonly deadline:
    | { readonly description: string; readonly days: number | undefined; readonly penalty: string | undefined; readonly reminder: number }
    | undefined;
  readonly policy: string | undefined;
  readonly longWaitDays: number;
  readonly longHoldMinutes: number;
  readonly longWaitIsHold: boolean;
  readonly opaqueDays: number;
  readonly travelMinutes: number;
  readonly lengthyMinutes: number;
  readonly learningMinutes: number;
  readonly fee: number;
  readonly penalty: string;
  readonly rolls: Readonly<Record<StepPattern, number>>;
}

const STEP_NAMES = [
  "Learn about eligibility",
  "Create an account",
  "Apply online",
  "Upload documents",
  "Verify identity",
  "Schedule an appointment",
  "Attend the interview",
  "Wait for a decision",
  "Review the application",
  "Decide on eligibility",
  "Send the decision letter",
  "Receive the benefit",
  "Pay the fee",
  "Sign the form",
] as const;

const ACTIVITIES_BY_LANE: Readonly<Record<Lane, readonly [StepActivity, ...StepActivity[]]>> = {
  "physical-evidence": ["receive", "notify", "other"],
  customer: ["learn", "apply", "provide-information", "verify-identity", "schedule", "attend", "pay", "sign", "appeal", "renew"],
  frontstage: ["notify", "review", "schedule", "verify-identity", "provide-information"],
  backstage: ["review", "decide", "wait", "other"],
  support: ["review", "other", "notify"],
};

/** Lanes whose steps the customer meets through a channel. */
function isCustomerFacing(lane: Lane): boolean {
  return lane === "customer" || lane === "frontstage" || lane === "physical-evidence";
}

/** Minutes in quarter-minute steps, mostly whole. */
function minutes(max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: 0, max }), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4), weight: 1 },
  );
}

/** @internal Checks a list of allowed lanes. */
export function allowedLanes(lanes: readonly Lane[] | undefined, where: string): readonly [Lane, ...Lane[]] {
  const list = lanes ?? LANES;
  const [first, ...rest] = list;
  if (first === undefined) throw new Error(`${where}: lanes must not be empty`);
  for (const lane of list) if (!(LANES as readonly string[]).includes(lane)) throw new Error(`${where}: '${String(lane)}' is not a lane`);
  return [first, ...rest];
}

/** @internal */
export function stepPlan(text: TextStyle, lanes: readonly [Lane, ...Lane[]]): fc.Arbitrary<StepPlan> {
  const name = nameArbitrary(text, STEP_NAMES);
  return fc
    .record({
      id: idArbitrary(text),
      name,
      lane: fc.constantFrom(...lanes),
      activityRoll: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
      description: fc.option(textArbitrary(text), { nil: undefined, freq: 4 }),
      entry: fc.boolean(),
      // Mostly a sequence (the previous step), sometimes a branch off any earlier step.
      parent: fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary: fc.nat(), weight: 3 }),
      extra: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 4 }),
      attach: fc.boolean(),
      reworkUp: fc.nat({ max: 3 }),
      reworkShare: fc.integer({ min: 5, max: 50 }).map((p) => p / 100),
      channel: fc.nat(),
      role: fc.option(fc.nat(), { nil: undefined, freq: 4 }),
      tools: fc.array(fc.nat(), { maxLength: 2 }),
      credential: fc.nat(),
      data: fc.array(fc.nat(), { maxLength: 3 }),
      documents: fc.array(fc.nat(), { maxLength: 2 }),
      sources: fc.array(fc.nat(), { maxLength: 1 }),
      customerMinutes: minutes(60),
      holdMinutes: fc.integer({ min: 0, max: 10 }),
      waitDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 7 })),
      visibility: fc.constantFrom("status-on-request" as const, "proactive-updates" as const),
      signature: fc.constantFrom("none" as const, "electronic" as const),
      remoteProofing: fc.boolean(),
      proofingKind: fc.constantFrom("in-person" as const, "knowledge-based" as const),
      evidence: fc.constantFrom(...EVIDENCE_LEVELS),
      languages: fc.subarray(LANGUAGE_TAGS.filter((tag) => tag !== "en" && tag !== "es"), { maxLength: 3 }),
      outcome: fc.constantFrom("completed" as const, "granted" as const, "referred" as const, "withdrawn" as const),
      failPoint: fc.option(
        fc.record({
          description: nameArbitrary(text, ["Missing documents", "Form rejected", "Appointment missed"]),
          share: fc.option(fc.integer({ min: 0, max: 100 }).map((p) => p / 100), { nil: undefined }),
        }),
        { nil: undefined, freq: 4 },
      ),
      deadline: fc.option(
        fc.record({
          description: nameArbitrary(text, ["Respond within 30 days", "Enroll within 7 months", "File by April 15"]),
          days: fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
          penalty: fc.option(nameArbitrary(text, ["Benefits stop", "Late-enrollment surcharge"]), { nil: undefined }),
          reminder: fc.nat(),
        }),
        { nil: undefined, freq: 4 },
      ),
      policy: fc.option(nameArbitrary(text, ["20 CFR 404.610", "7 CFR 273.2", "Program manual 4.2"]), { nil: undefined, freq: 3 }),
      longWaitDays: fc.integer({ min: 45, max: 365 }),
      longHoldMinutes: fc.integer({ min: 60, max: 240 }),
      longWaitIsHold: fc.boolean(),
      opaqueDays: fc.integer({ min: 1, max: 30 }),
      travelMinutes: fc.integer({ min: 15, max: 180 }),
      lengthyMinutes: fc.integer({ min: 61, max: 240 }),
      learningMinutes: fc.integer({ min: 25, max: 60 }),
      fee: fc.oneof(fc.integer({ min: 5, max: 500 }), fc.integer({ min: 500, max: 50_000 }).map((cents) => cents / 100)),
      penalty: nameArbitrary(text, ["Benefits stop", "Lifelong premium surcharge", "Application closed"]),
      rolls: rollsArbitrary(STEP_PATTERNS),
    })
    .map(({ activityRoll, ...rest }) => ({
      ...rest,
      activity: activityRoll === undefined ? undefined : pick(ACTIVITIES_BY_LANE[rest.lane], activityRoll),
    }));
}

/** How a service lets its steps reach the customer. @internal */
export type ChannelMode = "mixed" | "in-person-only" | "digital-only";

/** What a step needs from its service. @internal */
export interface StepSetting {
  readonly channelMode: ChannelMode;
  /** The step a deadline's reminder pick names: another step of the service, or none when it has no other. */
  readonly reminder: (choice: number) => string | undefined;
  /** Data elements asked so far in this service (mutated as steps are built, in order). */
  readonly serviceData: string[];
  /** Document types asked so far in this service (mutated as steps are built, in order). */
  readonly serviceDocuments: string[];
}

/**
 * The channels a step of a service in this mode may use when no paper is planted. Unplanted services never
 * become in-person only or digital only by accident: in-person channels need a remote one (digital or phone) in
 * the pool, digital ones an assisted one (phone or in person); the service then lists the counterpart.
 *
 * @internal
 */
export function usableChannels(pools: Pools, mode: ChannelMode): Pools["channels"] {
  if (mode === "in-person-only") return channelsOf(pools, ["in-person"]);
  if (mode === "digital-only") return channelsOf(pools, ["digital"]);
  const has = (group: ReturnType<typeof channelGroup>): boolean => pools.channels.some((c) => channelGroup(c.kind) === group);
  const groups: ReturnType<typeof channelGroup>[] = ["phone", "other"];
  if (has("digital") || has("phone")) groups.push("in-person");
  if (has("phone") || has("in-person")) groups.push("digital");
  return channelsOf(pools, groups);
}

/**
 * Builds a step's own fields (everything but `next`, `entry`, `attachedTo` and `outcome`, which depend on the
 * other steps of the service), planting the step-level sludge the odds call for.
 *
 * Long on purpose: one field after another, each drawn from the plan in a fixed order; that order is the
 * arbitrary's contract (the same seed gives the same catalog), so it stays one sequence.
 *
 * @internal
 */
export function buildStepBody(plan: StepPlan, id: string, ctx: BuildContext, setting: StepSetting): Step {
  const { pools, odds, asked } = ctx;
  const is = (pattern: StepPattern): boolean => planted(odds, pattern, plan.rolls[pattern]);
  const customer = plan.lane === "customer";
  const facing = isCustomerFacing(plan.lane);
  const asks = customer || plan.lane === "frontstage";

  const step: Step = {
    id,
    name: plan.name,
    lane: plan.lane,
    tools: [],
    customerMinutes: customer ? plan.customerMinutes : 0,
    holdMinutes: asks ? plan.holdMinutes : 0,
    travelMinutes: 0,
    waitDays: plan.waitDays,
    fee: 0,
    signature: customer ? plan.signature : "none",
    notarization: false,
    identityProofing: "none",
    dataAsked: [],
    documentsAsked: [],
    dataVerified: [],
    documentsVerified: [],
    languages: [],
    evidence: plan.evidence,
    sources: pickDistinct(pools.sources, plan.sources),
    next: [],
  };
  if (plan.description !== undefined) step.description = plan.description;
  if (plan.activity !== undefined) step.activity = plan.activity;

  // Channel: paper only where planted; otherwise what the service's channel mode allows.
  if (facing) {
    const paper = channelsOf(pools, ["paper"]);
    const channel =
      setting.channelMode === "mixed" && paper.length > 0 && is("paperChannel")
        ? pick(paper, plan.channel)
        : pick(usableChannels(pools, setting.channelMode), plan.channel);
    if (channel !== undefined) {
      step.channel = channel.id;
      step.languages = ["en", "es", ...plan.languages];
      if (is("languageGap")) step.languages = ["en"];
      if (channelGroup(channel.kind) === "digital") step.accessible = !is("inaccessible");
      else if (is("inaccessible")) step.accessible = false;
    }
  }
  // Staff lanes name who does the work.
  if (!customer && plan.lane !== "physical-evidence" && plan.role !== undefined) {
    const role = pick(pools.roles, plan.role);
    if (role !== undefined) step.role = role;
  }

  step.tools = pickDistinct(pools.tools, plan.tools).map((t) => t.id);

  // Waits: short and visible unless planted.
  if (step.waitDays > 0) step.waitVisibility = plan.visibility;
  if (is("longWait")) {
    if (plan.longWaitIsHold && asks) step.holdMinutes = plan.longHoldMinutes;
    else {
      step.waitDays = plan.longWaitDays;
      step.waitVisibility = plan.visibility;
    }
  }
  if (is("opaqueWait")) {
    if (step.waitDays === 0) step.waitDays = plan.opaqueDays;
    step.waitVisibility = "opaque";
  }

  // Effort: at most an hour at a step, and 20 minutes (with any hold) when the customer is learning, unless planted.
  if (step.activity === "learn") {
    step.customerMinutes = Math.min(step.customerMinutes, 10);
    step.holdMinutes = Math.min(step.holdMinutes, 10);
  }
  if (customer) {
    if (is("learningCost")) {
      step.activity = "learn";
      step.customerMinutes = plan.learningMinutes;
    }
    if (is("lengthyStep")) step.customerMinutes = plan.lengthyMinutes;
    if (is("wetSignature")) step.signature = "wet";
    if (is("notarization")) step.notarization = true;
    if (is("travel")) step.travelMinutes = plan.travelMinutes;
    if (is("fee")) step.fee = plan.fee;
  }

  // Identity: a shared credential when clean; a separate check where planted.
  if (asks) {
    if (is("repeatedIdentityProofing")) step.identityProofing = plan.proofingKind;
    else if (plan.remoteProofing) {
      const credential = pick(
        pools.tools.filter((t) => t.kind === "identity-verification"),
        plan.credential,
      );
      if (credential !== undefined) {
        step.identityProofing = "remote";
        step.credential = credential.id;
      }
    }
  }

  // What the customer is asked: each thing once across the catalog, nothing the government holds, unless planted.
  if (asks) {
    const fresh = pools.dataElements.filter((d) => d.heldBy.length === 0 && !asked.data.has(d.id));
    const dataAsked = pickDistinct(fresh, plan.data).map((d) => d.id);
    const earlier = setting.serviceData.find((d) => !dataAsked.includes(d));
    if (earlier !== undefined && is("duplicateData")) dataAsked.push(earlier);
    if (is("askedForHeld")) {
      const held = pick(
        pools.dataElements.filter((d) => d.heldBy.length > 0 && !dataAsked.includes(d.id)),
        plan.data[0] ?? plan.channel,
      );
      if (held !== undefined) dataAsked.push(held.id);
    }
    for (const d of dataAsked) {
      asked.data.add(d);
      if (!setting.serviceData.includes(d)) setting.serviceData.push(d);
    }
    step.dataAsked = dataAsked;

    const freshDocuments = pools.documentTypes.filter((d) => d.heldBy.length === 0 && !asked.documents.has(d.id));
    const documentsAsked = pickDistinct(freshDocuments, plan.documents).map((d) => d.id);
    const earlierDocument = setting.serviceDocuments.find((d) => !documentsAsked.includes(d));
    if (earlierDocument !== undefined && is("repeatedDocuments")) documentsAsked.push(earlierDocument);
    for (const d of documentsAsked) {
      asked.documents.add(d);
      if (!setting.serviceDocuments.includes(d)) setting.serviceDocuments.push(d);
    }
    step.documentsAsked = documentsAsked;
  }

  if (plan.failPoint !== undefined) {
    step.failPoint = { description: plan.failPoint.description };
    if (plan.failPoint.share !== undefined) step.failPoint.share = plan.failPoint.share;
  }

  // A deadline either names a reminder step or carries no penalty, unless planted.
  if (customer && (plan.deadline !== undefined || is("deadlineWithoutReminder"))) {
    const deadline = plan.deadline ?? { description: "Respond by the due date", days: undefined, penalty: undefined, reminder: 0 };
    const reminder = setting.reminder(deadline.reminder);
    if (is("deadlineWithoutReminder")) {
      step.deadline = { description: deadline.description, penalty: deadline.penalty ?? plan.penalty };
    } else {
      step.deadline = { description: deadline.description };
      if (reminder !== undefined) {
        step.deadline.reminder = reminder;
        if (deadline.penalty !== undefined) step.deadline.penalty = deadline.penalty;
      }
    }
    if (deadline.days !== undefined) step.deadline.days = deadline.days;
  }
  if (plan.policy !== undefined) step.policy = plan.policy;
  return step;
}

/** Whether the plan plants a rework loop. @internal */
export function plansRework(plan: StepPlan, ctx: BuildContext): boolean {
  return planted(ctx.odds, "reworkLoop", plan.rolls.reworkLoop);
}

/** The outcome a step that ends its service gets. @internal */
export function endingOutcome(plan: StepPlan, ctx: BuildContext): (typeof OUTCOME_KINDS)[number] {
  return planted(ctx.odds, "deadEnd", plan.rolls.deadEnd) ? "denied" : plan.outcome;
}

/**
 * Generates one step of a service, valid against `StepSchema`, whose references are drawn from `within` and whose
 * `next` flows go to `stepIds`.
 *
 * @param constraints - lanes, sibling step ids, how much sludge to plant, how text looks, and the catalog lists
 *   references are drawn from
 * @returns an arbitrary of steps
 * @remarks One forward target is a `sequence`; several are `branch`es whose shares add up to 1. A planted rework
 *   loop adds a `rework` flow with a fail point. Steps without forward flows end the service with an outcome
 *   (`denied` where a dead end is planted). For whole services whose steps are all reachable, use
 *   {@link arbService}.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbStep } from "service-blueprint/testing";
 * fc.assert(
 *   fc.property(arbStep({ stepIds: ["a", "b", "c"] }), (step) => {
 *     const branches = step.next.filter((flow) => flow.kind === "branch");
 *     return branches.length === 0 || Math.abs(branches.reduce((sum, f) => sum + (f.share ?? 0), 0) - 1) < 1e-9;
 *   }),
 * );
 * ```
 */
export function arbStep(constraints: StepConstraints = {}): fc.Arbitrary<Step> {
  const lanes = allowedLanes(constraints.lanes, "arbStep");
  const odds = resolveSludge(constraints.sludge, "arbStep");
  const pools = poolsFrom(constraints.within);
  const stepIds = [...new Set(constraints.stepIds ?? [])];
  return stepPlan(textStyle(constraints.text), lanes).map((plan) => {
    const others = stepIds.filter((id) => id !== plan.id);
    const ctx = contextFor(pools, odds);
    const step = buildStepBody(plan, plan.id, ctx, {
      channelMode: "mixed",
      reminder: (choice) => pick(others, choice),
      serviceData: [],
      serviceDocuments: [],
    });
    const first = plan.parent ?? 0;
    const targets = pickDistinct(others, plan.extra === undefined ? [first] : [first, plan.extra]);
    const forward = others.length === 0 || plan.attach ? [] : targets;
    step.next = forwardFlows(forward, plan.weights);
    if (forward.length === 0) step.outcome = endingOutcome(plan, ctx);
    if (plansRework(plan, ctx)) {
      const back = pick(others.filter((id) => !forward.includes(id)), plan.reworkUp);
      if (back !== undefined) {
        step.next.push({ to: back, kind: "rework", share: plan.reworkShare });
        step.failPoint ??= { description: "Sent back to fix the application" };
      }
    }
    return step;
  });
}
