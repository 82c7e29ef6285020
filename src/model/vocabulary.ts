/**
 * The controlled vocabularies of OMB Circular A-11 Section 280 and of service blueprinting, as plain readonly
 * tuples. Schemas, rules and exporters all read from here so that a term is spelled one way everywhere.
 */

/**
 * The seven A-11 service kinds (since 2020).
 *
 * @example
 * ```ts
 * import { SERVICE_KINDS } from "service-blueprint";
 * SERVICE_KINDS.includes("benefits"); // true
 * ```
 */
export const SERVICE_KINDS = [
  "administrative",
  "benefits",
  "compliance",
  "recreation",
  "informational",
  "data-and-research",
  "regulatory",
] as const;
/** One of {@link SERVICE_KINDS}. */
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * Channel kinds used in federal A-11 reporting (GSA Touchpoints), in kebab-case.
 *
 * @example
 * ```ts
 * import { CHANNEL_KINDS, channelGroup } from "service-blueprint";
 * CHANNEL_KINDS.length; // 16
 * channelGroup("postal-mail"); // "paper"
 * ```
 */
export const CHANNEL_KINDS = [
  "website",
  "mobile-app",
  "computer",
  "email",
  "live-chat",
  "chatbot",
  "sms",
  "social-media",
  "phone",
  "automated-phone",
  "in-person",
  "kiosk",
  "paper",
  "postal-mail",
  "fax",
  "other",
] as const;
/** One of {@link CHANNEL_KINDS}. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * The four groups channel kinds fall into (plus `other`).
 *
 * @example
 * ```ts
 * import { CHANNEL_GROUPS } from "service-blueprint";
 * CHANNEL_GROUPS; // ["digital", "phone", "in-person", "paper", "other"]
 * ```
 */
export const CHANNEL_GROUPS = ["digital", "phone", "in-person", "paper", "other"] as const;
/** One of {@link CHANNEL_GROUPS}. */
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number];

const CHANNEL_GROUP_OF: Readonly<Record<ChannelKind, ChannelGroup>> = {
  website: "digital",
  "mobile-app": "digital",
  computer: "digital",
  email: "digital",
  "live-chat": "digital",
  chatbot: "digital",
  sms: "digital",
  "social-media": "digital",
  phone: "phone",
  "automated-phone": "phone",
  "in-person": "in-person",
  // A self-service kiosk is a machine, but the customer must travel to it.
  kiosk: "in-person",
  paper: "paper",
  "postal-mail": "paper",
  fax: "paper",
  other: "other",
};

/**
 * The group a channel kind belongs to: digital, phone, in person or paper.
 *
 * @param kind - a channel kind
 * @returns its group
 * @example
 * ```ts
 * import { channelGroup } from "service-blueprint";
 * channelGroup("kiosk"); // "in-person"
 * ```
 */
export function channelGroup(kind: ChannelKind): ChannelGroup {
  return CHANNEL_GROUP_OF[kind];
}

/**
 * The blueprint lanes, top to bottom (Shostack; Bitner, Ostrom and Morgan).
 *
 * @example
 * ```ts
 * import { LANES } from "service-blueprint";
 * LANES[1]; // "customer"
 * ```
 */
export const LANES = ["physical-evidence", "customer", "frontstage", "backstage", "support"] as const;
/** One of {@link LANES}. */
export type Lane = (typeof LANES)[number];

/** A line of a service blueprint and the two lanes it separates. */
export interface BlueprintLine {
  /** Stable identifier of the line. */
  readonly id: "interaction" | "visibility" | "internal-interaction";
  /** The label practitioners use. */
  readonly label: string;
  /** The lane above the line. */
  readonly above: Lane;
  /** The lane below the line. */
  readonly below: Lane;
}

/**
 * The lines of a blueprint, derived from the lanes: interaction (customer / frontstage), visibility
 * (frontstage / backstage) and internal interaction (backstage / support).
 *
 * @example
 * ```ts
 * import { BLUEPRINT_LINES } from "service-blueprint";
 * BLUEPRINT_LINES.map((line) => line.label);
 * // ["Line of interaction", "Line of visibility", "Line of internal interaction"]
 * ```
 */
export const BLUEPRINT_LINES: readonly BlueprintLine[] = [
  { id: "interaction", label: "Line of interaction", above: "customer", below: "frontstage" },
  { id: "visibility", label: "Line of visibility", above: "frontstage", below: "backstage" },
  { id: "internal-interaction", label: "Line of internal interaction", above: "backstage", below: "support" },
];

