import type {
  Agency,
  Catalog,
  Channel,
  DataElement,
  DocumentType,
  LifeExperience,
  Role,
  Service,
  Step,
  Tool,
} from "./schema.js";

/** A step together with the service it belongs to and both positions in the catalog. */
export interface IndexedStep {
  /** The service the step belongs to. */
  readonly service: Service;
  /** The step itself. */
  readonly step: Step;
  /** Position of the service in `catalog.services`. */
  readonly serviceIndex: number;
  /** Position of the step in `service.steps`. */
  readonly stepIndex: number;
}

/**
 * Lookups by id over one catalog, built once in linear time. Where an id is duplicated (an invalid catalog) the
 * first occurrence wins.
 */
export interface CatalogIndex {
  /** The catalog the index was built from. */
  readonly catalog: Catalog;
  /** Agencies by id. */
  readonly agencies: ReadonlyMap<string, Agency>;
  /** Channels by id. */
  readonly channels: ReadonlyMap<string, Channel>;
  /** Roles by id. */
  readonly roles: ReadonlyMap<string, Role>;
  /** Tools by id. */
  readonly tools: ReadonlyMap<string, Tool>;
  /** Data elements by id. */
  readonly dataElements: ReadonlyMap<string, DataElement>;
  /** Document types by id. */
  readonly documentTypes: ReadonlyMap<string, DocumentType>;
  /** Services by id. */
  readonly services: ReadonlyMap<string, Service>;
  /** Position of each service in `catalog.services`, by id. */
  readonly serviceIndexes: ReadonlyMap<string, number>;
  /** Life experiences by id. */
  readonly lifeExperiences: ReadonlyMap<string, LifeExperience>;
  /** Position of each life experience in `catalog.lifeExperiences`, by id. */
  readonly lifeExperienceIndexes: ReadonlyMap<string, number>;
  /**
   * Finds a step of a service.
   *
   * @param serviceId - the service's id
   * @param stepId - the step's id within that service
   * @returns the step with its service and positions, or `undefined`
   */
  step(serviceId: string, stepId: string): IndexedStep | undefined;
  /**
   * The steps of a service by id.
   *
   * @param serviceId - the service's id
   * @returns the service's steps by id (empty for an unknown service)
   */
  stepsOf(serviceId: string): ReadonlyMap<string, IndexedStep>;
  /**
   * Data derived from the catalog, computed on first use and kept with the index: the one place the library keeps
   * what it derives (each service's reach, each life experience's graph and link shares, the lint's analyses), so
   * every layer and every call that holds this index shares it. The model does not import the layers above it, so
   * each of them declares what it keeps (a {@link DerivedKind}) and says how to compute it; custom rules can keep
   * their own per-catalog data on `ctx.index` the same way.
   *
   * @param kind - what is kept: one token per kind of derived data, declared once with {@link derivedKind}
   * @param key - whose it is, e.g. a service's or a life experience's id (`""` for the whole catalog)
   * @param compute - computes the value the first time this kind and key are asked for; the catalog is immutable,
   *   so it must depend on nothing else
   * @returns the value kept for this kind and key
   * @example
   * ```ts
   * import { derivedKind, indexCatalog } from "service-blueprint";
   * const MINUTES = derivedKind<number>("customer minutes of a service");
   * const index = indexCatalog(catalog);
   * const minutes = index.derived(MINUTES, "ssa-retirement", () =>
   *   index.services.get("ssa-retirement")!.steps.reduce((sum, step) => sum + step.customerMinutes, 0),
   * ); // computed once; later calls for the same frozen catalog return the kept sum
   * ```
   */
  derived<V>(kind: DerivedKind<V>, key: string, compute: () => V): V;
}

/**
 * A kind of data derived from a catalog and kept by its index (see {@link CatalogIndex.derived}): a token that
 * names what is kept and carries its type. Two tokens are two kinds, even with the same name.
 */
export interface DerivedKind<V> {
  /** What is kept, for debugging. */
  readonly name: string;
  /** Carries the value's type; never set. */
  readonly value?: V;
}

/**
 * Declares a kind of derived data kept by catalog indexes (see {@link CatalogIndex.derived}). Call it once, at
 * module level, where the value is computed.
 *
 * @param name - what is kept, for debugging
 * @returns a new token (frozen)
 * @example
 * ```ts
 * import { derivedKind } from "service-blueprint";
 * const MINUTES = derivedKind<number>("customer minutes of a service"); // then index.derived(MINUTES, serviceId, compute)
 * ```
 */
