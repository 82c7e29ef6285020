import { describe, expect, it } from "vitest";
import { type Finding, defineRule, lintCatalog } from "../../src/index.js";
import { z } from "zod";
import { catalog, oneService, service } from "./rules/fixtures.js";

const sludgy = () =>
  catalog({
    services: [
      service("first", [
        { id: "apply", lane: "customer", channel: "paper", signature: "wet", customerMinutes: 30 },
        { id: "wait", lane: "backstage", waitDays: 90 },
      ]),
      service("second", [{ id: "visit", lane: "customer", channel: "office", travelMinutes: 60, fee: 25 }], {
        occasion: { kind: "intent", story: "x", annualVolume: 600 },
      }),
    ],
  });

const alwaysThrows = defineRule({
  meta: {
    id: "always-throws",
    title: "Always throws",
    category: "structure",
    categories: ["structure"],
    defaultSeverity: "warning",
    recommended: true,
    description: "Throws.",
    rationale: "To test the engine.",
    sources: [],
    remediation: "None.",
    options: z.strictObject({}),
  },
  check() {
    throw new Error("boom");
  },
});

const reportsTwice = defineRule({
  meta: {
    id: "reports-twice",
    title: "Reports twice",
    category: "compliance",
    categories: ["compliance"],
    defaultSeverity: "info",
    recommended: false,
    description: "Reports every service twice with the same key.",
    rationale: "To test deduplication.",
    sources: [],
    remediation: "None.",
    options: z.strictObject({ minutes: z.number().default(6) }),
  },
  check(ctx) {
    for (const svc of ctx.catalog.services) {
      ctx.report({ target: { service: svc.id }, message: `first report of ${svc.id}`, minutes: ctx.options.minutes });
      ctx.report({ target: { service: svc.id }, message: `second report of ${svc.id}`, minutes: ctx.options.minutes });
    }
  },
});

