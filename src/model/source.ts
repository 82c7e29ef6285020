/**
 * Where things are in a catalog's text: line and column of a path such as `services[2].steps[4]`, for issues,
 * findings and editors. A YAML catalog is looked up in its parsed document; JSON is scanned flat, recording only
 * the paths asked for (no tree, no second parse).
 */
import { visit as visitJson } from "jsonc-parser";
import { type Document, LineCounter, type Node, isMap, isNode, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { type PathSegment, formatPath } from "./issues.js";
import { jsonPathOffsets, positionsOf } from "./text-scan.js";
import { known } from "../internal/invariant.js";

/**
 * A place in a text, 1-based.
 *
 * @example
 * ```ts
 * import type { TextPosition } from "service-blueprint";
 * const position: TextPosition = { line: 17, column: 9 };
 * ```
 */
export interface TextPosition {
  /** The line, from 1. */
  readonly line: number;
  /** The column, from 1. */
  readonly column: number;
}

/**
 * Splits a path such as `services[2].steps[4]` into its segments (`["services", 2, "steps", 4]`); `""` is the
 * root. @internal
 */
export function pathSegments(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]/g;
  for (let match = pattern.exec(path); match !== null; match = pattern.exec(path)) {
    segments.push(match[1] !== undefined ? match[1] : Number(match[2]));
  }
  return segments;
}

/**
 * Finds the text position of a path in a parsed YAML document: the deepest node that exists on the path, at the
 * value (or at the key, when `atKey` and the key itself is the problem).
 *
 * @internal
 */
export function locate(document: Document, segments: readonly PathSegment[], lines: LineCounter, atKey: boolean): TextPosition | undefined {
  let node: unknown = document.contents;
  let offset: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (const [index, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      // A key that is itself the problem (unknown key) is best shown at the key; a value at the value.
      offset = key.range?.[0] ?? offset;
      node = pair.value;
      const last = index === segments.length - 1;
      if (isNode(node) && node.range && !(last && atKey)) offset = node.range[0];
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!isNode(item)) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else break;
  }
  if (offset === undefined) return undefined;
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * The path of the node at a text offset in a parsed YAML document: the keys and indexes from the root down to the
 * deepest map key or value, or sequence item, whose range holds the offset (a repeated key gives the key's path).
 *
 * @internal
 */
export function yamlPathAt(document: Document, offset: number): PathSegment[] {
  const segments: PathSegment[] = [];
  const holds = (node: unknown): boolean => isNode(node) && node.range !== undefined && node.range !== null && node.range[0] <= offset && offset < node.range[2];
  let node: unknown = document.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => holds(item.key) || holds(item.value));
      if (!pair || !isScalar(pair.key)) break;
      segments.push(String(pair.key.value));
      if (holds(pair.key)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(holds);
      if (index < 0) break;
      segments.push(index);
      node = node.items[index];
    } else break;
  }
  return segments;
}

/** `services[2]` for `services[2].steps[4]`, `services` for `services[2]`, `""` for `services`, then `undefined`. */
function parentPath(path: string): string | undefined {
  if (path === "") return undefined;
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut <= 0 ? "" : path.slice(0, cut);
}

/**
 * Line and column (1-based) of where each wanted path's value starts in JSON text (paths absent are left out), and
 * of the key of each path in `wantedKeys`: one flat scan of the text (see `jsonPathOffsets`), then one sweep for
 * the lines of the offsets found.
 */
function jsonPositions(
  text: string,
  wanted: ReadonlySet<string>,
  wantedKeys: ReadonlySet<string> = new Set(),
): { readonly values: Map<string, TextPosition>; readonly keys: Map<string, TextPosition> } {
  const offsets = jsonPathOffsets(text, wanted, wantedKeys);
  const positions = positionsOf(text, [...offsets.values.values(), ...offsets.keys.values()]);
  const values = new Map<string, TextPosition>();
  const keys = new Map<string, TextPosition>();
  for (const [path, offset] of offsets.values) values.set(path, known(positions, offset));
  for (const [path, offset] of offsets.keys) keys.set(path, known(positions, offset));
  return { values, keys };
}

/**
 * Positions of issues in JSON text, in one pass: each at its value, or at its key for `unrecognized_key` and
 * `forbidden_key` (the key is the problem), or at the deepest node on its path that the text holds.
 *
 * @internal
 */
export function locateInJson(text: string, issues: readonly { readonly path: string; readonly code: string }[]): (TextPosition | undefined)[] {
  const wanted = new Set<string>();
  const wantedKeys = new Set<string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_key" || issue.code === "forbidden_key") wantedKeys.add(issue.path);
    for (let at: string | undefined = issue.path; at !== undefined && !wanted.has(at); at = parentPath(at)) wanted.add(at);
  }
  const { values, keys } = jsonPositions(text, wanted, wantedKeys);
  return issues.map((issue) => {
    const key = keys.get(issue.path);
    if (key !== undefined) return key;
    for (let at: string | undefined = issue.path; at !== undefined; at = parentPath(at)) {
      const position = values.get(at);
      if (position !== undefined) return position;
    }
    return undefined;
  });
}

/**
 * Keys written twice in one object of JSON text (`JSON.parse` keeps the last silently): the path of each repeat
 * and where it is. Run only when the count of keys written differs from the count parsed.
 *
 * @internal
 */
