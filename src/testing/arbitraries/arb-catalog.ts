import * as fc from "fast-check";
import { CATALOG_FORMAT_VERSION, type Catalog } from "../../model/schema.js";
import type { ChannelKind, Lane, LinkKind } from "../../model/vocabulary.js";
import type { SludgeConstraints, SludgeLevel, TextStyle } from "../constraints.js";
import { type Pools, contextFor, textStyle } from "../internal/context.js";
import { type SludgeOdds, resolveSludge } from "../internal/sludge.js";
import { nameArbitrary, textArbitrary, uniqueIds } from "../internal/strings.js";
import { type AgencyPlan, agencyPlan, buildAgency } from "./arb-agency.js";
import { type ChannelPlan, allowedChannelKinds, buildChannel, channelPlan } from "./arb-channel.js";
import { type DataElementPlan, buildDataElement, dataElementPlan } from "./arb-data-element.js";
import { type DocumentTypePlan, buildDocumentType, documentTypePlan } from "./arb-document-type.js";
import { type ExperienceSizes, type LifeExperiencePlan, buildLifeExperience, experienceSizes, lifeExperiencePlan } from "./arb-life-experience.js";
import { type RolePlan, buildRole, rolePlan } from "./arb-role.js";
import { type ServicePlan, type ServiceSizes, buildService, servicePlan, serviceSizes } from "./arb-service.js";
import { type SourcePlan, buildSource, sourcePlan } from "./arb-source.js";
import { type ToolPlan, buildTool, toolPlan } from "./arb-tool.js";
import { type WaiverPlan, buildWaiver, waiverPlan, waiverRules } from "./arb-waiver.js";

/**
 * Options of {@link arbCatalog}: how big, which lanes, channel kinds and link kinds, how much sludge, how text
 * looks. Every bound is inclusive.
 *
 * @example
 * ```ts
 * import { arbCatalog, type CatalogConstraints } from "service-blueprint/testing";
 * const constraints: CatalogConstraints = {
 *   minServices: 2, maxServices: 5, maxStepsPerService: 20, minLifeExperiences: 1, minLinksPerExperience: 1,
 *   channelKinds: ["website", "phone", "in-person", "postal-mail"], sludge: { wetSignature: 0.3 },
 * };
 * arbCatalog(constraints);
 * ```
 */
export interface CatalogConstraints {
  /** How ids, names and free text look (default `mixed`). */
  readonly text?: TextStyle | undefined;
  /** Fewest services (default 0). */
  readonly minServices?: number | undefined;
  /** Most services (default 4). */
  readonly maxServices?: number | undefined;
  /** Fewest steps in each service (default 1, at least 1). */
  readonly minStepsPerService?: number | undefined;
  /** Most steps in each service (default 8). */
  readonly maxStepsPerService?: number | undefined;
  /** The lanes steps are drawn from (default: all of `LANES`). */
  readonly lanes?: readonly Lane[] | undefined;
  /** Fewest agencies (default 1 when there may be services, else 0). */
  readonly minAgencies?: number | undefined;
  /** Most agencies (default 4). */
  readonly maxAgencies?: number | undefined;
  /** Channel kinds to draw from (default: all of `CHANNEL_KINDS`). */
  readonly channelKinds?: readonly ChannelKind[] | undefined;
  /** Fewest channels (default 0). */
  readonly minChannels?: number | undefined;
  /** Most channels (default 6). */
  readonly maxChannels?: number | undefined;
  /** Most roles (default 4). */
  readonly maxRoles?: number | undefined;
  /** Most tools (default 4). */
  readonly maxTools?: number | undefined;
  /** Most data elements (default 6). */
  readonly maxDataElements?: number | undefined;
  /** Most document types (default 4). */
  readonly maxDocumentTypes?: number | undefined;
  /** Most sources (default 3). */
  readonly maxSources?: number | undefined;
  /** Most feedback collections per service (default 2). */
  readonly maxFeedbackPerService?: number | undefined;
  /** Fewest life experiences (default 0; more than 0 needs `minServices` of at least 1). */
  readonly minLifeExperiences?: number | undefined;
  /** Most life experiences (default 2). */
  readonly maxLifeExperiences?: number | undefined;
  /** Most services in each life experience (default 4). */
  readonly maxServicesPerExperience?: number | undefined;
  /** Fewest links in each life experience (default 0; more than 0 needs `minServices` of at least 2). */
  readonly minLinksPerExperience?: number | undefined;
  /** Most links in each life experience (default 4). */
  readonly maxLinksPerExperience?: number | undefined;
  /** Link kinds to draw from (default: every kind but `customer-carries`, which is planted as sludge). */
  readonly linkKinds?: readonly LinkKind[] | undefined;
  /** Most waivers (default 3). */
  readonly maxWaivers?: number | undefined;
  /** Rule ids waivers may name (default: `DEFAULT_WAIVER_RULES`). */
  readonly waiverRules?: readonly string[] | undefined;
  /** How much sludge to plant (default `some`); see {@link SludgeLevel} and {@link SludgeConstraints}. */
  readonly sludge?: SludgeLevel | SludgeConstraints | undefined;
}

