/**
 * `toGraph`: a service's or a life experience's flow as plain nodes and edges, in graphology's serialisation
 * (`{ options, attributes, nodes, edges }`), for users of graph libraries. The graph is the one the library's own
 * analyses walk, so an adapter cannot get its rules wrong: rework flows are marked, attached steps hang from their
 * host by an `attached` edge, and links join the services of a life experience.
 */
import { type CompiledGraph, serviceGraph } from "../graph/build.js";
import { experienceGraph } from "../graph/experience-graph.js";
import { GraphAnalysisError } from "../graph/errors.js";
import { unknownExperience, unknownService } from "../graph/lookup.js";
import { indexCatalog } from "../model/index-lookup.js";
import type { Catalog } from "../model/schema.js";
import type { Lane, OutcomeKind } from "../model/vocabulary.js";

/**
 * What an edge stands for: a flow (`sequence`, `branch`, `rework`), an attachment (`attached`, from the host step to
 * the step attached to it) or a link between services of a life experience (`link`).
 *
 * @example
 * ```ts
 * import type { GraphEdgeKind } from "service-blueprint";
 * const walked: GraphEdgeKind[] = ["sequence", "branch", "link"]; // what the library's paths and cycles follow
 * ```
 */
export type GraphEdgeKind = "sequence" | "branch" | "rework" | "attached" | "link";

/**
 * A node: one step, keyed `service/step`.
 *
 * @example
 * ```ts
 * import type { GraphNodeAttributes } from "service-blueprint";
 * const a: GraphNodeAttributes = { service: "svc", step: "apply", name: "Apply", lane: "customer", agency: "ssa", minutes: 30, entry: true, root: true };
 * ```
 */
export interface GraphNodeAttributes {
  /** The service id. */
  readonly service: string;
  /** The step id. */
  readonly step: string;
  /** The step's name. */
  readonly name: string;
  /** Its lane. */
  readonly lane: Lane;
  /** The service's agency. */
  readonly agency: string;
  /** Customer minutes: effort, hold and travel. */
  readonly minutes: number;
  /** Whether customers start here (the entries of the graph). */
  readonly entry: boolean;
  /** Whether reachability starts here (the entry steps of every service in the graph). */
  readonly root: boolean;
  /** How the step ends the service, when it does. */
  readonly outcome?: OutcomeKind;
  /** The key of the host step, for a step attached to another (a sub-step, not walked in sequence). */
  readonly attachedTo?: string;
}

/**
 * An edge's attributes.
 *
 * @example
 * ```ts
 * import type { GraphEdgeAttributes } from "service-blueprint";
 * const back: GraphEdgeAttributes = { kind: "rework", rework: true, share: 0.2 };
 * ```
 */
export interface GraphEdgeAttributes {
  /** What the edge stands for. */
  readonly kind: GraphEdgeKind;
  /** `true` for rework flows (they send customers back; the library's paths and cycles do not follow them). */
  readonly rework: boolean;
  /**
   * The flow's or link's share of customers, when stated; for a link that states none but whose target service
   * could not take everyone it would carry, the share implied by the services' volumes (see `shareImplied`).
   */
  readonly share?: number;
  /** `true` when a link's `share` is implied by the volumes of the services it joins, not stated in the catalog. */
  readonly shareImplied?: boolean;
  /** The link's id, for `link` edges. */
  readonly link?: string;
}

/**
 * The graph in graphology's serialisation: load it with `Graph.from(data)` (graphology) or add its nodes and edges
 * to a `@dagrejs/graphlib` `Graph({ multigraph: true })`. Nodes are sorted by service id then step id, edges by
 * source, target, kind and link id: the same catalog gives the same graph, byte for byte.
 *
 * @example
 * ```ts
 * import { toGraph, type SerializedGraph } from "service-blueprint";
 * const graph: SerializedGraph = toGraph(catalog, { service: "ssa-retirement-claim" });
 * graph.nodes.length;
 * ```
 */
export interface SerializedGraph {
  /** graphology's options: directed, multi (a step may reach another by two kinds of edge), self loops allowed. */
  readonly options: { readonly type: "directed"; readonly multi: true; readonly allowSelfLoops: true };
  /** What the graph is of. */
  readonly attributes: { readonly kind: "service" | "life-experience"; readonly id: string; readonly name: string };
  /** The steps. */
  readonly nodes: readonly { readonly key: string; readonly attributes: GraphNodeAttributes }[];
  /** Flows, attachments and links; keys are `source->target:kind` (plus `:link-id` for links). */
  readonly edges: readonly { readonly key: string; readonly source: string; readonly target: string; readonly attributes: GraphEdgeAttributes }[];
}