/**
 * What a tool is, as a building block of delivery ("the tech" of the A-11 taxonomy).
 *
 * @example
 * ```ts
 * import { TOOL_KINDS } from "service-blueprint";
 * TOOL_KINDS.includes("identity-verification"); // true
 * ```
 */
export const TOOL_KINDS = [
  "identity-verification",
  "website",
  "mobile-app",
  "notification",
  "form",
  "e-signature",
  "document-upload",
  "case-management",
  "payment",
  "scheduling",
  "contact-center",
  "chatbot",
  "data-exchange",
  "status-tracker",
  "other",
] as const;
/** One of {@link TOOL_KINDS}. */
export type ToolKind = (typeof TOOL_KINDS)[number];

/**
 * Who performs a role in the delivery chain.
 *
 * @example
 * ```ts
 * import { ROLE_KINDS } from "service-blueprint";
 * ROLE_KINDS[0]; // "staff"
 * ```
 */
export const ROLE_KINDS = ["staff", "contractor", "partner", "volunteer", "automated", "customer"] as const;
/** One of {@link ROLE_KINDS}. */
export type RoleKind = (typeof ROLE_KINDS)[number];

/**
 * The level of government (or none) an agency belongs to.
 *
 * @example
 * ```ts
 * import { GOVERNMENT_LEVELS } from "service-blueprint";
 * GOVERNMENT_LEVELS.includes("state"); // true
 * ```
 */
export const GOVERNMENT_LEVELS = ["federal", "state", "local", "tribal", "territorial", "non-governmental"] as const;
/** One of {@link GOVERNMENT_LEVELS}. */
export type GovernmentLevel = (typeof GOVERNMENT_LEVELS)[number];

/**
 * Why a person comes: a story of intent, or a life event.
 *
 * @example
 * ```ts
 * import { OCCASION_KINDS } from "service-blueprint";
 * OCCASION_KINDS; // ["intent", "life-event"]
 * ```
 */
export const OCCASION_KINDS = ["intent", "life-event"] as const;
/** One of {@link OCCASION_KINDS}. */
export type OccasionKind = (typeof OCCASION_KINDS)[number];

/**
 * Who the customers of a service are (A-11: individuals, businesses, organizations, government bodies).
 *
 * @example
 * ```ts
 * import { CUSTOMER_TYPES } from "service-blueprint";
 * CUSTOMER_TYPES.includes("business"); // true
 * ```
 */
export const CUSTOMER_TYPES = ["individual", "business", "organization", "government", "federal-staff"] as const;
/** One of {@link CUSTOMER_TYPES}. */
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/**
 * What kind of thing the offering ("the noun") is.
 *
 * @example
 * ```ts
 * import { OFFERING_KINDS } from "service-blueprint";
 * OFFERING_KINDS.includes("loan"); // true
 * ```
 */
export const OFFERING_KINDS = [
  "benefit",
  "loan",
  "grant",
  "payment",
  "insurance",
  "license-or-permit",
  "document",
  "credential",
  "enrollment",
  "information",
  "care",
  "access",
  "filing",
  "other",
] as const;
/** One of {@link OFFERING_KINDS}. */
export type OfferingKind = (typeof OFFERING_KINDS)[number];

/**
 * What a step is, as an activity. Rules and the burden split read it: `learn` steps are learning cost.
 *
 * @example
 * ```ts
 * import { STEP_ACTIVITIES } from "service-blueprint";
 * STEP_ACTIVITIES.includes("apply"); // true
 * ```
 */
export const STEP_ACTIVITIES = [
  "learn",
  "apply",
  "provide-information",
  "verify-identity",
  "schedule",
  "attend",
  "wait",
  "pay",
  "sign",
  "review",
  "decide",
  "notify",
  "receive",
  "appeal",
  "renew",
  "other",
] as const;
/** One of {@link STEP_ACTIVITIES}. */
export type StepActivity = (typeof STEP_ACTIVITIES)[number];

/**
 * How a form is signed.
 *
 * @example
 * ```ts
 * import { SIGNATURE_KINDS } from "service-blueprint";
 * SIGNATURE_KINDS; // ["none", "electronic", "wet"]
 * ```
 */
