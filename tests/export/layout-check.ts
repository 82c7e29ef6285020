import type { FlowchartContent } from "../helpers/mermaid-parse.js";

/** What {@link checkPinnedLayout} found. */
export interface PinnedLayout {
  /** The rank every node is pinned to. */
  readonly rank: ReadonlyMap<string, number>;
  /** The end node's rank. */
  readonly endRank: number;
}

/**
 * Checks, on what Mermaid's parser read (link lengths capped at 10 as Mermaid caps them), that a blueprint's
 * layout is pinned: the links form a DAG (dagre will not reverse any), every invisible link and every
 * blueprint line is tight (exactly as long as the ranks it spans), every node but the start and end sits on such
 * a chain, and every lane and line runs from rank 1 to the last rank. Under those conditions dagre's cheapest
 * ranking is the intended one, so the bands are full width and the moments line up.
 *
 * @throws Error describing the first violation
 */
export function checkPinnedLayout(content: FlowchartContent): PinnedLayout {
  const out = new Map<string, { to: string; length: number; pin: boolean }[]>();
  const indegree = new Map<string, number>();
  for (const id of content.nodes.keys()) {
    out.set(id, []);
    indegree.set(id, 0);
  }
  const isPin = (e: { stroke: string; from: string }): boolean => e.stroke === "invisible" || e.from.startsWith("h_line") || e.from.startsWith("h_pad");
  for (const e of content.edges) {
    // dagre sets self-loops aside before ranking and draws them beside their node.
    if (e.from === e.to) continue;
    out.get(e.from)!.push({ to: e.to, length: e.length, pin: isPin(e) && (e.stroke === "invisible" || e.label === "") });
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  // Longest path from the start over all links (Kahn): also proves the graph is acyclic.
  const rank = new Map<string, number>();
  const queue = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  for (const id of queue) rank.set(id, 0);
  let seen = 0;
  while (queue.length > 0) {
    const v = queue.shift()!;
    seen++;
    for (const e of out.get(v)!) {
      rank.set(e.to, Math.max(rank.get(e.to) ?? 0, rank.get(v)! + e.length));
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) queue.push(e.to);
    }
  }
  if (seen !== content.nodes.size) throw new Error(`the links have a cycle (${content.nodes.size - seen} nodes on or after one)`);
  const pinnedIn = new Set<string>();
  const pinnedOut = new Set<string>();
  for (const [from, list] of out) {
    for (const e of list) {
      if (!e.pin) continue;
      const gap = rank.get(e.to)! - rank.get(from)!;
      if (gap !== e.length) throw new Error(`pin ${from} -> ${e.to} is loose: spans ${gap} ranks, length ${e.length}`);
      if (e.length > 10) throw new Error(`pin ${from} -> ${e.to} is longer than Mermaid's cap of 10`);
      pinnedOut.add(from);
      pinnedIn.add(e.to);
    }
  }
  const endRank = rank.get("h_end0");
  if (endRank === undefined) throw new Error("no end node");
  for (const id of content.nodes.keys()) {
    if (id === "h_start0" || id === "h_end0") continue;
    if (!pinnedIn.has(id) || !pinnedOut.has(id)) throw new Error(`node ${id} is not on a pinned chain`);
  }
  for (const [id, r] of rank) {
    if ((id.startsWith("h_head") || id.startsWith("h_line")) && !id.startsWith("h_linetail") && r !== 1) throw new Error(`${id} is at rank ${r}, not 1`);
    if ((id.startsWith("h_tail") || id.startsWith("h_linetail")) && r !== endRank - 1) throw new Error(`${id} is at rank ${r}, not ${endRank - 1}`);
  }
  return { rank, endRank };
}
