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
export { suggest } from "./model/did-you-mean.js";

// ── model: lookups ────────────────────────────────────────────────────────────────────────────────────────────
export { derivedKind, indexCatalog } from "./model/index-lookup.js";
export type { CatalogIndex, DerivedKind, IndexedStep } from "./model/index-lookup.js";

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
export {
  accessUndeclared,
  accessibilityGap,
  askedForHeldData,
  assumedEvidence,
  autoEnrolmentPossible,
  builtinRules,
  customerAsCourier,
  deadEnd,
  deadlineWithoutReminder,
  digitalOnly,
  duplicateDataRequest,
  fee,
  feedbackQuartersMissing,
  inPersonOnly,
  languageGap,
  learningCost,
  lengthyStep,
  linkOverVolume,
  longTimeToOutcome,
  longWait,
  lostCustomers,
  missingAnnualVolume,
  missingChannel,
  noFeedbackPoint,
  notarization,
  opaqueWait,
  paperChannel,
  repeatedDocuments,
  repeatedIdentityProofing,
  repeatedVerification,
  reworkLoop,
  shortDeadlineByPost,
  travelRequired,
  wetSignature,
} from "./sludge/rules/index.js";

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
export { FINDING_FORMATS, FormatError, formatFindings, formatFindingsChunks } from "./report/formatters/index.js";
export type { FindingFormat } from "./report/formatters/index.js";
export { formatStylish } from "./report/formatters/stylish.js";
export { JSON_REPORT_VERSION, formatJson, formatJsonFiles } from "./report/formatters/json.js";
export { formatSarif, formatSarifFiles } from "./report/formatters/sarif.js";
export { formatMarkdown } from "./report/formatters/markdown.js";
export { DEFAULT_RULE_DOCS_URL } from "./report/formatters/shared.js";
export type { FormatOptions, LintFileReport } from "./report/formatters/shared.js";
export { renderHtmlReport } from "./report/html/render.js";
export type { HtmlReportComparison, HtmlReportDiagram, HtmlReportInput } from "./report/html/render.js";

