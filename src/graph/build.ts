/**
 * Builds the private graph of one service or one life experience as compact arrays: nodes sorted by service id
 * then step id, edges sorted per node, which the analyses walk iteratively. Nothing from here leaves the library:
 * the public API returns plain data.
 *
 * Why not @dagrejs/graphlib: every one of its algorithms (tarjan, topsort, dfs, components, findCycles) recurses
 * once per node, which overflows the stack on a 100,000-step chain, and building its Graph (an object of objects
 * per node) took 8 to 10 times as long as these arrays for 100,000 steps, most of it in garbage collection.
 *
 * @internal
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import type { LifeExperience, Link, Service, Step, StepRef } from "../model/schema.js";
import { sortSmall } from "./sort.js";
import { known } from "../internal/invariant.js";

/** How one step leads to another: the flow kinds, an attachment (host → attached step), or a link. @internal */
export type EdgeKind = "sequence" | "branch" | "rework" | "attached" | "link";

const KIND_ORDER: Readonly<Record<EdgeKind, number>> = { sequence: 0, branch: 1, link: 2, attached: 3, rework: 4 };

/** A node of the compiled graph: a step of a service. @internal */
export interface GraphNode {
  readonly service: Service;
  readonly step: Step;
  /** A frozen reference to the step, shared by every result that names it. */
  readonly ref: StepRef;
  /** The service's agency. */
  readonly agency: string;
  /** Customer minutes: effort, hold and travel. */
  readonly minutes: number;
}

/** An edge of the compiled graph: a flow, an attachment (host → attached step) or a link. @internal */
export interface GraphEdge {
  readonly kind: EdgeKind;
  /** The flow's or link's share, when stated (or, for a link, implied by the volumes of the services it joins). */
  readonly share?: number;
  /** Whether a link's share is the one the services' volumes imply, rather than the one stated (or 1). */
  readonly shareImplied?: boolean;
  /** The link, for `link` edges. */
  readonly link?: Link;
  /** Position in {@link CompiledGraph.edges}. */
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

/** The compiled graph: nodes by position, edges out of and into each node, entries and roots. @internal */
export interface CompiledGraph {
  readonly nodes: readonly GraphNode[];
  /** The node of a step, if the graph has it. */
  readonly position: (service: string, step: string) => number | undefined;
  readonly edges: readonly GraphEdge[];
  /** Out-edges per node, sorted by target, then kind, then link id. */
  readonly out: readonly (readonly GraphEdge[])[];
  /** In-edges per node, sorted by source, then kind, then link id. */
  readonly in: readonly (readonly GraphEdge[])[];
  /** Where customers start (sorted): a service's entry steps, or those of the services no link leads into. */
  readonly entries: readonly number[];
  /** Where reachability starts (sorted): the entry steps of every service in the graph. */
  readonly roots: readonly number[];
  /** The services, in the graph's order. */
  readonly services: readonly Service[];
}

/** Customer minutes of a step: effort, hold and travel. @internal */
export function stepMinutes(step: Step): number {
  return step.customerMinutes + step.holdMinutes + step.travelMinutes;
}

/** The entry steps of a service: those marked `entry`, else the first step. @internal */
export function entryStepsOf(service: Service): Step[] {
  const marked = service.steps.filter((step) => step.entry === true);
  return marked.length > 0 ? marked : service.steps.slice(0, 1);
}

/** The known services of a life experience, without repeats, in its order. @internal */
export function experienceServices(index: CatalogIndex, experience: LifeExperience): Service[] {
  const seen = new Set<string>();
  const services: Service[] = [];
  for (const id of experience.services) {
    const service = index.services.get(id);
    if (service === undefined || seen.has(id)) continue;
    seen.add(id);
    services.push(service);
  }
  return services;
}

/** Orders the edges out of one step: by target, then kind, then link id, then share. */
function compareOutEdges(a: GraphEdge, b: GraphEdge): number {
  const byNode = a.to - b.to;
  if (byNode !== 0) return byNode;
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind !== 0) return byKind;
  const la = a.link?.id ?? "";
  const lb = b.link?.id ?? "";
  if (la !== lb) return la < lb ? -1 : 1;
  return (a.share ?? -1) - (b.share ?? -1);
}

/**
 * Compiles the graph: nodes sorted by service id then step id; edges for the flows of every step, from each host
 * to its attached steps, and for the given links. `entrySteps` are where customers start; `rootSteps` where
 * reachability starts; `impliedShares` the shares the volumes imply for links into a service that could not
 * take everyone they would carry, by link id (they replace the stated ones). Flows and links to unknown
 * steps are left out (validation reports them).
 *
 * @internal
 */
