/**
 * Presets: named sets of rules with their severities. A configuration starts from one (or several, merged in
 * order) and then sets rules one by one.
 */
import type { Rule } from "./define-rule.js";
import { builtinRules } from "./rules/index.js";
import type { Severity } from "./types.js";
import { nonexhaustive } from "../internal/words.js";

/**
 * The preset names:
 * - `recommended` (the default): the rules whose `meta.recommended` is true, at their default severities;
 * - `strict`: every rule, each one step more severe than its default (`info` → `warning` → `error`);
 * - `all`: every rule at its default severity, except those only `strict` turns on (`meta.strictOnly`, such as
 *   `access-undeclared`, which asks for a fuller model rather than a change to the service);
 * - `a11`: A-11 Section 280 conformance only: the rules whose categories include `a11`, at their defaults.
 *
 * @example
 * ```ts
 * import { PRESETS } from "service-blueprint";
 * PRESETS; // ["recommended", "strict", "all", "a11"]
 * ```
 */
export const PRESETS = ["recommended", "strict", "all", "a11"] as const;

/**
 * One of {@link PRESETS}.
 *
 * @example
 * ```ts
 * import type { PresetName } from "service-blueprint";
 * const preset: PresetName = "strict";
 * ```
 */
export type PresetName = (typeof PRESETS)[number];

/**
 * One rule a preset turns on, and at what severity.
 *
 * @example
 * ```ts
 * import type { PresetRule } from "service-blueprint";
 * const entry: PresetRule = { id: "fee", severity: "info" };
 * ```
 */
export interface PresetRule {
  /** The rule id. */
  readonly id: string;
  /** The severity the preset gives it. */
  readonly severity: Severity;
}

function raise(severity: Severity): Severity {
  return severity === "info" ? "warning" : "error";
}

/**
 * The rules a preset turns on, sorted by id.
 *
 * @param name - a preset name
 * @param rules - the rules to pick from (default: {@link builtinRules}; pass plugins too so presets see them)
 * @returns the rule ids and severities the preset sets
 * @example
 * ```ts
 * import { presetRules } from "service-blueprint";
 * presetRules("a11").map((entry) => entry.id); // ["feedback-quarters-missing", "missing-annual-volume", "no-feedback-point"]
 * presetRules("strict").find((entry) => entry.id === "fee")?.severity; // "warning"
 * ```
 */
export function presetRules(name: PresetName, rules: readonly Rule[] = builtinRules): readonly PresetRule[] {
  const picked: PresetRule[] = [];
  for (const rule of rules) {
    const { id, defaultSeverity, recommended, categories, strictOnly } = rule.meta;
    switch (name) {
      case "recommended":
        if (recommended) picked.push({ id, severity: defaultSeverity });
        break;
      case "strict":
        picked.push({ id, severity: raise(defaultSeverity) });
        break;
      case "all":
        if (strictOnly !== true) picked.push({ id, severity: defaultSeverity });
        break;
      case "a11":
        if (categories.includes("a11") && strictOnly !== true) picked.push({ id, severity: defaultSeverity });
        break;
      default:
        return nonexhaustive(name, "preset");
    }
  }
  picked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.freeze(picked.map((entry) => Object.freeze(entry)));
}

