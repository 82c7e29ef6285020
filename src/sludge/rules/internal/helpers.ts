/**
 * Small helpers the built-in rules share: channel groups of steps and services, lane options, and the wording of
 * evidence lines. Everything here is linear in what it is given.
 *
 * @internal
 */
import * as z from "zod";
import type { CatalogIndex } from "../../../model/index-lookup.js";
import type { Service, Step } from "../../../model/schema.js";
import { type ChannelGroup, type ChannelKind, LANES, type Lane, STEP_ACTIVITIES, channelGroup } from "../../../model/vocabulary.js";
export { plural } from "../../../internal/words.js";

/** Lanes whose steps the customer takes part in or sees: where most sludge lives. @internal */
export const CUSTOMER_FACING_LANES: readonly Lane[] = ["customer", "frontstage"];

/**
 * A `lanes` option: which blueprint lanes a rule looks at, with its default.
 *
 * @internal
 */
export function lanesOption(defaults: readonly Lane[]) {
  return z
    .array(z.enum(LANES))
    .default([...defaults])
    .describe("Blueprint lanes whose steps the rule checks");
}

/** An option listing step activities (for exemptions or selections). @internal */
export function activitiesOption(defaults: readonly (typeof STEP_ACTIVITIES)[number][], description: string) {
  return z.array(z.enum(STEP_ACTIVITIES)).default([...defaults]).describe(description);
}

/** A non-negative number option with a default. @internal */
export function amountOption(defaultValue: number, description: string) {
  return z.number().finite().min(0).default(defaultValue).describe(description);
}

/** The kind of a step's channel, if it names a known channel. @internal */
export function stepChannelKind(index: CatalogIndex, step: Step): ChannelKind | undefined {
  if (step.channel === undefined) return undefined;
  return index.channels.get(step.channel)?.kind;
}

/** The group (digital, phone, in person, paper, other) of a step's channel, if known. @internal */
export function stepChannelGroup(index: CatalogIndex, step: Step): ChannelGroup | undefined {
  const kind = stepChannelKind(index, step);
  return kind === undefined ? undefined : channelGroup(kind);
}

/** Every channel a service offers: its own list plus those its steps use, in first-seen order. @internal */
export function serviceChannelIds(service: Service): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  const add = (id: string | undefined): void => {
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    ids.push(id);
  };
  for (const id of service.channels) add(id);
  for (const step of service.steps) add(step.channel);
  return ids;
}

/** The channel groups a service offers (see {@link serviceChannelIds}). @internal */
export function serviceChannelGroups(index: CatalogIndex, service: Service): Set<ChannelGroup> {
  const groups = new Set<ChannelGroup>();
  for (const id of serviceChannelIds(service)) {
    const channel = index.channels.get(id);
    if (channel) groups.add(channelGroup(channel.kind));
  }
  return groups;
}

/** `'id' (kind)` for a channel id, as evidence. @internal */
export function describeChannel(index: CatalogIndex, channelId: string): string {
  const channel = index.channels.get(channelId);
  return channel ? `'${channelId}' (${channel.kind})` : `'${channelId}'`;
}

/** An agency's acronym when it has one, else its id. @internal */
export function agencyLabel(index: CatalogIndex, agencyId: string): string {
  return index.agencies.get(agencyId)?.acronym ?? agencyId;
}

/** Joins ids for a message, naming at most `max` and counting the rest. @internal */
export function listIds(ids: readonly string[], max = 5): string {
  const shown = ids.slice(0, max).map((id) => `'${id}'`);
  const rest = ids.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}


/** A number as people read it: integers plainly, others to two decimals at most. @internal */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/**
 * A share as a percentage, to two decimals: `15.79%`; a share above 0 that would round to 0 reads `under 0.01%`, and
 * one below 1 that would round to 100 reads `over 99.99%`, so a message never says "0% of" the people it counts.
 * @internal
 */
export function formatPercent(share: number): string {
  const percent = share * 100;
  // Shares summed from branches carry floating-point noise (0.6 + 0.3 + 0.1 = 0.9999999999999999): that is 100%.
  if (percent > 1e-7 && percent < 0.005) return "under 0.01%";
  if (percent < 100 - 1e-7 && percent >= 99.995) return "over 99.99%";
  return `${formatNumber(percent)}%`;
}

/** US dollars, as `$12` or `$12.50`. @internal */
export function formatDollars(value: number): string {
  return Number.isInteger(value) ? `$${value}` : `$${value.toFixed(2)}`;
}

/** The minutes of customer time a step costs on its own: effort, hold and travel. @internal */
export function stepCustomerMinutes(step: Step): number {
  return step.customerMinutes + step.holdMinutes + step.travelMinutes;
}
