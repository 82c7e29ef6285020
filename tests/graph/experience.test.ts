import { describe, expect, it } from "vitest";
import {
  GraphAnalysisError,
  analyzeLifeExperience,
  analyzeService,
} from "../../src/index.js";
import { deepFreeze } from "../../src/model/validate.js";
import { assertDeepFrozen } from "../../src/testing/index.js";
import { catalog, chain, key, service } from "./fixtures.js";

/**
 * Retirement across three agencies: SSA approves, then shares the SSN with CMS (half of the customers enroll in
 * Medicare, after a 5-day wait), and the customer carries the birth certificate to the IRS. A fourth service is
 * listed but linked to nothing.
 */
function retirementCatalog() {
  return catalog({
    services: [
      service(
        "ssa-retire",
        chain(
          { id: "apply", channel: "web", customerMinutes: 20, dataAsked: ["ssn"], documentsAsked: ["birth-cert"] },
          { id: "approve", lane: "backstage", waitDays: 30, outcome: "granted" },
        ),
      ),
      service(
        "cms-enroll",
        chain(
          { id: "enroll", channel: "web", customerMinutes: 15, dataAsked: ["ssn"], identityProofing: "remote", credential: "login-gov" },
          { id: "done", lane: "backstage" },
        ),
        { agency: "cms" },
      ),
      service(
        "irs-update",
        chain(
          { id: "file", channel: "mail", customerMinutes: 25, documentsAsked: ["birth-cert"] },
          { id: "processed", lane: "backstage" },
        ),
        { agency: "irs" },
      ),
      service("other", chain({ id: "start", channel: "phone", customerMinutes: 5 })),
    ],
    lifeExperiences: [
      {
        id: "retirement",
        name: "Approaching retirement",
        services: ["ssa-retire", "cms-enroll", "irs-update", "other", "missing-service"],
        links: [
          {
            id: "share-ssn",
            kind: "data-share",
            from: { service: "ssa-retire", step: "approve" },
            to: { service: "cms-enroll", step: "enroll" },
            data: ["ssn"],
            share: 0.5,
            waitDays: 5,
          },
          {
            id: "carry-birth-cert",
            kind: "customer-carries",
            from: { service: "ssa-retire", step: "approve" },
            to: { service: "irs-update", step: "file" },
            documents: ["birth-cert"],
          },
        ],
      },
    ],
  });
}

