/**
 * Imports the A-11 customer feedback that High-Impact Service Providers report each quarter (GSA's merged HISP CX
 * data, the table performance.gov publishes) into a catalog: agencies, channels, designated services and their
 * feedback collections, or, in merge mode, the feedback alone attached to the services of an existing catalog.
 * Every row is accounted for in the report: imported, or skipped with the reason.
 */
import type {
  Agency,
  Catalog,
  CatalogInput,
  Channel,
  FeedbackCollection,
  FeedbackQuestion,
  Service,
  ServiceInput,
  Source,
  StepInput,
} from "../model/schema.js";
import { suggest } from "../model/did-you-mean.js";
import { safeParseCatalog } from "../model/validate.js";
import { CHANNEL_KINDS, type A11Driver, type ChannelKind } from "../model/vocabulary.js";
import { A11_CSV_POINTS, type A11CsvQuestion, type A11CsvRow, readA11Csv } from "./a11-csv.js";
import { A11ImportError } from "./a11-error.js";
import { type QuestionDriverHow, type QuestionDriverMatch, mapQuestionDriver } from "./question-drivers.js";
import { guessServiceKind } from "./service-kinds.js";

/**
 * Merge mode of {@link importA11Feedback}: attach the feedback to the services of an existing catalog.
 *
 * @example
 * ```ts
 * import { importA11Feedback } from "service-blueprint";
 * const { catalog } = importA11Feedback(csvText, { merge: { catalog: existing, serviceIds: { "16": "irs-website" } } });
 * ```
 */
export interface A11MergeOptions {
  /** The catalog to attach feedback to. Everything in it is kept as it was. */
  readonly catalog: Catalog;
  /**
   * CSV service id (`attributes_service_id`, e.g. `"16"`) → catalog service id. CSV services not listed are
   * matched by provider and service name; those that match no service are skipped and reported.
   */
  readonly serviceIds?: Readonly<Record<string, string>>;
}

/**
 * Options of {@link importA11Feedback}.
 *
 * @example
 * ```ts
 * import { importA11Feedback } from "service-blueprint";
 * importA11Feedback(csvText, {
 *   name: "Federal HISP services",
 *   source: { id: "hisp-cx-data", title: "HISP CX Data", url: "https://github.com/GSA/HISP-CX-Data" },
 * });
 * ```
 */
export interface ImportA11FeedbackOptions {
  /** The new catalog's name (not used in merge mode). Default "A-11 customer feedback". */
  readonly name?: string;
  /** The new catalog's description (not used in merge mode). */
  readonly description?: string;
  /** The source the data comes from, cited by every imported service (not added in merge mode). */
  readonly source?: Source;
  /** Attach the feedback to an existing catalog's services instead of building a new catalog. */
  readonly merge?: A11MergeOptions;
}

/**
 * A row that became a feedback collection.
 *
 * @example
 * ```ts
 * import type { A11ImportedRow } from "service-blueprint";
 * const row: A11ImportedRow = { row: 1, line: 2, id: "1", service: "va-vha", fiscalYear: 2021, quarter: 2, questions: 7 };
 * ```
 */
export interface A11ImportedRow {
  /** The 1-based data row. */
  readonly row: number;
  /** The line where it starts. */
  readonly line: number;
  /** Its `id` cell. */
  readonly id: string;
  /** The catalog service that received the collection. */
  readonly service: string;
  /** The collection's fiscal year. */
  readonly fiscalYear: number;
  /** The collection's quarter. */
  readonly quarter: number;
  /** Questions kept (empty slots are not). */
  readonly questions: number;
}

/**
 * A row that was not imported, and why.
 *
 * @example
 * ```ts
 * import type { A11SkippedRow } from "service-blueprint";
 * const row: A11SkippedRow = { row: 7, line: 20, id: "77", reason: "no service in the catalog matches 'Visiting IRS.gov'" };
 * ```
 */
export interface A11SkippedRow {
  /** The 1-based data row. */
  readonly row: number;
  /** The line where it starts. */
  readonly line: number;
  /** Its `id` cell. */
  readonly id: string;
  /** Why, and how to import it. */
  readonly reason: string;
}

