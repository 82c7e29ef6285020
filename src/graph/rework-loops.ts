/**
 * Rework loops: each `rework` flow, the step it sends customers back to, and the steps they repeat.
 *
 * @internal
 */
import type { CompiledGraph, GraphEdge } from "./build.js";
import { type ForwardOrder, isForward } from "./order.js";
import { sortSmall } from "./sort.js";
import type { ReworkLoop } from "./types.js";

/**
 * The rework loops of a graph, sorted by `from` then `backTo`. The repeated steps are the shortest flow path
 * (breadth first; among equally short paths the one through the steps most customers reach, then the smallest
 * ids) from `backTo` to `from`, searched only between the two in topological order, so that a short loop costs
 * little however large the graph.
 *
 * @internal
 */
export function findReworkLoops(graph: CompiledGraph, order: ForwardOrder, share: Float64Array): Omit<ReworkLoop, "repeated">[] {
  const n = graph.nodes.length;
  const stamp = new Int32Array(n);
  const parent = new Int32Array(n);
  let generation = 0;
  const loops: Omit<ReworkLoop, "repeated">[] = [];
  let last: GraphEdge | undefined;
  for (const edge of graph.edges) {
    if (edge.kind !== "rework") continue;
    // Edges are sorted by source, target and kind: two rework flows between one pair of steps are adjacent.
    if (last !== undefined && last.from === edge.from && last.to === edge.to) continue;
    last = edge;
    const from = edge.from;
    const backTo = edge.to;
    generation += 1;
    let steps: number[] = [backTo];
    if (from === backTo) steps = [from];
    else if (order.position[backTo]! < order.position[from]!) {
      const limit = order.position[from]!;
      const queue: number[] = [backTo];
      stamp[backTo] = generation;
      parent[backTo] = -1;
      let found = false;
      for (let head = 0; head < queue.length && !found; head++) {
        const v = queue[head]!;
        // Among equally short paths, prefer the flows most customers take (then the smallest id).
        const flows = graph.out[v]!.filter((next) => isFlow(order, next));
        if (flows.length > 1) sortSmall(flows, (a, b) => share[b.to]! - share[a.to]! || a.to - b.to);
        for (const next of flows) {
          const w = next.to;
          if (stamp[w] === generation || order.position[w]! > limit) continue;
          stamp[w] = generation;
          parent[w] = v;
          if (w === from) {
            found = true;
            break;
          }
          queue.push(w);
        }
      }
      if (found) {
        steps = [];
        for (let v = from; v !== -1; v = parent[v]!) steps.push(v);
        steps.reverse();
      }
    }
    loops.push(
      Object.freeze({
        from: graph.nodes[from]!.ref,
        backTo: graph.nodes[backTo]!.ref,
        steps: Object.freeze(steps.map((v) => graph.nodes[v]!.ref)),
        ...(edge.share !== undefined ? { share: edge.share } : {}),
      }),
    );
  }
  return loops;
}

function isFlow(order: ForwardOrder, edge: GraphEdge): boolean {
  return (edge.kind === "sequence" || edge.kind === "branch") && isForward(order, edge);
}
