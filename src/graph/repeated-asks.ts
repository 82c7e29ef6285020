/**
 * Repeated asks: data elements, documents and identity checks asked again of customers who were asked them earlier
 * on their path through a service, or in another service of a life experience, read from the flow model.
 *
 * @internal
 */
import type { LifeExperience } from "../model/schema.js";
import type { LinkKind } from "../model/vocabulary.js";
import type { CompiledGraph, GraphNode } from "./build.js";
import { type FlowModel, firstMarkedUpstream, metBefore } from "./flow.js";
import { sortSmall } from "./sort.js";
import type { RepeatedAsk, RepeatedAskRepeat, RepeatedAskStep } from "./types.js";

type AskKind = RepeatedAsk["kind"];

const KIND_ORDER: Readonly<Record<AskKind, number>> = { data: 0, document: 1, identity: 2 };

/** Link kinds by which agencies pass an item between them (the customer does not carry it). */
const SHARING_LINKS: ReadonlySet<LinkKind> = new Set<LinkKind>(["data-share", "trigger", "notification"]);

const SEPARATOR = "\u0000";

const NONE: readonly string[] = Object.freeze([]);

/** The keys (`kind\0item`) a step asks, without repeats. */
function askedKeys(node: GraphNode): readonly string[] {
  const { step } = node;
  if (step.dataAsked.length === 0 && step.documentsAsked.length === 0 && step.identityProofing === "none") return NONE;
  const keys = new Set<string>();
  for (const id of node.step.dataAsked) keys.add(`data${SEPARATOR}${id}`);
  for (const id of node.step.documentsAsked) keys.add(`document${SEPARATOR}${id}`);
  if (node.step.identityProofing !== "none") keys.add(`identity${SEPARATOR}identity`);
  return [...keys];
}

function splitKey(key: string): { kind: AskKind; item: string } {
  const at = key.indexOf(SEPARATOR);
  return { kind: key.slice(0, at) as AskKind, item: key.slice(at + 1) };
}

function askOf(node: GraphNode): RepeatedAskStep {
  return Object.freeze({ service: node.service.id, step: node.step.id, agency: node.agency });
}

/** Below this, a share is rounding noise. */
const EPSILON = 1e-9;

function compareRepeats(a: RepeatedAsk, b: RepeatedAsk): number {
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind !== 0) return byKind;
  return a.item < b.item ? -1 : a.item > b.item ? 1 : 0;
}


/** The keys (`kind\0item`) a step verifies (`dataVerified`, `documentsVerified`), without repeats. */
function verifiedKeys(node: GraphNode): readonly string[] {
  const { step } = node;
  if (step.dataVerified.length === 0 && step.documentsVerified.length === 0) return NONE;
  const keys = new Set<string>();
  for (const id of step.dataVerified) keys.add(`data${SEPARATOR}${id}`);
  for (const id of step.documentsVerified) keys.add(`document${SEPARATOR}${id}`);
  return [...keys];
}

/** The nodes asking each item (reachable ones; a node asking an item twice is listed once), in node order. */
function askers(graph: CompiledGraph, reachable: Uint8Array, keysOf: (node: GraphNode) => readonly string[] = askedKeys): Map<string, number[]> {
  const members = new Map<string, number[]>();
  for (let v = 0; v < graph.nodes.length; v++) {
    if (reachable[v] === 0) continue;
    const keys = keysOf(graph.nodes[v]!);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const list = members.get(key);
      if (list === undefined) members.set(key, [v]);
      else list.push(v);
    }
  }
  return members;
}

/**
 * The repeats of one item asked by `nodes`: each asking node that customers reach having met an earlier ask (in
 * another group, with `group`), with its first asks and the share meeting both. `linksOf` names the links passing
 * the item into a repeat's group from a first ask's.
 */
function repeatsOf(
  model: FlowModel,
  marked: Uint8Array,
  kind: AskKind,
  item: string,
  scope: RepeatedAsk["scope"],
  nodes: readonly number[],
  group: Int32Array | undefined,
  linksOf: (first: readonly number[], v: number) => string[],
): RepeatedAsk | undefined {
  const { graph, order } = model;
  let from = order.topo.length;
  let to = -1;
  for (const v of nodes) {
    marked[v] = 1;
    const at = order.position[v]!;
    if (at < from) from = at;
    if (at > to) to = at;
  }
  const span = { from, to };
  const met = metBefore(model, marked, group, span);
  // Identity proven again with a credential: customers who proved it before with that same credential are not
  // asked again (they sign in); only those whose earlier checks all used something else are.
  const sameCredential = new Map<string, Float64Array>();
  const metWith = (credential: string): Float64Array => {
    let other = sameCredential.get(credential);
    if (other === undefined) {
      const withIt = new Uint8Array(graph.nodes.length);
      for (const v of nodes) if (graph.nodes[v]!.step.credential === credential) withIt[v] = 1;
      other = metBefore(model, withIt, group, span).other;
      sameCredential.set(credential, other);
    }
    return other;
  };
  const repeats: { node: number; repeat: RepeatedAskRepeat }[] = [];
  const members = new Set<number>();
  for (const v of nodes) {
    const credential = kind === "identity" ? graph.nodes[v]!.step.credential : undefined;
    const all = met.other[v]!;
    if (all <= EPSILON) continue;
    const share = credential === undefined ? all : Math.max(0, all - metWith(credential)[v]!);
    const accept = group === undefined ? undefined : (u: number) => group[u] !== group[v];
    const first = firstMarkedUpstream(model, marked, met.any, v, accept);
    if (first.length === 0) continue;
    members.add(v);
    for (const u of first) members.add(u);
    const shared = share <= EPSILON;
    const links = kind === "identity" ? [] : linksOf(first, v);
    repeats.push({
      node: v,
      repeat: Object.freeze({
        step: askOf(graph.nodes[v]!),
        first: Object.freeze(first.map((u) => askOf(graph.nodes[u]!))),
        share: shared ? 0 : Math.min(share, model.reach[v]!),
        shared,
        links: Object.freeze(links),
      }),
    });
  }
  for (const v of nodes) marked[v] = 0;
  if (repeats.length === 0) return undefined;
  repeats.sort((a, b) => order.position[a.node]! - order.position[b.node]!);
  const asks = [...members].sort((a, b) => a - b);
  return Object.freeze({
    kind,
    item,
    scope,
    asks: Object.freeze(asks.map((v) => askOf(graph.nodes[v]!))),
    shared: repeats.every((r) => r.repeat.shared),
    repeats: Object.freeze(repeats.map((r) => r.repeat)),
  });
}