/**
 * How one distinct question text was mapped to a driver.
 *
 * @example
 * ```ts
 * import type { A11QuestionMapping } from "service-blueprint";
 * const m: A11QuestionMapping = { text: "My need was addressed.", driver: "effectiveness", how: "pattern", rule: "effectiveness", occurrences: 146, rows: [1, 2] };
 * ```
 */
export interface A11QuestionMapping {
  /** The text, whitespace collapsed (empty for slots with answers but no text). */
  readonly text: string;
  /** The driver it got (`custom` when none). */
  readonly driver: A11Driver;
  /** How. */
  readonly how: QuestionDriverHow;
  /** The rule that decided, when one did. */
  readonly rule?: string;
  /** For `ambiguous`: the drivers its sentences matched. */
  readonly candidates?: readonly A11Driver[];
  /** How many imported questions have this text. */
  readonly occurrences: number;
  /** The data rows they are on. */
  readonly rows: readonly number[];
}

/**
 * Every code an {@link A11ImportWarning} can carry.
 *
 * @example
 * ```ts
 * import { A11_IMPORT_WARNING_CODES } from "service-blueprint";
 * A11_IMPORT_WARNING_CODES.includes("channel_mixed"); // true
 * ```
 */
export const A11_IMPORT_WARNING_CODES = [
  "channel_mixed",
  "channel_missing",
  "channel_unknown",
  "channel_added",
  "question_unmapped",
  "question_other_scale",
  "question_not_rating",
  "question_ambiguous",
  "question_without_text",
  "question_without_answers",
  "volumes_inconsistent",
  "service_shared_by_providers",
  "provider_departments_differ",
  "text_truncated",
  "collection_replaced",
  "mapping_unused",
] as const;

/** One of {@link A11_IMPORT_WARNING_CODES}. */
export type A11ImportWarningCode = (typeof A11_IMPORT_WARNING_CODES)[number];

/**
 * Something the importer handled but a person should know: data kept in a weaker form, or a choice it made.
 *
 * @example
 * ```ts
 * import type { A11ImportWarning } from "service-blueprint";
 * const w: A11ImportWarning = { code: "channel_mixed", message: "channel 'mixed' names no one channel; collections kept without a channel", rows: [287, 365], column: "attributes_channel" };
 * ```
 */
export interface A11ImportWarning {
  /** What kind of warning. */
  readonly code: A11ImportWarningCode;
  /** What happened and what the importer did. */
  readonly message: string;
  /** The data rows concerned, ascending (empty when it concerns no row). */
  readonly rows: readonly number[];
  /** The column concerned, when one is. */
  readonly column?: string;
  /** The question text concerned, in full, for the `question_*` warnings (their message does not repeat it). */
  readonly text?: string;
}

/**
 * What {@link importA11Feedback} did with every row.
 *
 * @example
 * ```ts
 * import { importA11Feedback } from "service-blueprint";
 * const { report } = importA11Feedback(csvText);
 * report.rows === report.imported.length + report.skipped.length; // true
 * ```
 */
export interface A11ImportReport {
  /** Data rows read. Always `imported.length + skipped.length`. */
  readonly rows: number;
  /** Rows that became feedback collections, in row order. */
  readonly imported: readonly A11ImportedRow[];
  /** Rows that did not, with the reason, in row order. */
  readonly skipped: readonly A11SkippedRow[];
  /** Each distinct question text of the imported rows, and the driver it got; sorted by text. */
  readonly mapped: readonly A11QuestionMapping[];
  /** Question slots with neither text nor answers (or a filler like "NONE"), which are left out. */
  readonly emptyQuestionSlots: number;
  /** Warnings, grouped per cause, sorted by code then message. */
  readonly warnings: readonly A11ImportWarning[];
}

/**
 * The result of {@link importA11Feedback}.
 *
 * @example
 * ```ts
 * import { importA11Feedback, type A11ImportResult } from "service-blueprint";
 * const result: A11ImportResult = importA11Feedback(csvText);
 * result.catalog.services.length;
 * ```
 */
export interface A11ImportResult {
  /** The catalog: valid, frozen, with defaults filled in. */
  readonly catalog: Catalog;
  /** What happened to every row. */
  readonly report: A11ImportReport;
}

