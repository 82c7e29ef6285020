/**
 * The model's references, declared once: which field of which item names an item of which collection. The
 * integrity check, the broken-catalog arbitrary and docs/modeling.md read this table; a test walks the schema and
 * fails when a field holding an id is missing from it.
 */
import type { PathSegment } from "./issues.js";

/**
 * A top-level collection of a catalog whose items have ids (what a reference can point into).
 *
 * @example
 * ```ts
 * import type { ReferenceCollection } from "service-blueprint";
 * const where: ReferenceCollection = "channels";
 * ```
 */
export type ReferenceCollection =
  | "sources"
  | "agencies"
  | "channels"
  | "roles"
  | "tools"
  | "dataElements"
  | "documentTypes"
  | "services"
  | "lifeExperiences";

/**
 * What a reference names: an item of a collection, a step of the same service (`step`), or, for the ends of a
 * link and a waiver's target, a step of the service (or a link of the life experience) named beside it.
 */
export type ReferenceTarget = ReferenceCollection | "step" | "step-of-service" | "link-of-experience";

/** How a step reference joins steps for reachability: a flow (`from` the step `to` the target), an attachment, or not at all. */
export type ReferenceEdge = "flow" | "attachment" | "none";

/**
 * One reference field.
 *
 * @internal
 */
export interface ReferenceField {
  /** Where it is, `[]` standing for every item of a list: `services[].steps[].next[].to`. */
  readonly pattern: string;
  /** What it names. */
  readonly target: ReferenceTarget;
  /** For a step reference, how it joins steps; `none` otherwise. */
  readonly edge: ReferenceEdge;
  /**
   * Resolved together with the field beside it (a link's end names a service and one of its steps; a waiver's
   * target a service and a step, or a life experience and a link), not on its own.
   */
  readonly paired: boolean;
  /** The pattern split into keys and `[]` markers. */
  readonly segments: readonly string[];
}

function split(pattern: string): string[] {
  return pattern.replace(/\[\]/g, ".[]").split(".");
}

function field(pattern: string, target: ReferenceTarget, edge: ReferenceEdge = "none"): ReferenceField {
  const paired = /^(lifeExperiences\[\]\.links\[\]\.(from|to)|waivers\[\]\.target)\./.test(pattern);
  return { pattern, target, edge, paired, segments: split(pattern) };
}

/**
 * Every field of the catalog format that holds the id of another item, in the order of the schema.
 *
 * @internal
 */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  field("agencies[].department", "agencies"),
  field("channels[].agency", "agencies"),
  field("roles[].agency", "agencies"),
  field("tools[].agency", "agencies"),
  field("dataElements[].heldBy[]", "agencies"),
  field("documentTypes[].issuedBy", "agencies"),
  field("documentTypes[].heldBy[]", "agencies"),
  field("services[].agency", "agencies"),
  field("services[].channels[]", "channels"),
  field("services[].roles[]", "roles"),
  field("services[].tools[]", "tools"),
  field("services[].sources[]", "sources"),
  field("services[].feedback[].channel", "channels"),
  field("services[].steps[].attachedTo", "step", "attachment"),
  field("services[].steps[].channel", "channels"),
  field("services[].steps[].role", "roles"),
  field("services[].steps[].tools[]", "tools"),
  field("services[].steps[].credential", "tools"),
  field("services[].steps[].dataAsked[]", "dataElements"),
  field("services[].steps[].documentsAsked[]", "documentTypes"),
  field("services[].steps[].dataVerified[]", "dataElements"),
  field("services[].steps[].documentsVerified[]", "documentTypes"),
  field("services[].steps[].sources[]", "sources"),
  field("services[].steps[].deadline.reminder", "step"),
  field("services[].steps[].next[].to", "step", "flow"),
  field("lifeExperiences[].services[]", "services"),
  field("lifeExperiences[].sources[]", "sources"),
  field("lifeExperiences[].links[].from.service", "services"),
  field("lifeExperiences[].links[].from.step", "step-of-service"),
  field("lifeExperiences[].links[].to.service", "services"),
  field("lifeExperiences[].links[].to.step", "step-of-service"),
  field("lifeExperiences[].links[].data[]", "dataElements"),
  field("lifeExperiences[].links[].documents[]", "documentTypes"),
  field("waivers[].target.service", "services"),
  field("waivers[].target.step", "step-of-service"),
  field("waivers[].target.experience", "lifeExperiences"),
  field("waivers[].target.link", "link-of-experience"),
];

/**
 * A reference field seen from an item that holds it: the field, and its segments below the item.
 *
 * @internal
 */
export interface HeldReference {
  readonly field: ReferenceField;
  /** The segments below the item: `next`, `[]`, `to` for a step's flows. */
  readonly rest: readonly string[];
}

/**
 * The references held by an item at `owner` (a pattern such as `services[]`), in lists nested in it too, except
 * those under `except` (a nested item checked on its own, such as `services[].steps[]`).
 *
 * @internal
 */
export function referencesHeldBy(owner: string, except?: string): readonly HeldReference[] {
  return REFERENCE_FIELDS.filter((f) => f.pattern.startsWith(`${owner}.`) && (except === undefined || !f.pattern.startsWith(`${except}.`))).map((f) => ({
    field: f,
    rest: f.segments.slice(split(owner).length),
  }));
}

/** Whether a target is a collection of the catalog (not a step or link named in context). @internal */
export const isCollection = (target: ReferenceTarget): target is ReferenceCollection =>
  target !== "step" && target !== "step-of-service" && target !== "link-of-experience";

/**
 * Calls `visit` with every id a field holds inside `item` (the item at the field's owner pattern): the key path
 * below the item, for a path built only when there is something to report.
 *
 * @param item - the item (a step, a service...)
 * @param rest - the field's segments below the owner
 * @param visit - called with the id and the segments below the item (a list position as a number)
 * @internal
 */
export function visitIds(item: unknown, rest: readonly string[], visit: (id: string, below: readonly PathSegment[]) => void): void {
  walk(item, rest, 0, [], visit);
}

function walk(node: unknown, rest: readonly string[], k: number, below: PathSegment[], visit: (id: string, below: readonly PathSegment[]) => void): void {
  if (k === rest.length) {
    if (typeof node === "string") visit(node, below);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const segment = rest[k]!;
  if (segment === "[]") {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) {
      below.push(i);
      walk(node[i], rest, k + 1, below, visit);
      below.pop();
    }
    return;
  }
  below.push(segment);
  walk((node as Record<string, unknown>)[segment], rest, k + 1, below, visit);
  below.pop();
}
