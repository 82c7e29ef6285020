import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("notarization", () => {
  it("flags a step that needs a notary, counting the notary's time", () => {
    const catalog = oneService([
      { id: "affidavit", lane: "customer", channel: "mail", notarization: true, fee: 10 },
      { id: "decide", lane: "backstage" },
    ]);
    const findings = lintRule("notarization", catalog);
    expectFindings(findings, [{ target: { service: "svc", step: "affidavit" }, message: "requires notarization" }]);
    expect(findings[0]!.evidence).toContain("step fee: $10");
    expect(findings[0]!.burden.minutesPerCustomer).toBe(60);
    expect(findings[0]!.burden.fee).toBe(0);
  });

  it("passes a step without notarization", () => {
    expect(lintRule("notarization", oneService([{ id: "attest", lane: "customer", channel: "web", signature: "electronic" }]))).toEqual([]);
  });

  it("adds the notary fee when configured", () => {
    const catalog = oneService([{ id: "affidavit", lane: "customer", notarization: true }]);
    const [finding] = lintRule("notarization", catalog, { notaryMinutes: 30, notaryFee: 12.5 });
    expect(finding?.burden.minutesPerCustomer).toBe(30);
    expect(finding?.burden.fee).toBe(12.5);
  });
});
