/**
 * Pinning horizontal bands in Mermaid's flowchart layout (dagre).
 *
 * Dagre places nodes in ranks (columns, in a left-to-right chart) by minimizing the total length of all links,
 * each at least its `minlen` (Mermaid's link length). It also pulls the members of a subgraph as close together
 * as it can, with a weight larger than all links together. So a band (a subgraph that should run from the first
 * rank to the last, with each member in a given rank) is pinned by a chain of invisible links from one shared
 * start node, through the band's members in rank order, to one shared end node, each link exactly as long as the
 * rank gap: every chain then has the same least length, and the only layout with all chains at that length puts
 * every member in its rank and every band from the first rank to the last.
 *
 * Mermaid caps a link's length at 10 ranks, so a longer gap is bridged by invisible helper nodes. Members that
 * share a rank hang between the chain nodes around that rank (a lower and an upper bound). The graph is kept
 * acyclic (all these links point forwards), so dagre never reverses one of them to break a cycle.
 *
 * Every invisible pin is written {@link PIN_WEIGHT} times. Dagre orders the nodes of each rank by the barycentres
 * of their neighbours, and keeps the bands (sibling subgraphs) in the order it recorded at the ranks before; a flow
 * to a far lane pulls its band towards that lane. When two bands' pulls conflict, dagre merges them, and the
 * merged pair can land before a third band recorded before them: the recorded order then holds a cycle, and at the
 * next rank the bands in it are dropped and the layout throws `Cannot set properties of undefined (setting
 * 'order')` (dagre issues 234 and 255). Parallel links add up their weights in that ordering, so a pin written
 * twice holds its band against the pulls. Measured on generated blueprints (arbCatalog, one service of 3 to 14
 * steps, 200 catalogs per seed): written once, 14 of the 973 diagrams of seeds 7 and 42 threw; twice, 2 of the
 * 1,483 diagrams of seeds 1, 7 and 42 (parts grow about 30 px taller); three times, none of the 1,483, but parts
 * grow about 300 px taller (each copy of a long pin is a chain of dummy
 * nodes that dagre spaces 20 px apart, and the alignment changes), which costs more legibility than the rare
 * crash. Mermaid takes no edge weight from the text, so copies are the only lever.
 */
import type { FlowEdge } from "./flowchart.js";

/** Mermaid's cap on a link's length, in ranks. */
export const MAX_LINK_LENGTH = 10;

/** How many times each invisible pin is written (see the module comment). */
export const PIN_WEIGHT = 2;

/** A member of a band and its rank. */
export interface BandItem {
  readonly id: string;
  readonly rank: number;
}

/** How a band is pinned. */
export interface BandOptions {
  /** The shared start node (rank 0) and end node (rank `endRank`). */
  readonly start: string;
  readonly end: string;
  readonly endRank: number;
  /** Makes a fresh helper node id (an invisible node the caller adds to the band's subgraph). */
  readonly helper: () => string;
  /** Draw the chain between these two members as a visible line without arrows (a blueprint line). */
  readonly line?: { readonly from: string; readonly to: string; readonly style: string };
}

/** The links and helper nodes that pin a band. */
export interface PinnedBand {
  readonly edges: FlowEdge[];
  readonly helpers: string[];
}

/**
 * Pins a band's members to their ranks.
 *
 * @param items - the members, sorted by rank (ties keep their order); ranks between 1 and `endRank - 1`
 * @param options - the shared start and end, and how to make helpers
 * @returns the links (in chain order) and the helper node ids
 */
export function pinBand(items: readonly BandItem[], options: BandOptions): PinnedBand {
  const edges: FlowEdge[] = [];
  const helpers: string[] = [];
  // The chain: start, the first member of each rank, end; helpers split gaps longer than the cap.
  const chain: BandItem[] = [{ id: options.start, rank: 0 }];
  const hanging: { item: BandItem; before: number }[] = [];
  const extend = (to: BandItem): void => {
    const from = chain[chain.length - 1]!;
    const gap = to.rank - from.rank;
    const pieces = Math.ceil(gap / MAX_LINK_LENGTH);
    for (let i = 1; i < pieces; i++) {
      const id = options.helper();
      helpers.push(id);
      chain.push({ id, rank: from.rank + Math.round((gap * i) / pieces) });
    }
    chain.push(to);
  };
  for (const item of items) {
    const last = chain[chain.length - 1]!;
    if (chain.length > 1 && item.rank === last.rank) hanging.push({ item, before: chain.length - 2 });
    else extend(item);
  }
  extend({ id: options.end, rank: options.endRank });

  let visible = false;
  for (let i = 1; i < chain.length; i++) {
    const from = chain[i - 1]!;
    const to = chain[i]!;
    if (options.line !== undefined && from.id === options.line.from) visible = true;
    edges.push(
      visible && options.line !== undefined
        ? { from: from.id, to: to.id, stroke: "normal", arrow: "none", length: to.rank - from.rank, style: options.line.style }
        : { from: from.id, to: to.id, stroke: "invisible", arrow: "none", length: to.rank - from.rank, weight: PIN_WEIGHT },
    );
    if (options.line !== undefined && to.id === options.line.to) visible = false;
  }
  // A member sharing its rank with the chain node at `before + 1` hangs between that node's neighbours.
  for (const { item, before } of hanging) {
    const prev = chain[before]!;
    const next = chain[before + 2]!;
    edges.push({ from: prev.id, to: item.id, stroke: "invisible", arrow: "none", length: item.rank - prev.rank, weight: PIN_WEIGHT });
    edges.push({ from: item.id, to: next.id, stroke: "invisible", arrow: "none", length: next.rank - item.rank, weight: PIN_WEIGHT });
  }
  return { edges, helpers };
}
