/**
 * Where each step of a blueprint goes left to right. A step's moment is its `attachedTo` anchor (followed to the
 * root) or the step itself; all steps of one moment share a column, whatever their lane. Columns follow the flow:
 * a moment sits one column right of the latest moment that flows into it (longest path), rework and other
 * cycle-closing flows excepted. When two steps of one moment also flow into each other, the later one is drawn one
 * rank further right, so that every drawn flow points forward (Mermaid's layout cannot draw an edge inside a rank).
 *
 * Everything here is iterative and linear in steps plus flows.
 */

/** A flow between two steps, by local index. */
export interface MomentEdge {
  readonly from: number;
  readonly to: number;
  /**
   * Rework flows do not shape the columns: they are drawn backwards (or forwards) between steps placed by the
   * other flows.
   */
  readonly rework: boolean;
}

/** Input of {@link placeMoments}. */
export interface MomentInput {
  /** Number of steps; steps are `0..count-1`. */
  readonly count: number;
  readonly edges: readonly MomentEdge[];
  /** For each step, the step it is attached to (same moment), or -1. */
  readonly attachedTo: readonly number[];
  /** Entry steps, in order. */
  readonly entries: readonly number[];
}

/** Result of {@link placeMoments}. */
export interface MomentPlacement {
  /** For each step, its rank (0-based) left to right. */
  readonly rank: Int32Array;
  /** For each step, its moment column (0-based); several ranks can make one column. */
  readonly column: Int32Array;
  /** The first rank of each column, plus one past the end (length: columns + 1). */
  readonly columnStart: Int32Array;
  /** Number of ranks. */
  readonly ranks: number;
  /** For each edge, whether it points backwards (rework or another cycle-closing flow). */
  readonly back: Uint8Array;
}

/** Compressed adjacency (CSR) of the kept edges, in insertion order. */
function adjacency(count: number, edges: readonly MomentEdge[], source: (e: number) => number, keep: (e: number) => boolean): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  let kept = 0;
  for (let e = 0; e < edges.length; e++) {
    if (!keep(e)) continue;
    start[source(e) + 1]! += 1;
    kept++;
  }
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, count);
  const list = new Int32Array(kept);
  for (let e = 0; e < edges.length; e++) {
    if (!keep(e)) continue;
    const s = source(e);
    list[fill[s]!] = e;
    fill[s]! += 1;
  }
  return { start, list };
}

/**
 * Marks the edges that close cycles: an iterative depth-first search from the given roots (then every other node
 * in index order), where an edge into a node still on the stack points backwards.
 */
function markBackEdges(
  count: number,
  adj: { start: Int32Array; list: Int32Array },
  target: (e: number) => number,
  roots: readonly number[],
  back: Uint8Array,
): void {
  const state = new Uint8Array(count); // 0 new, 1 on the stack, 2 done
  const cursor = new Int32Array(count);
  const stack = new Int32Array(count);
  const visit = (root: number): void => {
    if (state[root] !== 0) return;
    let top = 0;
    stack[top++] = root;
    state[root] = 1;
    cursor[root] = adj.start[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (cursor[v]! < adj.start[v + 1]!) {
        const e = adj.list[cursor[v]!]!;
        cursor[v]! += 1;
        const w = target(e);
        if (state[w] === 1) back[e] = 1;
        else if (state[w] === 0) {
          state[w] = 1;
          cursor[w] = adj.start[w]!;
          stack[top++] = w;
        }
      } else {
        state[v] = 2;
        top--;
      }
    }
  };
  for (const root of roots) visit(root);
  for (let v = 0; v < count; v++) visit(v);
}

/**
 * Longest-path layering over the forward edges (Kahn's algorithm). Returns the layer of each node, or -1 for
 * nodes without any forward edge (placed by the caller).
 */
function longestPath(
  count: number,
  edges: readonly MomentEdge[],
  source: (e: number) => number,
  target: (e: number) => number,
  forward: (e: number) => boolean,
): Int32Array {
  const indegree = new Int32Array(count);
  const touched = new Uint8Array(count);
  const out = adjacency(count, edges, source, forward);
  for (let e = 0; e < edges.length; e++) {
    if (!forward(e)) continue;
    indegree[target(e)]! += 1;
    touched[target(e)] = 1;
    touched[source(e)] = 1;
  }
  const layer = new Int32Array(count).fill(-1);
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < count; v++) {
    if (touched[v] && indegree[v] === 0) {
      queue[tail++] = v;
      layer[v] = 0;
    }
  }
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = out.start[v]!; k < out.start[v + 1]!; k++) {
      const w = target(out.list[k]!);
      if (layer[v]! + 1 > layer[w]!) layer[w] = layer[v]! + 1;
      indegree[w]! -= 1;
      if (indegree[w] === 0) queue[tail++] = w;
    }
  }
  return layer;
}

