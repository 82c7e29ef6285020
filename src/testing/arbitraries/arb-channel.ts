import * as fc from "fast-check";
import type { Channel } from "../../model/schema.js";
import { CHANNEL_KINDS, type ChannelKind } from "../../model/vocabulary.js";
import type { CommonConstraints, TextStyle } from "../constraints.js";
import { pick, poolsFrom, textStyle } from "../internal/context.js";
import { idArbitrary, nameArbitrary, textArbitrary } from "../internal/strings.js";

/**
 * Options of {@link arbChannel}.
 *
 * @example
 * ```ts
 * import { arbChannel, type ChannelConstraints } from "service-blueprint/testing";
 * const constraints: ChannelConstraints = { kinds: ["phone", "in-person"] };
 * arbChannel(constraints);
 * ```
 */
export interface ChannelConstraints extends CommonConstraints {
  /** The channel kinds to draw from (default: all of `CHANNEL_KINDS`). */
  readonly kinds?: readonly ChannelKind[] | undefined;
}

/** @internal Raw choices for one channel. */
export interface ChannelPlan {
  readonly id: string;
  readonly name: string;
  readonly kind: ChannelKind;
  readonly agency: number | undefined;
  readonly description: string | undefined;
}

const CHANNEL_NAMES = [
  "Online application",
  "Mobile app",
  "National call center",
  "Field office",
  "Paper form by mail",
  "Fax line",
  "Self-service kiosk",
  "Live chat",
  "Email inbox",
] as const;

/** @internal Checks a list of allowed kinds. */
export function allowedChannelKinds(kinds: readonly ChannelKind[] | undefined, where: string): readonly [ChannelKind, ...ChannelKind[]] {
  const list = kinds ?? CHANNEL_KINDS;
  const [first, ...rest] = list;
  if (first === undefined) throw new Error(`${where}: channel kinds must not be empty`);
  for (const kind of list) {
    if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) throw new Error(`${where}: '${String(kind)}' is not a channel kind`);
  }
  return [first, ...rest];
}

/** @internal */
export function channelPlan(text: TextStyle, kinds: readonly [ChannelKind, ...ChannelKind[]]): fc.Arbitrary<ChannelPlan> {
  return fc.record({
    id: idArbitrary(text),
    name: nameArbitrary(text, CHANNEL_NAMES),
    kind: fc.constantFrom(...kinds),
    agency: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
  });
}

/** @internal */
export function buildChannel(plan: ChannelPlan, id: string, agencies: readonly string[]): Channel {
  const channel: Channel = { id, name: plan.name, kind: plan.kind };
  const agency = plan.agency === undefined ? undefined : pick(agencies, plan.agency);
  if (agency !== undefined) channel.agency = agency;
  if (plan.description !== undefined) channel.description = plan.description;
  return channel;
}

/**
 * Generates a channel (where people access services), valid against `ChannelSchema`.
 *
 * @param constraints - how text looks, the kinds to draw from, and the agencies a channel may belong to
 *   (`within.agencies`)
 * @returns an arbitrary of channels
 * @remarks Kinds come from the federal channel list (`CHANNEL_KINDS`), so every group (digital, phone, in person,
 *   paper) appears unless `kinds` narrows it.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { channelGroup } from "service-blueprint";
 * import { arbChannel } from "service-blueprint/testing";
 * fc.assert(fc.property(arbChannel({ kinds: ["fax"] }), (channel) => channelGroup(channel.kind) === "paper"));
 * ```
 */
export function arbChannel(constraints: ChannelConstraints = {}): fc.Arbitrary<Channel> {
  const kinds = allowedChannelKinds(constraints.kinds, "arbChannel");
  const agencies = poolsFrom(constraints.within).agencies;
  return channelPlan(textStyle(constraints.text), kinds).map((plan) => buildChannel(plan, plan.id, agencies));
}
