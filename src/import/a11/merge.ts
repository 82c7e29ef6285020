/**
 * Merge mode: the feedback alone, attached to the services of an existing catalog (by the caller's mapping, else by
 * provider and service name), adding only the channels it needs.
 */
import { suggest } from "../../model/did-you-mean.js";
import type { Catalog, Service } from "../../model/schema.js";
import type { ChannelKind } from "../../model/vocabulary.js";
import type { A11CsvRow } from "../a11-csv.js";
import { A11ImportError } from "../a11-error.js";
import { planAgencies } from "./agencies.js";
import { gather } from "./bodies.js";
import { CHANNEL_NAMES } from "./channels.js";
import { type Target, accumulate, collectionKey, compareCollections } from "./collections.js";
import { bodyKey, looseKey, uniqueId } from "./ids.js";
import type { A11MergeOptions } from "./options.js";
import type { Accumulated } from "./report-data.js";
import { byCsvId, byText, info, mostFrequent } from "./tally.js";
import { validated } from "./validated.js";
import { Warnings } from "./warnings.js";

export function importMerge(rows: readonly A11CsvRow[], merge: A11MergeOptions, acc: Accumulated): Catalog {
  const catalog = merge.catalog;
  const serviceById = new Map(catalog.services.map((s) => [s.id, s]));
  const agencyById = new Map(catalog.agencies.map((a) => [a.id, a]));
  const servicesByName = new Map<string, Service[]>();
  for (const s of catalog.services) info(servicesByName, looseKey(s.name), () => []).push(s);
  const mapping = merge.serviceIds ?? {};
  for (const [csvId, serviceId] of Object.entries(mapping).sort(([a], [b]) => byCsvId(a, b))) {
    if (!serviceById.has(serviceId)) {
      const close = suggest(serviceId, serviceById.keys());
      throw new A11ImportError("unknown_service", `merge.serviceIds maps CSV service '${csvId}' to '${serviceId}', which the catalog does not have`, {
        hint: close !== undefined ? `did you mean '${close}'?` : "map it to the id of one of the catalog's services",
      });
    }
  }
  const bodies = gather(rows.filter((row) => row.serviceId !== "" && row.providerId !== ""));
  const plan = planAgencies(bodies, new Warnings());
  const csvServiceIds = new Set(bodies.services.keys());
  for (const csvId of Object.keys(mapping).sort(byCsvId)) {
    if (!csvServiceIds.has(csvId)) acc.warnings.add("mapping_unused", `merge.serviceIds names CSV service '${csvId}', which no row has`);
  }

  // Each CSV service's target: by the mapping, else by provider and service name.
  const targets = new Map<string, Target | string>();
  for (const service of bodies.services.values()) {
    const mapped = mapping[service.csvId];
    if (mapped !== undefined) {
      targets.set(service.csvId, { serviceId: mapped });
      continue;
    }
    const name = mostFrequent(service.names) ?? "";
    const providerKeys = new Set<string>();
    for (const p of service.providers.keys()) for (const key of plan.providers.get(p)!.keys) providerKeys.add(key);
    const candidates = (servicesByName.get(looseKey(name)) ?? []).filter((s) => {
      const agency = agencyById.get(s.agency);
      if (agency === undefined) return false;
      return providerKeys.has(bodyKey(agency.name)) || (agency.acronym !== undefined && providerKeys.has(bodyKey(agency.acronym)));
    });
    const providerName = plan.providers.get(mostFrequent(service.providers, byCsvId)!)!.name;
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

  // Channels: reuse one of the kind (the service's own first), else add one.
  const channels = [...catalog.channels];
  const takenChannelIds = new Set(channels.map((c) => c.id));
  const channelFor = new Map<string, string>();
  const channelId = (kind: ChannelKind, serviceId: string): string => {
    const key = `${serviceId}\u0000${kind}`;
    const known = channelFor.get(key);
    if (known !== undefined) return known;
    const service = serviceById.get(serviceId)!;
    const ofKind = channels.filter((c) => c.kind === kind).sort((a, b) => byText(a.id, b.id));
    const chosen =
      ofKind.find((c) => service.channels.includes(c.id)) ??
      ofKind.find((c) => c.agency === service.agency) ??
      ofKind.find((c) => c.agency === undefined) ??
      ofKind[0];
    let id: string;
    if (chosen !== undefined) id = chosen.id;
    else {
      id = uniqueId(kind, takenChannelIds);
      channels.push({ id, name: CHANNEL_NAMES[kind], kind });
      acc.warnings.add("channel_added", `the catalog had no '${kind}' channel; added channel '${id}'`);
    }
    channelFor.set(key, id);
    return id;
  };
  accumulate(rows, (row) => targets.get(row.serviceId)!, channelId, acc);

  const services = catalog.services.map((service) => {
    const added = acc.collections.get(service.id);
    if (added === undefined) return service;
    const feedback = [...service.feedback];
    const position = new Map(feedback.map((c, i) => [collectionKey(c), i]));
    for (const { collection, row } of [...added].sort(compareCollections)) {
      const at = position.get(collectionKey(collection));
      if (at !== undefined) {
        feedback[at] = collection;
        acc.warnings.add(
          "collection_replaced",
          "the service already had a collection for the same quarter, channel, transaction point and service provided; it was replaced",
          row,
        );
      } else {
        position.set(collectionKey(collection), feedback.length);
        feedback.push(collection);
      }
    }
    return { ...service, feedback };
  });
  return validated({ ...catalog, channels, services }, "the merged catalog");
}
