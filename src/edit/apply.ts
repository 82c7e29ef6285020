import { type Draft, produce } from "immer";
import { checkIntegrity } from "../model/integrity.js";
import { type CatalogIssue, type PathSegment, makeIssue } from "../model/issues.js";
import type { Catalog } from "../model/schema.js";
import { sortIssues } from "../model/validate.js";

/**
 * The result of an edit: the new catalog (frozen, sharing every unchanged part with the input), or the issues that
 * the edit would have caused, with the input unchanged.
 *
 * @example
 * ```ts
 * import { addStep, type EditResult } from "service-blueprint";
 * const result: EditResult = addStep(catalog, "ssa-retirement", { id: "wait", name: "Wait", lane: "customer" }, { after: "apply" });
 * if (result.success) catalog = result.catalog;
 * else console.log(result.issues);
 * ```
 */
export type EditResult =
  | {
      readonly success: true;
      /** @deprecated Read `success` (the name every result of the library uses); `ok` goes in the next minor version. */
      readonly ok: true;
      readonly catalog: Catalog;
      readonly issues: readonly [];
    }
  | {
      readonly success: false;
      /** @deprecated Read `success` (the name every result of the library uses); `ok` goes in the next minor version. */
      readonly ok: false;
      readonly catalog: Catalog;
      readonly issues: readonly CatalogIssue[];
    };

/** A problem found before the draft is touched: an unknown id, a duplicate. @internal */
export class EditRefusal {
  constructor(readonly issues: readonly CatalogIssue[]) {}
}

/** @internal */
export function refuse(code: CatalogIssue["code"], segments: readonly PathSegment[], message: string, hint?: string): never {
  throw new EditRefusal([makeIssue(code, segments, message, hint)]);
}

/**
 * Applies a recipe to a draft of the catalog with immer, then checks the integrity of the result. The recipe may
 * throw an {@link EditRefusal} to refuse the edit with issues.
 *
 * @internal
 */
export function applyEdit(catalog: Catalog, recipe: (draft: Draft<Catalog>) => void): EditResult {
  let next: Catalog;
  try {
    next = produce(catalog, recipe);
  } catch (error) {
    if (error instanceof EditRefusal) return { success: false, ok: false, catalog, issues: error.issues };
    throw error;
  }
  if (next === catalog) return { success: true, ok: true, catalog, issues: [] };
  const issues = checkIntegrity(next);
  if (issues.length > 0) return { success: false, ok: false, catalog, issues: sortIssues(issues) };
  return { success: true, ok: true, catalog: next, issues: [] };
}

/**
 * Applies any change to a catalog with an immer recipe, and keeps the result only if the catalog stays sound (its
 * integrity is checked; the recipe is trusted to keep shapes valid: use the typed edits where you can).
 *
 * @param catalog - a parsed catalog (never modified)
 * @param recipe - a function that changes the draft in place
 * @returns the new catalog, or the issues the change would cause
 * @example
 * ```ts
 * import { updateCatalog } from "service-blueprint";
 * const result = updateCatalog(catalog, (draft) => {
 *   draft.description = "Services of the retirement life experience";
 * });
 * ```
 */
export function updateCatalog(catalog: Catalog, recipe: (draft: Draft<Catalog>) => void): EditResult {
  return applyEdit(catalog, recipe);
}

/** Finds an index by id or refuses the edit with a did-you-mean hint. @internal */
export function indexOfId(
  items: readonly { readonly id: string }[],
  id: string,
  segments: readonly PathSegment[],
  noun: string,
  suggestFrom: (id: string, ids: readonly string[]) => string,
): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) refuse("unknown_reference", segments, `${noun} '${id}' does not exist`, suggestFrom(id, items.map((i) => i.id).sort()));
  return index;
}
