import type { z } from "zod";
import { hintFor } from "./did-you-mean.js";
import { type CatalogIssue, CatalogValidationError, type PathSegment, makeIssue } from "./issues.js";
import { checkIntegrity } from "./integrity.js";
import { CATALOG_FORMAT_VERSION, type Catalog, CatalogSchema } from "./schema.js";
import { keysAt } from "./zod-walk.js";

/**
 * Limits that keep hostile or absurd documents from exhausting memory or time. Every limit is configurable;
 * the defaults fit a government-wide catalog of a few hundred thousand steps.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIMITS, safeParseCatalog } from "service-blueprint";
 * safeParseCatalog(document, { limits: { ...DEFAULT_LIMITS, maxDepth: 32 } });
 * ```
 */
export interface CatalogLimits {
  /** Deepest nesting of objects and arrays (the catalog format itself needs about 8). */
  readonly maxDepth: number;
  /** Most values (objects, arrays and scalars) in one document. */
  readonly maxNodes: number;
  /** Longest text accepted by {@link parseCatalogText}, in characters. */
  readonly maxTextLength: number;
  /** Most YAML alias dereferences (a guard against "billion laughs" alias bombs). */
  readonly maxAliases: number;
}

/**
 * The default {@link CatalogLimits}: depth 64, 20 million values, 256 MiB of text, 100 YAML aliases.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIMITS } from "service-blueprint";
 * DEFAULT_LIMITS.maxDepth; // 64
 * ```
 */
export const DEFAULT_LIMITS: CatalogLimits = Object.freeze({
  maxDepth: 64,
  maxNodes: 20_000_000,
  maxTextLength: 256 * 1024 * 1024,
  maxAliases: 100,
});

/**
 * Options of {@link safeParseCatalog} and {@link parseCatalog}.
 *
 * @example
 * ```ts
 * import { safeParseCatalog } from "service-blueprint";
 * safeParseCatalog(document, { limits: { maxNodes: 1_000_000 } });
 * ```
 */
export interface ParseCatalogOptions {
  /** Overrides of {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<CatalogLimits>;
}

/**
 * The result of {@link safeParseCatalog}: the valid catalog, or every issue found.
 *
 * @example
 * ```ts
 * import { safeParseCatalog, type SafeParseCatalogResult } from "service-blueprint";
 * const result: SafeParseCatalogResult = safeParseCatalog(document);
 * if (result.success) console.log(result.catalog.services.length);
 * else console.log(result.issues.map((issue) => issue.path));
 * ```
 */
export type SafeParseCatalogResult =
  | { readonly success: true; readonly catalog: Catalog; readonly issues: readonly [] }
  | { readonly success: false; readonly catalog?: undefined; readonly issues: readonly CatalogIssue[] };

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Whether the raw document passes the hostile-document checks of {@link scanDocument}: one iterative walk that
 * keeps only values and depths on its stack (no path bookkeeping), for the common case of a clean document.
 */
function isCleanDocument(value: unknown, limits: CatalogLimits): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let nodes = 0;
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) return false;
    if (current === null || typeof current !== "object") continue;
    if (depth >= limits.maxDepth) return false;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        values.push(current[i]);
        depths.push(depth + 1);
      }
    } else {
      const record = current as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        if (FORBIDDEN_KEYS.has(key)) return false;
        const child = record[key];
        if (child === null || typeof child !== "object") nodes += 1;
        else {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}

/**
 * Walks the raw document once, iteratively, refusing prototype-polluting keys and documents that are too deep or
 * too large before any schema sees them. A clean document takes the lean walk of {@link isCleanDocument}; only a
 * document it refuses is walked again, with paths, to say where.
 */
function scanDocument(value: unknown, limits: CatalogLimits): CatalogIssue[] {
  if (isCleanDocument(value, limits)) return [];
  // Each entry knows its parent, so a path is only built when there is something to report.
  interface Entry {
    readonly value: unknown;
    readonly key: PathSegment | undefined;
    readonly parent: Entry | undefined;
    readonly depth: number;
  }
  const pathOf = (entry: Entry | undefined, last?: PathSegment): PathSegment[] => {
    const path: PathSegment[] = last === undefined ? [] : [last];
    for (let e = entry; e && e.key !== undefined; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const issues: CatalogIssue[] = [];
  const stack: Entry[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  let nodes = 0;
  let tooDeep = false;
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    nodes += 1;
    if (nodes > limits.maxNodes) {
      return [
        makeIssue(
          "document_too_large",
          [],
          `the document holds more than ${limits.maxNodes} values`,
          "split the catalog, or raise limits.maxNodes if it is genuine",
        ),
      ];
    }
    if (current === null || typeof current !== "object") continue;
    if (entry.depth >= limits.maxDepth) {
      if (!tooDeep) {
        issues.push(
          makeIssue(
            "document_too_deep",
            pathOf(entry),
            `the document nests deeper than ${limits.maxDepth} levels`,
            "the catalog format needs no more than about 8 levels; check for runaway nesting",
          ),
        );
        tooDeep = true;
      }
      continue;
    }
    const depth = entry.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: entry, depth });
    } else {
      const record = current as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push(makeIssue("forbidden_key", pathOf(entry, key), `the key '${key}' is not allowed`, "remove this key: it can pollute object prototypes"));
          continue;
        }
        const child = record[key];
        // Scalars need no stack entry: count them here.
        if (child === null || typeof child !== "object") nodes += 1;
        else stack.push({ value: child, key, parent: entry, depth });
      }
    }
  }
  return issues;
}

