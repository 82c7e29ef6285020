/**
 * Scans of catalog text and bytes made before any parse, each a flat loop (no recursion, no tree): the limits on
 * nesting and string length, control characters, unknown YAML tags, invalid UTF-8. A refusal is found here in
 * time linear in the text and in constant memory, so that no input reaches a recursive parser deep enough to
 * exhaust the stack, and a 50 MB string is refused without building it.
 */
import { type CatalogIssueCode, type PathSegment, formatPath } from "./issues.js";

/** A problem found in the text, at an offset (UTF-16 code units) into it. @internal */
export interface TextFault {
  readonly code: CatalogIssueCode;
  readonly offset: number;
  readonly segments: readonly PathSegment[];
  readonly message: string;
  readonly hint?: string;
}

/** At most this many faults of one kind are reported (the rest are counted in the last one's message). */
export const MAX_FAULTS = 100;

/**
 * Line and column (1-based, columns in UTF-16 code units as the YAML parser counts them) of each offset, found in
 * one sweep over the text: no table of line starts is kept. @internal
 */
export function positionsOf(text: string, offsets: Iterable<number>): Map<number, { line: number; column: number }> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf("\n");
  for (const offset of sorted) {
    while (next >= 0 && next < offset) {
      line += 1;
      lineStart = next + 1;
      next = text.indexOf("\n", lineStart);
    }
    out.set(offset, { line, column: offset - lineStart + 1 });
  }
  return out;
}

