/**
 * Counts: agencies touched, steps and minutes per lane, steps per channel, and hand-off totals.
 *
 * @internal
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import { LANES, type Lane } from "../model/vocabulary.js";
import type { CompiledGraph } from "./build.js";
import type { ChannelCount, GraphCounts, HandOffs, LaneCount } from "./types.js";
import { known } from "../internal/invariant.js";

/** The counts of a graph. @internal */
export function countGraph(graph: CompiledGraph, index: CatalogIndex, reachable: Uint8Array, handOffs: HandOffs): GraphCounts {
  const agencies = new Set<string>(graph.services.map((service) => service.agency));
  const laneSteps = new Map<Lane, { steps: number; minutes: number }>(LANES.map((lane) => [lane, { steps: 0, minutes: 0 }]));
  const channelSteps = new Map<string, number>();
  let reachableSteps = 0;
  graph.nodes.forEach((node, v) => {
    const lane = known(laneSteps, node.step.lane);
    lane.steps += 1;
    lane.minutes += node.minutes;
    const channel = node.step.channel;
    if (channel !== undefined) channelSteps.set(channel, (channelSteps.get(channel) ?? 0) + 1);
    if (reachable[v] === 0) return;
    reachableSteps += 1;
    const channelAgency = channel === undefined ? undefined : index.channels.get(channel)?.agency;
    if (channelAgency !== undefined) agencies.add(channelAgency);
    const roleAgency = node.step.role === undefined ? undefined : index.roles.get(node.step.role)?.agency;
    if (roleAgency !== undefined) agencies.add(roleAgency);
  });
  const lanes: LaneCount[] = LANES.map((lane) => Object.freeze({ lane, ...known(laneSteps, lane) }));
  const channels: ChannelCount[] = [...channelSteps.keys()].sort().map((channel) => {
    const kind = index.channels.get(channel)?.kind;
    return Object.freeze(kind === undefined ? { channel, steps: known(channelSteps, channel) } : { channel, kind, steps: known(channelSteps, channel) });
  });
  return Object.freeze({
    steps: graph.nodes.length,
    reachableSteps,
    agencies: Object.freeze([...agencies].sort()),
    lanes: Object.freeze(lanes),
    channels: Object.freeze(channels),
    laneChanges: handOffs.lanes.length,
    visibilityCrossings: handOffs.lanes.filter((change) => change.crossesVisibility).length,
    channelSwitches: handOffs.channels.length,
    agencyHandOffs: handOffs.agencies.length,
  });
}