export function jsonDuplicateKeys(text: string): { readonly segments: PathSegment[]; readonly position: TextPosition }[] {
  const found: { segments: PathSegment[]; position: TextPosition }[] = [];
  const seen: Set<string>[] = [];
  visitJson(text, {
    onObjectBegin: () => void seen.push(new Set()),
    onObjectEnd: () => void seen.pop(),
    onObjectProperty(property, _offset, _length, line, column, pathSupplier) {
      const keys = seen[seen.length - 1];
      if (keys === undefined) return;
      if (keys.has(property)) found.push({ segments: [...pathSupplier(), property], position: { line: line + 1, column: column + 1 } });
      else keys.add(property);
    },
  });
  return found;
}

/**
 * Where JSON text first fails to parse, by jsonc-parser's strict reading (no comments, no trailing commas), for
 * the errors `JSON.parse` reports without a position.
 *
 * @internal
 */
export function jsonSyntaxErrorAt(text: string): TextPosition | undefined {
  let position: TextPosition | undefined;
  visitJson(
    text,
    {
      onError(_error, _offset, _length, line, column) {
        position ??= { line: line + 1, column: column + 1 };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return position;
}

/**
 * A catalog's text, kept to tell where a path of the catalog starts in it (the line and column findings and
 * issues are shown at). Get one from {@link safeParseCatalogText} with `keepSource: true` (a YAML catalog is then
 * parsed once, for both the catalog and the positions) and pass it to `formatFindings` as `catalogSource`, or make
 * one from text with {@link CatalogSource.fromText}.
 *
 * A position is that of the deepest node on the path that the text holds: `services[0].steps[9]` of a service
 * with three steps is shown at `services[0].steps`.
 *
 * @example
 * ```ts
 * import { safeParseCatalogText } from "service-blueprint";
 * const result = safeParseCatalogText(text, { source: "catalog.yaml", keepSource: true });
 * if (result.success) console.log(result.source?.locate("services[0].steps[2]")); // { line: 31, column: 9 }
 * ```
 */
export class CatalogSource {
  /** The catalog text. */
  readonly text: string;
  /** Its format. */
  readonly format: "yaml" | "json";
  /** The parsed YAML document and its line starts, made on first use when not given. */
  private yaml: { readonly document: Document; readonly lines: LineCounter } | undefined;

  private constructor(text: string, format: "yaml" | "json", yaml?: { readonly document: Document; readonly lines: LineCounter }) {
    this.text = text;
    this.format = format;
    this.yaml = yaml;
  }

  /**
   * A source for catalog text already read (YAML is parsed on the first lookup).
   *
   * @param text - the catalog text
   * @param format - `yaml` or `json` (see `detectCatalogFormat`)
   * @returns the source
   * @example
   * ```ts
   * import { CatalogSource, detectCatalogFormat } from "service-blueprint";
   * const source = CatalogSource.fromText(text, detectCatalogFormat(text, "catalog.yaml"));
   * source.locate("services[1]");
   * ```
   */
  static fromText(text: string, format: "yaml" | "json"): CatalogSource {
    return new CatalogSource(text, format);
  }

  /** A YAML source from the document its text was parsed into. @internal */
  static fromYamlDocument(text: string, document: Document, lines: LineCounter): CatalogSource {
    return new CatalogSource(text, "yaml", { document, lines });
  }

  /**
   * Where a path starts in the text: the value at the path, or the deepest node on it that the text holds.
   * JSON text is scanned on each call: to place many paths, `formatFindings` scans once for all of them.
   *
   * @param path - a path such as `services[2].steps[4]` (as issues and findings give it), or its segments
   * @returns the line and column (1-based), or `undefined` when the text holds no node on the path
   * @example
   * ```ts
   * import { CatalogSource } from "service-blueprint";
   * CatalogSource.fromText("version: 1\nservices:\n  - id: a\n", "yaml").locate("services[0].id"); // { line: 3, column: 9 }
   * ```
   */
  locate(path: string | readonly PathSegment[]): TextPosition | undefined {
    const text = typeof path === "string" ? path : formatPath(path);
    return this.locator([text])(text);
  }

  /**
   * A lookup for the given paths (and any other path, for YAML): JSON is scanned once for all of them.
   *
   * @internal
   */
  locator(paths: Iterable<string>): (path: string) => TextPosition | undefined {
    if (this.format === "json") {
      const wanted = new Set<string>();
      for (const path of paths) {
        for (let at: string | undefined = path; at !== undefined && !wanted.has(at); at = parentPath(at)) wanted.add(at);
      }
      const positions = jsonPositions(this.text, wanted).values;
      return (path) => {
        // The deepest recorded node on the path (every prefix of a wanted path is recorded too).
        for (let at: string | undefined = path; at !== undefined; at = parentPath(at)) {
          const position = positions.get(at);
          if (position !== undefined) return position;
        }
        return undefined;
      };
    }
    const { document, lines } = this.parsedYaml();
    const cache = new Map<string, TextPosition | undefined>();
    return (path) => {
      if (cache.has(path)) return cache.get(path);
      const position = locate(document, pathSegments(path), lines, false);
      cache.set(path, position);
      return position;
    };
  }

  private parsedYaml(): { readonly document: Document; readonly lines: LineCounter } {
    if (this.yaml === undefined) {
      const lines = new LineCounter();
      this.yaml = { document: parseDocument(this.text, { lineCounter: lines, prettyErrors: false }), lines };
    }
    return this.yaml;
  }
}
