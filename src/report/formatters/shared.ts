/**
 * What the formatters share: options, counts, number wording, and finding positions in the catalog text.
 *
 * @internal
 */
import type { CatalogIssue } from "../../model/issues.js";
import { CatalogSource, type TextPosition } from "../../model/source.js";
import { detectCatalogFormat } from "../../model/text.js";
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
  // Every field also takes `undefined`, so that callers under `exactOptionalPropertyTypes` can pass an option through.
  /** Colour the stylish output with ANSI codes (default `false`: never on unless asked). */
  readonly color?: boolean | undefined;
  /** The catalog's file name, as the report should show it (SARIF `artifactLocation.uri`). */
  readonly catalogFile?: string | undefined;
  /** The catalog's text: with it, findings get a line and column (stylish, SARIF `physicalLocation`). */
  readonly catalogText?: string | undefined;
  /**
   * The catalog's source, from `safeParseCatalogText` with `keepSource: true`: like `catalogText`, without reading
   * the text again (used instead of `catalogText` when both are given).
   */
  readonly catalogSource?: CatalogSource | undefined;
  /** List waived findings too (stylish and markdown; JSON and SARIF always include them). Default `true`. */
  readonly includeWaived?: boolean | undefined;
  /** Custom rules used in the lint, for their metadata in SARIF (the built-in ones are always known). */
  readonly plugins?: readonly Rule[] | undefined;
  /** Base URL of the rule pages (`<base><rule-id>.md`); default {@link DEFAULT_RULE_DOCS_URL}. */
  readonly docsBaseUrl?: string | undefined;
  /** The tool version reported in SARIF. */
  readonly toolVersion?: string | undefined;
}

/**
 * One catalog file of a multi-file report (`formatJsonFiles`, `formatSarifFiles`): its lint result
 * (with its text or source, to place findings), or, when it did not validate, its issues.
 *
 * @example
 * ```ts
 * import type { LintFileReport } from "service-blueprint";
 * const reports: LintFileReport[] = [
 *   { file: "a.yaml", result: lintCatalog(catalogA), catalogText: textA },
 *   { file: "b.yaml", issues: safeParseCatalogText(textB).issues ?? [] },
 * ];
 * ```
 */
export type LintFileReport =
  | {
      /** The file, as the report should show it. */
      readonly file: string;
      /** Its lint result. */
      readonly result: LintResult;
      /** Its text, for line and column. */
      readonly catalogText?: string | undefined;
      /** Its kept source, for line and column without reading the text again. */
      readonly catalogSource?: CatalogSource | undefined;
    }
  | {
      /** The file. */
      readonly file: string;
      /** Why it is not a valid catalog (it was not linted). */
      readonly issues: readonly CatalogIssue[];
    };

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

/**
 * Finds where each finding's target starts in the catalog (YAML or JSON): the deepest node on its path, from
 * `catalogSource`, or else from `catalogText` (read once, for the given findings: JSON is scanned for the findings'
 * paths only, YAML parsed into a document).
 *
 * @internal
 */
export function locator(options: FormatOptions, findings: readonly Finding[]): (finding: Finding) => TextPosition | undefined {
  const text = options.catalogText;
  const source =
    options.catalogSource ?? (text === undefined ? undefined : CatalogSource.fromText(text, detectCatalogFormat(text, options.catalogFile)));
  if (source === undefined) return () => undefined;
  const paths = new Set<string>();
  for (const finding of findings) paths.add(finding.target.path);
  const lookup = source.locator(paths);
  return (finding) => lookup(finding.target.path);
}

/** The findings a human-facing format lists: active, then waived when asked. @internal */
export function listed(result: LintResult, options: FormatOptions): readonly Finding[] {
  return options.includeWaived === false ? result.findings : [...result.findings, ...result.waived];
}

/** How many list items go into one chunk of output. */
const ITEMS_PER_CHUNK = 2_000;

/**
 * `JSON.stringify(value, null, 2)` and a newline, byte for byte, as a series of chunks: the lists given in `lists`
 * (each standing in `value` as the placeholder string `\u0000list:<name>`) are written a few thousand items at a
 * time, so that no single string holds a whole report of a million findings (V8 refuses strings past about 512 MB).
 *
 * @internal
 */
export function* indentedJsonChunks(value: unknown, lists: ReadonlyMap<string, readonly unknown[]>): Generator<string> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  let from = 0;
  for (const [name, items] of lists) {
    const placeholder = JSON.stringify(listPlaceholder(name));
    const at = text.indexOf(placeholder, from);
    if (at < 0) throw new Error(`internal: no place for the list ${name}`);
    yield text.slice(from, at);
    from = at + placeholder.length;
    if (items.length === 0) {
      yield "[]";
      continue;
    }
    const lineStart = text.lastIndexOf("\n", at) + 1;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 32) indent += 1;
    const pad = " ".repeat(indent + 2);
    let chunk = "[\n";
    for (let i = 0; i < items.length; i++) {
      const item = JSON.stringify(items[i], null, 2) ?? "null";
      chunk += `${pad}${item.replace(/\n/g, `\n${pad}`)}${i === items.length - 1 ? "\n" : ",\n"}`;
      if (i % ITEMS_PER_CHUNK === ITEMS_PER_CHUNK - 1) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}${" ".repeat(indent)}]`;
  }
  yield text.slice(from);
}

/** The placeholder of a list in {@link indentedJsonChunks}. @internal */
export function listPlaceholder(name: string): string {
  return `\u0000list:${name}`;
}
