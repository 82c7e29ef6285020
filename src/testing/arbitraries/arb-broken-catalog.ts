import * as fc from "fast-check";
import { type CatalogIssueCode, type PathSegment, formatPath } from "../../model/issues.js";
import type { Catalog } from "../../model/schema.js";
import { REFERENCE_FIELDS, type ReferenceTarget, visitIds } from "../../model/references.js";
import { freshId } from "../internal/strings.js";
import { type CatalogConstraints, type CatalogPlan, type CatalogSettings, buildCatalog, catalogPlan, catalogSettings } from "./arb-catalog.js";
import { nonexhaustive } from "../../internal/words.js";

/**
 * The ways {@link arbBrokenCatalog} breaks a catalog, grouped by the stage of validation that reports them (the
 * validator stops after the first stage that finds a problem, so one broken catalog mixes breakages of one stage
 * only):
 *
 * | breakage | stage | issue code | what is planted |
 * |---|---|---|---|
 * | `dangling-reference` | integrity | `unknown_reference` | a reference (agency, channel, role, tool, data element, document, source, step, service, life experience, link) to an id that does not exist |
 * | `duplicate-id` | integrity | `duplicate_id` | a copy of an item with the same id (agencies, ..., services, steps of a service, links of a life experience) |
 * | `unreachable-step` | integrity | `unreachable_step` | one or two steps no flow reaches |
 * | `branch-shares` | integrity | `branch_shares` | branch shares that do not add up to 1, or a branch without a share |
 * | `invalid-flow` | integrity | `invalid_flow` | a step attached to itself, two flows to one target, a sequence with a share, branches mixed with a sequence, a sequence to itself |
 * | `invalid-link` | integrity | `invalid_link` | a link inside one service, or from a service outside its life experience |
 * | `invalid-waiver-target` | integrity | `invalid_waiver_target` | a waiver naming nothing, a step without its service, or a link without its life experience |
 * | `inconsistent-value` | integrity | `invalid_value` | an agency that is its own department, survey counts that do not match the scale, a mean outside the scale |
 * | `bad-value` | shape | `too_small`, `too_big`, `invalid_value`, `invalid_type`, `invalid_format` | negative minutes, shares over 1, unknown lanes and kinds, wrong types, malformed ids, dates, URLs and language tags, empty names, a service without steps |
 * | `missing-field` | shape | `missing_field` | a required field removed |
 * | `unknown-key` | shape | `unrecognized_key` | a misspelt or unknown field |
 * | `forbidden-key` | document | `forbidden_key` | a `__proto__`, `constructor` or `prototype` key |
 * | `unsupported-version` | document | `unsupported_version` or `missing_field` | a newer, malformed or missing format version |
 * | `too-deep` | document | `document_too_deep` | nesting deeper than the default limit of 64 |
 *
 * @example
 * ```ts
 * import { BREAKAGES } from "service-blueprint/testing";
 * BREAKAGES.includes("dangling-reference"); // true
 * ```
 */
export const BREAKAGES = [
  "dangling-reference",
  "duplicate-id",
  "unreachable-step",
  "branch-shares",
  "invalid-flow",
  "invalid-link",
  "invalid-waiver-target",
  "inconsistent-value",
  "bad-value",
  "missing-field",
  "unknown-key",
  "forbidden-key",
  "unsupported-version",
  "too-deep",
] as const;

/** One of {@link BREAKAGES}. */
export type Breakage = (typeof BREAKAGES)[number];

/**
 * One problem {@link arbBrokenCatalog} planted: the issue the validator must report, where, and what was done.
 *
 * @example
 * ```ts
 * import type { PlantedIssue } from "service-blueprint/testing";
 * const planted: PlantedIssue = {
 *   code: "unknown_reference", path: "services[0].steps[1].channel", breakage: "dangling-reference",
 *   description: "services[0].steps[1].channel names 'missing-channel', which does not exist",
 * };
 * ```
 */
export interface PlantedIssue {
  /** The code of the issue the validator must report. */
  readonly code: CatalogIssueCode;
  /** The path it must report it at, written like `services[2].steps[4].channel`. */
  readonly path: string;
  /** The kind of breakage. */
  readonly breakage: Breakage;
  /** What was done, in words (for failure messages). */
  readonly description: string;
}

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

type Stage = "integrity" | "shape" | "forbidden-key" | "unsupported-version" | "too-deep";