// ── small helpers ─────────────────────────────────────────────────────────────────────────────────────────────

const NAME_MAX = 500;
const TEXT_MAX = 20_000;

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric ids ("9" before "10") first by number, then text. */
function byCsvId(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return byText(a, b);
}

/** The most frequent value (ties: the smallest in code-unit order); `undefined` for none. */
function mostFrequent(counts: ReadonlyMap<string, number>, order: (a: string, b: string) => number = byText): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && order(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A catalog id from free text: lower-case words joined by '-', starting with a letter, at most 60 characters. */
function slugId(value: string, prefix: string): string {
  let slug = value
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > 60) {
    const cut = slug.slice(0, 60);
    slug = cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
  }
  if (slug === "") return prefix;
  return /^[a-z]/.test(slug) ? slug : `${prefix}-${slug}`;
}

/** Gives `base`, or `base-2`, `base-3`, ... when taken. */
function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Names of the same body written differently: "U.S. Citizenship and Immigration Services" ~ "Citizenship and ...". */
function bodyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^(?:the )?(?:us |united states )?(?:department of (?:the )?)?/, "")
    .trim();
}

const MINOR_WORDS = new Set(["of", "and", "the", "for", "on", "in", "to", "a"]);

function initials(name: string): string {
  return bodyKey(name)
    .split(" ")
    .filter((word) => word !== "" && !MINOR_WORDS.has(word))
    .map((word) => word[0])
    .join("");
}

/** Service names compared loosely: case, punctuation and spacing ignored. */
function looseKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

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

/** The CSV's channel words, and the federal channel kind each stands for. */
const CSV_CHANNELS: Readonly<Record<string, ChannelKind>> = {
  computer: "computer",
  email: "email",
  automated_phone: "automated-phone",
  phone: "phone",
  // Mobile web and apps alike: the kind list has no separate mobile-web kind.
  mobile: "mobile-app",
  in_person: "in-person",
  website: "website",
  paper: "paper",
  postal_mail: "postal-mail",
};

const CHANNEL_NAMES: Readonly<Record<ChannelKind, string>> = {
  website: "Website",
  "mobile-app": "Mobile",
  computer: "Computer",
  email: "Email",
  "live-chat": "Live chat",
  chatbot: "Chatbot",
  sms: "Text message",
  "social-media": "Social media",
  phone: "Phone",
  "automated-phone": "Automated phone",
  "in-person": "In person",
  kiosk: "Self-service kiosk",
  paper: "Paper",
  "postal-mail": "Postal mail",
  fax: "Fax",
  other: "Other",
};

function channelKindOf(cell: string): ChannelKind | "mixed" | "missing" | undefined {
  if (cell === "") return "missing";
  if (cell === "mixed") return "mixed";
  const key = cell.replace(/[\s-]+/g, "_");
  const direct = CSV_CHANNELS[key];
  if (direct !== undefined) return direct;
  const kebab = cell.replace(/[\s_]+/g, "-");
  return (CHANNEL_KINDS as readonly string[]).includes(kebab) ? (kebab as ChannelKind) : undefined;
}

// ── warnings ──────────────────────────────────────────────────────────────────────────────────────────────────

class Warnings {
  private readonly byKey = new Map<string, { code: A11ImportWarningCode; message: string; rows: Set<number>; column?: string; text?: string }>();

  add(code: A11ImportWarningCode, message: string, row?: number, column?: string, text?: string): void {
    const key = `${code}\u0000${message}\u0000${text ?? ""}`;
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      entry = { code, message, rows: new Set(), ...(column !== undefined ? { column } : {}), ...(text !== undefined ? { text } : {}) };
      this.byKey.set(key, entry);
    }
    if (row !== undefined) entry.rows.add(row);
  }

  list(): A11ImportWarning[] {
    return [...this.byKey.values()]
      .map((w) => ({
        code: w.code,
        message: w.message,
        rows: [...w.rows].sort((a, b) => a - b),
        ...(w.column !== undefined ? { column: w.column } : {}),
        ...(w.text !== undefined ? { text: w.text } : {}),
      }))
      .sort((a, b) => byText(a.code, b.code) || byText(a.message, b.message) || byText(a.text ?? "", b.text ?? ""));
  }
}

