import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("wet-signature", () => {
  it("flags an ink signature and a signature collected over a paper channel", () => {
    const catalog = oneService([
      { id: "sign", lane: "customer", channel: "web", signature: "wet" },
      { id: "fax-back", lane: "customer", channel: "fax", signature: "electronic" },
      { id: "decide", lane: "backstage" },
    ]);
    const findings = lintRule("wet-signature", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "sign" }, message: "needs a signature in ink" },
      { target: { service: "svc", step: "fax-back" }, message: "over a paper channel" },
    ]);
    expect(findings[0]!.evidence).toContain("step 'sign' signature: wet");
    expect(findings[0]!.burden.minutesPerCustomer).toBe(15);
  });

  it("passes electronic signatures online and steps without a signature on paper", () => {
    const catalog = oneService([
      { id: "sign", lane: "customer", channel: "web", signature: "electronic" },
      { id: "letter", lane: "physical-evidence", channel: "mail" },
    ]);
    expect(lintRule("wet-signature", catalog)).toEqual([]);
  });

  it("reads its options: print minutes, and whether paper implies ink", () => {
    const catalog = oneService([{ id: "fax-back", lane: "customer", channel: "fax", signature: "electronic" }]);
    expect(lintRule("wet-signature", catalog, { paperImpliesWet: false })).toEqual([]);
    const [finding] = lintRule("wet-signature", catalog, { printMinutes: 40 });
    expect(finding?.burden.minutesPerCustomer).toBe(40);
  });
});