function stageOf(breakage: Breakage): Stage {
  switch (breakage) {
    case "bad-value":
    case "missing-field":
    case "unknown-key":
      return "shape";
    case "forbidden-key":
    case "unsupported-version":
    case "too-deep":
      return breakage;
    default:
      return "integrity";
  }
}

/** A mutable JSON-like document. */
type Doc = Record<string, unknown>;
type Json = Doc | unknown[];

interface MutationPlan {
  readonly breakage: Breakage;
  readonly variant: number;
  readonly site: number;
  readonly extra: number;
}

/** A place a mutation can go: what it claims (so no two mutations touch one thing) and how to plant it. */
interface Site {
  readonly claim: readonly PathSegment[];
  readonly plant: () => PlantedIssue[];
}

/** The default limit of nesting the validator refuses beyond (`DEFAULT_LIMITS.maxDepth`). */
const MAX_DEPTH = 64;

function get(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<PathSegment, unknown>)[segment];
  return value;
}

function obj(root: unknown, path: readonly PathSegment[]): Doc {
  return get(root, path) as Doc;
}

function list(root: unknown, path: readonly PathSegment[]): unknown[] {
  return get(root, path) as unknown[];
}

function isPrefix(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  if (a.length > b.length) return false;
  return a.every((segment, i) => segment === b[i]);
}

/** Everything a mutation reads and writes while one broken catalog is built. */
class Breaker {
  readonly doc: Doc;
  private readonly claims: (readonly PathSegment[])[] = [];
  private readonly ids: Set<string>;

  constructor(
    readonly base: Catalog,
    doc: Doc,
  ) {
    this.doc = doc;
    this.ids = new Set<string>();
    const stack: unknown[] = [base];
    while (stack.length > 0) {
      const value = stack.pop();
      if (Array.isArray(value)) for (const item of value) stack.push(item);
      else if (value !== null && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) {
          if (key === "id" && typeof item === "string") this.ids.add(item);
          else stack.push(item);
        }
      }
    }
  }

  free(claim: readonly PathSegment[]): boolean {
    return !this.claims.some((c) => isPrefix(c, claim) || isPrefix(claim, c));
  }

  claim(claim: readonly PathSegment[]): void {
    this.claims.push(claim);
  }

  /** An id that exists nowhere in the catalog. */
  fresh(base: string): string {
    const id = freshId(base, this.ids);
    this.ids.add(id);
    return id;
  }
}

function issue(code: CatalogIssueCode, path: readonly PathSegment[], breakage: Breakage, description: string): PlantedIssue {
  return { code, path: formatPath(path), breakage, description: `${formatPath(path) || "the document"}: ${description}` };
}

// ── integrity ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every reference in the catalog, with the noun of what it refers to and what a dangling value there claims: the
 * reference itself, or its whole parent where the validator reads one field only when another resolves (a link
 * end's step only once its service is known, a waiver's step or link only once its service or experience is).
 */
const NOUN: Record<ReferenceTarget, string> = {
  sources: "source",
  agencies: "agency",
  channels: "channel",
  roles: "role",
  tools: "tool",
  dataElements: "data",
  documentTypes: "document",
  services: "service",
  lifeExperiences: "experience",
  step: "step",
  "step-of-service": "step",
  "link-of-experience": "link",
};

/** Every reference the catalog holds, from the model's one table of reference fields. */
function referenceSites(c: Catalog): { path: PathSegment[]; noun: string; claim?: PathSegment[] }[] {
  const out: { path: PathSegment[]; noun: string; claim?: PathSegment[] }[] = [];
  for (const field of REFERENCE_FIELDS) {
    visitIds(c, field.segments, (_, below) => {
      const path = [...below];
      out.push(field.paired ? { path, noun: NOUN[field.target], claim: path.slice(0, -1) } : { path, noun: NOUN[field.target] });
    });
  }
  return out;
}

function danglingSites(b: Breaker): Site[] {
  return referenceSites(b.base).map(({ path, noun, claim }) => ({
    claim: claim ?? path,
    plant: () => {
      const id = b.fresh(`missing-${noun}`);
      const parent = get(b.doc, path.slice(0, -1)) as Record<PathSegment, unknown>;
      parent[path[path.length - 1]!] = id;
      return [issue("unknown_reference", path, "dangling-reference", `names ${noun} '${id}', which does not exist`)];
    },
  }));
}

