import * as fc from "fast-check";
import type { DocumentType } from "../../model/schema.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pick, pickDistinct, poolsFrom, textStyle } from "../internal/context.js";
import { idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbDocumentType}.
 *
 * @example
 * ```ts
 * import { arbDocumentType, type DocumentTypeConstraints } from "service-blueprint/testing";
 * const constraints: DocumentTypeConstraints = { text: "realistic" };
 * arbDocumentType(constraints);
 * ```
 */
export interface DocumentTypeConstraints extends CommonConstraints {}

/** @internal Raw choices for one document type. */
export interface DocumentTypePlan {
  readonly id: string;
  readonly name: string;
  readonly issuedBy: number | undefined;
  readonly heldBy: readonly number[];
  readonly description: string | undefined;
}

const DOCUMENT_NAMES = [
  "Birth certificate",
  "DD Form 214",
  "W-2",
  "Proof of address",
  "Lease agreement",
  "Insurance settlement letter",
  "Driver's license",
  "Marriage certificate",
] as const;

/** @internal */
export function documentTypePlan(text: TextStyle): fc.Arbitrary<DocumentTypePlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, DOCUMENT_NAMES),
    issuedBy: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    heldBy: fc.array(fc.nat(), { maxLength: 2 }),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/** @internal */
export function buildDocumentType(plan: DocumentTypePlan, id: string, agencies: readonly string[]): DocumentType {
  const documentType: DocumentType = { id, name: plan.name, heldBy: pickDistinct(agencies, plan.heldBy) };
  const issuedBy = plan.issuedBy === undefined ? undefined : pick(agencies, plan.issuedBy);
  if (issuedBy !== undefined) documentType.issuedBy = issuedBy;
  if (plan.description !== undefined) documentType.description = plan.description;
  return documentType;
}

/**
 * Generates a type of document a customer may be asked to produce, valid against `DocumentTypeSchema`.
 *
 * @param constraints - how text looks, and the agencies that may issue or hold it (`within.agencies`)
 * @returns an arbitrary of document types
 * @remarks `issuedBy` and `heldBy` are left out (or empty) without `within.agencies`.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { DocumentTypeSchema } from "service-blueprint";
 * import { arbDocumentType } from "service-blueprint/testing";
 * fc.assert(fc.property(arbDocumentType(), (doc) => DocumentTypeSchema.safeParse(doc).success));
 * ```
 */
export function arbDocumentType(constraints: DocumentTypeConstraints = {}): fc.Arbitrary<DocumentType> {
  const agencies = poolsFrom(constraints.within).agencies;
  return documentTypePlan(textStyle(constraints.text)).map((plan) => buildDocumentType(plan, plan.id, agencies));
}
