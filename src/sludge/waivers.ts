/**
 * Waivers: a recorded decision that a friction is legitimate (Sunstein: program integrity, privacy, rationing,
 * ...). A waiver of rule R on a target covers R's findings on that target; covered findings are reported as
 * waived, with the justification, not dropped. Expired and unused waivers are findings of their own.
 */
import { suggest } from "../model/did-you-mean.js";
import type { Catalog, Waiver } from "../model/schema.js";
import { fingerprintOf } from "./internal/findings.js";
import type { Finding, FindingTarget, FindingWaiver, Severity } from "./types.js";
import { known } from "../internal/invariant.js";

/**
 * Whether a waiver's target covers a finding's target: every field the waiver gives must equal the finding's. So
 * a waiver on a service covers the service and all its steps; one on a life experience covers it and its links;
 * one with an empty target covers every finding of its rule.
 *
 * @param waiver - the waiver's target
 * @param target - the finding's target
 * @returns whether the waiver covers it
 * @example
 * ```ts
 * import { waiverCovers } from "service-blueprint";
 * waiverCovers({ service: "svc" }, { kind: "step", service: "svc", step: "sign", path: "services[0].steps[1]" }); // true
 * waiverCovers({ service: "svc", step: "pay" }, { kind: "step", service: "svc", step: "sign", path: "services[0].steps[1]" }); // false
 * ```
 */
export function waiverCovers(waiver: Waiver["target"], target: FindingTarget): boolean {
  if (target.kind === "waiver" || target.kind === "catalog") {
    return waiver.service === undefined && waiver.step === undefined && waiver.experience === undefined && waiver.link === undefined;
  }
  return (
    (waiver.service === undefined || waiver.service === target.service) &&
    (waiver.step === undefined || waiver.step === target.step) &&
    (waiver.experience === undefined || waiver.experience === target.experience) &&
    (waiver.link === undefined || waiver.link === target.link)
  );
}

/** Whether a waiver has expired on a date (`expires` strictly before `today`; ISO dates compare as strings). @internal */
export function waiverExpired(waiver: Waiver, today: string): boolean {
  return waiver.expires !== undefined && waiver.expires < today;
}

function describeTarget(target: Waiver["target"]): string {
  if (target.service !== undefined) return target.step === undefined ? `service '${target.service}'` : `step '${target.service}/${target.step}'`;
  if (target.experience !== undefined) return target.link === undefined ? `life experience '${target.experience}'` : `link '${target.experience}/${target.link}'`;
  return "the whole catalog";
}

function waiverName(waiver: Waiver): string {
  return waiver.id === undefined ? "Waiver" : `Waiver '${waiver.id}'`;
}

/** What the engine needs to build waiver findings. @internal */
export interface WaiverCheckSettings {
  readonly today: string;
  readonly expired: Severity | "off";
  readonly unused: Severity | "off";
  /** Rule ids that ran in this lint (an unused waiver is reported only for those, or for unknown ids). */
  readonly ran: ReadonlySet<string>;
  /** Every known rule id. */
  readonly known: readonly string[];
}

/** The result of applying waivers. @internal */
export interface WaiverOutcome {
  readonly active: Finding[];
  readonly waived: Finding[];
  readonly waiverFindings: Finding[];
}

function waiverRecord(waiver: Waiver, index: number): FindingWaiver {
  const record: { -readonly [K in keyof FindingWaiver]: FindingWaiver[K] } = { index, justification: waiver.justification, note: waiver.note };
  if (waiver.id !== undefined) record.id = waiver.id;
  if (waiver.approvedBy !== undefined) record.approvedBy = waiver.approvedBy;
  if (waiver.expires !== undefined) record.expires = waiver.expires;
  return Object.freeze(record);
}

function specificity(waiver: Waiver): number {
  const t = waiver.target;
  return (t.service !== undefined ? 1 : 0) + (t.step !== undefined ? 2 : 0) + (t.experience !== undefined ? 1 : 0) + (t.link !== undefined ? 2 : 0);
}

function identityOf(waiver: Waiver): string {
  return waiver.id ?? JSON.stringify([waiver.rule, waiver.target.service, waiver.target.step, waiver.target.experience, waiver.target.link, waiver.note]);
}

/**
 * The identity of each waiver, unique within the catalog: its id, or its rule, target and note. Waivers without an id
 * that share rule, target and note (a waiver written twice) are told apart by their whole text, then by position,
 * so that their findings keep distinct fingerprints whatever the order of the list.
 */
function waiverIdentities(waivers: readonly Waiver[]): string[] {
  const identities = waivers.map(identityOf);
  const byIdentity = new Map<string, number[]>();
  identities.forEach((identity, i) => {
    const list = byIdentity.get(identity);
    if (list) list.push(i);
    else byIdentity.set(identity, [i]);
  });
  for (const list of byIdentity.values()) {
    if (list.length < 2) continue;
    const text = new Map(list.map((i) => [i, JSON.stringify(waivers[i])]));
    list.sort((a, b) => (known(text, a) < known(text, b) ? -1 : known(text, a) > known(text, b) ? 1 : a - b));
    list.forEach((i, k) => {
      if (k > 0) identities[i] = `${identities[i]}#${k + 1}`;
    });
  }
  return identities;
}

/** Whether waiver `a` is preferred over `b` to record on a finding both cover. */
function preferred(a: Waiver, b: Waiver): boolean {
  const bySpecificity = specificity(a) - specificity(b);
  if (bySpecificity !== 0) return bySpecificity > 0;
  return identityOf(a) < identityOf(b);
}