const TOP_COLLECTIONS = [
  "sources",
  "agencies",
  "channels",
  "roles",
  "tools",
  "dataElements",
  "documentTypes",
  "services",
  "lifeExperiences",
] as const;

function duplicateSites(b: Breaker, pickItem: number): Site[] {
  const collections: PathSegment[][] = [];
  for (const name of TOP_COLLECTIONS) if (b.base[name].length > 0) collections.push([name]);
  b.base.services.forEach((_, s) => collections.push(["services", s, "steps"]));
  b.base.lifeExperiences.forEach((x, e) => {
    if (x.links.length > 0) collections.push(["lifeExperiences", e, "links"]);
  });
  return collections.map((path) => ({
    claim: [...path, "+duplicate"],
    plant: () => {
      const items = list(b.doc, path);
      const original = items[pickItem % items.length] as Doc;
      items.push(structuredClone(original));
      const at = [...path, items.length - 1, "id"];
      return [issue("duplicate_id", at, "duplicate-id", `copies the item with id '${String(original.id)}'`)];
    },
  }));
}

function unreachableSites(b: Breaker, chain: number): Site[] {
  return b.base.services.map((_, s) => ({
    claim: ["services", s, "steps", "+orphans"],
    plant: () => {
      const steps = list(b.doc, ["services", s, "steps"]);
      const first = b.fresh("orphan");
      const planted: PlantedIssue[] = [];
      const orphan: Doc = { id: first, name: "Orphaned step", lane: "backstage" };
      steps.push(orphan);
      planted.push(issue("unreachable_step", ["services", s, "steps", steps.length - 1], "unreachable-step", `a step '${first}' that no flow reaches`));
      if (chain % 2 === 1) {
        const second = b.fresh("orphan");
        orphan.next = [{ to: second }];
        steps.push({ id: second, name: "Reached only from an orphan", lane: "backstage" });
        planted.push(
          issue("unreachable_step", ["services", s, "steps", steps.length - 1], "unreachable-step", `a step '${second}' reached only from an unreachable one`),
        );
      }
      return planted;
    },
  }));
}

/** Each step of each service, with its path. */
function stepSites(c: Catalog): { path: PathSegment[]; step: Catalog["services"][number]["steps"][number] }[] {
  return c.services.flatMap((s, i) => s.steps.map((step, j) => ({ path: ["services", i, "steps", j] as PathSegment[], step })));
}

function branchShareSites(b: Breaker, variant: number): Site[] {
  const sites: Site[] = [];
  for (const { path, step } of stepSites(b.base)) {
    const branches = step.next.flatMap((f, k) => (f.kind === "branch" ? [k] : []));
    const sequences = step.next.flatMap((f, k) => (f.kind === "sequence" ? [k] : []));
    if (branches.length >= 2 && variant % 2 === 0) {
      sites.push({
        claim: path,
        plant: () => {
          const flow = obj(b.doc, [...path, "next", branches[0]!]);
          const share = flow.share as number;
          flow.share = Math.min(1, share + 0.1);
          return [issue("branch_shares", [...path, "next"], "branch-shares", `the first branch's share went from ${share} to ${String(flow.share)}`)];
        },
      });
    } else if (branches.length >= 2) {
      sites.push({
        claim: path,
        plant: () => {
          delete obj(b.doc, [...path, "next", branches[0]!]).share;
          return [issue("branch_shares", [...path, "next", branches[0]!, "share"], "branch-shares", "a branch lost its share")];
        },
      });
    } else if (sequences.length === 1) {
      sites.push({
        claim: path,
        plant: () => {
          const flow = obj(b.doc, [...path, "next", sequences[0]!]);
          flow.kind = "branch";
          flow.share = 0.5;
          return [issue("branch_shares", [...path, "next"], "branch-shares", "the only forward flow became a branch of share 0.5")];
        },
      });
    } else if (sequences.length === 0 && branches.length === 0) {
      // A step that ends its branch: a single branch of share 0.5 to a new step.
      sites.push({
        claim: path,
        plant: () => {
          const steps = list(b.doc, path.slice(0, -1));
          const id = b.fresh("branch-target");
          steps.push({ id, name: "Reached by half the customers", lane: "backstage" });
          list(b.doc, [...path, "next"]).push({ to: id, kind: "branch", share: 0.5 });
          return [issue("branch_shares", [...path, "next"], "branch-shares", "a lone branch of share 0.5")];
        },
      });
    }
  }
  return sites;
}

