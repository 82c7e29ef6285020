/**
 * New-catalog mode: agencies, channels and one designated service per registered CSV service, each with a
 * placeholder step and its feedback collections.
 */
import type { Catalog, CatalogInput, Channel, ServiceInput, Source, StepInput } from "../../model/schema.js";
import type { ChannelKind } from "../../model/vocabulary.js";
import type { A11CsvRow } from "../a11-csv.js";
import { guessServiceKind } from "../service-kinds.js";
import { type AgencyPlan, planAgencies } from "./agencies.js";
import { type ServiceInfo, gather, providedList } from "./bodies.js";
import { CHANNEL_NAMES } from "./channels.js";
import { accumulate, sortedFeedback } from "./collections.js";
import { slugId, uniqueId } from "./ids.js";
import type { ImportA11FeedbackOptions } from "./options.js";
import type { Accumulated } from "./report-data.js";
import { byCsvId, byText, info, mostFrequent } from "./tally.js";
import { validated } from "./validated.js";
import { fitName, fitText } from "./warnings.js";
import { known } from "../../internal/invariant.js";

const DEFAULT_SOURCE: Source = { id: "a11-feedback-data", title: "A-11 customer feedback data" };

/** Catalog ids for the CSV's services, from their slugs or names; a taken id gets the CSV id appended. */
function serviceIdsOf(sortedServices: readonly ServiceInfo[]): Map<string, string> {
  const serviceIds = new Map<string, string>();
  const takenServiceIds = new Set<string>();
  for (const service of sortedServices) {
    const base = slugId(mostFrequent(service.slugs) ?? mostFrequent(service.names) ?? `service-${service.csvId}`, "service");
    serviceIds.set(service.csvId, takenServiceIds.has(base) ? uniqueId(`${base}-${service.csvId}`, takenServiceIds) : uniqueId(base, takenServiceIds));
  }
  return serviceIds;
}

/**
 * One designated service: its provider (the one with most rows, with a warning on every row when several report it),
 * a description from the data, a kind and offering guessed from its name, one placeholder step, and its collections.
 */
function toService(
  service: ServiceInfo,
  id: string,
  channels: readonly string[],
  plan: AgencyPlan,
  source: Source,
  acc: Accumulated,
): ServiceInput {
  const name = mostFrequent(service.names) ?? `Service ${service.csvId}`;
  const providerCsvId = mostFrequent(service.providers, byCsvId)!;
  const provider = known(plan.providers, providerCsvId);
  const rowsOf = service.rows.map((r) => r.row);
  if (service.providers.size > 1) {
    const others = [...service.providers.keys()].filter((p) => p !== providerCsvId).sort(byCsvId);
    const otherNames = others.map((p) => `'${known(plan.providers, p).name}'`).join(", ");
    for (const row of rowsOf) {
      acc.warnings.add(
        "service_shared_by_providers",
        `service '${name}' is reported by several providers; it belongs to '${provider.name}' (most rows), also reported by ${otherNames}`,
        row,
      );
    }
  }
  const provided = providedList(service);
  const guess = guessServiceKind(name);
  const description = [
    mostFrequent(service.descriptions),
    provided.length > 0 ? `Services provided, as reported: ${provided.join("; ")}.` : undefined,
    `A-11 designated service ${service.csvId} of ${provider.name}, imported from A-11 feedback data. The importer assumed its kind, occasion, offering and single step from its name; review them.`,
  ]
    .filter((part): part is string => part !== undefined)
    .join("\n\n");
  const step: StepInput = {
    id: "use-service",
    name: "Use the service",
    lane: "customer",
    description:
      "Placeholder made by the A-11 importer: the feedback data names the service, its channels and its transaction points, but not its steps. Replace it with the real steps.",
    entry: true,
    outcome: "completed",
    ...(channels.length === 1 ? { channel: channels[0]! } : {}),
    evidence: "assumed",
    sources: [source.id],
  };
  return {
    id,
    name: fitName(name, acc.warnings, service.rows[0]!.row, "attributes_service_name"),
    agency: provider.agencyId,
    kind: guess.kind,
    designated: true,
    description: fitText(description),
    occasion: { kind: "intent", story: fitName(name, acc.warnings, service.rows[0]!.row, "attributes_service_name") },
    offering: { name: fitName(name, acc.warnings, service.rows[0]!.row, "attributes_service_name"), kind: guess.offering },
    channels: [...channels],
    sources: [source.id],
    steps: [step],
    feedback: sortedFeedback(acc.collections.get(id) ?? []),
  };
}

/** Builds a new catalog from the rows: agencies, one channel per kind used, and the services with their feedback. */
export function importNew(rows: readonly A11CsvRow[], options: ImportA11FeedbackOptions, acc: Accumulated): Catalog {
  const bodies = gather(rows.filter((row) => row.serviceId !== "" && row.providerId !== ""));
  const plan = planAgencies(bodies, acc.warnings);
  const source = options.source ?? DEFAULT_SOURCE;
  const sortedServices = [...bodies.services.values()].sort((a, b) => byCsvId(a.csvId, b.csvId));
  const serviceIds = serviceIdsOf(sortedServices);
  const channelKinds = new Set<ChannelKind>();
  const channelsByService = new Map<string, Set<ChannelKind>>();
  accumulate(
    rows,
    (row) => ({ serviceId: known(serviceIds, row.serviceId) }),
    (kind, serviceId) => {
      channelKinds.add(kind);
      info(channelsByService, serviceId, () => new Set()).add(kind);
      return kind;
    },
    acc,
  );
  const services = sortedServices.map((service) => {
    const id = known(serviceIds, service.csvId);
    return toService(service, id, [...(channelsByService.get(id) ?? [])].sort(byText), plan, source, acc);
  });
  services.sort((a, b) => byText(a.id, b.id));
  const channels: Channel[] = [...channelKinds].sort(byText).map((kind) => ({ id: kind, name: CHANNEL_NAMES[kind], kind }));
  const document: CatalogInput = {
    version: 1,
    name: options.name ?? "A-11 customer feedback",
    description:
      options.description ??
      `High-Impact Service Providers, their designated services and their quarterly A-11 customer feedback, imported from ${source.title}.`,
    sources: [source],
    agencies: plan.agencies,
    channels,
    services,
  };
  return validated(document, "the imported catalog");
}
