/**
 * Agencies and bureaus: departments (the CSV's organizations), providers (the HISPs), and the departments of bureaus
 * that filed as organizations of their own.
 */
import type { Agency } from "../../model/schema.js";
import type { Bodies, OrgInfo } from "./bodies.js";
import { bodyKey, initials, slugId, uniqueId } from "./ids.js";
import { byCsvId, byText, mostFrequent } from "./tally.js";
import { type Warnings, fitText } from "./warnings.js";
import { known } from "../../internal/invariant.js";

/**
 * Departments of the bureaus that sometimes report as organizations of their own. The data itself says nothing
 * of a bureau's department when it files alone, so the importer knows these few.
 */
const BUREAU_DEPARTMENTS: Readonly<Record<string, { readonly id: string; readonly name: string; readonly acronym?: string }>> = {
  IRS: { id: "treasury", name: "Department of the Treasury" },
  USCIS: { id: "dhs", name: "Department of Homeland Security", acronym: "DHS" },
  CBP: { id: "dhs", name: "Department of Homeland Security", acronym: "DHS" },
  FEMA: { id: "dhs", name: "Department of Homeland Security", acronym: "DHS" },
  TSA: { id: "dhs", name: "Department of Homeland Security", acronym: "DHS" },
  FWS: { id: "doi", name: "Department of the Interior", acronym: "DOI" },
  NPS: { id: "doi", name: "Department of the Interior", acronym: "DOI" },
  BLM: { id: "doi", name: "Department of the Interior", acronym: "DOI" },
  CMS: { id: "hhs", name: "Department of Health and Human Services", acronym: "HHS" },
  VHA: { id: "va", name: "Department of Veterans Affairs", acronym: "VA" },
  VBA: { id: "va", name: "Department of Veterans Affairs", acronym: "VA" },
  USPTO: { id: "doc", name: "Department of Commerce", acronym: "DOC" },
  OSHA: { id: "dol", name: "Department of Labor", acronym: "DOL" },
};


/** A CSV provider as the catalog agency it became. */
export interface ResolvedProvider {
  readonly agencyId: string;
  readonly name: string;
  /** Names and acronyms the provider goes by, as {@link bodyKey}s, for matching catalog agencies. */
  readonly keys: ReadonlySet<string>;
}

/** The agencies of a new catalog, and the agency of every CSV provider. */
export interface AgencyPlan {
  readonly agencies: Agency[];
  readonly providers: Map<string, ResolvedProvider>;
}

/** An agency while the plan is being made. */
type AgencyDraft = { -readonly [K in keyof Agency]: Agency[K] };

/** Bureaus that filed as organizations get their department, which may not be in the file: it is added. */
function addBureauDepartments(agencies: Map<string, AgencyDraft>): void {
  for (const agency of [...agencies.values()]) {
    const parent = agency.acronym !== undefined ? BUREAU_DEPARTMENTS[agency.acronym.toUpperCase()] : undefined;
    if (parent === undefined || parent.id === agency.id) continue;
    const existing = [...agencies.values()].find((a) => a.id === parent.id || bodyKey(a.name) === bodyKey(parent.name));
    const parentId = existing?.id ?? parent.id;
    if (existing === undefined) {
      agencies.set(parentId, { id: parentId, name: parent.name, ...(parent.acronym !== undefined ? { acronym: parent.acronym } : {}), level: "federal", hisp: false });
    }
    if (agency.department === undefined) agency.department = parentId;
  }
}