function invalidFlowSites(b: Breaker, variant: number): Site[] {
  const sites: Site[] = [];
  for (const { path, step } of stepSites(b.base)) {
    const kind = variant % 5;
    if (kind === 0) {
      sites.push({
        claim: path,
        plant: () => {
          obj(b.doc, path).attachedTo = step.id;
          return [issue("invalid_flow", [...path, "attachedTo"], "invalid-flow", "the step is attached to itself")];
        },
      });
    } else if (kind === 1 && step.next.length > 0) {
      sites.push({
        claim: path,
        plant: () => {
          const next = list(b.doc, [...path, "next"]);
          next.push(structuredClone(next[0]));
          return [issue("invalid_flow", [...path, "next", next.length - 1, "to"], "invalid-flow", "a second flow to the same target")];
        },
      });
    } else if (kind === 2 && step.next.some((f) => f.kind === "sequence")) {
      const f = step.next.findIndex((flow) => flow.kind === "sequence");
      sites.push({
        claim: path,
        plant: () => {
          obj(b.doc, [...path, "next", f]).share = 0.5;
          return [issue("invalid_flow", [...path, "next", f, "share"], "invalid-flow", "a sequence flow carries a share")];
        },
      });
    } else if (kind === 3 && step.next.filter((f) => f.kind === "branch").length >= 2) {
      const f = step.next.findIndex((flow) => flow.kind === "branch");
      sites.push({
        claim: path,
        plant: () => {
          const flow = obj(b.doc, [...path, "next", f]);
          flow.kind = "sequence";
          delete flow.share;
          return [issue("invalid_flow", [...path, "next"], "invalid-flow", "branches mixed with a sequence")];
        },
      });
    } else if (kind === 4) {
      sites.push({
        claim: path,
        plant: () => {
          const next = list(b.doc, [...path, "next"]);
          next.push({ to: step.id, kind: "sequence" });
          return [issue("invalid_flow", [...path, "next", next.length - 1, "to"], "invalid-flow", "a sequence flow from the step to itself")];
        },
      });
    }
  }
  return sites;
}

function invalidLinkSites(b: Breaker, variant: number): Site[] {
  const sites: Site[] = [];
  const services = b.base.services;
  b.base.lifeExperiences.forEach((x, e) => {
    const members = new Set(x.services);
    const outsider = services.find((s) => !members.has(s.id));
    x.links.forEach((link, k) => {
      const path: PathSegment[] = ["lifeExperiences", e, "links", k];
      if (variant % 2 === 0 || outsider === undefined) {
        sites.push({
          claim: path,
          plant: () => {
            const to = obj(b.doc, [...path, "to"]);
            to.service = link.from.service;
            to.step = link.from.step;
            return [issue("invalid_link", [...path, "to", "service"], "invalid-link", "the link joins a service to itself")];
          },
        });
      } else {
        sites.push({
          claim: path,
          plant: () => {
            const from = obj(b.doc, [...path, "from"]);
            from.service = outsider.id;
            from.step = outsider.steps[0]!.id;
            return [issue("invalid_link", [...path, "from", "service"], "invalid-link", `the link starts in '${outsider.id}', outside the life experience`)];
          },
        });
      }
    });
    // A new link inside one member service: always possible.
    const member = services.find((s) => members.has(s.id));
    if (member !== undefined) {
      sites.push({
        claim: ["lifeExperiences", e, "links", "+new"],
        plant: () => {
          const links = list(b.doc, ["lifeExperiences", e, "links"]);
          const id = b.fresh("self-link");
          const step = member.steps[0]!.id;
          links.push({ id, kind: "referral", from: { service: member.id, step }, to: { service: member.id, step } });
          return [issue("invalid_link", ["lifeExperiences", e, "links", links.length - 1, "to", "service"], "invalid-link", "a new link joins a service to itself")];
        },
      });
    }
  });
  // A new life experience whose only link stays inside one service: always possible.
  const service = services[variant % Math.max(1, services.length)];
  if (service !== undefined) {
    sites.push({
      claim: ["lifeExperiences", "+new"],
      plant: () => {
        const experiences = list(b.doc, ["lifeExperiences"]);
        const step = service.steps[0]!.id;
        experiences.push({
          id: b.fresh("self-linked"),
          name: "Planted by arbBrokenCatalog",
          services: [service.id],
          links: [{ id: "self", kind: "trigger", from: { service: service.id, step }, to: { service: service.id, step } }],
        });
        return [
          issue("invalid_link", ["lifeExperiences", experiences.length - 1, "links", 0, "to", "service"], "invalid-link", "a new life experience links a service to itself"),
        ];
      },
    });
  }
  return sites;
}

