/**
 * Catalog builders for the graph tests: a shared vocabulary and helpers that turn steps into services. Catalogs
 * that a validator would refuse (dead ends, unreachable steps, non-rework cycles) go through the schema only, so
 * the analyses can be checked on them too.
 */
import { type Catalog, type CatalogInput, CatalogSchema, type ServiceInput, type StepInput } from "../../src/index.js";

/** A step as the tests write it: the name is filled in. */
export type StepSpec = Omit<StepInput, "name" | "lane"> & { readonly name?: string; readonly lane?: StepInput["lane"] };

/** Fills in names and lanes (customer by default). */
export function steps(...specs: StepSpec[]): StepInput[] {
  return specs.map((spec) => ({ ...spec, name: spec.name ?? `Step ${spec.id}`, lane: spec.lane ?? "customer" }));
}

/**
 * Links steps in sequence: each step without `next` (and not attached) flows to the following one, and the last
 * one ends the service with `completed` unless it has an outcome or `next` of its own.
 */
export function chain(...specs: StepSpec[]): StepInput[] {
  const unattached = specs.filter((s) => s.attachedTo === undefined);
  return steps(
    ...specs.map((spec) => {
      if (spec.attachedTo !== undefined) return spec;
      const i = unattached.indexOf(spec);
      const following = unattached[i + 1];
      if (spec.next !== undefined) return spec;
      if (following !== undefined) return { ...spec, next: [{ to: following.id }] };
      return spec.outcome === undefined ? { ...spec, outcome: "completed" as const } : spec;
    }),
  );
}

/** A service of the given agency (default `ssa`) with these steps, taken as written. */
export function service(id: string, stepList: StepInput[], extra: Partial<ServiceInput> = {}): ServiceInput {
  return {
    id,
    name: `Service ${id}`,
    agency: "ssa",
    kind: "benefits",
    occasion: { kind: "intent", story: `I need ${id}`, annualVolume: 1000 },
    offering: { name: `Offering of ${id}`, kind: "benefit" },
    steps: stepList,
    ...extra,
  };
}

const BASE = {
  version: 1,
  name: "Graph test catalog",
  agencies: [
    { id: "ssa", name: "Social Security Administration", acronym: "SSA" },
    { id: "cms", name: "Centers for Medicare & Medicaid Services", acronym: "CMS" },
    { id: "irs", name: "Internal Revenue Service", acronym: "IRS" },
  ],
  channels: [
    { id: "web", name: "Website", kind: "website", agency: "ssa" },
    { id: "app", name: "Mobile app", kind: "mobile-app" },
    { id: "phone", name: "Phone line", kind: "phone" },
    { id: "office", name: "Field office", kind: "in-person", agency: "ssa" },
    { id: "mail", name: "Postal mail", kind: "postal-mail" },
  ],
  roles: [{ id: "irs-agent", name: "IRS agent", agency: "irs" }],
  tools: [{ id: "login-gov", name: "Login.gov", kind: "identity-verification" }],
  dataElements: [
    { id: "ssn", name: "Social Security number", heldBy: ["ssa"] },
    { id: "dob", name: "Date of birth" },
    { id: "income", name: "Income" },
  ],
  documentTypes: [
    { id: "birth-cert", name: "Birth certificate" },
    { id: "tax-return", name: "Tax return" },
  ],
} as const satisfies Partial<CatalogInput>;

/**
 * A catalog: the shared vocabulary plus the given parts, through the schema (defaults filled in) but not the
 * integrity checks.
 */
export function catalog(parts: Partial<CatalogInput> = {}): Catalog {
  return CatalogSchema.parse({ ...structuredClone(BASE), ...parts } as CatalogInput);
}

/** `service/step` of a step reference, for compact assertions. */
export function key(ref: { readonly service: string; readonly step: string }): string {
  return `${ref.service}/${ref.step}`;
}