/**
 * Which graph {@link toGraph} gives: one service's, or one life experience's (its services joined by its links).
 *
 * @example
 * ```ts
 * import type { ToGraphTarget } from "service-blueprint";
 * const targets: ToGraphTarget[] = [{ service: "ssa-retirement-claim" }, { experience: "approaching-retirement" }];
 * ```
 */
export type ToGraphTarget = { readonly service: string; readonly experience?: never } | { readonly experience: string; readonly service?: never };

/** The serialised form of a compiled graph. */
function serialize(graph: CompiledGraph, attributes: SerializedGraph["attributes"]): SerializedGraph {
  const keys = graph.nodes.map((node) => `${node.ref.service}/${node.ref.step}`);
  const entries = new Set(graph.entries);
  const roots = new Set(graph.roots);
  const nodes = graph.nodes.map((node, v) => {
    const step = node.step;
    const host = step.attachedTo;
    const a: GraphNodeAttributes = {
      service: node.ref.service,
      step: node.ref.step,
      name: step.name,
      lane: step.lane,
      agency: node.agency,
      minutes: node.minutes,
      entry: entries.has(v),
      root: roots.has(v),
      ...(step.outcome === undefined ? {} : { outcome: step.outcome }),
      ...(host === undefined ? {} : { attachedTo: `${node.ref.service}/${host}` }),
    };
    return Object.freeze({ key: keys[v]!, attributes: Object.freeze(a) });
  });
  const edges = graph.edges.map((edge) => {
    const source = keys[edge.from]!;
    const target = keys[edge.to]!;
    const a: GraphEdgeAttributes = {
      kind: edge.kind,
      rework: edge.kind === "rework",
      ...(edge.share === undefined ? {} : { share: edge.share }),
      ...(edge.shareImplied === true ? { shareImplied: true } : {}),
      ...(edge.link === undefined ? {} : { link: edge.link.id }),
    };
    const key = `${source}->${target}:${edge.kind}${edge.link === undefined ? "" : `:${edge.link.id}`}`;
    return Object.freeze({ key, source, target, attributes: Object.freeze(a) });
  });
  return Object.freeze({
    options: Object.freeze({ type: "directed" as const, multi: true as const, allowSelfLoops: true as const }),
    attributes: Object.freeze(attributes),
    nodes: Object.freeze(nodes),
    edges: Object.freeze(edges),
  });
}

/**
 * The flow of a service or a life experience as plain nodes and edges in graphology's serialisation, with the
 * library's own rules stated on the edges: `kind` (`sequence`, `branch`, `rework`, `attached`, `link`), `rework`
 * (rework flows marked: the library's paths and cycle checks do not follow them), `share` and `link`. Attached
 * steps hang from their host by an `attached` edge and name it in `attachedTo`. Flows to unknown steps are left out,
 * as in the analyses.
 *
 * @param catalog - a valid catalog
 * @param target - `{ service: id }` or `{ experience: id }`
 * @returns the graph, frozen
 * @throws GraphAnalysisError `unknown_service` or `unknown_experience`, with a did-you-mean suggestion
 * @example
 * ```ts
 * import Graph from "graphology";
 * import { hasCycle } from "graphology-dag";
 * import { toGraph } from "service-blueprint";
 *
 * const graph = Graph.from(toGraph(catalog, { experience: "approaching-retirement" }));
 * // The library's cycles follow sequence, branch and link edges only:
 * graph.filterEdges((_e, a) => a.rework || a.kind === "attached").forEach((e) => graph.dropEdge(e));
 * hasCycle(graph); // the same answer as analyzeLifeExperience(...).cycles.length > 0
 * ```
 */
export function toGraph(catalog: Catalog, target: ToGraphTarget): SerializedGraph {
  const index = indexCatalog(catalog);
  if (target.service !== undefined) {
    const service = index.services.get(target.service);
    if (service === undefined) throw unknownService(index, target.service);
    return serialize(serviceGraph(service), { kind: "service", id: service.id, name: service.name });
  }
  // A JavaScript caller may pass neither key (or a misspelt one): a typed error, not a TypeError.
  const id: unknown = target.experience;
  if (typeof id !== "string") {
    throw new GraphAnalysisError("unknown_experience", "target", "toGraph needs a target: { service: '<service id>' } or { experience: '<life experience id>' }");
  }
  const experience = index.lifeExperiences.get(id);
  if (experience === undefined) throw unknownExperience(index, id);
  return serialize(experienceGraph(index, experience), { kind: "life-experience", id: experience.id, name: experience.name });
}
