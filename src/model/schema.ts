import * as z from "zod";
import * as vocabulary from "./vocabulary.js";
import { IdSchema, Name, Text, Minutes, Share, Count, IsoDate, IdList } from "./schema-primitives.js";
import { FeedbackCollectionSchema } from "./feedback-schema.js";

export { IdSchema } from "./schema-primitives.js";
export { FeedbackCollectionSchema, FeedbackQuestionSchema, FeedbackVolumesSchema, type FeedbackCollection, type FeedbackQuestion, type FeedbackVolumes } from "./feedback-schema.js";

/**
 * The catalog format version this release reads and writes. A catalog states it in its `version` field; older
 * versions are migrated on parse, newer ones are refused with a clear issue.
 *
 * @example
 * ```ts
 * import { CATALOG_FORMAT_VERSION } from "service-blueprint";
 * const doc = { version: CATALOG_FORMAT_VERSION, name: "My services", agencies: [] };
 * ```
 */
export const CATALOG_FORMAT_VERSION = 1 as const;


/**
 * A public source a model rests on (a law, a policy page, a study, an interview).
 *
 * @example
 * ```ts
 * import { SourceSchema } from "service-blueprint";
 * SourceSchema.parse({ id: "ssa-apply", title: "Apply for retirement benefits", url: "https://www.ssa.gov/apply" });
 * ```
 */
export const SourceSchema = z
  .strictObject({
    id: IdSchema,
    title: Name,
    url: z.url().optional(),
    publisher: Name.optional(),
    date: z.string().max(40).optional(),
    note: Text.optional(),
  })
  .meta({ title: "Source" });
/** A public source; see {@link SourceSchema}. */
export type Source = z.output<typeof SourceSchema>;

/**
 * An agency, bureau or other provider (federal, state, local, tribal or non-governmental).
 *
 * @example
 * ```ts
 * import { AgencySchema } from "service-blueprint";
 * AgencySchema.parse({ id: "ssa", name: "Social Security Administration", acronym: "SSA", hisp: true });
 * ```
 */
export const AgencySchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    acronym: z.string().trim().min(1).max(40).optional(),
    department: IdSchema.optional().meta({ description: "The id of the parent department, itself an agency." }),
    level: z.enum(vocabulary.GOVERNMENT_LEVELS).default("federal"),
    hisp: z.boolean().default(false).meta({ description: "A High-Impact Service Provider under A-11 Section 280." }),
    description: Text.optional(),
  })
  .meta({ title: "Agency" });
/** An agency; see {@link AgencySchema}. */
export type Agency = z.output<typeof AgencySchema>;

/**
 * A reusable channel: where people access services.
 *
 * @example
 * ```ts
 * import { ChannelSchema } from "service-blueprint";
 * ChannelSchema.parse({ id: "ssa-online", name: "my Social Security", kind: "website" });
 * ```
 */
export const ChannelSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    kind: z.enum(vocabulary.CHANNEL_KINDS),
    agency: IdSchema.optional(),
    description: Text.optional(),
  })
  .meta({ title: "Channel" });
/** A channel; see {@link ChannelSchema}. */
export type Channel = z.output<typeof ChannelSchema>;

/**
 * A role in the delivery chain: who does the work.
 *
 * @example
 * ```ts
 * import { RoleSchema } from "service-blueprint";
 * RoleSchema.parse({ id: "claims-specialist", name: "Claims specialist", kind: "staff", agency: "ssa" });
 * ```
 */
export const RoleSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    kind: z.enum(vocabulary.ROLE_KINDS).default("staff"),
    agency: IdSchema.optional(),
    description: Text.optional(),
  })
  .meta({ title: "Role" });
/** A role; see {@link RoleSchema}. */
export type Role = z.output<typeof RoleSchema>;

/**
 * A tool: a building block of delivery, such as identity verification or a notification platform.
 *
 * @example
 * ```ts
 * import { ToolSchema } from "service-blueprint";
 * ToolSchema.parse({ id: "login-gov", name: "Login.gov", kind: "identity-verification", agency: "gsa" });
 * ```
 */
