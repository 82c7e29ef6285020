import type { Draft } from "immer";
import { hintFor } from "../model/did-you-mean.js";
import type { PathSegment } from "../model/issues.js";
import {
  type Catalog,
  FlowSchema,
  type FlowInput,
  LifeExperienceSchema,
  type LifeExperienceInput,
  LinkSchema,
  type LinkInput,
  ServiceSchema,
  type ServiceInput,
  StepSchema,
  type StepInput,
  type StepRef,
  WaiverSchema,
  type WaiverInput,
} from "../model/schema.js";
import { ENTITY_SCHEMAS, parsePart } from "../model/validate.js";
import { EditRefusal, type EditResult, applyEdit, indexOfId, refuse } from "./apply.js";

const hint = (what: string) => (id: string, ids: readonly string[]) => hintFor(id, ids, what);

function parsed<T>(result: { data?: T; issues: readonly unknown[] }): T {
  if (result.data === undefined) throw new EditRefusal(result.issues as never);
  return result.data;
}

function serviceIndex(draft: Draft<Catalog>, serviceId: string): number {
  return indexOfId(draft.services, serviceId, ["services"], "service", hint("services"));
}

function stepIndex(draft: Draft<Catalog>, s: number, stepId: string): number {
  const service = draft.services[s]!;
  return indexOfId(service.steps, stepId, ["services", s, "steps"], `step of service '${service.id}'`, hint("steps"));
}

function experienceIndex(draft: Draft<Catalog>, experienceId: string): number {
  return indexOfId(draft.lifeExperiences, experienceId, ["lifeExperiences"], "life experience", hint("lifeExperiences"));
}

/** Replaces fields of an object from a patch; `undefined` in the patch removes the field. */
function assignPatch(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete target[key];
    else target[key] = value;
  }
}

/**
 * The reusable collections of a catalog that {@link addEntity} adds to.
 *
 * @example
 * ```ts
 * import type { EntityCollection } from "service-blueprint";
 * const where: EntityCollection = "channels";
 * ```
 */
export type EntityCollection = "sources" | "agencies" | "channels" | "roles" | "tools" | "dataElements" | "documentTypes";

/**
 * Adds an agency, channel, role, tool, data element, document type or source.
 *
 * @param catalog - the catalog (never modified)
 * @param collection - where to add it
 * @param value - the new entity, as a user would write it
 * @returns the new catalog, or issues (a duplicate id, a bad value, a dangling reference)
 * @example
 * ```ts
 * import { addEntity } from "service-blueprint";
 * const result = addEntity(catalog, "channels", { id: "ssa-phone", name: "SSA 1-800 number", kind: "phone", agency: "ssa" });
 * ```
 */
export function addEntity(catalog: Catalog, collection: EntityCollection, value: unknown): EditResult {
  return applyEdit(catalog, (draft) => {
    const list = draft[collection] as { id: string }[];
    const entity = parsed(parsePart(ENTITY_SCHEMAS[collection], value, [collection, list.length])) as { id: string };
    if (list.some((item) => item.id === entity.id)) {
      refuse("duplicate_id", [collection, list.length, "id"], `id '${entity.id}' is already used in ${collection}`, "choose another id");
    }
    list.push(entity);
  });
}

/**
 * Adds a service.
 *
 * @param catalog - the catalog (never modified)
 * @param service - the new service, as a user would write it
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { addService } from "service-blueprint";
 * const result = addService(catalog, {
 *   id: "cms-part-b", name: "Enroll in Medicare Part B", agency: "cms", kind: "benefits",
 *   occasion: { kind: "life-event", story: "I am turning 65" }, offering: { name: "Part B coverage", kind: "insurance" },
 *   steps: [{ id: "enroll", name: "Enroll", lane: "customer", outcome: "granted" }],
 * });
 * ```
 */
export function addService(catalog: Catalog, service: ServiceInput): EditResult {
  return applyEdit(catalog, (draft) => {
    const data = parsed(parsePart(ServiceSchema, service, ["services", draft.services.length]));
    if (draft.services.some((s) => s.id === data.id)) {
      refuse("duplicate_id", ["services", draft.services.length, "id"], `service id '${data.id}' is already used`, "choose another id");
    }
    draft.services.push(data);
  });
}

/**
 * Changes fields of a service (not its steps: use the step edits). A field set to `undefined` is removed.
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service to change
 * @param patch - the fields to replace
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { updateService } from "service-blueprint";
 * updateService(catalog, "ssa-retirement", { designated: true, channels: ["ssa-online", "ssa-phone"] });
 * ```
 */
