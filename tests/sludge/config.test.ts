import { describe, expect, it } from "vitest";
import { LintConfigError, PRESETS, builtinRules, parseLintConfig, presetRules, safeParseLintConfig } from "../../src/index.js";

function issuesOf(value: unknown) {
  try {
    parseLintConfig(value);
  } catch (error) {
    if (error instanceof LintConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a LintConfigError");
}

describe("parseLintConfig", () => {
  it("resolves presets, then rules, with parsed options and defaults", () => {
    const config = parseLintConfig({ rules: { "long-wait": ["error", { maxWaitDays: 60 }], fee: "off" }, today: "2026-12-01", hourValue: 40 });
    const byId = new Map(config.rules.map((r) => [r.rule.meta.id, r]));
    expect(byId.get("long-wait")).toMatchObject({ severity: "error", options: { maxWaitDays: 60, maxHoldMinutes: 30 } });
    expect(byId.get("fee")?.severity).toBe("off");
    expect(byId.get("assumed-evidence")?.severity).toBe("off");
    expect(byId.get("wet-signature")?.severity).toBe("warning");
    expect(config).toMatchObject({ hourValue: 40, today: "2026-12-01" });
    expect(config.rules.map((r) => r.rule.meta.id)).toEqual(builtinRules.map((r) => r.meta.id));
  });

  it("defaults the hour value and today's UTC date", () => {
    const config = parseLintConfig(undefined);
    expect(config.hourValue).toBe(35);
    expect(config.today).toBe(new Date().toISOString().slice(0, 10));
  });

  it("reports an unknown rule id with a did-you-mean and its path", () => {
    expect(issuesOf({ rules: { "long-wiat": "error" } })).toEqual([
      { code: "unknown_rule", path: 'rules["long-wiat"]', message: "unknown rule 'long-wiat'", hint: "did you mean 'long-wait'?" },
    ]);
    expect(issuesOf({ overrides: [{ services: ["s"], rules: { "wet-signatur": "off" } }] })[0]).toMatchObject({
      path: 'overrides[0].rules["wet-signatur"]',
      hint: "did you mean 'wet-signature'?",
    });
  });

  it("reports bad options at their path inside the rule's tuple", () => {
    const [issue] = issuesOf({ rules: { "long-wait": ["warning", { maxWaitDays: "sixty" }] } });
    expect(issue).toMatchObject({ code: "invalid_options", path: 'rules["long-wait"][1].maxWaitDays' });
    const [unknown] = issuesOf({ rules: { "long-wait": ["warning", { maxWaitDay: 3 }] } });
    expect(unknown).toMatchObject({ code: "invalid_options", hint: "did you mean 'maxWaitDays'?" });
  });

  it("reports shape problems with paths, and throws an error naming them", () => {
    expect(issuesOf({ preset: "strictest" })[0]).toMatchObject({
      code: "invalid_config",
      path: "preset",
      message: "unknown preset \"strictest\": did you mean 'strict'? (one of 'recommended', 'strict', 'all', 'a11')",
    });
    expect(issuesOf({ preset: ["all", "a12"] })[0]).toMatchObject({ path: "preset", message: expect.stringContaining("unknown preset \"a12\": did you mean 'a11'?") });
    expect(issuesOf({ hourValue: -1 })[0]).toMatchObject({ path: "hourValue" });
    expect(issuesOf({ today: "1 Dec 2026" })[0]).toMatchObject({ path: "today" });
    expect(issuesOf({ overrides: [{ steps: ["no-slash"], rules: {} }] })[0]).toMatchObject({ path: "overrides[0].steps[0]" });
    expect(() => parseLintConfig({ rules: { nope: "error" } })).toThrow(/rules\.nope: unknown rule 'nope'/);
  });

  it("lets the engine checks be set at the top level only", () => {
    expect(parseLintConfig({ rules: { "unused-waiver": "off" } }).engineChecks["unused-waiver"]).toBe("off");
    expect(issuesOf({ overrides: [{ services: ["s"], rules: { "expired-waiver": "off" } }] })[0]).toMatchObject({ path: 'overrides[0].rules["expired-waiver"]' });
  });
});

describe("safeParseLintConfig", () => {
  it("returns the resolved configuration, or every issue parseLintConfig would throw, without throwing", () => {
    const good = safeParseLintConfig({ preset: "strict", rules: { "long-wait": "error" } });
    expect(good.success).toBe(true);
    if (good.success) expect(good.config).toEqual(parseLintConfig({ preset: "strict", rules: { "long-wait": "error" } }));
    const bad = safeParseLintConfig({ rules: { "long-wiat": "error", fee: ["warning", { maxFee: "ten" }] } });
    expect(bad.success).toBe(false);
    expect(bad.issues).toEqual(issuesOf({ rules: { "long-wiat": "error", fee: ["warning", { maxFee: "ten" }] } }));
    expect(bad.issues.length).toBeGreaterThan(0);
    expect(safeParseLintConfig(undefined).success).toBe(true);
  });
});

describe("presets", () => {
  it("recommended holds the recommended rules at their default severities", () => {
    const ids = presetRules("recommended").map((r) => r.id);
    expect(ids).toEqual(builtinRules.filter((r) => r.meta.recommended).map((r) => r.meta.id));
    expect(ids).not.toContain("assumed-evidence");
  });

  it("strict raises every rule one step; all keeps the defaults; a11 holds A-11 conformance", () => {
    const strict = new Map(presetRules("strict").map((r) => [r.id, r.severity]));
    expect(strict.get("fee")).toBe("warning");
    expect(strict.get("long-wait")).toBe("error");
    expect(strict.get("accessibility-gap")).toBe("error");
    expect(presetRules("strict")).toHaveLength(builtinRules.length);
    // `all` is every rule but those only strict turns on (access-undeclared asks for a fuller model).
    expect(presetRules("all").map((r) => r.id)).toEqual(builtinRules.filter((r) => r.meta.strictOnly !== true).map((r) => r.meta.id));
    expect(builtinRules.filter((r) => r.meta.strictOnly === true).map((r) => r.meta.id)).toEqual(["access-undeclared"]);
    expect(presetRules("a11").map((r) => r.id)).toEqual(["feedback-quarters-missing", "missing-annual-volume", "no-feedback-point"]);
    expect(PRESETS).toEqual(["recommended", "strict", "all", "a11"]);
  });

  it("merges a list of presets in order", () => {
    const config = parseLintConfig({ preset: ["a11", "recommended"] });
    expect(config.rules.filter((r) => r.severity !== "off").map((r) => r.rule.meta.id)).toEqual(presetRules("recommended").map((r) => r.id));
  });
});
