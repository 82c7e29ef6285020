/**
 * Turning what a rule reports into findings: target resolution (ids to kinds and catalog paths), burden, stable
 * fingerprints, and the order findings are listed in.
 *
 * @internal
 */
import { type CatalogIndex, derivedKind, positions } from "../../model/index-lookup.js";
import type { StepRef } from "../../model/schema.js";
import { cents, experiencePeople, reachOf, tidy } from "../burden.js";
import type { Finding, FindingBurden, FindingTarget, ReportInput, ReportTarget } from "../types.js";
import { byText, nonexhaustive } from "../../internal/words.js";
import { ServiceBlueprintError } from "../../internal/error.js";

/** A report that names something the catalog does not hold, or mixes target kinds. @internal */
export class ReportTargetError extends ServiceBlueprintError {
  /** Always `invalid_report_target`. */
  readonly code = "invalid_report_target" as const;

  constructor(message: string) {
    super(message);
    this.name = "ReportTargetError";
  }
}

/**
 * A 64-bit FNV-1a hash of a string, as 16 hex digits: stable across runs and platforms, no dependencies.
 *
 * @internal
 */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 15);
  }
  return hex16(h1, h2);
}

/** The parts of a fingerprint, reused between calls (the hash reads them at once). */
const PARTS: string[] = ["", "", "", "", "", "", "", ""];

/**
 * The fingerprint of a finding: the rule, the target's ids and the key, never positions or wording. The same value
 * as `hash64` of the parts joined by U+0000, hashed part by part so no joined string is built per finding.
 *
 * @internal
 */
export function fingerprintOf(ruleId: string, target: FindingTarget, key: string | undefined, waiverIdentity?: string): string {
  PARTS[0] = ruleId;
  PARTS[1] = target.kind;
  PARTS[2] = target.service ?? "";
  PARTS[3] = target.step ?? "";
  PARTS[4] = target.experience ?? "";
  PARTS[5] = target.link ?? "";
  PARTS[6] = waiverIdentity ?? "";
  PARTS[7] = key ?? "";
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let p = 0; p < 8; p++) {
    if (p > 0) {
      // The U+0000 separator.
      h1 = Math.imul(h1, 0x01000193);
      h2 = Math.imul(h2, 0x5bd1e995) ^ (h1 >>> 15);
    }
    const text = PARTS[p]!;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h1 >>> 15);
    }
  }
  return hex16(h1, h2);
}

/** Char codes of the hex digits. */
const HEX = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));

/** Two 32-bit values as 16 lowercase hex digits, in one string allocation (as `toString(16).padStart(8, "0")` twice). */
function hex16(a: number, b: number): string {
  return String.fromCharCode(
    HEX[(a >>> 28) & 15]!,
    HEX[(a >>> 24) & 15]!,
    HEX[(a >>> 20) & 15]!,
    HEX[(a >>> 16) & 15]!,
    HEX[(a >>> 12) & 15]!,
    HEX[(a >>> 8) & 15]!,
    HEX[(a >>> 4) & 15]!,
    HEX[a & 15]!,
    HEX[(b >>> 28) & 15]!,
    HEX[(b >>> 24) & 15]!,
    HEX[(b >>> 20) & 15]!,
    HEX[(b >>> 16) & 15]!,
    HEX[(b >>> 12) & 15]!,
    HEX[(b >>> 8) & 15]!,
    HEX[(b >>> 4) & 15]!,
    HEX[b & 15]!,
  );
}

/** Link positions by id, per life experience, kept by the catalog index: the target resolver and the sort share them. */
const LINK_POSITIONS = derivedKind<Map<string, number>>("link positions");

/** The first position of each link id of a life experience (`undefined` for an unknown experience). */
function linkPositions(index: CatalogIndex, experienceId: string): Map<string, number> | undefined {
  const experience = index.lifeExperiences.get(experienceId);
  if (experience === undefined) return undefined;
  return index.derived(LINK_POSITIONS, experienceId, () => positions(experience.links));
}

