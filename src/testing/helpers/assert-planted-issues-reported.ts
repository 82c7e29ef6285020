import { type CatalogIssue, formatIssues } from "../../model/issues.js";
import { safeParseCatalog } from "../../model/validate.js";
import type { BrokenCatalog } from "../arbitraries/arb-broken-catalog.js";

/**
 * What {@link assertPlantedIssuesReported} validates with: any function that takes a document and returns either
 * success or issues, like `safeParseCatalog` (the default).
 *
 * @example
 * ```ts
 * import { safeParseCatalog } from "service-blueprint";
 * import type { CatalogValidator } from "service-blueprint/testing";
 * const strict: CatalogValidator = (value) => safeParseCatalog(value, { limits: { maxDepth: 64 } });
 * ```
 */
export type CatalogValidator = (value: unknown) => { readonly success: boolean; readonly issues: readonly CatalogIssue[] };

/**
 * Checks that a validator reports every problem {@link arbBrokenCatalog} planted, at its path, without throwing.
 * Throws a plain `Error` naming what was missed otherwise, so it works under any test runner.
 *
 * @param broken - a broken catalog and its planted problems
 * @param validate - the validator to hold to account (default `safeParseCatalog`)
 * @returns the issues the validator reported (the planted ones and any others)
 * @throws `Error` when the validator throws, accepts the catalog, or misses a planted issue
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbBrokenCatalog, assertPlantedIssuesReported } from "service-blueprint/testing";
 * fc.assert(fc.property(arbBrokenCatalog(), (broken) => void assertPlantedIssuesReported(broken)));
 * ```
 */
export function assertPlantedIssuesReported(broken: BrokenCatalog, validate: CatalogValidator = safeParseCatalog): readonly CatalogIssue[] {
  let result: ReturnType<CatalogValidator>;
  try {
    result = validate(broken.catalog);
  } catch (error) {
    throw new Error(`the validator threw instead of reporting issues: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const planted = broken.planted.map((p) => `  ${p.code} at ${p.path || "<root>"} (${p.description})`).join("\n");
  if (result.success) throw new Error(`the validator accepted a broken catalog; planted:\n${planted}`);
  const missed = broken.planted.filter((p) => !result.issues.some((i) => i.code === p.code && i.path === p.path));
  if (missed.length > 0) {
    const lines = missed.map((p) => `  ${p.code} at ${p.path || "<root>"} (${p.description})`).join("\n");
    throw new Error(`the validator missed ${missed.length} planted issue${missed.length === 1 ? "" : "s"}:\n${lines}\nit reported:\n${formatIssues(result.issues)}`);
  }
  return result.issues;
}