export function derivedKind<V>(name: string): DerivedKind<V> {
  return Object.freeze({ name });
}

/**
 * {@link CatalogIndex.derived} for one item of the catalog, keyed by its id: kept only when `item` is the one the
 * index holds under that id (`own`, e.g. `index.services`). An item with a duplicate id (an invalid catalog) or
 * from elsewhere is computed and not kept, so it never takes another item's place.
 *
 * @internal
 */
export function derivedFor<V, T extends { readonly id: string }>(
  index: CatalogIndex,
  kind: DerivedKind<V>,
  own: ReadonlyMap<string, T>,
  item: T,
  compute: () => V,
): V {
  return own.get(item.id) === item ? index.derived(kind, item.id, compute) : compute();
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** The position of each id in a list: its first occurrence. @internal */
export function positions<T extends { readonly id: string }>(items: readonly T[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (!map.has(item.id)) map.set(item.id, i);
  });
  return map;
}

const EMPTY: ReadonlyMap<string, IndexedStep> = new Map();

/**
 * The index of each frozen catalog (what `parseCatalog` and the edit functions return): the one place where data
 * derived from a catalog is kept, so that every layer (graph analysis, lint, burden, exporters) asking about the
 * same catalog object shares it. A catalog that is not frozen could change between calls, so it gets a fresh
 * index every time.
 */
const frozenIndexes = new WeakMap<Catalog, CatalogIndex>();

/**
 * The index of a catalog: id lookups built in one linear pass (steps are indexed per service on first use), and the
 * data the library derives from the catalog (flow models, reach, life-experience graphs), computed on first use and
 * kept with the index.
 *
 * A frozen catalog (what `parseCatalog` and the edit functions return) is indexed once: every later call with the
 * same object returns the same index, so analyses, lint, burden and exports of one catalog share what they derive.
 * An edited catalog is a new object and gets its own index. A catalog that is not frozen gets a fresh index on every
 * call, since it could have changed in between.
 *
 * @param catalog - a parsed catalog
 * @returns lookups by id (the same object for the same frozen catalog)
 * @example
 * ```ts
 * import { indexCatalog, parseCatalog } from "service-blueprint";
 * const catalog = parseCatalog(document);
 * const index = indexCatalog(catalog);
 * index.services.get("ssa-retirement")?.name;
 * index.step("ssa-retirement", "apply-online")?.step.customerMinutes;
 * ```
 */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  if (typeof catalog !== "object" || catalog === null || !Object.isFrozen(catalog) || !Object.isFrozen(catalog.services)) {
    return buildIndex(catalog);
  }
  let index = frozenIndexes.get(catalog);
  if (index === undefined) {
    index = buildIndex(catalog);
    frozenIndexes.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: Catalog): CatalogIndex {
  const services = byId(catalog.services);
  const serviceIndexes = positions(catalog.services);
  const stepMaps = new Map<string, Map<string, IndexedStep>>();
  const stepsOf = (serviceId: string): ReadonlyMap<string, IndexedStep> => {
    const cached = stepMaps.get(serviceId);
    if (cached) return cached;
    const service = services.get(serviceId);
    const serviceIndex = serviceIndexes.get(serviceId);
    if (!service || serviceIndex === undefined) return EMPTY;
    const map = new Map<string, IndexedStep>();
    service.steps.forEach((step, stepIndex) => {
      if (!map.has(step.id)) map.set(step.id, { service, step, serviceIndex, stepIndex });
    });
    stepMaps.set(serviceId, map);
    return map;
  };
  const kept = new Map<DerivedKind<unknown>, Map<string, unknown>>();
  const derived = <V>(kind: DerivedKind<V>, key: string, compute: () => V): V => {
    let byKey = kept.get(kind);
    if (byKey === undefined) kept.set(kind, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key) as V;
    const value = compute();
    byKey.set(key, value);
    return value;
  };
  return {
    catalog,
    agencies: byId(catalog.agencies),
    channels: byId(catalog.channels),
    roles: byId(catalog.roles),
    tools: byId(catalog.tools),
    dataElements: byId(catalog.dataElements),
    documentTypes: byId(catalog.documentTypes),
    services,
    serviceIndexes,
    lifeExperiences: byId(catalog.lifeExperiences),
    lifeExperienceIndexes: positions(catalog.lifeExperiences),
    step: (serviceId, stepId) => stepsOf(serviceId).get(stepId),
    stepsOf,
    derived,
  };
}
