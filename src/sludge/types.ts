/**
 * The data the sludge linter works with: severities, categories, what a rule reports, and the findings the
 * engine returns. Everything here is plain readonly data.
 */
import type { CatalogIndex } from "../model/index-lookup.js";
import type { Catalog, StepRef } from "../model/schema.js";

/**
 * Every severity a finding can carry, from worst to mildest.
 *
 * @example
 * ```ts
 * import { SEVERITIES } from "service-blueprint";
 * SEVERITIES; // ["error", "warning", "info"]
 * ```
 */
export const SEVERITIES = ["error", "warning", "info"] as const;

/**
 * How serious a finding is. Rules carry a default; presets and configuration decide.
 *
 * @example
 * ```ts
 * import type { Severity } from "service-blueprint";
 * const severity: Severity = "warning";
 * ```
 */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Every rule category: the three costs of administrative burden (Herd and Moynihan: learning, compliance,
 * psychological), inclusion, and two for checks that are not sludge (model structure and A-11 conformance).
 *
 * @example
 * ```ts
 * import { RULE_CATEGORIES } from "service-blueprint";
 * RULE_CATEGORIES.includes("psychological"); // true
 * ```
 */
export const RULE_CATEGORIES = ["learning", "compliance", "psychological", "inclusion", "structure", "a11"] as const;

/**
 * One of {@link RULE_CATEGORIES}.
 *
 * @example
 * ```ts
 * import type { RuleCategory } from "service-blueprint";
 * const category: RuleCategory = "compliance";
 * ```
 */
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/**
 * A public source a rule rests on.
 *
 * @example
 * ```ts
 * import type { RuleSource } from "service-blueprint";
 * const source: RuleSource = { title: "OMB M-23-22", url: "https://digital.gov/resources/delivering-digital-first-public-experience/" };
 * ```
 */
export interface RuleSource {
  /** Title, author and year as a reader would cite it. */
  readonly title: string;
  /** Where to read it, when it is online. */
  readonly url?: string | undefined;
}

/**
 * What a rule points a finding at. Give `service` (and `step`) for a service or one of its steps, `experience`
 * (and `link`) for a life experience or one of its links, or nothing for the catalog as a whole.
 *
 * @example
 * ```ts
 * import type { ReportTarget } from "service-blueprint";
 * const step: ReportTarget = { service: "ssa-retirement", step: "sign-form" };
 * const link: ReportTarget = { experience: "retirement", link: "ssa-to-cms" };
 * ```
 */
export interface ReportTarget {
  /** A service id. */
  readonly service?: string | undefined;
  /** A step id of `service`. */
  readonly step?: string | undefined;
  /** A life experience id. */
  readonly experience?: string | undefined;
  /** A link id of `experience`. */
  readonly link?: string | undefined;
}

/**
 * What a rule passes to `ctx.report`.
 *
 * @example
 * ```ts
 * import type { ReportInput } from "service-blueprint";
 * const input: ReportInput = {
 *   target: { service: "ssa-retirement", step: "sign-form" },
 *   message: "Step 'sign-form' needs a wet signature",
 *   evidence: ["signature: wet"],
 *   minutes: 20,
 * };
 * ```
 */
export interface ReportInput {
  /** What the finding is about. */
  readonly target: ReportTarget;
  /** One sentence saying what is wrong, naming the ids involved. */
  readonly message: string;
  /** The facts of the model the finding rests on, one a line. */
  readonly evidence?: readonly string[] | undefined;
  /** Minutes of customer time the friction costs each customer who bears it (default 0). */
  readonly minutes?: number | undefined;
  /** Days of waiting the friction costs each customer who bears it (default 0). */
  readonly waitDays?: number | undefined;
  /** Dollars paid out of pocket by each customer who bears it (default 0). */
  readonly fee?: number | undefined;
  /** Tells apart several findings of one rule on one target (part of the fingerprint). */
  readonly key?: string | undefined;
  /**
   * The steps whose customers bear the burden; their yearly customers (annual volume × reach) are summed. By
   * default the target step; for a service its annual volume; for a life experience the volumes of its services that
   * no link leads into; for a link the customers reaching the link's `to` step.
   */
  readonly burdenSteps?: readonly StepRef[] | undefined;
  /**
   * The customers a year who bear it, when the rule computes them itself (for example the customers who meet both
   * asks of a repeated question); overrides `burdenSteps`.
   */
  readonly customersPerYear?: number | undefined;
  /** Overrides the rule's remediation for this finding. */
  readonly remediation?: string | undefined;
}

