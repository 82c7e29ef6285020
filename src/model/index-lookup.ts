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
 * Builds id lookups over a catalog in one linear pass (steps are indexed per service on first use).
 *
 * @param catalog - a parsed catalog
 * @returns lookups by id
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
  };
}
