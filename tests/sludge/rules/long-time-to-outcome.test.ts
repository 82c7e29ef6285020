import { describe, expect, it } from "vitest";
import { LintConfigError, analyzeLifeExperience, lintCatalog, longTimeToOutcome } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import { catalog, service } from "./fixtures.js";

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

const retire = { experience: "retire" };
const noExperiences = catalog({ services: [service("svc", [{ id: "wait", lane: "backstage", waitDays: 400 }])] });

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(longTimeToOutcome, {
  valid: [
    // By hand: with a 10-day link wait, the slowest path is 50 + 10 + 20 days + 90 min = 80.0625 days <= 90.
    { name: "a slowest path of 80.06 days, under 90", catalog: twoAgencies(10) },
    { name: "a catalog without life experiences, however long its waits", catalog: noExperiences },
  ],
  invalid: [
    {
      // By hand: the slowest path is apply → review (50 days) → letter → link (30 days) → enroll → decide (20 days):
      // 100 days of waiting + 90 customer minutes (60 + 30) = 100 + 90/1440 = 100.0625 days > 90.
      // People on it: 1,000 entering × 0.4 (review branch) × 0.5 (link share) = 200 a year.
      // Burden: 10.0625 days over the threshold each, no customer hours (the steps' minutes are other rules').
      name: "an experience whose slowest path by days is over the threshold, with the people who take it",
      catalog: twoAgencies(30),
      findings: [
        {
          target: retire,
          message:
            "Life experience 'retire' takes 100.06 days from first contact to outcome on its slowest path ('ssa-claim/apply' to 'cms-enroll/decide', ending completed), over 90 days; 200 people a year (20% of those entering it) take that path",
          burden: { customersPerYear: 200, waitDays: 10.0625, annualHours: 0 },
        },
      ],
    },
    {
      // The same catalog as the 80.06-day one over a 60-day threshold: 20.0625 days over, same 200 people.
      name: "a slowest path of 80.06 days over maxDays 60",
      catalog: twoAgencies(10),
      options: { maxDays: 60 },
      findings: [{ target: retire, burden: { waitDays: 20.0625, customersPerYear: 200 } }],
    },
  ],
});

describe("long-time-to-outcome beyond RuleTester", () => {
  it("names the critical path on the second evidence line, and agrees with the library's critical path by days", () => {
    const c = twoAgencies(30);
    const [finding] = lintCatalog(c, { today: "2026-12-01", preset: [], rules: { "long-time-to-outcome": "warning" } }).findings;
    expect(finding!.evidence[1]).toBe("critical path: ssa-claim/apply → ssa-claim/review → ssa-claim/letter → cms-enroll/enroll → cms-enroll/decide");
    const report = analyzeLifeExperience(c, "retire", { pathMeasure: "days" });
    expect(report.paths.critical!.time.days).toBeCloseTo(100.0625, 9);
  });

  it("rejects a negative threshold", () => {
    expect(() => lintCatalog(noExperiences, { preset: [], rules: { "long-time-to-outcome": ["warning", { maxDays: -1 }] } })).toThrow(LintConfigError);
  });
});
