import { Composer, type Document, Lexer, LineCounter, Parser, YAMLParseError, stringify } from "yaml";
import type { z } from "zod";
import { type CatalogIssue, CatalogValidationError, makeIssue } from "./issues.js";
import { type Catalog, CatalogSchema } from "./schema.js";
import { CatalogSource, jsonDuplicateKeys, jsonSyntaxErrorAt, locate, locateInJson, yamlPathAt } from "./source.js";
import { type TextFault, controlCharacters, firstInvalidUtf8, positionsOf, scanJson, scanYaml } from "./text-scan.js";
import { type CatalogLimits, DEFAULT_LIMITS, sortIssues, validateDocument } from "./validate.js";
import { defOf, unionOption, unwrap } from "./zod-walk.js";
import { invariant, known } from "../internal/invariant.js";

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
  readonly format?: CatalogFormat | "auto" | undefined;
  /** A file name, used in error messages. */
  readonly source?: string | undefined;
  /** Overrides of the default limits. */
  readonly limits?: Partial<CatalogLimits> | undefined;
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
  readonly keepSource?: boolean | undefined;
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
 * The result of {@link safeParseCatalogText} and {@link safeParseCatalogBytes} called with `keepSource: true`: a
 * valid catalog always comes with its source, so that it can be handed on where a {@link CatalogSource} is expected
 * (`formatFindings`' `catalogSource`) without a check, also under `exactOptionalPropertyTypes`.
 *
 * @example
 * ```ts
 * import { formatFindings, lintCatalog, safeParseCatalogText } from "service-blueprint";
 * const parsed = safeParseCatalogText(text, { source: "catalog.yaml", keepSource: true });
 * if (parsed.success) {
 *   console.log(formatFindings(lintCatalog(parsed.catalog), "stylish", { catalogFile: "catalog.yaml", catalogSource: parsed.source }));
 * }
 * ```
 */
export type SafeParseCatalogTextKeptResult =
  | {
      readonly success: true;
      readonly catalog: Catalog;
      readonly issues: readonly [];
      /** The text and where each path is in it. */
      readonly source: CatalogSource;
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

type Located = CatalogIssue & { readonly line?: number; readonly column?: number };

function withPosition(issue: CatalogIssue, position: { line: number; column: number } | undefined): CatalogIssue {
  return position ? { ...issue, line: position.line, column: position.column } : issue;
}

/** Issues in the order of the text: by line and column (those without a position first), then by path and code. */
function sortByLocation(issues: Located[]): CatalogIssue[] {
  const byPath = sortIssues(issues);
  const rank = new Map<CatalogIssue, number>();
  byPath.forEach((issue, i) => rank.set(issue, i));
  return byPath.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || known(rank, a) - known(rank, b));
}

function faultIssues(text: string, faults: readonly TextFault[]): CatalogIssue[] {
  const positions = positionsOf(text, faults.map((f) => f.offset));
  return faults.map((fault) => withPosition(makeIssue(fault.code, fault.segments, fault.message, fault.hint), positions.get(fault.offset)));
}

function tooLarge(what: string, limits: CatalogLimits): SafeParseCatalogTextResult {
  const hint = "split the catalog, or raise limits.maxTextLength if it is genuine";
  return failure([makeIssue("document_too_large", [], `${what}, over the limit of ${limits.maxTextLength}`, hint)]);
}

/** Issues in the order of the text; one the text cannot place (a whole-document problem) is at 1:1. */
function failure(issues: Located[]): SafeParseCatalogTextResult {
  return { success: false, issues: sortByLocation(issues).map((issue) => (issue.line === undefined ? { ...issue, line: 1, column: 1 } : issue)) };
}

/**
 * Parses catalog text (YAML or JSON) and validates it, like {@link safeParseCatalog}, adding the line and column of
 * each issue. A leading byte-order mark is skipped. Before any parse, the text is scanned flat for control
 * characters, nesting deeper than `limits.maxDepth`, texts longer than `limits.maxStringLength` and (YAML) tags
 * outside the core schema, so that hostile input is refused quickly and the same way on every run. Keys repeated
 * in an object (JSON or YAML) are issues, as are YAML alias bombs and oversized text. Shape and integrity issues
 * come in one list, in the order of the text. Never throws for bad input.
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
export function safeParseCatalogText(text: string, options: SafeParseCatalogTextOptions & { readonly keepSource: true }): SafeParseCatalogTextKeptResult;
export function safeParseCatalogText(text: string, options?: SafeParseCatalogTextOptions): SafeParseCatalogTextResult;
export function safeParseCatalogText(text: string, options: SafeParseCatalogTextOptions = {}): SafeParseCatalogTextResult {
  const limits: CatalogLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (text.length > limits.maxTextLength) return tooLarge(`the text is ${text.length} characters long`, limits);
  // A byte-order mark (as Windows editors write) is not part of the text; positions count from after it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const controls = controlCharacters(text);
  if (controls.length > 0) return failure(faultIssues(text, controls));
  const format = options.format === undefined || options.format === "auto" ? detectCatalogFormat(text, options.source) : options.format;
  return format === "json" ? parseJsonText(text, options, limits) : parseYamlText(text, options, limits);
}

function parseJsonText(text: string, options: SafeParseCatalogTextOptions, limits: CatalogLimits): SafeParseCatalogTextResult {
  const scan = scanJson(text, limits);
  if (scan.faults.length > 0) return failure(faultIssues(text, scan.faults));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Node reports most JSON errors with a position; otherwise jsonc-parser's strict reading finds it.
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    const position = at ? positionsOf(text, [Number(at[1])]).get(Number(at[1])) : jsonSyntaxErrorAt(text);
    return failure([withPosition(makeIssue("syntax_error", [], `invalid JSON: ${firstLine(message)}`), position ?? { line: 1, column: 1 })]);
  }
  const { result, keys } = validateDocument(value, limits);
  const issues: Located[] = [];
  if (keys >= 0 && keys !== scan.keys) {
    for (const duplicate of jsonDuplicateKeys(text)) {
      const issue = makeIssue("duplicate_key", duplicate.segments, "this key is already in the same mapping; JSON keeps only the last value", "remove or rename the repeated key");
      issues.push(withPosition(issue, duplicate.position));
    }
  }
  if (result.success && issues.length === 0) {
    if (options.keepSource !== true) return result;
    return { ...result, source: CatalogSource.fromText(text, "json") };
  }
  // Positions are found only when there are issues, in one pass over the text (no second parse).
  const positions = locateInJson(text, result.issues);
  result.issues.forEach((issue, i) => issues.push(withPosition(issue, positions[i])));
  return failure(issues);
}

/**
 * What yaml's `parseDocument(text, options)` returns, built from the tokens its `Lexer` made of the text (the ones the
 * scan read) instead of lexing the text again: the same parser and composer, fed as `parseDocument` feeds them,
 * including its error for a second document.
 */
function composeYaml(text: string, tokens: readonly string[], options: { lineCounter: LineCounter; prettyErrors: false; uniqueKeys: true }): Document {
  const lines = options.lineCounter;
  const parser = new Parser(lines.addNewLine);
  function* syntax() {
    lines.addNewLine(0);
    for (const token of tokens) yield* parser.next(token);
    yield* parser.end();
  }
  let document: Document | undefined;
  for (const composed of new Composer(options).compose(syntax(), true, text.length)) {
    if (document === undefined) document = composed;
    else {
      const [start, end] = composed.range;
      document.errors.push(new YAMLParseError([start, end], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  invariant(document !== undefined, "yaml's composer ends with a document, even for empty text (as in parseDocument)");
  return document;
}

function parseYamlText(text: string, options: SafeParseCatalogTextOptions, limits: CatalogLimits): SafeParseCatalogTextResult {
  const tokens = Array.from(new Lexer().lex(text));
  const faults = scanYaml(tokens, limits);
  const textIssues: Located[] = faultIssues(text, faults);
  // Tags are reported with every other issue; depth and length stop here, before the (recursive) parser runs.
  if (faults.some((fault) => fault.code !== "unknown_tag")) return failure(textIssues);
  const lines = new LineCounter();
  const document = composeYaml(text, tokens, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  let fatal = false;
  for (const error of document.errors) {
    const pos = lines.linePos(error.pos[0]);
    const duplicate = error.code === "DUPLICATE_KEY";
    if (!duplicate) fatal = true;
    const issue = duplicate
      ? makeIssue("duplicate_key", yamlPathAt(document, error.pos[0]), "this key is already in the same mapping", "remove or rename the repeated key")
      : makeIssue("syntax_error", [], `invalid YAML: ${firstLine(error.message)}`);
    textIssues.push({ ...issue, line: pos.line, column: pos.col });
  }
  if (fatal) return failure(textIssues);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const alias = /alias/i.test(message);
    textIssues.push(
      makeIssue(
        alias ? "too_many_aliases" : "syntax_error",
        [],
        alias ? `the YAML expands more than ${limits.maxAliases} aliases` : `invalid YAML: ${firstLine(message)}`,
        alias ? "write the repeated content out, or raise limits.maxAliases if it is genuine" : undefined,
      ),
    );
    return failure(textIssues);
  }
  const { result } = validateDocument(value, limits);
  if (result.success && textIssues.length === 0) {
    if (options.keepSource !== true) return result;
    return { ...result, source: CatalogSource.fromYamlDocument(text, document, lines) };
  }
  for (const issue of result.issues) {
    textIssues.push(withPosition(issue, locate(document, issue.segments, lines, issue.code === "unrecognized_key" || issue.code === "forbidden_key")));
  }
  return failure(textIssues);
}

/**
 * Parses a catalog file's bytes: like {@link safeParseCatalogText}, after decoding them as UTF-8 strictly. Bytes
 * that are not valid UTF-8 are an `invalid_encoding` issue at their line and column (never silently replaced), a
 * leading UTF-8 byte-order mark is skipped, and a file over `limits.maxTextLength` bytes is refused before it is
 * decoded. Never throws for bad input.
 *
 * @param bytes - the file's content
 * @param options - format, source name (its extension picks the format), limits, and `keepSource`
 * @returns the same result as {@link safeParseCatalogText}
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { safeParseCatalogBytes } from "service-blueprint";
 * const result = safeParseCatalogBytes(readFileSync("catalog.json"), { source: "catalog.json" });
 * if (!result.success) for (const issue of result.issues) console.log(`${issue.line}:${issue.column} ${issue.code}`);
 * ```
 */
export function safeParseCatalogBytes(bytes: Uint8Array, options: SafeParseCatalogTextOptions & { readonly keepSource: true }): SafeParseCatalogTextKeptResult;
export function safeParseCatalogBytes(bytes: Uint8Array, options?: SafeParseCatalogTextOptions): SafeParseCatalogTextResult;
export function safeParseCatalogBytes(bytes: Uint8Array, options: SafeParseCatalogTextOptions = {}): SafeParseCatalogTextResult {
  const limits: CatalogLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length > limits.maxTextLength) return tooLarge(`the file is ${bytes.length} bytes long`, limits);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = start === 0 ? bytes : bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    const byte = bad === undefined ? 0 : bad.byte;
    const value = body[byte] ?? 0;
    const issue = makeIssue(
      "invalid_encoding",
      [],
      `byte 0x${value.toString(16).toUpperCase().padStart(2, "0")} at byte offset ${byte + start} is not valid UTF-8`,
      "save the file as UTF-8 (a catalog is UTF-8 text; this byte is probably from another encoding such as Windows-1252)",
    );
    return { success: false, issues: [{ ...issue, line: bad?.line ?? 1, column: bad?.column ?? 1 }] };
  }
  return safeParseCatalogText(text, options);
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
  readonly format?: CatalogFormat | undefined;
  /**
   * `omit` (the default) leaves out fields equal to their default (empty lists, `false` flags, zero minutes), so
   * the text stays short; `keep` writes every field.
   */
  readonly defaults?: "omit" | "keep" | undefined;
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
