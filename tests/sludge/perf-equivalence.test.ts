/**
 * The faster paths of issue 10 against straightforward references: fingerprints hashed part by part, waivers looked
 * up by target, sorted findings, and compare's field-by-field step diff.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Catalog, Finding, FindingTarget, Step, Waiver } from "../../src/index.js";
import { compareCatalogs, lintCatalog, parseCatalog, waiverCovers } from "../../src/index.js";
import { fingerprintOf, hash64 } from "../../src/sludge/internal/findings.js";
import { applyWaivers } from "../../src/sludge/waivers.js";
import { arbCatalog } from "../../src/testing/index.js";
import { catalog, service } from "./rules/fixtures.js";

const id = fc.constantFrom("a", "b", "c");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const arbTarget: fc.Arbitrary<FindingTarget> = fc.oneof(
  fc.constant<FindingTarget>({ kind: "catalog", path: "" }),
  id.map((service): FindingTarget => ({ kind: "service", service, path: "services[0]" })),
  fc.tuple(id, id).map(([service, step]): FindingTarget => ({ kind: "step", service, step, path: "services[0].steps[0]" })),
  id.map((experience): FindingTarget => ({ kind: "experience", experience, path: "lifeExperiences[0]" })),
  fc.tuple(id, id).map(([experience, link]): FindingTarget => ({ kind: "link", experience, link, path: "lifeExperiences[0].links[0]" })),
  fc.nat(3).map((waiver): FindingTarget => ({ kind: "waiver", waiver, path: `waivers[${waiver}]` })),
);

describe("fingerprintOf", () => {
  test.prop([fc.string(), arbTarget, maybe(fc.string({ unit: "grapheme" })), maybe(fc.string())])(
    "equals hash64 of the parts joined by U+0000",
    (ruleId, target, key, identity) => {
      const parts = [ruleId, target.kind, target.service ?? "", target.step ?? "", target.experience ?? "", target.link ?? "", identity ?? "", key ?? ""];
      expect(fingerprintOf(ruleId, target, key, identity)).toBe(hash64(parts.join("\u0000")));
    },
  );

  it("gives 16 lowercase hex digits, zero-padded", () => {
    expect(hash64("")).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64("")).toBe("811c9dc5" + (0x01000193 ^ 0x5bd1e995).toString(16).padStart(8, "0"));
  });
});

describe("applyWaivers", () => {
  const rule = fc.constantFrom("r1", "r2");
  const arbWaiver: fc.Arbitrary<Waiver> = fc
    .record({ rule, service: maybe(id), step: maybe(id), experience: maybe(id), link: maybe(id), expires: maybe(fc.constantFrom("2026-01-01", "2027-01-01")) })
    .map(({ rule, service, step, experience, link, expires }) => {
      const target: { service?: string; step?: string; experience?: string; link?: string } = {};
      if (service !== undefined) target.service = service;
      if (step !== undefined) target.step = step;
      if (experience !== undefined) target.experience = experience;
      if (link !== undefined) target.link = link;
      return { rule, target, justification: "other", note: "n", ...(expires === undefined ? {} : { expires }) } as unknown as Waiver;
    });
  const finding = (ruleId: string, target: FindingTarget, i: number): Finding =>
    ({ ruleId, target, fingerprint: String(i), severity: "warning" }) as unknown as Finding;

  /** The reference: every live waiver of the rule checked with waiverCovers, the most specific recorded. */
  function reference(waivers: readonly Waiver[], findings: readonly Finding[]): { active: string[]; waived: [string, number][] } {
    const specificity = (w: Waiver) =>
      (w.target.service !== undefined ? 1 : 0) + (w.target.step !== undefined ? 2 : 0) + (w.target.experience !== undefined ? 1 : 0) + (w.target.link !== undefined ? 2 : 0);
    const identity = (w: Waiver) => w.id ?? JSON.stringify([w.rule, w.target.service, w.target.step, w.target.experience, w.target.link, w.note]);
    const active: string[] = [];
    const waived: [string, number][] = [];
    for (const f of findings) {
      const matches = waivers
        .map((w, i) => [w, i] as const)
        .filter(([w]) => w.rule === f.ruleId && !(w.expires !== undefined && w.expires < "2026-12-01") && waiverCovers(w.target, f.target));
      if (matches.length === 0) active.push(f.fingerprint);
      else {
        const best = matches.reduce((b, m) => {
          const d = specificity(m[0]) - specificity(b[0]);
          return d > 0 || (d === 0 && identity(m[0]) < identity(b[0])) ? m : b;
        });
        waived.push([f.fingerprint, best[1]]);
      }
    }
    return { active, waived };
  }

  test.prop([fc.array(arbWaiver, { maxLength: 12 }), fc.array(fc.tuple(rule, arbTarget), { maxLength: 25 })], { numRuns: 1000 })(
    "looks waivers up by target with the same result as checking every waiver",
    (waivers, raw) => {
      const findings = raw.map(([r, t], i) => finding(r, t, i));
      const outcome = applyWaivers({ waivers } as unknown as Catalog, findings, {
        today: "2026-12-01",
        expired: "warning",
        unused: "info",
        ran: new Set(["r1", "r2"]),
        known: ["r1", "r2"],
      });
      const expected = reference(waivers, findings);
      expect(outcome.active.map((f) => f.fingerprint)).toEqual(expected.active);
      expect(outcome.waived.map((f) => [f.fingerprint, f.waiver!.index])).toEqual(expected.waived);
    },
  );
});

