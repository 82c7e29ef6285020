/**
 * Paths from entry to end: counted by dynamic programming on the acyclic graph (linear), listed depth first up
 * to a cap, and the shortest and critical (longest) path by customer time, linear in topological order.
 *
 * @internal
 */
import type { CompiledGraph, GraphEdge } from "./build.js";
import type { ResolvedGraphOptions } from "./options.js";
import { type ForwardOrder, PATH_KINDS, isForward, reachableFrom } from "./order.js";
import { MINUTES_PER_DAY, timeTotals } from "./time.js";
import type { GraphPath, PathAnalysis, PathEnd } from "./types.js";

function isPathEdge(order: ForwardOrder, edge: GraphEdge): boolean {
  return PATH_KINDS.has(edge.kind) && isForward(order, edge);
}

/** Minutes and waiting days of each node with the steps attached to it (transitively). */
function nodeWeights(graph: CompiledGraph, order: ForwardOrder): { minutes: Float64Array; waitDays: Float64Array } {
  const n = graph.nodes.length;
  const minutes = new Float64Array(n);
  const waitDays = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    minutes[v] = graph.nodes[v]!.minutes;
    waitDays[v] = graph.nodes[v]!.step.waitDays;
  }
  for (let i = n - 1; i >= 0; i--) {
    const v = order.topo[i]!;
    for (const edge of graph.out[v]!) {
      if (edge.kind !== "attached" || !isForward(order, edge)) continue;
      minutes[v]! += minutes[edge.to]!;
      waitDays[v]! += waitDays[edge.to]!;
    }
  }
  return { minutes, waitDays };
}

function linkWait(edge: GraphEdge): number {
  return edge.kind === "link" ? (edge.link?.waitDays ?? 0) : 0;
}

/**
 * The path analysis of a compiled graph.
 *
 * Long on purpose: two passes over the same typed arrays (counts and best paths in reverse topological order, then
 * the listing of paths up to the cap), which read best top to bottom.
 *
 * @internal
 */
