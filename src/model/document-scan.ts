/**
 * The hostile-document checks run on a parsed document before its schema: depth, keys that would reach an object's
 * prototype, string lengths and counts, within configurable {@link CatalogLimits}.
 */
import { type CatalogIssue, type PathSegment, makeIssue } from "./issues.js";

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
  /** Longest text value (a name, a description, a key), in characters. */
  readonly maxStringLength: number;
}

/**
 * The default {@link CatalogLimits}: depth 64, 20 million values, 256 MiB of text, 100 YAML aliases, texts of
 * 1,000,000 characters.
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
  maxStringLength: 1_000_000,
});

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Whether the raw document passes the hostile-document checks of {@link scanDocument}: one iterative walk that
 * keeps only values and depths on its stack (no path bookkeeping), for the common case of a clean document.
 * Returns the number of object keys it holds (to compare with the keys written in a JSON text), or -1 when the
 * document is not clean.
 */
function cleanDocumentKeys(value: unknown, limits: CatalogLimits): number {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let nodes = 0;
  let keys = 0;
  const maxString = limits.maxStringLength;
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) return -1;
    if (current === null || typeof current !== "object") {
      if (typeof current === "string" && current.length > maxString) return -1;
      continue;
    }
    if (depth >= limits.maxDepth) return -1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        values.push(current[i]);
        depths.push(depth + 1);
      }
    } else {
      const record = current as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        keys += 1;
        if (FORBIDDEN_KEYS.has(key) || key.length > maxString) return -1;
        const child = record[key];
        if (child === null || typeof child !== "object") {
          nodes += 1;
          if (typeof child === "string" && child.length > maxString) return -1;
        } else {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return keys;
}

function stringTooLong(segments: readonly PathSegment[], length: number, limits: CatalogLimits): CatalogIssue {
  return makeIssue(
    "string_too_long",
    segments,
    `a text of ${length.toLocaleString("en-US")} characters, over the limit of ${limits.maxStringLength.toLocaleString("en-US")}`,
    "shorten it (link to a long document instead of pasting it), or raise limits.maxStringLength if it is genuine",
  );
}

/**
 * Walks the raw document once, iteratively, refusing prototype-polluting keys, over-long texts and documents that
 * are too deep or too large before any schema sees them. A clean document takes the lean walk of
 * {@link cleanDocumentKeys}; only a document it refuses is walked again, with paths, to say where.
 */
export function scanDocument(value: unknown, limits: CatalogLimits): { readonly issues: CatalogIssue[]; readonly keys: number } {
  const cleanKeys = cleanDocumentKeys(value, limits);
  if (cleanKeys >= 0) return { issues: [], keys: cleanKeys };
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
  let keys = 0;
  let tooDeep = false;
  let longTexts = 0;
  const long = (segments: () => PathSegment[], length: number): void => {
    longTexts += 1;
    if (longTexts <= 100) issues.push(stringTooLong(segments(), length, limits));
  };
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    nodes += 1;
    if (nodes > limits.maxNodes) {
      return {
        issues: [
          makeIssue(
            "document_too_large",
            [],
            `the document holds more than ${limits.maxNodes} values`,
            "split the catalog, or raise limits.maxNodes if it is genuine",
          ),
        ],
        keys: -1,
      };
    }
    if (current === null || typeof current !== "object") {
      if (typeof current === "string" && current.length > limits.maxStringLength) long(() => pathOf(entry), current.length);
      continue;
    }
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
        keys += 1;
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push(makeIssue("forbidden_key", pathOf(entry, key), `the key '${key}' is not allowed`, "remove this key: it can pollute object prototypes"));
          continue;
        }
        if (key.length > limits.maxStringLength) {
          long(() => pathOf(entry), key.length);
          continue;
        }
        const child = record[key];
        // Scalars need no stack entry: count them here.
        if (child === null || typeof child !== "object") {
          nodes += 1;
          if (typeof child === "string" && child.length > limits.maxStringLength) long(() => pathOf(entry, key), child.length);
        } else stack.push({ value: child, key, parent: entry, depth });
      }
    }
  }
  return { issues, keys };
}
