/**
 * What a builder needs to turn a plan (raw random choices) into a valid entity: the ids it may refer to, the
 * sludge odds, and the per-catalog memory of what was already asked of the customer.
 *
 * Plans hold picks as natural numbers; a builder resolves a pick against a pool with `pool[pick % pool.length]`, so
 * any plan, however fast-check shrinks it, builds an entity whose references resolve.
 */
import type { ChannelKind, ToolKind } from "../../model/vocabulary.js";
import { channelGroup } from "../../model/vocabulary.js";
import type { ReferencePool, TextStyle } from "../constraints.js";
import type { SludgeOdds } from "./sludge.js";

/** A step as far as references to it go. */
export interface StepHandle {
  readonly id: string;
}

/** A service as far as references to it go. */
export interface ServiceHandle {
  readonly id: string;
  readonly steps: readonly StepHandle[];
}

/** A life experience as far as references to it go. */
export interface ExperienceHandle {
  readonly id: string;
  readonly links: readonly { readonly id: string }[];
}

/** Ids to refer to, with the facts builders branch on. */
export interface Pools {
  readonly sources: readonly string[];
  readonly agencies: readonly string[];
  readonly channels: readonly { readonly id: string; readonly kind: ChannelKind }[];
  readonly roles: readonly string[];
  readonly tools: readonly { readonly id: string; readonly kind: ToolKind }[];
  readonly dataElements: readonly { readonly id: string; readonly heldBy: readonly string[] }[];
  readonly documentTypes: readonly { readonly id: string; readonly heldBy: readonly string[] }[];
  readonly services: readonly ServiceHandle[];
  readonly lifeExperiences: readonly ExperienceHandle[];
}

/** Mutable memory of one catalog build: what was asked already, so clean catalogs ask each thing once. */
export interface AskedMemory {
  readonly data: Set<string>;
  readonly documents: Set<string>;
}

/** Everything a builder reads. */
export interface BuildContext {
  readonly pools: Pools;
  readonly odds: SludgeOdds;
  readonly asked: AskedMemory;
}

/** Pools from a user's {@link ReferencePool}. */
export function poolsFrom(within: ReferencePool | undefined): Pools {
  return {
    sources: (within?.sources ?? []).map((s) => s.id),
    agencies: (within?.agencies ?? []).map((a) => a.id),
    channels: (within?.channels ?? []).map((c) => ({ id: c.id, kind: c.kind })),
    roles: (within?.roles ?? []).map((r) => r.id),
    tools: (within?.tools ?? []).map((t) => ({ id: t.id, kind: t.kind })),
    dataElements: (within?.dataElements ?? []).map((d) => ({ id: d.id, heldBy: d.heldBy ?? [] })),
    documentTypes: (within?.documentTypes ?? []).map((d) => ({ id: d.id, heldBy: d.heldBy ?? [] })),
    services: (within?.services ?? []).map((s) => ({ id: s.id, steps: s.steps.map((step) => ({ id: step.id })) })),
    lifeExperiences: (within?.lifeExperiences ?? []).map((x) => ({ id: x.id, links: (x.links ?? []).map((l) => ({ id: l.id })) })),
  };
}

/** A fresh build context. */
export function contextFor(pools: Pools, odds: SludgeOdds): BuildContext {
  return { pools, odds, asked: { data: new Set(), documents: new Set() } };
}

/** The item a pick selects, or `undefined` from an empty pool. */
export function pick<T>(pool: readonly T[], choice: number): T | undefined {
  return pool.length === 0 ? undefined : pool[choice % pool.length];
}

/** Distinct items selected by several picks, in the order first picked. */
export function pickDistinct<T>(pool: readonly T[], choices: readonly number[]): T[] {
  if (pool.length === 0) return [];
  const seen = new Set<number>();
  const out: T[] = [];
  for (const choice of choices) {
    const index = choice % pool.length;
    if (seen.has(index)) continue;
    seen.add(index);
    out.push(pool[index]!);
  }
  return out;
}

/** Channels of the given groups. */
export function channelsOf(pools: Pools, groups: readonly ReturnType<typeof channelGroup>[]): Pools["channels"] {
  return pools.channels.filter((c) => groups.includes(channelGroup(c.kind)));
}

/** The default text style. */
export function textStyle(style: TextStyle | undefined): TextStyle {
  return style ?? "mixed";
}