/**
 * A rework loop: `from` sends customers back to `backTo`, and they repeat `steps` (backTo … from).
 *
 * @example
 * ```ts
 * import type { SludgeReworkLoop } from "service-blueprint";
 * const loop: SludgeReworkLoop = {
 *   from: { service: "s", step: "check" }, backTo: { service: "s", step: "apply" }, steps: [], share: 0.2,
 *   repeated: [{ step: { service: "s", step: "apply" }, share: 1 }],
 * };
 * ```
 */
export interface SludgeReworkLoop {
  /** The step with the rework flow. */
  readonly from: StepRef;
  /** Where it sends customers. */
  readonly backTo: StepRef;
  /** The steps repeated, backTo … from. */
  readonly steps: readonly StepRef[];
  /** The share sent back, when the flow states one. */
  readonly share?: number;
  /** The steps the customers sent back redo, each with the share of them who redo it (a fix-up is not redone). */
  readonly repeated: readonly { readonly step: StepRef; readonly share: number }[];
}

/**
 * One item (a data element, a document type, or identity) asked more than once.
 *
 * @example
 * ```ts
 * import type { SludgeRepeatedAsk } from "service-blueprint";
 * const a = { service: "s", step: "a", agency: "ssa" };
 * const b = { service: "s", step: "b", agency: "ssa" };
 * const ask: SludgeRepeatedAsk = { kind: "data", item: "ssn", scope: "path", shared: false, asks: [a, b],
 *   repeats: [{ step: b, first: [a], share: 0.6, shared: false, links: [] }] };
 * ```
 */
export interface SludgeRepeatedAsk {
  /** What is asked again. */
  readonly kind: "data" | "document" | "identity";
  /** The data element id, document type id, or identity proofing item. */
  readonly item: string;
  /** On one path of a service, or across the services of a life experience. */
  readonly scope: "path" | "experience";
  /** The asks involved (the repeats and their first asks). */
  readonly asks: readonly { readonly service: string; readonly step: string; readonly agency: string }[];
  /** Whether every repeat is cleared (identity proven again with one shared credential). */
  readonly shared: boolean;
  /**
   * Each step asking again, in flow order: the asks met first, the share of customers (of the service, or of the
   * people entering the life experience) who meet both, whether it is cleared, and the links that passed the item.
   */
  readonly repeats: readonly {
    readonly step: { readonly service: string; readonly step: string; readonly agency: string };
    readonly first: readonly { readonly service: string; readonly step: string; readonly agency: string }[];
    readonly share: number;
    readonly shared: boolean;
    readonly links: readonly string[];
  }[];
}

/**
 * The parts of a service's graph analysis the sludge engine reads.
 *
 * @example
 * ```ts
 * import type { SludgeServiceAnalysis } from "service-blueprint";
 * const empty: SludgeServiceAnalysis = { reworkLoops: [], deadEnds: [], unreachable: [], repeatedAsks: [], reach: [], leaks: [] };
 * ```
 */
export interface SludgeServiceAnalysis {
  /** The rework loops. */
  readonly reworkLoops: readonly SludgeReworkLoop[];
  /** Reachable steps with no way forward that are not outcomes. */
  readonly deadEnds: readonly StepRef[];
  /** Steps no entry reaches. */
  readonly unreachable: readonly StepRef[];
  /** Items asked twice along one path. */
  readonly repeatedAsks: readonly SludgeRepeatedAsk[];
  /**
   * The share of the service's customers reaching each step, in step order, and (when rework adds repeats) the
   * expected times a customer does it.
   */
  readonly reach: readonly { readonly step: string; readonly share: number; readonly visits?: number }[];
  /** Steps that pass on fewer customers than reach them: the share of their own customers lost, and of all. */
  readonly leaks: readonly { readonly step: StepRef; readonly lost: number; readonly lostOfAll: number; readonly reason: "shares" | "fix-up" }[];
}

