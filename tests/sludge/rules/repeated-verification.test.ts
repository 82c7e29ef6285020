import { describe, expect, it } from "vitest";
import { repeatedVerification } from "../../../src/index.js";
import { RuleTester } from "../../../src/testing/index.js";
import type { StepSpec } from "./fixtures.js";
import { catalog, service } from "./fixtures.js";

/**
 * FEMA-like agency `ssa` (1,000 people a year) inspects the home (`address`) and checks the income; 40% are
 * referred on (link share 0.4) to agency `cms`, whose steps are given.
 */
function referred(cmsSteps: StepSpec[], first: StepSpec[] = [{ id: "inspect", lane: "customer", channel: "office", customerMinutes: 60, dataVerified: ["address", "income"] }]) {
  return catalog({
    services: [
      service("aid", [...first, { id: "letter", lane: "physical-evidence", channel: "mail", outcome: "granted" }]),
      service("loan", cmsSteps, { agency: "cms" }),
    ],
    lifeExperiences: [
      {
        id: "disaster",
        name: "Recovering from a disaster",
        services: ["aid", "loan"],
        links: [{ id: "refer", kind: "referral", from: { service: "aid", step: "letter" }, to: { service: "loan", step: cmsSteps[0]!.id }, share: 0.4 }],
      },
    ],
  });
}

const disaster = { experience: "disaster" };

new RuleTester({ describe, it, today: "2026-12-01", burdenDigits: 6 }).run(repeatedVerification, {
  valid: [
    // The loan checks something the first agency did not verify: nothing to flag.
    { name: "a later check of something the first agency did not verify", catalog: referred([{ id: "check", lane: "backstage", documentsVerified: ["tax-return"] }]) },
    {
      // Two checks by the same agency along one service are not this rule's (no other agency verified first).
      name: "two checks by the same agency along one service",
      catalog: catalog({
        services: [
          service("aid", [
            { id: "a", lane: "backstage", dataVerified: ["income"] },
            { id: "b", lane: "backstage", dataVerified: ["income"] },
          ]),
        ],
        lifeExperiences: [{ id: "x", name: "X", services: ["aid"] }],
      }),
    },
  ],
  invalid: [
    {
      // By hand: everyone (1,000) meets 'aid/inspect', which verifies address and income; 40% go on to the loan,
      // whose 'verify' step inspects the address and checks the income again: 400 people meet both, counted once
      // (not once per fact). The re-check costs 45 + 30 travel = 75 minutes and 14 days: 400 × 75 ÷ 60 = 500 hours.
      name: "a second inspection by another agency, once per step, on the people who meet both",
      catalog: referred([
        { id: "apply", lane: "customer", channel: "web" },
        { id: "verify", lane: "customer", channel: "office", customerMinutes: 45, travelMinutes: 30, waitDays: 14, dataVerified: ["income", "address"] },
      ]),
      findings: [
        {
          target: disaster,
          message:
            "Step 'loan/verify' (CMS) verifies again data element 'address', data element 'income' that SSA already verified at 'aid/inspect' in life experience 'disaster': 400 people a year (40% of those entering it) meet both checks",
          burden: { customersPerYear: 400, minutesPerCustomer: 75, waitDays: 14, annualHours: 500 },
        },
      ],
    },
    {
      // Exclusive branches of one service checking the same fact are one agency anyway; across agencies, a check on
      // a branch the referred people never took is not met: here 'aid' checks income only on its 30% 'review'
      // branch, and the loan re-checks it: 1,000 × 0.3 (review) × 0.4 (link) = 120 people meet both, not 400. A
      // backstage re-check costs the customer no minutes: 0 hours, only its wait (none here).
      name: "a first check on an exclusive branch, met only by the people who took it",
      catalog: referred(
        [{ id: "check", lane: "backstage", documentsVerified: ["tax-return"], dataVerified: ["income"] }],
        [
          {
            id: "apply",
            lane: "customer",
            channel: "web",
            next: [
              { to: "review", kind: "branch", share: 0.3 },
              { to: "letter", kind: "branch", share: 0.7 },
            ],
          },
          { id: "review", lane: "backstage", dataVerified: ["income"], next: [{ to: "letter" }] },
        ],
      ),
      findings: [{ target: disaster, burden: { customersPerYear: 120, annualHours: 0 } }],
    },
    {
      name: "a re-check whose time is left out when countStepTime is off",
      catalog: referred([{ id: "verify", lane: "customer", channel: "office", customerMinutes: 45, dataVerified: ["address"] }]),
      options: { countStepTime: false },
      findings: [{ target: disaster, burden: { customersPerYear: 400, annualHours: 0 } }],
    },
  ],
});

describe("repeated-verification's vocabulary", () => {
  it("refuses an unknown verified id at validation", () => {
    expect(() => referred([{ id: "verify", lane: "customer", dataVerified: ["no-such-element"] }])).toThrow(/no-such-element/);
  });
});

describe("repeated-verification on the bundled disaster example", () => {
  it("counts the people who meet FEMA's inspection and SBA's loss verification, by hand", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { lintCatalog, parseCatalogText } = await import("../../../src/index.js");
    const file = join(import.meta.dirname, "../../../examples/recovering-from-a-disaster/as-is.yaml");
    const c = parseCatalogText(readFileSync(file, "utf8"), { format: "yaml" });
    const findings = lintCatalog(c, { preset: [], rules: { "repeated-verification": "warning" }, today: "2026-12-01" }).findings;
    // By hand: 1,900,000 registrants all reach the inspection (the fix-up rejoins the flow); the determination
    // letter sends 25% (475,000) on to SBA and the referral link states share 0.631: 475,000 × 0.631 = 299,725 meet
    // both inspections, each paying 60 minutes + 60 minutes of travel: 299,725 × 120 ÷ 60 = 599,450 hours. The
    // state's backstage review (0 minutes): FEMA's letter carries 1,900,000 × 0.016 = 30,400 there and SBA's
    // 299,725 × 0.032 = 9,591.2, in all 39,991.2 a year, all of them FEMA registrants after the inspection.
    const rows = findings.map((f) => [f.key, f.burden.customersPerYear, f.burden.annualHours] as const);
    expect(rows.map(([key]) => key)).toEqual(["sba-disaster-home-loan/loss-verification", "state-rebuild-program/eligibility-review"]);
    expect(rows[0]![1]).toBeCloseTo(299_725, 6);
    expect(rows[0]![2]).toBeCloseTo(599_450, 6);
    expect(rows[1]![1]).toBeCloseTo(39_991.2, 6);
    expect(rows[1]![2]).toBe(0);
  });
});
