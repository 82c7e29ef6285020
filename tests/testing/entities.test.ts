import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  AgencySchema,
  type Catalog,
  ChannelSchema,
  DataElementSchema,
  DocumentTypeSchema,
  FeedbackCollectionSchema,
  LifeExperienceSchema,
  RoleSchema,
  ServiceSchema,
  SourceSchema,
  StepSchema,
  ToolSchema,
  WaiverSchema,
  channelGroup,
  parseCatalog,
} from "../../src/index.js";
import {
  arbAgency,
  arbCatalog,
  arbChannel,
  arbDataElement,
  arbDocumentType,
  arbFeedbackCollection,
  arbLifeExperience,
  arbRole,
  arbService,
  arbSource,
  arbStep,
  arbTool,
  arbWaiver,
} from "../../src/testing/index.js";
import { expectReproducible, expectShrinksValid, expectValid } from "./arbitrary-checks.js";

/** Parses with a schema and expects the value back unchanged: generated values are already in normal form. */
function fixedPoint(schema: { parse(value: unknown): unknown }): (value: unknown) => void {
  return (value) => {
    expect(schema.parse(value)).toEqual(value);
  };
}

const big = (value: unknown): boolean => JSON.stringify(value).length > 80;

const standalone = [
  ["arbSource", arbSource(), SourceSchema],
  ["arbAgency", arbAgency(), AgencySchema],
  ["arbChannel", arbChannel(), ChannelSchema],
  ["arbRole", arbRole(), RoleSchema],
  ["arbTool", arbTool(), ToolSchema],
  ["arbDataElement", arbDataElement(), DataElementSchema],
  ["arbDocumentType", arbDocumentType(), DocumentTypeSchema],
  ["arbStep", arbStep({ stepIds: ["a", "b", "c", "d"] }), StepSchema],
  ["arbFeedbackCollection", arbFeedbackCollection(), FeedbackCollectionSchema],
  ["arbService", arbService(), ServiceSchema],
  ["arbLifeExperience", arbLifeExperience(), LifeExperienceSchema],
  ["arbWaiver", arbWaiver(), WaiverSchema],
] as const;

describe.each(standalone)("%s alone", (_name, arb, schema) => {
  const check = fixedPoint(schema);
  test("generates values its schema accepts unchanged", () => expectValid(arb as fc.Arbitrary<unknown>, check));
  test("gives the same values for the same seed", () => expectReproducible(arb as fc.Arbitrary<unknown>));
  test("shrinks to values its schema accepts", () => expectShrinksValid(arb as fc.Arbitrary<unknown>, check, big));
});

/** A catalog of vocabularies and services, to draw references from. */
const vocabulary = arbCatalog({ minServices: 2, maxServices: 3, minChannels: 2, maxLifeExperiences: 2, minLifeExperiences: 1 });

/** The catalog with one generated entity put in expects to stay valid, and unchanged by parsing. */
function fitsIn([, placed]: readonly [Catalog, Catalog]): void {
  expect(parseCatalog(placed)).toEqual(placed);
}

const within = [
  ["arbAgency", (c: Catalog) => arbAgency({ within: c }).map((a) => ({ ...c, agencies: [...c.agencies.filter((x) => x.id !== a.id), a] }))],
  [
    "arbChannel",
    (c: Catalog) => arbChannel({ within: c }).map((x) => ({ ...c, channels: [...c.channels.filter((y) => y.id !== x.id), x] })),
  ],
  ["arbRole", (c: Catalog) => arbRole({ within: c }).map((x) => ({ ...c, roles: [...c.roles.filter((y) => y.id !== x.id), x] }))],
  ["arbTool", (c: Catalog) => arbTool({ within: c }).map((x) => ({ ...c, tools: [...c.tools.filter((y) => y.id !== x.id), x] }))],
  [
    "arbDataElement",
    (c: Catalog) => arbDataElement({ within: c }).map((x) => ({ ...c, dataElements: [...c.dataElements.filter((y) => y.id !== x.id), x] })),
  ],
  [
    "arbDocumentType",
    (c: Catalog) => arbDocumentType({ within: c }).map((x) => ({ ...c, documentTypes: [...c.documentTypes.filter((y) => y.id !== x.id), x] })),
  ],
  [
    "arbService",
    (c: Catalog) =>
      arbService({ within: c, sludge: "heavy" }).map((s) => ({
        ...c,
        services: [...c.services.filter((y) => y.id !== s.id), s],
        lifeExperiences: [],
        waivers: [],
      })),
  ],
  [
    "arbFeedbackCollection",
    (c: Catalog) =>
      arbFeedbackCollection({ within: c }).map((f) => ({
        ...c,
        services: c.services.map((s, i) => (i === 0 ? { ...s, feedback: [...s.feedback, f] } : s)),
      })),
  ],
  [
    "arbLifeExperience",
    (c: Catalog) =>
      arbLifeExperience({ within: c, sludge: "heavy" }).map((x) => ({
        ...c,
        lifeExperiences: [...c.lifeExperiences.filter((y) => y.id !== x.id), x],
        waivers: [],
      })),
  ],
  ["arbWaiver", (c: Catalog) => arbWaiver({ within: c, sludge: "heavy" }).map((w) => ({ ...c, waivers: [...c.waivers, w] }))],
] as const;

