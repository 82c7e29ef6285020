/**
 * service-blueprint: model public services the way OMB Circular A-11 Section 280 describes them.
 *
 * Every public export is named here (never `export *`), grouped by layer. Each helper area edits only its own
 * section.
 *
 * @packageDocumentation
 */

// ── model: vocabulary ─────────────────────────────────────────────────────────────────────────────────────────
export {
  A11_DRIVERS,
  A11_V2_DRIVERS,
  BLUEPRINT_LINES,
  CHANNEL_GROUPS,
  CHANNEL_KINDS,
  CUSTOMER_TYPES,
  EVIDENCE_LEVELS,
  FLOW_KINDS,
  GOVERNMENT_LEVELS,
  IDENTITY_PROOFING_KINDS,
  LANES,
  LINK_KINDS,
  OCCASION_KINDS,
  OFFERING_KINDS,
  OUTCOME_KINDS,
  ROLE_KINDS,
  SERVICE_KINDS,
  SIGNATURE_KINDS,
  STEP_ACTIVITIES,
  TOOL_KINDS,
  WAIT_VISIBILITIES,
  WAIVER_JUSTIFICATIONS,
  channelGroup,
} from "./model/vocabulary.js";
export type {
  A11Driver,
  A11V2Driver,
  BlueprintLine,
  ChannelGroup,
  ChannelKind,
  CustomerType,
  EvidenceLevel,
  FlowKind,
  GovernmentLevel,
  IdentityProofingKind,
  Lane,
  LinkKind,
  OccasionKind,
  OfferingKind,
  OutcomeKind,
  RoleKind,
  ServiceKind,
  SignatureKind,
  StepActivity,
  ToolKind,
  WaitVisibility,
  WaiverJustification,
} from "./model/vocabulary.js";

// ── model: schemas and types ──────────────────────────────────────────────────────────────────────────────────
export {
  AgencySchema,
  CATALOG_FORMAT_VERSION,
  CatalogSchema,
  ChannelSchema,
  DataElementSchema,
  DeadlineSchema,
  DocumentTypeSchema,
  FailPointSchema,
  FeedbackCollectionSchema,
  FeedbackQuestionSchema,
  FeedbackVolumesSchema,
  FlowSchema,
  IdSchema,
  LifeExperienceSchema,
  LinkSchema,
  OccasionSchema,
  OfferingSchema,
  RoleSchema,
  ServiceSchema,
  SourceSchema,
  StepRefSchema,
  StepSchema,
  ToolSchema,
  WaiverSchema,
  WaiverTargetSchema,
} from "./model/schema.js";
export type {
  Agency,
  Catalog,
  CatalogInput,
  Channel,
  DataElement,
  Deadline,
  DocumentType,
  FailPoint,
  FeedbackCollection,
  FeedbackQuestion,
  FeedbackVolumes,
  Flow,
  LifeExperience,
  Link,
  Occasion,
  Offering,
  Role,
  Service,
  Source,
  Step,
  StepRef,
  Tool,
  Waiver,
  WaiverTarget,
  FlowInput,
  LifeExperienceInput,
  LinkInput,
  ServiceInput,
  StepInput,
  WaiverInput,
} from "./model/schema.js";

// ── model: issues and validation ──────────────────────────────────────────────────────────────────────────────
export { ServiceBlueprintError, isServiceBlueprintError } from "./internal/error.js";
export { CATALOG_ISSUE_CODES, CatalogValidationError, formatIssues, formatPath } from "./model/issues.js";
export type { CatalogIssue, CatalogIssueCode, PathSegment } from "./model/issues.js";
export { DEFAULT_LIMITS, parseCatalog, safeParseCatalog } from "./model/validate.js";
export type { CatalogLimits, ParseCatalogOptions, SafeParseCatalogResult } from "./model/validate.js";
export { detectCatalogFormat, parseCatalogText, safeParseCatalogBytes, safeParseCatalogText, serializeCatalog } from "./model/text.js";
export type {
  CatalogFormat,
  ParseCatalogTextOptions,
  SafeParseCatalogTextOptions,
  SafeParseCatalogTextKeptResult,
  SafeParseCatalogTextResult,
  SerializeCatalogOptions,
} from "./model/text.js";
export { CatalogSource } from "./model/source.js";
export type { TextPosition } from "./model/source.js";
export { CATALOG_SCHEMA_URL, catalogJsonSchema } from "./model/json-schema.js";

