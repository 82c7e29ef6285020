/**
 * A guess at a service's A-11 kind and offering kind from its registered name. The A-11 feedback data names
 * services ("Applying for a Patent", "Visiting IRS.gov") but does not classify them, while a catalog service needs
 * both; the importer fills them from this table and says so in the service's description. A reviewer should
 * confirm them.
 */
import type { OfferingKind, ServiceKind } from "../model/vocabulary.js";

interface KindRule {
  readonly pattern: RegExp;
  readonly kind: ServiceKind;
  readonly offering: OfferingKind;
}

/** Tried in order on the lower-cased name; the first match wins. */
const KIND_RULES: readonly KindRule[] = [
  { pattern: /\btax\b/, kind: "compliance", offering: "filing" },
  { pattern: /\bpatent|\btrademark/, kind: "regulatory", offering: "license-or-permit" },
  { pattern: /\bvoluntary protection|\bvpp\b|\bpermit\b|\blicen[cs]e\b/, kind: "regulatory", offering: "other" },
  { pattern: /\bcampsite|\brecreation|\btrip\b|\brefuge\b|\bhatchery\b/, kind: "recreation", offering: "access" },
  { pattern: /\bhealth insurance\b|\bmedicaid\b|\bmedicare\b(?! benefits)/, kind: "benefits", offering: "insurance" },
  { pattern: /\bloan\b/, kind: "benefits", offering: "loan" },
  { pattern: /\baccount\b|\bservices online\b|\bonline services\b/, kind: "administrative", offering: "access" },
  {
    pattern: /\bcontact center\b|\bhelp desk\b|\bgetting help\b|\basking about\b|\binformation\b|\bvisiting\b|\bsearching for careers\b|\bwebsite resources\b/,
    kind: "informational",
    offering: "information",
  },
  { pattern: /\bstudent aid\b|\bfinancial aid\b|\bawards?\b|\bgrants?\b/, kind: "benefits", offering: "grant" },
  { pattern: /\bbenefits?\b|\bcompensation\b|\bretirement\b|\bannuit|\bdisaster assistance\b|\bincentives? program\b/, kind: "benefits", offering: "benefit" },
  { pattern: /\boutpatient\b|\bmedical\b|\bhealth care\b/, kind: "benefits", offering: "care" },
  { pattern: /\bpassport|\bcard\b/, kind: "administrative", offering: "document" },
];

/**
 * The kind and offering kind the importer assumes for a service name, with the default it falls back to.
 */
export function guessServiceKind(name: string): { readonly kind: ServiceKind; readonly offering: OfferingKind } {
  const lower = name.toLowerCase();
  const rule = KIND_RULES.find((r) => r.pattern.test(lower));
  return rule === undefined ? { kind: "administrative", offering: "other" } : { kind: rule.kind, offering: rule.offering };
}
