/**
 * The hours of every finding of every bundled example, checked against an independent computation: each
 * service's paths are enumerated one by one (depth first, each with the product of the branch shares it takes, as
 * a practitioner walks them by hand), without the library's graph code. From the paths:
 *
 * - a step's reach is the sum of the probabilities of the paths through it (an attached step rides with its host);
 * - a repeated ask's customers are the annual volume × the probability of the paths on which the step asks an item
 *   that an earlier step of the same path asked (identity proven with a credential the path already used is a
 *   sign-in, not a repeat);
 * - a finding's hours are its minutes per customer × its customers ÷ 60, and its customers are those of the step it
 *   sits on (or of the repeat), never more than the service's (or the life experience's) people.
 *
 * A service without rework flows must also add up: its annual hours = Σ minutes × volume × reach ÷ 60.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Catalog, type Service, lintCatalog, parseCatalogText } from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..", "examples");

const FILES = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => /\.ya?ml$/.test(f) && /^version:/m.test(readFileSync(join(root, d.name, f), "utf8")))
      .map((f) => `${d.name}/${f}`),
  )
  .sort();

const REPEAT_RULES: Readonly<Record<string, "data" | "document" | "identity">> = {
  "duplicate-data-request": "data",
  "repeated-documents": "document",
  "repeated-identity-proofing": "identity",
};

/** Rules that state their own customers on a step target (checked separately or by their own formula). */
const OWN_CUSTOMERS = new Set(Object.keys(REPEAT_RULES));

interface Walk {
  /** Probability of reaching each step. */
  readonly reach: Map<string, number>;
  /** `kind item step` → probability of the paths on which the step asks it again. */
  readonly repeats: Map<string, number>;
}

function asks(service: Service, id: string): string[] {
  const step = service.steps.find((s) => s.id === id)!;
  const keys = new Set<string>();
  for (const d of step.dataAsked) keys.add(`data ${d}`);
  for (const d of step.documentsAsked) keys.add(`document ${d}`);
  if (step.identityProofing !== "none") keys.add("identity identity");
  return [...keys];
}

/** Every path of a service from its entries, with its probability. */
function walk(service: Service): Walk {
  const byId = new Map(service.steps.map((s) => [s.id, s]));
  const attached = new Map<string, string[]>();
  for (const s of service.steps) if (s.attachedTo !== undefined) attached.set(s.attachedTo, [...(attached.get(s.attachedTo) ?? []), s.id]);
  const marked = service.steps.filter((s) => s.entry === true);
  const entries = (marked.length > 0 ? marked : service.steps.slice(0, 1)).map((s) => s.id);
  const reach = new Map<string, number>();
  const repeats = new Map<string, number>();
  let paths = 0;
  const visit = (id: string, p: number, path: string[]): void => {
    const step = byId.get(id)!;
    const here = [...path, id, ...(attached.get(id) ?? [])];
    const forward = step.next.filter((f) => f.kind !== "rework");
    if (forward.length === 0) {
      paths += 1;
      expect(paths).toBeLessThan(200_000);
      const seen = new Set<string>();
      const credentials = new Set<string>();
      for (const at of here) {
        reach.set(at, (reach.get(at) ?? 0) + p);
        const credential = byId.get(at)!.credential;
        for (const key of asks(service, at)) {
          // Identity proven again with a credential this customer already used earlier on the path: they sign in.
          const signsIn = key === "identity identity" && credential !== undefined && credentials.has(credential);
          if (seen.has(key) && !signsIn) repeats.set(`${key} ${at}`, (repeats.get(`${key} ${at}`) ?? 0) + p);
          seen.add(key);
        }
        if (byId.get(at)!.identityProofing !== "none" && credential !== undefined) credentials.add(credential);
      }
      return;
    }
    const stated = forward.reduce((sum, f) => sum + (f.kind === "branch" && f.share !== undefined ? f.share : 0), 0);
    const unstated = forward.filter((f) => f.kind === "branch" && f.share === undefined).length;
    for (const f of forward) {
      const share = f.kind === "branch" ? (f.share ?? Math.max(0, 1 - stated) / unstated) : 1;
      if (share > 0) visit(f.to, p * share, here);
    }
  };
  for (const entry of entries) visit(entry, 1, []);
  return { reach, repeats };
}

/** The people entering a life experience, counted from the catalog: the volumes of the services no link leads into. */
function people(catalog: Catalog, experienceId: string): number {
  const experience = catalog.lifeExperiences.find((x) => x.id === experienceId)!;
  const into = new Set(experience.links.filter((l) => l.from.service !== l.to.service).map((l) => l.to.service));
  const entries = experience.services.filter((id) => !into.has(id));
  const ids = entries.length > 0 ? entries : [...experience.services].sort().slice(0, 1);
  return [...new Set(ids)].reduce((sum, id) => sum + (catalog.services.find((s) => s.id === id)?.occasion.annualVolume ?? 0), 0);
}