export function compileGraph(
  services: readonly Service[],
  links: readonly Link[],
  entrySteps: readonly StepRef[],
  rootSteps: readonly StepRef[],
  impliedShares?: ReadonlyMap<string, number>,
): CompiledGraph {
  const order = [...services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stepsByService = new Map<string, Map<string, number>>();
  // Object spreads are slow at this scale (100,000+ nodes): every object is written out field by field.
  const nodes: GraphNode[] = [];
  for (const service of order) {
    if (stepsByService.has(service.id)) continue;
    // Step positions sorted by id; a duplicated step id (an invalid catalog): the first occurrence is the node, the
    // others are ignored.
    const steps = service.steps;
    const sorted: number[] = new Array<number>(steps.length);
    for (let i = 0; i < steps.length; i++) sorted[i] = i;
    sorted.sort((a, b) => {
      const x = steps[a]!.id;
      const y = steps[b]!.id;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    const positions = new Map<string, number>();
    for (let k = 0; k < sorted.length; k++) {
      const step = steps[sorted[k]!]!;
      const id = step.id;
      if (k > 0 && steps[sorted[k - 1]!]!.id === id) continue;
      positions.set(id, nodes.length);
      nodes.push({
        service,
        step,
        ref: Object.freeze({ service: service.id, step: id }),
        agency: service.agency,
        minutes: stepMinutes(step),
      });
    }
    stepsByService.set(service.id, positions);
  }
  const position = (service: string, step: string): number | undefined => stepsByService.get(service)?.get(step);
  type MutableEdge = { -readonly [K in keyof GraphEdge]: GraphEdge[K] };
  const out: MutableEdge[][] = new Array<MutableEdge[]>(nodes.length);
  const into: MutableEdge[][] = new Array<MutableEdge[]>(nodes.length);
  for (let v = 0; v < nodes.length; v++) {
    out[v] = [];
    into[v] = [];
  }
  const add = (from: number | undefined, to: number | undefined, kind: EdgeKind, share?: number, link?: Link): void => {
    if (from === undefined || to === undefined) return;
    out[from]!.push({ kind, share, link, id: 0, from, to });
  };
  const addLink = (link: Link): void => {
    const from = position(link.from.service, link.from.step);
    const to = position(link.to.service, link.to.step);
    const implied = impliedShares?.get(link.id);
    if (from === undefined || to === undefined) return;
    if (implied === undefined) out[from]!.push({ kind: "link", share: link.share, link, id: 0, from, to });
    else out[from]!.push({ kind: "link", share: implied, shareImplied: true, link, id: 0, from, to });
  };
  for (let v = 0; v < nodes.length; v++) {
    const node = nodes[v]!;
    const steps = known(stepsByService, node.service.id);
    const next = node.step.next;
    for (let f = 0; f < next.length; f++) add(v, steps.get(next[f]!.to), next[f]!.kind, next[f]!.share);
    const host = node.step.attachedTo;
    if (host !== undefined && host !== node.step.id) add(steps.get(host), v, "attached");
  }
  for (const link of links) addLink(link);
  // Edge ids follow a canonical order (source, target, kind, link id), so that they do not depend on the order of
  // lists in the catalog. Visiting sources in order also leaves every in-list sorted by source.
  const edges: MutableEdge[] = [];
  for (let v = 0; v < nodes.length; v++) {
    const list = out[v]!;
    if (list.length > 1) sortSmall(list, compareOutEdges);
    for (let e = 0; e < list.length; e++) {
      const edge = list[e]!;
      edge.id = edges.length;
      edges.push(edge);
      into[edge.to]!.push(edge);
    }
  }
  const positionsOf = (refs: readonly StepRef[]): number[] =>
    [...new Set(refs.map((ref) => position(ref.service, ref.step)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
  return { nodes, position, edges, out, in: into, entries: positionsOf(entrySteps), roots: positionsOf(rootSteps), services };
}

/** The compiled graph of one service. @internal */
export function serviceGraph(service: Service): CompiledGraph {
  const entries = entryStepsOf(service).map((step) => ({ service: service.id, step: step.id }));
  return compileGraph([service], [], entries, entries);
}

/**
 * The services where a life experience's people start: those no link from another of its services leads into;
 * when every one has one (a ring), the service with the smallest id.
 *
 * @internal
 */
export function experienceEntryServices(
  index: CatalogIndex,
  experience: LifeExperience,
  services: readonly Service[] = experienceServices(index, experience),
): Service[] {
  const known = new Set(services.map((service) => service.id));
  const linkedInto = new Set<string>();
  for (const link of experience.links) {
    const from = index.step(link.from.service, link.from.step);
    const to = index.step(link.to.service, link.to.step);
    if (link.from.service === link.to.service || from === undefined || to === undefined) continue;
    if (known.has(link.from.service) && known.has(link.to.service)) linkedInto.add(link.to.service);
  }
  const starting = services.filter((service) => !linkedInto.has(service.id));
  // Every service linked into (a ring of services): start at the one with the smallest id, whatever the list order.
  const fallback = [...services].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, 1);
  return starting.length > 0 ? starting : fallback;
}
