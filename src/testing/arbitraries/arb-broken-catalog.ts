import * as fc from "fast-check";
import type { Catalog } from "../../model/schema.js";
import { type CatalogConstraints, type CatalogPlan, type CatalogSettings, buildCatalog, catalogPlan, catalogSettings } from "./arb-catalog.js";
import { branchShareSites, type Breakage, BREAKAGES, Breaker, danglingSites, type Doc, duplicateSites, inconsistentValueSites, invalidFlowSites, invalidLinkSites, issue, list, type MutationPlan, type PlantedIssue, type Site, type Stage, stageOf, unreachableSites, waiverTargetSites } from "./broken-catalog-sites.js";
import { forbiddenKeySites, shapeSites, tooDeepSite, versionSite } from "./broken-shape-sites.js";
import { nonexhaustive } from "../../internal/words.js";

export { BREAKAGES, type Breakage, type PlantedIssue } from "./broken-catalog-sites.js";

/**
 * A deliberately broken catalog and the problems planted in it.
 *
 * @example
 * ```ts
 * import type { BrokenCatalog } from "service-blueprint/testing";
 * const broken: BrokenCatalog = {
 *   catalog: { version: 2, name: "Future" },
 *   planted: [{ code: "unsupported_version", path: "version", breakage: "unsupported-version", description: "version 2" }],
 * };
 * ```
 */
export interface BrokenCatalog {
  /** The broken document: a plain value, as if read from JSON or YAML. */
  readonly catalog: unknown;
  /** Every problem planted (at least one); the validator must report each at its path, and may report more. */
  readonly planted: readonly PlantedIssue[];
}

/**
 * Options of {@link arbBrokenCatalog}: those of {@link arbCatalog} for the catalog before it is broken (at least
 * one service by default), plus which breakages and how many.
 *
 * @example
 * ```ts
 * import { arbBrokenCatalog, type BrokenCatalogConstraints } from "service-blueprint/testing";
 * const constraints: BrokenCatalogConstraints = { breakages: ["dangling-reference", "duplicate-id"], maxIssues: 5 };
 * arbBrokenCatalog(constraints);
 * ```
 */
export interface BrokenCatalogConstraints extends CatalogConstraints {
  /** The breakages to draw from (default: all of {@link BREAKAGES}). */
  readonly breakages?: readonly Breakage[] | undefined;
  /** Most breakages planted in one catalog (default 3, at least 1). */
  readonly maxIssues?: number | undefined;
}

function sitesFor(b: Breaker, m: MutationPlan): Site[] {
  switch (m.breakage) {
    case "dangling-reference":
      return danglingSites(b);
    case "duplicate-id":
      return duplicateSites(b, m.extra);
    case "unreachable-step":
      return unreachableSites(b, m.extra);
    case "branch-shares":
      return branchShareSites(b, m.variant);
    case "invalid-flow":
      return invalidFlowSites(b, m.variant);
    case "invalid-link":
      return invalidLinkSites(b, m.variant);
    case "invalid-waiver-target":
      return waiverTargetSites(b, m.variant);
    case "inconsistent-value":
      return inconsistentValueSites(b, m.variant);
    case "bad-value":
    case "missing-field":
    case "unknown-key":
      return shapeSites(b, m.breakage, m.variant);
    case "forbidden-key":
      return forbiddenKeySites(b, m.variant);
    case "unsupported-version":
      return [versionSite(b, m.variant)];
    case "too-deep":
      return [tooDeepSite(b, m.variant)];
    default:
      return nonexhaustive(m.breakage, "breakage");
  }
}


/** Sites of a breakage that no earlier mutation claimed; other variants when the chosen one has none. */
function freeSites(b: Breaker, m: MutationPlan): Site[] {
  for (let shift = 0; shift < 6; shift++) {
    const sites = sitesFor(b, { ...m, variant: m.variant + shift }).filter((site) => b.free(site.claim));
    if (sites.length > 0) return sites;
  }
  return [];
}

/** A breakage of the stage that always has a site (the catalog has a service). */
function fallback(stage: Stage): Breakage {
  return stage === "integrity" ? "unreachable-step" : stage === "shape" ? "unknown-key" : stage;
}