/**
 * The parts of a life experience's graph analysis the sludge engine reads.
 *
 * @example
 * ```ts
 * import type { SludgeExperienceAnalysis } from "service-blueprint";
 * const empty: SludgeExperienceAnalysis = { repeatedAsks: [] };
 * ```
 */
export interface SludgeExperienceAnalysis {
  /** Items asked in several services of the experience. */
  readonly repeatedAsks: readonly SludgeRepeatedAsk[];
}

/**
 * Lazily computed, cached graph analyses a rule may read. Each service or experience is analysed at most once per
 * lint run, however many rules ask.
 *
 * @example
 * ```ts
 * import type { AnalysisAccess } from "service-blueprint";
 * function loops(analysis: AnalysisAccess): number {
 *   return analysis.service("ssa-retirement").reworkLoops.length;
 * }
 * ```
 */
export interface AnalysisAccess {
  /**
   * The analysis of one service.
   *
   * @param serviceId - a service id of the catalog
   */
  service(serviceId: string): SludgeServiceAnalysis;
  /**
   * The analysis of one life experience.
   *
   * @param experienceId - a life experience id of the catalog
   */
  experience(experienceId: string): SludgeExperienceAnalysis;
  /**
   * The share of a service's customers who meet step `first` and later step `then` on their path (flows and
   * attachments, without rework): 0 when `first` is not upstream of `then` or they lie on exclusive branches.
   *
   * @param serviceId - a service id of the catalog
   * @param first - the earlier step's id
   * @param then - the later step's id
   */
  metBefore(serviceId: string, first: string, then: string): number;
  /**
   * Whether every path from an entry of the service to a successful outcome (`completed` or `granted`) passes through
   * the step (for an attached step, through its host).
   *
   * @param serviceId - a service id of the catalog
   * @param step - the step's id
   */
  required(serviceId: string, step: string): boolean;
}

/**
 * What a rule's `check` receives.
 *
 * @typeParam Options - the rule's parsed options
 * @example
 * ```ts
 * import { defineRule } from "service-blueprint";
 * import { z } from "zod";
 * const rule = defineRule({
 *   meta: {
 *     id: "no-fax", title: "No fax", category: "compliance", categories: ["compliance"], defaultSeverity: "warning",
 *     recommended: false, description: "A step uses fax.", rationale: "Few people own a fax machine.", sources: [],
 *     remediation: "Offer an upload.", options: z.strictObject({}),
 *   },
 *   check(ctx) {
 *     for (const service of ctx.catalog.services)
 *       for (const step of service.steps)
 *         if (step.channel === "fax") ctx.report({ target: { service: service.id, step: step.id }, message: `Step '${step.id}' uses fax` });
 *   },
 * });
 * ```
 */
export interface RuleContext<Options> {
  /** The catalog being linted (frozen). */
  readonly catalog: Catalog;
  /** Lookups by id over the catalog. */
  readonly index: CatalogIndex;
  /** The rule's options, parsed and with defaults filled in. */
  readonly options: Options;
  /** The lint date (`YYYY-MM-DD`), from the configuration or today's UTC date. */
  readonly today: string;
  /** Graph analyses of services and life experiences, computed on first use and cached. */
  readonly analysis: AnalysisAccess;
  /**
   * Reports one finding.
   *
   * @param input - what to report
   */
  report(input: ReportInput): void;
}

/**
 * The kind of thing a finding points at.
 *
 * @example
 * ```ts
 * import type { FindingTargetKind } from "service-blueprint";
 * const kind: FindingTargetKind = "step";
 * ```
 */
export type FindingTargetKind = "catalog" | "service" | "step" | "experience" | "link" | "waiver";

