/**
 * Merge mode: the feedback alone, attached to the services of an existing catalog (by the caller's mapping, else by
 * provider and service name), adding only the channels it needs.
 */
import { suggest } from "../../model/did-you-mean.js";
import type { Catalog, Service } from "../../model/schema.js";
import type { A11CsvRow } from "../a11-csv.js";
import { A11ImportError } from "../a11-error.js";
import { planAgencies } from "./agencies.js";
import { type Bodies, gather } from "./bodies.js";
import { chooseChannels } from "./channels.js";
import { type Target, accumulate, mergeFeedback } from "./collections.js";
import { bodyKey, looseKey } from "./ids.js";
import type { A11MergeOptions } from "./options.js";
import type { Accumulated } from "./report-data.js";
import { byCsvId, byText, info, mostFrequent } from "./tally.js";
import { validated } from "./validated.js";
import { Warnings } from "./warnings.js";
import { known } from "../../internal/invariant.js";

/** Refuses a mapping to a service the catalog does not have, with the closest id as a hint. */
function checkMapping(catalog: Catalog, mapping: Readonly<Record<string, string>>): void {
  const serviceIds = new Set(catalog.services.map((s) => s.id));
  for (const [csvId, serviceId] of Object.entries(mapping).sort(([a], [b]) => byCsvId(a, b))) {
    if (!serviceIds.has(serviceId)) {
      const close = suggest(serviceId, serviceIds);
      throw new A11ImportError("unknown_service", `merge.serviceIds maps CSV service '${csvId}' to '${serviceId}', which the catalog does not have`, {
        hint: close !== undefined ? `did you mean '${close}'?` : "map it to the id of one of the catalog's services",
      });
    }
  }
}

/**
 * Each CSV service's target: by the mapping, else the one catalog service of the same name (loosely) whose agency
 * is the provider by name or acronym; or, when none or several match, why its rows are skipped.
 */
function matchServices(catalog: Catalog, bodies: Bodies, mapping: Readonly<Record<string, string>>): Map<string, Target | string> {
  const agencyById = new Map(catalog.agencies.map((a) => [a.id, a]));
  const servicesByName = new Map<string, Service[]>();
  for (const s of catalog.services) info(servicesByName, looseKey(s.name), () => []).push(s);
  // Provider names are resolved as in a new catalog; the warnings that gives are not this mode's concern.
  const plan = planAgencies(bodies, new Warnings());
  const targets = new Map<string, Target | string>();
  for (const service of bodies.services.values()) {
    const mapped = mapping[service.csvId];
    if (mapped !== undefined) {
      targets.set(service.csvId, { serviceId: mapped });
      continue;
    }
    const name = mostFrequent(service.names) ?? "";
    const providerKeys = new Set<string>();
    for (const p of service.providers.keys()) for (const key of known(plan.providers, p).keys) providerKeys.add(key);
    const candidates = (servicesByName.get(looseKey(name)) ?? []).filter((s) => {
      const agency = agencyById.get(s.agency);
      if (agency === undefined) return false;
      return providerKeys.has(bodyKey(agency.name)) || (agency.acronym !== undefined && providerKeys.has(bodyKey(agency.acronym)));
    });
    const providerName = known(plan.providers, mostFrequent(service.providers, byCsvId)!).name;
    if (candidates.length === 1) targets.set(service.csvId, { serviceId: candidates[0]!.id });
    else if (candidates.length === 0) {
      targets.set(
        service.csvId,
        `no service in the catalog is named '${name}' and provided by '${providerName}'; map CSV service '${service.csvId}' with merge.serviceIds`,
      );
    } else {
      targets.set(
        service.csvId,
        `several services match '${name}' of '${providerName}' (${candidates.map((c) => c.id).sort(byText).join(", ")}); map CSV service '${service.csvId}' with merge.serviceIds`,
      );
    }
  }
  return targets;
}

/** Attaches the rows' collections to the services of `merge.catalog`; everything else in it stays as it was. */
export function importMerge(rows: readonly A11CsvRow[], merge: A11MergeOptions, acc: Accumulated): Catalog {
  const catalog = merge.catalog;
  const mapping = merge.serviceIds ?? {};
  checkMapping(catalog, mapping);
  const bodies = gather(rows.filter((row) => row.serviceId !== "" && row.providerId !== ""));
  for (const csvId of Object.keys(mapping).sort(byCsvId)) {
    if (!bodies.services.has(csvId)) acc.warnings.add("mapping_unused", `merge.serviceIds names CSV service '${csvId}', which no row has`);
  }
  const targets = matchServices(catalog, bodies, mapping);
  const { channels, channelId } = chooseChannels(catalog, acc.warnings);
  accumulate(rows, (row) => known(targets, row.serviceId), channelId, acc);
  const services = catalog.services.map((service) => {
    const added = acc.collections.get(service.id);
    return added === undefined ? service : { ...service, feedback: mergeFeedback(service.feedback, added, acc.warnings) };
  });
  return validated({ ...catalog, channels, services }, "the merged catalog");
}
