import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("accessibility-gap", () => {
  it("flags customer-facing steps marked not accessible, whatever the channel", () => {
    const catalog = oneService([
      { id: "form", lane: "customer", channel: "web", accessible: false },
      { id: "office", lane: "frontstage", channel: "office", accessible: false },
      { id: "backoffice", lane: "backstage", accessible: false },
    ]);
    const findings = lintRule("accessibility-gap", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "form" }, message: "is not accessible (Section 508)" },
      { target: { service: "svc", step: "office" }, message: "is not accessible" },
    ]);
    expect(findings[0]!.severity).toBe("error");
  });

  it("passes accessible steps and, by default, digital steps that do not say", () => {
    const catalog = oneService([
      { id: "form", lane: "customer", channel: "web", accessible: true },
      { id: "app", lane: "customer", channel: "app" },
    ]);
    expect(lintRule("accessibility-gap", catalog)).toEqual([]);
  });

  it("flags undeclared digital steps when requireDeclared is on", () => {
    const catalog = oneService([
      { id: "app", lane: "customer", channel: "app" },
      { id: "visit", lane: "customer", channel: "office" },
    ]);
    expectFindings(lintRule("accessibility-gap", catalog, { requireDeclared: true }), [
      { target: { service: "svc", step: "app" }, message: "does not state whether it is accessible" },
    ]);
  });
});
