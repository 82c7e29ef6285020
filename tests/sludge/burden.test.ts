import { describe, expect, it } from "vitest";
import { computeBurden, lintCatalog } from "../../src/index.js";
import { catalog, service } from "./rules/fixtures.js";

// The worked example of docs/sludge.md.
const example = () =>
  catalog({
    services: [
      service("apply", [
        { id: "learn", lane: "customer", channel: "web", activity: "learn", customerMinutes: 20 },
        { id: "form", lane: "customer", channel: "web", customerMinutes: 40, holdMinutes: 0, next: [{ to: "call", kind: "branch", share: 0.25 }, { to: "decide", kind: "branch", share: 0.75 }] },
        { id: "call", lane: "customer", channel: "phone", customerMinutes: 10, holdMinutes: 30, next: [{ to: "decide" }] },
        { id: "decide", lane: "backstage", waitDays: 30, outcome: "granted" },
      ], { occasion: { kind: "intent", story: "I need help", annualVolume: 12000 } }),
      service("visit", [{ id: "go", lane: "customer", channel: "office", customerMinutes: 15, travelMinutes: 45, fee: 10 }], {
        occasion: { kind: "intent", story: "x", annualVolume: 600 },
      }),
      service("unknown", [{ id: "x", lane: "customer", customerMinutes: 100 }], { occasion: { kind: "intent", story: "y" } }),
    ],
    lifeExperiences: [{ id: "both", name: "Both", services: ["apply", "visit", "apply"] }],
  });

describe("computeBurden", () => {
  it("gives each step its minutes × annual volume × reach / 60, split by cost", () => {
    const report = computeBurden(example(), { hourValue: 30 });
    const apply = report.services[0]!;
    const call = apply.steps.find((s) => s.step === "call")!;
    // 3,000 of 12,000 customers call (share 0.25): 40 minutes each = 2,000 hours; 30 of them on hold.
    expect(call).toMatchObject({ reach: 0.25, customersPerYear: 3000, minutes: 40, annualHours: 2000, annualCost: 60000 });
    expect(call.split).toEqual({ learning: 0, compliance: 500, psychological: 1500 });
    const learn = apply.steps.find((s) => s.step === "learn")!;
    expect(learn.split).toEqual({ learning: 4000, compliance: 0, psychological: 0 });
    // learn 4,000 + form 8,000 + call 2,000 = 14,000 hours.
    expect(apply).toMatchObject({ customersPerYear: 12000, annualHours: 14000, minutesPerCustomer: 70, waitDaysPerCustomer: 30, volumeKnown: true });
  });

  it("counts fees and travel, and leaves a service without a volume at zero hours", () => {
    const report = computeBurden(example());
    const visit = report.services[1]!;
    expect(visit).toMatchObject({ annualHours: 600, annualFees: 6000, annualCost: 600 * 35 + 6000, feePerCustomer: 10 });
    expect(visit.split).toEqual({ learning: 0, compliance: 600, psychological: 0 });
    expect(report.services[2]).toMatchObject({ volumeKnown: false, annualHours: 0, minutesPerCustomer: 100 });
  });

  it("sums a life experience over its distinct services, and the catalog over all services once", () => {
    const report = computeBurden(example());
    expect(report.experiences[0]).toMatchObject({ experience: "both", services: ["apply", "visit"], annualHours: 14600 });
    expect(report.total.annualHours).toBe(14600);
    expect(report.total.split).toEqual({ learning: 4000, compliance: 9100, psychological: 1500 });
  });

  it("counts the catalog's customers as people, each once: those entering a life experience and those of services outside any", () => {
    // By hand: SSA's claim (10,000 a year) leads by a link into CMS's enrolment (3,000 a year): the life experience
    // serves the 10,000 who enter it (CMS's 3,000 came from SSA). A passport service outside any life experience adds
    // its 2,000. The catalog serves 12,000 people, not the 15,000 the three volumes add up to.
    const c = catalog({
      services: [
        service("ssa-claim", [{ id: "apply", lane: "customer", channel: "web", customerMinutes: 30 }, { id: "letter", lane: "physical-evidence", channel: "mail" }], {
          occasion: { kind: "intent", story: "claim", annualVolume: 10_000 },
        }),
        service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web", customerMinutes: 20 }], { occasion: { kind: "intent", story: "65", annualVolume: 3_000 } }),
        service("passport", [{ id: "renew", lane: "customer", channel: "web", customerMinutes: 15 }], { occasion: { kind: "intent", story: "travel", annualVolume: 2_000 } }),
      ],
      lifeExperiences: [
        {
          id: "retire",
          name: "Approaching retirement",
          services: ["ssa-claim", "cms-enroll"],
          links: [{ id: "to-cms", kind: "referral", from: { service: "ssa-claim", step: "letter" }, to: { service: "cms-enroll", step: "enroll" } }],
        },
      ],
    });
    const report = computeBurden(c);
    expect(report.experiences[0]!.customersPerYear).toBe(10_000);
    expect(report.total.customersPerYear).toBe(12_000);
    // Hours are still summed over services: 10,000 × 30 + 3,000 × 20 + 2,000 × 15 minutes = 390,000 ÷ 60 = 6,500.
    expect(report.total.annualHours).toBe(6_500);
  });

  it("gives the steps of a service as a frozen, enumerable list, made once and the same as the totals say", () => {
    const report = computeBurden(example());
    const apply = report.services[0]!;
    expect(Object.isFrozen(apply)).toBe(true);
    expect(Object.keys(apply).at(-1)).toBe("steps");
    expect(apply.steps).toBe(apply.steps);
    expect(Object.isFrozen(apply.steps)).toBe(true);
    expect(apply.steps.map((s) => s.path)).toEqual(["services[0].steps[0]", "services[0].steps[1]", "services[0].steps[2]", "services[0].steps[3]"]);
    expect(apply.steps.reduce((sum, s) => sum + s.annualHours, 0)).toBe(apply.annualHours);
    const json = JSON.parse(JSON.stringify(report)) as { services: { steps: { step: string }[] }[] };
    expect(json.services[0]!.steps.map((s) => s.step)).toEqual(["learn", "form", "call", "decide"]);
    expect({ ...apply }.steps).toBe(apply.steps);
  });

  it("gives dollars to the cent and hours to the millionth", () => {
    const odd = catalog({
      services: [
        service("s", [{ id: "a", lane: "customer", channel: "web", customerMinutes: 1, fee: 0.333 }], {
          occasion: { kind: "intent", story: "x", annualVolume: 7 },
        }),
      ],
    });
    const report = computeBurden(odd, { hourValue: 35 });
    // 7 customers × 1 minute = 0.1166… hours; × $35 = $4.0833…, plus 7 × $0.333 = $2.331 in fees.
    expect(report.services[0]).toMatchObject({ annualHours: 0.116667, annualFees: 2.33, annualCost: 6.41, feePerCustomer: 0.33 });
    expect(report.services[0]!.steps[0]).toMatchObject({ annualHours: 0.116667, annualFees: 2.33, annualCost: 6.41, fee: 0.333 });
    const finding = lintCatalog(odd, { preset: "all", today: "2026-12-01", hourValue: 35 }).findings.find((f) => f.burden.annualCost > 0);
    expect(finding?.burden.annualCost).toBe(Math.round(finding!.burden.annualCost * 100) / 100);
  });

  it("is the burden lintCatalog reports", () => {
    expect(lintCatalog(example(), { today: "2026-12-01" }).burden).toEqual(computeBurden(example()));
  });
});
