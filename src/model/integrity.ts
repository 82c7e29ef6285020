/**
 * Integrity checks beyond the schema: unique ids, references that resolve, reachable steps, coherent flows and
 * branch shares, links between existing steps, waiver targets. Linear in the size of the catalog.
 */
import { hintFor, suggest } from "./did-you-mean.js";
import { type CatalogIssue, type PathSegment, makeIssue } from "./issues.js";
import { type HeldReference, type ReferenceCollection, isCollection, referencesHeldBy, visitIds } from "./references.js";
import type { Catalog, Service } from "./schema.js";

const SHARE_TOLERANCE = 1e-6;

type Collection = ReferenceCollection;

/** The references an item resolves on its own (not those paired with a neighbour, nor a nested step's). */
function resolvedAlone(owner: string, except?: string): readonly HeldReference[] {
  return referencesHeldBy(owner, except).filter((r) => isCollection(r.field.target) && !r.field.paired);
}
const ITEM_REFERENCES: readonly (readonly [Exclude<Collection, "services" | "lifeExperiences">, readonly HeldReference[]])[] = (
  ["sources", "agencies", "channels", "roles", "tools", "dataElements", "documentTypes"] as const
).map((collection) => [collection, resolvedAlone(`${collection}[]`)] as const);
const SERVICE_REFERENCES = resolvedAlone("services[]", "services[].steps[]");
const STEP_REFERENCES = resolvedAlone("services[].steps[]");
const STEP_TO_STEP = referencesHeldBy("services[].steps[]").filter((r) => r.field.target === "step");
const EXPERIENCE_REFERENCES = resolvedAlone("lifeExperiences[]");

/** Resolves every reference of `item` that `held` lists, at `parent` and the segments below it. */
function resolveHeld(item: unknown, held: readonly HeldReference[], parent: readonly PathSegment[], ref: RefCheck): void {
  for (const { field, rest } of held) {
    const collection = field.target as Collection;
    visitIds(item, rest, (id, below) => ref(collection, id, parent, below));
  }
}

const COLLECTION_NOUN: Record<Collection, string> = {
  sources: "source",
  agencies: "agency",
  channels: "channel",
  roles: "role",
  tools: "tool",
  dataElements: "data element",
  documentTypes: "document type",
  services: "service",
  lifeExperiences: "life experience",
};

/** Ids of one collection, with duplicate detection. */
function collectIds(
  items: readonly { readonly id: string }[],
  base: readonly PathSegment[],
  noun: string,
  issues: CatalogIssue[],
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      issues.push(
        makeIssue(
          "duplicate_id",
          [...base, i, "id"],
          `${noun} id '${item.id}' is already used at ${formatIndex(base, first)}`,
          "give each one its own id",
        ),
      );
    } else seen.set(item.id, i);
  });
  return new Set(seen.keys());
}

/** A path built only when there is something to report: `parent`, then the segments `below` it. */
function at(parent: readonly PathSegment[], below: readonly PathSegment[]): PathSegment[] {
  return [...parent, ...below];
}

/** Reports an id of `collection` that is not defined, at `parent` and the segments `below` it. */
type RefCheck = (collection: Collection, id: string | undefined, parent: readonly PathSegment[], below: readonly PathSegment[]) => void;

function formatIndex(base: readonly PathSegment[], index: number): string {
  return `${base.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".").replace(/\.\[/g, "[")}[${index}]`;
}

/**
 * What is known of a catalog whose items did not all pass the schema: the ids of the failed items (so that a
 * reference to them is not reported as unknown on top of their own issue), the step ids of failed services, and
 * the services whose steps did not all parse (their reachability is not judged). @internal
 */
export interface PartialCatalog {
  readonly knownIds: Partial<Record<Collection | "waivers", Set<string>>>;
  readonly stepIds: Map<string, Set<string>>;
  readonly partialServices: Set<number>;
}

/**
 * Checks a catalog for integrity problems. With `partial`, the catalog's lists may have holes where items failed
 * the schema; only the items present are checked.
 *
 * @param catalog - a catalog that already passed the schema (or the items of one that did, with `partial`)
 * @param partial - what is known of the items that failed the schema
 * @returns the issues, unsorted (empty when the catalog is sound)
 *
 * Long on purpose: one pass of short checks in the catalog's order (ids, references, collections, services, life
 * experiences, waivers), each a few lines over the same index.
 * @internal
 */