function fitName(value: string, warnings: Warnings, row: number, column: string): string {
  if (value.length <= NAME_MAX) return value;
  warnings.add("text_truncated", `a value longer than ${NAME_MAX} characters was shortened`, row, column);
  return `${value.slice(0, NAME_MAX - 1)}…`;
}

function fitText(value: string): string {
  return value.length <= TEXT_MAX ? value : `${value.slice(0, TEXT_MAX - 1)}…`;
}

// ── questions ─────────────────────────────────────────────────────────────────────────────────────────────────

interface MappingEntry {
  readonly text: string;
  readonly match: QuestionDriverMatch;
  occurrences: number;
  readonly rows: Set<number>;
}

const HOW_WARNINGS: Partial<Record<QuestionDriverHow, { code: A11ImportWarningCode; says: string }>> = {
  unmapped: { code: "question_unmapped", says: "matches no A-11 driver" },
  "other-scale": { code: "question_other_scale", says: "is on another scale than 5 agreement points" },
  "not-a-rating": { code: "question_not_rating", says: "is not a rating" },
  ambiguous: { code: "question_ambiguous", says: "matches several drivers" },
};

/** Turns a row's question slots into catalog questions, recording mappings and warnings. */
function rowQuestions(
  row: A11CsvRow,
  mappings: Map<string, MappingEntry>,
  warnings: Warnings,
  counters: { emptySlots: number },
  matches: Map<string, QuestionDriverMatch>,
): FeedbackQuestion[] {
  const questions: FeedbackQuestion[] = [];
  for (const slot of row.questions) {
    const answered = slot.counts.some((c) => c > 0) || slot.mean !== undefined;
    // The same few hundred texts recur on thousands of slots: map each once.
    let match = matches.get(slot.text);
    if (match === undefined) {
      match = mapQuestionDriver(slot.text);
      matches.set(slot.text, match);
    }
    if (match.how === "no-text" && !answered) {
      counters.emptySlots += 1;
      continue;
    }
    const text = match.how === "no-text" ? "" : slot.text;
    let entry = mappings.get(text);
    if (entry === undefined) {
      entry = { text, match, occurrences: 0, rows: new Set() };
      mappings.set(text, entry);
    }
    entry.occurrences += 1;
    entry.rows.add(row.row);
    if (match.how === "no-text") {
      warnings.add("question_without_text", "a question slot has answers but no text; kept as a custom question", row.row);
    } else {
      const warning = HOW_WARNINGS[match.how];
      if (warning !== undefined) {
        const candidates = match.candidates !== undefined ? ` (${match.candidates.join(", ")})` : "";
        warnings.add(warning.code, `the question ${warning.says}${candidates}; kept as a custom question`, row.row, undefined, text);
      }
      if (!answered) warnings.add("question_without_answers", "the question has no answers reported; kept with zero counts", row.row, undefined, text);
    }
    questions.push(toQuestion(slot, match.driver, text));
  }
  return questions;
}

function toQuestion(slot: A11CsvQuestion, driver: A11Driver, text: string): FeedbackQuestion {
  return {
    driver,
    ...(text !== "" ? { text: fitText(text) } : {}),
    scale: A11_CSV_POINTS,
    counts: [...slot.counts],
    ...(slot.mean !== undefined ? { mean: slot.mean } : {}),
  };
}

// ── the CSV's bodies and services ─────────────────────────────────────────────────────────────────────────────

interface OrgInfo {
  readonly csvId: string;
  readonly names: Map<string, number>;
  readonly abbreviations: Map<string, number>;
}

interface ProviderInfo {
  readonly csvId: string;
  readonly names: Map<string, number>;
  readonly descriptions: Map<string, number>;
  /** Rows per organization the provider appears under. */
  readonly orgs: Map<string, number>;
}

interface ServiceInfo {
  readonly csvId: string;
  readonly names: Map<string, number>;
  readonly slugs: Map<string, number>;
  readonly descriptions: Map<string, number>;
  readonly providers: Map<string, number>;
  /** Case-insensitive key → spellings with counts. */
  readonly provided: Map<string, Map<string, number>>;
  readonly rows: A11CsvRow[];
}

function info<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

