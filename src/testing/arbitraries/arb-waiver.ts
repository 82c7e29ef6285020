import * as fc from "fast-check";
import type { Waiver, WaiverTarget } from "../../model/schema.js";
import { WAIVER_JUSTIFICATIONS } from "../../model/vocabulary.js";
import type { CommonConstraints, SludgeConstraints, SludgeLevel, TextStyle } from "../constraints.js";
import { type BuildContext, contextFor, pick, poolsFrom, textStyle } from "../internal/context.js";
import { planted, resolveSludge, rollArbitrary } from "../internal/sludge.js";
import { idArbitrary, isoDateArbitrary, nameArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbWaiver}.
 *
 * @example
 * ```ts
 * import { arbWaiver, type WaiverConstraints } from "service-blueprint/testing";
 * const constraints: WaiverConstraints = { rules: ["wet-signature"], sludge: "none" };
 * arbWaiver(constraints);
 * ```
 */
export interface WaiverConstraints extends CommonConstraints {
  /** Rule ids a waiver may silence (default: {@link DEFAULT_WAIVER_RULES}). */
  readonly rules?: readonly string[] | undefined;
  /** How much sludge to plant (default `some`): `expiredWaiver` makes a waiver expire between 2020 and 2024. */
  readonly sludge?: SludgeLevel | SludgeConstraints | undefined;
}

/**
 * Rule ids generated waivers name by default: the sludge patterns of the project's domain notes, in kebab-case.
 *
 * @example
 * ```ts
 * import { DEFAULT_WAIVER_RULES } from "service-blueprint/testing";
 * DEFAULT_WAIVER_RULES.includes("wet-signature"); // true
 * ```
 */
export const DEFAULT_WAIVER_RULES: readonly string[] = [
  "wet-signature",
  "notarization",
  "in-person-only",
  "paper-channel",
  "long-wait",
  "fee",
  "repeated-identity-proofing",
  "duplicate-data-request",
];

/** @internal Raw choices for one waiver. */
export interface WaiverPlan {
  readonly id: string | undefined;
  readonly rule: number;
  readonly target: number;
  readonly service: number;
  readonly step: number;
  readonly experience: number;
  readonly link: number;
  readonly fallbackTarget: string;
  readonly justification: Waiver["justification"];
  readonly note: string;
  readonly approvedBy: string | undefined;
  readonly expires: string | undefined;
  readonly expired: string;
  readonly expiredWaiver: number;
}

/** @internal Checks the rule list. */
export function waiverRules(rules: readonly string[] | undefined, where: string): readonly string[] {
  const list = rules ?? DEFAULT_WAIVER_RULES;
  if (list.length === 0) throw new Error(`${where}: rules must not be empty`);
  for (const rule of list) {
    if (typeof rule !== "string" || rule.length < 1 || rule.length > 100) throw new Error(`${where}: a rule id is 1 to 100 characters, got ${JSON.stringify(rule)}`);
  }
  return list;
}

/** @internal */
export function waiverPlan(text: TextStyle): fc.Arbitrary<WaiverPlan> {
  return fc.record({
    id: fc.option(idArbitrary(text), { nil: undefined }),
    rule: fc.nat(),
    target: fc.nat({ max: 3 }),
    service: fc.nat(),
    step: fc.nat(),
    experience: fc.nat(),
    link: fc.nat(),
    fallbackTarget: idArbitrary(text),
    justification: fc.constantFrom(...WAIVER_JUSTIFICATIONS),
    note: nameArbitrary(text, ["Required by statute until the rule changes", "Needed to prevent identity fraud", "Privacy review pending"]),
    approvedBy: fc.option(nameArbitrary(text, ["Chief Customer Experience Officer", "Program counsel"]), { nil: undefined, freq: 2 }),
    expires: fc.option(isoDateArbitrary(2090, 2099), { nil: undefined }),
    expired: isoDateArbitrary(2020, 2024),
    expiredWaiver: rollArbitrary(),
  });
}

/**
 * Builds a waiver with a valid target: a service, a step of it, a life experience or a link of it.
 *
 * @internal
 */
export function buildWaiver(plan: WaiverPlan, rules: readonly string[], ctx: BuildContext): Waiver {
  const { services, lifeExperiences } = ctx.pools;
  let target: WaiverTarget;
  const wantsService = plan.target < 2 ? services.length > 0 : lifeExperiences.length === 0 && services.length > 0;
  if (wantsService) {
    const service = pick(services, plan.service)!;
    target = { service: service.id };
    const step = pick(service.steps, plan.step);
    if (plan.target % 2 === 1 && step !== undefined) target.step = step.id;
  } else if (lifeExperiences.length > 0) {
    const experience = pick(lifeExperiences, plan.experience)!;
    target = { experience: experience.id };
    const link = pick(experience.links, plan.link);
    if (plan.target % 2 === 1 && link !== undefined) target.link = link.id;
  } else {
    target = { service: plan.fallbackTarget };
  }
  const waiver: Waiver = { rule: pick(rules, plan.rule)!, target, justification: plan.justification, note: plan.note };
  if (plan.id !== undefined) waiver.id = plan.id;
  if (plan.approvedBy !== undefined) waiver.approvedBy = plan.approvedBy;
  if (planted(ctx.odds, "expiredWaiver", plan.expiredWaiver)) waiver.expires = plan.expired;
  else if (plan.expires !== undefined) waiver.expires = plan.expires;
  return waiver;
}

/**
 * Generates a waiver: the recorded decision that a friction is legitimate, valid against `WaiverSchema` and the
 * validator's target checks for a catalog holding `within`'s lists.
 *
 * @param constraints - the rule ids to name, how much sludge to plant, how text looks, and the services and life
 *   experiences a target may name
 * @returns an arbitrary of waivers
 * @remarks Targets are always well formed (a service, a service and one of its steps, a life experience, or a life
 *   experience and one of its links). Clean waivers either never expire or expire in the 2090s; `expiredWaiver`
 *   plants expiry dates from 2020 to 2024. Without `within.services` or `within.lifeExperiences` the target names
 *   a generated service id.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbWaiver } from "service-blueprint/testing";
 * fc.assert(fc.property(arbWaiver({ rules: ["fee"] }), (waiver) => waiver.rule === "fee"));
 * ```
 */
export function arbWaiver(constraints: WaiverConstraints = {}): fc.Arbitrary<Waiver> {
  const rules = waiverRules(constraints.rules, "arbWaiver");
  const odds = resolveSludge(constraints.sludge, "arbWaiver");
  const pools = poolsFrom(constraints.within);
  return waiverPlan(textStyle(constraints.text)).map((plan) => buildWaiver(plan, rules, contextFor(pools, odds)));
}
