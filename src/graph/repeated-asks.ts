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
import { sortSmall } from "./sort.js";
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

function repeat(graph: CompiledGraph, kind: AskKind, item: string, scope: RepeatedAsk["scope"], members: number[], shared: boolean): RepeatedAsk {
  // Nodes are sorted by service id then step id, so sorting positions sorts the asks.
  sortSmall(members, (a, b) => a - b);
  return Object.freeze({ kind, item, scope, asks: Object.freeze(members.map((v) => askOf(graph.nodes[v]!))), shared });
}

/** One item asked by the steps of a graph: how many reachable steps ask it, and its bit once it is a candidate. */
interface AskedItem {
  readonly kind: AskKind;
  readonly item: string;
  count: number;
  /** The last node that counted it (a step asking an item twice counts once). */
  lastNode: number;
  /** Its bit among the candidates (items asked at least twice), or -1. */
  bit: number;
}

/** Bits per chunk of the path-repeat sweeps: 64 words of 32 bits per node. */
const CHUNK_BITS = 2048;

/**
 * Repeats along paths: a step asking an item belongs to the repeat when another step asking it is upstream or
 * downstream of it in the graph without rework edges. Only items asked at least twice (the candidates) are
 * carried, as bits: one pass forward and one backward in topological order OR-ing each node's predecessors (or
 * successors) into its row of a bit matrix, a chunk of 2,048 candidates at a time so memory stays at most
 * 512 bytes per node and pass whatever the number of items. No set or string is built per node.
 *
 * @internal
 */
export function pathRepeats(graph: CompiledGraph, order: ForwardOrder, reachable: Uint8Array): RepeatedAsk[] {
  const n = graph.nodes.length;
  const byKind: Record<AskKind, Map<string, AskedItem>> = { data: new Map(), document: new Map(), identity: new Map() };
  const count = (kind: AskKind, item: string, v: number): void => {
    const map = byKind[kind];
    const entry = map.get(item);
    if (entry === undefined) map.set(item, { kind, item, count: 1, lastNode: v, bit: -1 });
    else if (entry.lastNode !== v) {
      entry.count += 1;
      entry.lastNode = v;
    }
  };
  // Index loops here and below: this runs once per service, where V8 keeps the iterator objects of `for...of`.
  for (let v = 0; v < n; v++) {
    if (reachable[v] === 0) continue;
    const { dataAsked, documentsAsked, identityProofing } = graph.nodes[v]!.step;
    for (let k = 0; k < dataAsked.length; k++) count("data", dataAsked[k]!, v);
    for (let k = 0; k < documentsAsked.length; k++) count("document", documentsAsked[k]!, v);
    if (identityProofing !== "none") count("identity", "identity", v);
  }
  const candidates: AskedItem[] = [];
  for (const map of [byKind.data, byKind.document, byKind.identity]) {
    for (const entry of map.values()) {
      if (entry.count < 2) continue;
      entry.bit = candidates.length;
      candidates.push(entry);
    }
  }
  if (candidates.length === 0) return [];

  // Each node's candidate bits, in one flat list: bits[start[v]] .. bits[start[v + 1]] (repeats in a step allowed).
  const start = new Int32Array(n + 1);
  const bits: number[] = [];
  for (let v = 0; v < n; v++) {
    start[v] = bits.length;
    if (reachable[v] === 0) continue;
    const { dataAsked, documentsAsked, identityProofing } = graph.nodes[v]!.step;
    for (let k = 0; k < dataAsked.length; k++) {
      const bit = byKind.data.get(dataAsked[k]!)!.bit;
      if (bit >= 0) bits.push(bit);
    }
    for (let k = 0; k < documentsAsked.length; k++) {
      const bit = byKind.document.get(documentsAsked[k]!)!.bit;
      if (bit >= 0) bits.push(bit);
    }
    if (identityProofing !== "none") {
      const bit = byKind.identity.get("identity")!.bit;
      if (bit >= 0) bits.push(bit);
    }
  }
  start[n] = bits.length;

  const members: number[][] = candidates.map(() => []);
  for (let low = 0; low < candidates.length; low += CHUNK_BITS) {
    const high = Math.min(candidates.length, low + CHUNK_BITS);
    const words = (high - low + 31) >>> 5;
    const sweep = (forward: boolean): Int32Array => {
      const rows = new Int32Array(n * words);
      for (let i = 0; i < n; i++) {
        const v = order.topo[forward ? i : n - 1 - i]!;
        if (reachable[v] === 0) continue;
        const row = v * words;
        const edges = forward ? graph.in[v]! : graph.out[v]!;
        for (let e = 0; e < edges.length; e++) {
          const edge = edges[e]!;
          if (!isForward(order, edge)) continue;
          const u = forward ? edge.from : edge.to;
          if (reachable[u] === 0) continue;
          const from = u * words;
          for (let w = 0; w < words; w++) rows[row + w]! |= rows[from + w]!;
          for (let k = start[u]!; k < start[u + 1]!; k++) {
            const b = bits[k]! - low;
            if (b >= 0 && b < high - low) rows[row + (b >>> 5)]! |= 1 << (b & 31);
          }
        }
      }
      return rows;
    };
    const upstream = sweep(true);
    const downstream = sweep(false);
    for (let v = 0; v < n; v++) {
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const b = bits[k]! - low;
        if (b < 0 || b >= high - low) continue;
        const word = v * words + (b >>> 5);
        const mask = 1 << (b & 31);
        if ((upstream[word]! & mask) === 0 && (downstream[word]! & mask) === 0) continue;
        const list = members[low + b]!;
        // A step asking an item twice is one member.
        if (list[list.length - 1] !== v) list.push(v);
      }
    }
  }
  const repeats: RepeatedAsk[] = [];
  candidates.forEach((candidate, bit) => {
    const list = members[bit]!;
    if (list.length === 0) return;
    const shared = candidate.kind === "identity" && sameCredential(graph, list);
    repeats.push(repeat(graph, candidate.kind, candidate.item, "path", list, shared));
  });
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
    repeats.push(repeat(graph, kind, item, "experience", list, shared));
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
