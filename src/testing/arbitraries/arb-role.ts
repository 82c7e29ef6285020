import * as fc from "fast-check";
import type { Role } from "../../model/schema.js";
import { ROLE_KINDS } from "../../model/vocabulary.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pick, poolsFrom, textStyle } from "../internal/context.js";
import { idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbRole}.
 *
 * @example
 * ```ts
 * import { arbRole, type RoleConstraints } from "service-blueprint/testing";
 * const constraints: RoleConstraints = { text: "adversarial" };
 * arbRole(constraints);
 * ```
 */
export interface RoleConstraints extends CommonConstraints {}

/** @internal Raw choices for one role. */
export interface RolePlan {
  readonly id: string;
  readonly name: string;
  readonly kind: Role["kind"];
  readonly agency: number | undefined;
  readonly description: string | undefined;
}

const ROLE_NAMES = [
  "Claims specialist",
  "Contact-center agent",
  "Eligibility worker",
  "Case manager",
  "Adjudicator",
  "Navigator",
  "Chat bot",
  "Applicant",
] as const;

/** @internal */
export function rolePlan(text: TextStyle): fc.Arbitrary<RolePlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, ROLE_NAMES),
    kind: fc.constantFrom(...ROLE_KINDS),
    agency: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/** @internal */
export function buildRole(plan: RolePlan, id: string, agencies: readonly string[]): Role {
  const role: Role = { id, name: plan.name, kind: plan.kind };
  const agency = plan.agency === undefined ? undefined : pick(agencies, plan.agency);
  if (agency !== undefined) role.agency = agency;
  if (plan.description !== undefined) role.description = plan.description;
  return role;
}

/**
 * Generates a role in the delivery chain (who does the work), valid against `RoleSchema`.
 *
 * @param constraints - how text looks, and the agencies a role may belong to (`within.agencies`)
 * @returns an arbitrary of roles
 * @remarks Kinds cover staff, contractors, partners, volunteers, automated agents and the customer.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { RoleSchema } from "service-blueprint";
 * import { arbRole } from "service-blueprint/testing";
 * fc.assert(fc.property(arbRole(), (role) => RoleSchema.safeParse(role).success));
 * ```
 */
export function arbRole(constraints: RoleConstraints = {}): fc.Arbitrary<Role> {
  const agencies = poolsFrom(constraints.within).agencies;
  return rolePlan(textStyle(constraints.text)).map((plan) => buildRole(plan, plan.id, agencies));
}
