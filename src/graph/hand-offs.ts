/**
 * Hand-offs: between agencies (links of a life experience), between channels and between lanes.
 *
 * @internal
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import { LANES, type Lane, type LinkKind, channelGroup } from "../model/vocabulary.js";
import type { CompiledGraph } from "./build.js";
import { type ForwardOrder, PATH_KINDS, isForward } from "./order.js";
import type { AgencyHandOff, ChannelSwitch, HandOffCarrier, HandOffs, LaneChange } from "./types.js";

const CARRIERS: Readonly<Record<LinkKind, HandOffCarrier>> = {
  "data-share": "agencies",
  trigger: "agencies",
  notification: "agencies",
  "customer-carries": "customer",
  referral: "referral",
};

const VISIBILITY_LINE = LANES.indexOf("backstage");

/** Whether two lanes lie on either side of the line of visibility. @internal */
export function crossesVisibility(a: Lane, b: Lane): boolean {
  return LANES.indexOf(a) < VISIBILITY_LINE !== LANES.indexOf(b) < VISIBILITY_LINE;
}

/**
 * Channel switches: from a step in one channel to the next step in another channel that the customer meets
 * along sequence and branch flows and links, passing over steps without a channel (backstage work between them);
 * a rework flow switches too when it sends the customer back to a step in another channel. One pass in
 * topological order carries, for each step, the channelled steps last met before it (shared between steps until
 * two streams merge). Sorted by `from` step, then `to` step; each pair once.
 *
 * @internal
 */
export function findChannelSwitches(graph: CompiledGraph, index: CatalogIndex, order: ForwardOrder): ChannelSwitch[] {
  const n = graph.nodes.length;
  const channelOf = (v: number): string | undefined => graph.nodes[v]!.step.channel;
  const carried: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(n);
  // The steps each step switches to, by source, so that the result comes out sorted without a global sort.
  const targets: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  const meet = (from: readonly number[] | undefined, v: number): void => {
    const channel = channelOf(v);
    if (from === undefined || channel === undefined) return;
    for (const u of from) {
      if (channelOf(u) === channel) continue;
      const list = targets[u];
      if (list === undefined) targets[u] = [v];
      else list.push(v);
    }
  };
  for (const v of order.topo) {
    let incoming: readonly number[] | undefined;
    for (const edge of graph.in[v]!) {
      if (!PATH_KINDS.has(edge.kind) || !isForward(order, edge)) continue;
      const from = carried[edge.from];
      if (from === undefined || from === incoming) continue;
      if (incoming === undefined) incoming = from;
      else incoming = [...new Set([...incoming, ...from])].sort((a, b) => a - b);
    }
    meet(incoming, v);
    carried[v] = channelOf(v) !== undefined ? [v] : incoming;
  }
  for (const edge of graph.edges) if (edge.kind === "rework") meet(carried[edge.from], edge.to);
  const switches: ChannelSwitch[] = [];
  for (let u = 0; u < n; u++) {
    const list = targets[u];
    if (list === undefined) continue;
    if (list.length > 1) list.sort((a, b) => a - b);
    const from = graph.nodes[u]!;
    const a = from.step.channel!;
    const ka = index.channels.get(a)?.kind;
    let last = -1;
    for (const v of list) {
      if (v === last) continue;
      last = v;
      const to = graph.nodes[v]!;
      const b = to.step.channel!;
      const kb = index.channels.get(b)?.kind;
      const groupChange = ka !== undefined && kb !== undefined && channelGroup(ka) !== channelGroup(kb);
      switches.push(Object.freeze({ from: from.ref, to: to.ref, fromChannel: a, toChannel: b, groupChange }));
    }
  }
  return switches;
}

/**
 * The hand-offs of a graph: links between agencies (sorted by link id), channel switches (see
 * {@link findChannelSwitches}), and lane changes along flows and attachments (links join services, not lanes),
 * each pair of steps once.
 *
 * @internal
 */
export function findHandOffs(graph: CompiledGraph, index: CatalogIndex, order: ForwardOrder): HandOffs {
  const agencies: AgencyHandOff[] = [];
  const channels = findChannelSwitches(graph, index, order);
  const lanes: LaneChange[] = [];
  // Edges are sorted by source then target, so the edges of one pair of steps are adjacent.
  let lastFrom = -1;
  let lastTo = -1;
  let laneListed = false;
  for (const edge of graph.edges) {
    const from = graph.nodes[edge.from]!;
    const to = graph.nodes[edge.to]!;
    if (edge.from !== lastFrom || edge.to !== lastTo) {
      lastFrom = edge.from;
      lastTo = edge.to;
      laneListed = false;
    }
    if (edge.kind === "link" && edge.link !== undefined && from.agency !== to.agency) {
      const link = edge.link;
      agencies.push(
        Object.freeze({
          link: link.id,
          kind: link.kind,
          carriedBy: CARRIERS[link.kind],
          from: from.ref,
          to: to.ref,
          fromAgency: from.agency,
          toAgency: to.agency,
          data: Object.freeze([...link.data].sort()),
          documents: Object.freeze([...link.documents].sort()),
          waitDays: link.waitDays,
        }),
      );
    }
    if (edge.kind !== "link" && !laneListed && from.step.lane !== to.step.lane) {
      laneListed = true;
      lanes.push(
        Object.freeze({
          from: from.ref,
          to: to.ref,
          fromLane: from.step.lane,
          toLane: to.step.lane,
          crossesVisibility: crossesVisibility(from.step.lane, to.step.lane),
        }),
      );
    }
  }
  agencies.sort((a, b) => (a.link < b.link ? -1 : a.link > b.link ? 1 : 0));
  return Object.freeze({ agencies: Object.freeze(agencies), channels: Object.freeze(channels), lanes: Object.freeze(lanes) });
}
