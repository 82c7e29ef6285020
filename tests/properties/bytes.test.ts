/**
 * Issue 21: for any byte string, `safeParseCatalogBytes` returns a catalog or typed issues, each with a line and
 * a column, never throws, and gives the same answer twice. Bytes are drawn at random, and as valid catalogs (JSON
 * and YAML) with bytes inserted, deleted or replaced, so that most runs get past the first byte.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { CATALOG_ISSUE_CODES, parseCatalog, safeParseCatalogBytes, serializeCatalog } from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";

const catalog = parseCatalog(smallCatalog());
const SEEDS = [serializeCatalog(catalog, { format: "json" }), serializeCatalog(catalog)].map((text) => Buffer.from(text, "utf8"));
// Bytes that matter to the parsers and the scans: structure, quotes, escapes, control and non-UTF-8 bytes, a BOM.
const INTERESTING = [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x20, 0x21, 0x22, 0x26, 0x27, 0x2a, 0x2c, 0x2d, 0x3a, 0x3f, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f, 0x80, 0xbf, 0xc0, 0xe9, 0xed, 0xef, 0xf4, 0xf8, 0xff];

const arbByte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...INTERESTING));

/** A seed catalog with a few edits: insert, delete or replace a run of bytes. */
const arbMutated = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.array(arbByte, { minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 4 }),
  )
  .map(([seed, edits]) => {
    let bytes = Buffer.from(seed);
    for (const [position, kind, run] of edits) {
      const at = position % (bytes.length + 1);
      const insert = Buffer.from(run);
      if (kind === "insert") bytes = Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
      else if (kind === "delete") bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + run.length)]);
      else bytes = Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + run.length)]);
    }
    return new Uint8Array(bytes);
  });

const arbBytes = fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.array(arbByte, { maxLength: 200 }).map((b) => new Uint8Array(b)), arbMutated);

describe("any byte string", () => {
  test.prop([arbBytes], { numRuns: 500 })("gives a catalog or typed issues with locations, never throws, the same twice", (bytes) => {
    const first = safeParseCatalogBytes(bytes);
    if (first.success) {
      expect(first.issues).toEqual([]);
      expect(Object.isFrozen(first.catalog)).toBe(true);
    } else {
      expect(first.issues.length).toBeGreaterThan(0);
      for (const issue of first.issues) {
        expect(CATALOG_ISSUE_CODES).toContain(issue.code);
        expect(issue.message.length).toBeGreaterThan(0);
        expect(Number.isInteger(issue.line) && issue.line! >= 1, `${issue.code} at ${issue.path}: line ${issue.line}`).toBe(true);
        expect(Number.isInteger(issue.column) && issue.column! >= 1, `${issue.code} at ${issue.path}: column ${issue.column}`).toBe(true);
      }
    }
    expect(safeParseCatalogBytes(bytes)).toEqual(first);
  });
});