export function updateService(catalog: Catalog, serviceId: string, patch: Partial<Omit<ServiceInput, "id" | "steps">>): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    const merged = { ...draft.services[s]!, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (merged as Record<string, unknown>)[k];
    const data = parsed(parsePart(ServiceSchema, merged, ["services", s]));
    assignPatch(draft.services[s] as unknown as Record<string, unknown>, { ...data, id: serviceId, steps: draft.services[s]!.steps });
  });
}

/**
 * Options of the remove edits.
 *
 * @example
 * ```ts
 * import { removeService } from "service-blueprint";
 * removeService(catalog, "cms-part-b", { cascade: true });
 * ```
 */
export interface RemoveOptions {
  /**
   * Also remove what refers to the removed item (flows into a step, links touching it, waivers on it, the service
   * in life experiences). Without it, an edit that would leave a dangling reference returns issues.
   */
  readonly cascade?: boolean | undefined;
}

function touches(ref: StepRef, serviceId: string, stepId?: string): boolean {
  return ref.service === serviceId && (stepId === undefined || ref.step === stepId);
}

/**
 * Removes a service.
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service to remove
 * @param options - `cascade` to also remove it from life experiences, their links to it, and its waivers
 * @returns the new catalog, or issues naming what still refers to it
 * @example
 * ```ts
 * import { removeService } from "service-blueprint";
 * const result = removeService(catalog, "old-service", { cascade: true });
 * ```
 */
export function removeService(catalog: Catalog, serviceId: string, options: RemoveOptions = {}): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    draft.services.splice(s, 1);
    if (!options.cascade) return;
    for (const experience of draft.lifeExperiences) {
      experience.services = experience.services.filter((id) => id !== serviceId);
      experience.links = experience.links.filter((l) => !touches(l.from, serviceId) && !touches(l.to, serviceId));
    }
    draft.lifeExperiences = draft.lifeExperiences.filter((x) => x.services.length > 0);
    draft.waivers = draft.waivers.filter((w) => w.target.service !== serviceId);
  });
}

/**
 * Where {@link addStep} puts a new step and how it connects it.
 *
 * @example
 * ```ts
 * import { addStep } from "service-blueprint";
 * addStep(catalog, "ssa-retirement", { id: "upload", name: "Upload documents", lane: "customer" }, { after: "apply" });
 * ```
 */
export interface AddStepOptions {
  /** A step that flows to the new one; the new step goes right after it in the list. */
  readonly after?: string | undefined;
  /** The flow from `after` (default: in sequence). */
  readonly flow?: Omit<FlowInput, "to"> | undefined;
}

/**
 * Adds a step to a service, optionally connected from an earlier step.
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service
 * @param step - the new step
 * @param options - where to connect it from
 * @returns the new catalog, or issues (for example an unreachable step when nothing flows to it)
 * @example
 * ```ts
 * import { addStep } from "service-blueprint";
 * const result = addStep(catalog, "ssa-retirement",
 *   { id: "status", name: "Check claim status online", lane: "customer", channel: "ssa-online", customerMinutes: 5 },
 *   { after: "submit" });
 * ```
 */
export function addStep(catalog: Catalog, serviceId: string, step: StepInput, options: AddStepOptions = {}): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    const steps = draft.services[s]!.steps;
    const at = options.after === undefined ? steps.length : stepIndex(draft, s, options.after) + 1;
    const data = parsed(parsePart(StepSchema, step, ["services", s, "steps", at]));
    if (steps.some((x) => x.id === data.id)) {
      refuse("duplicate_id", ["services", s, "steps", at, "id"], `step id '${data.id}' is already used in service '${serviceId}'`, "choose another id");
    }
    if (options.after !== undefined) {
      const from = steps[at - 1]!;
      const flow = parsed(parsePart(FlowSchema, { ...options.flow, to: data.id }, ["services", s, "steps", at - 1, "next", from.next.length]));
      from.next.push(flow);
    }
    steps.splice(at, 0, data);
  });
}

/**
 * Changes fields of a step. A field set to `undefined` is removed. The id cannot change (flows and links name it).
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service
 * @param stepId - the step
 * @param patch - the fields to replace
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { updateStep } from "service-blueprint";
 * updateStep(catalog, "cms-part-b", "sign", { signature: "electronic", channel: "medicare-online" });
 * ```
 */
export function updateStep(catalog: Catalog, serviceId: string, stepId: string, patch: Partial<Omit<StepInput, "id">>): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    const i = stepIndex(draft, s, stepId);
    const merged = { ...draft.services[s]!.steps[i]!, ...patch, id: stepId };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (merged as Record<string, unknown>)[k];
    draft.services[s]!.steps[i] = parsed(parsePart(StepSchema, merged, ["services", s, "steps", i]));
  });
}