export const ToolSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    kind: z.enum(vocabulary.TOOL_KINDS),
    agency: IdSchema.optional(),
    description: Text.optional(),
  })
  .meta({ title: "Tool" });
/** A tool; see {@link ToolSchema}. */
export type Tool = z.output<typeof ToolSchema>;

/**
 * A data element a customer may be asked for, and which agencies already hold it.
 *
 * @example
 * ```ts
 * import { DataElementSchema } from "service-blueprint";
 * DataElementSchema.parse({ id: "ssn", name: "Social Security number", sensitive: true, heldBy: ["ssa", "irs"] });
 * ```
 */
export const DataElementSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    sensitive: z.boolean().default(false),
    heldBy: IdList.meta({ description: "Agencies that already hold this fact about the customer." }),
    description: Text.optional(),
  })
  .meta({ title: "DataElement" });
/** A data element; see {@link DataElementSchema}. */
export type DataElement = z.output<typeof DataElementSchema>;

/**
 * A type of document a customer may be asked to produce, who issues it and which agencies already hold it.
 *
 * @example
 * ```ts
 * import { DocumentTypeSchema } from "service-blueprint";
 * DocumentTypeSchema.parse({ id: "dd214", name: "DD Form 214", issuedBy: "dod", heldBy: ["dod", "va"] });
 * ```
 */
export const DocumentTypeSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    issuedBy: IdSchema.optional(),
    heldBy: IdList,
    description: Text.optional(),
  })
  .meta({ title: "DocumentType" });
/** A document type; see {@link DocumentTypeSchema}. */
export type DocumentType = z.output<typeof DocumentTypeSchema>;

/**
 * A flow from one step to a next one in the same service.
 *
 * @example
 * ```ts
 * import { FlowSchema } from "service-blueprint";
 * FlowSchema.parse({ to: "appeal", kind: "branch", share: 0.1, label: "denied" });
 * ```
 */
export const FlowSchema = z
  .strictObject({
    to: IdSchema,
    kind: z.enum(vocabulary.FLOW_KINDS).default("sequence"),
    share: Share.optional().meta({
      description: "For a branch: the share of customers who take it. For rework: the share sent back.",
    }),
    label: Name.optional(),
  })
  .meta({ title: "Flow" });
/** A flow between steps; see {@link FlowSchema}. */
export type Flow = z.output<typeof FlowSchema>;

/**
 * A deadline the customer must meet at a step, its penalty, and the step that reminds them of it.
 *
 * @example
 * ```ts
 * import { DeadlineSchema } from "service-blueprint";
 * DeadlineSchema.parse({ description: "Enroll in Part B within 7 months", penalty: "Lifelong premium surcharge" });
 * ```
 */
export const DeadlineSchema = z
  .strictObject({
    description: Name,
    days: Minutes.optional().meta({ description: "Days the customer has." }),
    penalty: Name.optional(),
    reminder: IdSchema.optional().meta({ description: "The id of the step (same service) that reminds them." }),
  })
  .meta({ title: "Deadline" });
/** A deadline; see {@link DeadlineSchema}. */
export type Deadline = z.output<typeof DeadlineSchema>;

/**
 * A fail point: where the step can go wrong, and how often.
 *
 * @example
 * ```ts
 * import { FailPointSchema } from "service-blueprint";
 * FailPointSchema.parse({ description: "Missing documents", share: 0.2 });
 * ```
 */
export const FailPointSchema = z
  .strictObject({
    description: Name,
    share: Share.optional(),
  })
  .meta({ title: "FailPoint" });
/** A fail point; see {@link FailPointSchema}. */
export type FailPoint = z.output<typeof FailPointSchema>;

