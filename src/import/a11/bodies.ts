/**
 * The first pass over the rows: the organizations, providers and services the CSV names, each with every spelling
 * it is given and how often, so that later passes pick the most used.
 */
import type { A11CsvRow } from "../a11-csv.js";
import { bump, byText, info, mostFrequent } from "./tally.js";

/** A CSV organization (a department, or a bureau filing alone). */
export interface OrgInfo {
  readonly csvId: string;
  readonly names: Map<string, number>;
  readonly abbreviations: Map<string, number>;
}

/** A CSV service provider (a HISP). */
export interface ProviderInfo {
  readonly csvId: string;
  readonly names: Map<string, number>;
  readonly descriptions: Map<string, number>;
  /** Rows per organization the provider appears under. */
  readonly orgs: Map<string, number>;
}

/** A CSV registered service, with its rows. */
export interface ServiceInfo {
  readonly csvId: string;
  readonly names: Map<string, number>;
  readonly slugs: Map<string, number>;
  readonly descriptions: Map<string, number>;
  readonly providers: Map<string, number>;
  /** Case-insensitive key → spellings with counts. */
  readonly provided: Map<string, Map<string, number>>;
  readonly rows: A11CsvRow[];
}

/** The bodies and services of the rows that name a service and a provider, by CSV id. */
export interface Bodies {
  readonly orgs: Map<string, OrgInfo>;
  readonly providers: Map<string, ProviderInfo>;
  readonly services: Map<string, ServiceInfo>;
}

/** Counts every spelling the rows give each organization, provider and service. */
export function gather(rows: readonly A11CsvRow[]): Bodies {
  const orgs = new Map<string, OrgInfo>();
  const providers = new Map<string, ProviderInfo>();
  const services = new Map<string, ServiceInfo>();
  for (const row of rows) {
    if (row.organizationId !== "") {
      const org = info(orgs, row.organizationId, () => ({ csvId: row.organizationId, names: new Map(), abbreviations: new Map() }));
      if (row.organizationName !== "") bump(org.names, row.organizationName);
      if (row.organizationAbbreviation !== "") bump(org.abbreviations, row.organizationAbbreviation);
    }
    const provider = info(providers, row.providerId, () => ({ csvId: row.providerId, names: new Map(), descriptions: new Map(), orgs: new Map() }));
    bump(provider.names, row.providerName);
    if (row.providerDescription !== "") bump(provider.descriptions, row.providerDescription);
    if (row.organizationId !== "") bump(provider.orgs, row.organizationId);
    const service = info(services, row.serviceId, () => ({
      csvId: row.serviceId,
      names: new Map(),
      slugs: new Map(),
      descriptions: new Map(),
      providers: new Map(),
      provided: new Map(),
      rows: [],
    }));
    if (row.serviceName !== "") bump(service.names, row.serviceName);
    if (row.serviceSlug !== "") bump(service.slugs, row.serviceSlug);
    if (row.serviceDescription !== "") bump(service.descriptions, row.serviceDescription);
    bump(service.providers, row.providerId);
    if (row.serviceProvided !== "") bump(info(service.provided, row.serviceProvided.toLowerCase(), () => new Map()), row.serviceProvided);
    service.rows.push(row);
  }
  return { orgs, providers, services };
}

/** The spellings of `service_provided` under a service: one per case-insensitive value, its most used spelling. */
export function providedList(service: ServiceInfo): string[] {
  return [...service.provided.values()].map((spellings) => mostFrequent(spellings)!).sort((a, b) => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b));
}
