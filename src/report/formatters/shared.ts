/**
 * What the formatters share: options, counts, number wording, and finding positions in the catalog text.
 *
 * @internal
 */
import { visit as visitJson } from "jsonc-parser";
import { LineCounter, parseDocument } from "yaml";
import { formatPath } from "../../model/issues.js";
import { detectCatalogFormat, locate } from "../../model/text.js";
import type { Rule } from "../../sludge/define-rule.js";
import type { LintResult } from "../../sludge/engine.js";
import type { Finding, Severity } from "../../sludge/types.js";

/**
 * Options of `formatFindings` (each formatter reads the ones it needs).
 *
 * @example
 * ```ts
 * import type { FormatOptions } from "service-blueprint";
 * const options: FormatOptions = { catalogFile: "catalog.yaml", catalogText: text, color: false };
 * ```
 */
export interface FormatOptions {
  /** Colour the stylish output with ANSI codes (default `false`: never on unless asked). */
  readonly color?: boolean;
  /** The catalog's file name, as the report should show it (SARIF `artifactLocation.uri`). */
  readonly catalogFile?: string;
  /** The catalog's text: with it, findings get a line and column (stylish, SARIF `physicalLocation`). */
  readonly catalogText?: string;
  /** List waived findings too (stylish and markdown; JSON and SARIF always include them). Default `true`. */
  readonly includeWaived?: boolean;
  /** Custom rules used in the lint, for their metadata in SARIF (the built-in ones are always known). */
  readonly plugins?: readonly Rule[];
  /** Base URL of the rule pages (`<base><rule-id>.md`); default {@link DEFAULT_RULE_DOCS_URL}. */
  readonly docsBaseUrl?: string;
  /** The tool version reported in SARIF. */
  readonly toolVersion?: string;
}

/**
 * Where the rule pages live: `docs/rules/<id>.md`, shipped inside the npm package and served by the unpkg CDN
 * (the latest published version). Set `docsBaseUrl` to point SARIF help links at your own copy instead.
 *
 * @example
 * ```ts
 * import { DEFAULT_RULE_DOCS_URL } from "service-blueprint";
 * `${DEFAULT_RULE_DOCS_URL}long-wait.md`; // "https://unpkg.com/service-blueprint/docs/rules/long-wait.md"
 * ```
 */
export const DEFAULT_RULE_DOCS_URL = "https://unpkg.com/service-blueprint/docs/rules/";

/** Counts by severity. @internal */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** A number for people: thousands separated, at most `digits` decimals. @internal */
export function formatQuantity(value: number, digits = 1): string {
  const rounded = Number(value.toFixed(digits));
  const [whole, fraction] = Math.abs(rounded).toString().split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** `3 errors`, `1 warning`. @internal */
export function countNoun(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The place a finding is shown at: its path, or `(catalog)`. @internal */
export function placeOf(finding: Finding): string {
  return finding.target.path === "" ? "(catalog)" : finding.target.path;
}

/** Splits `services[2].steps[4]` into segments. @internal */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]/g;
  for (let match = pattern.exec(path); match !== null; match = pattern.exec(path)) {
    segments.push(match[1] !== undefined ? match[1] : Number(match[2]));
  }
  return segments;
}

/** A position in the catalog text. @internal */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where each finding's target starts in the catalog text (YAML or JSON): the deepest node on its path.
 * Reads the text once, for the given findings. JSON is scanned with jsonc-parser's visitor, which records the
 * positions of the findings' paths only (no tree, no YAML parse: a 70 MB catalog scans in about a second); YAML is
 * parsed into a document with the yaml package.
 *
 * @internal
 */
export function locator(
  text: string | undefined,
  findings: readonly Finding[],
  fileName?: string,
): (finding: Finding) => TextPosition | undefined {
  if (text === undefined) return () => undefined;
  if (detectCatalogFormat(text, fileName) === "json") {
    const positions = jsonPositions(text, findings);
    return (finding) => {
      // The deepest recorded node on the path (every prefix of a wanted path is recorded too).
      for (let path: string | undefined = finding.target.path; path !== undefined; path = parentPath(path)) {
        const position = positions.get(path);
        if (position !== undefined) return position;
      }
      return undefined;
    };
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const cache = new Map<string, TextPosition | undefined>();
  return (finding) => {
    const path = finding.target.path;
    if (cache.has(path)) return cache.get(path);
    const position = locate(document, pathSegments(path), lines, false);
    cache.set(path, position);
    return position;
  };
}

/** `services[2]` for `services[2].steps[4]`, `services` for `services[2]`, `""` for `services`, then `undefined`. */
function parentPath(path: string): string | undefined {
  if (path === "") return undefined;
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut <= 0 ? "" : path.slice(0, cut);
}

/** Line and column (1-based) of where each wanted path's value starts in JSON text, and of their prefixes. */
function jsonPositions(text: string, findings: readonly Finding[]): Map<string, TextPosition> {
  const wanted = new Set<string>();
  let deepest = 0;
  for (const finding of findings) {
    for (let path: string | undefined = finding.target.path; path !== undefined && !wanted.has(path); path = parentPath(path)) {
      wanted.add(path);
      deepest = Math.max(deepest, pathSegments(path).length);
    }
  }
  const positions = new Map<string, TextPosition>();
  if (wanted.size === 0) return positions;
  let depth = 0;
  const record = (line: number, column: number, pathSupplier: () => (string | number)[]): void => {
    if (depth > deepest) return;
    const path = formatPath(pathSupplier());
    if (wanted.has(path) && !positions.has(path)) positions.set(path, { line: line + 1, column: column + 1 });
  };
  visitJson(text, {
    onObjectBegin(_offset, _length, line, column, pathSupplier) {
      record(line, column, pathSupplier);
      depth += 1;
    },
    onObjectEnd() {
      depth -= 1;
    },
    onArrayBegin(_offset, _length, line, column, pathSupplier) {
      record(line, column, pathSupplier);
      depth += 1;
    },
    onArrayEnd() {
      depth -= 1;
    },
    onLiteralValue(_value, _offset, _length, line, column, pathSupplier) {
      record(line, column, pathSupplier);
    },
  });
  return positions;
}

/** The findings a human-facing format lists: active, then waived when asked. @internal */
export function listed(result: LintResult, options: FormatOptions): readonly Finding[] {
  return options.includeWaived === false ? result.findings : [...result.findings, ...result.waived];
}