export function checkIntegrity(catalog: Catalog, partial?: PartialCatalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const ids = {} as Record<Collection, Set<string>>;
  for (const collection of Object.keys(COLLECTION_NOUN) as Collection[]) {
    ids[collection] = collectIds(catalog[collection], [collection], COLLECTION_NOUN[collection], issues);
    for (const id of partial?.knownIds[collection] ?? []) ids[collection].add(id);
  }
  const sorted = {} as Record<Collection, string[]>;
  const known = (collection: Collection): string[] => (sorted[collection] ??= [...ids[collection]].sort());

  const ref: RefCheck = (collection, id, parent, below) => {
    if (id === undefined || ids[collection].has(id)) return;
    issues.push(
      makeIssue(
        "unknown_reference",
        at(parent, below),
        `${COLLECTION_NOUN[collection]} '${id}' is not defined`,
        hintFor(id, known(collection), `${collection}`),
      ),
    );
  };

  for (const [collection, held] of ITEM_REFERENCES) {
    if (held.length > 0) catalog[collection].forEach((item, i) => resolveHeld(item, held, [collection, i], ref));
  }
  catalog.agencies.forEach((agency, i) => {
    if (agency.department === agency.id) {
      issues.push(makeIssue("invalid_value", ["agencies", i, "department"], `agency '${agency.id}' cannot be its own department`));
    }
  });

  const stepIdsByService = new Map<string, Set<string>>(partial?.stepIds);
  catalog.services.forEach((service, s) => {
    const base: PathSegment[] = ["services", s];
    resolveHeld(service, SERVICE_REFERENCES, base, ref);
    service.feedback.forEach((f, k) => {
      if (f.survey === "v1") {
        f.questions.forEach((q, j) => {
          if (q.counts && q.counts.length !== q.scale) {
            issues.push(
              makeIssue(
                "invalid_value",
                [...base, "feedback", k, "questions", j, "counts"],
                `${q.counts.length} counts for a ${q.scale}-point scale`,
                `give one count per point of the scale (point 1 first), or set scale: ${q.counts.length}`,
              ),
            );
          }
          if (q.mean !== undefined && (q.mean < 1 || q.mean > q.scale)) {
            issues.push(
              makeIssue("invalid_value", [...base, "feedback", k, "questions", j, "mean"], `mean ${q.mean} is outside the 1-${q.scale} scale`),
            );
          }
        });
      }
    });
    const stepIds = collectIds(service.steps, [...base, "steps"], `step (in service '${service.id}')`, issues);
    const partialSteps = partial?.partialServices.has(s) === true;
    if (partialSteps) for (const id of partial?.stepIds.get(service.id) ?? []) stepIds.add(id);
    if (!stepIdsByService.has(service.id) || partialSteps) stepIdsByService.set(service.id, stepIds);
    checkSteps(service, base, stepIds, ref, issues, !partialSteps);
  });

  catalog.lifeExperiences.forEach((experience, e) => {
    const base: PathSegment[] = ["lifeExperiences", e];
    resolveHeld(experience, EXPERIENCE_REFERENCES, base, ref);
    const members = new Set(experience.services);
    collectIds(experience.links, [...base, "links"], `link (in life experience '${experience.id}')`, issues);
    experience.links.forEach((link, l) => {
      const linkBase: PathSegment[] = [...base, "links", l];
      for (const end of ["from", "to"] as const) {
        const target = link[end];
        const steps = stepIdsByService.get(target.service);
        if (!steps) {
          ref("services", target.service, linkBase, [end, "service"]);
          continue;
        }
        if (!members.has(target.service)) {
          issues.push(
            makeIssue(
              "invalid_link",
              [...linkBase, end, "service"],
              `service '${target.service}' is not one of this life experience's services`,
              `add '${target.service}' to lifeExperiences[${e}].services`,
            ),
          );
        }
        if (!steps.has(target.step)) {
          issues.push(
            makeIssue(
              "unknown_reference",
              [...linkBase, end, "step"],
              `step '${target.step}' is not a step of service '${target.service}'`,
              hintFor(target.step, [...steps].sort(), `steps of '${target.service}'`),
            ),
          );
        }
      }
      if (link.from.service === link.to.service) {
        issues.push(
          makeIssue(
            "invalid_link",
            [...linkBase, "to", "service"],
            "a link joins two different services",
            "use the steps' `next` flows for moves inside one service",
          ),
        );
      }
    });
  });

  const experiences = new Map<string, Catalog["lifeExperiences"][number]>();
  catalog.lifeExperiences.forEach((x) => experiences.set(x.id, x));
  const waiverIds = new Map<string, number>();
  catalog.waivers.forEach((waiver, w) => {
    if (waiver.id === undefined) return;
    const first = waiverIds.get(waiver.id);
    if (first === undefined) waiverIds.set(waiver.id, w);
    else issues.push(makeIssue("duplicate_id", ["waivers", w, "id"], `waiver id '${waiver.id}' is already used at waivers[${first}]`, "give each waiver its own id, or drop the repeated waiver"));
  });
  catalog.waivers.forEach((waiver, w) => {
    const base: PathSegment[] = ["waivers", w, "target"];
    const t = waiver.target;
    if (t === undefined) return; // a waiver read loosely, whose target failed the schema (reported there)
    if (t.service === undefined && t.experience === undefined) {
      issues.push(
        makeIssue("invalid_waiver_target", base, "a waiver target names a service (and optionally a step) or a life experience (and optionally a link)"),
      );
      return;
    }
    if (t.service !== undefined) {
      const steps = stepIdsByService.get(t.service);
      if (!steps) ref("services", t.service, base, ["service"]);
      else if (t.step !== undefined && !steps.has(t.step)) {
        issues.push(
          makeIssue(
            "unknown_reference",
            [...base, "step"],
            `step '${t.step}' is not a step of service '${t.service}'`,
            hintFor(t.step, [...steps].sort(), `steps of '${t.service}'`),
          ),
        );
      }
    } else if (t.step !== undefined) {
      issues.push(makeIssue("invalid_waiver_target", [...base, "step"], "a step target needs its service", "add target.service"));
    }
    if (t.experience !== undefined) {
      const experience = experiences.get(t.experience);
      if (!experience) ref("lifeExperiences", t.experience, base, ["experience"]);
      else if (t.link !== undefined && !experience.links.some((l) => l.id === t.link)) {
        issues.push(
          makeIssue(
            "unknown_reference",
            [...base, "link"],
            `link '${t.link}' is not a link of life experience '${t.experience}'`,
            hintFor(t.link, experience.links.filter((l) => l !== undefined).map((l) => l.id).sort(), "links"),
          ),
        );
      }
    } else if (t.link !== undefined) {
      issues.push(makeIssue("invalid_waiver_target", [...base, "link"], "a link target needs its life experience", "add target.experience"));
    }
  });
  return issues;
}