/**
 * Resolves ids to a finding target with its path. Targets are frozen and shared: every finding on one step (or
 * service, experience, link) holds the same target object, built once per lint.
 *
 * @internal
 */
export class TargetResolver {
  private readonly services = new Map<string, { readonly target: FindingTarget; readonly steps: Map<string, FindingTarget> }>();
  private readonly experiences = new Map<string, { readonly target: FindingTarget; readonly links: Map<string, FindingTarget> }>();
  private catalogTarget: FindingTarget | undefined;

  constructor(private readonly index: CatalogIndex) {}

  resolve(target: ReportTarget): FindingTarget {
    const { service, step, experience, link } = target;
    if (service !== undefined && (experience !== undefined || link !== undefined)) {
      throw new ReportTargetError("a finding targets a service (and step) or a life experience (and link), not both");
    }
    if (service !== undefined) {
      let known = this.services.get(service);
      if (known === undefined) {
        const si = this.index.serviceIndexes.get(service);
        if (si === undefined) throw new ReportTargetError(`unknown service '${service}' in a report`);
        known = { target: Object.freeze({ kind: "service", service, path: `services[${si}]` }), steps: new Map() };
        this.services.set(service, known);
      }
      if (step === undefined) return known.target;
      let resolved = known.steps.get(step);
      if (resolved === undefined) {
        const found = this.index.step(service, step);
        if (found === undefined) throw new ReportTargetError(`unknown step '${step}' of service '${service}' in a report`);
        resolved = Object.freeze({ kind: "step", service, step, path: `${known.target.path}.steps[${found.stepIndex}]` });
        known.steps.set(step, resolved);
      }
      return resolved;
    }
    if (step !== undefined) throw new ReportTargetError("a report names a step without its service");
    if (experience !== undefined) {
      let known = this.experiences.get(experience);
      if (known === undefined) {
        const ei = this.index.lifeExperienceIndexes.get(experience);
        if (ei === undefined) throw new ReportTargetError(`unknown life experience '${experience}' in a report`);
        known = { target: Object.freeze({ kind: "experience", experience, path: `lifeExperiences[${ei}]` }), links: new Map() };
        this.experiences.set(experience, known);
      }
      if (link === undefined) return known.target;
      let resolved = known.links.get(link);
      if (resolved === undefined) {
        const li = linkPositions(this.index, experience)?.get(link);
        if (li === undefined) throw new ReportTargetError(`unknown link '${link}' of life experience '${experience}' in a report`);
        resolved = Object.freeze({ kind: "link", experience, link, path: `${known.target.path}.links[${li}]` });
        known.links.set(link, resolved);
      }
      return resolved;
    }
    if (link !== undefined) throw new ReportTargetError("a report names a link without its life experience");
    return (this.catalogTarget ??= Object.freeze({ kind: "catalog", path: "" }));
  }

}

/** Computes what a finding costs, per customer and a year. @internal */
export class BurdenCalculator {
  constructor(
    private readonly index: CatalogIndex,
    private readonly hourValue: number,
  ) {}

  private customersAt(ref: StepRef): number {
    const service = this.index.services.get(ref.service);
    const volume = service?.occasion.annualVolume;
    if (service === undefined || volume === undefined) return 0;
    return volume * (reachOf(this.index, ref.service).get(ref.step) ?? 0);
  }

  private customersOfService(serviceId: string | undefined): number {
    if (serviceId === undefined) return 0;
    return this.index.services.get(serviceId)?.occasion.annualVolume ?? 0;
  }

  /** The people entering a life experience (see `experiencePeople`). */
  private customersOfExperience(experienceId: string): number {
    const experience = this.index.lifeExperiences.get(experienceId);
    return experience === undefined ? 0 : experiencePeople(this.index, experience);
  }

