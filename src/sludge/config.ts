/**
 * Lint configuration: presets, per-rule severities and options, overrides for services, steps and life
 * experiences, the value of an hour, the lint date and custom rules. Validated with zod; every problem carries a
 * path such as `rules["long-wait"][1].maxWaitDays`.
 */
import * as z from "zod";
import { suggest } from "../model/did-you-mean.js";
import { type PathSegment, formatPath } from "../model/issues.js";
import { type Rule, validateRuleOptions } from "./define-rule.js";
import { PRESETS, type PresetName, presetRules } from "./presets.js";
import { builtinRules } from "./rules/index.js";
import { SEVERITIES, type Severity } from "./types.js";
import { ServiceBlueprintError } from "../internal/error.js";

/**
 * The default value of one hour of a customer's time, in US dollars: the US Bureau of Labor Statistics' average
 * hourly earnings of all employees on private nonfarm payrolls (Current Employment Statistics, series
 * CES0500000003), about $35 an hour in 2024, rounded. Set `hourValue` to use another figure (for example a
 * program's own wage estimate, or one loaded for benefits).
 *
 * @example
 * ```ts
 * import { DEFAULT_HOUR_VALUE } from "service-blueprint";
 * DEFAULT_HOUR_VALUE; // 35
 * ```
 */
export const DEFAULT_HOUR_VALUE = 35;

/**
 * Checks the engine itself makes (they are not rules of the catalogue): `expired-waiver` (a waiver past its
 * `expires` date, warning), `unused-waiver` (a waiver that matched no finding of a rule that ran, info) and
 * `rule-error` (a rule threw, error). The first two can be set to a severity or `"off"` under `rules`.
 *
 * @example
 * ```ts
 * import { ENGINE_CHECKS } from "service-blueprint";
 * ENGINE_CHECKS.map((check) => check.id); // ["expired-waiver", "rule-error", "unused-waiver"]
 * ```
 */
export const ENGINE_CHECKS = Object.freeze([
  Object.freeze({
    id: "expired-waiver",
    title: "Expired waiver",
    defaultSeverity: "warning" as Severity,
    configurable: true,
    description: "A waiver's `expires` date is before the lint date: it no longer applies, so the findings it covered are active again.",
  }),
  Object.freeze({
    id: "rule-error",
    title: "Rule error",
    defaultSeverity: "error" as Severity,
    configurable: false,
    description: "A rule threw while checking the catalog; its findings are missing from this run. The other rules ran.",
  }),
  Object.freeze({
    id: "unused-waiver",
    title: "Unused waiver",
    defaultSeverity: "info" as Severity,
    configurable: true,
    description: "A waiver matched no finding of a rule that ran (the friction was removed, or the target is wrong), or names an unknown rule.",
  }),
]);

/**
 * How a configuration sets one rule: `"off"`, a severity, or a tuple of severity (or `"off"`) and options.
 *
 * @example
 * ```ts
 * import type { RuleSetting } from "service-blueprint";
 * const settings: RuleSetting[] = ["off", "error", ["warning", { maxWaitDays: 60 }]];
 * ```
 */
export type RuleSetting = Severity | "off" | readonly [Severity | "off"] | readonly [Severity | "off", Readonly<Record<string, unknown>>];

/**
 * Rule settings for some services, steps (`"service/step"`) or life experiences. A finding whose target matches
 * takes the override's severity and options; later overrides win.
 *
 * @example
 * ```ts
 * import type { LintOverride } from "service-blueprint";
 * const override: LintOverride = { services: ["irs-paper-return"], rules: { "paper-channel": "off" } };
 * ```
 */
