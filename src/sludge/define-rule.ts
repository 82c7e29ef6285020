/**
 * `defineRule`: how every sludge rule (built-in or a user's own) is declared. A rule is metadata (data, with a
 * schema for its options) plus a `check` function that reports findings through its context.
 *
 * The options schema is any Standard Schema (https://standardschema.dev: zod 3.24+, zod 4, valibot, ArkType...) or
 * a plain validator function. The library never checks it with `instanceof` against its own zod copy: a rule
 * written with the consumer's zod works whatever version the library uses.
 */
import { type PathSegment, formatPath } from "../model/issues.js";
import { RULE_CATEGORIES, type RuleCategory, type RuleContext, type RuleSource, SEVERITIES, type Severity } from "./types.js";
import { ServiceBlueprintError } from "../internal/error.js";

export type { RuleSource } from "./types.js";

/**
 * One problem reported by an options schema (the Standard Schema issue shape).
 *
 * @example
 * ```ts
 * import type { StandardSchemaIssue } from "service-blueprint";
 * const issue: StandardSchemaIssue = { message: "Expected number", path: ["max"] };
 * ```
 */
export interface StandardSchemaIssue {
  /** What is wrong. */
  readonly message: string;
  /** Where, as keys (or `{ key }` segments). */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * What a Standard Schema's `validate` (or a plain options validator) returns: the value, or issues.
 *
 * @typeParam Output - the validated value
 * @example
 * ```ts
 * import type { StandardSchemaResult } from "service-blueprint";
 * const ok: StandardSchemaResult<{ max: number }> = { value: { max: 3 } };
 * const bad: StandardSchemaResult<{ max: number }> = { issues: [{ message: "max must be a number", path: ["max"] }] };
 * ```
 */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue> };

/**
 * The Standard Schema v1 interface (https://standardschema.dev), which zod 3.24+, zod 4, valibot and ArkType
 * schemas implement. Declared here structurally so that any copy of any of those libraries fits.
 *
 * @typeParam Input - what the schema accepts
 * @typeParam Output - what it gives back
 * @example
 * ```ts
 * import type { StandardSchemaV1 } from "service-blueprint";
 * import { z } from "zod";
 * const schema: StandardSchemaV1<unknown, { max: number }> = z.object({ max: z.number().default(3) });
 * ```
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly "~standard": {
    /** Always 1. */
    readonly version: 1;
    /** The library (`zod`, `valibot`...). */
    readonly vendor: string;
    /** Validates a value. */
    readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    /** Type-only: the input and output types. */
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/**
 * A plain options validator: takes the options as given and returns `{ value }` (defaults filled in) or
 * `{ issues }`. For rules that want no schema library at all.
 *
 * @typeParam Output - the validated options
 * @example
 * ```ts
 * import type { RuleOptionsValidator } from "service-blueprint";
 * const options: RuleOptionsValidator<{ max: number }> = (input) => {
 *   const { max = 3, ...rest } = (input ?? {}) as { max?: unknown };
 *   if (Object.keys(rest).length > 0) return { issues: [{ message: `unknown option '${Object.keys(rest)[0]}'` }] };
 *   return typeof max === "number" ? { value: { max } } : { issues: [{ message: "max must be a number", path: ["max"] }] };
 * };
 * ```
 */
export type RuleOptionsValidator<Output> = (input: unknown) => StandardSchemaResult<Output>;

/**
 * A rule's options schema: any {@link StandardSchemaV1} (zod 3.24+, zod 4, valibot...) or a
 * {@link RuleOptionsValidator}.
 *
 * @typeParam Output - the validated options
 * @example
 * ```ts
 * import type { RuleOptionsSchema } from "service-blueprint";
 * import { z } from "zod";
 * const options: RuleOptionsSchema<{ max: number }> = z.strictObject({ max: z.number().default(3) });
 * ```
 */
export type RuleOptionsSchema<Output = unknown> = StandardSchemaV1<unknown, Output> | RuleOptionsValidator<Output>;