/** Constraints checked and filled in. @internal */
export interface CatalogSettings {
  readonly text: TextStyle;
  readonly odds: SludgeOdds;
  readonly services: { readonly min: number; readonly max: number };
  readonly serviceSizes: ServiceSizes;
  readonly agencies: { readonly min: number; readonly max: number };
  readonly channelKinds: readonly [ChannelKind, ...ChannelKind[]];
  readonly channels: { readonly min: number; readonly max: number };
  readonly maxRoles: number;
  readonly maxTools: number;
  readonly maxDataElements: number;
  readonly maxDocumentTypes: number;
  readonly maxSources: number;
  readonly lifeExperiences: { readonly min: number; readonly max: number };
  readonly experienceSizes: ExperienceSizes;
  readonly maxWaivers: number;
  readonly waiverRules: readonly string[];
}

/** @internal Raw choices for a whole catalog. */
export interface CatalogPlan {
  readonly name: string;
  readonly description: string | undefined;
  readonly schema: boolean;
  readonly sources: readonly SourcePlan[];
  readonly agencies: readonly AgencyPlan[];
  readonly channels: readonly ChannelPlan[];
  readonly roles: readonly RolePlan[];
  readonly tools: readonly ToolPlan[];
  readonly dataElements: readonly DataElementPlan[];
  readonly documentTypes: readonly DocumentTypePlan[];
  readonly services: readonly ServicePlan[];
  readonly lifeExperiences: readonly LifeExperiencePlan[];
  readonly waivers: readonly WaiverPlan[];
}

function count(value: number | undefined, fallback: number, name: string, where: string, least = 0): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < least) throw new Error(`${where}: ${name} must be an integer of at least ${least}, got ${String(n)}`);
  return n;
}

function range(min: number, max: number, names: readonly [string, string], where: string): { min: number; max: number } {
  if (max < min) throw new Error(`${where}: ${names[1]} (${max}) must not be below ${names[0]} (${min})`);
  return { min, max };
}

/** @internal Checks constraints, with clear errors naming the bad option. */
export function catalogSettings(constraints: CatalogConstraints, where: string): CatalogSettings {
  const minServices = count(constraints.minServices, 0, "minServices", where);
  const maxServices = count(constraints.maxServices, Math.max(4, minServices), "maxServices", where);
  const minAgencies = count(constraints.minAgencies, maxServices > 0 ? 1 : 0, "minAgencies", where);
  if (maxServices > 0 && minAgencies < 1) throw new Error(`${where}: services need an agency, so minAgencies must be at least 1 when maxServices > 0`);
  const maxAgencies = count(constraints.maxAgencies, Math.max(4, minAgencies), "maxAgencies", where);
  const minChannels = count(constraints.minChannels, 0, "minChannels", where);
  const maxChannels = count(constraints.maxChannels, Math.max(6, minChannels), "maxChannels", where);
  const minExperiences = count(constraints.minLifeExperiences, 0, "minLifeExperiences", where);
  const maxExperiences = count(constraints.maxLifeExperiences, Math.max(2, minExperiences), "maxLifeExperiences", where);
  if (minExperiences > 0 && minServices < 1) throw new Error(`${where}: minLifeExperiences > 0 needs minServices of at least 1`);
  const minLinks = count(constraints.minLinksPerExperience, 0, "minLinksPerExperience", where);
  if (minLinks > 0 && minServices < 2) throw new Error(`${where}: minLinksPerExperience > 0 needs minServices of at least 2`);
  const experience = experienceSizes(
    {
      minLinks,
      ...(constraints.maxLinksPerExperience === undefined ? {} : { maxLinks: constraints.maxLinksPerExperience }),
      ...(constraints.maxServicesPerExperience === undefined ? {} : { maxServices: constraints.maxServicesPerExperience }),
      ...(constraints.linkKinds === undefined ? {} : { linkKinds: constraints.linkKinds }),
    },
    where,
    { minLinks: "minLinksPerExperience", maxLinks: "maxLinksPerExperience" },
  );
  return {
    text: textStyle(constraints.text),
    odds: resolveSludge(constraints.sludge, where),
    services: range(minServices, maxServices, ["minServices", "maxServices"], where),
    serviceSizes: serviceSizes(
      {
        ...(constraints.minStepsPerService === undefined ? {} : { minSteps: constraints.minStepsPerService }),
        ...(constraints.maxStepsPerService === undefined ? {} : { maxSteps: constraints.maxStepsPerService }),
        ...(constraints.maxFeedbackPerService === undefined ? {} : { maxFeedback: constraints.maxFeedbackPerService }),
        ...(constraints.lanes === undefined ? {} : { lanes: constraints.lanes }),
      },
      where,
      { min: "minStepsPerService", max: "maxStepsPerService" },
    ),
    agencies: range(minAgencies, maxAgencies, ["minAgencies", "maxAgencies"], where),
    channelKinds: allowedChannelKinds(constraints.channelKinds, where),
    channels: range(minChannels, maxChannels, ["minChannels", "maxChannels"], where),
    maxRoles: count(constraints.maxRoles, 4, "maxRoles", where),
    maxTools: count(constraints.maxTools, 4, "maxTools", where),
    maxDataElements: count(constraints.maxDataElements, 6, "maxDataElements", where),
    maxDocumentTypes: count(constraints.maxDocumentTypes, 4, "maxDocumentTypes", where),
    maxSources: count(constraints.maxSources, 3, "maxSources", where),
    lifeExperiences: range(minExperiences, maxExperiences, ["minLifeExperiences", "maxLifeExperiences"], where),
    experienceSizes: experience,
    maxWaivers: count(constraints.maxWaivers, 3, "maxWaivers", where),
    waiverRules: waiverRules(constraints.waiverRules, where),
  };
}