/**
 * One step of a service, in one blueprint lane.
 *
 * Time is split the way a sludge audit counts it: `customerMinutes` of the customer's own effort, `holdMinutes`
 * on hold or in a queue, `travelMinutes` to get there, and `waitDays` of elapsed waiting for the government.
 *
 * @example
 * ```ts
 * import { StepSchema } from "service-blueprint";
 * StepSchema.parse({
 *   id: "apply-online", name: "Apply online", lane: "customer", channel: "ssa-online",
 *   customerMinutes: 45, dataAsked: ["ssn"], next: [{ to: "review" }],
 * });
 * ```
 */
export const StepSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    lane: z.enum(vocabulary.LANES),
    description: Text.optional(),
    activity: z.enum(vocabulary.STEP_ACTIVITIES).optional(),
    entry: z.boolean().optional().meta({ description: "An entry step of the service. Without any, the first step." }),
    outcome: z.enum(vocabulary.OUTCOME_KINDS).optional().meta({ description: "Set on a step that ends the service." }),
    attachedTo: IdSchema.optional().meta({
      description: "A step (same service) this one happens alongside, at the same moment, in another lane.",
    }),
    channel: IdSchema.optional(),
    role: IdSchema.optional(),
    tools: IdList,
    customerMinutes: Minutes.default(0),
    holdMinutes: Minutes.default(0),
    travelMinutes: Minutes.default(0),
    waitDays: Minutes.default(0),
    waitVisibility: z.enum(vocabulary.WAIT_VISIBILITIES).optional(),
    fee: Minutes.default(0).meta({ description: "Out-of-pocket cost to the customer, in US dollars." }),
    signature: z.enum(vocabulary.SIGNATURE_KINDS).default("none"),
    notarization: z.boolean().default(false),
    identityProofing: z.enum(vocabulary.IDENTITY_PROOFING_KINDS).default("none"),
    credential: IdSchema.optional().meta({
      description: "The tool (a shared credential such as Login.gov) used for identity proofing at this step.",
    }),
    dataAsked: IdList,
    documentsAsked: IdList,
    dataVerified: IdList.meta({
      description: "Data elements the step checks (against records, or on site in an inspection), whoever asks them.",
    }),
    documentsVerified: IdList.meta({ description: "Documents the step checks (authenticity, contents), whoever supplies them." }),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: "a language is a BCP 47 tag like 'en' or 'es-US'" }))
      .default([]),
    accessible: z.boolean().optional().meta({ description: "Meets Section 508 accessibility." }),
    evidence: z.enum(vocabulary.EVIDENCE_LEVELS).default("assumed"),
    sources: IdList,
    failPoint: FailPointSchema.optional(),
    deadline: DeadlineSchema.optional(),
    policy: Name.optional().meta({ description: "The policy or law behind the step." }),
    next: z.array(FlowSchema).default([]),
  })
  .meta({ title: "Step" });
/** A step; see {@link StepSchema}. */
export type Step = z.output<typeof StepSchema>;

/**
 * The occasion of a service: why a person comes, how many come a year, and who they are.
 *
 * @example
 * ```ts
 * import { OccasionSchema } from "service-blueprint";
 * OccasionSchema.parse({ kind: "life-event", story: "I am about to retire", annualVolume: 3_000_000 });
 * ```
 */
export const OccasionSchema = z
  .strictObject({
    kind: z.enum(vocabulary.OCCASION_KINDS),
    story: Name,
    annualVolume: Count.optional(),
    people: Text.optional(),
    customerType: z.enum(vocabulary.CUSTOMER_TYPES).default("individual"),
  })
  .meta({ title: "Occasion" });
/** An occasion; see {@link OccasionSchema}. */
export type Occasion = z.output<typeof OccasionSchema>;

/**
 * The offering of a service: what the person gets or gets done.
 *
 * @example
 * ```ts
 * import { OfferingSchema } from "service-blueprint";
 * OfferingSchema.parse({ name: "Retirement benefit", kind: "benefit" });
 * ```
 */
export const OfferingSchema = z
  .strictObject({
    name: Name,
    kind: z.enum(vocabulary.OFFERING_KINDS),
  })
  .meta({ title: "Offering" });
