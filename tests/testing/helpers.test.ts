import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Catalog, type CatalogIssue, parseCatalog, safeParseCatalog } from "../../src/index.js";
import {
  type BrokenCatalog,
  arbBrokenCatalog,
  arbCatalog,
  assertDeepFrozen,
  assertPlantedIssuesReported,
  assertValidCatalog,
  shuffleCatalog,
} from "../../src/testing/index.js";

const minimal = { version: 1, name: "Demo", agencies: [{ id: "ssa", name: "SSA" }] };

describe("assertValidCatalog", () => {
  test("returns the parsed, frozen catalog", () => {
    const catalog = assertValidCatalog(minimal);
    expect(catalog.agencies[0]?.level).toBe("federal");
    expect(Object.isFrozen(catalog)).toBe(true);
  });

  test("throws a plain Error listing every issue", () => {
    const bad = { version: 1, name: "Demo", services: [{ id: "s", name: "S", agency: "nobody" }] };
    expect(() => assertValidCatalog(bad)).toThrow(Error);
    expect(() => assertValidCatalog(bad)).toThrow(/expected a valid catalog, but it has \d+ issues:\n.*services\[0\]/);
  });

  test("passes limits on to the validator", () => {
    expect(() => assertValidCatalog(minimal, { limits: { maxDepth: 2 } })).toThrow(/document_too_deep/);
  });
});

describe("assertPlantedIssuesReported", () => {
  const broken: BrokenCatalog = {
    catalog: { ...minimal, channels: [{ id: "web", name: "Web", kind: "website", agency: "nobody" }] },
    planted: [{ code: "unknown_reference", path: "channels[0].agency", breakage: "dangling-reference", description: "agency 'nobody'" }],
  };

  test("returns the issues when every planted one is reported", () => {
    const issues = assertPlantedIssuesReported(broken);
    expect(issues.map((i) => i.path)).toContain("channels[0].agency");
  });

  test("names a planted issue the validator missed", () => {
    const elsewhere = { ...broken, planted: [{ ...broken.planted[0]!, path: "channels[1].agency" }] };
    expect(() => assertPlantedIssuesReported(elsewhere)).toThrow(/missed 1 planted issue:\n {2}unknown_reference at channels\[1\]\.agency/);
  });

  test("fails when the validator accepts the catalog or throws", () => {
    expect(() => assertPlantedIssuesReported(broken, () => ({ success: true, issues: [] }))).toThrow(/accepted a broken catalog/);
    const throwing = (): { success: boolean; issues: CatalogIssue[] } => {
      throw new TypeError("boom");
    };
    expect(() => assertPlantedIssuesReported(broken, throwing)).toThrow(/threw instead of reporting issues: boom/);
  });

  test("holds the library's validator to every generated broken catalog", () => {
    fc.assert(
      fc.property(arbBrokenCatalog({ breakages: ["dangling-reference", "duplicate-id", "unreachable-step"] }), (b) => {
        assertPlantedIssuesReported(b);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe("assertDeepFrozen", () => {
  test("accepts a parsed catalog", () => {
    expect(() => assertDeepFrozen(parseCatalog(minimal))).not.toThrow();
  });

  test("names the first unfrozen place", () => {
    const catalog = { ...parseCatalog(minimal), agencies: [Object.freeze({ id: "a" }), { id: "b" }] };
    expect(() => assertDeepFrozen(Object.freeze(catalog), "the result")).toThrow("the result is not frozen at agencies");
    const inner = Object.freeze({ agencies: Object.freeze([Object.freeze({ id: "a" }), { id: "b" }]) });
    expect(() => assertDeepFrozen(inner)).toThrow("value is not frozen at agencies[1]");
  });

  test("walks very deep values without overflowing the stack", () => {
    let deep: object = Object.freeze({});
    for (let i = 0; i < 200_000; i++) deep = Object.freeze({ next: deep });
    expect(() => assertDeepFrozen(deep)).not.toThrow();
  });
});

/** A catalog's content regardless of list order: every list sorted by its JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

describe("shuffleCatalog", () => {
  test("keeps the content and the validity, and changes no input", () => {
    fc.assert(
      fc.property(arbCatalog(), fc.integer(), (catalog, seed) => {
        const before = structuredClone(catalog);
        const shuffled = shuffleCatalog(catalog, seed);
        expect(catalog).toEqual(before);
        expect(safeParseCatalog(shuffled).success).toBe(true);
        expect(canonical(shuffled)).toEqual(canonical(catalog));
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  test("keeps the entry step first when no step is marked", () => {
    fc.assert(
      fc.property(arbCatalog({ minServices: 1 }), fc.integer(), (catalog, seed) => {
        const first = (c: Catalog) => new Map(c.services.map((s) => [s.id, s.steps[0]!.id] as const));
        const unmarked = new Set(catalog.services.filter((s) => !s.steps.some((step) => step.entry)).map((s) => s.id));
        const after = first(shuffleCatalog(catalog, seed));
        for (const [id, step] of first(catalog)) if (unmarked.has(id)) expect(after.get(id)).toBe(step);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  test("is deterministic per seed and does reorder", () => {
    const [catalog] = fc.sample(arbCatalog({ minServices: 4, minStepsPerService: 6, minAgencies: 4 }), { seed: 5, numRuns: 1 });
    expect(shuffleCatalog(catalog!, 7)).toEqual(shuffleCatalog(catalog!, 7));
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(shuffleCatalog(catalog!, seed))));
    expect(orders.size).toBeGreaterThan(1);
  });
});