  private defaultCustomers(target: FindingTarget): number {
    switch (target.kind) {
      case "step":
        return this.customersAt({ service: target.service!, step: target.step! });
      case "service":
        return this.customersOfService(target.service);
      case "experience":
        return this.customersOfExperience(target.experience!);
      case "link": {
        const link = this.index.lifeExperiences.get(target.experience!)?.links.find((l) => l.id === target.link);
        return link === undefined ? 0 : this.customersAt(link.to);
      }
      case "catalog":
      case "waiver":
        return 0;
      default:
        return nonexhaustive(target.kind, "target kind");
    }
  }

  burden(input: Pick<ReportInput, "minutes" | "waitDays" | "fee" | "burdenSteps" | "customersPerYear">, target: FindingTarget): FindingBurden {
    const minutes = finite(input.minutes);
    const waitDays = finite(input.waitDays);
    const fee = finite(input.fee);
    let customers = 0;
    if (input.customersPerYear !== undefined) customers = finite(input.customersPerYear);
    else if (input.burdenSteps !== undefined) for (const ref of input.burdenSteps) customers += this.customersAt(ref);
    else customers = this.defaultCustomers(target);
    const hours = (minutes * customers) / 60;
    return Object.freeze({
      minutesPerCustomer: tidy(minutes),
      waitDays: tidy(waitDays),
      fee: tidy(fee),
      customersPerYear: tidy(customers),
      annualHours: tidy(hours),
      annualCost: cents(hours * this.hourValue + fee * customers),
    });
  }
}

function finite(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}


/** A finding with its sort position: [group, first position, second position]. */
interface Keyed {
  readonly finding: Finding;
  readonly group: number;
  readonly first: number;
  readonly second: number;
}

/** Computes sort positions. */
class Positions {
  constructor(private readonly index: CatalogIndex) {}

  keyed(finding: Finding): Keyed {
    const index = this.index;
    const target = finding.target;
    switch (target.kind) {
      case "catalog":
        return { finding, group: 0, first: 0, second: 0 };
      case "service":
        return { finding, group: 1, first: index.serviceIndexes.get(target.service!) ?? 0, second: -1 };
      case "step":
        return {
          finding,
          group: 1,
          first: index.serviceIndexes.get(target.service!) ?? 0,
          second: index.step(target.service!, target.step!)?.stepIndex ?? 0,
        };
      case "experience":
        return { finding, group: 2, first: index.lifeExperienceIndexes.get(target.experience!) ?? 0, second: -1 };
      case "link": {
        const ei = index.lifeExperienceIndexes.get(target.experience!) ?? 0;
        return { finding, group: 2, first: ei, second: this.linkPosition(target.experience!, target.link!) };
      }
      case "waiver":
        return { finding, group: 3, first: target.waiver ?? 0, second: 0 };
      default:
        return nonexhaustive(target.kind, "target kind");
    }
  }

  /** The first position of a link id in its experience (-1 when absent, as `findIndex` gives; 0 for an unknown experience). */
  private linkPosition(experienceId: string, linkId: string): number {
    const map = linkPositions(this.index, experienceId);
    return map === undefined ? 0 : (map.get(linkId) ?? -1);
  }
}


function compareKeyed(a: Keyed, b: Keyed): number {
  return (
    a.group - b.group ||
    a.first - b.first ||
    a.second - b.second ||
    byText(a.finding.ruleId, b.finding.ruleId) ||
    byText(a.finding.key ?? "", b.finding.key ?? "") ||
    byText(a.finding.fingerprint, b.finding.fingerprint)
  );
}

/**
 * Sorts findings: catalog-wide first, then by service position (the service before its steps, steps in order),
 * then life experiences (and their links), then waivers; ties by rule id, key, fingerprint.
 *
 * @internal
 */
export function sortFindings(index: CatalogIndex, findings: readonly Finding[]): Finding[] {
  const positions = new Positions(index);
  const keyed: Keyed[] = new Array<Keyed>(findings.length);
  for (let i = 0; i < findings.length; i++) keyed[i] = positions.keyed(findings[i]!);
  keyed.sort(compareKeyed);
  const sorted: Finding[] = new Array<Finding>(keyed.length);
  for (let i = 0; i < keyed.length; i++) sorted[i] = keyed[i]!.finding;
  return sorted;
}