/**
 * Removes a step.
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service
 * @param stepId - the step
 * @param options - `cascade` to also remove flows into it, steps attached to it lose the attachment, deadline
 *   reminders naming it, links touching it and waivers on it
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { removeStep } from "service-blueprint";
 * removeStep(catalog, "cms-part-b", "visit-office", { cascade: true });
 * ```
 */
export function removeStep(catalog: Catalog, serviceId: string, stepId: string, options: RemoveOptions = {}): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    const i = stepIndex(draft, s, stepId);
    const service = draft.services[s]!;
    if (service.steps.length === 1) {
      refuse("too_small", ["services", s, "steps"], "a service keeps at least one step", "remove the service instead");
    }
    service.steps.splice(i, 1);
    if (!options.cascade) return;
    for (const step of service.steps) {
      step.next = step.next.filter((f) => f.to !== stepId);
      if (step.attachedTo === stepId) delete step.attachedTo;
      if (step.deadline?.reminder === stepId) delete step.deadline.reminder;
    }
    for (const experience of draft.lifeExperiences) {
      experience.links = experience.links.filter((l) => !touches(l.from, serviceId, stepId) && !touches(l.to, serviceId, stepId));
    }
    draft.waivers = draft.waivers.filter((w) => !(w.target.service === serviceId && w.target.step === stepId));
  });
}

/**
 * Adds a flow from one step to another in the same service (or replaces the flow between them).
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service
 * @param from - the step the flow leaves
 * @param to - the step it reaches
 * @param flow - its kind, share and label (default: in sequence)
 * @returns the new catalog, or issues (for example branch shares that no longer sum to 1)
 * @example
 * ```ts
 * import { connectSteps } from "service-blueprint";
 * connectSteps(catalog, "ssa-retirement", "review", "request-documents", { kind: "rework", share: 0.15 });
 * ```
 */
export function connectSteps(catalog: Catalog, serviceId: string, from: string, to: string, flow: Omit<FlowInput, "to"> = {}): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    const i = stepIndex(draft, s, from);
    stepIndex(draft, s, to);
    const step = draft.services[s]!.steps[i]!;
    const existing = step.next.findIndex((f) => f.to === to);
    const at = existing >= 0 ? existing : step.next.length;
    const data = parsed(parsePart(FlowSchema, { ...flow, to }, ["services", s, "steps", i, "next", at]));
    step.next[at] = data;
  });
}

/**
 * Removes the flow from one step to another.
 *
 * @param catalog - the catalog (never modified)
 * @param serviceId - the service
 * @param from - the step the flow leaves
 * @param to - the step it reaches
 * @returns the new catalog, or issues (for example a step left unreachable)
 * @example
 * ```ts
 * import { disconnectSteps } from "service-blueprint";
 * disconnectSteps(catalog, "ssa-retirement", "apply", "visit-office");
 * ```
 */
export function disconnectSteps(catalog: Catalog, serviceId: string, from: string, to: string): EditResult {
  return applyEdit(catalog, (draft) => {
    const s = serviceIndex(draft, serviceId);
    const i = stepIndex(draft, s, from);
    const step = draft.services[s]!.steps[i]!;
    const at = step.next.findIndex((f) => f.to === to);
    if (at < 0) refuse("unknown_reference", ["services", s, "steps", i, "next"], `step '${from}' has no flow to '${to}'`);
    step.next.splice(at, 1);
  });
}

/**
 * Adds a life experience.
 *
 * @param catalog - the catalog (never modified)
 * @param experience - the new life experience
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { addLifeExperience } from "service-blueprint";
 * addLifeExperience(catalog, { id: "retirement", name: "Approaching retirement", priority: true, services: ["ssa-retirement", "cms-part-b"] });
 * ```
 */
export function addLifeExperience(catalog: Catalog, experience: LifeExperienceInput): EditResult {
  return applyEdit(catalog, (draft) => {
    const at = draft.lifeExperiences.length;
    const data = parsed(parsePart(LifeExperienceSchema, experience, ["lifeExperiences", at]));
    if (draft.lifeExperiences.some((x) => x.id === data.id)) {
      refuse("duplicate_id", ["lifeExperiences", at, "id"], `life experience id '${data.id}' is already used`, "choose another id");
    }
    draft.lifeExperiences.push(data);
  });
}

/**
 * Links a step of one service to a step of another (typically of another agency) in a life experience: a trigger,
 * referral, data share, customer-carried hand-off or notification. Both services join the life experience if they
 * were not in it yet.
 *
 * @param catalog - the catalog (never modified)
 * @param experienceId - the life experience
 * @param link - the link
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { linkServices } from "service-blueprint";
 * linkServices(catalog, "retirement", {
 *   id: "ssa-shares-with-cms", kind: "data-share", data: ["ssn", "date-of-birth"],
 *   from: { service: "ssa-retirement", step: "award" }, to: { service: "cms-part-b", step: "enroll" },
 * });
 * ```
 */
