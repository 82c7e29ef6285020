import type { Catalog } from "../../model/schema.js";

/** A small, fast, seedable generator (mulberry32); enough to shuffle lists reproducibly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number, keepFirst = false): T[] {
  const out = [...items];
  const from = keepFirst ? 1 : 0;
  for (let i = out.length - 1; i > from; i--) {
    const j = from + Math.floor(next() * (i - from + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Returns the same catalog with every list whose order carries no meaning shuffled: the vocabularies, services,
 * life experiences and waivers, and inside them channels, roles, tools, sources, data and documents asked, languages,
 * flows, feedback and questions, links, and steps. A service's first step stays first when no step is marked
 * `entry`, since the first step is then the entry.
 *
 * @param catalog - a catalog (not changed)
 * @param seed - any integer; the same seed gives the same order
 * @returns a new, unfrozen catalog with the same content in another order
 * @remarks Use it to check that a function ignores list order (lint findings, burden totals, exports up to order).
 *   Findings name list positions in their paths, so compare them by what they point at (ids), not by path.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { lintCatalog } from "service-blueprint";
 * import { arbCatalog, shuffleCatalog } from "service-blueprint/testing";
 * fc.assert(
 *   fc.property(arbCatalog(), fc.integer(), (catalog, seed) =>
 *     lintCatalog(catalog).findings.length === lintCatalog(shuffleCatalog(catalog, seed)).findings.length,
 *   ),
 * );
 * ```
 */
export function shuffleCatalog(catalog: Catalog, seed: number): Catalog {
  const next = random(seed);
  const copy = structuredClone(catalog) as Catalog;
  const { services, lifeExperiences } = copy;
  copy.sources = shuffled(copy.sources, next);
  copy.agencies = shuffled(copy.agencies, next);
  copy.channels = shuffled(copy.channels, next);
  copy.roles = shuffled(copy.roles, next);
  copy.tools = shuffled(copy.tools, next);
  copy.dataElements = shuffled(
    copy.dataElements.map((d) => ({ ...d, heldBy: shuffled(d.heldBy, next) })),
    next,
  );
  copy.documentTypes = shuffled(
    copy.documentTypes.map((d) => ({ ...d, heldBy: shuffled(d.heldBy, next) })),
    next,
  );
  copy.services = shuffled(
    services.map((service) => ({
      ...service,
      channels: shuffled(service.channels, next),
      roles: shuffled(service.roles, next),
      tools: shuffled(service.tools, next),
      sources: shuffled(service.sources, next),
      feedback: shuffled(
        service.feedback.map((f) => (f.survey === "v1" ? { ...f, questions: shuffled(f.questions, next) } : f)),
        next,
      ),
      steps: shuffled(
        service.steps.map((step) => ({
          ...step,
          tools: shuffled(step.tools, next),
          dataAsked: shuffled(step.dataAsked, next),
          documentsAsked: shuffled(step.documentsAsked, next),
          dataVerified: shuffled(step.dataVerified, next),
          documentsVerified: shuffled(step.documentsVerified, next),
          languages: shuffled(step.languages, next),
          sources: shuffled(step.sources, next),
          next: shuffled(step.next, next),
        })),
        next,
        !service.steps.some((step) => step.entry === true),
      ),
    })),
    next,
  );
  copy.lifeExperiences = shuffled(
    lifeExperiences.map((x) => ({
      ...x,
      services: shuffled(x.services, next),
      sources: shuffled(x.sources, next),
      links: shuffled(
        x.links.map((l) => ({ ...l, data: shuffled(l.data, next), documents: shuffled(l.documents, next) })),
        next,
      ),
    })),
    next,
  );
  copy.waivers = shuffled(copy.waivers, next);
  return copy;
}
