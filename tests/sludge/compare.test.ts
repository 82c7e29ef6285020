import { describe, expect, it } from "vitest";
import { compareCatalogs } from "../../src/index.js";
import { catalog, service } from "./rules/fixtures.js";

const before = () =>
  catalog({
    services: [
      service("svc", [
        { id: "print", lane: "customer", channel: "paper", signature: "wet", customerMinutes: 30 },
        { id: "mail", lane: "customer", channel: "mail", customerMinutes: 20 },
        { id: "decide", lane: "backstage", waitDays: 60 },
      ]),
    ],
    lifeExperiences: [{ id: "exp", name: "Experience", services: ["svc"] }],
  });

const after = () =>
  catalog({
    services: [
      service("svc", [
        { id: "print", lane: "customer", channel: "web", signature: "electronic", customerMinutes: 15 },
        { id: "decide", lane: "backstage", waitDays: 60 },
        { id: "notify", lane: "physical-evidence", channel: "app", fee: 5 },
      ]),
    ],
    lifeExperiences: [{ id: "exp", name: "Experience", services: ["svc"] }],
  });

describe("compareCatalogs", () => {
  it("matches findings by fingerprint: fixed, introduced, unchanged", () => {
    const diff = compareCatalogs(before(), after(), { today: "2026-12-01", preset: "all" });
    const names = (list: typeof diff.fixed) => list.map((f) => `${f.ruleId}@${f.target.step ?? f.target.service}`);
    expect(names(diff.fixed)).toEqual(expect.arrayContaining(["paper-channel@print", "wet-signature@print", "paper-channel@mail"]));
    // The redesign went digital-only: the comparison catches the friction it introduced.
    expect(names(diff.introduced)).toEqual(["digital-only@svc", "fee@notify"]);
    expect(names(diff.unchanged)).toContain("long-wait@decide");
  });

  it("lists steps added, removed and changed with the fields that changed", () => {
    const diff = compareCatalogs(before(), after(), { today: "2026-12-01" });
    expect(diff.steps.added).toEqual([{ service: "svc", step: "notify" }]);
    expect(diff.steps.removed).toEqual([{ service: "svc", step: "mail" }]);
    expect(diff.steps.changed).toEqual([
      { service: "svc", step: "print", fields: ["channel", "customerMinutes", "next", "signature"] },
      { service: "svc", step: "decide", fields: ["next", "outcome"] },
    ]);
  });

  it("gives the burden delta in hours a year per service, experience and in total", () => {
    const diff = compareCatalogs(before(), after(), { today: "2026-12-01" });
    // Before: 50 minutes × 1,000 customers = 833.33 hours; after: 15 minutes = 250 hours.
    expect(diff.burden.total.delta.annualHours).toBeCloseTo(250 - 50_000 / 60, 4);
    expect(diff.burden.services).toEqual([expect.objectContaining({ id: "svc", delta: expect.objectContaining({ annualFees: 5000 }) })]);
    expect(diff.burden.experiences[0]!.delta.annualHours).toBeCloseTo(diff.burden.total.delta.annualHours, 4);
  });

  it("reports a service only on one side with the other side absent", () => {
    const extra = catalog({ services: [...before().services, service("new", [{ id: "a", lane: "customer", customerMinutes: 6 }])] });
    const diff = compareCatalogs(before(), extra, { today: "2026-12-01" });
    const row = diff.burden.services.find((r) => r.id === "new")!;
    expect(row.before).toBeUndefined();
    expect(row.delta.annualHours).toBe(100);
  });
});
