/**
 * service-blueprint/testing: fast-check arbitraries of valid and deliberately broken catalogs, and small
 * runner-agnostic helpers, for property-based tests of code that reads or writes service-blueprint catalogs.
 *
 * fast-check is an optional peer dependency that only this entry loads: install it beside the library
 * (`npm install --save-dev fast-check`).
 *
 * Every public export is named here (never `export *`).
 *
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { serializeCatalog, parseCatalogText } from "service-blueprint";
 * import { arbCatalog } from "service-blueprint/testing";
 *
 * fc.assert(
 *   fc.property(arbCatalog(), (catalog) => {
 *     const text = serializeCatalog(catalog, { format: "json" });
 *     parseCatalogText(text, { format: "json" }); // throws if the round trip broke the catalog
 *   }),
 * );
 * ```
 *
 * @packageDocumentation
 */

// ── options shared by the arbitraries ─────────────────────────────────────────────────────────────────────────
export { SLUDGE_PATTERNS } from "./constraints.js";
export type { CommonConstraints, ReferencePool, SludgeConstraints, SludgeLevel, SludgePattern, TextStyle } from "./constraints.js";

// ── arbitraries of model entities ─────────────────────────────────────────────────────────────────────────────
export { arbAgency } from "./arbitraries/arb-agency.js";
export type { AgencyConstraints } from "./arbitraries/arb-agency.js";
export { arbChannel } from "./arbitraries/arb-channel.js";
export type { ChannelConstraints } from "./arbitraries/arb-channel.js";
export { arbDataElement } from "./arbitraries/arb-data-element.js";
export type { DataElementConstraints } from "./arbitraries/arb-data-element.js";
export { arbDocumentType } from "./arbitraries/arb-document-type.js";
export type { DocumentTypeConstraints } from "./arbitraries/arb-document-type.js";
export { arbFeedbackCollection } from "./arbitraries/arb-feedback-collection.js";
export type { FeedbackCollectionConstraints } from "./arbitraries/arb-feedback-collection.js";
export { arbLifeExperience } from "./arbitraries/arb-life-experience.js";
export type { LifeExperienceConstraints } from "./arbitraries/arb-life-experience.js";
export { arbRole } from "./arbitraries/arb-role.js";
export type { RoleConstraints } from "./arbitraries/arb-role.js";
export { arbService } from "./arbitraries/arb-service.js";
export type { ServiceConstraints } from "./arbitraries/arb-service.js";
export { arbSource } from "./arbitraries/arb-source.js";
export type { SourceConstraints } from "./arbitraries/arb-source.js";
export { arbStep } from "./arbitraries/arb-step.js";
export type { StepConstraints } from "./arbitraries/arb-step.js";
export { arbTool } from "./arbitraries/arb-tool.js";
export type { ToolConstraints } from "./arbitraries/arb-tool.js";
export { DEFAULT_WAIVER_RULES, arbWaiver } from "./arbitraries/arb-waiver.js";
export type { WaiverConstraints } from "./arbitraries/arb-waiver.js";

// ── arbitraries of whole catalogs ─────────────────────────────────────────────────────────────────────────────
export { arbCatalog } from "./arbitraries/arb-catalog.js";
export type { CatalogConstraints } from "./arbitraries/arb-catalog.js";
export { BREAKAGES, arbBrokenCatalog } from "./arbitraries/arb-broken-catalog.js";
export type { Breakage, BrokenCatalog, BrokenCatalogConstraints, PlantedIssue } from "./arbitraries/arb-broken-catalog.js";

// ── helpers for any test runner ───────────────────────────────────────────────────────────────────────────────
export { assertDeepFrozen } from "./helpers/assert-deep-frozen.js";
export { assertPlantedIssuesReported } from "./helpers/assert-planted-issues-reported.js";
export type { CatalogValidator } from "./helpers/assert-planted-issues-reported.js";
export { assertValidCatalog } from "./helpers/assert-valid-catalog.js";
export { shuffleCatalog } from "./helpers/shuffle-catalog.js";

// ── custom sludge rules ───────────────────────────────────────────────────────────────────────────────────────
export { RuleTester } from "./rule-tester.js";
export type {
  RuleTesterCases,
  RuleTesterExpectedFinding,
  RuleTesterInvalidCase,
  RuleTesterOptions,
  RuleTesterValidCase,
} from "./rule-tester.js";
