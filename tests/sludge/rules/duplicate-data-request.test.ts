import { describe, expect, it } from "vitest";
import { catalog, oneService, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

function retirement(kind: "customer-carries" | "data-share") {
  return catalog({
    services: [
      service("ssa-retire", [{ id: "apply", lane: "customer", channel: "web", dataAsked: ["income"] }]),
      service("cms-enroll", [{ id: "enroll", lane: "customer", channel: "web", dataAsked: ["income"] }], {
        agency: "cms",
        occasion: { kind: "life-event", story: "65", annualVolume: 400 },
      }),
    ],
    lifeExperiences: [
      {
        id: "retire",
        name: "Approaching retirement",
        services: ["ssa-retire", "cms-enroll"],
        links: [{ id: "hand-off", kind, from: { service: "ssa-retire", step: "apply" }, to: { service: "cms-enroll", step: "enroll" }, data: ["income"] }],
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
    expectFindings(findings, [{ target: { service: "svc", step: "interview" }, message: "Data element 'income' is asked 2 times on one path" }]);
    expect(findings[0]!.burden).toMatchObject({ minutesPerCustomer: 2, customersPerYear: 1000 });
  });

  it("flags a data element asked by two services of a life experience without sharing, not with a data-share link", () => {
    const findings = lintRule("duplicate-data-request", retirement("customer-carries"));
    expectFindings(findings, [{ target: { experience: "retire" }, message: "asked in 2 services of life experience 'retire' (SSA, CMS) without being shared" }]);
    expect(findings[0]!.burden.customersPerYear).toBe(400);
    expect(lintRule("duplicate-data-request", retirement("data-share"))).toEqual([]);
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
