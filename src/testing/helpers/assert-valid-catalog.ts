import { formatIssues } from "../../model/issues.js";
import type { Catalog } from "../../model/schema.js";
import { type ParseCatalogOptions, safeParseCatalog } from "../../model/validate.js";

/**
 * Checks that a value is a valid catalog and returns it parsed (defaults filled in, frozen). Throws a plain `Error`
 * listing every issue otherwise, so it works under any test runner.
 *
 * @param value - the value to check (a generated catalog, an edit's result, a parsed file)
 * @param options - validation limits, passed to `safeParseCatalog`
 * @returns the parsed catalog
 * @throws `Error` naming every issue, one a line, when the value is not a valid catalog
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { arbCatalog, assertValidCatalog } from "service-blueprint/testing";
 * fc.assert(fc.property(arbCatalog(), (catalog) => void assertValidCatalog(catalog)));
 * ```
 */
export function assertValidCatalog(value: unknown, options: ParseCatalogOptions = {}): Catalog {
  const result = safeParseCatalog(value, options);
  if (result.success) return result.catalog;
  throw new Error(
    `expected a valid catalog, but it has ${result.issues.length} issue${result.issues.length === 1 ? "" : "s"}:\n${formatIssues(result.issues)}`,
  );
}