/** Decides the agencies: departments (organizations), providers, and bureaus that filed as organizations. */
export function planAgencies(bodies: Bodies, warnings: Warnings): AgencyPlan {
  const orgName = (org: OrgInfo) => mostFrequent(org.names) ?? `Organization ${org.csvId}`;
  const orgAbbreviation = (org: OrgInfo) => mostFrequent(org.abbreviations);
  // Organizations with the same abbreviation and name are one body; with another name, they get their own id.
  const orgIds = new Map<string, string>();
  const orgIdOwners = new Map<string, string>();
  for (const org of [...bodies.orgs.values()].sort((a, b) => byCsvId(a.csvId, b.csvId))) {
    let id = slugId(orgAbbreviation(org) ?? orgName(org), "agency");
    const owner = orgIdOwners.get(id);
    if (owner !== undefined && owner !== bodyKey(orgName(org))) id = `${id}-${org.csvId}`;
    orgIdOwners.set(id, bodyKey(orgName(org)));
    orgIds.set(org.csvId, id);
  }
  const orgAgencyId = (org: OrgInfo) => known(orgIds, org.csvId);
  const isSelf = (providerName: string, org: OrgInfo): boolean => {
    const abbreviation = orgAbbreviation(org)?.toLowerCase();
    return bodyKey(providerName) === bodyKey(orgName(org)) || (abbreviation !== undefined && abbreviation.length > 1 && initials(providerName) === abbreviation);
  };

  const agencies = new Map<string, AgencyDraft>();
  const providers = new Map<string, ResolvedProvider>();
  const sortedOrgs = [...bodies.orgs.values()].sort((a, b) => byCsvId(a.csvId, b.csvId));
  for (const org of sortedOrgs) {
    const id = orgAgencyId(org);
    if (agencies.has(id)) continue;
    const abbreviation = orgAbbreviation(org);
    agencies.set(id, {
      id,
      name: orgName(org),
      ...(abbreviation !== undefined ? { acronym: abbreviation } : {}),
      level: "federal",
      hisp: false,
    });
  }
  const taken = new Set(agencies.keys());
  const sortedProviders = [...bodies.providers.values()].sort((a, b) => byCsvId(a.csvId, b.csvId));
  for (const provider of sortedProviders) {
    const name = mostFrequent(provider.names) ?? `Provider ${provider.csvId}`;
    const description = mostFrequent(provider.descriptions);
    const underOrgs = [...provider.orgs.keys()].sort(byCsvId).map((id) => known(bodies.orgs, id));
    const self = underOrgs.find((org) => isSelf(name, org));
    const parents = new Map<string, number>();
    for (const org of underOrgs) if (org !== self) parents.set(orgAgencyId(org), known(provider.orgs, org.csvId));
    let department = mostFrequent(parents);
    if (parents.size > 1) {
      warnings.add(
        "provider_departments_differ",
        `provider '${name}' is reported under several organizations (${[...parents.keys()].sort(byText).join(", ")}); its department is '${department}', the one with most rows`,
      );
    }
    const keys = new Set([bodyKey(name)]);
    let agency: AgencyDraft;
    if (self !== undefined) {
      agency = known(agencies, orgAgencyId(self));
      const selfName = orgName(self);
      // The org row and the provider row name one body; keep the fuller name.
      if (name.length > selfName.length) agency.name = name;
      keys.add(bodyKey(selfName));
      const abbreviation = orgAbbreviation(self);
      if (abbreviation !== undefined) {
        keys.add(bodyKey(abbreviation));
        if (department === undefined) department = BUREAU_DEPARTMENTS[abbreviation.toUpperCase()]?.id;
      }
    } else {
      const id = uniqueId(slugId(name, "provider"), taken);
      agency = { id, name, level: "federal", hisp: false };
      agencies.set(id, agency);
    }
    agency.hisp = true;
    if (description !== undefined && agency.description === undefined) agency.description = fitText(description);
    if (department !== undefined && department !== agency.id) agency.department = department;
    providers.set(provider.csvId, { agencyId: agency.id, name, keys });
  }
  addBureauDepartments(agencies);
  const list = [...agencies.values()].map(orderAgency).sort((a, b) => byText(a.id, b.id));
  return { agencies: list, providers };
}

/** The agency with its fields in the order the catalog writes them. */
function orderAgency(a: Agency): Agency {
  return {
    id: a.id,
    name: a.name,
    ...(a.acronym !== undefined ? { acronym: a.acronym } : {}),
    ...(a.department !== undefined ? { department: a.department } : {}),
    level: a.level,
    hisp: a.hisp,
    ...(a.description !== undefined ? { description: a.description } : {}),
  };
}
