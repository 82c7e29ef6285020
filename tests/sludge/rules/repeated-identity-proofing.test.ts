import { describe, expect, it } from "vitest";
import { oneService } from "./fixtures.js";
import { expectFindings, lintRule } from "./lint.js";

describe("repeated-identity-proofing", () => {
  it("flags identity proved twice on one path without a shared credential", () => {
    const findings = lintRule(
      "repeated-identity-proofing",
      oneService([
        { id: "sign-up", lane: "customer", channel: "web", identityProofing: "remote" },
        { id: "visit", lane: "customer", channel: "office", identityProofing: "in-person" },
      ]),
    );
    expectFindings(findings, [{ target: { service: "svc", step: "visit" }, message: "Identity check is asked again at step 'visit' of service 'svc' after step 'sign-up'" }]);
    expect(findings[0]!.burden.minutesPerCustomer).toBe(15);
  });

  it("passes proofing that uses one shared credential throughout", () => {
    const catalog = oneService([
      { id: "sign-up", lane: "customer", channel: "web", identityProofing: "remote", credential: "login-gov" },
      { id: "renew", lane: "customer", channel: "web", identityProofing: "remote", credential: "login-gov" },
    ]);
    expect(lintRule("repeated-identity-proofing", catalog)).toEqual([]);
  });

  it("flags two different credentials, and reads minutesPerRepeat", () => {
    const catalog = oneService([
      { id: "sign-up", lane: "customer", channel: "web", identityProofing: "remote", credential: "login-gov" },
      { id: "renew", lane: "customer", channel: "web", identityProofing: "remote", credential: "id-other" },
    ]);
    const [finding] = lintRule("repeated-identity-proofing", catalog, { minutesPerRepeat: 40 });
    expect(finding?.target).toMatchObject({ service: "svc", step: "renew" });
    expect(finding?.burden.minutesPerCustomer).toBe(40);
  });
});