export function analyzePaths(graph: CompiledGraph, order: ForwardOrder, options: ResolvedGraphOptions): PathAnalysis {
  const n = graph.nodes.length;
  const onPath = reachableFrom(graph, graph.entries, PATH_KINDS);
  const { minutes, waitDays } = nodeWeights(graph, order);
  const terminal = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (onPath[v] === 0) continue;
    terminal[v] = graph.out[v]!.some((edge) => isPathEdge(order, edge)) ? 0 : 1;
  }
  const endOf = (v: number): PathEnd => {
    const node = graph.nodes[v]!;
    if (node.step.outcome !== undefined) return node.step.outcome;
    return graph.out[v]!.some((edge) => PATH_KINDS.has(edge.kind)) ? "cycle" : "dead-end";
  };

  // Count, and the best path by the measure, in reverse topological order.
  const byDays = options.pathMeasure === "days";
  const weight = (v: number): number => (byDays ? waitDays[v]! + minutes[v]! / MINUTES_PER_DAY : minutes[v]!);
  const edgeWeight = (edge: GraphEdge): number => (byDays ? linkWait(edge) : 0);
  const count = new Float64Array(n);
  const longest = new Float64Array(n);
  const shortest = new Float64Array(n);
  const longestNext = new Int32Array(n).fill(-1);
  const shortestNext = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const v = order.topo[i]!;
    if (onPath[v] === 0) continue;
    if (terminal[v] === 1) {
      count[v] = 1;
      longest[v] = shortest[v] = weight(v);
      continue;
    }
    let c = 0;
    let hi = -Infinity;
    let lo = Infinity;
    for (const edge of graph.out[v]!) {
      if (!isPathEdge(order, edge)) continue;
      const w = edge.to;
      c += count[w]!;
      const viaHi = edgeWeight(edge) + longest[w]!;
      const viaLo = edgeWeight(edge) + shortest[w]!;
      if (viaHi > hi) {
        hi = viaHi;
        longestNext[v] = edge.id;
      }
      if (viaLo < lo) {
        lo = viaLo;
        shortestNext[v] = edge.id;
      }
    }
    count[v] = c;
    longest[v] = weight(v) + hi;
    shortest[v] = weight(v) + lo;
  }
  let total = 0;
  for (const entry of graph.entries) total += count[entry]!;

  const pathOf = (nodes: readonly number[], viaEdges: readonly GraphEdge[]): GraphPath => {
    let m = 0;
    let d = 0;
    for (const v of nodes) {
      m += minutes[v]!;
      d += waitDays[v]!;
    }
    for (const edge of viaEdges) d += linkWait(edge);
    return Object.freeze({
      steps: Object.freeze(nodes.map((v) => graph.nodes[v]!.ref)),
      time: timeTotals(m, d),
      end: endOf(nodes[nodes.length - 1]!),
    });
  };
  const follow = (start: number, next: Int32Array): GraphPath => {
    const nodes: number[] = [start];
    const via: GraphEdge[] = [];
    let v = start;
    while (next[v]! !== -1) {
      const edge = graph.edges[next[v]!]!;
      via.push(edge);
      v = edge.to;
      nodes.push(v);
    }
    return pathOf(nodes, via);
  };
  let best: GraphPath | undefined;
  let worst: GraphPath | undefined;
  if (graph.entries.length > 0) {
    let hiEntry = graph.entries[0]!;
    let loEntry = graph.entries[0]!;
    for (const entry of graph.entries) {
      if (longest[entry]! > longest[hiEntry]!) hiEntry = entry;
      if (shortest[entry]! < shortest[loEntry]!) loEntry = entry;
    }
    worst = follow(hiEntry, longestNext);
    best = follow(loEntry, shortestNext);
  }

  // List paths depth first, successors in order, until a cap.
  const listed: GraphPath[] = [];
  let stepsUsed = 0;
  let stopNote: string | undefined;
  const nodeStack: number[] = [];
  const edgeStack: number[] = [];
  const viaStack: GraphEdge[] = [];
  outer: for (const entry of graph.entries) {
    nodeStack.push(entry);
    edgeStack.push(0);
    while (nodeStack.length > 0) {
      const top = nodeStack.length - 1;
      const v = nodeStack[top]!;
      if (terminal[v] === 1) {
        if (listed.length >= options.maxPaths) {
          stopNote = `listed ${listed.length} of ${total} paths (maxPaths is ${options.maxPaths})`;
          break outer;
        }
        if (stepsUsed + nodeStack.length > options.maxPathSteps) {
          stopNote = `listed ${listed.length} of ${total} paths: the next one would pass maxPathSteps (${options.maxPathSteps} step references)`;
          break outer;
        }
        stepsUsed += nodeStack.length;
        listed.push(pathOf(nodeStack, viaStack));
        nodeStack.pop();
        edgeStack.pop();
        viaStack.pop();
        continue;
      }
      const outs = graph.out[v]!;
      let i = edgeStack[top]!;
      let pushed = false;
      while (i < outs.length) {
        const edge = outs[i++]!;
        if (!isPathEdge(order, edge)) continue;
        edgeStack[top] = i;
        nodeStack.push(edge.to);
        edgeStack.push(0);
        viaStack.push(edge);
        pushed = true;
        break;
      }
      if (pushed) continue;
      nodeStack.pop();
      edgeStack.pop();
      viaStack.pop();
    }
  }
  const capped = stopNote !== undefined;
  const result: PathAnalysis = {
    paths: Object.freeze(listed),
    count: total,
    countExact: total <= Number.MAX_SAFE_INTEGER,
    capped,
    ...(capped ? { note: stopNote } : {}),
    ...(best !== undefined ? { shortest: best } : {}),
    ...(worst !== undefined ? { critical: worst } : {}),
  };
  return Object.freeze(result);
}
