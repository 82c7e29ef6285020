/**
 * Where and how {@link arbBrokenCatalog} breaks a catalog: the breakages, the issues they plant, and the sites of
 * each kind of breakage in a valid catalog (see arb-broken-catalog.ts).
 */
import { type CatalogIssueCode, type PathSegment, formatPath } from "../../model/issues.js";
import type { Catalog } from "../../model/schema.js";
import { REFERENCE_FIELDS, type ReferenceTarget, visitIds } from "../../model/references.js";
import { freshId } from "../internal/strings.js";

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


export type Stage = "integrity" | "shape" | "forbidden-key" | "unsupported-version" | "too-deep";

export function stageOf(breakage: Breakage): Stage {
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
export type Doc = Record<string, unknown>;
export type Json = Doc | unknown[];

export interface MutationPlan {
  readonly breakage: Breakage;
  readonly variant: number;
  readonly site: number;
  readonly extra: number;
}

/** A place a mutation can go: what it claims (so no two mutations touch one thing) and how to plant it. */
export interface Site {
  readonly claim: readonly PathSegment[];
  readonly plant: () => PlantedIssue[];
}

/** The default limit of nesting the validator refuses beyond (`DEFAULT_LIMITS.maxDepth`). */
export const MAX_DEPTH = 64;

export function get(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<PathSegment, unknown>)[segment];
  return value;
}

export function obj(root: unknown, path: readonly PathSegment[]): Doc {
  return get(root, path) as Doc;
}

export function list(root: unknown, path: readonly PathSegment[]): unknown[] {
  return get(root, path) as unknown[];
}

function isPrefix(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  if (a.length > b.length) return false;
  return a.every((segment, i) => segment === b[i]);
}

/** Everything a mutation reads and writes while one broken catalog is built. */
export class Breaker {
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

export function issue(code: CatalogIssueCode, path: readonly PathSegment[], breakage: Breakage, description: string): PlantedIssue {
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

export function danglingSites(b: Breaker): Site[] {
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

export function duplicateSites(b: Breaker, pickItem: number): Site[] {
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

export function unreachableSites(b: Breaker, chain: number): Site[] {
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

export function branchShareSites(b: Breaker, variant: number): Site[] {
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

export function invalidFlowSites(b: Breaker, variant: number): Site[] {
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

export function invalidLinkSites(b: Breaker, variant: number): Site[] {
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

export function waiverTargetSites(b: Breaker, variant: number): Site[] {
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

export function inconsistentValueSites(b: Breaker, variant: number): Site[] {
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
