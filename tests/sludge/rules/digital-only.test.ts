import { describe, expect, it } from "vitest";
import { catalog, oneService, service } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("digital-only", () => {
  it("flags a service reachable only through digital (and paper) channels", () => {
    const input = catalog({
      services: [
        service("online", [{ id: "apply", lane: "customer", channel: "web" }, { id: "notice", lane: "physical-evidence", channel: "mail" }]),
        service("app-only", [{ id: "apply", lane: "customer", channel: "app" }], { channels: ["app", "web"] }),
      ],
    });
    const findings = lintRule("digital-only", input);
    expectFindings(findings, [
      { target: { service: "online" }, message: "offers no assisted channel" },
      { target: { service: "app-only" }, message: "only digital" },
    ]);
    expect(findings[0]!.evidence).toContain("channel groups offered: digital, paper");
  });

  it("passes a service with a phone or in-person path, and one with no digital channel at all", () => {
    expect(lintRule("digital-only", oneService([{ id: "apply", lane: "customer", channel: "web" }], { channels: ["web", "phone"] }))).toEqual([]);
    expect(lintRule("digital-only", oneService([{ id: "apply", lane: "customer", channel: "web" }, { id: "visit", lane: "customer", channel: "kiosk" }]))).toEqual([]);
    expect(lintRule("digital-only", oneService([{ id: "apply", lane: "customer", channel: "mail" }]))).toEqual([]);
  });

  it("reads which groups count as assisted", () => {
    const input = oneService([{ id: "apply", lane: "customer", channel: "web" }], { channels: ["web", "phone"] });
    expectFindings(lintRule("digital-only", input, { assisted: ["in-person"] }), [{ target: { service: "svc" }, message: "(in-person)" }]);
  });
});
