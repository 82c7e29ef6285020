/**
 * The orders every analysis rests on, all iterative (explicit stacks, no recursion per node): reachability, a
 * topological order of the graph without rework edges (cutting the back edges of any other cycle), and strongly
 * connected components.
 *
 * @internal
 */
import type { CompiledGraph, EdgeKind, GraphEdge } from "./build.js";

/** Edge kinds a path follows (attached steps ride along with their host). @internal */
export const PATH_KINDS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(["sequence", "branch", "link"]);

/** The forward order of a graph. @internal */
export interface ForwardOrder {
  /** Every node, in a topological order of the forward edges that are not back edges. */
  readonly topo: Int32Array;
  /** Position of each node in `topo`. */
  readonly position: Int32Array;
  /** 1 for each forward edge that closes a cycle (a back edge of the depth-first search); it is left out. */
  readonly back: Uint8Array;
}

/** Whether an edge is forward and not cut. @internal */
export function isForward(order: ForwardOrder, edge: GraphEdge): boolean {
  return edge.kind !== "rework" && order.back[edge.id] === 0;
}

/**
 * Nodes reachable from `starts` over edges of the given kinds (all kinds when omitted). Iterative.
 *
 * @internal
 */
export function reachableFrom(graph: CompiledGraph, starts: readonly number[], kinds?: ReadonlySet<EdgeKind>): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const stack: number[] = [];
  for (const s of starts) {
    if (seen[s] === 0) {
      seen[s] = 1;
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const edge of graph.out[v]!) {
      if (kinds !== undefined && !kinds.has(edge.kind)) continue;
      if (seen[edge.to] === 0) {
        seen[edge.to] = 1;
        stack.push(edge.to);
      }
    }
  }
  return seen;
}

/**
 * A depth-first search over forward edges, from the entries first and then from every other node in order, that
 * marks back edges and yields a topological order of what remains (reverse post-order). Iterative.
 *
 * @internal
 */
export function forwardOrder(graph: CompiledGraph): ForwardOrder {
  const n = graph.nodes.length;
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const back = new Uint8Array(graph.edges.length);
  const post: number[] = [];
  const nodeStack: number[] = [];
  const edgeStack: number[] = [];
  const visit = (start: number): void => {
    if (state[start] !== 0) return;
    state[start] = 1;
    nodeStack.push(start);
    edgeStack.push(0);
    while (nodeStack.length > 0) {
      const top = nodeStack.length - 1;
      const v = nodeStack[top]!;
      const outs = graph.out[v]!;
      let i = edgeStack[top]!;
      let pushed = false;
      while (i < outs.length) {
        const edge = outs[i++]!;
        if (edge.kind === "rework") continue;
        const w = edge.to;
        if (state[w] === 1) back[edge.id] = 1;
        else if (state[w] === 0) {
          edgeStack[top] = i;
          state[w] = 1;
          nodeStack.push(w);
          edgeStack.push(0);
          pushed = true;
          break;
        }
      }
      if (pushed) continue;
      state[v] = 2;
      post.push(v);
      nodeStack.pop();
      edgeStack.pop();
    }
  };
  for (const entry of graph.entries) visit(entry);
  for (const root of graph.roots) visit(root);
  for (let v = 0; v < n; v++) visit(v);
  const topo = new Int32Array(n);
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = post[n - 1 - i]!;
    topo[i] = v;
    position[v] = i;
  }
  return { topo, position, back };
}

/**
 * Strongly connected components over the edges of the given kinds with two or more nodes, or one node with an
 * edge to itself (Tarjan's algorithm, iterative). Each component sorted; components sorted by their first node.
 *
 * @internal
 */
export function cyclicComponents(graph: CompiledGraph, kinds: ReadonlySet<EdgeKind>): number[][] {
  const n = graph.nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callNodes: number[] = [];
  const callEdges: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    callNodes.push(s);
    callEdges.push(0);
    while (callNodes.length > 0) {
      const top = callNodes.length - 1;
      const v = callNodes[top]!;
      const outs = graph.out[v]!;
      let i = callEdges[top]!;
      let descended = false;
      while (i < outs.length) {
        const edge = outs[i++]!;
        if (!kinds.has(edge.kind)) continue;
        const w = edge.to;
        if (index[w] === -1) {
          callEdges[top] = i;
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNodes.push(w);
          callEdges.push(0);
          descended = true;
          break;
        }
        if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
      }
      if (descended) continue;
      callNodes.pop();
      callEdges.pop();
      if (callNodes.length > 0) {
        const parent = callNodes[callNodes.length - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        const selfLoop = component.length === 1 && outs.some((edge) => edge.to === v && kinds.has(edge.kind));
        if (component.length > 1 || selfLoop) components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components.sort((a, b) => a[0]! - b[0]!);
}
