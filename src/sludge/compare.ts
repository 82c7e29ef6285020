/**
 * Before and after: lint two versions of a catalog with one configuration and report what a redesign changed:
 * steps added, removed and changed, findings fixed and introduced, and the burden delta in hours a year.
 */
import type { Catalog, Step } from "../model/schema.js";
import type { BurdenReport, BurdenTotals } from "./burden.js";
import { cents, tidy } from "./burden.js";
import { type LintConfig, type ResolvedLintConfig, parseLintConfig } from "./config.js";
import { type LintResult, lintCatalog } from "./engine.js";
import type { Finding } from "./types.js";

/**
 * The change in the headline burden figures (after − before).
 *
 * @example
 * ```ts
 * import type { BurdenDelta } from "service-blueprint";
 * const delta: BurdenDelta = { annualHours: -12000, annualCost: -420000, annualFees: 0, minutesPerCustomer: -18, waitDaysPerCustomer: -5 };
 * ```
 */
export interface BurdenDelta {
  /** Customer hours a year. */
  readonly annualHours: number;
  /** Dollars a year. */
  readonly annualCost: number;
  /** Fees a year. */
  readonly annualFees: number;
  /** Expected minutes per customer. */
  readonly minutesPerCustomer: number;
  /** Expected days of waiting per customer. */
  readonly waitDaysPerCustomer: number;
}

/**
 * The burden of one service or life experience before and after (either side absent when it was added or
 * removed), and the delta.
 *
 * @example
 * ```ts
 * import { compareCatalogs } from "service-blueprint";
 * const { burden } = compareCatalogs(before, after);
 * for (const row of burden.services) console.log(row.id, row.delta.annualHours);
 * ```
 */
export interface BurdenComparison {
  /** The service or life experience id. */
  readonly id: string;
  /** Before (absent when added). */
  readonly before?: BurdenTotals;
  /** After (absent when removed). */
  readonly after?: BurdenTotals;
  /** after − before (a missing side counts as zero). */
  readonly delta: BurdenDelta;
}

/**
 * A step that exists in both versions but differs, and the fields that differ.
 *
 * @example
 * ```ts
 * import type { StepChange } from "service-blueprint";
 * const change: StepChange = { service: "ssa-retirement", step: "sign", fields: ["channel", "signature"] };
 * ```
 */
export interface StepChange {
  /** The service id. */
  readonly service: string;
  /** The step id. */
  readonly step: string;
  /** The step's fields that differ, sorted. */
  readonly fields: readonly string[];
}

/**
 * What {@link compareCatalogs} returns.
 *
 * @example
 * ```ts
 * import { compareCatalogs } from "service-blueprint";
 * const diff = compareCatalogs(before, after, { today: "2026-12-01" });
 * console.log(`${diff.fixed.length} fixed, ${diff.introduced.length} introduced, ${diff.burden.total.delta.annualHours} h/yr`);
 * ```
 */
export interface CatalogComparison {
  /** Burden before, after, and the deltas per service, per life experience and in total. */
  readonly burden: {
    readonly before: BurdenReport;
    readonly after: BurdenReport;
    readonly services: readonly BurdenComparison[];
    readonly experiences: readonly BurdenComparison[];
    readonly total: BurdenComparison;
  };
  /** Steps added, removed and changed (services added or removed count all their steps). */
  readonly steps: {
    readonly added: readonly { readonly service: string; readonly step: string }[];
    readonly removed: readonly { readonly service: string; readonly step: string }[];
    readonly changed: readonly StepChange[];
  };
  /** Active findings of `before` whose fingerprint is gone from `after`. */
  readonly fixed: readonly Finding[];
  /** Active findings of `after` whose fingerprint was not active in `before`. */
  readonly introduced: readonly Finding[];
  /** Active findings in both (as reported on `after`). */
  readonly unchanged: readonly Finding[];
  /** The two lint results. */
  readonly lint: { readonly before: LintResult; readonly after: LintResult };
}

function deltaOf(before: BurdenTotals | undefined, after: BurdenTotals | undefined): BurdenDelta {
  const d = (key: keyof BurdenDelta, round = tidy): number => round((after?.[key] ?? 0) - (before?.[key] ?? 0));
  return Object.freeze({
    annualHours: d("annualHours"),
    annualCost: d("annualCost", cents),
    annualFees: d("annualFees", cents),
    minutesPerCustomer: d("minutesPerCustomer"),
    waitDaysPerCustomer: d("waitDaysPerCustomer"),
  });
}

function compareRows<T extends BurdenTotals>(before: readonly T[], after: readonly T[], idOf: (row: T) => string): BurdenComparison[] {
  const old = new Map<string, T>();
  for (const row of before) if (!old.has(idOf(row))) old.set(idOf(row), row);
  const rows: BurdenComparison[] = [];
  const seen = new Set<string>();
  for (const row of after) {
    const id = idOf(row);
    if (seen.has(id)) continue;
    seen.add(id);
    const was = old.get(id);
    rows.push(Object.freeze({ id, ...(was === undefined ? {} : { before: was }), after: row, delta: deltaOf(was, row) }));
  }
  for (const [id, was] of old) {
    if (!seen.has(id)) rows.push(Object.freeze({ id, before: was, delta: deltaOf(was, undefined) }));
  }
  return rows;
}

