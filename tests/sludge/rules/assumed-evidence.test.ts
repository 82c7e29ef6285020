import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("assumed-evidence", () => {
  it("reports a service whose customer-facing steps rest on assumptions", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web" },
      { id: "call", lane: "frontstage", channel: "phone", evidence: "observed" },
      { id: "review", lane: "backstage" },
    ]);
    const findings = lintRule("assumed-evidence", catalog);
    expectFindings(findings, [{ target: { service: "svc" }, message: "1 of 2 customer-facing steps of service 'svc' rest on assumed facts" }]);
    expect(findings[0]!.evidence[0]).toBe("assumed: 'apply'");
  });

  it("passes a service whose customer-facing steps were observed or reported", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web", evidence: "observed" },
      { id: "call", lane: "frontstage", channel: "phone", evidence: "reported" },
      { id: "review", lane: "backstage" },
    ]);
    expect(lintRule("assumed-evidence", catalog)).toEqual([]);
  });

  it("tolerates a share of assumed steps when configured", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web" },
      { id: "call", lane: "frontstage", channel: "phone", evidence: "observed" },
    ]);
    expect(lintRule("assumed-evidence", catalog, { maxAssumedShare: 0.5 })).toEqual([]);
  });
});
