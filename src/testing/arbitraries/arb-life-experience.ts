import * as fc from "fast-check";
import type { LifeExperience, Link } from "../../model/schema.js";
import { LINK_KINDS, type LinkKind } from "../../model/vocabulary.js";
import type { CommonConstraints, SludgeConstraints, SludgeLevel, TextStyle } from "../constraints.js";
import { type BuildContext, contextFor, pick, pickDistinct, poolsFrom, textStyle } from "../internal/context.js";
import { planted, resolveSludge, rollArbitrary } from "../internal/sludge.js";
import { idArbitrary, nameArbitrary, textArbitrary, uniqueIds } from "../internal/strings.js";

/**
 * Options of {@link arbLifeExperience}.
 *
 * @example
 * ```ts
 * import { arbLifeExperience, type LifeExperienceConstraints } from "service-blueprint/testing";
 * const constraints: LifeExperienceConstraints = { maxLinks: 6, linkKinds: ["data-share", "referral"] };
 * arbLifeExperience(constraints);
 * ```
 */
export interface LifeExperienceConstraints extends CommonConstraints {
  /** Most services strung together (default 4, at least 1). */
  readonly maxServices?: number | undefined;
  /** Fewest links between them (default 0); links need two services, so they are left out when `within.services` has fewer. */
  readonly minLinks?: number | undefined;
  /** Most links between them (default 4). */
  readonly maxLinks?: number | undefined;
  /** Link kinds to draw from (default: every kind but `customer-carries`, which is planted as sludge). */
  readonly linkKinds?: readonly LinkKind[] | undefined;
  /** How much sludge to plant (default `some`): `customerCarries` turns links into `customer-carries`. */
  readonly sludge?: SludgeLevel | SludgeConstraints | undefined;
}

/** Sizes of a life experience, checked. @internal */
export interface ExperienceSizes {
  readonly maxServices: number;
  readonly minLinks: number;
  readonly maxLinks: number;
  readonly linkKinds: readonly [LinkKind, ...LinkKind[]];
}

/** @internal Raw choices for one link. */
export interface LinkPlan {
  readonly id: string;
  readonly kind: LinkKind;
  readonly from: number;
  readonly to: number;
  readonly fromStep: number;
  readonly toStep: number;
  readonly data: readonly number[];
  readonly documents: readonly number[];
  readonly share: number | undefined;
  readonly waitDays: number;
  readonly label: string | undefined;
  readonly customerCarries: number;
}

/** @internal Raw choices for one life experience. */
export interface LifeExperiencePlan {
  readonly id: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly priority: boolean;
  readonly services: readonly number[];
  readonly fallbackService: string;
  readonly links: readonly LinkPlan[];
  readonly sources: readonly number[];
}

const EXPERIENCE_NAMES = [
  "Approaching retirement",
  "Recovering from a disaster",
  "Having a child and early childhood",
  "Facing a financial shock",
  "Transitioning to civilian life",
  "Starting a small business",
] as const;

/** @internal Checks and fills in sizes. */
export function experienceSizes(
  constraints: {
    readonly maxServices?: number;
    readonly minLinks?: number;
    readonly maxLinks?: number;
    readonly linkKinds?: readonly LinkKind[];
  },
  where: string,
  names: { readonly minLinks: string; readonly maxLinks: string } = { minLinks: "minLinks", maxLinks: "maxLinks" },
): ExperienceSizes {
  const maxServices = constraints.maxServices ?? 4;
  const minLinks = constraints.minLinks ?? 0;
  const maxLinks = constraints.maxLinks ?? Math.max(4, minLinks);
  if (!Number.isInteger(minLinks) || minLinks < 0) throw new Error(`${where}: ${names.minLinks} must be a non-negative integer, got ${minLinks}`);
  if (!Number.isInteger(maxServices) || maxServices < 1) throw new Error(`${where}: maxServices must be an integer of at least 1, got ${maxServices}`);
  if (!Number.isInteger(maxLinks) || maxLinks < 0) throw new Error(`${where}: ${names.maxLinks} must be a non-negative integer, got ${maxLinks}`);
  const kinds = constraints.linkKinds ?? LINK_KINDS.filter((k) => k !== "customer-carries");
  const [first, ...rest] = kinds;
  if (first === undefined) throw new Error(`${where}: linkKinds must not be empty`);
  for (const kind of kinds) if (!(LINK_KINDS as readonly string[]).includes(kind)) throw new Error(`${where}: '${String(kind)}' is not a link kind`);
  if (maxLinks < minLinks) throw new Error(`${where}: ${names.maxLinks} (${maxLinks}) must not be below ${names.minLinks} (${minLinks})`);
  return { maxServices, minLinks, maxLinks, linkKinds: [first, ...rest] };
}