/**
 * Where a finding points: the ids, and the path in the catalog (`services[2].steps[4]`).
 *
 * @example
 * ```ts
 * import type { FindingTarget } from "service-blueprint";
 * const target: FindingTarget = { kind: "step", service: "ssa-retirement", step: "sign", path: "services[0].steps[3]" };
 * ```
 */
export interface FindingTarget {
  /** What the finding points at. */
  readonly kind: FindingTargetKind;
  /** Service id (kinds `service` and `step`). */
  readonly service?: string;
  /** Step id (kind `step`). */
  readonly step?: string;
  /** Life experience id (kinds `experience` and `link`). */
  readonly experience?: string;
  /** Link id (kind `link`). */
  readonly link?: string;
  /** Position of the waiver in `catalog.waivers` (kind `waiver`). */
  readonly waiver?: number;
  /** The path in the catalog, e.g. `services[2].steps[4]`; empty for the catalog itself. */
  readonly path: string;
}

/**
 * What a finding costs customers: per customer, and over a year.
 *
 * `customersPerYear` sums, over the burdened steps, the service's `occasion.annualVolume` × the share of its
 * customers reaching the step; `annualHours` = `minutesPerCustomer` × `customersPerYear` / 60; `annualCost` =
 * `annualHours` × the hour value + `fee` × `customersPerYear`.
 *
 * @example
 * ```ts
 * import type { FindingBurden } from "service-blueprint";
 * const burden: FindingBurden = { minutesPerCustomer: 30, waitDays: 0, fee: 0, customersPerYear: 1200, annualHours: 600, annualCost: 21000 };
 * ```
 */
export interface FindingBurden {
  /** Minutes of customer time per customer who bears it. */
  readonly minutesPerCustomer: number;
  /** Days of waiting per customer who bears it. */
  readonly waitDays: number;
  /** Dollars out of pocket per customer who bears it. */
  readonly fee: number;
  /** Customers a year who bear it (0 when the annual volume is unknown). */
  readonly customersPerYear: number;
  /** Customer hours a year. */
  readonly annualHours: number;
  /** Dollars a year, to the cent: the hours at the configured hour value, plus fees paid. */
  readonly annualCost: number;
}

/**
 * The waiver that covers a waived finding.
 *
 * @example
 * ```ts
 * import type { FindingWaiver } from "service-blueprint";
 * const waiver: FindingWaiver = { index: 0, justification: "statutory-requirement", note: "20 CFR 404.610" };
 * ```
 */
export interface FindingWaiver {
  /** Position of the waiver in `catalog.waivers`. */
  readonly index: number;
  /** The waiver's id, if it has one. */
  readonly id?: string;
  /** Why the friction is legitimate. */
  readonly justification: string;
  /** The waiver's note. */
  readonly note?: string;
  /** Who approved it. */
  readonly approvedBy?: string;
  /** When it expires (`YYYY-MM-DD`). */
  readonly expires?: string;
}

/**
 * One finding of the sludge linter.
 *
 * @example
 * ```ts
 * import { lintCatalog } from "service-blueprint";
 * const { findings } = lintCatalog(catalog);
 * for (const finding of findings) console.log(`${finding.target.path} ${finding.severity} ${finding.message} (${finding.ruleId})`);
 * ```
 */
export interface Finding {
  /** The id of the rule that reported it. */
  readonly ruleId: string;
  /** Its severity, after presets and configuration. */
  readonly severity: Severity;
  /** The rule's primary category. */
  readonly category: RuleCategory;
  /** Every category the rule touches. */
  readonly categories: readonly RuleCategory[];
  /** What is wrong. */
  readonly message: string;
  /** Where. */
  readonly target: FindingTarget;
  /** The facts it rests on. */
  readonly evidence: readonly string[];
  /** How to fix it. */
  readonly remediation: string;
  /** What it costs customers. */
  readonly burden: FindingBurden;
  /** A stable id from the rule, the target ids and the key (not the message, not list positions). */
  readonly fingerprint: string;
  /** The key the rule gave, if any. */
  readonly key?: string;
  /** The waiver that covers it (only on waived findings). */
  readonly waiver?: FindingWaiver;
}