function waiverTargetSites(b: Breaker, variant: number): Site[] {
  const experience = b.base.lifeExperiences[0];
  const service = b.base.services[0];
  const make = (target: Doc, at: PathSegment[], what: string): Site => ({
    claim: ["waivers", "+new", variant],
    plant: () => {
      const waivers = list(b.doc, ["waivers"]);
      waivers.push({ rule: "wet-signature", target, justification: "other", note: "Planted by arbBrokenCatalog" });
      return [issue("invalid_waiver_target", ["waivers", waivers.length - 1, "target", ...at], "invalid-waiver-target", what)];
    },
  });
  const sites: Site[] = [
    make({}, [], "a waiver that names no target"),
    make({ step: service?.steps[0]?.id ?? "apply" }, [], "a waiver that names only a step"),
  ];
  if (experience !== undefined) sites.push(make({ experience: experience.id, step: "apply" }, ["step"], "a step target without its service"));
  if (service !== undefined) sites.push(make({ service: service.id, link: "link" }, ["link"], "a link target without its life experience"));
  return [sites[variant % sites.length]!];
}

function inconsistentValueSites(b: Breaker, variant: number): Site[] {
  const sites: Site[] = [];
  if (variant % 3 === 0) {
    b.base.agencies.forEach((a, i) =>
      sites.push({
        claim: ["agencies", i, "department"],
        plant: () => {
          obj(b.doc, ["agencies", i]).department = a.id;
          return [issue("invalid_value", ["agencies", i, "department"], "inconsistent-value", "the agency is its own department")];
        },
      }),
    );
  }
  b.base.services.forEach((_, s) =>
    sites.push({
      claim: ["services", s, "feedback", "+new", variant],
      plant: () => {
        const feedback = list(b.doc, ["services", s, "feedback"]);
        const meanWrong = variant % 3 === 2;
        feedback.push({
          survey: "v1",
          fiscalYear: 2024,
          quarter: 2,
          questions: [meanWrong ? { driver: "ease", scale: 5, mean: 6.5 } : { driver: "ease", scale: 5, counts: [1, 2, 3] }],
        });
        const at: PathSegment[] = ["services", s, "feedback", feedback.length - 1, "questions", 0, meanWrong ? "mean" : "counts"];
        return [issue("invalid_value", at, "inconsistent-value", meanWrong ? "a mean of 6.5 on a 5-point scale" : "3 counts for a 5-point scale")];
      },
    }),
  );
  return sites;
}

// ── shape ────────────────────────────────────────────────────────────────────────────────────────────────────

interface ShapeChange {
  readonly path: PathSegment[];
  readonly code: CatalogIssueCode;
  readonly value?: unknown;
  readonly remove?: boolean;
  readonly what: string;
  /** What the change claims when more than its own field: a discriminator claims its whole object. */
  readonly claim?: PathSegment[];
}