export const SIGNATURE_KINDS = ["none", "electronic", "wet"] as const;
/** One of {@link SIGNATURE_KINDS}. */
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/**
 * How identity is proofed at a step.
 *
 * @example
 * ```ts
 * import { IDENTITY_PROOFING_KINDS } from "service-blueprint";
 * IDENTITY_PROOFING_KINDS.includes("in-person"); // true
 * ```
 */
export const IDENTITY_PROOFING_KINDS = ["none", "knowledge-based", "remote", "in-person"] as const;
/** One of {@link IDENTITY_PROOFING_KINDS}. */
export type IdentityProofingKind = (typeof IDENTITY_PROOFING_KINDS)[number];

/**
 * How sure the modeler is of a step's facts.
 *
 * @example
 * ```ts
 * import { EVIDENCE_LEVELS } from "service-blueprint";
 * EVIDENCE_LEVELS; // ["observed", "reported", "assumed"]
 * ```
 */
export const EVIDENCE_LEVELS = ["observed", "reported", "assumed"] as const;
/** One of {@link EVIDENCE_LEVELS}. */
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/**
 * What the customer can see of the progress of a wait.
 *
 * @example
 * ```ts
 * import { WAIT_VISIBILITIES } from "service-blueprint";
 * WAIT_VISIBILITIES[0]; // "opaque"
 * ```
 */
export const WAIT_VISIBILITIES = ["opaque", "status-on-request", "proactive-updates"] as const;
/** One of {@link WAIT_VISIBILITIES}. */
export type WaitVisibility = (typeof WAIT_VISIBILITIES)[number];

/**
 * How one step leads to the next: in sequence, as one branch of a choice (with the share of customers who take
 * it), or as rework back to an earlier step.
 *
 * @example
 * ```ts
 * import { FLOW_KINDS } from "service-blueprint";
 * FLOW_KINDS; // ["sequence", "branch", "rework"]
 * ```
 */
export const FLOW_KINDS = ["sequence", "branch", "rework"] as const;
/** One of {@link FLOW_KINDS}. */
export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * How a step that ends a service ends it.
 *
 * @example
 * ```ts
 * import { OUTCOME_KINDS } from "service-blueprint";
 * OUTCOME_KINDS.includes("denied"); // true
 * ```
 */
export const OUTCOME_KINDS = ["completed", "granted", "denied", "referred", "withdrawn"] as const;
/** One of {@link OUTCOME_KINDS}. */
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * The typed links between steps of different services in a life experience.
 *
 * @example
 * ```ts
 * import { LINK_KINDS } from "service-blueprint";
 * LINK_KINDS.includes("customer-carries"); // true
 * ```
 */
export const LINK_KINDS = ["trigger", "referral", "data-share", "customer-carries", "notification"] as const;
/** One of {@link LINK_KINDS}. */
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Why a friction may be legitimate (Sunstein): the recorded justification of a waiver.
 *
 * @example
 * ```ts
 * import { WAIVER_JUSTIFICATIONS } from "service-blueprint";
 * WAIVER_JUSTIFICATIONS.includes("program-integrity"); // true
 * ```
 */
export const WAIVER_JUSTIFICATIONS = [
  "program-integrity",
  "privacy",
  "rationing",
  "information-gathering",
  "statutory-requirement",
  "other",
] as const;
/** One of {@link WAIVER_JUSTIFICATIONS}. */
export type WaiverJustification = (typeof WAIVER_JUSTIFICATIONS)[number];

/**
 * The A-11 v1 survey drivers (5-point agreement scale), plus `custom` for questions that map to none.
 *
 * @example
 * ```ts
 * import { A11_DRIVERS } from "service-blueprint";
 * A11_DRIVERS.includes("ease"); // true
 * ```
 */
export const A11_DRIVERS = [
  "satisfaction",
  "trust",
  "effectiveness",
  "ease",
  "efficiency",
  "equity",
  "employee",
  "custom",
] as const;
/** One of {@link A11_DRIVERS}. */
export type A11Driver = (typeof A11_DRIVERS)[number];

/**
 * The drivers of the A-11 v2 survey's "what went well / what did not" questions.
 *
 * @example
 * ```ts
 * import { A11_V2_DRIVERS } from "service-blueprint";
 * A11_V2_DRIVERS.includes("humanity"); // true
 * ```
 */
export const A11_V2_DRIVERS = [
  "effectiveness",
  "ease",
  "efficiency",
  "transparency",
  "humanity",
  "employee",
  "other",
] as const;
/** One of {@link A11_V2_DRIVERS}. */
export type A11V2Driver = (typeof A11_V2_DRIVERS)[number];
