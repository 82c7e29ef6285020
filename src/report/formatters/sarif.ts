/**
 * The SARIF 2.1.0 formatter, fit for code-scanning upload: rule metadata with help links, results with logical
 * locations (the catalog path) and, given the catalog text, physical ones; partial fingerprints; waived findings as
 * accepted suppressions.
 */
import { ENGINE_CHECKS } from "../../sludge/config.js";
import type { Rule } from "../../sludge/define-rule.js";
import type { LintResult } from "../../sludge/engine.js";
import { builtinRules } from "../../sludge/rules/index.js";
import type { Finding, Severity } from "../../sludge/types.js";
import { DEFAULT_RULE_DOCS_URL, type FormatOptions, indentedJsonChunks, listPlaceholder, locator, placeOf } from "./shared.js";

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
  const docs = options.docsBaseUrl ?? DEFAULT_RULE_DOCS_URL;
  const known = new Map<string, RuleDescriptor>();
  for (const rule of [...builtinRules, ...(options.plugins ?? [])]) if (!known.has(rule.meta.id)) known.set(rule.meta.id, describeRule(rule));
  for (const check of ENGINE_CHECKS) {
    known.set(check.id, { id: check.id, title: check.title, description: check.description, remediation: check.description, level: check.defaultSeverity, categories: ["structure"] });
  }
  const all = [...result.findings, ...result.waived];
  const ids = new Set(result.rules.map((rule) => rule.id));
  for (const finding of all) ids.add(finding.ruleId);
  const ruleIds = [...ids].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const severityOf = new Map(result.rules.map((rule) => [rule.id, rule.severity]));
  const rules = ruleIds.map((id) => {
    const rule = known.get(id);
    const level = LEVEL[severityOf.get(id) ?? rule?.level ?? "warning"];
    return {
      id,
      name: pascal(id),
      shortDescription: { text: rule?.title ?? id },
      fullDescription: { text: rule?.description ?? id },
      help: { text: rule === undefined ? id : `${rule.description}\n\nWhy: ${rule.rationale ?? rule.description}\n\nFix: ${rule.remediation}` },
      helpUri: `${docs}${id}.md`,
      defaultConfiguration: { level },
      properties: { tags: ["sludge", ...(rule?.categories ?? [])] },
    };
  });
  const locate = locator(options, all);
  const artifact = options.catalogFile;
  const results = all.map((finding: Finding) => {
    const position = artifact === undefined ? undefined : locate(finding);
    const location: Record<string, unknown> = {
      logicalLocations: [{ fullyQualifiedName: placeOf(finding), kind: finding.target.kind === "catalog" ? "module" : "element" }],
    };
    if (artifact !== undefined) {
      location.physicalLocation = {
        artifactLocation: { uri: artifact },
        ...(position === undefined ? {} : { region: { startLine: position.line, startColumn: position.column } }),
      };
    }
    const entry: Record<string, unknown> = {
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
      entry.suppressions = [
        {
          kind: "inSource",
          status: "accepted",
          justification: `${waiver.justification}${waiver.note === undefined ? "" : `: ${waiver.note}`}${waiver.approvedBy === undefined ? "" : ` (approved by ${waiver.approvedBy})`}`,
          properties: { waiver: `waivers[${waiver.index}]`, ...(waiver.id === undefined ? {} : { id: waiver.id }), ...(waiver.expires === undefined ? {} : { expires: waiver.expires }) },
        },
      ];
    }
    return entry;
  });
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
        ...(artifact === undefined ? {} : { artifacts: [{ location: { uri: artifact } }] }),
        results: listPlaceholder("results"),
        properties: { today: result.today, burden: result.burden.total },
      },
    ],
  };
  return indentedJsonChunks(log, new Map([["results", results]]));
}
