import { type Document, LineCounter, parseDocument, stringify } from "yaml";
import type { z } from "zod";
import { type CatalogIssue, CatalogValidationError, makeIssue } from "./issues.js";
import { type Catalog, CatalogSchema } from "./schema.js";
import { CatalogSource, locate } from "./source.js";
import { type CatalogLimits, DEFAULT_LIMITS, safeParseCatalog, sortIssues } from "./validate.js";
import { defOf, unionOption, unwrap } from "./zod-walk.js";

/**
 * The text formats a catalog is kept in.
 *
 * @example
 * ```ts
 * import type { CatalogFormat } from "service-blueprint";
 * const format: CatalogFormat = "yaml";
 * ```
 */
export type CatalogFormat = "yaml" | "json";

/**
 * Options of {@link parseCatalogText} and {@link safeParseCatalogText}.
 *
 * @example
 * ```ts
 * import { parseCatalogText } from "service-blueprint";
 * parseCatalogText(text, { format: "yaml", source: "catalog.yaml", limits: { maxAliases: 10 } });
 * ```
 */
export interface ParseCatalogTextOptions {
  /** `yaml`, `json`, or `auto` (the default: JSON when the text starts with `{`, else YAML). */
  readonly format?: CatalogFormat | "auto";
  /** A file name, used in error messages. */
  readonly source?: string;
  /** Overrides of the default limits. */
  readonly limits?: Partial<CatalogLimits>;
}

/**
 * Options of {@link safeParseCatalogText}: those of {@link parseCatalogText}, and whether to keep the source.
 *
 * @example
 * ```ts
 * import { safeParseCatalogText } from "service-blueprint";
 * const result = safeParseCatalogText(text, { source: "catalog.yaml", keepSource: true });
 * ```
 */
export interface SafeParseCatalogTextOptions extends ParseCatalogTextOptions {
  /**
   * Return the {@link CatalogSource} with a valid catalog (default `false`), to place findings at their line and
   * column without reading the text again: a YAML catalog's parsed document is kept (memory: several times the
   * text) instead of parsed a second time by `formatFindings`.
   */
  readonly keepSource?: boolean;
}

/**
 * The result of {@link safeParseCatalogText}: the catalog (and its source, when kept), or every issue with its line
 * and column.
 *
 * @example
 * ```ts
 * import { safeParseCatalogText, type SafeParseCatalogTextResult } from "service-blueprint";
 * const result: SafeParseCatalogTextResult = safeParseCatalogText(text);
 * if (!result.success) for (const issue of result.issues) console.log(`${issue.line}:${issue.column} ${issue.message}`);
 * ```
 */
export type SafeParseCatalogTextResult =
  | {
      readonly success: true;
      readonly catalog: Catalog;
      readonly issues: readonly [];
      /** The text and where each path is in it, with `keepSource: true`. */
      readonly source?: CatalogSource;
    }
  | { readonly success: false; readonly issues: readonly CatalogIssue[] };

/**
 * Detects the format of catalog text: JSON when the first non-blank character is `{`, YAML otherwise, or from a
 * file name's extension when given.
 *
 * @param text - the text
 * @param fileName - an optional file name (`.json`, `.yaml`, `.yml`)
 * @returns the format
 * @example
 * ```ts
 * import { detectCatalogFormat } from "service-blueprint";
 * detectCatalogFormat('{"version": 1}'); // "json"
 * detectCatalogFormat("version: 1", "catalog.yml"); // "yaml"
 * ```
 */
