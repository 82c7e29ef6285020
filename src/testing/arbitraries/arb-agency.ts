import * as fc from "fast-check";
import type { Agency } from "../../model/schema.js";
import { GOVERNMENT_LEVELS } from "../../model/vocabulary.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pick, poolsFrom, textStyle } from "../internal/context.js";
import { idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbAgency}.
 *
 * @example
 * ```ts
 * import { arbAgency, type AgencyConstraints } from "service-blueprint/testing";
 * const constraints: AgencyConstraints = { within: { agencies: [{ id: "hhs", name: "HHS", level: "federal", hisp: false }] } };
 * arbAgency(constraints); // agencies whose department, when set, is "hhs"
 * ```
 */
export interface AgencyConstraints extends CommonConstraints {}

/** @internal Raw choices for one agency. */
export interface AgencyPlan {
  readonly id: string;
  readonly name: string;
  readonly acronym: string | undefined;
  readonly department: number | undefined;
  readonly level: Agency["level"];
  readonly hisp: boolean;
  readonly description: string | undefined;
}

const AGENCY_NAMES = [
  "Social Security Administration",
  "Internal Revenue Service",
  "Centers for Medicare & Medicaid Services",
  "Federal Emergency Management Agency",
  "Small Business Administration",
  "Veterans Benefits Administration",
  "Food and Nutrition Service",
  "Department of Labor",
  "State Department of Human Services",
  "County Social Services",
] as const;

const ACRONYMS = ["SSA", "IRS", "CMS", "FEMA", "SBA", "VBA", "FNS", "DOL", "DHS", "HHS", "USDA"] as const;

/** @internal */
export function agencyPlan(text: TextStyle): fc.Arbitrary<AgencyPlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, AGENCY_NAMES),
    acronym: fc.option(nameArbitrary(text, ACRONYMS).map((a) => a.slice(0, 40).trim() || "X"), { nil: undefined }),
    department: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    level: fc.constantFrom(...GOVERNMENT_LEVELS),
    hisp: fc.boolean(),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/**
 * @internal
 * @param departments - agencies this one may name as its department (never itself, so departments never cycle
 *   when the catalog passes only the agencies before this one)
 */
export function buildAgency(plan: AgencyPlan, id: string, departments: readonly string[]): Agency {
  const agency: Agency = { id, name: plan.name, level: plan.level, hisp: plan.hisp };
  if (plan.acronym !== undefined) agency.acronym = plan.acronym;
  const department = plan.department === undefined ? undefined : pick(departments.filter((d) => d !== id), plan.department);
  if (department !== undefined) agency.department = department;
  if (plan.description !== undefined) agency.description = plan.description;
  return agency;
}

/**
 * Generates an agency, bureau or other provider, valid against `AgencySchema`.
 *
 * @param constraints - how text looks, and the agencies a `department` may name (`within.agencies`)
 * @returns an arbitrary of agencies
 * @remarks Without `within.agencies` no agency has a department. Levels cover federal to non-governmental;
 *   about half are High-Impact Service Providers.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbAgency } from "service-blueprint/testing";
 * const [agency] = fc.sample(arbAgency({ text: "realistic" }), { numRuns: 1, seed: 42 });
 * ```
 */
export function arbAgency(constraints: AgencyConstraints = {}): fc.Arbitrary<Agency> {
  const departments = poolsFrom(constraints.within).agencies;
  return agencyPlan(textStyle(constraints.text)).map((plan) => buildAgency(plan, plan.id, departments));
}