/** @internal */
export function catalogPlan(settings: CatalogSettings): fc.Arbitrary<CatalogPlan> {
  const { text } = settings;
  return fc.record({
    name: nameArbitrary(text, ["Retirement services", "Disaster recovery services", "Agency service inventory", "State benefits catalog"]),
    description: fc.option(textArbitrary(text), { nil: undefined, freq: 3 }),
    schema: fc.boolean(),
    sources: fc.array(sourcePlan(text), { maxLength: settings.maxSources }),
    agencies: fc.array(agencyPlan(text), { minLength: settings.agencies.min, maxLength: settings.agencies.max }),
    channels: fc.array(channelPlan(text, settings.channelKinds), { minLength: settings.channels.min, maxLength: settings.channels.max }),
    roles: fc.array(rolePlan(text), { maxLength: settings.maxRoles }),
    tools: fc.array(toolPlan(text), { maxLength: settings.maxTools }),
    dataElements: fc.array(dataElementPlan(text), { maxLength: settings.maxDataElements }),
    documentTypes: fc.array(documentTypePlan(text), { maxLength: settings.maxDocumentTypes }),
    services: fc.array(servicePlan(text, settings.serviceSizes), { minLength: settings.services.min, maxLength: settings.services.max }),
    lifeExperiences: fc.array(lifeExperiencePlan(text, settings.experienceSizes), { minLength: settings.lifeExperiences.min, maxLength: settings.lifeExperiences.max }),
    waivers: fc.array(waiverPlan(text), { maxLength: settings.maxWaivers }),
  });
}

