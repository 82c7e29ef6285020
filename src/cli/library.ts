/**
 * The part of the library's public API that the binary uses, re-exported from the modules that define it (the
 * same functions and types as `src/index.ts`). Importing the library entry itself would make every command load
 * all it exports, csv-parse's A-11 importer and immer's edits included; through this file a command loads only
 * what it uses, and `import-a11` loads the importer on demand.
 */
export type { Catalog } from "../model/schema.js";
export type { CatalogIssue } from "../model/issues.js";
export { safeParseCatalogBytes, serializeCatalog } from "../model/text.js";
export { CatalogSource } from "../model/source.js";
export { CATALOG_SCHEMA_URL, catalogJsonSchema } from "../model/json-schema.js";
export { suggest } from "../model/did-you-mean.js";
export type { Finding } from "../sludge/types.js";
export type { Rule } from "../sludge/define-rule.js";
export { lintCatalog } from "../sludge/engine.js";
export type { LintResult } from "../sludge/engine.js";
export { LintConfigError, parseLintConfig } from "../sludge/config.js";
export type { ResolvedLintConfig } from "../sludge/config.js";
export { PRESETS } from "../sludge/presets.js";
export { compareCatalogs } from "../sludge/compare.js";
export type { BurdenComparison, CatalogComparison } from "../sludge/compare.js";
export { MermaidExportError, toMermaid } from "../export/mermaid/index.js";
export { compareDiagram } from "../export/mermaid/compare.js";
export type { MermaidDiagram, MermaidOptions } from "../export/mermaid/types.js";
export { formatFindings, formatFindingsChunks } from "../report/formatters/index.js";
export type { FormatOptions, LintFileReport } from "../report/formatters/shared.js";
export { renderHtmlReport } from "../report/html/render.js";
export type { HtmlReportComparison, HtmlReportDiagram } from "../report/html/render.js";
export { A11ImportError } from "../import/a11-error.js";
export { formatA11ImportReport } from "../import/a11-report.js";
