import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
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
});