// C0 controls other than tab, line feed and carriage return, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Control characters (NUL, ESC, ...) in the text: neither YAML nor JSON text may hold them raw. @internal */
export function controlCharacters(text: string): TextFault[] {
  const faults: TextFault[] = [];
  CONTROL.lastIndex = 0;
  let count = 0;
  for (let match = CONTROL.exec(text); match !== null; match = CONTROL.exec(text)) {
    count += 1;
    if (faults.length < MAX_FAULTS) {
      const code = match[0].charCodeAt(0);
      faults.push({
        code: "control_character",
        offset: match.index,
        segments: [],
        message: `the text holds the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
        hint: "remove it: a catalog is plain text (write it as an escape such as \\u0000 inside a quoted string if it is meant)",
      });
    }
  }
  if (count > MAX_FAULTS) {
    const last = faults[faults.length - 1]!;
    faults[faults.length - 1] = { ...last, message: `${last.message} (and ${count - MAX_FAULTS} more control characters after it)` };
  }
  return faults;
}

/** The offset of the quote that closes the JSON string opening at `start`, or -1 when it is not closed. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end >= 0) {
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === 92; k--) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** The limits the text scans enforce. @internal */
export interface ScanLimits {
  readonly maxDepth: number;
  readonly maxStringLength: number;
}

/** What the JSON scan found: faults, and how many object keys the text writes (to tell duplicate keys). */
export interface JsonScan {
  readonly faults: TextFault[];
  /** Keys written in the text; more than the parsed value holds means a key is repeated in an object. */
  readonly keys: number;
}

function tooDeep(offset: number, segments: readonly PathSegment[], maxDepth: number): TextFault {
  return {
    code: "document_too_deep",
    offset,
    segments,
    message: `the document nests deeper than ${maxDepth} levels`,
    hint: "the catalog format needs no more than about 8 levels; check for runaway nesting",
  };
}

function tooLong(offset: number, segments: readonly PathSegment[], length: number, maxStringLength: number): TextFault {
  return {
    code: "string_too_long",
    offset,
    segments,
    message: `a text of ${length.toLocaleString("en-US")} characters, over the limit of ${maxStringLength.toLocaleString("en-US")}`,
    hint: "shorten it (link to a long document instead of pasting it), or raise limits.maxStringLength if it is genuine",
  };
}

/**
 * One flat pass over JSON text: nesting depth (stopping at the first container over the limit, before
 * `JSON.parse` sees it), strings over the length limit (skipped with `indexOf`, never copied), and a count of the
 * keys written. The path of a fault is rebuilt from offsets kept per level, only when there is a fault. Text that
 * is not JSON is scanned as far as it goes: `JSON.parse` reports the syntax error.
 *
 * @internal
 */
export function scanJson(text: string, limits: ScanLimits): JsonScan {
  const faults: TextFault[] = [];
  const max = limits.maxDepth;
  // Per open container (index 1 = the outermost): array or object, current index, current key's quotes.
  const isArray = new Uint8Array(max + 2);
  const index = new Int32Array(max + 2);
  const keyStart = new Float64Array(max + 2);
  const keyEnd = new Float64Array(max + 2);
  const expectKey = new Uint8Array(max + 2);
  let depth = 0;
  let keys = 0;
  let longStrings = 0;
  const pathHere = (): PathSegment[] => {
    const segments: PathSegment[] = [];
    for (let d = 1; d <= depth; d++) {
      if (isArray[d] === 1) segments.push(index[d]!);
      else if (keyStart[d]! >= 0) {
        try {
          segments.push(JSON.parse(text.slice(keyStart[d], keyEnd[d]! + 1)) as string);
        } catch {
          break;
        }
      } else break;
    }
    return segments;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const j = stringEnd(text, i);
      if (j < 0) return { faults, keys }; // unterminated: a syntax error for JSON.parse to report
      if (j - i - 1 > limits.maxStringLength) {
        longStrings += 1;
        if (faults.length < MAX_FAULTS) faults.push(tooLong(i, pathHere(), j - i - 1, limits.maxStringLength));
      }
      if (depth > 0 && isArray[depth] === 0 && expectKey[depth] === 1) {
        keys += 1;
        keyStart[depth] = i;
        keyEnd[depth] = j;
        expectKey[depth] = 0;
      }
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth + 1 > max) {
        faults.push(tooDeep(i, pathHere(), max));
        return { faults, keys };
      }
      depth += 1;
      isArray[depth] = c === 91 ? 1 : 0;
      index[depth] = 0;
      keyStart[depth] = -1;
      expectKey[depth] = c === 123 ? 1 : 0;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth > 0) depth -= 1;
    } else if (c === 44 /* , */) {
      if (depth > 0) {
        if (isArray[depth] === 1) index[depth] = index[depth]! + 1;
        else expectKey[depth] = 1;
      }
    }
  }
  if (longStrings > MAX_FAULTS) {
    const last = faults[faults.length - 1]!;
    faults[faults.length - 1] = { ...last, message: `${last.message} (and ${longStrings - MAX_FAULTS} more texts over the limit)` };
  }
  return { faults, keys };
}

// Tags of YAML's core schema: they only say what the plain text already says. Any other tag would change or
// drop data (`!!binary`, `!!set`, `!custom`), so it is refused rather than read as plain text.
const KNOWN_TAGS = new Set(["!", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq"]);
const KNOWN_VERBATIM = /^!<tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)>$/;

/**
 * One flat pass over YAML text with the yaml package's lexer (a state machine, no recursion): an estimate of the
 * nesting depth from indentation, sequence dashes and flow brackets, made before the (recursive) parser runs;
 * scalars over the length limit; and tags outside YAML's core schema. The estimate counts a leaf scalar as a level
 * and can count a compact sequence (`key:` then `- item` at the same indentation) as one level short, so it is a
 * guard for the parser's stack, not the exact check: it stops the scan only past twice the limit (plus one), and
 * a document between the limit and that is parsed and refused by the exact check on the parsed value, with its
 * path.
 *
 * It reads the tokens of yaml's `Lexer` (`lexYaml`), which `parseYamlText` then hands to yaml's parser, so that the
 * text is lexed once for the scan and the parse.
 *
 * @internal
 */
export function scanYaml(tokens: readonly string[], limits: ScanLimits): TextFault[] {
  const faults: TextFault[] = [];
  const stackColumn: number[] = [];
  const stackDash: boolean[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let scalarNext = false;
  let longStrings = 0;
  const deepest = 2 * limits.maxDepth + 1;
  for (const token of tokens) {
    const first = token.charCodeAt(0);
    // The lexer's own markers (document, flow end, scalar) take no room in the text.
    if (token.length === 1 && (first === 0x02 || first === 0x18 || first === 0x1f)) {
      if (first === 0x1f) scalarNext = true;
      continue;
    }
    if (first === 0xfeff && token.length === 1) {
      offset += 1;
      continue;
    }
    const at = offset;
    offset += token.length;
    const column = at - lineStart;
    const newline = token.lastIndexOf("\n");
    const isScalar = scalarNext || first === 34 /* " */ || first === 39; /* ' */
    scalarNext = false;
    if (isScalar && token.length > limits.maxStringLength) {
      longStrings += 1;
      if (faults.length < MAX_FAULTS) faults.push(tooLong(at, [], token.length, limits.maxStringLength));
    } else if (first === 33 /* ! */) {
      if (!KNOWN_TAGS.has(token) && !KNOWN_VERBATIM.test(token)) {
        faults.push({
          code: "unknown_tag",
          offset: at,
          segments: [],
          message: `the YAML tag ${token} is not part of the catalog format`,
          hint: "remove the tag: values are plain text, numbers, booleans, lists and mappings",
        });
      }
    } else if (first === 91 /* [ */ || first === 123 /* { */) {
      if (flow === 0) {
        while (stackColumn.length > 0 && (stackColumn[stackColumn.length - 1]! > column || (stackColumn[stackColumn.length - 1] === column && stackDash[stackDash.length - 1]))) {
          stackColumn.pop();
          stackDash.pop();
        }
      }
      flow += 1;
      if (stackColumn.length + flow > deepest) {
        faults.push(tooDeep(at, [], limits.maxDepth));
        return faults;
      }
    } else if (first === 93 /* ] */ || first === 125 /* } */) {
      if (flow > 0) flow -= 1;
    }
    if (flow === 0 && (isScalar || token === "-" || token === "?")) {
      const dash = token === "-";
      while (stackColumn.length > 0) {
        const top = stackColumn[stackColumn.length - 1]!;
        if (top > column || (!dash && top === column && stackDash[stackDash.length - 1])) {
          stackColumn.pop();
          stackDash.pop();
        } else break;
      }
      const top = stackColumn.length > 0 ? stackColumn[stackColumn.length - 1] : undefined;
      const sibling = top === column && stackDash[stackDash.length - 1] === dash;
      if (!sibling) {
        stackColumn.push(column);
        stackDash.push(dash);
        if (stackColumn.length > deepest) {
          faults.push(tooDeep(at, [], limits.maxDepth));
          return faults;
        }
      }
    }
    if (newline >= 0) lineStart = at + newline + 1;
  }
  if (longStrings > MAX_FAULTS) {
    const last = faults[faults.length - 1]!;
    faults[faults.length - 1] = { ...last, message: `${last.message} (and ${longStrings - MAX_FAULTS} more texts over the limit)` };
  }
  return faults;
}

/** The path of a fault, as issues write it. @internal */
export function faultPath(fault: TextFault): string {
  return formatPath(fault.segments);
}

/**
 * The offset of the first byte that is not valid UTF-8 (a byte that cannot start or continue a character, an
 * overlong form, a surrogate, a value past U+10FFFF, or a truncated sequence), and the number of UTF-16 code units
 * the valid bytes before it decode to, with the line and column there. `undefined` when every byte is valid.
 *
 * @internal
 */
export function firstInvalidUtf8(bytes: Uint8Array): { byte: number; line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) {
        line += 1;
        column = 1;
      } else column += 1;
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return { byte: i, line, column };
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return { byte: i, line, column };
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { byte: i, line, column };
    column += cp >= 0x10000 ? 2 : 1;
    i += need + 1;
  }
  return undefined;
}

/** The key between the quotes at `start` and `end` (as written, if its escapes are broken). */
function jsonKey(text: string, start: number, end: number): string {
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return text.slice(start + 1, end);
  }
}

/** `parent.key` (or `parent["odd key"]`), as `formatPath` writes it. @internal */
export function childPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Where paths are in JSON text, in one flat pass with the same string skipping as {@link scanJson}: the offset of
 * each wanted path's value, and of the key of each path in `wantedKeys`. A path is written out only for the
 * children of a wanted path (every prefix of a wanted path must be wanted too), so the cost is that of scanning
 * the text, whatever its size and however many paths are wanted. The text must have passed {@link scanJson} and
 * `JSON.parse` (it is well formed and not too deep).
 *
 * @internal
 */
export function jsonPathOffsets(
  text: string,
  wanted: ReadonlySet<string>,
  wantedKeys: ReadonlySet<string>,
): { readonly values: Map<string, number>; readonly keys: Map<string, number> } {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  if (wanted.size === 0) return { values, keys };
  // Per open container: its path (undefined when not wanted), array or object, the next index, the path of the
  // property being read, and what comes next.
  const paths: (string | undefined)[] = [];
  const arrays: boolean[] = [];
  const indexes: number[] = [];
  const properties: (string | undefined)[] = [];
  const expectKey: boolean[] = [];
  let expectValue = true; // the root value
  let top = -1;
  const valueStart = (offset: number): string | undefined => {
    expectValue = false;
    let path: string | undefined;
    if (top < 0) path = "";
    else if (arrays[top]) {
      const index = indexes[top]!;
      indexes[top] = index + 1;
      const parent = paths[top];
      path = parent === undefined ? undefined : `${parent}[${index}]`;
    } else path = properties[top];
    if (path === undefined || !wanted.has(path)) return undefined;
    if (!values.has(path)) values.set(path, offset);
    return path;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const j = stringEnd(text, i);
      if (j < 0) break;
      if (top >= 0 && !arrays[top] && expectKey[top]) {
        expectKey[top] = false;
        const parent = paths[top];
        if (parent === undefined) properties[top] = undefined;
        else {
          const path = childPath(parent, jsonKey(text, i, j));
          properties[top] = path;
          if (wantedKeys.has(path) && !keys.has(path)) keys.set(path, i);
        }
      } else if (expectValue) valueStart(i);
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const path = expectValue ? valueStart(i) : undefined;
      top += 1;
      paths[top] = path;
      arrays[top] = c === 91;
      indexes[top] = 0;
      properties[top] = undefined;
      expectKey[top] = c === 123;
      expectValue = c === 91;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (top >= 0) top -= 1;
      expectValue = false;
    } else if (c === 44 /* , */) {
      if (top >= 0) {
        if (arrays[top]) expectValue = true;
        else expectKey[top] = true;
      }
    } else if (c === 58 /* : */) {
      expectValue = true;
    } else if (expectValue && (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110)) {
      valueStart(i);
    }
  }
  return { values, keys };
}