function valueAt(document: unknown, segments: readonly PathSegment[]): unknown {
  let value = document;
  for (const segment of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Turns one zod issue into ours: our codes, a message in plain words, and a hint. */
function fromZodIssue(
  issue: z.core.$ZodIssue,
  document: unknown,
  root: z.ZodType = CatalogSchema,
  prefix: readonly PathSegment[] = [],
): CatalogIssue[] {
  const local = issue.path.filter((s): s is PathSegment => typeof s === "string" || typeof s === "number");
  const issues = fromLocalIssue(issue, local, document, root);
  return prefix.length === 0 ? issues : issues.map((i) => makeIssue(i.code, [...prefix, ...i.segments], i.message, i.hint));
}

function fromLocalIssue(issue: z.core.$ZodIssue, segments: PathSegment[], document: unknown, root: z.ZodType): CatalogIssue[] {
  const field = segments.length > 0 ? String(segments[segments.length - 1]) : "the document";
  switch (issue.code) {
    case "invalid_type": {
      const actual = valueAt(document, segments);
      if (actual === undefined) {
        return [makeIssue("missing_field", segments, `'${field}' is required`, `add ${field}: <${issue.expected}>`)];
      }
      return [makeIssue("invalid_type", segments, `expected ${issue.expected}, got ${describe(actual)}`)];
    }
    case "unrecognized_keys": {
      const known = keysAt(root, segments, document);
      return issue.keys.map((key) =>
        makeIssue("unrecognized_key", [...segments, key], `'${key}' is not a field here`, hintFor(key, known, "fields")),
      );
    }
    case "invalid_value": {
      const actual = valueAt(document, segments);
      const values = issue.values.map((v) => String(v));
      if (root === CatalogSchema && segments.length === 1 && segments[0] === "version") {
        return [versionIssue(actual)];
      }
      if (actual === undefined) {
        return [makeIssue("missing_field", segments, `'${field}' is required`, `set ${field} to one of ${values.map((v) => `'${v}'`).join(", ")}`)];
      }
      const hint = typeof actual === "string" ? hintFor(actual, values, "values") : `one of ${values.map((v) => `'${v}'`).join(", ")}`;
      return [makeIssue("invalid_value", segments, `${describe(actual)} is not a valid ${field}`, hint)];
    }
    case "invalid_union": {
      if ("discriminator" in issue && typeof issue.discriminator === "string") {
        const options = ((issue as unknown as { options?: unknown[] }).options ?? []).map(String);
        const actual = valueAt(document, segments);
        if (actual === undefined) {
          return [makeIssue("missing_field", segments, `'${field}' is required`, `set ${field} to one of ${options.map((o) => `'${o}'`).join(", ")}`)];
        }
        return [makeIssue("invalid_value", segments, `${describe(actual)} is not a valid ${field}`, hintFor(String(actual), options, "values"))];
      }
      return [makeIssue("invalid_union", segments, issue.message)];
    }
    case "too_small": {
      const actual = valueAt(document, segments);
      if (Array.isArray(actual)) return [makeIssue("too_small", segments, `'${field}' needs at least ${String(issue.minimum)} item(s)`)];
      if (typeof actual === "string") return [makeIssue("too_small", segments, `'${field}' must not be empty`)];
      return [makeIssue("too_small", segments, `'${field}' must be at least ${String(issue.minimum)}, got ${describe(actual)}`)];
    }
    case "too_big": {
      const actual = valueAt(document, segments);
      if (typeof actual === "string" || Array.isArray(actual)) {
        return [makeIssue("too_big", segments, `'${field}' is longer than ${String(issue.maximum)}`)];
      }
      return [makeIssue("too_big", segments, `'${field}' must be at most ${String(issue.maximum)}, got ${describe(actual)}`)];
    }
    case "invalid_format":
      return [makeIssue("invalid_format", segments, `${describe(valueAt(document, segments))} is not a valid ${issue.format}: ${issue.message}`)];
    case "not_multiple_of":
      return [makeIssue("not_multiple_of", segments, issue.message)];
    default:
      return [makeIssue("custom", segments, issue.message)];
  }
}

function versionIssue(actual: unknown): CatalogIssue {
  if (actual === undefined) {
    return makeIssue("missing_field", ["version"], "'version' is required", `add version: ${CATALOG_FORMAT_VERSION} at the top of the catalog`);
  }
  if (typeof actual === "number" && Number.isInteger(actual) && actual > CATALOG_FORMAT_VERSION) {
    return makeIssue(
      "unsupported_version",
      ["version"],
      `catalog format version ${actual} is newer than this release reads (${CATALOG_FORMAT_VERSION})`,
      "upgrade service-blueprint to read it",
    );
  }
  return makeIssue(
    "unsupported_version",
    ["version"],
    `${describe(actual)} is not a catalog format version`,
    `this release reads version ${CATALOG_FORMAT_VERSION}`,
  );
}

/**
 * Parses one part of a catalog (a step, a service, ...) with its schema, reporting issues at the place the part
 * will take in the catalog.
 *
 * @internal
 */
export function parsePart<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: readonly PathSegment[],
): { readonly data: z.output<S>; readonly issues: readonly [] } | { readonly data?: undefined; readonly issues: readonly CatalogIssue[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data, issues: [] };
  return { issues: sortIssues(parsed.error.issues.flatMap((issue) => fromZodIssue(issue, value, schema, prefix))) };
}

/** Sorts issues by their place in the document, then code, so the same document always lists them alike. */
function compareIssues(a: CatalogIssue, b: CatalogIssue): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i]!;
    const y = b.segments[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  if (a.segments.length !== b.segments.length) return a.segments.length - b.segments.length;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** @internal */
export function sortIssues(issues: CatalogIssue[]): CatalogIssue[] {
  return issues.sort(compareIssues);
}

/**
 * Validates a catalog document (a plain value, for example from `JSON.parse` or a YAML parser) and returns either
 * the catalog, with defaults filled in and frozen, or every issue found.
 *
 * Beyond the schema, in the same pass, it checks that every reference resolves, ids are unique per kind, every
 * step is reachable from an entry step, life-experience links point at existing steps, and branch shares sum to 1.
 * Hostile input (prototype-polluting keys, absurdly deep or large documents) is refused with an issue. It never
 * throws for bad input.
 *
 * @param value - the document
 * @param options - limits
 * @returns `{ success: true, catalog }` or `{ success: false, issues }`
 * @example
 * ```ts
 * import { safeParseCatalog } from "service-blueprint";
 * const result = safeParseCatalog({ version: 1, name: "Demo", services: [] });
 * if (!result.success) {
 *   for (const issue of result.issues) console.log(`${issue.path}: ${issue.message} (${issue.hint ?? ""})`);
 * }
 * ```
 */
export function safeParseCatalog(value: unknown, options: ParseCatalogOptions = {}): SafeParseCatalogResult {
  const limits: CatalogLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      success: false,
      issues: [makeIssue("invalid_type", [], `a catalog is a mapping of fields, got ${describe(value)}`, "start from `service-blueprint init`")],
    };
  }
  const hostile = scanDocument(value, limits);
  if (hostile.length > 0) return { success: false, issues: sortIssues(hostile) };

  const version = (value as Record<string, unknown>).version;
  if (version !== CATALOG_FORMAT_VERSION) return { success: false, issues: [versionIssue(version)] };

  const parsed = CatalogSchema.safeParse(value);
  if (!parsed.success) {
    return { success: false, issues: sortIssues(parsed.error.issues.flatMap((issue) => fromZodIssue(issue, value))) };
  }
  const integrity = checkIntegrity(parsed.data);
  if (integrity.length > 0) return { success: false, issues: sortIssues(integrity) };
  return { success: true, catalog: deepFreeze(parsed.data), issues: [] };
}

/**
 * Validates a catalog document and returns the catalog, or throws {@link CatalogValidationError} carrying every
 * issue.
 *
 * @param value - the document
 * @param options - limits
 * @returns the valid catalog, frozen, with defaults filled in
 * @throws {@link CatalogValidationError} when the document is not a valid catalog
 * @example
 * ```ts
 * import { parseCatalog } from "service-blueprint";
 * const catalog = parseCatalog({ version: 1, name: "Demo" });
 * catalog.services; // []
 * ```
 */
export function parseCatalog(value: unknown, options: ParseCatalogOptions = {}): Catalog {
  const result = safeParseCatalog(value, options);
  if (!result.success) throw new CatalogValidationError(result.issues);
  return result.catalog;
}

/** Freezes a freshly parsed tree, iteratively. @internal */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  // Only objects go on the stack: scalars, the most numerous values, are skipped where they are met.
  const stack: object[] = [value];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (Object.isFrozen(current)) continue;
    Object.freeze(current);
    if (Array.isArray(current)) {
      for (const item of current as unknown[]) if (item !== null && typeof item === "object") stack.push(item);
    } else {
      const record = current as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        const item = record[key];
        if (item !== null && typeof item === "object") stack.push(item);
      }
    }
  }
  return value;
}

