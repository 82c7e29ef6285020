import { describe, expect, it } from "vitest";
import { catalog, oneService, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

function retirement(kind: "customer-carries" | "data-share", enrollAsks: string[] = ["income"]) {
  return catalog({
    services: [
      service("ssa-retire", [{ id: "apply", lane: "customer", channel: "web", dataAsked: ["income"] }]),
      service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web", dataAsked: enrollAsks }], {
        agency: "cms",
        occasion: { kind: "life-event", story: "65", annualVolume: 400 },
      }),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-retire", "cms-enroll"],
        links: [
          { id: "hand-off", kind, from: { service: "ssa-retire", step: "apply" }, to: { service: "cms-enroll", step: "enroll" }, data: ["income"], share: 0.4 },
        ],
      },
    ],
  });
}

describe("duplicate-data-request", () => {
  it("flags a data element asked twice on one path, at the repeating step", () => {
    const findings = lintRule(
      "duplicate-data-request",
      oneService([
        { id: "apply", lane: "customer", channel: "web", dataAsked: ["income", "address"] },
        { id: "interview", lane: "customer", channel: "phone", dataAsked: ["income"] },
      ]),
    );
    // By hand: all 1,000 customers are asked at apply, then again at interview: 1,000 × 2 min ÷ 60 = 33.33 h.
    expectFindings(findings, [
      {
        target: { service: "svc", step: "interview" },
        message: "Data element 'income' is asked again at step 'interview' of service 'svc' after step 'apply': 1,000 customers a year (100% of its customers) meet both asks",
      },
    ]);
    expect(findings[0]!.burden).toMatchObject({ minutesPerCustomer: 2, customersPerYear: 1000 });
    expect(findings[0]!.burden.annualHours).toBeCloseTo(2000 / 60, 6);
  });

  it("counts a registration split by channel once per customer, and the later repeat for everyone", () => {
    // 400,000 customers register online (60%), by phone (30%) or in person (10%); each channel asks for ssn and
    // address: exclusive branches, so nobody is asked twice there. Then everyone confirms ssn at 'verify'.
    // By hand: one finding, at verify, 400,000 customers (each met one of the three asks), 400,000 × 2 ÷ 60 =
    // 13,333.33 hours; nothing for address (asked once per customer).
    const cat = oneService(
      [
        {
          id: "start",
          lane: "customer",
          channel: "web",
          next: [
            { to: "online", kind: "branch", share: 0.6 },
            { to: "phone", kind: "branch", share: 0.3 },
            { to: "office", kind: "branch", share: 0.1 },
          ],
        },
        { id: "online", lane: "customer", channel: "web", dataAsked: ["ssn", "address"], next: [{ to: "verify" }] },
        { id: "phone", lane: "customer", channel: "phone", dataAsked: ["ssn", "address"], next: [{ to: "verify" }] },
        { id: "office", lane: "customer", channel: "office", dataAsked: ["ssn", "address"], next: [{ to: "verify" }] },
        { id: "verify", lane: "customer", channel: "web", dataAsked: ["ssn"], outcome: "completed" },
      ],
      { occasion: { kind: "intent", story: "register", annualVolume: 400_000 } },
    );
    const findings = lintRule("duplicate-data-request", cat);
    expect(findings.map((f) => f.target.step)).toEqual(["verify"]);
    expect(findings[0]!.message).toContain("after step 'online' (or 2 other steps on exclusive branches): 400,000 customers a year (100% of its customers)");
    expect(findings[0]!.burden.customersPerYear).toBe(400_000);
    expect(findings[0]!.burden.annualHours).toBeCloseTo(13_333.333333, 5);
  });

  it("flags a data element asked in two services of a life experience for the people who follow the link", () => {
    // 1,000 people a year enter at SSA (the entry service); 40% of them follow the link to CMS, which asks again:
    // 400 meet both asks, 400 × 2 ÷ 60 = 13.33 hours.
    const findings = lintRule("duplicate-data-request", retirement("customer-carries"));
    expectFindings(findings, [
      {
        target: { experience: "retire" },
        message: "Data element 'income' is asked again at 'cms-enroll/enroll' after step 'ssa-retire/apply' in life experience 'retire' (SSA, CMS) without being shared: 400 customers a year (40% of the people entering it) meet both asks",
      },
    ]);
    expect(findings[0]!.burden.customersPerYear).toBe(400);
  });

  it("keeps the finding when a data-share link passes the item but the step still asks it, and clears it when it does not", () => {
    const shared = lintRule("duplicate-data-request", retirement("data-share"));
    expect(shared).toHaveLength(1);
    expect(shared[0]!.message).toContain("link 'hand-off' shares it, but the service still asks the customer");
    expect(shared[0]!.evidence).toContain("shared by link 'hand-off' but asked again");
    expect(shared[0]!.burden.customersPerYear).toBe(400);
    // The receiving step pre-fills income from the link and no longer asks it: no repeat.
    expect(lintRule("duplicate-data-request", retirement("data-share", []))).toEqual([]);
  });

  it("passes asks on exclusive branches, and reads its scopes", () => {
    const branches = oneService([
      { id: "start", lane: "customer", channel: "web", next: [{ to: "a", kind: "branch", share: 0.5 }, { to: "b", kind: "branch", share: 0.5 }] },
      { id: "a", lane: "customer", dataAsked: ["income"], outcome: "completed", next: [] },
      { id: "b", lane: "customer", dataAsked: ["income"], outcome: "completed" },
    ]);
    expect(lintRule("duplicate-data-request", branches)).toEqual([]);
    expect(lintRule("duplicate-data-request", retirement("customer-carries"), { scopes: ["path"] })).toEqual([]);
  });
});