/** Breaks a valid catalog as the mutation plans say. @internal */
export function breakCatalog(base: Catalog, mutations: readonly MutationPlan[]): BrokenCatalog {
  const b = new Breaker(base, structuredClone(base) as unknown as Doc);
  const first = mutations[0]!;
  const stage = stageOf(first.breakage);
  // The validator stops at the first failing stage, and reports one version problem and one nesting problem only.
  const single = stage === "unsupported-version" || stage === "too-deep";
  const chosen = single ? [first] : mutations.filter((m) => stageOf(m.breakage) === stage);
  const planted: PlantedIssue[] = [];
  for (const m of chosen) {
    let sites = freeSites(b, m);
    if (sites.length === 0 && planted.length === 0) sites = freeSites(b, { ...m, breakage: fallback(stage) });
    const site = sites[m.site % Math.max(1, sites.length)];
    if (site === undefined) continue;
    b.claim(site.claim);
    planted.push(...site.plant());
  }
  return { catalog: b.doc, planted };
}

/** @internal */
export function brokenSettings(constraints: BrokenCatalogConstraints): {
  settings: CatalogSettings;
  breakages: readonly [Breakage, ...Breakage[]];
  maxIssues: number;
} {
  const where = "arbBrokenCatalog";
  const minServices = constraints.minServices ?? 1;
  if (!Number.isInteger(minServices) || minServices < 1) throw new Error(`${where}: minServices must be at least 1, so there is something to break`);
  const settings = catalogSettings({ ...constraints, minServices }, where);
  const list = constraints.breakages ?? BREAKAGES;
  const [head, ...rest] = list;
  if (head === undefined) throw new Error(`${where}: breakages must not be empty`);
  for (const breakage of list) {
    if (!(BREAKAGES as readonly string[]).includes(breakage)) throw new Error(`${where}: '${String(breakage)}' is not a breakage; known: ${BREAKAGES.join(", ")}`);
  }
  const maxIssues = constraints.maxIssues ?? 3;
  if (!Number.isInteger(maxIssues) || maxIssues < 1) throw new Error(`${where}: maxIssues must be an integer of at least 1, got ${String(maxIssues)}`);
  return { settings, breakages: [head, ...rest], maxIssues };
}

/**
 * Generates deliberately broken catalogs that tell which problems they hold, for testing error paths: each value
 * is `{ catalog, planted }`, where `planted` lists the issue code and path the validator must report for every
 * problem planted.
 *
 * @param constraints - the breakages to draw from, how many to plant, and the {@link CatalogConstraints} of the
 *   catalog before it is broken
 * @returns an arbitrary of broken catalogs
 * @remarks
 * The arbitrary builds a valid catalog (as {@link arbCatalog} does), then applies one to `maxIssues` breakages of
 * one validation stage (the validator stops after the first failing stage): document-level problems (a forbidden
 * key, an unsupported version, runaway nesting), shape problems (bad values, missing fields, unknown keys), or
 * integrity problems (dangling references, duplicate ids, unreachable steps, branch shares, flows, links, waiver
 * targets, inconsistent values). Breakages never share a place, so each is reported where it was planted; a
 * validator may report more issues than were planted (a dangling flow target can also leave steps unreachable).
 * Paths follow the validator's conventions: a duplicate is reported at the later copy's `id`, an unknown key at
 * the key itself, runaway nesting at the first object 64 levels deep. Shrinking keeps the description true, since
 * the planted list is computed from the breakages actually applied.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { safeParseCatalog } from "service-blueprint";
 * import { arbBrokenCatalog } from "service-blueprint/testing";
 *
 * fc.assert(
 *   fc.property(arbBrokenCatalog(), ({ catalog, planted }) => {
 *     const result = safeParseCatalog(catalog);
 *     return !result.success && planted.every((p) => result.issues.some((i) => i.code === p.code && i.path === p.path));
 *   }),
 * );
 * ```
 */
export function arbBrokenCatalog(constraints: BrokenCatalogConstraints = {}): fc.Arbitrary<BrokenCatalog> {
  const { settings, breakages, maxIssues } = brokenSettings(constraints);
  const mutation: fc.Arbitrary<MutationPlan> = fc.record({
    breakage: fc.constantFrom(...breakages),
    variant: fc.nat(),
    site: fc.nat(),
    extra: fc.nat(),
  });
  return fc
    .record({ base: catalogPlan(settings), mutations: fc.array(mutation, { minLength: 1, maxLength: maxIssues }) })
    .map(({ base, mutations }: { base: CatalogPlan; mutations: MutationPlan[] }) => breakCatalog(buildCatalog(base, settings), mutations));
}