export interface LintOverride {
  /** Service ids: matches the services and their steps. */
  readonly services?: readonly string[] | undefined;
  /** Steps as `service/step`. */
  readonly steps?: readonly string[] | undefined;
  /** Life experience ids: matches the experiences and their links. */
  readonly experiences?: readonly string[] | undefined;
  /** The settings. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

/**
 * The lint configuration (everything optional).
 *
 * @example
 * ```ts
 * import { lintCatalog, type LintConfig } from "service-blueprint";
 * const config: LintConfig = {
 *   preset: "recommended",
 *   rules: { "long-wait": ["error", { maxWaitDays: 60 }], fee: "off" },
 *   overrides: [{ steps: ["ssa-retirement/sign"], rules: { "wet-signature": "info" } }],
 *   hourValue: 40,
 *   today: "2026-12-01",
 * };
 * lintCatalog(catalog, config);
 * ```
 */
export interface LintConfig {
  /** A preset or several merged in order (default `recommended`). */
  readonly preset?: PresetName | readonly PresetName[] | undefined;
  /** Per-rule settings, applied after the presets. */
  readonly rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Settings for parts of the catalog. */
  readonly overrides?: readonly LintOverride[] | undefined;
  /** Dollars per hour of customer time (default {@link DEFAULT_HOUR_VALUE}). */
  readonly hourValue?: number | undefined;
  /** The lint date `YYYY-MM-DD` (default today's UTC date); waivers expire and reports fall due against it. */
  readonly today?: string | undefined;
  /** Custom rules (made with `defineRule`), known beside the built-in ones; presets include them by their meta. */
  readonly plugins?: readonly Rule[] | undefined;
}

/**
 * A rule's resolved setting.
 *
 * @example
 * ```ts
 * import { parseLintConfig } from "service-blueprint";
 * parseLintConfig({ rules: { fee: "error" } }).rules.find((r) => r.rule.meta.id === "fee")?.severity; // "error"
 * ```
 */
export interface ResolvedRuleSetting {
  /** The rule. */
  readonly rule: Rule;
  /** Its severity, or `"off"`. */
  readonly severity: Severity | "off";
  /** Its options, parsed (defaults filled in). */
  readonly options: unknown;
}

/**
 * An override, resolved: its matchers and, per rule id, the severity and (when it gave any) parsed options.
 *
 * @example
 * ```ts
 * import { parseLintConfig } from "service-blueprint";
 * const [override] = parseLintConfig({ overrides: [{ services: ["svc"], rules: { fee: "off" } }] }).overrides;
 * override?.services.has("svc"); // true
 * ```
 */
export interface ResolvedOverride {
  /** Service ids. */
  readonly services: ReadonlySet<string>;
  /** `service/step` pairs. */
  readonly steps: ReadonlySet<string>;
  /** Life experience ids. */
  readonly experiences: ReadonlySet<string>;
  /** Settings by rule id; `options` is absent when the override sets only a severity. */
  readonly rules: ReadonlyMap<string, { readonly severity: Severity | "off"; readonly options?: unknown }>;
}

/**
 * A validated configuration with presets applied: every known rule with its severity and options.
 *
 * @example
 * ```ts
 * import { parseLintConfig } from "service-blueprint";
 * const resolved = parseLintConfig({ preset: "all", today: "2026-12-01" });
 * resolved.rules.length; // every built-in rule
 * ```
 */
export interface ResolvedLintConfig {
  /** Every known rule (built-in and plugins), sorted by id, with its setting. */
  readonly rules: readonly ResolvedRuleSetting[];
  /** Severities of the engine checks (`expired-waiver`, `unused-waiver`). */
  readonly engineChecks: Readonly<Record<string, Severity | "off">>;
  /** The overrides, in order. */
  readonly overrides: readonly ResolvedOverride[];
  /** Dollars per hour. */
  readonly hourValue: number;
  /** The lint date. */
  readonly today: string;
}

/**
 * One problem in a lint configuration.
 *
 * @example
 * ```ts
 * import type { LintConfigIssue } from "service-blueprint";
 * const issue: LintConfigIssue = { code: "unknown_rule", path: 'rules["long-wiat"]', message: "unknown rule 'long-wiat'", hint: "did you mean 'long-wait'?" };
 * ```
 */
export interface LintConfigIssue {
  /** What kind of problem. */
  readonly code: "invalid_config" | "unknown_rule" | "invalid_options" | "duplicate_rule";
  /** Where, e.g. `rules["long-wait"][1].maxWaitDays`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it, when we can tell. */
  readonly hint?: string;
}

/**
 * Thrown by {@link parseLintConfig} (and so by `lintCatalog`) for a bad configuration. Code `invalid_config`;
 * `issues` lists every problem with its path.
 *
 * @example
 * ```ts
 * import { LintConfigError, parseLintConfig } from "service-blueprint";
 * try { parseLintConfig({ rules: { "long-wiat": "error" } }); }
 * catch (error) {
 *   if (error instanceof LintConfigError) console.error(error.issues[0]?.hint); // did you mean 'long-wait'?
 * }
 * ```
 */
export class LintConfigError extends ServiceBlueprintError {
  /** Always `invalid_config`. */
  readonly code = "invalid_config" as const;
  /** The problems, each with a path. */
  readonly issues: readonly LintConfigIssue[];
  /**
   * @param issues - the problems found
   */
  constructor(issues: readonly LintConfigIssue[]) {
    const lines = issues.map((issue) => `${issue.path || "(config)"}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ""}`);
    super(`invalid lint configuration:\n${lines.join("\n")}`);
    this.name = "LintConfigError";
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue })));
  }
}