/** An offering; see {@link OfferingSchema}. */
export type Offering = z.output<typeof OfferingSchema>;


/**
 * A service, described by the A-11 taxonomy and laid out as blueprint steps.
 *
 * @example
 * ```ts
 * import { ServiceSchema } from "service-blueprint";
 * ServiceSchema.parse({
 *   id: "ssa-retirement", name: "Apply for retirement benefits", agency: "ssa", kind: "benefits",
 *   occasion: { kind: "life-event", story: "I am ready to retire" },
 *   offering: { name: "Retirement benefit", kind: "benefit" },
 *   steps: [{ id: "apply", name: "Apply", lane: "customer", outcome: "completed" }],
 * });
 * ```
 */
export const ServiceSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    agency: IdSchema,
    kind: z.enum(vocabulary.SERVICE_KINDS),
    designated: z.boolean().default(false).meta({ description: "Designated with OMB as a HISP service." }),
    description: Text.optional(),
    occasion: OccasionSchema,
    offering: OfferingSchema,
    channels: IdList,
    roles: IdList,
    tools: IdList,
    sources: IdList,
    steps: z.array(StepSchema).min(1),
    feedback: z.array(FeedbackCollectionSchema).default([]),
  })
  .meta({ title: "Service" });
/** A service; see {@link ServiceSchema}. */
export type Service = z.output<typeof ServiceSchema>;

/**
 * A reference to one step of one service.
 *
 * @example
 * ```ts
 * import { StepRefSchema } from "service-blueprint";
 * StepRefSchema.parse({ service: "ssa-retirement", step: "apply" });
 * ```
 */
export const StepRefSchema = z
  .strictObject({
    service: IdSchema,
    step: IdSchema,
  })
  .meta({ title: "StepRef" });
/** A step reference; see {@link StepRefSchema}. */
export type StepRef = z.output<typeof StepRefSchema>;

/**
 * A typed link between steps of two services of a life experience.
 *
 * @example
 * ```ts
 * import { LinkSchema } from "service-blueprint";
 * LinkSchema.parse({
 *   id: "ssa-to-cms", kind: "data-share", data: ["ssn"],
 *   from: { service: "ssa-retirement", step: "approve" }, to: { service: "cms-medicare", step: "enroll" },
 * });
 * ```
 */
export const LinkSchema = z
  .strictObject({
    id: IdSchema,
    kind: z.enum(vocabulary.LINK_KINDS),
    from: StepRefSchema,
    to: StepRefSchema,
    data: IdList.meta({ description: "Data elements passed along the link." }),
    documents: IdList.meta({ description: "Documents passed (or carried by the customer)." }),
    share: Share.optional().meta({ description: "Share of customers who follow the link." }),
    waitDays: Minutes.default(0),
    label: Name.optional(),
  })
  .meta({ title: "Link" });
/** A link between services; see {@link LinkSchema}. */
export type Link = z.output<typeof LinkSchema>;

/**
 * A life experience (for example a priority life experience of the 2022 round): services of several agencies
 * strung together by typed links.
 *
 * @example
 * ```ts
 * import { LifeExperienceSchema } from "service-blueprint";
 * LifeExperienceSchema.parse({ id: "retirement", name: "Approaching retirement", services: ["ssa-retirement"] });
 * ```
 */
export const LifeExperienceSchema = z
  .strictObject({
    id: IdSchema,
    name: Name,
    description: Text.optional(),
    priority: z.boolean().default(false).meta({ description: "One of the federal priority life experiences." }),
    services: z.array(IdSchema).min(1),
    links: z.array(LinkSchema).default([]),
    sources: IdList,
  })
  .meta({ title: "LifeExperience" });
/** A life experience; see {@link LifeExperienceSchema}. */
export type LifeExperience = z.output<typeof LifeExperienceSchema>;

