/**
 * The SARIF 2.1.0 formatter, fit for code-scanning upload: rule metadata with help links, results with logical
 * locations (the catalog path) and, given the catalog text, physical ones; partial fingerprints; waived findings as
 * accepted suppressions.
 */
import type { CatalogIssue } from "../../model/issues.js";
import { ENGINE_CHECKS } from "../../sludge/config.js";
import type { Rule } from "../../sludge/define-rule.js";
import type { LintResult } from "../../sludge/engine.js";
import { builtinRules } from "../../sludge/rules/index.js";
import type { Finding, Severity } from "../../sludge/types.js";
import { DEFAULT_RULE_DOCS_URL, type FormatOptions, indentedJsonChunks, type LintFileReport, listPlaceholder, locator, placeOf } from "./shared.js";

/** SARIF levels by severity. */
const LEVEL: Readonly<Record<Severity, "error" | "warning" | "note">> = { error: "error", warning: "warning", info: "note" };

/** The key of our fingerprints in `partialFingerprints` (versioned, so a change of scheme is visible). */
const FINGERPRINT_KEY = "sludgeFingerprint/v1";

interface RuleDescriptor {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly remediation: string;
  readonly level: Severity;
  readonly categories: readonly string[];
  readonly rationale?: string;
}

function describeRule(rule: Rule): RuleDescriptor {
  const meta = rule.meta;
  return {
    id: meta.id,
    title: meta.title,
    description: meta.description,
    remediation: meta.remediation,
    level: meta.defaultSeverity,
    categories: meta.categories,
    rationale: meta.rationale,
  };
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}

/** The rule of the results that stand for a catalog that did not validate (and so was not linted). */
const INVALID_CATALOG: RuleDescriptor = {
  id: "invalid-catalog",
  title: "Invalid catalog",
  description: "The catalog does not validate against the catalog format and its integrity rules, so it was not linted.",
  remediation: "Fix each issue (run `service-blueprint validate <file>` for the list with hints), then lint again.",
  level: "error",
  categories: ["structure"],
};

/** One catalog of a SARIF run: linted, or invalid with its issues; `file` absent for a result without a file. */
type SarifEntry =
  | { readonly file?: string | undefined; readonly result: LintResult; readonly options: FormatOptions }
  | { readonly file: string; readonly issues: readonly CatalogIssue[] };

/**
 * The SARIF log of one run over every entry: the rules that ran or reported, one artifact per file, all results;
 * in chunks, results a few thousand at a time.
 *
 * Long on purpose: it writes the SARIF document in the document's own order (tool, rules, artifacts, results,
 * properties), one part after another.
 */