/**
 * Repeats along the paths of one service: a step asking an item of customers who were asked it at an earlier step
 * of their path. Only items asked by two or more reachable steps are followed, one linear pass each.
 *
 * @internal
 */
export function pathRepeats(model: FlowModel, reachable: Uint8Array): RepeatedAsk[] {
  const repeats: RepeatedAsk[] = [];
  const marked = new Uint8Array(model.graph.nodes.length);
  for (const [key, nodes] of askers(model.graph, reachable)) {
    if (nodes.length < 2) continue;
    const { kind, item } = splitKey(key);
    const found = repeatsOf(model, marked, kind, item, "path", nodes, undefined, () => []);
    if (found !== undefined) repeats.push(found);
  }
  return repeats.sort(compareRepeats);
}

/**
 * Repeats across a life experience: a step asking an item of people who were asked it in another service of the
 * experience earlier on their path (flows and links, with their shares). The model's shares are of the people
 * entering the experience.
 *
 * @internal
 */
export function experienceRepeats(model: FlowModel, experience: LifeExperience, reachable: Uint8Array): RepeatedAsk[] {
  const graph = model.graph;
  const groupIds = new Map<string, number>();
  const group = new Int32Array(graph.nodes.length);
  graph.nodes.forEach((node, v) => {
    let id = groupIds.get(node.service.id);
    if (id === undefined) groupIds.set(node.service.id, (id = groupIds.size));
    group[v] = id;
  });
  const repeats: RepeatedAsk[] = [];
  const marked = new Uint8Array(graph.nodes.length);
  for (const [key, nodes] of askers(graph, reachable)) {
    if (new Set(nodes.map((v) => group[v])).size < 2) continue;
    const { kind, item } = splitKey(key);
    const linksOf = (first: readonly number[], v: number): string[] => {
      const from = new Set(first.map((u) => graph.nodes[u]!.service.id));
      const to = graph.nodes[v]!.service.id;
      const ids: string[] = [];
      for (const link of experience.links) {
        if (!SHARING_LINKS.has(link.kind) || link.to.service !== to || !from.has(link.from.service)) continue;
        if (!(kind === "data" ? link.data : link.documents).includes(item)) continue;
        if (!ids.includes(link.id)) ids.push(link.id);
      }
      return ids.sort();
    };
    const found = repeatsOf(model, marked, kind, item, "experience", nodes, group, linksOf);
    if (found !== undefined) repeats.push(found);
  }
  return repeats.sort(compareRepeats);
}

/**
 * Verifications repeated by another agency across a life experience: a step that checks a data element or a
 * document (`dataVerified`, `documentsVerified`) which a step of another agency already checked earlier on the
 * person's path (flows and links, with their shares), read from the same flow model as the repeated asks. `share`
 * is of the people entering the experience who meet both checks; checks on exclusive branches are not repeats;
 * `links` is always empty (a link passing the item does not stop the second check).
 *
 * @internal
 */
export function crossAgencyVerifications(model: FlowModel, reachable: Uint8Array): RepeatedAsk[] {
  const graph = model.graph;
  const groupIds = new Map<string, number>();
  const group = new Int32Array(graph.nodes.length);
  graph.nodes.forEach((node, v) => {
    let id = groupIds.get(node.agency);
    if (id === undefined) groupIds.set(node.agency, (id = groupIds.size));
    group[v] = id;
  });
  const repeats: RepeatedAsk[] = [];
  const marked = new Uint8Array(graph.nodes.length);
  for (const [key, nodes] of askers(graph, reachable, verifiedKeys)) {
    if (new Set(nodes.map((v) => group[v])).size < 2) continue;
    const { kind, item } = splitKey(key);
    const found = repeatsOf(model, marked, kind, item, "experience", nodes, group, () => []);
    if (found !== undefined) repeats.push(found);
  }
  return repeats.sort(compareRepeats);
}