// ── model: lookups ────────────────────────────────────────────────────────────────────────────────────────────
export { derivedKind, indexCatalog } from "./model/index-lookup.js";
export type { CatalogIndex, DerivedKind, IndexedStep } from "./model/index-lookup.js";
export type { ReferenceCollection } from "./model/references.js";

// ── model: feedback summaries (A-11 import area) ──────────────────────────────────────────────────────────────
export { fiscalQuarter, summarizeFeedback } from "./model/feedback-summary.js";
export type {
  FeedbackDriverFigure,
  FeedbackDriverTrend,
  FeedbackFigureDriver,
  FeedbackQuarterSummary,
  FeedbackSummary,
  FeedbackTrendPoint,
  FiscalQuarter,
  SummarizeFeedbackOptions,
} from "./model/feedback-summary.js";

// ── edit ──────────────────────────────────────────────────────────────────────────────────────────────────────
export { updateCatalog } from "./edit/apply.js";
export type { EditResult } from "./edit/apply.js";
export {
  addEntity,
  addLifeExperience,
  addService,
  addStep,
  addWaiver,
  connectSteps,
  disconnectSteps,
  linkServices,
  removeLink,
  removeService,
  removeStep,
  removeWaiver,
  updateLink,
  updateService,
  updateStep,
} from "./edit/edits.js";
export type { AddStepOptions, EntityCollection, RemoveOptions } from "./edit/edits.js";

// ── graph ─────────────────────────────────────────────────────────────────────────────────────────────────────
export { analyzeLifeExperience, analyzeService } from "./graph/analyze.js";
export { stepReach } from "./graph/flow.js";
export { GRAPH_ANALYSIS_ERROR_CODES, GraphAnalysisError } from "./graph/errors.js";
export type { GraphAnalysisErrorCode } from "./graph/errors.js";
export { DEFAULT_GRAPH_ANALYSIS_OPTIONS } from "./graph/options.js";
export type {
  AgencyHandOff,
  ChannelCount,
  ChannelSwitch,
  ExperienceStepReach,
  FlowLeakReport,
  GraphAnalysisBase,
  GraphAnalysisOptions,
  GraphCounts,
  GraphPath,
  HandOffCarrier,
  HandOffs,
  LaneChange,
  LaneCount,
  LifeExperienceAnalysis,
  PathAnalysis,
  PathEnd,
  RepeatedAsk,
  RepeatedAskRepeat,
  RepeatedAskStep,
  ReworkLoop,
  ServiceAnalysis,
  StepReach,
  TimeContributor,
  TimeTotals,
} from "./graph/types.js";