function sarifLogChunks(entries: readonly SarifEntry[], options: FormatOptions, runProperties: Record<string, unknown>): Generator<string> {
  const docs = options.docsBaseUrl ?? DEFAULT_RULE_DOCS_URL;
  const known = new Map<string, RuleDescriptor>();
  for (const rule of [...builtinRules, ...(options.plugins ?? [])]) if (!known.has(rule.meta.id)) known.set(rule.meta.id, describeRule(rule));
  for (const check of ENGINE_CHECKS) {
    known.set(check.id, { id: check.id, title: check.title, description: check.description, remediation: check.description, level: check.defaultSeverity, categories: ["structure"] });
  }
  known.set(INVALID_CATALOG.id, INVALID_CATALOG);
  const ids = new Set<string>();
  const severityOf = new Map<string, Severity>();
  for (const entry of entries) {
    if ("issues" in entry) {
      ids.add(INVALID_CATALOG.id);
      continue;
    }
    for (const rule of entry.result.rules) {
      ids.add(rule.id);
      if (!severityOf.has(rule.id)) severityOf.set(rule.id, rule.severity);
    }
    for (const finding of [...entry.result.findings, ...entry.result.waived]) ids.add(finding.ruleId);
  }
  const ruleIds = [...ids].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const rule = known.get(id);
    const level = LEVEL[severityOf.get(id) ?? rule?.level ?? "warning"];
    return {
      id,
      name: pascal(id),
      shortDescription: { text: rule?.title ?? id },
      fullDescription: { text: rule?.description ?? id },
      help: { text: rule === undefined ? id : `${rule.description}\n\nWhy: ${rule.rationale ?? rule.description}\n\nFix: ${rule.remediation}` },
      helpUri: id === INVALID_CATALOG.id ? docs.replace(/rules\/$/, "validation.md") : `${docs}${id}.md`,
      defaultConfiguration: { level },
      properties: { tags: ["sludge", ...(rule?.categories ?? [])] },
    };
  });
  const files = [...new Set(entries.flatMap((entry) => (entry.file === undefined ? [] : [entry.file])))];
  const artifactIndex = new Map(files.map((file, i) => [file, i]));
  /** A physical location in a file, with a region when the position is known. */
  const physical = (file: string, position: { readonly line: number; readonly column: number } | undefined) => ({
    artifactLocation: { uri: file, index: artifactIndex.get(file) },
    ...(position === undefined ? {} : { region: { startLine: position.line, startColumn: position.column } }),
  });
  const results: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const entry of entries) {
    if ("issues" in entry) {
      for (const issue of entry.issues) {
        const position = issue.line === undefined ? undefined : { line: issue.line, column: issue.column ?? 1 };
        results.push({
          ruleId: INVALID_CATALOG.id,
          ruleIndex: ruleIndex.get(INVALID_CATALOG.id),
          level: "error",
          message: { text: `${issue.code}: ${issue.message}${issue.hint === undefined ? "" : ` (${issue.hint})`}` },
          locations: [
            {
              physicalLocation: physical(entry.file, position ?? { line: 1, column: 1 }),
              logicalLocations: [{ fullyQualifiedName: issue.path === "" ? "(catalog)" : issue.path, kind: issue.path === "" ? "module" : "element" }],
            },
          ],
          properties: { code: issue.code },
        });
      }
      notifications.push({
        level: "error",
        message: { text: `${entry.file}: invalid catalog (${entry.issues.length} issue${entry.issues.length === 1 ? "" : "s"}); it was not linted` },
        locations: [{ physicalLocation: physical(entry.file, undefined) }],
      });
      continue;
    }
    const { result, file } = entry;
    const all = [...result.findings, ...result.waived];
    const locate = locator({ ...entry.options, ...(file === undefined ? {} : { catalogFile: file }) }, all);
    for (const finding of all) {
      const location: Record<string, unknown> = {
        logicalLocations: [{ fullyQualifiedName: placeOf(finding), kind: finding.target.kind === "catalog" ? "module" : "element" }],
      };
      if (file !== undefined) location.physicalLocation = physical(file, locate(finding));
      const item: Record<string, unknown> = {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [location],
        partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
        properties: {
          category: finding.category,
          evidence: finding.evidence,
          remediation: finding.remediation,
          burden: finding.burden,
        },
      };
      if (finding.waiver !== undefined && finding.ruleId !== "expired-waiver" && finding.ruleId !== "unused-waiver") {
        const waiver = finding.waiver;
        item.suppressions = [
          {
            kind: "inSource",
            status: "accepted",
            justification: `${waiver.justification}${waiver.note === undefined ? "" : `: ${waiver.note}`}${waiver.approvedBy === undefined ? "" : ` (approved by ${waiver.approvedBy})`}`,
            properties: { waiver: `waivers[${waiver.index}]`, ...(waiver.id === undefined ? {} : { id: waiver.id }), ...(waiver.expires === undefined ? {} : { expires: waiver.expires }) },
          },
        ];
      }
      results.push(item);
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "service-blueprint",
            informationUri: docs.replace(/docs\/rules\/$/, ""),
            ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }),
            rules,
          },
        },
        ...(notifications.length === 0 ? {} : { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] }),
        ...(files.length === 0 ? {} : { artifacts: files.map((file) => ({ location: { uri: file } })) }),
        results: listPlaceholder("results"),
        properties: runProperties,
      },
    ],
  };
  return indentedJsonChunks(log, new Map([["results", results]]));
}