/**
 * The options type a {@link RuleOptionsSchema} gives: a Standard Schema's output type, or the `value` of a
 * validator's result.
 *
 * @typeParam Schema - the options schema
 * @example
 * ```ts
 * import type { RuleOptionsOf } from "service-blueprint";
 * import { z } from "zod";
 * const options = z.strictObject({ max: z.number().default(3) });
 * type Options = RuleOptionsOf<typeof options>; // { max: number }
 * ```
 */
export type RuleOptionsOf<Schema> = Schema extends { readonly "~standard": { readonly types?: infer Types } }
  ? NonNullable<Types> extends { readonly output: infer Output }
    ? Output
    : unknown
  : Schema extends (input: unknown) => infer Result
    ? Extract<Result, { readonly value: unknown }>["value"]
    : unknown;

/**
 * The outcome of {@link validateRuleOptions}: the options with defaults filled in, or issues with their paths.
 *
 * @typeParam Output - the validated options
 * @example
 * ```ts
 * import type { RuleOptionsResult } from "service-blueprint";
 * const result: RuleOptionsResult<{ max: number }> = { success: true, value: { max: 3 } };
 * ```
 */
export type RuleOptionsResult<Output> =
  | { readonly success: true; readonly value: Output }
  | { readonly success: false; readonly issues: ReadonlyArray<{ readonly message: string; readonly path: readonly PathSegment[] }> };

/**
 * Validates options against a rule's options schema (a Standard Schema or a validator function), synchronously.
 * A schema that validates asynchronously gives an issue: rule options are checked while the config is read.
 *
 * @param schema - the options schema (`rule.meta.options`)
 * @param input - the options as given (`{}` gives the defaults)
 * @returns `{ success: true, value }` or `{ success: false, issues }` with plain paths
 * @example
 * ```ts
 * import { longWait, validateRuleOptions } from "service-blueprint";
 * validateRuleOptions(longWait.meta.options, {}); // { success: true, value: { maxWaitDays: 30, maxHoldMinutes: 30 } }
 * validateRuleOptions(longWait.meta.options, { maxWaitDays: "x" }).success; // false
 * ```
 */
export function validateRuleOptions<Output>(schema: RuleOptionsSchema<Output>, input: unknown): RuleOptionsResult<Output> {
  const result = typeof schema === "function" ? schema(input) : schema["~standard"].validate(input);
  if (result instanceof Promise || (typeof result === "object" && result !== null && typeof (result as { then?: unknown }).then === "function")) {
    void Promise.resolve(result).catch(() => undefined);
    return { success: false, issues: [{ message: "the options schema validates asynchronously; rule options must be checked synchronously", path: [] }] };
  }
  if (typeof result !== "object" || result === null) {
    return { success: false, issues: [{ message: "the options validator must return { value } or { issues }", path: [] }] };
  }
  if (result.issues !== undefined) {
    return {
      success: false,
      issues: result.issues.map((issue) => ({
        message: String(issue.message),
        path: (issue.path ?? []).map((segment) => {
          const key = typeof segment === "object" && segment !== null ? segment.key : segment;
          return typeof key === "number" ? key : String(typeof key === "symbol" ? key.description : key);
        }),
      })),
    };
  }
  return { success: true, value: result.value };
}

/** Whether a value looks like an options schema (by shape, never by `instanceof`). */
function isOptionsSchema(value: unknown): value is RuleOptionsSchema {
  if (typeof value === "function") return true;
  if (typeof value !== "object" || value === null) return false;
  const standard = (value as { "~standard"?: { validate?: unknown } })["~standard"];
  return typeof standard === "object" && standard !== null && typeof standard.validate === "function";
}

/**
 * A rule's metadata: what it flags, why, how to fix it, and the schema of its options.
 *
 * @typeParam Options - the parsed options (the output of `options`)
 * @typeParam Schema - the options schema as given to `defineRule` (a zod schema for the built-in rules)
 * @example
 * ```ts
 * import { longWait } from "service-blueprint";
 * const meta = longWait.meta;
 * meta.id; // "long-wait"
 * meta.options.parse({}); // { maxWaitDays: 30, maxHoldMinutes: 30 }
 * ```
 */
