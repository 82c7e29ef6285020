/**
 * The compiled graph of a life experience, with the shares its links carry: stated, or implied by the volumes of the
 * services they join when unstated.
 *
 * @internal
 */
import { type CatalogIndex, derivedFor, derivedKind } from "../model/index-lookup.js";
import type { LifeExperience, Link } from "../model/schema.js";
import { type CompiledGraph, compileGraph, entryStepsOf, experienceEntryServices, experienceServices } from "./build.js";
import { serviceReachShares } from "./flow.js";
import { byText } from "../internal/words.js";
import { known } from "../internal/invariant.js";

/**
 * Links into one service that would carry more people a year than it serves, and the shares the figures use instead.
 *
 * @internal
 */
export interface LinkOverflow {
  /** The service the links lead into. */
  readonly service: string;
  /** Its `occasion.annualVolume`. */
  readonly volume: number;
  /** The people a year the links would carry at their stated shares (1 where unstated). */
  readonly carried: number;
  /** Every link into the service, with its stated share (if any) and the share the figures use. */
  readonly links: readonly { readonly link: Link; readonly stated: number | undefined; readonly share: number }[];
}

/**
 * Where the links of a life experience would carry more people into a service than it serves, with the shares the
 * flow model uses instead; the links of other services keep theirs (their stated share, 1 when unstated).
 *
 * A link carries (the volume of the service it leaves) × (the share of that service's customers reaching the step it
 * leaves from) × (its share, 1 when unstated). Where the links into a service with a known `annualVolume` carry
 * more than that volume, nobody can be counted there twice: the links without a share are scaled so that, with the
 * stated ones, they carry exactly the volume (each gets (volume − what the stated links carry) ÷ (what the unstated
 * ones carry at share 1)); where the stated shares alone reach it, every link is scaled by volume ÷ what they all
 * carry (an unstated link as share 1). A link from a service with no volume carries an unknown number, so the links
 * into its target are left as they are. Links within one service, or to steps the catalog does not have, are ignored.
 *
 * Example: FEMA's determination letter reaches 1,900,000 people a year and a link with no share carries them to a
 * state program of 40,000 a year; SBA's credit review reaches 240,000 and a second link carries them there too.
 * Both links get 40,000 ÷ 2,140,000 = 1.869%.
 *
 * @internal
 */
export function linkOverflows(index: CatalogIndex, experience: LifeExperience): readonly LinkOverflow[] {
  return computed(index, experience).overflows;
}

/** The overflows of an experience and the shares they imply by link id, kept by the catalog index. */
const OVERFLOWS = derivedKind<Computed>("link overflows");

/**
 * The overflows of an experience and the shares they imply by link id, computed once per index (a life experience
 * that is not the one the index has under its id, a duplicate id, is computed and not kept).
 */
function computed(index: CatalogIndex, experience: LifeExperience): Computed {
  const compute = (): Computed => {
    const overflows = computeOverflows(index, experience);
    const shares = new Map<string, number>();
    for (const overflow of overflows) for (const { link, share } of overflow.links) shares.set(link.id, share);
    return { overflows, shares };
  };
  return derivedFor(index, OVERFLOWS, index.lifeExperiences, experience, compute);
}

interface Computed {
  readonly overflows: readonly LinkOverflow[];
  readonly shares: ReadonlyMap<string, number>;
}

function computeOverflows(index: CatalogIndex, experience: LifeExperience): readonly LinkOverflow[] {
  const members = new Set(experience.services);
  const into = new Map<string, Link[]>();
  for (const link of experience.links) {
    if (link.from.service === link.to.service || !members.has(link.from.service) || !members.has(link.to.service)) continue;
    if (index.step(link.from.service, link.from.step) === undefined || index.step(link.to.service, link.to.step) === undefined) continue;
    const list = into.get(link.to.service);
    if (list === undefined) into.set(link.to.service, [link]);
    else if (!list.some((other) => other.id === link.id)) list.push(link);
  }
  const reachOf = (service: string, step: string): number => {
    const found = index.services.get(service);
    return found === undefined ? 0 : (serviceReachShares(index, found).get(step) ?? 0);
  };
  const overflows: LinkOverflow[] = [];
  for (const service of [...into.keys()].sort()) {
    // In id order, so that the sums (and the shares) do not depend on the order the catalog lists the links in.
    const links = known(into, service).sort((a, b) => byText(a.id, b.id));
    const volume = index.services.get(service)?.occasion.annualVolume;
    if (volume === undefined) continue;
    let stated = 0;
    let unstated = 0;
    let volumesKnown = true;
    for (const link of links) {
      const from = index.services.get(link.from.service)?.occasion.annualVolume;
      if (from === undefined) {
        volumesKnown = false;
        break;
      }
      const carried = from * reachOf(link.from.service, link.from.step);
      if (link.share === undefined) unstated += carried;
      else stated += carried * link.share;
    }
    const carried = stated + unstated;
    if (!volumesKnown || carried <= volume * (1 + 1e-9)) continue;
    // Stated shares are kept when the unstated links can take the rest; otherwise every link is scaled alike (an
    // unstated one as share 1), so that no link is left carrying no one.
    const keepStated = unstated > 0 && stated < volume;
    const scale = volume / carried;
    const statedScale = keepStated ? 1 : scale;
    const unstatedShare = keepStated ? (volume - stated) / unstated : scale;
    overflows.push(
      Object.freeze({
        service,
        volume,
        carried,
        links: Object.freeze(
          links.map((link) => Object.freeze({ link, stated: link.share, share: link.share === undefined ? unstatedShare : link.share * statedScale })),
        ),
      }),
    );
  }
  return Object.freeze(overflows);
}

/**
 * The shares the flow model uses for links that would otherwise carry more people than their target serves, by link
 * id (see {@link linkOverflows}).
 *
 * @internal
 */
export function impliedLinkShares(index: CatalogIndex, experience: LifeExperience): ReadonlyMap<string, number> {
  return computed(index, experience).shares;
}

/**
 * The share a link carries in the flow model: the one the volumes imply where its target could not take everyone
 * (see {@link linkOverflows}), else its own, else 1.
 *
 * @internal
 */
export function linkShare(index: CatalogIndex, experience: LifeExperience, link: Link): number {
  return impliedLinkShares(index, experience).get(link.id) ?? link.share ?? 1;
}

/**
 * The compiled graph of a life experience. Customers start at the entries of the services that no link (from
 * another service of the experience) leads into; when every service has one, at the entries of the service with
 * the smallest id. Links carry their stated share (1 when unstated), or the one the services' volumes imply where
 * the links into a service would carry more people than it serves.
 *
 * @internal
 */
export function experienceGraph(index: CatalogIndex, experience: LifeExperience): CompiledGraph {
  const services = experienceServices(index, experience);
  const entryKeys = (service: (typeof services)[number]) => entryStepsOf(service).map((step) => ({ service: service.id, step: step.id }));
  const entries = experienceEntryServices(index, experience, services).flatMap(entryKeys);
  return compileGraph(services, experience.links, entries, services.flatMap(entryKeys), impliedLinkShares(index, experience));
}
