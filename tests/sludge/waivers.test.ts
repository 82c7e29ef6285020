import { describe, expect, it } from "vitest";
import { type WaiverInput, lintCatalog, waiverCovers } from "../../src/index.js";
import { catalog, service } from "./rules/fixtures.js";

function withWaivers(waivers: WaiverInput[]) {
  return catalog({
    services: [
      service("svc", [
        { id: "sign", lane: "customer", channel: "paper", signature: "wet" },
        { id: "post", lane: "customer", channel: "mail", signature: "wet" },
        { id: "web", lane: "customer", channel: "web" },
      ]),
    ],
    waivers,
  });
}

const lint = (waivers: WaiverInput[], today = "2026-12-01") =>
  lintCatalog(withWaivers(waivers), { today, preset: [], rules: { "wet-signature": "warning", "paper-channel": "warning" } });

describe("waivers", () => {
  it("reports a covered finding as waived, with the waiver's justification, and keeps the rest active", () => {
    const result = lint([
      { id: "w1", rule: "wet-signature", target: { service: "svc", step: "sign" }, justification: "statutory-requirement", note: "20 CFR 404.610", approvedBy: "CX lead", expires: "2027-06-30" },
    ]);
    expect(result.waived.map((f) => `${f.ruleId}@${f.target.step}`)).toEqual(["wet-signature@sign"]);
    expect(result.waived[0]!.waiver).toEqual({ index: 0, id: "w1", justification: "statutory-requirement", note: "20 CFR 404.610", approvedBy: "CX lead", expires: "2027-06-30" });
    expect(result.findings.map((f) => `${f.ruleId}@${f.target.step}`)).toEqual(["paper-channel@sign", "paper-channel@post", "wet-signature@post"]);
  });

  it("covers every step of a service with a service waiver", () => {
    const result = lint([{ rule: "wet-signature", target: { service: "svc" }, justification: "program-integrity", note: "fraud controls" }]);
    expect(result.waived).toHaveLength(2);
    expect(result.findings.every((f) => f.ruleId !== "wet-signature")).toBe(true);
  });

  it("reports an expired waiver as a warning and lets its findings through", () => {
    const result = lint([{ id: "old", rule: "wet-signature", target: { service: "svc", step: "sign" }, justification: "other", note: "temporary", expires: "2026-11-30" }]);
    expect(result.waived).toEqual([]);
    const expired = result.findings.find((f) => f.ruleId === "expired-waiver");
    expect(expired).toMatchObject({ severity: "warning", target: { kind: "waiver", waiver: 0, path: "waivers[0]" } });
    expect(expired!.message).toBe("Waiver 'old' of rule 'wet-signature' on step 'svc/sign' expired on 2026-11-30");
    // The expiry day itself still counts.
    expect(lint([{ rule: "wet-signature", target: { service: "svc", step: "sign" }, justification: "other", note: "x", expires: "2026-12-01" }]).waived).toHaveLength(1);
  });

  it("reports a waiver that matches nothing, or names an unknown rule, as info", () => {
    const result = lint([
      { rule: "wet-signature", target: { service: "svc", step: "web" }, justification: "other", note: "stale" },
      { rule: "wet-signatur", target: { service: "svc" }, justification: "other", note: "typo" },
      { rule: "fee", target: { service: "svc" }, justification: "other", note: "rule not run" },
    ]);
    const unused = result.findings.filter((f) => f.ruleId === "unused-waiver");
    expect(unused.map((f) => [f.severity, f.target.path, f.message])).toEqual([
      ["info", "waivers[0]", "Waiver of rule 'wet-signature' on step 'svc/web' matches no finding"],
      ["info", "waivers[1]", "Waiver names unknown rule 'wet-signatur' (did you mean 'wet-signature'?)"],
    ]);
  });

  it("gives a waiver written twice its own fingerprint, whatever the order of the list", () => {
    const twice = { rule: "wet-signature", target: { service: "svc", step: "web" }, justification: "other", note: "stale" } as const;
    const renewed = { ...twice, expires: "2027-01-31" };
    const fingerprints = (waivers: WaiverInput[]) =>
      lint(waivers)
        .findings.filter((f) => f.ruleId === "unused-waiver")
        .map((f) => f.fingerprint);
    const same = fingerprints([twice, twice]);
    expect(same).toHaveLength(2);
    expect(new Set(same).size).toBe(2);
    const a = fingerprints([twice, renewed]);
    expect(new Set(a).size).toBe(2);
    expect(fingerprints([renewed, twice])).toEqual([...a].reverse());
  });

  it("can turn the waiver checks off", () => {
    const result = lintCatalog(withWaivers([
        { rule: "fee", target: { service: "svc" }, justification: "other", note: "x", expires: "2020-01-01" },
        { rule: "wet-signature", target: { service: "svc", step: "web" }, justification: "other", note: "x" },
      ]), {
      today: "2026-12-01",
      rules: { "expired-waiver": "off", "unused-waiver": "off" },
    });
    expect(result.findings.filter((f) => f.ruleId.endsWith("-waiver"))).toEqual([]);
  });

  it("matches targets field by field", () => {
    const step = { kind: "step", service: "svc", step: "sign", path: "services[0].steps[0]" } as const;
    expect(waiverCovers({ service: "svc" }, step)).toBe(true);
    expect(waiverCovers({ service: "svc", step: "post" }, step)).toBe(false);
    expect(waiverCovers({ experience: "e" }, step)).toBe(false);
    expect(waiverCovers({}, step)).toBe(true);
    expect(waiverCovers({ experience: "e" }, { kind: "link", experience: "e", link: "l", path: "lifeExperiences[0].links[0]" })).toBe(true);
  });
});