export interface RuleMeta<Options = unknown, Schema extends RuleOptionsSchema<unknown> = RuleOptionsSchema<Options>> {
  /** Kebab-case id, the rule's file name (`long-wait`). */
  readonly id: string;
  /** A short title. */
  readonly title: string;
  /** The primary category. */
  readonly category: RuleCategory;
  /** Every category the rule touches (includes `category`). */
  readonly categories: readonly RuleCategory[];
  /** The severity when configuration does not set one. */
  readonly defaultSeverity: Severity;
  /** Whether the `recommended` preset turns it on. */
  readonly recommended: boolean;
  /**
   * Whether only the `strict` preset turns it on (not `all`, not `recommended`): a rule that asks for a fuller model
   * rather than a change to the service. Default `false`.
   */
  readonly strictOnly?: boolean | undefined;
  /** What the rule flags, in one or two sentences. */
  readonly description: string;
  /** Why it matters. */
  readonly rationale: string;
  /** The public sources the rationale rests on. */
  readonly sources: readonly RuleSource[];
  /** How to fix what it flags. */
  readonly remediation: string;
  /**
   * Its options: a Standard Schema (zod 3.24+, zod 4, valibot...) or a validator function, where every option has
   * a default (validating `{}` gives them; see {@link validateRuleOptions}).
   */
  readonly options: Schema;
}

/**
 * A sludge rule: metadata and a check. Rules hold no severity of their own beyond a default; presets and the
 * configuration decide.
 *
 * @typeParam Options - the parsed options
 * @typeParam Schema - the options schema
 * @example
 * ```ts
 * import { builtinRules, type Rule } from "service-blueprint";
 * const rule: Rule | undefined = builtinRules.find((r) => r.meta.id === "fee");
 * ```
 */
export interface Rule<Options = any, Schema extends RuleOptionsSchema<unknown> = RuleOptionsSchema<Options>> {
  /** What the rule is. */
  readonly meta: RuleMeta<Options, Schema>;
  /**
   * Looks at the catalog and reports findings through `ctx.report`. Must not mutate anything.
   *
   * @param ctx - the catalog, index, options, date, analyses and `report`
   */
  check(ctx: RuleContext<Options>): void;
}

/**
 * What {@link defineRule} takes.
 *
 * @typeParam Schema - the options schema: any Standard Schema (zod 3.24+, zod 4, valibot...) or a validator
 * @example
 * ```ts
 * import type { RuleDefinition } from "service-blueprint";
 * import { z } from "zod";
 * const options = z.strictObject({ max: z.number().default(3) });
 * type Definition = RuleDefinition<typeof options>;
 * ```
 */
export interface RuleDefinition<Schema extends RuleOptionsSchema<object>> {
  /** The metadata, with the options schema. */
  readonly meta: Omit<RuleMeta<RuleOptionsOf<Schema>>, "options"> & { readonly options: Schema };
  /**
   * The check.
   *
   * @param ctx - the rule's context, with parsed options
   */
  check(ctx: RuleContext<RuleOptionsOf<Schema>>): void;
}

/**
 * Thrown by {@link defineRule} when a rule's metadata is malformed (a bad id, an unknown category, options whose
 * defaults do not parse). Code `invalid_rule`.
 *
 * @example
 * ```ts
 * import { RuleDefinitionError, defineRule } from "service-blueprint";
 * try { defineRule({ meta: { id: "Not Kebab" } as never, check() {} }); }
 * catch (error) { if (error instanceof RuleDefinitionError) console.error(error.code, error.message); }
 * ```
 */