/**
 * What a waiver covers: a whole service, one step, a life experience or one of its links.
 *
 * @example
 * ```ts
 * import { WaiverTargetSchema } from "service-blueprint";
 * WaiverTargetSchema.parse({ service: "ssa-retirement", step: "sign-form" });
 * ```
 */
export const WaiverTargetSchema = z
  .strictObject({
    service: IdSchema.optional(),
    step: IdSchema.optional(),
    experience: IdSchema.optional(),
    link: IdSchema.optional(),
  })
  .meta({ title: "WaiverTarget" });
/** A waiver target; see {@link WaiverTargetSchema}. */
export type WaiverTarget = z.output<typeof WaiverTargetSchema>;

/**
 * A recorded decision that a friction is legitimate: the rule it silences, where, why, and until when.
 *
 * @example
 * ```ts
 * import { WaiverSchema } from "service-blueprint";
 * WaiverSchema.parse({
 *   rule: "wet-signature", target: { service: "ssa-retirement", step: "sign" },
 *   justification: "statutory-requirement", note: "Required by 20 CFR 404.610 until the rule changes",
 *   expires: "2027-06-30",
 * });
 * ```
 */
export const WaiverSchema = z
  .strictObject({
    id: IdSchema.optional(),
    rule: z.string().min(1).max(100),
    target: WaiverTargetSchema,
    justification: z.enum(vocabulary.WAIVER_JUSTIFICATIONS),
    note: Name,
    approvedBy: Name.optional(),
    expires: IsoDate.optional(),
  })
  .meta({ title: "Waiver" });
/** A waiver; see {@link WaiverSchema}. */
export type Waiver = z.output<typeof WaiverSchema>;

/**
 * The catalog: the document a team keeps in version control (YAML or JSON). It holds the shared vocabulary
 * (agencies, channels, roles, tools, data elements, document types), the services, the life experiences that
 * string them together, and the waivers.
 *
 * The schema checks shapes; {@link safeParseCatalog} also checks references, unique ids, reachability and
 * branch shares.
 *
 * @example
 * ```ts
 * import { CatalogSchema } from "service-blueprint";
 * const result = CatalogSchema.safeParse({ version: 1, name: "Empty", agencies: [] });
 * result.success; // true
 * ```
 */
export const CatalogSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "Path or URL of the JSON Schema, for editors." }),
    version: z.literal(CATALOG_FORMAT_VERSION),
    name: Name,
    description: Text.optional(),
    sources: z.array(SourceSchema).default([]),
    agencies: z.array(AgencySchema).default([]),
    channels: z.array(ChannelSchema).default([]),
    roles: z.array(RoleSchema).default([]),
    tools: z.array(ToolSchema).default([]),
    dataElements: z.array(DataElementSchema).default([]),
    documentTypes: z.array(DocumentTypeSchema).default([]),
    services: z.array(ServiceSchema).default([]),
    lifeExperiences: z.array(LifeExperienceSchema).default([]),
    waivers: z.array(WaiverSchema).default([]),
  })
  .meta({ title: "Catalog", description: "A service-blueprint catalog (OMB Circular A-11 Section 280 services)." });

/** What a user may write for a service (before defaults). */
export type ServiceInput = z.input<typeof ServiceSchema>;
/** What a user may write for a step (before defaults). */
export type StepInput = z.input<typeof StepSchema>;
/** What a user may write for a flow (before defaults). */
export type FlowInput = z.input<typeof FlowSchema>;
/** What a user may write for a link (before defaults). */
export type LinkInput = z.input<typeof LinkSchema>;
/** What a user may write for a life experience (before defaults). */
export type LifeExperienceInput = z.input<typeof LifeExperienceSchema>;
/** What a user may write for a waiver (before defaults). */
export type WaiverInput = z.input<typeof WaiverSchema>;

/** A parsed, valid catalog: defaults filled in, frozen when it comes from this library. */
export type Catalog = z.output<typeof CatalogSchema>;
/** What a user may write: the catalog before defaults are filled in. */
export type CatalogInput = z.input<typeof CatalogSchema>;
