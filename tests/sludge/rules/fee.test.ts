import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("fee", () => {
  it("flags an out-of-pocket fee and carries it in the burden", () => {
    const catalog = oneService([
      { id: "file", lane: "customer", channel: "web", fee: 465 },
      { id: "copy", lane: "customer", channel: "web", fee: 12.5 },
    ]);
    const findings = lintRule("fee", catalog);
    expectFindings(findings, [
      { target: { service: "svc", step: "file" }, message: "charges customers $465" },
      { target: { service: "svc", step: "copy" }, message: "$12.50" },
    ]);
    expect(findings[0]!.burden.fee).toBe(465);
  });

  it("passes free steps", () => {
    expect(lintRule("fee", oneService([{ id: "file", lane: "customer", channel: "web" }]))).toEqual([]);
  });

  it("ignores fees up to the threshold", () => {
    expect(lintRule("fee", oneService([{ id: "copy", lane: "customer", fee: 5 }]), { minFee: 5 })).toEqual([]);
  });
});
