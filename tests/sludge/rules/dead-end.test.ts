import { describe, expect, it } from "vitest";
import { catalog, oneService, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("dead-end", () => {
  it("flags a reachable step with no next step and no outcome, and a denial with no way forward", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", next: [{ to: "decide" }] },
      { id: "decide", lane: "backstage", next: [{ to: "grant", kind: "branch", share: 0.7 }, { to: "deny", kind: "branch", share: 0.2 }, { to: "limbo", kind: "branch", share: 0.1 }] },
      { id: "grant", lane: "physical-evidence", outcome: "granted", next: [] },
      { id: "deny", lane: "physical-evidence", outcome: "denied", next: [] },
      { id: "limbo", lane: "backstage", next: [] },
    ]);
    const findings = lintRule("dead-end", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "deny" }, message: "denies customers with no appeal" },
      { target: { service: "svc", step: "limbo" }, message: "leads nowhere" },
    ]);
    expect(findings[0]!.severity).toBe("warning");
  });

  it("passes a denial with an appeal and steps that all end in outcomes", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", next: [{ to: "decide" }] },
      { id: "decide", lane: "backstage", next: [{ to: "grant", kind: "branch", share: 0.7 }, { to: "deny", kind: "branch", share: 0.3 }] },
      { id: "grant", lane: "physical-evidence", outcome: "granted", next: [] },
      { id: "deny", lane: "physical-evidence", next: [{ to: "appeal" }] },
      { id: "appeal", lane: "customer", outcome: "denied", next: [{ to: "decide", kind: "rework" }] },
    ]);
    expect(lintRule("dead-end", catalog)).toEqual([]);
  });

  it("lets a final denial through when denialsNeedNextStep is off", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web" },
      { id: "deny", lane: "physical-evidence", outcome: "denied" },
    ]);
    expectFindings(lintRule("dead-end", catalog), [{ target: { service: "svc", step: "deny" }, message: "no appeal" }]);
    expect(lintRule("dead-end", catalog, { denialsNeedNextStep: false })).toEqual([]);
  });

  it("follows life-experience links: a decline letter a link carries on to another agency's program is not a dead end", () => {
    const cat = catalog({
      services: [
        service("sba-loan", [
          { id: "apply", lane: "customer", channel: "web", next: [{ to: "approve", kind: "branch", share: 0.6 }, { to: "decline", kind: "branch", share: 0.4 }] },
          { id: "approve", lane: "physical-evidence", channel: "mail", outcome: "granted" },
          { id: "decline", lane: "physical-evidence", channel: "mail", outcome: "denied" },
        ]),
        service("fema-grant", [{ id: "apply-grant", lane: "customer", channel: "web" }], { agency: "cms" }),
      ],
      lifeExperiences: [
        {
          id: "disaster",
          name: "Recovering from a disaster",
          services: ["sba-loan", "fema-grant"],
          links: [{ id: "refer", kind: "referral", from: { service: "sba-loan", step: "decline" }, to: { service: "fema-grant", step: "apply-grant" } }],
        },
      ],
    });
    expect(lintRule("dead-end", cat)).toEqual([]);
  });
});
