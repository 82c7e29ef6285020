import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("opaque-wait", () => {
  it("flags a wait with no status or notification", () => {
    const catalog = oneService([
      { id: "apply", lane: "customer", channel: "web" },
      { id: "review", lane: "backstage", waitDays: 42, waitVisibility: "opaque" },
    ]);
    const findings = lintRule("opaque-wait", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "review" }, message: "wait 42 days with no status or notification" }]);
    expect(findings[0]!.burden).toMatchObject({ minutesPerCustomer: 10, waitDays: 42 });
  });

  it("passes visible waits, unstated visibility (by default) and steps without a wait", () => {
    const catalog = oneService([
      { id: "a", lane: "backstage", waitDays: 5, waitVisibility: "proactive-updates" },
      { id: "b", lane: "backstage", waitDays: 5, waitVisibility: "status-on-request" },
      { id: "c", lane: "backstage", waitDays: 5 },
      { id: "d", lane: "backstage", waitVisibility: "opaque" },
    ]);
    expect(lintRule("opaque-wait", catalog)).toEqual([]);
  });

  it("widens to unstated and on-request visibility, and skips short waits, when configured", () => {
    const catalog = oneService([
      { id: "unknown", lane: "backstage", waitDays: 5 },
      { id: "ask", lane: "backstage", waitDays: 5, waitVisibility: "status-on-request" },
      { id: "short", lane: "backstage", waitDays: 1, waitVisibility: "opaque" },
    ]);
    expectFindings(lintRule("opaque-wait", catalog, { unknownIsOpaque: true, statusOnRequestIsOpaque: true, minWaitDays: 2 }), [
      { target: { service: "svc", step: "unknown" }, message: "does not say what the customer can see" },
      { target: { service: "svc", step: "ask" }, message: "only when the customer asks" },
    ]);
  });
});