/** @internal */
export function lifeExperiencePlan(text: TextStyle, sizes: ExperienceSizes): fc.Arbitrary<LifeExperiencePlan> {
  const link: fc.Arbitrary<LinkPlan> = fc.record({
    id: idArbitrary(text),
    kind: fc.constantFrom(...sizes.linkKinds),
    from: fc.nat(),
    to: fc.nat(),
    fromStep: fc.nat(),
    toStep: fc.nat(),
    data: fc.array(fc.nat(), { maxLength: 3 }),
    documents: fc.array(fc.nat(), { maxLength: 2 }),
    share: fc.option(fc.integer({ min: 0, max: 100 }).map((p) => p / 100), { nil: undefined }),
    waitDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
    label: fc.option(nameArbitrary(text, ["Approval letter", "Referral", "Record shared"]), { nil: undefined, freq: 3 }),
    customerCarries: rollArbitrary(),
  });
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, EXPERIENCE_NAMES),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
    priority: fc.boolean(),
    services: fc.array(fc.nat(), { minLength: 1, maxLength: sizes.maxServices }),
    fallbackService: idArbitrary(text),
    links: fc.array(link, { minLength: sizes.minLinks, maxLength: sizes.maxLinks }),
    sources: fc.array(fc.nat(), { maxLength: 2 }),
  });
}

/**
 * Builds a life experience over distinct services of the pool; links join steps of two different member
 * services, so they always point at existing steps.
 *
 * @internal
 */
export function buildLifeExperience(plan: LifeExperiencePlan, id: string, ctx: BuildContext): LifeExperience {
  const { pools, odds } = ctx;
  const members = pickDistinct(pools.services, plan.services);
  // Links need two services: when the plan has links and the pool allows, take the next service as well.
  if (plan.links.length > 0 && members.length === 1 && pools.services.length >= 2) {
    members.push(pools.services[(plan.services[0]! + 1) % pools.services.length]!);
  }
  const links: Link[] = [];
  if (members.length >= 2) {
    const m = members.length;
    const linkIds = uniqueIds(plan.links.map((l) => l.id));
    plan.links.forEach((l, k) => {
      const fromIndex = l.from % m;
      const from = members[fromIndex]!;
      const to = members[(fromIndex + 1 + (l.to % (m - 1))) % m]!;
      const kind: LinkKind = planted(odds, "customerCarries", l.customerCarries) ? "customer-carries" : l.kind;
      const link: Link = {
        id: linkIds[k]!,
        kind,
        from: { service: from.id, step: pick(from.steps, l.fromStep)!.id },
        to: { service: to.id, step: pick(to.steps, l.toStep)!.id },
        data: kind === "data-share" ? pickDistinct(pools.dataElements, l.data).map((d) => d.id) : [],
        documents: kind === "customer-carries" || kind === "referral" ? pickDistinct(pools.documentTypes, l.documents).map((d) => d.id) : [],
        waitDays: l.waitDays,
      };
      if (l.share !== undefined) link.share = l.share;
      if (l.label !== undefined) link.label = l.label;
      links.push(link);
    });
  }
  const experience: LifeExperience = {
    id,
    name: plan.name,
    priority: plan.priority,
    services: members.length > 0 ? members.map((s) => s.id) : [plan.fallbackService],
    links,
    sources: pickDistinct(pools.sources, plan.sources),
  };
  if (plan.description !== undefined) experience.description = plan.description;
  return experience;
}

/**
 * Generates a life experience: services of several agencies strung together by typed links, valid against
 * `LifeExperienceSchema` and the validator's checks for a catalog holding `within`'s lists.
 *
 * @param constraints - how many services and links, link kinds, how much sludge to plant, how text looks, and the
 *   catalog lists to draw from (`within.services` above all)
 * @returns an arbitrary of life experiences
 * @remarks Services are distinct members of `within.services`; each link joins a step of one member to a step of
 *   another, and link ids are unique. `data-share` links pass data elements; `referral` and `customer-carries`
 *   links pass documents. Without `within.services` the experience names one generated service id and has no links.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbLifeExperience, arbService } from "service-blueprint/testing";
 * const arb = fc
 *   .uniqueArray(arbService(), { minLength: 2, maxLength: 3, selector: (s) => s.id })
 *   .chain((services) => arbLifeExperience({ within: { services } }));
 * fc.assert(fc.property(arb, (experience) => experience.links.every((l) => l.from.service !== l.to.service)));
 * ```
 */
export function arbLifeExperience(constraints: LifeExperienceConstraints = {}): fc.Arbitrary<LifeExperience> {
  const sizes = experienceSizes(constraints, "arbLifeExperience");
  const odds = resolveSludge(constraints.sludge, "arbLifeExperience");
  const pools = poolsFrom(constraints.within);
  return lifeExperiencePlan(textStyle(constraints.text), sizes).map((plan) => buildLifeExperience(plan, plan.id, contextFor(pools, odds)));
}