// ── sludge ────────────────────────────────────────────────────────────────────────────────────────────────────
export { RULE_CATEGORIES, SEVERITIES } from "./sludge/types.js";
export type {
  AnalysisAccess,
  Finding,
  FindingBurden,
  FindingTarget,
  FindingTargetKind,
  FindingWaiver,
  ReportInput,
  ReportTarget,
  RuleCategory,
  RuleContext,
  RuleSource,
  Severity,
} from "./sludge/types.js";
export { RuleDefinitionError, defineRule, validateRuleOptions } from "./sludge/define-rule.js";
export type {
  Rule,
  RuleDefinition,
  RuleMeta,
  RuleOptionsOf,
  RuleOptionsResult,
  RuleOptionsSchema,
  RuleOptionsValidator,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from "./sludge/define-rule.js";
export type { SludgeExperienceAnalysis, SludgeRepeatedAsk, SludgeReworkLoop, SludgeServiceAnalysis } from "./sludge/types.js";
export { lintCatalog } from "./sludge/engine.js";
export type { LintResult, RuleRun } from "./sludge/engine.js";
export { DEFAULT_HOUR_VALUE, ENGINE_CHECKS, LintConfigError, parseLintConfig, safeParseLintConfig } from "./sludge/config.js";
export type {
  LintConfig,
  LintConfigIssue,
  LintOverride,
  ResolvedLintConfig,
  ResolvedOverride,
  ResolvedRuleSetting,
  RuleSetting,
  SafeParseLintConfigResult,
} from "./sludge/config.js";
export { PRESETS, presetRules } from "./sludge/presets.js";
export type { PresetName, PresetRule } from "./sludge/presets.js";
export { computeBurden } from "./sludge/burden.js";
export type {
  BurdenReport,
  BurdenSplit,
  BurdenTotals,
  ComputeBurdenOptions,
  ExperienceBurden,
  ServiceBurden,
  StepBurden,
} from "./sludge/burden.js";
export { waiverCovers } from "./sludge/waivers.js";
export { compareCatalogs } from "./sludge/compare.js";
export type { BurdenComparison, BurdenDelta, CatalogComparison, StepChange } from "./sludge/compare.js";
export { builtinRules } from "./sludge/rules/index.js";
export { accessUndeclared } from "./sludge/rules/access-undeclared.js";
export { accessibilityGap } from "./sludge/rules/accessibility-gap.js";
export { askedForHeldData } from "./sludge/rules/asked-for-held-data.js";
export { assumedEvidence } from "./sludge/rules/assumed-evidence.js";
export { autoEnrolmentPossible } from "./sludge/rules/auto-enrolment-possible.js";
export { customerAsCourier } from "./sludge/rules/customer-as-courier.js";
export { deadEnd } from "./sludge/rules/dead-end.js";
export { deadlineWithoutReminder } from "./sludge/rules/deadline-without-reminder.js";
export { digitalOnly } from "./sludge/rules/digital-only.js";
export { duplicateDataRequest } from "./sludge/rules/duplicate-data-request.js";
export { fee } from "./sludge/rules/fee.js";
export { feedbackQuartersMissing } from "./sludge/rules/feedback-quarters-missing.js";
export { inPersonOnly } from "./sludge/rules/in-person-only.js";
export { languageGap } from "./sludge/rules/language-gap.js";
export { learningCost } from "./sludge/rules/learning-cost.js";
export { lengthyStep } from "./sludge/rules/lengthy-step.js";
export { linkOverVolume } from "./sludge/rules/link-over-volume.js";
export { longTimeToOutcome } from "./sludge/rules/long-time-to-outcome.js";
export { longWait } from "./sludge/rules/long-wait.js";
export { lostCustomers } from "./sludge/rules/lost-customers.js";
export { missingAnnualVolume } from "./sludge/rules/missing-annual-volume.js";
export { missingChannel } from "./sludge/rules/missing-channel.js";
export { noFeedbackPoint } from "./sludge/rules/no-feedback-point.js";
export { notarization } from "./sludge/rules/notarization.js";
export { opaqueWait } from "./sludge/rules/opaque-wait.js";
export { paperChannel } from "./sludge/rules/paper-channel.js";
export { repeatedDocuments } from "./sludge/rules/repeated-documents.js";
export { repeatedIdentityProofing } from "./sludge/rules/repeated-identity-proofing.js";
export { repeatedVerification } from "./sludge/rules/repeated-verification.js";
export { reworkLoop } from "./sludge/rules/rework-loop.js";
export { shortDeadlineByPost } from "./sludge/rules/short-deadline-by-post.js";
export { travelRequired } from "./sludge/rules/travel-required.js";
export { wetSignature } from "./sludge/rules/wet-signature.js";

// ── export: mermaid ───────────────────────────────────────────────────────────────────────────────────────────
export { MermaidExportError, compareDiagram, toMermaid } from "./export/mermaid/index.js";
export type { CompareDiagramOptions } from "./export/mermaid/compare.js";
export type {
  MermaidDiagram,
  MermaidExportErrorCode,
  MermaidOptions,
  MermaidResult,
  MermaidView,
  MermaidWarning,
  MermaidWarningCode,
} from "./export/mermaid/types.js";
export { toGraph } from "./export/to-graph.js";
export type { GraphEdgeAttributes, GraphEdgeKind, GraphNodeAttributes, SerializedGraph, ToGraphTarget } from "./export/to-graph.js";
// renderSvg, createSvgRenderer and RenderSvgError are Node-only: `service-blueprint/render` (src/render.ts).

// ── report: formatters and HTML ───────────────────────────────────────────────────────────────────────────────
export { FINDING_FORMATS, FormatError, formatFindings, formatFindingsChunks, formatFindingsFiles, formatFindingsFilesChunks } from "./report/formatters/index.js";
export type { FindingFormat } from "./report/formatters/index.js";
export { formatStylish } from "./report/formatters/stylish.js";
export { JSON_REPORT_VERSION, formatJson, formatJsonFiles } from "./report/formatters/json.js";
export { formatSarif, formatSarifFiles } from "./report/formatters/sarif.js";
export { formatMarkdown } from "./report/formatters/markdown.js";
export { DEFAULT_RULE_DOCS_URL } from "./report/formatters/shared.js";
export type { FormatOptions, LintFileReport } from "./report/formatters/shared.js";
export { renderHtmlReport } from "./report/html/render.js";
export type { HtmlReportComparison, HtmlReportDiagram, HtmlReportInput } from "./report/html/render.js";