/** The service where an experience finding's customers are counted: the repeat's, the re-check's or the link's target. */
function receivingService(catalog: Catalog, finding: { ruleId: string; key?: string; target: { experience?: string; link?: string } }): string | undefined {
  if (finding.ruleId === "customer-as-courier") {
    const experience = catalog.lifeExperiences.find((x) => x.id === finding.target.experience);
    return experience?.links.find((l) => l.id === finding.target.link)?.to.service;
  }
  if (finding.key === undefined) return undefined;
  if (finding.ruleId === "repeated-verification") return finding.key.split("/")[0];
  if (REPEAT_RULES[finding.ruleId] !== undefined) return finding.key.split(":").at(-1);
  return undefined;
}

describe.each(FILES)("%s", (file) => {
  const catalog = parseCatalogText(readFileSync(join(root, file), "utf8"), { format: "yaml", source: file });
  const result = lintCatalog(catalog, { preset: "all", today: "2026-12-01" });
  const walks = new Map(catalog.services.map((s) => [s.id, walk(s)]));

  it("has no parallel sequence flows (the enumeration's precondition: a customer takes one way at a time)", () => {
    for (const service of catalog.services) for (const step of service.steps) expect(step.next.filter((f) => f.kind === "sequence").length).toBeLessThanOrEqual(1);
  });

  it("loses no customer from the flow", () => {
    expect(result.findings.filter((f) => f.ruleId === "lost-customers").map((f) => f.message)).toEqual([]);
  });

  it("gives every finding the hours of its customers, as the paths count them", () => {
    for (const finding of [...result.findings, ...result.waived]) {
      const { burden, target } = finding;
      const label = `${finding.ruleId} ${finding.target.path} ${finding.message}`;
      expect(burden.annualHours, label).toBeCloseTo((burden.minutesPerCustomer * burden.customersPerYear) / 60, 4);
      if (target.kind === "step") {
        const service = catalog.services.find((s) => s.id === target.service)!;
        const volume = service.occasion.annualVolume ?? 0;
        const w = walks.get(service.id)!;
        expect(burden.customersPerYear, label).toBeLessThanOrEqual(volume + 1e-6);
        const kind = REPEAT_RULES[finding.ruleId];
        if (kind !== undefined) {
          const item = finding.key!.slice(kind.length + 1);
          expect(burden.customersPerYear, label).toBeCloseTo(volume * (w.repeats.get(`${kind} ${item} ${target.step}`) ?? 0), 4);
        } else if (!OWN_CUSTOMERS.has(finding.ruleId)) {
          expect(burden.customersPerYear, label).toBeCloseTo(volume * (w.reach.get(target.step!) ?? 0), 4);
        }
      }
      if (target.kind === "experience") expect(burden.customersPerYear, label).toBeLessThanOrEqual(people(catalog, target.experience!) + 1e-6);
      // Nobody is counted at a service more often than it serves people: a repeat across services (its key ends
      // with the service asking again, or names the service/step checking again) and a carried hand-off (the
      // service the link leads to) count at most that service's annual volume.
      const at = receivingService(catalog, finding);
      const volume = at === undefined ? undefined : catalog.services.find((s) => s.id === at)?.occasion.annualVolume;
      if (volume !== undefined && target.kind !== "step") expect(burden.customersPerYear, label).toBeLessThanOrEqual(volume + 1e-6);
    }
  });

  it("reports every repeated ask the paths hold, and no other", () => {
    const reported = new Set(
      result.findings
        .filter((f) => REPEAT_RULES[f.ruleId] !== undefined && f.target.kind === "step")
        .map((f) => `${REPEAT_RULES[f.ruleId]} ${f.key!.slice(REPEAT_RULES[f.ruleId]!.length + 1)} ${f.target.service}/${f.target.step}`),
    );
    const waived = new Set(result.waived.map((f) => `${f.ruleId} ${f.target.service}/${f.target.step} ${f.key}`));
    const expected: string[] = [];
    for (const service of catalog.services) {
      for (const [key, p] of walks.get(service.id)!.repeats) {
        if (p <= 1e-12) continue;
        const [kind, item, step] = key.split(" ") as [string, string, string];
        const rule = Object.keys(REPEAT_RULES).find((r) => REPEAT_RULES[r] === kind)!;
        if (waived.has(`${rule} ${service.id}/${step} ${kind}:${item}`)) continue;
        expected.push(`${kind} ${item} ${service.id}/${step}`);
      }
    }
    expect([...reported].sort()).toEqual(expected.sort());
  });

  it("adds up: a service without rework costs Σ minutes × volume × reach ÷ 60", () => {
    for (const service of catalog.services) {
      if (service.steps.some((s) => s.next.some((f) => f.kind === "rework"))) continue;
      const w = walks.get(service.id)!;
      const volume = service.occasion.annualVolume ?? 0;
      const hours = service.steps.reduce((sum, s) => sum + ((s.customerMinutes + s.holdMinutes + s.travelMinutes) * volume * (w.reach.get(s.id) ?? 0)) / 60, 0);
      const computed = result.burden.services.find((b) => b.service === service.id)!.annualHours;
      expect(computed, service.id).toBeCloseTo(hours, 3);
    }
  });
});
