/**
 * `defineRule`: how every sludge rule (built-in or a user's own) is declared. A rule is metadata (data, with a zod
 * schema for its options) plus a `check` function that reports findings through its context.
 */
import { z } from "zod";
import { RULE_CATEGORIES, type RuleCategory, type RuleContext, type RuleSource, SEVERITIES, type Severity } from "./types.js";

export type { RuleSource } from "./types.js";

/**
 * A rule's metadata: what it flags, why, how to fix it, and the schema of its options.
 *
 * @typeParam Options - the parsed options (the output of `options`)
 * @example
 * ```ts
 * import { longWait } from "service-blueprint";
 * const meta = longWait.meta;
 * meta.id; // "long-wait"
 * meta.options.parse({}); // { maxWaitDays: 30, maxHoldMinutes: 30 }
 * ```
 */
export interface RuleMeta<Options = unknown> {
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
  /** What the rule flags, in one or two sentences. */
  readonly description: string;
  /** Why it matters. */
  readonly rationale: string;
  /** The public sources the rationale rests on. */
  readonly sources: readonly RuleSource[];
  /** How to fix what it flags. */
  readonly remediation: string;
  /** Its options: a zod object schema whose every field has a default (`options.parse({})` gives them). */
  readonly options: z.ZodType<Options>;
}

/**
 * A sludge rule: metadata and a check. Rules hold no severity of their own beyond a default; presets and the
 * configuration decide.
 *
 * @typeParam Options - the parsed options
 * @example
 * ```ts
 * import { builtinRules, type Rule } from "service-blueprint";
 * const rule: Rule | undefined = builtinRules.find((r) => r.meta.id === "fee");
 * ```
 */
export interface Rule<Options = any> {
  /** What the rule is. */
  readonly meta: RuleMeta<Options>;
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
 * @typeParam Schema - the zod schema of the options
 * @example
 * ```ts
 * import type { RuleDefinition } from "service-blueprint";
 * import { z } from "zod";
 * const options = z.strictObject({ max: z.number().default(3) });
 * type Definition = RuleDefinition<typeof options>;
 * ```
 */
export interface RuleDefinition<Schema extends z.ZodType<object>> {
  /** The metadata, with the options schema. */
  readonly meta: Omit<RuleMeta<z.output<Schema>>, "options"> & { readonly options: Schema };
  /**
   * The check.
   *
   * @param ctx - the rule's context, with parsed options
   */
  check(ctx: RuleContext<z.output<Schema>>): void;
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
export class RuleDefinitionError extends Error {
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
 * @param definition - the rule's `meta` (with a zod `options` schema) and `check`
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
export function defineRule<Schema extends z.ZodType<object>>(definition: RuleDefinition<Schema>): Rule<z.output<Schema>> {
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
  if (!(meta.options instanceof z.ZodType)) throw new RuleDefinitionError(id, "meta.options must be a zod schema");
  if (!meta.options.safeParse({}).success) throw new RuleDefinitionError(id, "meta.options must parse {} (give every option a default)");
  if (typeof definition.check !== "function") throw new RuleDefinitionError(id, "check must be a function");
  const frozenMeta = Object.freeze({
    ...meta,
    categories: Object.freeze([...meta.categories]),
    sources: Object.freeze(meta.sources.map((source) => Object.freeze({ ...source }))),
  });
  return Object.freeze({ meta: frozenMeta, check: definition.check }) as unknown as Rule<z.output<Schema>>;
}
