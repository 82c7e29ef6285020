/**
 * Repeated asks: data elements, documents and identity checks asked more than once along a path of a service,
 * or across the services of a life experience.
 *
 * @internal
 */
import type { LifeExperience } from "../model/schema.js";
import type { LinkKind } from "../model/vocabulary.js";
import type { CompiledGraph, GraphNode } from "./build.js";
import { type ForwardOrder, isForward } from "./order.js";
import type { RepeatedAsk, RepeatedAskStep } from "./types.js";

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

/** Identity asks are shared when every one uses the same stated credential. */
function sameCredential(graph: CompiledGraph, members: readonly number[]): boolean {
  const first = graph.nodes[members[0]!]!.step.credential;
  return first !== undefined && members.every((v) => graph.nodes[v]!.step.credential === first);
}

function compareRepeats(a: RepeatedAsk, b: RepeatedAsk): number {
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind !== 0) return byKind;
  return a.item < b.item ? -1 : a.item > b.item ? 1 : 0;
}

function repeat(graph: CompiledGraph, key: string, scope: RepeatedAsk["scope"], members: number[], shared: boolean): RepeatedAsk {
  const { kind, item } = splitKey(key);
  // Nodes are sorted by service id then step id, so sorting positions sorts the asks.
  members.sort((a, b) => a - b);
  return Object.freeze({ kind, item, scope, asks: Object.freeze(members.map((v) => askOf(graph.nodes[v]!))), shared });
}

/**
 * Adds `keys` (and the keys of `set`) to `acc` copying on write: `acc` may be shared with a predecessor and is
 * never changed in place unless this node owns it.
 */
function merge(
  acc: Set<string> | undefined,
  owned: boolean,
  set: Set<string> | undefined,
  keys: readonly string[],
): { acc: Set<string> | undefined; owned: boolean } {
  let current = acc;
  let mine = owned;
  const add = (key: string): void => {
    if (current?.has(key)) return;
    if (!mine) {
      current = new Set(current);
      mine = true;
    }
    current!.add(key);
  };
  if (set !== undefined) {
    if (current === undefined) current = set;
    else if (current !== set) for (const key of set) add(key);
  }
  for (const key of keys) add(key);
  return { acc: current, owned: mine };
}

/**
 * Repeats along paths: a step asking an item belongs to the repeat when another step asking it is upstream or
 * downstream of it in the graph without rework edges. One pass forward and one backward in topological order,
 * carrying only the items asked at least twice, with sets shared between steps until they differ.
 *
 * @internal
 */
export function pathRepeats(graph: CompiledGraph, order: ForwardOrder, reachable: Uint8Array): RepeatedAsk[] {
  const n = graph.nodes.length;
  const asked: (readonly string[])[] = graph.nodes.map((node, v) => (reachable[v] === 1 ? askedKeys(node) : NONE));
  const tally = new Map<string, number>();
  for (const keys of asked) for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
  const candidates: (readonly string[])[] = asked.map((keys) => (keys.length === 0 ? NONE : keys.filter((key) => tally.get(key)! >= 2)));
  if (!candidates.some((keys) => keys.length > 0)) return [];

  const sweep = (forward: boolean): (Set<string> | undefined)[] => {
    const seen: (Set<string> | undefined)[] = new Array<Set<string> | undefined>(n);
    for (let i = 0; i < n; i++) {
      const v = order.topo[forward ? i : n - 1 - i]!;
      if (reachable[v] === 0) continue;
      let state: { acc: Set<string> | undefined; owned: boolean } = { acc: undefined, owned: false };
      for (const edge of forward ? graph.in[v]! : graph.out[v]!) {
        if (!isForward(order, edge)) continue;
        const u = forward ? edge.from : edge.to;
        if (reachable[u] === 0) continue;
        state = merge(state.acc, state.owned, seen[u], candidates[u]!);
      }
      seen[v] = state.acc;
    }
    return seen;
  };
  const upstream = sweep(true);
  const downstream = sweep(false);
  const members = new Map<string, number[]>();
  for (let v = 0; v < n; v++) {
    for (const key of candidates[v]!) {
      if (upstream[v]?.has(key) !== true && downstream[v]?.has(key) !== true) continue;
      const list = members.get(key);
      if (list === undefined) members.set(key, [v]);
      else list.push(v);
    }
  }
  const repeats: RepeatedAsk[] = [];
  for (const [key, list] of members) {
    const shared = key.startsWith("identity") && sameCredential(graph, list);
    repeats.push(repeat(graph, key, "path", list, shared));
  }
  return repeats.sort(compareRepeats);
}

/**
 * Repeats across a life experience: items asked by reachable steps of two or more of its services. Shared when
 * links that pass the item between agencies connect every asking service (identity: one shared credential).
 *
 * @internal
 */
export function experienceRepeats(graph: CompiledGraph, experience: LifeExperience, reachable: Uint8Array): RepeatedAsk[] {
  const members = new Map<string, number[]>();
  graph.nodes.forEach((node, v) => {
    if (reachable[v] === 0) return;
    for (const key of askedKeys(node)) {
      const list = members.get(key);
      if (list === undefined) members.set(key, [v]);
      else list.push(v);
    }
  });
  const repeats: RepeatedAsk[] = [];
  for (const [key, list] of members) {
    const services = new Set(list.map((v) => graph.nodes[v]!.service.id));
    if (services.size < 2) continue;
    const { kind, item } = splitKey(key);
    const shared = kind === "identity" ? sameCredential(graph, list) : connectedBySharing(experience, services, kind, item);
    repeats.push(repeat(graph, key, "experience", list, shared));
  }
  return repeats.sort(compareRepeats);
}

/** Whether links passing `item` between agencies connect all of `services` (union-find, undirected). */
function connectedBySharing(experience: LifeExperience, services: ReadonlySet<string>, kind: AskKind, item: string): boolean {
  const parent = new Map<string, string>();
  for (const id of services) parent.set(id, id);
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let at = id;
    while (at !== root) {
      const up = parent.get(at)!;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const link of experience.links) {
    if (!SHARING_LINKS.has(link.kind)) continue;
    if (!services.has(link.from.service) || !services.has(link.to.service)) continue;
    const items = kind === "data" ? link.data : link.documents;
    if (!items.includes(item)) continue;
    const a = find(link.from.service);
    const b = find(link.to.service);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const roots = new Set([...services].map(find));
  return roots.size === 1;
}
