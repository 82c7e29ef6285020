import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Catalog, LANES, channelGroup, parseCatalog, safeParseCatalog } from "../../src/index.js";
import { type CatalogConstraints, SLUDGE_PATTERNS, arbCatalog } from "../../src/testing/index.js";
import { expectReproducible, expectShrinksValid, expectValid } from "./arbitrary-checks.js";

/** A generated catalog passes the validator and comes back from it unchanged (defaults already in place). */
function valid(catalog: Catalog): void {
  const result = safeParseCatalog(catalog);
  if (!result.success) throw new Error(result.issues.map((i) => `${i.code} at ${i.path}: ${i.message}`).join("\n"));
  expect(result.catalog).toEqual(catalog);
}

const steps = (c: Catalog) => c.services.flatMap((s) => s.steps);

describe("arbCatalog", () => {
  describe.each([
    ["sludge none", { sludge: "none" }],
    ["sludge some", { sludge: "some" }],
    ["sludge heavy", { sludge: "heavy" }],
    ["every pattern always", { sludge: Object.fromEntries(SLUDGE_PATTERNS.map((p) => [p, 1])) }],
    ["realistic text", { text: "realistic" }],
    ["adversarial text", { text: "adversarial" }],
    ["larger", { minServices: 3, maxServices: 6, maxStepsPerService: 30, minLifeExperiences: 1, minLinksPerExperience: 2 }],
    ["one lane", { lanes: ["customer"] }],
  ] satisfies [string, CatalogConstraints][])("with %s", (_name, constraints) => {
    const arb = arbCatalog(constraints);
    test("generates valid catalogs in normal form", () => expectValid(arb, valid, 15));
    test("stays valid on every value shrinking tries", () => expectShrinksValid(arb, valid, (c) => steps(c).length >= 3));
  });

  test("gives the same catalogs for the same seed", () => expectReproducible(arbCatalog()));

  test("shrinks a counterexample down to the smallest catalog that still fails", () => {
    // Fails once there are two services: the smallest such catalog has two one-step services and nothing optional.
    const smallest = expectShrinksValid(arbCatalog(), valid, (c) => c.services.length >= 2);
    expect(smallest.services).toHaveLength(2);
    expect(smallest.services.map((s) => s.steps.length)).toEqual([1, 1]);
    expect(smallest.lifeExperiences).toEqual([]);
    expect(smallest.waivers).toEqual([]);
    expect(smallest.agencies).toHaveLength(1);
  });

  test("shrinks planted sludge away first", () => {
    const smallest = expectShrinksValid(arbCatalog({ sludge: { wetSignature: 0.5 }, lanes: ["customer"] }), valid, (c) =>
      steps(c).some((s) => s.signature === "wet"),
    );
    expect(steps(smallest).filter((s) => s.signature === "wet")).toHaveLength(1);
    expect(steps(smallest)).toHaveLength(1);
  });

  test("respects size constraints", () => {
    const constraints = {
      minServices: 2,
      maxServices: 3,
      minStepsPerService: 2,
      maxStepsPerService: 4,
      minAgencies: 2,
      maxAgencies: 3,
      minChannels: 1,
      maxChannels: 2,
      maxRoles: 1,
      maxTools: 1,
      maxDataElements: 2,
      maxDocumentTypes: 1,
      maxSources: 1,
      minLifeExperiences: 1,
      maxLifeExperiences: 2,
      maxServicesPerExperience: 2,
      minLinksPerExperience: 1,
      maxLinksPerExperience: 2,
      maxWaivers: 1,
      maxFeedbackPerService: 1,
    } satisfies CatalogConstraints;
    fc.assert(
      fc.property(arbCatalog(constraints), (c) => {
        const within = (n: number, min: number, max: number) => n >= min && n <= max;
        expect(within(c.services.length, 2, 3)).toBe(true);
        for (const s of c.services) {
          expect(within(s.steps.length, 2, 4)).toBe(true);
          expect(s.feedback.length).toBeLessThanOrEqual(1);
        }
        expect(within(c.agencies.length, 2, 3)).toBe(true);
        expect(within(c.channels.length, 1, 2)).toBe(true);
        expect(c.roles.length + c.tools.length + c.documentTypes.length + c.sources.length).toBeLessThanOrEqual(4);
        expect(c.dataElements.length).toBeLessThanOrEqual(2);
        expect(within(c.lifeExperiences.length, 1, 2)).toBe(true);
        for (const x of c.lifeExperiences) {
          expect(within(x.services.length, 1, 2)).toBe(true);
          expect(within(x.links.length, 1, 2)).toBe(true);
        }
        expect(c.waivers.length).toBeLessThanOrEqual(1);
      }),
      { seed: 42, numRuns: 80 },
    );
  });

  test("draws lanes, channel kinds and link kinds from the given ones", () => {
    fc.assert(
      fc.property(
        arbCatalog({
          lanes: ["customer", "backstage"],
          channelKinds: ["website", "phone"],
          linkKinds: ["data-share"],
          minServices: 2,
          minLifeExperiences: 1,
          minLinksPerExperience: 1,
          sludge: "none",
        }),
        (c) => {
          for (const s of steps(c)) expect(["customer", "backstage"]).toContain(s.lane);
          for (const ch of c.channels) expect(["website", "phone"]).toContain(ch.kind);
          for (const x of c.lifeExperiences) for (const l of x.links) expect(l.kind).toBe("data-share");
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  test("explains constraints that cannot hold", () => {
    expect(() => arbCatalog({ minServices: 3, maxServices: 1 })).toThrow(/maxServices \(1\) must not be below minServices \(3\)/);
    expect(() => arbCatalog({ minAgencies: 0, maxServices: 2 })).toThrow(/minAgencies must be at least 1/);
    expect(() => arbCatalog({ minLinksPerExperience: 1 })).toThrow(/needs minServices of at least 2/);
    expect(() => arbCatalog({ minStepsPerService: 0 })).toThrow(/minStepsPerService must be an integer of at least 1/);
    expect(() => arbCatalog({ lanes: ["attic" as never] })).toThrow(/'attic' is not a lane/);
    expect(() => arbCatalog({ sludge: { wetSignature: 2 } })).toThrow(/sludge.wetSignature must be a probability/);
    expect(() => arbCatalog({ sludge: { wetSignatures: 1 } as never })).toThrow(/unknown sludge pattern 'wetSignatures'/);
    expect(() => arbCatalog({ sludge: "lots" as never })).toThrow(/sludge must be "none", "some", "heavy"/);
  });

  test("uses every lane and every step shape across a sample", () => {
    const sample = fc.sample(arbCatalog({ minServices: 1, sludge: "some" }), { seed: 7, numRuns: 200 });
    const all = sample.flatMap(steps);
    for (const lane of LANES) expect(all.some((s) => s.lane === lane)).toBe(true);
    expect(all.some((s) => s.next.some((f) => f.kind === "branch"))).toBe(true);
    expect(all.some((s) => s.next.some((f) => f.kind === "rework"))).toBe(true);
    expect(all.some((s) => s.attachedTo !== undefined)).toBe(true);
    expect(all.some((s) => s.entry === true)).toBe(true);
    expect(sample.some((c) => c.lifeExperiences.some((x) => x.links.length > 0))).toBe(true);
  });
});

describe("arbCatalog sludge", () => {
  const none = fc.sample(arbCatalog({ sludge: "none", minServices: 1 }), { seed: 3, numRuns: 150 });

  test("plants nothing at level none", () => {
    for (const c of none) {
      const groups = new Map(c.channels.map((ch) => [ch.id, channelGroup(ch.kind)] as const));
      const heldData = new Set(c.dataElements.filter((d) => d.heldBy.length > 0).map((d) => d.id));
      const asked = new Map<string, number>();
      for (const s of steps(c)) {
        expect(s.signature).not.toBe("wet");
        expect(s.notarization).toBe(false);
        expect(s.fee).toBe(0);
        expect(s.travelMinutes).toBe(0);
        expect(s.customerMinutes).toBeLessThanOrEqual(60);
        if (s.activity === "learn") expect(s.customerMinutes + s.holdMinutes).toBeLessThanOrEqual(20);
        expect(s.waitDays).toBeLessThanOrEqual(7);
        expect(s.holdMinutes).toBeLessThanOrEqual(10);
        expect(s.waitVisibility).not.toBe("opaque");
        expect(s.outcome).not.toBe("denied");
        expect(s.next.some((f) => f.kind === "rework")).toBe(false);
        expect(["none", "remote"]).toContain(s.identityProofing);
        if (s.identityProofing === "remote") expect(s.credential).toBeDefined();
        if (s.channel !== undefined) {
          expect(groups.get(s.channel)).not.toBe("paper");
          expect(s.languages.length).toBeGreaterThan(1);
        }
        expect(s.accessible).not.toBe(false);
        if (s.deadline?.penalty !== undefined) expect(s.deadline.reminder).toBeDefined();
        for (const d of s.dataAsked) {
          expect(heldData.has(d)).toBe(false);
          asked.set(d, (asked.get(d) ?? 0) + 1);
        }
      }
      for (const n of asked.values()) expect(n).toBe(1);
      for (const s of c.services) {
        if (s.designated) expect(s.feedback.length).toBeGreaterThan(0);
        const kinds = new Set([...s.channels, ...s.steps.flatMap((x) => (x.channel ? [x.channel] : []))].map((id) => groups.get(id)));
        const hasDigital = c.channels.some((ch) => channelGroup(ch.kind) === "digital");
        const hasAssisted = c.channels.some((ch) => ["phone", "in-person"].includes(channelGroup(ch.kind)));
        if (hasDigital && hasAssisted) {
          expect(kinds.has("digital")).toBe(true);
          expect(kinds.has("phone") || kinds.has("in-person")).toBe(true);
        }
        // Never in person without a remote alternative, never digital without an assisted one.
        if (kinds.has("in-person")) expect(kinds.has("digital") || kinds.has("phone")).toBe(true);
        if (kinds.has("digital")) expect(kinds.has("phone") || kinds.has("in-person")).toBe(true);
      }
      for (const x of c.lifeExperiences) for (const l of x.links) expect(l.kind).not.toBe("customer-carries");
      for (const w of c.waivers) if (w.expires !== undefined) expect(w.expires >= "2090").toBe(true);
    }
  });

  test("plants a pattern everywhere it fits at probability 1", () => {
    const sample = fc.sample(arbCatalog({ sludge: { wetSignature: 1, fee: 1, opaqueWait: 1 }, minServices: 1 }), { seed: 5, numRuns: 60 });
    for (const c of sample) {
      for (const s of steps(c)) {
        expect(s.waitVisibility).toBe("opaque");
        expect(s.waitDays).toBeGreaterThan(0);
        if (s.lane === "customer") {
          expect(s.signature).toBe("wet");
          expect(s.fee).toBeGreaterThan(0);
        }
      }
    }
  });

  test("plants each pattern somewhere at level heavy", () => {
    const sample = fc.sample(arbCatalog({ sludge: "heavy", minServices: 2, minLifeExperiences: 1, minLinksPerExperience: 1 }), {
      seed: 9,
      numRuns: 150,
    });
    const all = sample.flatMap(steps);
    const groupOf = (c: Catalog, id: string | undefined) => channelGroup(c.channels.find((ch) => ch.id === id)?.kind ?? "other");
    const seen: Record<string, boolean> = {
      wetSignature: all.some((s) => s.signature === "wet"),
      notarization: all.some((s) => s.notarization),
      paperChannel: sample.some((c) => steps(c).some((s) => groupOf(c, s.channel) === "paper")),
      inPersonOnly: sample.some((c) => c.services.some((s) => s.channels.length > 0 && s.channels.every((id) => groupOf(c, id) === "in-person"))),
      digitalOnly: sample.some((c) => c.services.some((s) => s.channels.length > 0 && s.channels.every((id) => groupOf(c, id) === "digital"))),
      longWait: all.some((s) => s.waitDays >= 45 || s.holdMinutes >= 60),
      opaqueWait: all.some((s) => s.waitVisibility === "opaque"),
      travel: all.some((s) => s.travelMinutes > 0),
      lengthyStep: all.some((s) => s.customerMinutes > 60),
      learningCost: all.some((s) => s.activity === "learn" && s.customerMinutes + s.holdMinutes + s.travelMinutes > 20),
      fee: all.some((s) => s.fee > 0),
      duplicateData: sample.some((c) => c.services.some((s) => new Set(s.steps.flatMap((x) => x.dataAsked)).size < s.steps.flatMap((x) => x.dataAsked).length)),
      repeatedDocuments: sample.some((c) =>
        c.services.some((s) => new Set(s.steps.flatMap((x) => x.documentsAsked)).size < s.steps.flatMap((x) => x.documentsAsked).length),
      ),
      repeatedIdentityProofing: all.some((s) => s.identityProofing === "in-person" || s.identityProofing === "knowledge-based"),
      askedForHeld: sample.some((c) => steps(c).some((s) => s.dataAsked.some((d) => c.dataElements.find((e) => e.id === d)!.heldBy.length > 0))),
      deadlineWithoutReminder: all.some((s) => s.deadline?.penalty !== undefined && s.deadline.reminder === undefined),
      languageGap: all.some((s) => s.languages.length === 1),
      inaccessible: all.some((s) => s.accessible === false),
      deadEnd: all.some((s) => s.outcome === "denied" && s.next.length === 0),
      reworkLoop: all.some((s) => s.failPoint !== undefined && s.next.some((f) => f.kind === "rework")),
      customerCarries: sample.some((c) => c.lifeExperiences.some((x) => x.links.some((l) => l.kind === "customer-carries"))),
      noFeedback: sample.some((c) => c.services.some((s) => s.designated && s.feedback.length === 0)),
      expiredWaiver: sample.some((c) => c.waivers.some((w) => w.expires !== undefined && w.expires < "2025")),
    };
    expect(Object.keys(seen).sort()).toEqual([...SLUDGE_PATTERNS].sort());
    expect(Object.entries(seen).filter(([, found]) => !found)).toEqual([]);
  });
});

describe("generated catalogs", () => {
  test("parse to frozen catalogs equal to themselves", () => {
    for (const c of fc.sample(arbCatalog(), { seed: 11, numRuns: 30 })) {
      const parsed = parseCatalog(c);
      expect(Object.isFrozen(parsed)).toBe(true);
      expect(Object.isFrozen(c)).toBe(false);
      expect(parsed).toEqual(c);
    }
  });
});