const SeverityOrOff = z.enum([...SEVERITIES, "off"]);
const Setting = z.union([
  SeverityOrOff,
  z.tuple([SeverityOrOff]),
  z.tuple([SeverityOrOff, z.record(z.string(), z.unknown())]),
]);
const Settings = z.record(z.string(), Setting);
const ConfigSchema = z.strictObject({
  preset: z
    .union([z.enum(PRESETS), z.array(z.enum(PRESETS))], {
      error: (issue) => {
        const given = Array.isArray(issue.input) ? (issue.input as unknown[]) : [issue.input];
        const bad = given.find((name) => !(PRESETS as readonly unknown[]).includes(name));
        const close = typeof bad === "string" ? suggest(bad, PRESETS) : undefined;
        const known = `one of ${PRESETS.map((name) => `'${name}'`).join(", ")}`;
        return `unknown preset ${JSON.stringify(bad)}: ${close === undefined ? known : `did you mean '${close}'? (${known})`}`;
      },
    })
    .optional(),
  rules: Settings.optional(),
  overrides: z
    .array(
      z.strictObject({
        services: z.array(z.string()).optional(),
        steps: z.array(z.string().regex(/^[^/]+\/[^/]+$/, { message: "a step is written 'service/step'" })).optional(),
        experiences: z.array(z.string()).optional(),
        rules: Settings,
      }),
    )
    .optional(),
  hourValue: z.number().finite().min(0).optional(),
  today: z.iso.date().optional(),
  plugins: z.array(z.custom<Rule>((value) => typeof value === "object" && value !== null && "meta" in value && "check" in value, { message: "a plugin is a rule made with defineRule" })).optional(),
});

/** A rule's options with every default (defineRule has checked that `{}` is accepted). */
function defaultOptions(rule: Rule): unknown {
  const result = validateRuleOptions(rule.meta.options, {});
  return result.success ? result.value : {};
}

/** Today's date in UTC, `YYYY-MM-DD`. */
function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The result of {@link safeParseLintConfig}: the resolved configuration, or every problem with its path.
 *
 * @example
 * ```ts
 * import { safeParseLintConfig, type SafeParseLintConfigResult } from "service-blueprint";
 * const result: SafeParseLintConfigResult = safeParseLintConfig({ preset: "strict" });
 * if (result.success) console.log(result.config.rules.size);
 * else for (const issue of result.issues) console.log(`${issue.path}: ${issue.message}`);
 * ```
 */
