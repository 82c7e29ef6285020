/**
 * Catalog builders for the rule tests: a shared vocabulary (agencies, channels of every group, data elements and
 * documents with and without holders) and helpers that turn a list of steps into a valid service.
 */
import { type Catalog, type CatalogInput, type ReportTarget, type ServiceInput, type StepInput, parseCatalog } from "../../../src/index.js";

/** A step as the tests write it: `next` is filled in by {@link chain} when left out. */
export type StepSpec = Omit<StepInput, "name"> & { readonly name?: string };

/**
 * Links steps in sequence: each step without `next` flows to the following one, and the last one (when it has no
 * `next`, no `outcome` and is not attached) ends the service with `completed`.
 */
export function chain(...steps: StepSpec[]): StepInput[] {
  return steps.map((step, i) => {
    const out: StepInput = { ...step, name: step.name ?? `Step ${step.id}` };
    const following = steps[i + 1];
    if (out.next === undefined && following !== undefined && step.attachedTo === undefined) out.next = [{ to: following.id }];
    if (following === undefined && out.next === undefined && out.outcome === undefined && step.attachedTo === undefined) {
      out.outcome = "completed";
    }
    return out;
  });
}

/** A service of agency `ssa` with 1,000 customers a year, whose steps are chained (see {@link chain}). */
export function service(id: string, steps: StepSpec[], extra: Partial<ServiceInput> = {}): ServiceInput {
  return {
    id,
    name: `Service ${id}`,
    agency: "ssa",
    kind: "benefits",
    occasion: { kind: "intent", story: `I need ${id}`, annualVolume: 1000 },
    offering: { name: `Offering of ${id}`, kind: "benefit" },
    steps: chain(...steps),
    ...extra,
  };
}

/** The shared vocabulary every fixture catalog holds. */
const BASE = {
  version: 1,
  name: "Rule test catalog",
  agencies: [
    { id: "ssa", name: "Social Security Administration", acronym: "SSA", hisp: true },
    { id: "cms", name: "Centers for Medicare & Medicaid Services", acronym: "CMS", hisp: true },
    { id: "irs", name: "Internal Revenue Service", acronym: "IRS" },
    { id: "va", name: "Department of Veterans Affairs" },
  ],
  channels: [
    { id: "web", name: "Website", kind: "website", agency: "ssa" },
    { id: "app", name: "Mobile app", kind: "mobile-app" },
    { id: "phone", name: "Phone line", kind: "phone" },
    { id: "office", name: "Field office", kind: "in-person", agency: "ssa" },
    { id: "kiosk", name: "Kiosk", kind: "kiosk" },
    { id: "paper", name: "Paper form", kind: "paper" },
    { id: "mail", name: "Postal mail", kind: "postal-mail" },
    { id: "fax", name: "Fax line", kind: "fax" },
  ],
  tools: [
    { id: "login-gov", name: "Login.gov", kind: "identity-verification" },
    { id: "id-other", name: "Another identity provider", kind: "identity-verification" },
  ],
  dataElements: [
    { id: "ssn", name: "Social Security number", heldBy: ["ssa", "irs"] },
    { id: "dob", name: "Date of birth", heldBy: ["ssa"] },
    { id: "agi", name: "Adjusted gross income", heldBy: ["irs"] },
    { id: "income", name: "Current income" },
    { id: "address", name: "Home address" },
  ],
  documentTypes: [
    { id: "birth-cert", name: "Birth certificate" },
    { id: "tax-return", name: "Tax return", issuedBy: "irs", heldBy: ["irs"] },
    { id: "dd214", name: "DD Form 214", heldBy: ["va"] },
  ],
} as const satisfies Partial<CatalogInput>;

/** A valid catalog: the shared vocabulary plus the given services, life experiences and waivers. */
export function catalog(parts: Partial<CatalogInput> = {}): Catalog {
  return parseCatalog({ ...structuredClone(BASE), ...parts } as CatalogInput);
}

/** A catalog holding one service made of the given steps. */
export function oneService(steps: StepSpec[], extra: Partial<ServiceInput> = {}): Catalog {
  return catalog({ services: [service("svc", steps, extra)] });
}

/** The target of step `step` of service `service` (default `svc`, the service of {@link oneService}). */
export function atStep(step: string, service = "svc"): ReportTarget {
  return { service, step };
}

/** A pattern matching exactly `text` (for a RuleTester message that must be the whole message). */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}