/**
 * Places the steps of one blueprint: moment columns, and ranks within them.
 *
 * @param input - steps (by local index), flows, attachments and entries
 * @returns ranks, columns and which flows point backwards
 */
export function placeMoments(input: MomentInput): MomentPlacement {
  const { count, edges } = input;
  // 1. Moment roots: follow attachedTo to the end, iteratively, stopping at cycles.
  const root = new Int32Array(count).fill(-1);
  const path: number[] = [];
  const onPath = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    if (root[i] !== -1) continue;
    let v = i;
    while (root[v] === -1 && !onPath[v]) {
      onPath[v] = 1;
      path.push(v);
      const next = input.attachedTo[v] ?? -1;
      if (next < 0 || next >= count) break;
      v = next;
    }
    const r = root[v] !== -1 ? root[v]! : v;
    for (const p of path) {
      root[p] = r;
      onPath[p] = 0;
    }
    path.length = 0;
  }

  // 2. Moments: back edges and longest-path columns over the moment graph.
  const back = new Uint8Array(edges.length);
  const gFrom = (e: number): number => root[edges[e]!.from]!;
  const gTo = (e: number): number => root[edges[e]!.to]!;
  const main = (e: number): boolean => !edges[e]!.rework;
  const between = (e: number): boolean => main(e) && gFrom(e) !== gTo(e);
  const entryRoots = input.entries.map((s) => root[s]!);
  markBackEdges(count, adjacency(count, edges, gFrom, between), gTo, entryRoots, back);
  const forwardBetween = (e: number): boolean => between(e) && back[e] === 0;
  const column = longestPath(count, edges, gFrom, gTo, forwardBetween);

  // Sources that are not entries move right, next to the first moment they feed (a support process that feeds a
  // late step belongs beside it, not at the start).
  const isEntry = new Uint8Array(count);
  for (const r of entryRoots) isEntry[r] = 1;
  const hasIn = new Uint8Array(count);
  const minNext = new Int32Array(count).fill(0x7fffffff);
  for (let e = 0; e < edges.length; e++) {
    if (!forwardBetween(e)) continue;
    hasIn[gTo(e)] = 1;
  }
  for (let e = 0; e < edges.length; e++) {
    if (!forwardBetween(e)) continue;
    const g = gFrom(e);
    if (!hasIn[g] && !isEntry[g]) minNext[g] = Math.min(minNext[g]!, column[gTo(e)]! - 1);
  }
  for (let g = 0; g < count; g++) {
    if (root[g] === g && column[g]! >= 0 && !hasIn[g] && !isEntry[g] && minNext[g] !== 0x7fffffff) column[g] = minNext[g]!;
  }
  // Moments without flows take the column of the step listed before them (the author's order).
  let last = 0;
  for (let i = 0; i < count; i++) {
    const g = root[i]!;
    if (column[g] === -1) column[g] = last;
    last = column[g]!;
  }

  // 3. Within a moment: depth along flows between its own steps.
  const within = (e: number): boolean => main(e) && gFrom(e) === gTo(e);
  const from = (e: number): number => edges[e]!.from;
  const to = (e: number): number => edges[e]!.to;
  markBackEdges(count, adjacency(count, edges, from, within), to, input.entries, back);
  const depth = longestPath(count, edges, from, to, (e) => within(e) && back[e] === 0);

  // 4. Ranks: each column is as wide as its deepest moment.
  let columns = 0;
  const stepColumn = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    stepColumn[i] = column[root[i]!]!;
    if (stepColumn[i]! + 1 > columns) columns = stepColumn[i]! + 1;
  }
  const width = new Int32Array(columns).fill(1);
  for (let i = 0; i < count; i++) {
    const d = Math.max(0, depth[i]!);
    if (d + 1 > width[stepColumn[i]!]!) width[stepColumn[i]!] = d + 1;
  }
  const columnStart = new Int32Array(columns + 1);
  for (let c = 0; c < columns; c++) columnStart[c + 1] = columnStart[c]! + width[c]!;
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) rank[i] = columnStart[stepColumn[i]!]! + Math.max(0, depth[i]!);
  // Flows that did not shape the ranks (rework, cycle-closing) point back unless they happen to point forward.
  for (let e = 0; e < edges.length; e++) {
    if (edges[e]!.rework || back[e] === 1) back[e] = rank[edges[e]!.to]! <= rank[edges[e]!.from]! ? 1 : 0;
  }
  return { rank, column: stepColumn, columnStart, ranks: columnStart[columns]!, back };
}