describe("analyzeLifeExperience on a hand-built experience", () => {
  const report = analyzeLifeExperience(retirementCatalog(), "retirement");

  it("lists the known services and those no link connects", () => {
    expect(report.services).toEqual(["ssa-retire", "cms-enroll", "irs-update", "other"]);
    expect(report.unlinkedServices).toEqual(["other"]);
  });

  it("starts at the services no link leads into", () => {
    expect(report.entries.map(key)).toEqual(["other/start", "ssa-retire/apply"]);
  });

  it("carries reach across links with their share, of the people entering the experience", () => {
    // Two entry services (ssa-retire, other), no volumes stated: each starts half the people. SSA's half reach
    // CMS through a link followed by half of them (0.25), and the IRS through an unshared link (0.5).
    const shares = Object.fromEntries(report.reach.map((r) => [`${r.service}/${r.step}`, r.share]));
    expect(shares).toEqual({
      "ssa-retire/apply": 0.5,
      "ssa-retire/approve": 0.5,
      "cms-enroll/enroll": 0.25,
      "cms-enroll/done": 0.25,
      "irs-update/file": 0.5,
      "irs-update/processed": 0.5,
      "other/start": 0.5,
    });
    // Per person: 0.5 × 20 + 0.25 × 15 + 0.5 × 25 + 0.5 × 5 = 28.75 min; 0.5 × 30 + 0.5 × 0.5 × 5 (link wait) = 16.25 days.
    expect(report.expected.minutes).toBeCloseTo(28.75, 10);
    expect(report.expected.waitDays).toBeCloseTo(16.25, 10);
  });

  it("weighs the entry services by their annual volume", () => {
    const cat = retirementCatalog();
    const weighted = catalog({
      services: cat.services.map((s) => ({ ...s, occasion: { ...s.occasion, annualVolume: s.id === "ssa-retire" ? 3_000 : 1_000 } })),
      lifeExperiences: cat.lifeExperiences,
    });
    const shares = Object.fromEntries(analyzeLifeExperience(weighted, "retirement").reach.map((r) => [`${r.service}/${r.step}`, r.share]));
    // 3,000 people start at SSA and 1,000 at the other service: 0.75 and 0.25. The link states that half of SSA's
    // go on to CMS (1,500 people), but CMS serves 1,000 a year: the link carries 1,000 (share 1,000 ÷ 3,000), which
    // is 1,000 ÷ 4,000 = 0.25 of the people entering the experience.
    expect(shares["ssa-retire/apply"]).toBe(0.75);
    expect(shares["other/start"]).toBe(0.25);
    expect(shares["cms-enroll/enroll"]).toBeCloseTo(0.25, 12);
  });

  it("follows links in paths, with link waits", () => {
    expect(report.paths.count).toBe(3);
    expect(report.paths.paths.map((p) => p.steps.map(key).join(" > "))).toEqual([
      "other/start",
      "ssa-retire/apply > ssa-retire/approve > cms-enroll/enroll > cms-enroll/done",
      "ssa-retire/apply > ssa-retire/approve > irs-update/file > irs-update/processed",
    ]);
    expect(report.paths.paths[1]!.time).toMatchObject({ minutes: 35, waitDays: 35 });
    expect(report.paths.critical?.steps.map(key)).toEqual([
      "ssa-retire/apply",
      "ssa-retire/approve",
      "irs-update/file",
      "irs-update/processed",
    ]);
    const byDays = analyzeLifeExperience(retirementCatalog(), "retirement", { pathMeasure: "days" });
    expect(byDays.paths.critical?.steps.map(key)).toContain("cms-enroll/enroll");
    expect(byDays.paths.shortest?.steps.map(key)).toEqual(["other/start"]);
  });

  it("names who carries each hand-off between agencies", () => {
    expect(report.handOffs.agencies).toEqual([
      {
        link: "carry-birth-cert",
        kind: "customer-carries",
        carriedBy: "customer",
        from: { service: "ssa-retire", step: "approve" },
        to: { service: "irs-update", step: "file" },
        fromAgency: "ssa",
        toAgency: "irs",
        data: [],
        documents: ["birth-cert"],
        waitDays: 0,
      },
      {
        link: "share-ssn",
        kind: "data-share",
        carriedBy: "agencies",
        from: { service: "ssa-retire", step: "approve" },
        to: { service: "cms-enroll", step: "enroll" },
        fromAgency: "ssa",
        toAgency: "cms",
        data: ["ssn"],
        documents: [],
        waitDays: 5,
      },
    ]);
    expect(report.counts.agencyHandOffs).toBe(2);
    // Over the backstage approval and across the links: web to web is no switch, web to mail is.
    expect(report.handOffs.channels.map((c) => `${key(c.from)}>${key(c.to)}`)).toEqual(["ssa-retire/apply>irs-update/file"]);
    expect(report.counts.agencies).toEqual(["cms", "irs", "ssa"]);
  });

  it("tells a data-share link from a customer-carries one in repeated asks, and keeps a shared item still asked", () => {
    // ssn: asked at SSA (0.5 of the people), again at CMS by the 0.25 who follow the link; the data-share link
    // passes it, but CMS's enroll step still asks it, so the repeat stays (with the link named).
    // birth-cert: asked at SSA, again at the IRS by the 0.5 who carry it there.
    const ssaApply = { service: "ssa-retire", step: "apply", agency: "ssa" };
    const cmsEnroll = { service: "cms-enroll", step: "enroll", agency: "cms" };
    const irsFile = { service: "irs-update", step: "file", agency: "irs" };
    expect(report.repeatedAsks).toEqual([
      {
        kind: "data",
        item: "ssn",
        scope: "experience",
        shared: false,
        asks: [cmsEnroll, ssaApply],
        repeats: [{ step: cmsEnroll, first: [ssaApply], share: 0.25, shared: false, links: ["share-ssn"] }],
      },
      {
        kind: "document",
        item: "birth-cert",
        scope: "experience",
        shared: false,
        asks: [irsFile, ssaApply],
        repeats: [{ step: irsFile, first: [ssaApply], share: 0.5, shared: false, links: [] }],
      },
    ]);
  });

  it("does not call a step with a link leaving it a dead end", () => {
    expect(report.deadEnds).toEqual([]);
    expect(report.unreachable).toEqual([]);
    const cat = catalog({
      services: [
        service("p", [{ id: "hand", name: "Hand over", lane: "backstage" }]),
        service("q", chain({ id: "x" }), { agency: "cms" }),
      ],
      lifeExperiences: [
        {
          id: "pq",
          name: "P then Q",
          services: ["p", "q"],
          links: [{ id: "pq", kind: "referral", from: { service: "p", step: "hand" }, to: { service: "q", step: "x" } }],
        },
      ],
    });
    expect(analyzeService(cat, "p").deadEnds.map(key)).toEqual(["p/hand"]);
    const pq = analyzeLifeExperience(cat, "pq");
    expect(pq.deadEnds).toEqual([]);
    expect(pq.handOffs.agencies.map((h) => h.carriedBy)).toEqual(["referral"]);
  });

  it("summarizes with qualified step names and customer-carried hand-offs", () => {
    expect(report.summary).toMatch(/^Life experience 'retirement': 4 services of 3 agencies, 7 steps, 3 paths/);
    expect(report.summary).toContain("'irs-update/file' (12.5 min), 'ssa-retire/apply' (10 min), 'cms-enroll/enroll' (3.8 min)");
    expect(report.summary).toContain("2 repeated asks, 1 hand-off carried by the customer");
  });

  it("gives the same report from an index, and throws for an unknown id", () => {
    const cat = retirementCatalog();
    assertDeepFrozen(report, "the life-experience report");
    const frozen = deepFreeze(retirementCatalog());
    expect(analyzeLifeExperience(frozen, "retirement")).toEqual(report);
    expect(analyzeLifeExperience(frozen, "retirement")).toEqual(report);
    expect(() => analyzeLifeExperience(cat, "retirment")).toThrow(GraphAnalysisError);
    expect(() => analyzeLifeExperience(cat, "retirment")).toThrow(
      expect.objectContaining({ code: "unknown_experience", suggestion: "retirement" }),
    );
  });

  it("starts a ring of services at the smallest service id", () => {
    const cat = catalog({
      services: [service("b", chain({ id: "x" })), service("a", chain({ id: "y" }))],
      lifeExperiences: [
        {
          id: "ring",
          name: "Ring",
          services: ["b", "a"],
          links: [
            { id: "ab", kind: "trigger", from: { service: "a", step: "y" }, to: { service: "b", step: "x" } },
            { id: "ba", kind: "trigger", from: { service: "b", step: "x" }, to: { service: "a", step: "y" } },
          ],
        },
      ],
    });
    const ring = analyzeLifeExperience(cat, "ring");
    expect(ring.entries.map(key)).toEqual(["a/y"]);
    expect(ring.cycles.map((c) => c.map(key))).toEqual([["a/y", "b/x"]]);
    expect(ring.paths.count).toBe(1);
    expect(ring.handOffs.agencies).toEqual([]);
  });
});