const NO_BURDEN = Object.freeze({ minutesPerCustomer: 0, waitDays: 0, fee: 0, customersPerYear: 0, annualHours: 0, annualCost: 0 });

/** The key of a waiver target: a rule and the target fields it gives (a waiver covers a finding whose target has them). */
function coverKey(rule: string, service: string | undefined, step: string | undefined, experience: string | undefined, link: string | undefined): string {
  return JSON.stringify([rule, service ?? null, step ?? null, experience ?? null, link ?? null]);
}

/**
 * The live waivers covering a finding, in waiver order. Waivers are looked up by the exact target they give, so a
 * catalog with thousands of waivers costs a few map lookups per finding: a finding's target has at most two ids
 * (service and step, or life experience and link), and a covering waiver gives a subset of them.
 */
function coveringWaivers(byKey: ReadonlyMap<string, number[]>, ruleId: string, target: FindingTarget): number[] {
  const found: number[] = [];
  const add = (key: string): void => {
    const list = byKey.get(key);
    if (list !== undefined) for (const i of list) found.push(i);
  };
  add(coverKey(ruleId, undefined, undefined, undefined, undefined));
  if (target.kind !== "waiver" && target.kind !== "catalog") {
    const { service, step, experience, link } = target;
    if (service !== undefined) add(coverKey(ruleId, service, undefined, undefined, undefined));
    if (step !== undefined) add(coverKey(ruleId, undefined, step, undefined, undefined));
    if (service !== undefined && step !== undefined) add(coverKey(ruleId, service, step, undefined, undefined));
    if (experience !== undefined) add(coverKey(ruleId, undefined, undefined, experience, undefined));
    if (link !== undefined) add(coverKey(ruleId, undefined, undefined, undefined, link));
    if (experience !== undefined && link !== undefined) add(coverKey(ruleId, undefined, undefined, experience, link));
    // Targets mixing a service or step with an experience or link cover nothing a finding targets (a finding is one
    // or the other), except when the finding's target has both, which it cannot.
  }
  return found.length > 1 ? found.sort((x, y) => x - y) : found;
}

/**
 * Splits findings into active and waived, and reports expired and unused waivers. A finding covered by several
 * live waivers records the most specific one.
 *
 * @internal
 */
export function applyWaivers(catalog: Catalog, findings: readonly Finding[], settings: WaiverCheckSettings): WaiverOutcome {
  const rules = new Set<string>();
  const byKey = new Map<string, number[]>();
  catalog.waivers.forEach((waiver, i) => {
    if (waiverExpired(waiver, settings.today)) return;
    rules.add(waiver.rule);
    const t = waiver.target;
    const key = coverKey(waiver.rule, t.service, t.step, t.experience, t.link);
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const used = new Uint8Array(catalog.waivers.length);
  const active: Finding[] = [];
  const waived: Finding[] = [];
  for (const finding of findings) {
    const matches = rules.has(finding.ruleId) ? coveringWaivers(byKey, finding.ruleId, finding.target) : [];
    if (matches.length === 0) {
      active.push(finding);
      continue;
    }
    // Every covering waiver is in use; the finding records the most specific one (ties by identity), so neither
    // the result nor the unused-waiver findings depend on the order of the waivers.
    for (const i of matches) used[i] = 1;
    const chosen = matches.reduce((best, i) => (preferred(catalog.waivers[i]!, catalog.waivers[best]!) ? i : best));
    waived.push(Object.freeze({ ...finding, waiver: waiverRecord(catalog.waivers[chosen]!, chosen) }));
  }
  const waiverFindings: Finding[] = [];
  const identities = waiverIdentities(catalog.waivers);
  catalog.waivers.forEach((waiver, i) => {
    const identity = identities[i]!;
    const target: FindingTarget = Object.freeze({ kind: "waiver", waiver: i, path: `waivers[${i}]` });
    const make = (ruleId: string, severity: Severity, message: string, evidence: string[], remediation: string): Finding =>
      Object.freeze({
        ruleId,
        severity,
        category: "structure",
        categories: Object.freeze(["structure"] as const),
        message,
        target,
        evidence: Object.freeze(evidence),
        remediation,
        burden: NO_BURDEN,
        fingerprint: fingerprintOf(ruleId, target, undefined, identity),
      });
    const evidence = [`rule: ${waiver.rule}`, `target: ${describeTarget(waiver.target)}`, `justification: ${waiver.justification}`];
    if (waiverExpired(waiver, settings.today)) {
      if (settings.expired === "off") return;
      waiverFindings.push(
        make(
          "expired-waiver",
          settings.expired,
          `${waiverName(waiver)} of rule '${waiver.rule}' on ${describeTarget(waiver.target)} expired on ${waiver.expires}`,
          [...evidence, `expires: ${waiver.expires} (lint date ${settings.today})`],
          "Fix the friction, or review the justification and renew the waiver with a new expiry date.",
        ),
      );
      return;
    }
    if (used[i] === 1 || settings.unused === "off") return;
    const known = settings.known.includes(waiver.rule);
    if (known && !settings.ran.has(waiver.rule)) return;
    const close = known ? undefined : suggest(waiver.rule, settings.known);
    const message = known
      ? `${waiverName(waiver)} of rule '${waiver.rule}' on ${describeTarget(waiver.target)} matches no finding`
      : `${waiverName(waiver)} names unknown rule '${waiver.rule}'${close === undefined ? "" : ` (did you mean '${close}'?)`}`;
    waiverFindings.push(
      make("unused-waiver", settings.unused, message, evidence, known ? "Remove the waiver: the friction it excused is gone, or its target is wrong." : "Correct the rule id."),
    );
  });
  return { active, waived, waiverFindings };
}