export function linkServices(catalog: Catalog, experienceId: string, link: LinkInput): EditResult {
  return applyEdit(catalog, (draft) => {
    const e = experienceIndex(draft, experienceId);
    const experience = draft.lifeExperiences[e]!;
    const data = parsed(parsePart(LinkSchema, link, ["lifeExperiences", e, "links", experience.links.length]));
    if (experience.links.some((l) => l.id === data.id)) {
      refuse("duplicate_id", ["lifeExperiences", e, "links", experience.links.length, "id"], `link id '${data.id}' is already used`, "choose another id");
    }
    for (const id of [data.from.service, data.to.service]) if (!experience.services.includes(id)) experience.services.push(id);
    experience.links.push(data);
  });
}

/**
 * Changes fields of a link. A field set to `undefined` is removed.
 *
 * @param catalog - the catalog (never modified)
 * @param experienceId - the life experience
 * @param linkId - the link
 * @param patch - the fields to replace
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { updateLink } from "service-blueprint";
 * updateLink(catalog, "retirement", "award-letter-to-cms", { kind: "data-share", data: ["ssn"] });
 * ```
 */
export function updateLink(catalog: Catalog, experienceId: string, linkId: string, patch: Partial<Omit<LinkInput, "id">>): EditResult {
  return applyEdit(catalog, (draft) => {
    const e = experienceIndex(draft, experienceId);
    const links = draft.lifeExperiences[e]!.links;
    const l = indexOfId(links, linkId, ["lifeExperiences", e, "links"], "link", hint("links"));
    const merged = { ...links[l]!, ...patch, id: linkId };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (merged as Record<string, unknown>)[k];
    links[l] = parsed(parsePart(LinkSchema, merged, ["lifeExperiences", e, "links", l]));
  });
}

/**
 * Removes a link from a life experience (and, with `cascade`, the waivers on it).
 *
 * @param catalog - the catalog (never modified)
 * @param experienceId - the life experience
 * @param linkId - the link
 * @param options - `cascade` to also remove waivers that target the link
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { removeLink } from "service-blueprint";
 * removeLink(catalog, "retirement", "award-letter-to-cms", { cascade: true });
 * ```
 */
export function removeLink(catalog: Catalog, experienceId: string, linkId: string, options: RemoveOptions = {}): EditResult {
  return applyEdit(catalog, (draft) => {
    const e = experienceIndex(draft, experienceId);
    const links = draft.lifeExperiences[e]!.links;
    links.splice(indexOfId(links, linkId, ["lifeExperiences", e, "links"], "link", hint("links")), 1);
    if (options.cascade) draft.waivers = draft.waivers.filter((w) => !(w.target.experience === experienceId && w.target.link === linkId));
  });
}

/**
 * Records a waiver: the decision that a friction flagged by a rule is legitimate, with its justification.
 *
 * @param catalog - the catalog (never modified)
 * @param waiver - the waiver
 * @returns the new catalog, or issues (for example a target that does not exist)
 * @example
 * ```ts
 * import { addWaiver } from "service-blueprint";
 * addWaiver(catalog, {
 *   rule: "in-person-only", target: { service: "passport", step: "first-application" },
 *   justification: "program-integrity", note: "22 CFR 51.21 requires a first application in person", expires: "2027-12-31",
 * });
 * ```
 */
export function addWaiver(catalog: Catalog, waiver: WaiverInput): EditResult {
  return applyEdit(catalog, (draft) => {
    const data = parsed(parsePart(WaiverSchema, waiver, ["waivers", draft.waivers.length]));
    if (data.id !== undefined && draft.waivers.some((w) => w.id === data.id)) {
      refuse("duplicate_id", ["waivers", draft.waivers.length, "id"], `waiver id '${data.id}' is already used`, "choose another id");
    }
    draft.waivers.push(data);
  });
}

/**
 * Removes a waiver by its position in `catalog.waivers` or by its id.
 *
 * @param catalog - the catalog (never modified)
 * @param waiver - the waiver's index or id
 * @returns the new catalog, or issues
 * @example
 * ```ts
 * import { removeWaiver } from "service-blueprint";
 * removeWaiver(catalog, "passport-in-person");
 * ```
 */
export function removeWaiver(catalog: Catalog, waiver: number | string): EditResult {
  return applyEdit(catalog, (draft) => {
    const index = typeof waiver === "number" ? waiver : draft.waivers.findIndex((w) => w.id === waiver);
    if (index < 0 || index >= draft.waivers.length) {
      const segments: PathSegment[] = ["waivers"];
      refuse("unknown_reference", segments, `waiver ${JSON.stringify(waiver)} does not exist`);
    }
    draft.waivers.splice(index, 1);
  });
}