export class RuleDefinitionError extends ServiceBlueprintError {
  /** Always `invalid_rule`. */
  readonly code = "invalid_rule" as const;
  /** The rule id, as given. */
  readonly ruleId: string;
  /**
   * @param ruleId - the rule id as given
   * @param message - what is wrong
   */
  constructor(ruleId: string, message: string) {
    super(`rule '${ruleId}': ${message}`);
    this.name = "RuleDefinitionError";
    this.ruleId = ruleId;
  }
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares a rule: checks its metadata and returns it frozen, with the option types inferred from the schema.
 *
 * @param definition - the rule's `meta` (with an `options` schema: zod 3.24+, zod 4, valibot or any Standard
 *   Schema, or a validator function) and `check`
 * @returns the rule, frozen
 * @throws {@link RuleDefinitionError} when the metadata is malformed
 * @example
 * ```ts
 * import { defineRule, lintCatalog } from "service-blueprint";
 * import { z } from "zod";
 *
 * export const tooManySteps = defineRule({
 *   meta: {
 *     id: "too-many-steps", title: "Too many steps", category: "compliance", categories: ["compliance"],
 *     defaultSeverity: "warning", recommended: false,
 *     description: "A service has more customer steps than `max`.",
 *     rationale: "Every step is a chance to drop out.", sources: [], remediation: "Merge or remove steps.",
 *     options: z.strictObject({ max: z.number().int().min(1).default(12) }),
 *   },
 *   check(ctx) {
 *     for (const service of ctx.catalog.services) {
 *       const count = service.steps.filter((step) => step.lane === "customer").length;
 *       if (count > ctx.options.max) ctx.report({ target: { service: service.id }, message: `${count} customer steps` });
 *     }
 *   },
 * });
 * lintCatalog(catalog, { plugins: [tooManySteps], rules: { "too-many-steps": ["warning", { max: 8 }] } });
 * ```
 */
export function defineRule<Schema extends RuleOptionsSchema<object>>(definition: RuleDefinition<Schema>): Rule<RuleOptionsOf<Schema>, Schema> {
  const meta = definition.meta;
  const id = typeof meta?.id === "string" ? meta.id : String(meta?.id);
  if (!KEBAB.test(id)) throw new RuleDefinitionError(id, "the id must be kebab-case (like 'long-wait')");
  for (const field of ["title", "description", "rationale", "remediation"] as const) {
    if (typeof meta[field] !== "string" || meta[field].length === 0) throw new RuleDefinitionError(id, `meta.${field} must be a non-empty string`);
  }
  if (!(RULE_CATEGORIES as readonly string[]).includes(meta.category)) {
    throw new RuleDefinitionError(id, `unknown category '${String(meta.category)}' (one of ${RULE_CATEGORIES.join(", ")})`);
  }
  if (!Array.isArray(meta.categories) || !meta.categories.includes(meta.category)) {
    throw new RuleDefinitionError(id, "meta.categories must list meta.category");
  }
  for (const category of meta.categories) {
    if (!(RULE_CATEGORIES as readonly string[]).includes(category)) throw new RuleDefinitionError(id, `unknown category '${String(category)}'`);
  }
  if (!(SEVERITIES as readonly string[]).includes(meta.defaultSeverity)) {
    throw new RuleDefinitionError(id, `unknown default severity '${String(meta.defaultSeverity)}' (one of ${SEVERITIES.join(", ")})`);
  }
  if (typeof meta.recommended !== "boolean") throw new RuleDefinitionError(id, "meta.recommended must be a boolean");
  if (meta.strictOnly !== undefined && typeof meta.strictOnly !== "boolean") throw new RuleDefinitionError(id, "meta.strictOnly must be a boolean");
  if (meta.strictOnly === true && meta.recommended) throw new RuleDefinitionError(id, "a strictOnly rule cannot be recommended");
  if (!isOptionsSchema(meta.options)) {
    throw new RuleDefinitionError(id, "meta.options must be a Standard Schema (zod 3.24+, zod 4, valibot...) or a validator function");
  }
  const defaults = validateRuleOptions(meta.options, {});
  if (!defaults.success) {
    const first = defaults.issues[0];
    const where = first === undefined || first.path.length === 0 ? "" : ` (${formatPath(first.path)}: ${first.message})`;
    const why = first !== undefined && first.path.length === 0 ? ` (${first.message})` : where;
    throw new RuleDefinitionError(id, `meta.options must accept {} (give every option a default)${why}`);
  }
  if (typeof defaults.value !== "object" || defaults.value === null) throw new RuleDefinitionError(id, "meta.options must give an object for {}");
  if (typeof definition.check !== "function") throw new RuleDefinitionError(id, "check must be a function");
  const frozenMeta = Object.freeze({
    ...meta,
    categories: Object.freeze([...meta.categories]),
    sources: Object.freeze(meta.sources.map((source) => Object.freeze({ ...source }))),
  });
  return Object.freeze({ meta: frozenMeta, check: definition.check }) as unknown as Rule<RuleOptionsOf<Schema>, Schema>;
}
