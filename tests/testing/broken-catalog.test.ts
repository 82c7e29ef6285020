import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type CatalogIssueCode, safeParseCatalog } from "../../src/index.js";
import { BREAKAGES, type Breakage, type BrokenCatalog, arbBrokenCatalog } from "../../src/testing/index.js";
import { expectReproducible, expectShrinksValid } from "./arbitrary-checks.js";

/** The issue codes each breakage documents. */
const CODES: Record<Breakage, readonly CatalogIssueCode[]> = {
  "dangling-reference": ["unknown_reference"],
  "duplicate-id": ["duplicate_id"],
  "unreachable-step": ["unreachable_step"],
  "branch-shares": ["branch_shares"],
  "invalid-flow": ["invalid_flow"],
  "invalid-link": ["invalid_link"],
  "invalid-waiver-target": ["invalid_waiver_target"],
  "inconsistent-value": ["invalid_value"],
  "bad-value": ["too_small", "too_big", "invalid_value", "invalid_type", "invalid_format"],
  "missing-field": ["missing_field"],
  "unknown-key": ["unrecognized_key"],
  "forbidden-key": ["forbidden_key"],
  "unsupported-version": ["unsupported_version", "missing_field"],
  "too-deep": ["document_too_deep"],
};

/**
 * What the kit promises of each broken catalog, checked against the validator by path: it is rejected, without
 * throwing, with an issue at every planted path. (That the codes match too is a property of the validator, held in
 * tests/properties/validation.test.ts.)
 */
function brokenWherePlanted({ catalog, planted }: BrokenCatalog): void {
  expect(planted.length).toBeGreaterThan(0);
  const result = safeParseCatalog(catalog);
  expect(result.success).toBe(false);
  const paths = new Set(result.issues.map((i) => i.path));
  for (const p of planted) expect(paths, `${p.description}`).toContain(p.path);
}

describe("arbBrokenCatalog", () => {
  test.each(BREAKAGES.map((b) => [b]))("plants %s where it says, with a code it documents", (breakage) => {
    fc.assert(
      fc.property(arbBrokenCatalog({ breakages: [breakage], maxIssues: 3 }), (broken) => {
        brokenWherePlanted(broken);
        for (const p of broken.planted) {
          expect(p.breakage).toBe(breakage);
          expect(CODES[breakage]).toContain(p.code);
        }
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  test("plants several problems of one stage at distinct places", () => {
    let several = 0;
    fc.assert(
      fc.property(arbBrokenCatalog({ maxIssues: 4 }), (broken) => {
        brokenWherePlanted(broken);
        const places = broken.planted.map((p) => `${p.code} ${p.path}`);
        expect(new Set(places).size).toBe(places.length);
        if (broken.planted.length > 1) several += 1;
      }),
      { seed: 42, numRuns: 150 },
    );
    expect(several).toBeGreaterThan(30);
  });

  test("gives the same broken catalogs for the same seed", () => expectReproducible(arbBrokenCatalog()));

  test("stays broken where it says while shrinking", () => {
    const smallest = expectShrinksValid(arbBrokenCatalog({ maxIssues: 3 }), brokenWherePlanted, (b) => b.planted.length >= 2);
    expect(smallest.planted).toHaveLength(2);
  });

  test("refuses options it cannot honour", () => {
    expect(() => arbBrokenCatalog({ breakages: [] })).toThrow(/breakages must not be empty/);
    expect(() => arbBrokenCatalog({ breakages: ["typo" as Breakage] })).toThrow(/'typo' is not a breakage/);
    expect(() => arbBrokenCatalog({ maxIssues: 0 })).toThrow(/maxIssues must be an integer of at least 1/);
    expect(() => arbBrokenCatalog({ minServices: 0 })).toThrow(/minServices must be at least 1/);
  });

  test("keeps forbidden keys as own properties, as JSON.parse would", () => {
    for (const { catalog, planted } of fc.sample(arbBrokenCatalog({ breakages: ["forbidden-key"] }), { seed: 1, numRuns: 20 })) {
      const text = JSON.stringify(catalog);
      for (const p of planted) expect(text).toContain(`"${p.path.split(".").pop()}"`);
      expect(Object.getPrototypeOf(catalog)).toBe(Object.prototype);
    }
  });
});