export function detectCatalogFormat(text: string, fileName?: string): CatalogFormat {
  if (fileName !== undefined) {
    if (/\.json$/i.test(fileName)) return "json";
    if (/\.ya?ml$/i.test(fileName)) return "yaml";
  }
  return /^\s*\{/.test(text) ? "json" : "yaml";
}

function withPosition(issue: CatalogIssue, position: { line: number; column: number } | undefined): CatalogIssue {
  return position ? { ...issue, line: position.line, column: position.column } : issue;
}

/**
 * Parses catalog text (YAML or JSON) and validates it, like {@link safeParseCatalog}, adding the line and column of
 * each issue. YAML alias bombs, duplicate keys and oversized text are refused with an issue. Never throws for bad
 * input.
 *
 * @param text - the catalog as YAML or JSON text
 * @param options - format, source name, limits, and `keepSource`
 * @returns `{ success: true, catalog }` (with `source` when kept) or `{ success: false, issues }` (each issue with
 *   `line` and `column`)
 * @example
 * ```ts
 * import { safeParseCatalogText } from "service-blueprint";
 * const result = safeParseCatalogText("version: 1\nname: Demo\nservicez: []\n");
 * if (!result.success) console.log(result.issues[0]); // { code: "unrecognized_key", line: 3, column: 1, hint: "did you mean 'services'?", ... }
 * ```
 */
export function safeParseCatalogText(text: string, options: SafeParseCatalogTextOptions = {}): SafeParseCatalogTextResult {
  const limits: CatalogLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (text.length > limits.maxTextLength) {
    return {
      success: false,
      issues: [
        makeIssue(
          "document_too_large",
          [],
          `the text is ${text.length} characters long, over the limit of ${limits.maxTextLength}`,
          "split the catalog, or raise limits.maxTextLength if it is genuine",
        ),
      ],
    };
  }
  const format = options.format === undefined || options.format === "auto" ? detectCatalogFormat(text, options.source) : options.format;
  let value: unknown;
  let document: Document | undefined;
  const lines = new LineCounter();
  if (format === "json") {
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Node reports some JSON errors with a position; otherwise JSON is YAML 1.2 and the YAML parser can tell.
      const message = error instanceof Error ? error.message : String(error);
      const at = /at position (\d+)/.exec(message);
      let offset = at ? Number(at[1]) : undefined;
      if (offset === undefined) {
        document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
        offset = document.errors[0]?.pos[0];
      } else {
        // Line starts, as the YAML parser records them: the first line starts at 0.
        lines.addNewLine(0);
        for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
      }
      const pos = offset !== undefined ? lines.linePos(offset) : { line: 1, col: 1 };
      return {
        success: false,
        issues: [{ ...makeIssue("syntax_error", [], `invalid JSON: ${firstLine(message)}`), line: pos.line, column: pos.col }],
      };
    }
  } else {
    document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (document.errors.length > 0) {
      return {
        success: false,
        issues: document.errors.map((error) => {
          const pos = lines.linePos(error.pos[0]);
          const code = error.code === "DUPLICATE_KEY" ? "duplicate_key" : "syntax_error";
          return { ...makeIssue(code, [], `invalid YAML: ${firstLine(error.message)}`, code === "duplicate_key" ? "remove or rename the repeated key" : undefined), line: pos.line, column: pos.col };
        }),
      };
    }
    try {
      value = document.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const alias = /alias/i.test(message);
      return {
        success: false,
        issues: [
          makeIssue(
            alias ? "too_many_aliases" : "syntax_error",
            [],
            alias ? `the YAML expands more than ${limits.maxAliases} aliases` : `invalid YAML: ${firstLine(message)}`,
            alias ? "write the repeated content out, or raise limits.maxAliases if it is genuine" : undefined,
          ),
        ],
      };
    }
  }
  const result = safeParseCatalog(value, { limits });
  if (result.success) {
    if (options.keepSource !== true) return result;
    const source = document === undefined ? CatalogSource.fromText(text, format) : CatalogSource.fromYamlDocument(text, document, lines);
    return { ...result, source };
  }
  // Positions are found only when there are issues, so valid JSON is never parsed twice.
  document ??= parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const located = result.issues.map((issue) => withPosition(issue, locate(document!, issue.segments, lines, issue.code === "unrecognized_key" || issue.code === "forbidden_key")));
  return { success: false, issues: sortIssues(located) };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Parses catalog text (YAML or JSON) and returns the valid catalog, or throws {@link CatalogValidationError} with
 * every issue, each with its line and column.
 *
 * @param text - the catalog as YAML or JSON text
 * @param options - format, source name and limits
 * @returns the catalog, frozen, with defaults filled in
 * @throws {@link CatalogValidationError} when the text is not a valid catalog
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { parseCatalogText } from "service-blueprint";
 * const catalog = parseCatalogText(readFileSync("catalog.yaml", "utf8"), { format: "yaml", source: "catalog.yaml" });
 * ```
 */
export function parseCatalogText(text: string, options: ParseCatalogTextOptions = {}): Catalog {
  const result = safeParseCatalogText(text, options);
  if (!result.success) throw new CatalogValidationError(result.issues, options.source);
  return result.catalog;
}

/**
 * Options of {@link serializeCatalog}.
 *
 * @example
 * ```ts
 * import { serializeCatalog } from "service-blueprint";
 * serializeCatalog(catalog, { format: "json", defaults: "keep" });
 * ```
 */
export interface SerializeCatalogOptions {
  /** `yaml` (the default) or `json`. */
  readonly format?: CatalogFormat;
  /**
   * `omit` (the default) leaves out fields equal to their default (empty lists, `false` flags, zero minutes), so
   * the text stays short; `keep` writes every field.
   */
  readonly defaults?: "omit" | "keep";
}

function isDefault(schema: z.ZodType, value: unknown): boolean {
  const def = defOf(schema);
  if (def.type !== "default") return false;
  const fallback = def.defaultValue;
  if (Array.isArray(value)) return Array.isArray(fallback) && value.length === 0 && fallback.length === 0;
  if (value !== null && typeof value === "object") {
    return fallback !== null && typeof fallback === "object" && Object.keys(value).length === 0 && Object.keys(fallback).length === 0;
  }
  return Object.is(value, fallback);
}

/** Copies `value` with keys in the schema's declared order (the contract's order), iteratively. */
function ordered(root: unknown, rootSchema: z.ZodType, omitDefaults: boolean): unknown {
  const out: { value: unknown } = { value: undefined };
  const stack: { value: unknown; schema: z.ZodType | undefined; set: (v: unknown) => void }[] = [
    { value: root, schema: rootSchema, set: (v) => (out.value = v) },
  ];
  while (stack.length > 0) {
    const { value, schema, set } = stack.pop()!;
    if (value === null || typeof value !== "object") {
      set(value);
      continue;
    }
    let inner = schema ? unwrap(schema) : undefined;
    if (inner && defOf(inner).type === "union") inner = unionOption(inner, value);
    const def = inner ? defOf(inner) : undefined;
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array(value.length);
      set(copy);
      value.forEach((item, i) => stack.push({ value: item, schema: def?.element, set: (v) => (copy[i] = v) }));
      continue;
    }
    const record = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    set(copy);
    const shape = def?.type === "object" ? def.shape : undefined;
    const keys = shape ? [...Object.keys(shape).filter((k) => k in record), ...Object.keys(record).filter((k) => !(k in shape)).sort()] : Object.keys(record).sort();
    for (const key of keys) {
      const fieldValue = record[key];
      if (fieldValue === undefined) continue;
      const fieldSchema = shape ? shape[key] : def?.type === "record" ? def.valueType : undefined;
      if (omitDefaults && fieldSchema && isDefault(fieldSchema, fieldValue)) continue;
      copy[key] = undefined; // reserve the key's place so the order holds
      stack.push({ value: fieldValue, schema: fieldSchema, set: (v) => (copy[key] = v) });
    }
  }
  return out.value;
}

/**
 * Writes a catalog as YAML or JSON text with a stable key order (the order of the format's fields), so that the
 * same catalog always gives the same bytes and diffs stay small. Parsing the text gives the same catalog back.
 *
 * @param catalog - a parsed catalog
 * @param options - format and whether to write fields equal to their default
 * @returns the text, ending with a newline
 * @example
 * ```ts
 * import { parseCatalog, serializeCatalog } from "service-blueprint";
 * const catalog = parseCatalog({ version: 1, name: "Demo" });
 * serializeCatalog(catalog); // "version: 1\nname: Demo\n"
 * serializeCatalog(catalog, { format: "json" }); // '{\n  "version": 1,\n  "name": "Demo"\n}\n'
 * ```
 */
export function serializeCatalog(catalog: Catalog, options: SerializeCatalogOptions = {}): string {
  const value = ordered(catalog, CatalogSchema, (options.defaults ?? "omit") === "omit");
  if ((options.format ?? "yaml") === "json") return `${JSON.stringify(value, null, 2)}\n`;
  return stringify(value, { indent: 2, lineWidth: 0, aliasDuplicateObjects: false });
}
