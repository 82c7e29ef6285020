import * as fc from "fast-check";
import type { DataElement } from "../../model/schema.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pickDistinct, poolsFrom, textStyle } from "../internal/context.js";
import { idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbDataElement}.
 *
 * @example
 * ```ts
 * import { arbDataElement, type DataElementConstraints } from "service-blueprint/testing";
 * const constraints: DataElementConstraints = { within: { agencies: [{ id: "ssa", name: "SSA", level: "federal", hisp: true }] } };
 * arbDataElement(constraints); // heldBy, when not empty, is ["ssa"]
 * ```
 */
export interface DataElementConstraints extends CommonConstraints {}

/** @internal Raw choices for one data element. */
export interface DataElementPlan {
  readonly id: string;
  readonly name: string;
  readonly sensitive: boolean;
  readonly heldBy: readonly number[];
  readonly description: string | undefined;
}

const DATA_NAMES = [
  "Social Security number",
  "Date of birth",
  "Mailing address",
  "Household income",
  "Bank account",
  "Employer",
  "Military service dates",
  "Marital status",
] as const;

/** @internal */
export function dataElementPlan(text: TextStyle): fc.Arbitrary<DataElementPlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, DATA_NAMES),
    sensitive: fc.boolean(),
    heldBy: fc.array(fc.nat(), { maxLength: 2 }),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/** @internal */
export function buildDataElement(plan: DataElementPlan, id: string, agencies: readonly string[]): DataElement {
  const element: DataElement = { id, name: plan.name, sensitive: plan.sensitive, heldBy: pickDistinct(agencies, plan.heldBy) };
  if (plan.description !== undefined) element.description = plan.description;
  return element;
}

/**
 * Generates a data element a customer may be asked for, valid against `DataElementSchema`.
 *
 * @param constraints - how text looks, and the agencies that may already hold it (`within.agencies`)
 * @returns an arbitrary of data elements
 * @remarks `heldBy` lists distinct agencies; it is empty without `within.agencies`.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbDataElement } from "service-blueprint/testing";
 * fc.assert(fc.property(arbDataElement(), (element) => new Set(element.heldBy).size === element.heldBy.length));
 * ```
 */
export function arbDataElement(constraints: DataElementConstraints = {}): fc.Arbitrary<DataElement> {
  const agencies = poolsFrom(constraints.within).agencies;
  return dataElementPlan(textStyle(constraints.text)).map((plan) => buildDataElement(plan, plan.id, agencies));
}