describe.each(within)("%s within a catalog", (_name, place) => {
  const arb = vocabulary.chain((catalog) => place(catalog).map((placed) => [catalog, placed] as const));
  test("draws references that resolve, so the catalog stays valid", () => expectValid(arb, fitsIn, 12));
  test("stays valid while shrinking", () => expectShrinksValid(arb, fitsIn, ([, placed]) => big(placed)));
});

describe("arbStep", () => {
  test("flows only to the given sibling ids, with branch shares adding up to 1", () => {
    fc.assert(
      fc.property(arbStep({ stepIds: ["a", "b", "c"] }), (step) => {
        for (const flow of step.next) {
          expect(["a", "b", "c"]).toContain(flow.to);
          expect(flow.to).not.toBe(step.id);
        }
        const branches = step.next.filter((f) => f.kind === "branch");
        if (branches.length > 0) expect(branches.reduce((sum, f) => sum + f.share!, 0)).toBeCloseTo(1, 9);
        expect(new Set(step.next.map((f) => f.to)).size).toBe(step.next.length);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test("draws lanes from the given lanes only", () => {
    fc.assert(fc.property(arbStep({ lanes: ["backstage", "support"] }), (step) => ["backstage", "support"].includes(step.lane)), {
      seed: 42,
    });
  });

  test("rejects an empty list of lanes", () => {
    expect(() => arbStep({ lanes: [] })).toThrow(/lanes must not be empty/);
  });
});

describe("arbChannel", () => {
  test("draws kinds from the given kinds", () => {
    fc.assert(fc.property(arbChannel({ kinds: ["fax", "postal-mail"] }), (c) => channelGroup(c.kind) === "paper"), { seed: 42 });
  });

  test("rejects an unknown kind", () => {
    expect(() => arbChannel({ kinds: ["pigeon" as never] })).toThrow(/'pigeon' is not a channel kind/);
  });
});

describe("arbFeedbackCollection", () => {
  test("keeps volumes consistent and means inside the scale", () => {
    fc.assert(
      fc.property(arbFeedbackCollection({ survey: "v1" }), (f) => {
        expect(f.survey).toBe("v1");
        const { customers, offered, respondents } = f.volumes;
        if (customers !== undefined && offered !== undefined) expect(customers).toBeGreaterThanOrEqual(offered);
        if (offered !== undefined && respondents !== undefined) expect(offered).toBeGreaterThanOrEqual(respondents);
        if (f.survey !== "v1") return;
        for (const q of f.questions) {
          if (q.counts) expect(q.counts).toHaveLength(q.scale);
          if (q.mean !== undefined) {
            expect(q.mean).toBeGreaterThanOrEqual(1);
            expect(q.mean).toBeLessThanOrEqual(q.scale);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("arbWaiver", () => {
  test("names only the given rules", () => {
    fc.assert(fc.property(arbWaiver({ rules: ["fee", "long-wait"] }), (w) => ["fee", "long-wait"].includes(w.rule)), { seed: 42 });
  });

  test("rejects an empty rule list", () => {
    expect(() => arbWaiver({ rules: [] })).toThrow(/rules must not be empty/);
  });
});

describe("arbService", () => {
  test("respects the step bounds", () => {
    fc.assert(
      fc.property(arbService({ minSteps: 3, maxSteps: 5 }), (s) => s.steps.length >= 3 && s.steps.length <= 5),
      { seed: 42, numRuns: 100 },
    );
  });

  test("rejects bounds that cannot hold", () => {
    expect(() => arbService({ minSteps: 0 })).toThrow(/minSteps must be an integer of at least 1/);
    expect(() => arbService({ minSteps: 5, maxSteps: 2 })).toThrow(/maxSteps must be an integer of at least minSteps/);
  });
});