/** Candidate changes that break the schema at one field each. */
function badValueChanges(c: Catalog): ShapeChange[] {
  const out: ShapeChange[] = [];
  c.agencies.forEach((_, i) => {
    out.push({ path: ["agencies", i, "hisp"], code: "invalid_type", value: "yes", what: "hisp is the text 'yes'" });
    out.push({ path: ["agencies", i, "id"], code: "invalid_format", value: "1st agency", what: "an id that starts with a digit and holds a space" });
    out.push({ path: ["agencies", i, "level"], code: "invalid_value", value: "feds", what: "an unknown government level" });
  });
  c.channels.forEach((_, i) => out.push({ path: ["channels", i, "kind"], code: "invalid_value", value: "web", what: "an unknown channel kind" }));
  c.sources.forEach((_, i) => out.push({ path: ["sources", i, "url"], code: "invalid_format", value: "not a url", what: "a malformed URL" }));
  c.services.forEach((s, i) => {
    const base: PathSegment[] = ["services", i];
    out.push({ path: [...base, "kind"], code: "invalid_value", value: "benefit", what: "an unknown service kind" });
    out.push({ path: [...base, "steps"], code: "too_small", value: [], what: "a service without steps" });
    out.push({ path: [...base, "occasion", "annualVolume"], code: "invalid_type", value: 1.5, what: "a fractional annual volume" });
    out.push({ path: [...base, "name"], code: "too_small", value: "   ", what: "a blank name" });
    s.feedback.forEach((_, k) => {
      out.push({ path: [...base, "feedback", k, "quarter"], code: "too_big", value: 5, what: "a fifth quarter" });
      out.push({
        path: [...base, "feedback", k, "survey"],
        code: "invalid_value",
        value: "v3",
        what: "an unknown survey",
        claim: [...base, "feedback", k],
      });
    });
    s.steps.forEach((step, j) => {
      const at: PathSegment[] = [...base, "steps", j];
      out.push({ path: [...at, "customerMinutes"], code: "too_small", value: -5, what: "negative customer minutes" });
      out.push({ path: [...at, "waitDays"], code: "invalid_type", value: "3 days", what: "wait days as text" });
      out.push({ path: [...at, "lane"], code: "invalid_value", value: "frontstag", what: "a misspelt lane" });
      out.push({ path: [...at, "name"], code: "invalid_type", value: 42, what: "a number as a name" });
      out.push({ path: [...at, "id"], code: "too_big", value: `a${"b".repeat(100)}`, what: "an id of 101 characters" });
      out.push({ path: [...at, "signature"], code: "invalid_value", value: "ink", what: "an unknown signature kind" });
      out.push({ path: [...at, "languages", step.languages.length], code: "invalid_format", value: "English", what: "a language name instead of a tag" });
      step.next.forEach((_, f) => out.push({ path: [...at, "next", f, "share"], code: "too_big", value: 1.5, what: "a share over 1" }));
      if (step.failPoint !== undefined) {
        out.push({ path: [...at, "failPoint", "share"], code: "too_small", value: -0.1, what: "a negative fail-point share" });
      }
    });
  });
  c.waivers.forEach((_, i) => out.push({ path: ["waivers", i, "expires"], code: "invalid_format", value: "2024-13-01", what: "a thirteenth month" }));
  return out;
}

function missingFieldChanges(c: Catalog): ShapeChange[] {
  const out: ShapeChange[] = [{ path: ["name"], code: "missing_field", remove: true, what: "the catalog has no name" }];
  const required = (path: PathSegment[], fields: readonly string[]): void => {
    for (const field of fields) out.push({ path: [...path, field], code: "missing_field", remove: true, what: `'${field}' removed` });
  };
  c.agencies.forEach((_, i) => required(["agencies", i], ["id", "name"]));
  c.channels.forEach((_, i) => required(["channels", i], ["kind"]));
  c.tools.forEach((_, i) => required(["tools", i], ["kind"]));
  c.services.forEach((s, i) => {
    required(["services", i], ["agency", "kind", "occasion", "offering"]);
    s.steps.forEach((_, j) => required(["services", i, "steps", j], ["id", "name", "lane"]));
    s.feedback.forEach((_, k) => {
      out.push({ path: ["services", i, "feedback", k, "survey"], code: "missing_field", remove: true, what: "'survey' removed", claim: ["services", i, "feedback", k] });
      required(["services", i, "feedback", k], ["fiscalYear"]);
    });
  });
  c.lifeExperiences.forEach((x, e) => {
    required(["lifeExperiences", e], ["services"]);
    x.links.forEach((_, k) => required(["lifeExperiences", e, "links", k], ["kind", "from"]));
  });
  c.waivers.forEach((_, i) => required(["waivers", i], ["note", "justification"]));
  return out;
}

const UNKNOWN_KEYS = ["colour", "chanel", "lanes", "customerMinute", "notes", "owner", "priorty", "nextStep", "x-extra"] as const;

