/**
 * Reach, visits and people read from the flow model, for the burden arithmetic and the rules (which must not load
 * the burden report and, through it, the presets that list them).
 *
 * @internal
 */
import { experienceEntryServices } from "../../graph/build.js";
import { type CatalogIndex, derivedKind } from "../../model/index-lookup.js";
import type { LifeExperience } from "../../model/schema.js";
import { analysisAccess } from "../analysis.js";

/**
 * The share of each step's customers, by service, read from the graph analysis. @internal
 */
export function reachOf(index: CatalogIndex, serviceId: string): ReadonlyMap<string, number> {
  return reachMapsOf(index, serviceId).reach;
}

/** Expected visits per customer of each step (reach plus rework repeats), by service. @internal */
export function visitsOf(index: CatalogIndex, serviceId: string): ReadonlyMap<string, number> {
  return reachMapsOf(index, serviceId).visits;
}

/** Reach and visits by step id, per service, kept by the catalog index: the findings' burden and the burden report share them. */
const REACH_MAPS = derivedKind<ReachMaps>("reach and visits by step");

function reachMapsOf(index: CatalogIndex, serviceId: string): ReachMaps {
  return index.derived(REACH_MAPS, serviceId, () => {
    const maps: ReachMaps = { reach: new Map<string, number>(), visits: new Map<string, number>() };
    for (const entry of analysisAccess(index).service(serviceId).reach) {
      maps.reach.set(entry.step, entry.share);
      maps.visits.set(entry.step, entry.visits ?? entry.share);
    }
    return maps;
  });
}

interface ReachMaps {
  readonly reach: Map<string, number>;
  readonly visits: Map<string, number>;
}

/**
 * The people a year who enter a life experience: the annual volumes of its entry services (those no link from
 * another of its services leads into), each person counted once however many services they go on to.
 *
 * @internal
 */
export function experiencePeople(index: CatalogIndex, experience: LifeExperience): number {
  let people = 0;
  for (const service of experienceEntryServices(index, experience)) people += service.occasion.annualVolume ?? 0;
  return people;
}


/**
 * The people a year a catalog serves, each counted once: the people entering its life experiences (their entry
 * services' volumes) and the customers of services outside any life experience. A service that a life-experience
 * link leads into is not counted again (its customers came from the service before it), unless it is also where
 * people enter another life experience or stands outside every one. A service listed twice counts once.
 *
 * @internal
 */
export function catalogPeople(index: CatalogIndex): number {
  const catalog = index.catalog;
  const entries = new Set<string>();
  const inExperience = new Set<string>();
  for (const experience of catalog.lifeExperiences) {
    for (const id of experience.services) inExperience.add(id);
    for (const service of experienceEntryServices(index, experience)) entries.add(service.id);
  }
  const seen = new Set<string>();
  let people = 0;
  for (const service of catalog.services) {
    if (seen.has(service.id)) continue;
    seen.add(service.id);
    if (entries.has(service.id) || !inExperience.has(service.id)) people += service.occasion.annualVolume ?? 0;
  }
  return people;
}