/**
 * The integrity checks of one service's steps: references to steps, attachments, flows (duplicates, sequences,
 * shares, branches mixed with sequences) and reachability from the entry steps.
 *
 * Long on purpose: the checks run in that order over one step index and share its lookups.
 */
function checkSteps(
  service: Service,
  base: readonly PathSegment[],
  stepIds: ReadonlySet<string>,
  ref: RefCheck,
  issues: CatalogIssue[],
  judgeReach: boolean,
): void {
  let knownSteps: string[] | undefined;
  // A flow or attachment that names an unknown step is followed to the step it most likely meant (the one the
  // "did you mean" hint names), so a typo does not also flag the steps behind it as unreachable; one with no
  // close match is followed nowhere, and the unreachable steps' hint says that fixing it may reach them.
  let unresolvedFlow = false;
  // Paths are built only for an issue: a 200,000-step catalog has millions of references.
  // Returns the step the reference resolves to: itself, the closest known id for a typo, or undefined.
  const stepRef = (id: string | undefined, parent: readonly PathSegment[], below: readonly PathSegment[]): string | undefined => {
    if (id === undefined || stepIds.has(id)) return id;
    knownSteps ??= [...stepIds].sort();
    issues.push(
      makeIssue("unknown_reference", at(parent, below), `step '${id}' is not a step of service '${service.id}'`, hintFor(id, knownSteps, "steps")),
    );
    const meant = suggest(id, knownSteps);
    if (meant === undefined) unresolvedFlow = true;
    return meant;
  };
  // Edges for reachability: flows and "attached to" (a step attached to a reached step is reached too).
  const adjacency = new Map<string, string[]>();
  const addEdge = (from: string, to: string): void => {
    const list = adjacency.get(from);
    if (list) list.push(to);
    else adjacency.set(from, [to]);
  };
  service.steps.forEach((step, i) => {
    const path: PathSegment[] = [...base, "steps", i];
    resolveHeld(step, STEP_REFERENCES, path, ref);
    for (const { field, rest } of STEP_TO_STEP) {
      visitIds(step, rest, (id, below) => {
        const target = stepRef(id, path, below);
        if (target === undefined) return;
        if (field.edge === "flow") addEdge(step.id, target);
        else if (field.edge === "attachment") {
          if (target !== step.id) addEdge(target, step.id);
          else if (id === step.id) issues.push(makeIssue("invalid_flow", [...path, ...below], "a step cannot be attached to itself"));
        }
      });
    }

    let branchCount = 0;
    let branchSum = 0;
    let missingShare = -1;
    let sequenceCount = 0;
    const next = step.next;
    // Duplicate targets: a set only for long lists (most steps have one or two flows).
    const targets = next.length > 8 ? new Set<string>() : undefined;
    for (let f = 0; f < next.length; f++) {
      const flow = next[f]!;
      let repeated = false;
      if (targets !== undefined) {
        repeated = targets.has(flow.to);
        targets.add(flow.to);
      } else for (let g = 0; g < f && !repeated; g++) repeated = next[g]!.to === flow.to;
      if (repeated) {
        issues.push(makeIssue("invalid_flow", [...path, "next", f, "to"], `step '${step.id}' already flows to '${flow.to}'`, "keep one flow per target"));
      }
      if (flow.kind === "branch") {
        branchCount += 1;
        if (flow.share === undefined) missingShare = missingShare < 0 ? f : missingShare;
        else branchSum += flow.share;
      } else if (flow.kind === "sequence") {
        sequenceCount += 1;
        if (flow.to === step.id) {
          issues.push(makeIssue("invalid_flow", [...path, "next", f, "to"], "a step cannot flow to itself in sequence", "use kind: rework for a repeat"));
        }
        if (flow.share !== undefined) {
          issues.push(makeIssue("invalid_flow", [...path, "next", f, "share"], "only branch and rework flows carry a share", "use kind: branch"));
        }
      }
    }
    if (branchCount > 0) {
      if (missingShare >= 0) {
        issues.push(
          makeIssue("branch_shares", [...path, "next", missingShare, "share"], "every branch needs the share of customers who take it", "add share: 0..1"),
        );
      } else if (Math.abs(branchSum - 1) > SHARE_TOLERANCE) {
        issues.push(
          makeIssue(
            "branch_shares",
            [...path, "next"],
            `the branch shares of step '${step.id}' sum to ${Number(branchSum.toFixed(6))}, not 1`,
            "make the shares of all branches out of a step add up to 1",
          ),
        );
      }
      if (sequenceCount > 0) {
        issues.push(
          makeIssue("invalid_flow", [...path, "next"], `step '${step.id}' mixes branch and sequence flows`, "make every forward flow a branch with a share"),
        );
      }
    }
  });

  if (!judgeReach) return;
  // Reachability from the entry steps (marked, or the first step).
  const entries = service.steps.filter((s) => s.entry === true).map((s) => s.id);
  if (entries.length === 0 && service.steps[0]) entries.push(service.steps[0].id);
  const reached = new Set<string>(entries);
  const queue = [...entries];
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency.get(queue[head]!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  const flagged = new Set<string>();
  service.steps.forEach((step, i) => {
    if (reached.has(step.id) || flagged.has(step.id)) return;
    flagged.add(step.id);
    issues.push(
      makeIssue(
        "unreachable_step",
        [...base, "steps", i],
        `step '${step.id}' cannot be reached from the entry step${entries.length === 1 ? ` '${entries[0]}'` : "s"}`,
        unresolvedFlow
          ? "fix the flow that names an unknown step if it meant this one; otherwise add a flow to it from an earlier step's next, attach it with attachedTo, or mark it entry: true"
          : "add a flow to it from an earlier step's next, attach it with attachedTo, or mark it entry: true",
      ),
    );
  });
}
