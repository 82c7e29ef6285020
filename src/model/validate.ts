import * as z from "zod";
import { hintFor } from "./did-you-mean.js";
import { type CatalogIssue, CatalogValidationError, type PathSegment, makeIssue } from "./issues.js";
import { type PartialCatalog, checkIntegrity } from "./integrity.js";
import {
  AgencySchema,
  CATALOG_FORMAT_VERSION,
  type Catalog,
  CatalogSchema,
  ChannelSchema,
  DataElementSchema,
  DocumentTypeSchema,
  LifeExperienceSchema,
  RoleSchema,
  ServiceSchema,
  SourceSchema,
  StepSchema,
  ToolSchema,
  WaiverSchema,
} from "./schema.js";
import { defOf, keysAt, unwrap } from "./zod-walk.js";
import { type CatalogLimits, DEFAULT_LIMITS, scanDocument } from "./document-scan.js";

export { type CatalogLimits, DEFAULT_LIMITS } from "./document-scan.js";

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
  readonly limits?: Partial<CatalogLimits> | undefined;
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
  return validateDocument(value, { ...DEFAULT_LIMITS, ...options.limits }).result;
}

/** The collections of shared vocabulary (items with an id that steps and services refer to), with their schemas. @internal */
export const ENTITY_SCHEMAS = {
  sources: SourceSchema,
  agencies: AgencySchema,
  channels: ChannelSchema,
  roles: RoleSchema,
  tools: ToolSchema,
  dataElements: DataElementSchema,
  documentTypes: DocumentTypeSchema,
} as const;

/** The collections of a catalog, each a list of items with their own schema. */
const COLLECTION_SCHEMAS = {
  ...ENTITY_SCHEMAS,
  services: ServiceSchema,
  lifeExperiences: LifeExperienceSchema,
  waivers: WaiverSchema,
} as const;
type CollectionKey = keyof typeof COLLECTION_SCHEMAS;
const COLLECTION_KEYS = Object.keys(COLLECTION_SCHEMAS) as CollectionKey[];

/** The catalog's own fields, with each collection only checked to be a list: its items are parsed one by one. */
const ShellSchema = CatalogSchema.extend(
  Object.fromEntries(COLLECTION_KEYS.map((key) => [key, z.array(z.unknown()).default([])])) as Record<CollectionKey, z.ZodDefault<z.ZodArray<z.ZodUnknown>>>,
);

function rawId(item: unknown): string | undefined {
  if (item === null || typeof item !== "object") return undefined;
  const id = (item as Record<string, unknown>).id;
  return typeof id === "string" ? id : undefined;
}

/**
 * Validates a document: hostile-input checks, then the schema item by item, then integrity on every item that
 * passed its schema, so that shape and reference problems come in one list. Items that failed their schema are
 * checked on the fields that did pass (see {@link looseItem}); their ids count as defined (a reference to them is
 * not reported again), and reachability is not judged in a service whose steps did not all parse.
 *
 * @returns the result, and the number of object keys the document holds (-1 when not counted)
 * @internal
 */
export function validateDocument(value: unknown, limits: CatalogLimits): { readonly result: SafeParseCatalogResult; readonly keys: number } {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      result: {
        success: false,
        issues: [makeIssue("invalid_type", [], `a catalog is a mapping of fields, got ${describe(value)}`, "start from `service-blueprint init`")],
      },
      keys: -1,
    };
  }
  const scan = scanDocument(value, limits);
  if (scan.issues.length > 0) return { result: { success: false, issues: sortIssues(scan.issues) }, keys: scan.keys };
  const keys = scan.keys;

  const record = value as Record<string, unknown>;
  const version = record.version;
  if (version !== CATALOG_FORMAT_VERSION) return { result: { success: false, issues: [versionIssue(version)] }, keys };

  const issues: CatalogIssue[] = [];
  const shell = ShellSchema.safeParse(value);
  if (!shell.success) issues.push(...shell.error.issues.flatMap((issue) => fromZodIssue(issue, value)));
  const partial: PartialCatalog = { knownIds: {}, stepIds: new Map(), partialServices: new Set() };
  const collections = {} as Record<CollectionKey, unknown[]>;
  for (const key of COLLECTION_KEYS) {
    const raw = record[key];
    if (raw === undefined) {
      collections[key] = [];
      continue;
    }
    if (!Array.isArray(raw)) {
      collections[key] = [];
      // Not a list (reported by the shell): its ids, if any, cannot be told; nothing refers to them wrongly.
      continue;
    }
    const schema = COLLECTION_SCHEMAS[key] as z.ZodType;
    const items: unknown[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const parsed = schema.safeParse(raw[i]);
      if (parsed.success) {
        items[i] = parsed.data;
        continue;
      }
      issues.push(...parsed.error.issues.flatMap((issue) => fromZodIssue(issue, raw[i], schema, [key, i])));
      const id = rawId(raw[i]);
      if (id !== undefined) (partial.knownIds[key] ??= new Set()).add(id);
      const loose = looseItem(schema, raw[i], key === "services", i, partial);
      if (loose !== undefined) items[i] = loose;
    }
    collections[key] = items;
  }
  if (issues.length > 0) {
    // Integrity on what did parse: an array with holes where items failed (indexes stay those of the text).
    const catalog = { ...collections } as unknown as Catalog;
    issues.push(...checkIntegrity(catalog, partial));
    return { result: { success: false, issues: sortIssues(issues) }, keys };
  }
  const catalog = shell.data as Record<string, unknown>;
  for (const key of COLLECTION_KEYS) catalog[key] = collections[key];
  const integrity = checkIntegrity(catalog as Catalog);
  if (integrity.length > 0) return { result: { success: false, issues: sortIssues(integrity) }, keys };
  return { result: { success: true, catalog: deepFreeze(catalog as Catalog), issues: [] }, keys };
}

/**
 * An item that failed its schema, read field by field for the integrity checks: each field that passes its own
 * schema is kept, a list that does not is read as empty, anything else as absent. An item without a valid `id`
 * (when its kind has one) is left out. A service's steps are read the same way, one by one.
 */
function looseItem(schema: z.ZodType, raw: unknown, isService: boolean, index: number, partial: PartialCatalog): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const shape = defOf(unwrap(schema)).shape ?? {};
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(shape)) {
    const fieldSchema = shape[field]!;
    if (isService && field === "steps") {
      out[field] = looseSteps(record[field], index, partial);
      continue;
    }
    const parsed = fieldSchema.safeParse(record[field]);
    if (parsed.success) out[field] = parsed.data;
    else out[field] = defOf(unwrap(fieldSchema)).type === "array" ? [] : undefined;
  }
  if ("id" in shape && typeof out.id !== "string") return undefined;
  if (isService) {
    const stepIds = new Set<string>();
    if (Array.isArray(record.steps)) for (const step of record.steps) {
      const id = rawId(step);
      if (id !== undefined) stepIds.add(id);
    }
    partial.stepIds.set(out.id as string, stepIds);
  }
  return out;
}

/** A failed service's steps, each parsed alone (or read loosely), at their own indexes. */
function looseSteps(raw: unknown, service: number, partial: PartialCatalog): unknown[] {
  if (!Array.isArray(raw)) {
    partial.partialServices.add(service);
    return [];
  }
  const steps: unknown[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const parsed = StepSchema.safeParse(raw[i]);
    if (parsed.success) steps[i] = parsed.data;
    else {
      partial.partialServices.add(service);
      const loose = looseItem(StepSchema, raw[i], false, i, partial);
      if (loose !== undefined) steps[i] = loose;
    }
  }
  return steps;
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