export type SafeParseLintConfigResult =
  | { readonly success: true; readonly config: ResolvedLintConfig; readonly issues: readonly [] }
  | { readonly success: false; readonly config?: undefined; readonly issues: readonly LintConfigIssue[] };

/**
 * {@link parseLintConfig} without throwing, the way `safeParseCatalog` is to `parseCatalog`: for an editor, a
 * settings form or a CI step that lists every problem of a configuration instead of catching an error.
 *
 * @param value - the configuration; `undefined` means all defaults
 * @returns `{ success: true, config }`, or `{ success: false, issues }` with the problems of {@link LintConfigError}
 * @example
 * ```ts
 * import { safeParseLintConfig } from "service-blueprint";
 * const result = safeParseLintConfig({ rules: { "long-wiat": "error" } });
 * if (!result.success) console.log(result.issues[0]?.message); // unknown rule 'long-wiat' ...
 * ```
 */
export function safeParseLintConfig(value?: unknown): SafeParseLintConfigResult {
  try {
    return { success: true, config: parseLintConfig(value), issues: [] };
  } catch (error) {
    if (error instanceof LintConfigError) return { success: false, issues: error.issues };
    throw error;
  }
}

/**
 * Validates a lint configuration and resolves it against the known rules (built-in plus `plugins`): presets
 * applied in order, then `rules`, each setting's options parsed by the rule's schema. (Long on purpose: one field
 * of the configuration after another, every problem collected before it throws.)
 *
 * @param value - the configuration (for example read from a JSON or YAML file); `undefined` means all defaults
 * @returns the resolved configuration
 * @throws {@link LintConfigError} listing every problem, each with a path and, for unknown rule ids, a suggestion
 * @example
 * ```ts
 * import { parseLintConfig } from "service-blueprint";
 * parseLintConfig({ rules: { "long-wait": ["warning", { maxWaitDays: "sixty" }] } });
 * // LintConfigError: rules["long-wait"][1].maxWaitDays: Invalid input: expected number, received string
 * ```
 */