/**
 * Formats a lint result as a SARIF 2.1.0 log (one run). The tool's rules are those that ran plus any engine
 * check that reported; every result names its rule by id and index.
 *
 * @param result - the result of `lintCatalog`
 * @param options - `catalogFile` (artifact URI) and `catalogText` (for line and column), `plugins` (custom rules'
 *   metadata), `docsBaseUrl`, `toolVersion`
 * @returns the SARIF JSON text, ending with a newline
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from "node:fs";
 * import { formatSarif, lintCatalog, parseCatalogText } from "service-blueprint";
 * const text = readFileSync("catalog.yaml", "utf8");
 * const result = lintCatalog(parseCatalogText(text));
 * writeFileSync("sludge.sarif", formatSarif(result, { catalogFile: "catalog.yaml", catalogText: text }));
 * ```
 */
export function formatSarif(result: LintResult, options: FormatOptions = {}): string {
  return [...sarifChunks(result, options)].join("");
}

/** {@link formatSarif}'s text in chunks, results a few thousand at a time. @internal */
export function sarifChunks(result: LintResult, options: FormatOptions = {}): Generator<string> {
  return sarifLogChunks([{ file: options.catalogFile, result, options }], options, { today: result.today, burden: result.burden.total });
}

/**
 * Formats the lint of several catalog files as one SARIF 2.1.0 log with **one run** holding every result (what
 * GitHub code scanning accepts for any number of files): one artifact per file, and each catalog that did not
 * validate as `invalid-catalog` error results (one per issue, at its line) plus a tool notification, so that it is
 * never silently missing.
 *
 * @param reports - each file's lint result (with its text or source for positions) or its validation issues
 * @param options - `plugins`, `docsBaseUrl`, `toolVersion` (the per-file catalog options are in the reports)
 * @returns the SARIF JSON text, ending with a newline
 * @example
 * ```ts
 * import { formatSarifFiles, lintCatalog, safeParseCatalogText } from "service-blueprint";
 * const reports = files.map(({ file, text }) => {
 *   const parsed = safeParseCatalogText(text, { source: file });
 *   return parsed.success ? { file, result: lintCatalog(parsed.catalog), catalogText: text } : { file, issues: parsed.issues };
 * });
 * const sarif = formatSarifFiles(reports, { toolVersion: "0.1.0" });
 * ```
 */
export function formatSarifFiles(reports: readonly LintFileReport[], options: FormatOptions = {}): string {
  return [...sarifFilesChunks(reports, options)].join("");
}

/** {@link formatSarifFiles}'s text in chunks, results a few thousand at a time. @internal */
export function sarifFilesChunks(reports: readonly LintFileReport[], options: FormatOptions = {}): Generator<string> {
  const entries: SarifEntry[] = reports.map((report) =>
    "issues" in report
      ? { file: report.file, issues: report.issues }
      : {
          file: report.file,
          result: report.result,
          options: {
            ...(report.catalogText === undefined ? {} : { catalogText: report.catalogText }),
            ...(report.catalogSource === undefined ? {} : { catalogSource: report.catalogSource }),
          },
        },
  );
  const linted = reports.filter((report): report is Extract<LintFileReport, { result: LintResult }> => "result" in report);
  return sarifLogChunks(entries, options, {
    ...(linted[0] === undefined ? {} : { today: linted[0].result.today }),
    files: reports.map((report) => ("result" in report ? { file: report.file, valid: true, burden: report.result.burden.total } : { file: report.file, valid: false, issues: report.issues.length })),
  });
}