describe("compareCatalogs step diff", () => {
  /** The reference: the fields whose JSON with sorted keys differs. */
  function changedReference(a: Step, b: Step): string[] {
    const canonical = (value: unknown): string =>
      JSON.stringify(value, (_k, v: unknown) =>
        v !== null && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
          : v,
      );
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].filter((k) => canonical((a as never)[k]) !== canonical((b as never)[k])).sort();
  }

  test.prop([arbCatalog({ minServices: 1, maxStepsPerService: 8 }), arbCatalog({ minServices: 1, maxStepsPerService: 8 })], { numRuns: 60 })(
    "lists the same changed fields as comparing canonical JSON",
    (before, other) => {
      // Give the second catalog the first one's ids, so steps pair up and their fields differ.
      const after: Catalog = {
        ...before,
        services: before.services.map((s, i) => {
          const o = other.services[i % other.services.length]!;
          return { ...s, steps: s.steps.map((st, j) => ({ ...(o.steps[j % o.steps.length] ?? st), id: st.id })) };
        }),
      };
      const diff = compareCatalogs(before, after, { preset: "recommended", today: "2026-12-01" });
      const expected: { service: string; step: string; fields: string[] }[] = [];
      const seenServices = new Set<string>();
      for (const [i, s] of after.services.entries()) {
        if (seenServices.has(s.id)) continue;
        seenServices.add(s.id);
        const was = before.services.find((x) => x.id === s.id)!;
        const seen = new Set<string>();
        for (const [j, st] of s.steps.entries()) {
          if (seen.has(st.id)) continue;
          seen.add(st.id);
          const prior = was.steps.find((x) => x.id === st.id)!;
          const fields = changedReference(prior, st);
          if (fields.length > 0) expected.push({ service: s.id, step: st.id, fields });
          void i;
          void j;
        }
      }
      expect(diff.steps.changed).toEqual(expected);
    },
  );

  it("treats key order, undefined fields and equal nested values as unchanged, and NaN like JSON does", () => {
    const cat = catalog({ services: [service("svc", [{ id: "a", lane: "customer", customerMinutes: 5 }])] });
    const step = cat.services[0]!.steps[0]!;
    const reordered = Object.fromEntries(Object.entries(step).reverse()) as unknown as Step;
    const withUndefined = { ...step, deadline: undefined } as unknown as Step;
    const nan = { ...step, customerMinutes: Number.NaN } as unknown as Step;
    const nullMinutes = { ...step, customerMinutes: null } as unknown as Step;
    const diffOf = (s: Step) =>
      compareCatalogs(cat, { ...cat, services: [{ ...cat.services[0]!, steps: [s] }] }, { preset: "recommended", today: "2026-12-01" }).steps.changed;
    expect(diffOf(reordered)).toEqual([]);
    expect(diffOf(withUndefined)).toEqual([]);
    expect(diffOf({ ...step, next: step.next.map((f) => ({ ...f })) } as Step)).toEqual([]);
    expect(diffOf(nan)).toEqual([{ service: "svc", step: "a", fields: ["customerMinutes"] }]);
    // NaN and null both render as null in JSON: the comparison has always followed JSON.
    expect(
      compareCatalogs({ ...cat, services: [{ ...cat.services[0]!, steps: [nan] }] }, { ...cat, services: [{ ...cat.services[0]!, steps: [nullMinutes] }] }, {
        preset: "recommended",
        today: "2026-12-01",
      }).steps.changed,
    ).toEqual([]);
  });
});

describe("lintCatalog", () => {
  it("gives the same findings whatever the findings' report order (sorted, deduplicated)", () => {
    const cat = parseCatalog(
      catalog({
        services: [
          service("svc", [
            { id: "a", lane: "customer", channel: "paper", signature: "wet", customerMinutes: 30, next: [{ to: "b" }] },
            { id: "b", lane: "backstage", waitDays: 90 },
          ]),
        ],
      }),
    );
    const once = lintCatalog(cat, { preset: "all", today: "2026-12-01" });
    const again = lintCatalog(cat, { preset: "all", today: "2026-12-01" });
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
    expect(new Set(once.findings.map((f) => f.fingerprint)).size).toBe(once.findings.length);
  });
});