/** A JSON rendering with sorted keys, so field order does not count as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function visible(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/**
 * Whether two values have the same {@link canonical} rendering, without rendering them: `true` or `false` where
 * the answer is certain for plain JSON data (strings, finite numbers, booleans, null, arrays, plain objects), and
 * `undefined` for anything else, which the caller renders. A step has some 30 fields and a catalog 200,000 steps.
 */
function sameJson(a: unknown, b: unknown): boolean | undefined {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "string" && tb === "string") return false;
  if (ta === "boolean" && tb === "boolean") return false;
  if (ta === "number" && tb === "number") return Number.isFinite(a) && Number.isFinite(b) ? false : undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const same = sameJson(a[i], b[i]);
      if (same !== true) return same;
    }
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    let count = 0;
    for (const key of Object.keys(a)) {
      if (!visible(a[key])) continue;
      count += 1;
      if (!Object.hasOwn(b, key) || !visible(b[key])) return false;
      const same = sameJson(a[key], b[key]);
      if (same !== true) return same;
    }
    for (const key of Object.keys(b)) if (visible(b[key])) count -= 1;
    return count === 0;
  }
  return undefined;
}

function changedFields(a: Step, b: Step): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const fields: string[] = [];
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!(sameJson(x, y) ?? canonical(x) === canonical(y))) fields.push(key);
  }
  return fields.sort();
}

function compareSteps(before: Catalog, after: Catalog): CatalogComparison["steps"] {
  const stepsOf = (catalog: Catalog): Map<string, Map<string, Step>> => {
    const map = new Map<string, Map<string, Step>>();
    for (const service of catalog.services) {
      if (map.has(service.id)) continue;
      const steps = new Map<string, Step>();
      for (const step of service.steps) if (!steps.has(step.id)) steps.set(step.id, step);
      map.set(service.id, steps);
    }
    return map;
  };
  const old = stepsOf(before);
  const now = stepsOf(after);
  const added: { service: string; step: string }[] = [];
  const removed: { service: string; step: string }[] = [];
  const changed: StepChange[] = [];
  for (const [service, steps] of now) {
    const was = old.get(service);
    for (const [id, step] of steps) {
      const prior = was?.get(id);
      if (prior === undefined) added.push(Object.freeze({ service, step: id }));
      else {
        const fields = changedFields(prior, step);
        if (fields.length > 0) changed.push(Object.freeze({ service, step: id, fields: Object.freeze(fields) }));
      }
    }
  }
  for (const [service, steps] of old) {
    const still = now.get(service);
    for (const id of steps.keys()) if (still?.has(id) !== true) removed.push(Object.freeze({ service, step: id }));
  }
  return Object.freeze({ added: Object.freeze(added), removed: Object.freeze(removed), changed: Object.freeze(changed) });
}

/**
 * Compares two versions of a catalog: lints both with the same configuration, matches findings by fingerprint
 * (rule, target ids and key, so they survive reordering and rewording), lists the steps added, removed and
 * changed, and gives the burden delta in hours a year per service, per life experience and in total.
 *
 * @param before - the catalog before the redesign
 * @param after - the catalog after
 * @param config - the lint configuration for both (see `LintConfig`)
 * @returns the comparison (frozen)
 * @throws `LintConfigError` when the configuration is invalid
 * @example
 * ```ts
 * import { compareCatalogs } from "service-blueprint";
 * const diff = compareCatalogs(current, redesigned, { preset: "recommended" });
 * console.log(`Saves ${-diff.burden.total.delta.annualHours} customer hours a year`);
 * for (const finding of diff.fixed) console.log(`fixed: ${finding.ruleId} ${finding.target.path}`);
 * ```
 */
export function compareCatalogs(before: Catalog, after: Catalog, config?: LintConfig | ResolvedLintConfig): CatalogComparison {
  const resolved = config !== undefined && "engineChecks" in config ? (config as ResolvedLintConfig) : parseLintConfig(config);
  const lintBefore = lintCatalog(before, resolved);
  const lintAfter = lintCatalog(after, resolved);
  const was = new Set(lintBefore.findings.map((f) => f.fingerprint));
  const now = new Set(lintAfter.findings.map((f) => f.fingerprint));
  const burdenBefore = lintBefore.burden;
  const burdenAfter = lintAfter.burden;
  return Object.freeze({
    burden: Object.freeze({
      before: burdenBefore,
      after: burdenAfter,
      services: Object.freeze(compareRows(burdenBefore.services, burdenAfter.services, (row) => row.service)),
      experiences: Object.freeze(compareRows(burdenBefore.experiences, burdenAfter.experiences, (row) => row.experience)),
      total: Object.freeze({ id: "total", before: burdenBefore.total, after: burdenAfter.total, delta: deltaOf(burdenBefore.total, burdenAfter.total) }),
    }),
    steps: compareSteps(before, after),
    fixed: Object.freeze(lintBefore.findings.filter((f) => !now.has(f.fingerprint))),
    introduced: Object.freeze(lintAfter.findings.filter((f) => !was.has(f.fingerprint))),
    unchanged: Object.freeze(lintAfter.findings.filter((f) => was.has(f.fingerprint))),
    lint: Object.freeze({ before: lintBefore, after: lintAfter }),
  });
}