/** Builds the catalog a plan describes: ids made unique per kind, then every entity against the pools. @internal */
export function buildCatalog(plan: CatalogPlan, settings: CatalogSettings): Catalog {
  const sourceIds = uniqueIds(plan.sources.map((p) => p.id));
  const agencyIds = uniqueIds(plan.agencies.map((p) => p.id));
  const channelIds = uniqueIds(plan.channels.map((p) => p.id));
  const roleIds = uniqueIds(plan.roles.map((p) => p.id));
  const toolIds = uniqueIds(plan.tools.map((p) => p.id));
  const dataIds = uniqueIds(plan.dataElements.map((p) => p.id));
  const documentIds = uniqueIds(plan.documentTypes.map((p) => p.id));
  const serviceIds = uniqueIds(plan.services.map((p) => p.id));
  const experienceIds = uniqueIds(plan.lifeExperiences.map((p) => p.id));

  const sources = plan.sources.map((p, i) => buildSource(p, sourceIds[i]!));
  // A department is always an earlier agency, so department chains never cycle.
  const agencies = plan.agencies.map((p, i) => buildAgency(p, agencyIds[i]!, agencyIds.slice(0, i)));
  const channels = plan.channels.map((p, i) => buildChannel(p, channelIds[i]!, agencyIds));
  const roles = plan.roles.map((p, i) => buildRole(p, roleIds[i]!, agencyIds));
  const tools = plan.tools.map((p, i) => buildTool(p, toolIds[i]!, agencyIds));
  const dataElements = plan.dataElements.map((p, i) => buildDataElement(p, dataIds[i]!, agencyIds));
  const documentTypes = plan.documentTypes.map((p, i) => buildDocumentType(p, documentIds[i]!, agencyIds));

  const vocabulary: Pools = {
    sources: sourceIds,
    agencies: agencyIds,
    channels,
    roles: roleIds,
    tools,
    dataElements,
    documentTypes,
    services: [],
    lifeExperiences: [],
  };
  const ctx = contextFor(vocabulary, settings.odds);
  const services = plan.services.map((p, i) => buildService(p, serviceIds[i]!, ctx));
  const withServices = contextFor({ ...vocabulary, services }, settings.odds);
  const lifeExperiences =
    services.length === 0 ? [] : plan.lifeExperiences.map((p, i) => buildLifeExperience(p, experienceIds[i]!, withServices));
  const withExperiences = contextFor({ ...vocabulary, services, lifeExperiences }, settings.odds);
  const waiverIds = new Set<string>();
  const waivers =
    services.length === 0 && lifeExperiences.length === 0
      ? []
      : plan.waivers.map((p) => {
          const waiver = buildWaiver(p, settings.waiverRules, withExperiences);
          if (waiver.id === undefined) return waiver;
          // Waiver ids are unique in a catalog: a repeated one is dropped, keeping the waiver.
          if (!waiverIds.has(waiver.id)) {
            waiverIds.add(waiver.id);
            return waiver;
          }
          const { id: _repeated, ...rest } = waiver;
          return rest;
        });

  const catalog: Catalog = {
    version: CATALOG_FORMAT_VERSION,
    name: plan.name,
    sources,
    agencies,
    channels,
    roles,
    tools,
    dataElements,
    documentTypes,
    services,
    lifeExperiences,
    waivers,
  };
  if (plan.schema) catalog.$schema = "./node_modules/service-blueprint/schema/catalog.schema.json";
  if (plan.description !== undefined) catalog.description = plan.description;
  return catalog;
}

/**
 * Generates whole catalogs, valid by construction: they pass `parseCatalog` unchanged (defaults already filled
 * in), and keep passing however fast-check shrinks them.
 *
 * @param constraints - sizes (services, steps per service, agencies, channels, life experiences and their links,
 *   waivers), lanes, channel and link kinds, how much sludge to plant, and how text looks
 * @returns an arbitrary of catalogs
 * @remarks
 * Validity holds by construction, not by filtering: the arbitrary draws a plan of raw choices (ids, names, and
 * references as plain numbers) and builds the catalog from it, resolving each reference against the entities that
 * exist. Ids are made unique per kind (`apply`, `apply-2`); every step is reachable from its service's first step
 * (the steps form a tree, with extra acyclic flows and rework back to ancestors); branch shares add up to 1; links
 * join steps of two different member services; waiver targets are well formed; departments point at earlier
 * agencies. Shrinking works on the plan, so a shrunk catalog is built the same way and stays valid; lists shrink
 * towards fewer items and planted sludge towards none.
 *
 * Reproducible: the same seed gives the same catalogs (`fc.sample(arbCatalog(), { seed: 42, numRuns: 10 })`).
 * Values are plain, unfrozen objects; parse them with `parseCatalog` for a frozen one.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { parseCatalogText, serializeCatalog } from "service-blueprint";
 * import { arbCatalog, assertValidCatalog } from "service-blueprint/testing";
 *
 * // Whatever the catalog holds, its YAML text reads back as a valid catalog.
 * fc.assert(
 *   fc.property(arbCatalog({ maxServices: 3, sludge: "heavy", text: "adversarial" }), (catalog) => {
 *     assertValidCatalog(parseCatalogText(serializeCatalog(catalog, { format: "yaml" }), { format: "yaml" }));
 *   }),
 *   { numRuns: 50, seed: 42 },
 * );
 * ```
 */
export function arbCatalog(constraints: CatalogConstraints = {}): fc.Arbitrary<Catalog> {
  const settings = catalogSettings(constraints, "arbCatalog");
  return catalogPlan(settings).map((plan) => buildCatalog(plan, settings));
}