function unknownKeyChanges(c: Catalog, variant: number): ShapeChange[] {
  const key = UNKNOWN_KEYS[variant % UNKNOWN_KEYS.length]!;
  const objects: PathSegment[][] = [[]];
  c.agencies.forEach((_, i) => objects.push(["agencies", i]));
  c.channels.forEach((_, i) => objects.push(["channels", i]));
  c.services.forEach((s, i) => {
    objects.push(["services", i], ["services", i, "occasion"], ["services", i, "offering"]);
    s.steps.forEach((step, j) => {
      objects.push(["services", i, "steps", j]);
      step.next.forEach((_, f) => objects.push(["services", i, "steps", j, "next", f]));
    });
    s.feedback.forEach((_, k) => objects.push(["services", i, "feedback", k]));
  });
  c.lifeExperiences.forEach((x, e) => {
    objects.push(["lifeExperiences", e]);
    x.links.forEach((_, k) => objects.push(["lifeExperiences", e, "links", k], ["lifeExperiences", e, "links", k, "from"]));
  });
  c.waivers.forEach((_, i) => objects.push(["waivers", i], ["waivers", i, "target"]));
  return objects.map((path) => ({ path: [...path, key], code: "unrecognized_key", value: "planted", what: `an unknown field '${key}'` }));
}

function shapeSites(b: Breaker, breakage: "bad-value" | "missing-field" | "unknown-key", variant: number): Site[] {
  const changes =
    breakage === "bad-value" ? badValueChanges(b.base) : breakage === "missing-field" ? missingFieldChanges(b.base) : unknownKeyChanges(b.base, variant);
  return changes.map((change) => ({
    // A change claims its field (so nothing else changes inside it); a discriminator claims its whole object,
    // since a discriminated union checks nothing else once the discriminator is wrong.
    claim: change.claim ?? change.path,
    plant: () => {
      const parent = get(b.doc, change.path.slice(0, -1)) as Record<PathSegment, unknown>;
      const field = change.path[change.path.length - 1]!;
      if (change.remove) delete parent[field];
      else parent[field] = structuredClone(change.value);
      return [issue(change.code, change.path, breakage, change.what)];
    },
  }));
}

// ── document ─────────────────────────────────────────────────────────────────────────────────────────────────

const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

function forbiddenKeySites(b: Breaker, variant: number): Site[] {
  const key = FORBIDDEN_KEYS[variant % FORBIDDEN_KEYS.length]!;
  const objects: PathSegment[][] = [[]];
  b.base.agencies.forEach((_, i) => objects.push(["agencies", i]));
  b.base.services.forEach((s, i) => {
    objects.push(["services", i]);
    s.steps.forEach((_, j) => objects.push(["services", i, "steps", j]));
  });
  return objects.map((path) => ({
    claim: [...path, "+forbidden"],
    plant: () => {
      // An own, enumerable property, as JSON.parse would make it: assignment to `__proto__` would set the prototype.
      Object.defineProperty(obj(b.doc, path), key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      return [issue("forbidden_key", [...path, key], "forbidden-key", `a '${key}' key`)];
    },
  }));
}

function versionSite(b: Breaker, variant: number): Site {
  const choices: { value: unknown; code: CatalogIssueCode; what: string }[] = [
    { value: 2, code: "unsupported_version", what: "format version 2, newer than this release" },
    { value: "1", code: "unsupported_version", what: "the version as text" },
    { value: 0, code: "unsupported_version", what: "format version 0" },
    { value: 1.5, code: "unsupported_version", what: "a fractional version" },
    { value: undefined, code: "missing_field", what: "no version" },
  ];
  const choice = choices[variant % choices.length]!;
  return {
    claim: ["version"],
    plant: () => {
      if (choice.value === undefined) delete b.doc.version;
      else b.doc.version = choice.value;
      return [issue(choice.code, ["version"], "unsupported-version", choice.what)];
    },
  };
}

function tooDeepSite(b: Breaker, variant: number): Site {
  const hosts: PathSegment[][] = [[]];
  b.base.services.forEach((_, i) => hosts.push(["services", i]));
  const host = hosts[variant % hosts.length]!;
  return {
    claim: [...host, "+deep"],
    plant: () => {
      // A chain of objects well past the limit; the validator reports the first object at depth 64.
      let chain: Json = { end: true };
      for (let level = 0; level < MAX_DEPTH + 16; level++) chain = { deeper: chain };
      obj(b.doc, host).nested = chain;
      const path: PathSegment[] = [...host, "nested"];
      while (path.length < MAX_DEPTH) path.push("deeper");
      return [issue("document_too_deep", path, "too-deep", `nesting deeper than ${MAX_DEPTH} levels`)];
    },
  };
}

// ── assembling ───────────────────────────────────────────────────────────────────────────────────────────────

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