interface Bodies {
  readonly orgs: Map<string, OrgInfo>;
  readonly providers: Map<string, ProviderInfo>;
  readonly services: Map<string, ServiceInfo>;
}

function gather(rows: readonly A11CsvRow[]): Bodies {
  const orgs = new Map<string, OrgInfo>();
  const providers = new Map<string, ProviderInfo>();
  const services = new Map<string, ServiceInfo>();
  for (const row of rows) {
    if (row.organizationId !== "") {
      const org = info(orgs, row.organizationId, () => ({ csvId: row.organizationId, names: new Map(), abbreviations: new Map() }));
      if (row.organizationName !== "") bump(org.names, row.organizationName);
      if (row.organizationAbbreviation !== "") bump(org.abbreviations, row.organizationAbbreviation);
    }
    const provider = info(providers, row.providerId, () => ({ csvId: row.providerId, names: new Map(), descriptions: new Map(), orgs: new Map() }));
    bump(provider.names, row.providerName);
    if (row.providerDescription !== "") bump(provider.descriptions, row.providerDescription);
    if (row.organizationId !== "") bump(provider.orgs, row.organizationId);
    const service = info(services, row.serviceId, () => ({
      csvId: row.serviceId,
      names: new Map(),
      slugs: new Map(),
      descriptions: new Map(),
      providers: new Map(),
      provided: new Map(),
      rows: [],
    }));
    if (row.serviceName !== "") bump(service.names, row.serviceName);
    if (row.serviceSlug !== "") bump(service.slugs, row.serviceSlug);
    if (row.serviceDescription !== "") bump(service.descriptions, row.serviceDescription);
    bump(service.providers, row.providerId);
    if (row.serviceProvided !== "") bump(info(service.provided, row.serviceProvided.toLowerCase(), () => new Map()), row.serviceProvided);
    service.rows.push(row);
  }
  return { orgs, providers, services };
}

interface ResolvedProvider {
  readonly agencyId: string;
  readonly name: string;
  /** Names and acronyms the provider goes by, as {@link bodyKey}s, for matching catalog agencies. */
  readonly keys: ReadonlySet<string>;
}

interface AgencyPlan {
  readonly agencies: Agency[];
  readonly providers: Map<string, ResolvedProvider>;
}

