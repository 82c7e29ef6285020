/**
 * Custom rule options from any Standard Schema library (zod 3, zod 4, valibot) or a plain validator: the library
 * never checks them against its own zod copy.
 */
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z as z4 } from "zod";
import { z as z3 } from "zod3";
import { LintConfigError, RuleDefinitionError, type RuleOptionsOf,
  type RuleOptionsValidator, defineRule, lintCatalog, parseLintConfig, validateRuleOptions } from "../../src/index.js";
import { oneService } from "./rules/fixtures.js";

const base = {
  title: "Channel used",
  category: "compliance",
  categories: ["compliance"],
  defaultSeverity: "warning",
  recommended: false,
  description: "A step uses one of the listed channels.",
  rationale: "Some channels are a burden.",
  sources: [],
  remediation: "Offer another channel.",
} as const;

const validator: RuleOptionsValidator<{ channels: string[] }> = (input) => {
  const { channels = ["fax"], ...rest } = (input ?? {}) as { channels?: unknown };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return { issues: [{ message: `unknown option '${extra}'` }] };
  if (!Array.isArray(channels) || !channels.every((c) => typeof c === "string")) return { issues: [{ message: "expected a list of channel ids", path: ["channels"] }] };
  return { value: { channels } };
};

const schemas = {
  "zod 4": z4.strictObject({ channels: z4.array(z4.string()).default(["fax"]) }),
  "zod 3": z3.object({ channels: z3.array(z3.string()).default(["fax"]) }).strict(),
  valibot: v.strictObject({ channels: v.optional(v.array(v.string()), ["fax"]) }),
  "a validator function": validator,
};

const catalog = oneService([
  { id: "apply", lane: "customer", channel: "web" },
  { id: "send", lane: "customer", channel: "fax" },
]);

describe.each(Object.entries(schemas))("rule options as %s", (_name, options) => {
  const rule = defineRule({
    meta: { ...base, id: "channel-used", options },
    check(ctx) {
      for (const service of ctx.catalog.services) {
        for (const step of service.steps) {
          if (step.channel !== undefined && ctx.options.channels.includes(step.channel)) {
            ctx.report({ target: { service: service.id, step: step.id }, message: `'${step.id}' uses ${step.channel}` });
          }
        }
      }
    },
  });

  it("fills in the defaults and runs", () => {
    expect(validateRuleOptions(rule.meta.options, {})).toEqual({ success: true, value: { channels: ["fax"] } });
    const result = lintCatalog(catalog, { preset: "all", today: "2026-01-01", plugins: [rule], rules: { "channel-used": "error" } });
    expect(result.findings.filter((f) => f.ruleId === "channel-used").map((f) => f.message)).toEqual(["'send' uses fax"]);
  });

  it("takes options from the config", () => {
    const result = lintCatalog(catalog, { today: "2026-01-01", plugins: [rule], rules: { "channel-used": ["error", { channels: ["web"] }] } });
    expect(result.findings.filter((f) => f.ruleId === "channel-used").map((f) => f.message)).toEqual(["'apply' uses web"]);
  });

  it("reports bad options at their path", () => {
    const error = (() => {
      try {
        parseLintConfig({ plugins: [rule], rules: { "channel-used": ["error", { channels: [3] }] } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LintConfigError);
    const issue = (error as LintConfigError).issues[0]!;
    expect(issue.code).toBe("invalid_options");
    expect(issue.path.startsWith('rules["channel-used"][1].channels')).toBe(true);
  });

  it("suggests the name of a misspelt option", () => {
    try {
      parseLintConfig({ plugins: [rule], rules: { "channel-used": ["error", { chanels: ["web"] }] } });
      expect.unreachable();
    } catch (error) {
      expect((error as LintConfigError).issues[0]?.hint).toBe("did you mean 'channels'?");
    }
  });
});

describe("option types", () => {
  it("are inferred from each library's schema and from a validator", () => {
    expectTypeOf<RuleOptionsOf<(typeof schemas)["zod 4"]>>().toEqualTypeOf<{ channels: string[] }>();
    expectTypeOf<RuleOptionsOf<(typeof schemas)["zod 3"]>>().toEqualTypeOf<{ channels: string[] }>();
    expectTypeOf<RuleOptionsOf<(typeof schemas)["valibot"]>>().toEqualTypeOf<{ channels: string[] }>();
    expectTypeOf<RuleOptionsOf<typeof validator>>().toEqualTypeOf<{ channels: string[] }>();
    const rule = defineRule({ meta: { ...base, id: "typed", options: schemas["zod 3"] }, check() {} });
    expectTypeOf(rule.meta.options.parse({})).toEqualTypeOf<{ channels: string[] }>();
  });
});

describe("defineRule refuses", () => {
  it("options that are not a schema", () => {
    expect(() => defineRule({ meta: { ...base, id: "x", options: { max: 3 } as never }, check() {} })).toThrow(/Standard Schema .* or a validator function/);
  });
  it("options without defaults, naming the option", () => {
    expect(() => defineRule({ meta: { ...base, id: "x", options: z3.object({ max: z3.number() }) }, check() {} })).toThrow(RuleDefinitionError);
    expect(() => defineRule({ meta: { ...base, id: "x", options: v.object({ max: v.number() }) }, check() {} })).toThrow(/max/);
  });
  it("an asynchronous schema", () => {
    const asyncSchema = v.pipeAsync(v.object({}), v.checkAsync(async () => true));
    expect(() => defineRule({ meta: { ...base, id: "x", options: asyncSchema as never }, check() {} })).toThrow(/asynchronously/);
  });
});