const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId}@${f.target.path}`);

describe("lintCatalog", () => {
  it("runs the recommended preset by default, sorted by service, step position, then rule id", () => {
    const result = lintCatalog(sludgy(), { today: "2026-12-01" });
    expect(ids(result.findings)).toEqual([
      "paper-channel@services[0].steps[0]",
      "wet-signature@services[0].steps[0]",
      "long-wait@services[0].steps[1]",
      "fee@services[1].steps[0]",
      "in-person-only@services[1].steps[0]",
      "travel-required@services[1].steps[0]",
    ]);
    expect(result.today).toBe("2026-12-01");
    expect(result.rules.map((r) => r.id)).toContain("wet-signature");
    expect(result.rules.map((r) => r.id)).not.toContain("assumed-evidence");
  });

  it("gives every finding a target with kind and path, its rule's categories and remediation, and a frozen shape", () => {
    const [finding] = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], rules: { "wet-signature": "error" } }).findings;
    expect(finding).toMatchObject({
      ruleId: "wet-signature",
      severity: "error",
      category: "compliance",
      categories: ["compliance"],
      target: { kind: "step", service: "first", step: "apply", path: "services[0].steps[0]" },
    });
    expect(finding!.remediation.length).toBeGreaterThan(10);
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.isFrozen(finding)).toBe(true);
  });

  it("computes each finding's annual hours from minutes, annual volume and reach", () => {
    const result = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], rules: { "travel-required": "warning", fee: "info" } });
    const travel = result.findings.find((f) => f.ruleId === "travel-required")!;
    // 60 minutes of travel for each of 600 customers a year: 600 hours.
    expect(travel.burden).toMatchObject({ minutesPerCustomer: 60, customersPerYear: 600, annualHours: 600, annualCost: 600 * 35 });
    const fee = result.findings.find((f) => f.ruleId === "fee")!;
    expect(fee.burden).toMatchObject({ fee: 25, customersPerYear: 600, annualCost: 25 * 600 });
    const cheap = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], rules: { "travel-required": "warning" }, hourValue: 10 });
    expect(cheap.findings[0]!.burden.annualCost).toBe(6000);
  });

  it("turns a throwing rule into a rule-error finding and runs the others", () => {
    const result = lintCatalog(sludgy(), { today: "2026-12-01", plugins: [alwaysThrows] });
    const error = result.findings.find((f) => f.ruleId === "rule-error");
    expect(error).toMatchObject({ severity: "error", category: "structure", target: { kind: "catalog", path: "" } });
    expect(error!.message).toContain("Rule 'always-throws' failed");
    expect(error!.message).toContain("boom");
    expect(result.findings.some((f) => f.ruleId === "wet-signature")).toBe(true);
  });

  it("turns a report naming an unknown step into a rule-error", () => {
    const bad = defineRule({
      ...reportsTwice,
      meta: { ...reportsTwice.meta, id: "bad-target" },
      check(ctx) {
        ctx.report({ target: { service: "first", step: "nope" }, message: "x" });
      },
    });
    const result = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], plugins: [bad], rules: { "bad-target": "warning" } });
    expect(result.findings.map((f) => f.message)).toEqual([expect.stringContaining("unknown step 'nope' of service 'first'")]);
  });

  it("deduplicates findings of one rule on one target and key", () => {
    const result = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], plugins: [reportsTwice], rules: { "reports-twice": "info" } });
    expect(result.findings.map((f) => f.message)).toEqual(["first report of first", "first report of second"]);
  });

  it("deduplicates repeats that other findings separate, keeping the first reported", () => {
    const interleaved = defineRule({
      meta: { ...reportsTwice.meta, id: "interleaved", description: "Reports every step, then every service twice, keyed." },
      check(ctx) {
        for (const svc of [...ctx.catalog.services].reverse()) {
          ctx.report({ target: { service: svc.id }, message: `service ${svc.id}, first`, key: "k" });
          for (const step of svc.steps) ctx.report({ target: { service: svc.id, step: step.id }, message: `step ${step.id}`, key: "k" });
          ctx.report({ target: { service: svc.id }, message: `service ${svc.id}, other key`, key: "other" });
        }
        for (const svc of ctx.catalog.services) ctx.report({ target: { service: svc.id }, message: `service ${svc.id}, again`, key: "k" });
      },
    });
    const result = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], plugins: [interleaved, reportsTwice], rules: { interleaved: "info", "reports-twice": "info" } });
    const services = result.findings.filter((f) => f.ruleId === "interleaved" && f.target.kind === "service").map((f) => f.message);
    expect(services.sort()).toEqual(["service first, first", "service first, other key", "service second, first", "service second, other key"]);
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(result.findings.length);
  });

  it("applies overrides by service and by step, with their own options", () => {
    const result = lintCatalog(sludgy(), {
      today: "2026-12-01",
      preset: [],
      plugins: [reportsTwice],
      rules: { "long-wait": "warning", "reports-twice": "info", "wet-signature": "warning" },
      overrides: [
        { services: ["second"], rules: { "reports-twice": ["error", { minutes: 60 }] } },
        { steps: ["first/apply"], rules: { "wet-signature": "off" } },
        { services: ["first"], rules: { "long-wait": ["warning", { maxWaitDays: 120 }] } },
      ],
    });
    expect(ids(result.findings)).toEqual(["reports-twice@services[0]", "reports-twice@services[1]"]);
    const [first, second] = result.findings;
    expect(first).toMatchObject({ severity: "info", burden: { minutesPerCustomer: 6 } });
    expect(second).toMatchObject({ severity: "error", burden: { minutesPerCustomer: 60 } });
  });

  it("lets an override turn on a rule that is off at the top level, only where it matches", () => {
    const result = lintCatalog(sludgy(), { today: "2026-12-01", preset: [], overrides: [{ services: ["second"], rules: { "travel-required": "error" } }] });
    expect(ids(result.findings)).toEqual(["travel-required@services[1].steps[0]"]);
    expect(result.rules).toEqual([{ id: "travel-required", severity: "error" }]);
  });

  it("gives the same result twice and freezes it", () => {
    const a = lintCatalog(sludgy(), { today: "2026-12-01", preset: "all" });
    const b = lintCatalog(sludgy(), { today: "2026-12-01", preset: "all" });
    expect(b).toEqual(a);
    expect(Object.isFrozen(a.findings)).toBe(true);
    expect(Object.isFrozen(a.burden)).toBe(true);
  });

  it("keeps fingerprints when messages or list positions change", () => {
    const a = lintCatalog(oneService([{ id: "x", lane: "customer", channel: "web" }, { id: "sign", lane: "customer", channel: "paper", signature: "wet" }]), { today: "2026-12-01" });
    const b = lintCatalog(oneService([{ id: "sign", lane: "customer", channel: "paper", signature: "wet", customerMinutes: 99 }]), { today: "2026-12-01" });
    const fp = (r: typeof a) => r.findings.filter((f) => f.ruleId === "wet-signature").map((f) => f.fingerprint);
    expect(fp(a)).toEqual(fp(b));
    expect(fp(a)).toHaveLength(1);
  });
});
