import { describe, expect, it } from "vitest";
import { analyzeLifeExperience } from "../../../src/index.js";
import { catalog, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

/**
 * Two services of two agencies joined by a link: SSA's claim (1,000 a year) branches 60% to a fast track and 40% to
 * a review, then a link carries half of everyone on to CMS's enrolment (the share of the link).
 */
function twoAgencies(linkWaitDays: number) {
  return catalog({
    services: [
      service("ssa-claim", [
        {
          id: "apply",
          lane: "customer",
          channel: "web",
          customerMinutes: 60,
          next: [
            { to: "fast", kind: "branch", share: 0.6 },
            { to: "review", kind: "branch", share: 0.4 },
          ],
        },
        { id: "fast", lane: "backstage", waitDays: 10, next: [{ to: "letter" }] },
        { id: "review", lane: "backstage", waitDays: 50, next: [{ to: "letter" }] },
        { id: "letter", lane: "physical-evidence", channel: "mail", outcome: "granted" },
      ]),
      service(
        "cms-enroll",
        [
          { id: "enroll", lane: "customer", channel: "web", customerMinutes: 30 },
          { id: "decide", lane: "backstage", waitDays: 20 },
        ],
        { agency: "cms" },
      ),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-claim", "cms-enroll"],
        links: [{ id: "on", kind: "referral", from: { service: "ssa-claim", step: "letter" }, to: { service: "cms-enroll", step: "enroll" }, share: 0.5, waitDays: linkWaitDays }],
      },
    ],
  });
}

describe("long-time-to-outcome", () => {
  it("flags an experience whose slowest path by days is over the threshold, with the people who take it", () => {
    // By hand: the slowest path is apply → review (50 days) → letter → link (30 days) → enroll → decide (20 days):
    // 100 days of waiting + 90 customer minutes (60 + 30) = 100 + 90/1440 = 100.0625 days > 90.
    // People on it: 1,000 entering × 0.4 (review branch) × 0.5 (link share) = 200 a year.
    // Burden: 10.0625 days over the threshold each, no customer hours (the steps' minutes are other rules').
    const c = twoAgencies(30);
    const findings = lintRule("long-time-to-outcome", c);
    expectFindings(findings, [
      {
        target: { experience: "retire" },
        message:
          "Life experience 'retire' takes 100.06 days from first contact to outcome on its slowest path ('ssa-claim/apply' to 'cms-enroll/decide', ending completed), over 90 days; 200 people a year (20% of those entering it) take that path",
      },
    ]);
    expect(findings[0]!.burden.customersPerYear).toBeCloseTo(200, 9);
    expect(findings[0]!.burden.waitDays).toBeCloseTo(10.0625, 9);
    expect(findings[0]!.burden.annualHours).toBe(0);
    expect(findings[0]!.evidence[1]).toBe("critical path: ssa-claim/apply → ssa-claim/review → ssa-claim/letter → cms-enroll/enroll → cms-enroll/decide");
    // The figure agrees with the library's critical path by days.
    const report = analyzeLifeExperience(c, "retire", { pathMeasure: "days" });
    expect(report.paths.critical!.time.days).toBeCloseTo(100.0625, 9);
  });

  it("passes at or under the threshold, and follows the option", () => {
    // By hand: with a 10-day link wait, the slowest path is 50 + 10 + 20 days + 90 min = 80.0625 days <= 90.
    expect(lintRule("long-time-to-outcome", twoAgencies(10))).toEqual([]);
    // The same catalog over a 60-day threshold: 20.0625 days over, same 200 people.
    const strict = lintRule("long-time-to-outcome", twoAgencies(10), { maxDays: 60 });
    expect(strict).toHaveLength(1);
    expect(strict[0]!.burden.waitDays).toBeCloseTo(20.0625, 9);
    expect(strict[0]!.burden.customersPerYear).toBeCloseTo(200, 9);
  });

  it("counts nothing for a catalog without life experiences, and rejects a negative threshold", () => {
    const c = catalog({ services: [service("svc", [{ id: "wait", lane: "backstage", waitDays: 400 }])] });
    expect(lintRule("long-time-to-outcome", c)).toEqual([]);
    expect(() => lintRule("long-time-to-outcome", c, { maxDays: -1 })).toThrow();
  });
});