/** Decides the agencies: departments (organizations), providers, and bureaus that filed as organizations. */
function planAgencies(bodies: Bodies, warnings: Warnings): AgencyPlan {
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
  const orgAgencyId = (org: OrgInfo) => orgIds.get(org.csvId)!;
  const isSelf = (providerName: string, org: OrgInfo): boolean => {
    const abbreviation = orgAbbreviation(org)?.toLowerCase();
    return bodyKey(providerName) === bodyKey(orgName(org)) || (abbreviation !== undefined && abbreviation.length > 1 && initials(providerName) === abbreviation);
  };

  const agencies = new Map<string, { -readonly [K in keyof Agency]: Agency[K] }>();
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
    const underOrgs = [...provider.orgs.keys()].sort(byCsvId).map((id) => bodies.orgs.get(id)!);
    const self = underOrgs.find((org) => isSelf(name, org));
    const parents = new Map<string, number>();
    for (const org of underOrgs) if (org !== self) parents.set(orgAgencyId(org), provider.orgs.get(org.csvId)!);
    let department = mostFrequent(parents);
    if (parents.size > 1) {
      warnings.add(
        "provider_departments_differ",
        `provider '${name}' is reported under several organizations (${[...parents.keys()].sort(byText).join(", ")}); its department is '${department}', the one with most rows`,
      );
    }
    const keys = new Set([bodyKey(name)]);
    let agency: { -readonly [K in keyof Agency]: Agency[K] };
    if (self !== undefined) {
      agency = agencies.get(orgAgencyId(self))!;
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
  // Bureaus that filed as organizations get their department, which may not be in the file.
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
  const list = [...agencies.values()].map(orderAgency).sort((a, b) => byText(a.id, b.id));
  return { agencies: list, providers };
}

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

/** The spellings of `service_provided` under a service: one per case-insensitive value, its most used spelling. */
function providedList(service: ServiceInfo): string[] {
  return [...service.provided.values()].map((spellings) => mostFrequent(spellings)!).sort((a, b) => byText(a.toLowerCase(), b.toLowerCase()) || byText(a, b));
}

// ── collections ───────────────────────────────────────────────────────────────────────────────────────────────

function collectionKey(c: FeedbackCollection): string {
  return [c.survey, c.fiscalYear, c.quarter, c.channel ?? "", c.transactionPoint ?? "", c.serviceProvided ?? ""].join("\u0000");
}

function compareCollections(a: { collection: FeedbackCollection; row: number }, b: { collection: FeedbackCollection; row: number }): number {
  const x = a.collection;
  const y = b.collection;
  return (
    x.fiscalYear - y.fiscalYear ||
    x.quarter - y.quarter ||
    byText(x.serviceProvided ?? "", y.serviceProvided ?? "") ||
    byText(x.channel ?? "", y.channel ?? "") ||
    byText(x.transactionPoint ?? "", y.transactionPoint ?? "") ||
    a.row - b.row
  );
}

function checkVolumes(row: A11CsvRow, warnings: Warnings): void {
  const { customers, offered, respondents } = row;
  if (offered !== undefined && respondents !== undefined && respondents > offered) {
    warnings.add(
      "volumes_inconsistent",
      "more respondents than customers offered the survey (an offered volume of 0 usually means it was not reported); kept as reported",
      row.row,
      "attributes_volume_of_customers_provided_survey_opportunity",
    );
  }
  if (customers !== undefined && offered !== undefined && offered > customers) {
    warnings.add(
      "volumes_inconsistent",
      "more customers offered the survey than customers served (a customer volume of 0 usually means it was not reported); kept as reported",
      row.row,
      "attributes_volume_of_customers",
    );
  }
}

/** Builds a row's collection; `channelId` resolves a channel kind to the id to reference. */
function rowCollection(
  row: A11CsvRow,
  questions: FeedbackQuestion[],
  channelId: (kind: ChannelKind) => string,
  warnings: Warnings,
): FeedbackCollection {
  const kind = channelKindOf(row.channel);
  let channel: string | undefined;
  if (kind === "mixed") {
    warnings.add("channel_mixed", "channel 'mixed' names no one channel; the collections are kept without a channel", row.row, "attributes_channel");
  } else if (kind === "missing") {
    warnings.add("channel_missing", "no channel given; the collections are kept without a channel", row.row, "attributes_channel");
  } else if (kind === undefined) {
    warnings.add("channel_unknown", `channel '${row.channel}' is not a federal channel kind; the collections are kept without a channel`, row.row, "attributes_channel");
  } else {
    channel = channelId(kind);
  }
  checkVolumes(row, warnings);
  const volumes: { customers?: number; offered?: number; respondents?: number } = {};
  if (row.customers !== undefined) volumes.customers = row.customers;
  if (row.offered !== undefined) volumes.offered = row.offered;
  if (row.respondents !== undefined) volumes.respondents = row.respondents;
  return {
    survey: "v1",
    fiscalYear: row.fiscalYear,
    quarter: row.quarter,
    ...(channel !== undefined ? { channel } : {}),
    ...(row.transactionPoint !== "" ? { transactionPoint: fitName(row.transactionPoint, warnings, row.row, "attributes_transaction_point") } : {}),
    ...(row.serviceProvided !== "" ? { serviceProvided: fitName(row.serviceProvided, warnings, row.row, "attributes_service_provided") } : {}),
    volumes,
    questions,
  };
}

// ── the two modes ─────────────────────────────────────────────────────────────────────────────────────────────

const DEFAULT_SOURCE: Source = { id: "a11-feedback-data", title: "A-11 customer feedback data" };

interface Target {
  readonly serviceId: string;
}

interface Accumulated {
  readonly imported: A11ImportedRow[];
  readonly skipped: A11SkippedRow[];
  readonly mappings: Map<string, MappingEntry>;
  readonly warnings: Warnings;
  readonly counters: { emptySlots: number };
  /** Question text → its driver, computed once per text. */
  readonly matches: Map<string, QuestionDriverMatch>;
  /** Catalog service id → its new collections with their rows. */
  readonly collections: Map<string, { collection: FeedbackCollection; row: number }[]>;
}

function accumulate(
  rows: readonly A11CsvRow[],
  targetOf: (row: A11CsvRow) => Target | string,
  channelId: (kind: ChannelKind, serviceId: string) => string,
  acc: Accumulated,
): void {
  for (const row of rows) {
    if (row.serviceId === "" || row.providerId === "") {
      const missing = row.serviceId === "" ? "attributes_service_id" : "attributes_service_provider_id";
      acc.skipped.push({ row: row.row, line: row.line, id: row.id, reason: `no ${missing}: the row names no registered service to attach to` });
      continue;
    }
    const target = targetOf(row);
    if (typeof target === "string") {
      acc.skipped.push({ row: row.row, line: row.line, id: row.id, reason: target });
      continue;
    }
    const questions = rowQuestions(row, acc.mappings, acc.warnings, acc.counters, acc.matches);
    const collection = rowCollection(row, questions, (kind) => channelId(kind, target.serviceId), acc.warnings);
    info(acc.collections, target.serviceId, () => []).push({ collection, row: row.row });
    acc.imported.push({
      row: row.row,
      line: row.line,
      id: row.id,
      service: target.serviceId,
      fiscalYear: row.fiscalYear,
      quarter: row.quarter,
      questions: questions.length,
    });
  }
}

function finishReport(rows: readonly A11CsvRow[], acc: Accumulated): A11ImportReport {
  const mapped: A11QuestionMapping[] = [...acc.mappings.values()]
    .map((entry) => ({
      text: entry.text,
      driver: entry.match.driver,
      how: entry.match.how,
      ...(entry.match.rule !== undefined ? { rule: entry.match.rule } : {}),
      ...(entry.match.candidates !== undefined ? { candidates: entry.match.candidates } : {}),
      occurrences: entry.occurrences,
      rows: [...entry.rows].sort((a, b) => a - b),
    }))
    .sort((a, b) => byText(a.text, b.text));
  return {
    rows: rows.length,
    imported: acc.imported,
    skipped: acc.skipped,
    mapped,
    emptyQuestionSlots: acc.counters.emptySlots,
    warnings: acc.warnings.list(),
  };
}

function validated(document: unknown, what: string): Catalog {
  const result = safeParseCatalog(document);
  if (!result.success) {
    throw new A11ImportError("invalid_catalog", `${what} is not a valid catalog: ${result.issues[0]?.path ?? ""} ${result.issues[0]?.message ?? ""}`.trim(), {
      issues: result.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  return result.catalog;
}

function sortedFeedback(list: { collection: FeedbackCollection; row: number }[]): FeedbackCollection[] {
  return [...list].sort(compareCollections).map((entry) => entry.collection);
}

function importNew(rows: readonly A11CsvRow[], options: ImportA11FeedbackOptions, acc: Accumulated): Catalog {
  const bodies = gather(rows.filter((row) => row.serviceId !== "" && row.providerId !== ""));
  const plan = planAgencies(bodies, acc.warnings);
  const source = options.source ?? DEFAULT_SOURCE;

  const serviceIds = new Map<string, string>();
  const takenServiceIds = new Set<string>();
  const sortedServices = [...bodies.services.values()].sort((a, b) => byCsvId(a.csvId, b.csvId));
  for (const service of sortedServices) {
    const base = slugId(mostFrequent(service.slugs) ?? mostFrequent(service.names) ?? `service-${service.csvId}`, "service");
    serviceIds.set(service.csvId, takenServiceIds.has(base) ? uniqueId(`${base}-${service.csvId}`, takenServiceIds) : uniqueId(base, takenServiceIds));
  }
  const channelKinds = new Set<ChannelKind>();
  const channelsByService = new Map<string, Set<ChannelKind>>();
  accumulate(
    rows,
    (row) => ({ serviceId: serviceIds.get(row.serviceId)! }),
    (kind, serviceId) => {
      channelKinds.add(kind);
      info(channelsByService, serviceId, () => new Set()).add(kind);
      return kind;
    },
    acc,
  );

  const services: ServiceInput[] = [];
  for (const service of sortedServices) {
    const id = serviceIds.get(service.csvId)!;
    const name = mostFrequent(service.names) ?? `Service ${service.csvId}`;
    const providerCsvId = mostFrequent(service.providers, byCsvId)!;
    const provider = plan.providers.get(providerCsvId)!;
    const rowsOf = service.rows.map((r) => r.row);
    if (service.providers.size > 1) {
      const others = [...service.providers.keys()].filter((p) => p !== providerCsvId).sort(byCsvId);
      const otherNames = others.map((p) => `'${plan.providers.get(p)!.name}'`).join(", ");
      for (const row of rowsOf) {
        acc.warnings.add(
          "service_shared_by_providers",
          `service '${name}' is reported by several providers; it belongs to '${provider.name}' (most rows), also reported by ${otherNames}`,
          row,
        );
      }
    }
    const channels = [...(channelsByService.get(id) ?? [])].sort(byText);
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
    services.push({
      id,
      name: fitName(name, acc.warnings, service.rows[0]!.row, "attributes_service_name"),
      agency: provider.agencyId,
      kind: guess.kind,
      designated: true,
      description: fitText(description),
      occasion: { kind: "intent", story: fitName(name, acc.warnings, service.rows[0]!.row, "attributes_service_name") },
      offering: { name: fitName(name, acc.warnings, service.rows[0]!.row, "attributes_service_name"), kind: guess.offering },
      channels,
      sources: [source.id],
      steps: [step],
      feedback: sortedFeedback(acc.collections.get(id) ?? []),
    });
  }
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

function importMerge(rows: readonly A11CsvRow[], merge: A11MergeOptions, acc: Accumulated): Catalog {
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

/**
 * Imports A-11 customer feedback data (the quarterly reports of High-Impact Service Providers, as GSA merges them
 * for performance.gov) into a catalog.
 *
 * Without `merge`, it builds a new catalog: departments and providers as agencies (providers are HISPs; a bureau
 * that reported as an organization gets its department), one channel per channel kind used, one designated
 * service per registered service (`attributes_service_id`) with the services provided under it, and one v1
 * feedback collection per row with its volumes and questions. The data does not describe the services' steps: each
 * gets one placeholder customer step, marked `assumed`, and a kind and offering guessed from its name.
 *
 * With `merge`, it attaches the collections to the services of `merge.catalog` (by `merge.serviceIds`, else by
 * provider and service name) and leaves everything else as it was, adding only channels the feedback needs. A
 * collection with the same quarter, channel, transaction point and service provided as an existing one replaces
 * it, so importing the same file twice changes nothing.
 *
 * Questions are mapped to drivers by their wording ({@link mapQuestionDriver}); one that maps to none, or is on
 * another scale, is kept as `custom` and reported as a warning. Channel `mixed` or empty is kept as no channel,
 * with a warning. Every row is accounted for: `report.rows === report.imported.length + report.skipped.length`.
 *
 * @param csvText - the CSV text (GSA's merged HISP CX data, with its header)
 * @param options - catalog name and source, or merge mode
 * @returns the catalog (valid, frozen) and the report
 * @throws {@link A11ImportError} when the text is not readable CSV, a column is missing, a number is not one, or
 *   `merge.serviceIds` names a service the catalog does not have
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { importA11Feedback, serializeCatalog } from "service-blueprint";
 * const { catalog, report } = importA11Feedback(readFileSync("hisp-cx-data.csv", "utf8"));
 * console.log(`${report.imported.length} collections, ${report.warnings.length} warnings`);
 * const yaml = serializeCatalog(catalog, { format: "yaml" });
 * ```
 */
export function importA11Feedback(csvText: string, options: ImportA11FeedbackOptions = {}): A11ImportResult {
  const rows = readA11Csv(csvText);
  const acc: Accumulated = {
    imported: [],
    skipped: [],
    mappings: new Map(),
    warnings: new Warnings(),
    counters: { emptySlots: 0 },
    matches: new Map(),
    collections: new Map(),
  };
  const catalog = options.merge !== undefined ? importMerge(rows, options.merge, acc) : importNew(rows, options, acc);
  acc.imported.sort((a, b) => a.row - b.row);
  acc.skipped.sort((a, b) => a.row - b.row);
  return { catalog, report: finishReport(rows, acc) };
}
