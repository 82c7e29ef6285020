/**
 * Validation accepts every generated valid catalog and reports every planted problem in a broken one, at its
 * path, never throwing: from values, from JSON text and from YAML text.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { stringify } from "yaml";
import { CATALOG_ISSUE_CODES, type CatalogIssue, safeParseCatalog, safeParseCatalogText } from "../../src/index.js";
import { BREAKAGES, arbBrokenCatalog, arbCatalog, assertPlantedIssuesReported } from "../../src/testing/index.js";

/** Every issue is well formed: a known code, a path, a message. */
function wellFormed(issues: readonly CatalogIssue[]): void {
  for (const issue of issues) {
    expect(CATALOG_ISSUE_CODES).toContain(issue.code);
    expect(typeof issue.path).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

describe("valid catalogs", () => {
  test.prop([fc.oneof(arbCatalog(), arbCatalog({ sludge: "heavy", text: "adversarial" }))], { numRuns: 80 })(
    "are accepted as they are",
    (catalog) => {
      const result = safeParseCatalog(catalog);
      expect(result.issues).toEqual([]);
      expect(result.catalog).toEqual(catalog);
    },
  );
});

describe("broken catalogs", () => {
  test.each(BREAKAGES.map((b) => [b]))("%s: every planted issue is reported with its code, at its path", (breakage) => {
    fc.assert(
      fc.property(arbBrokenCatalog({ breakages: [breakage], maxIssues: 3 }), (broken) => {
        wellFormed(assertPlantedIssuesReported(broken));
      }),
      { numRuns: 25 },
    );
  });

  test.prop([arbBrokenCatalog({ maxIssues: 4 })], { numRuns: 60 })("from JSON text too", (broken) => {
    assertPlantedIssuesReported(broken, (value) => safeParseCatalogText(JSON.stringify(value), { format: "json" }));
  });

  test.prop([arbBrokenCatalog({ maxIssues: 4 })], { numRuns: 60 })("from YAML text too, with a line for each issue", (broken) => {
    const issues = assertPlantedIssuesReported(broken, (value) => safeParseCatalogText(stringify(value), { format: "yaml" }));
    for (const issue of issues) expect(issue.line, `${issue.code} at ${issue.path}`).toBeGreaterThanOrEqual(1);
  });
});

describe("anything at all", () => {
  test.prop([fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true })], { numRuns: 150 })(
    "gets a result, never an exception",
    (value) => {
      const result = safeParseCatalog(value);
      expect(result.success).toBe(false);
      wellFormed(result.issues);
    },
  );

  test.prop([fc.jsonValue()], { numRuns: 150 })("as JSON text, gets a result, never an exception", (value) => {
    const result = safeParseCatalogText(JSON.stringify(value) ?? "null", { format: "json" });
    wellFormed(result.issues);
  });

  test.prop([fc.string({ unit: "binary", maxLength: 200 })], { numRuns: 150 })("as YAML text, gets a result, never an exception", (text) => {
    wellFormed(safeParseCatalogText(text, { format: "yaml" }).issues);
  });
});