export function parseLintConfig(value?: unknown): ResolvedLintConfig {
  const parsed = ConfigSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw new LintConfigError(
      parsed.error.issues.map((issue) => ({
        code: "invalid_config" as const,
        path: formatPath(issue.path.filter((s): s is PathSegment => typeof s !== "symbol")),
        message: issue.message,
      })),
    );
  }
  const config = parsed.data;
  const issues: LintConfigIssue[] = [];
  const rules = new Map<string, Rule>();
  for (const rule of builtinRules) rules.set(rule.meta.id, rule);
  (config.plugins ?? []).forEach((rule, i) => {
    const id = rule.meta.id;
    if (rules.has(id) || ENGINE_CHECKS.some((check) => check.id === id)) {
      issues.push({ code: "duplicate_rule", path: formatPath(["plugins", i]), message: `a rule with id '${id}' is already known` });
    } else rules.set(id, rule);
  });
  const allRules = [...rules.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const knownIds = [...allRules.map((rule) => rule.meta.id), ...ENGINE_CHECKS.filter((check) => check.configurable).map((check) => check.id)];

  const severity = new Map<string, Severity | "off">();
  const options = new Map<string, unknown>();
  for (const rule of allRules) severity.set(rule.meta.id, "off");
  const engineChecks: Record<string, Severity | "off"> = {};
  for (const check of ENGINE_CHECKS) if (check.configurable) engineChecks[check.id] = check.defaultSeverity;
  const presets = config.preset === undefined ? ["recommended" as const] : typeof config.preset === "string" ? [config.preset] : config.preset;
  for (const name of presets) for (const entry of presetRules(name, allRules)) severity.set(entry.id, entry.severity);

  /** Checks one settings record; returns what it sets, by rule id. */
  const readSettings = (settings: Readonly<Record<string, z.output<typeof Setting>>>, base: PathSegment[]) => {
    const out = new Map<string, { severity: Severity | "off"; options?: unknown }>();
    for (const id of Object.keys(settings).sort()) {
      const setting = settings[id]!;
      const path = [...base, id];
      if (!knownIds.includes(id)) {
        const close = suggest(id, knownIds);
        issues.push({
          code: "unknown_rule",
          path: formatPath(path),
          message: `unknown rule '${id}'`,
          hint: close === undefined ? "run with preset 'all' to see every rule id, or add the rule under plugins" : `did you mean '${close}'?`,
        });
        continue;
      }
      const level = typeof setting === "string" ? setting : setting[0];
      const given = typeof setting === "string" ? undefined : setting[1];
      const rule = rules.get(id);
      if (rule === undefined) {
        if (given !== undefined) issues.push({ code: "invalid_options", path: formatPath([...path, 1]), message: `the engine check '${id}' takes no options` });
        out.set(id, { severity: level });
        continue;
      }
      if (given === undefined) {
        out.set(id, { severity: level });
        continue;
      }
      const result = validateRuleOptions(rule.meta.options, given);
      if (!result.success) {
        const defaults = validateRuleOptions(rule.meta.options, {});
        const optionNames = defaults.success && typeof defaults.value === "object" && defaults.value !== null ? Object.keys(defaults.value) : [];
        // An unknown option is named by zod's `unrecognized_keys` issue, but not by every schema library: find it
        // from the keys given that have no default.
        const unknownKeys = optionNames.length === 0 ? [] : Object.keys(given).filter((key) => !optionNames.includes(key));
        for (const issue of result.issues) {
          const first = issue.path[0];
          const key = issue.path.length === 0 ? unknownKeys[0] : issue.path.length === 1 && typeof first === "string" && unknownKeys.includes(first) ? first : undefined;
          const close = key === undefined ? undefined : suggest(key, optionNames);
          issues.push({
            code: "invalid_options",
            path: formatPath([...path, 1, ...issue.path]),
            message: issue.message,
            ...(close === undefined ? (key === undefined ? {} : { hint: `options of '${id}': ${optionNames.join(", ") || "(none)"}` }) : { hint: `did you mean '${close}'?` }),
          });
        }
        continue;
      }
      out.set(id, { severity: level, options: result.value });
    }
    return out;
  };

  for (const [id, setting] of readSettings(config.rules ?? {}, ["rules"])) {
    if (id in engineChecks) engineChecks[id] = setting.severity;
    else {
      severity.set(id, setting.severity);
      if (setting.options !== undefined) options.set(id, setting.options);
    }
  }
  const overrides: ResolvedOverride[] = (config.overrides ?? []).map((override, i) => {
    const set = readSettings(override.rules, ["overrides", i, "rules"]);
    for (const id of Object.keys(engineChecks)) {
      if (set.has(id)) {
        issues.push({ code: "invalid_config", path: formatPath(["overrides", i, "rules", id]), message: `the engine check '${id}' can be set only at the top level` });
        set.delete(id);
      }
    }
    return Object.freeze({
      services: new Set(override.services ?? []),
      steps: new Set(override.steps ?? []),
      experiences: new Set(override.experiences ?? []),
      rules: set,
    });
  });
  if (issues.length > 0) throw new LintConfigError(issues);

  return Object.freeze({
    rules: Object.freeze(
      allRules.map((rule) =>
        Object.freeze({
          rule,
          severity: severity.get(rule.meta.id) ?? "off",
          options: options.has(rule.meta.id) ? options.get(rule.meta.id) : defaultOptions(rule),
        }),
      ),
    ),
    engineChecks: Object.freeze(engineChecks),
    overrides: Object.freeze(overrides),
    hourValue: config.hourValue ?? DEFAULT_HOUR_VALUE,
    today: config.today ?? utcToday(),
  });
}
