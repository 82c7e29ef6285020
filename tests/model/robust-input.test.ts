/**
 * Issue 21: every input gets a true answer. One row per case: the text (or bytes), and the issues expected, each
 * with its code, path, line and column. Each case is run twice: the answer must be the same.
 */
import { describe, expect, it } from "vitest";
import { type CatalogIssue, parseCatalog, safeParseCatalog, safeParseCatalogBytes, safeParseCatalogText, serializeCatalog } from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";

type Mutable = any; // fixtures are edited freely before validation

const JSON_TEXT = JSON.stringify(smallCatalog(), null, 2);
const YAML_TEXT = serializeCatalog(parseCatalog(smallCatalog()));
const DEEP = 10_000;

/** The catalog as JSON text with `edit` applied to its document first. */
function jsonWith(edit: (doc: Mutable) => void): string {
  const doc: Mutable = smallCatalog();
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

/** The line (1-based) of the first occurrence of `needle` in `text`, and its column. */
function at(text: string, needle: string, offset = 0): [number, number] {
  const index = text.indexOf(needle) + offset;
  if (index < offset) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return [line, index - before.lastIndexOf("\n")];
}

const yamlBlockDeep = (() => {
  let text = "version: 1\nname: x\n";
  for (let i = 0; i < 3_000; i++) text += `${" ".repeat(i)}a:\n`;
  return text;
})();

type Row = readonly [name: string, input: string | Uint8Array, expected: readonly (readonly [code: string, path: string, line: number, column: number])[]];

function latin1Catalog(): Uint8Array {
  const bytes = Buffer.from(JSON_TEXT.replace("Apply online", "Apply onl\u00e9ine"), "utf8");
  bytes[bytes.indexOf(0xc3)] = 0xe9; // é as Windows-1252 / Latin-1 writes it: not UTF-8
  return bytes;
}

const DUPLICATE_JSON = JSON_TEXT.replace('"name": "Small test catalog",', '"name": "Small test catalog",\n  "name": "Again",');
const NESTED_DUPLICATE_YAML = YAML_TEXT.replace(/^( *)name: Apply online$/m, "$1name: Apply online\n$1name: Again");
const TAGGED_YAML = YAML_TEXT.replace("name: Small test catalog", "name: !custom Small test catalog");
const BINARY_YAML = YAML_TEXT.replace("name: Small test catalog", "name: !!binary aGVsbG8=");
const NUL_JSON = JSON_TEXT.replace("Small test", "Small\u0000test");
const NUL_YAML = YAML_TEXT.replace("Small test", "Small\u0000test");
const LONG_JSON = JSON_TEXT.replace("Small test catalog", "x".repeat(1_000_001));
const LONG_YAML = YAML_TEXT.replace("Small test catalog", "x".repeat(1_000_001));
const ONE_PASS = jsonWith((doc) => {
  doc.services[0].agency = "sss";
  doc.services[0].kind = "benefit";
  doc.services[0].steps[0].next[0].to = "reveiw";
});
const BROKEN_NEXT = jsonWith((doc) => {
  doc.services[0].steps[0].next[0].to = "reveiw";
});
const UNKNOWN_NEXT = jsonWith((doc) => {
  doc.services[0].steps[2].next[0].to = "nowhere";
});
const MISTYPED_NEXT = jsonWith((doc) => {
  doc.services[0].steps[0].nxt = doc.services[0].steps[0].next;
  delete doc.services[0].steps[0].next;
});

const ROWS: readonly Row[] = [
  ["JSON nested 10,000 deep", `{"a":`.repeat(DEEP) + "1" + "}".repeat(DEEP), [["document_too_deep", `a${".a".repeat(63)}`, 1, 321]]],
  [
    "JSON nested 10,000 deep inside a catalog",
    `{"version":1,"name":"x","services":[${"[".repeat(DEEP)}${"]".repeat(DEEP)}]}`,
    [["document_too_deep", `services${"[0]".repeat(63)}`, 1, 99]],
  ],
  ["YAML flow nested 10,000 deep", `version: 1\nname: x\nservices: ${"[".repeat(DEEP)}${"]".repeat(DEEP)}\n`, [["document_too_deep", "", 3, 139]]],
  ["YAML block nested 3,000 deep", yamlBlockDeep, [["document_too_deep", "", 132, 130]]],
  ["YAML sequences nested 5,000 deep on one line", `version: 1\nname: x\nservices:\n${"- ".repeat(5_000)}x\n`, [["document_too_deep", "", 4, 257]]],
  ["JSON with a byte-order mark", `\uFEFF${JSON_TEXT}`, []],
  ["YAML with a byte-order mark", `\uFEFF${YAML_TEXT}`, []],
  ["JSON bytes with a byte-order mark", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(JSON_TEXT)]), []],
  ["a byte that is not UTF-8", latin1Catalog(), [["invalid_encoding", "", ...at(JSON_TEXT, "Apply online", 9)]]],
  ["a duplicate key in JSON", DUPLICATE_JSON, [["duplicate_key", "name", 4, 3]]],
  ["a duplicate key deep in YAML, at its path", NESTED_DUPLICATE_YAML, [["duplicate_key", "services[0].steps[0].name", ...at(NESTED_DUPLICATE_YAML, "name: Again")]]],
  ["a duplicate key in YAML", YAML_TEXT.replace("name: Small test catalog", "name: Small test catalog\nname: Again"), [["duplicate_key", "name", 3, 1]]],
  ["a custom YAML tag", TAGGED_YAML, [["unknown_tag", "", ...at(TAGGED_YAML, "!custom")]]],
  [
    "a !!binary YAML tag, with the value it turns into",
    BINARY_YAML,
    [
      ["unknown_tag", "", ...at(BINARY_YAML, "!!binary")],
      ["invalid_type", "name", ...at(BINARY_YAML, "aGVsbG8=")],
    ],
  ],
  ["a NUL in JSON", NUL_JSON, [["control_character", "", ...at(NUL_JSON, "\u0000")]]],
  ["a NUL in YAML", NUL_YAML, [["control_character", "", ...at(NUL_YAML, "\u0000")]]],
  ["a label over maxStringLength in JSON", LONG_JSON, [["string_too_long", "name", ...at(LONG_JSON, '"xxx')]]],
  ["a label over maxStringLength in YAML", LONG_YAML, [["string_too_long", "", ...at(LONG_YAML, "xxx")]]],
  [
    "schema and integrity issues together, in the order of the text",
    ONE_PASS,
    [
      ["unknown_reference", "services[0].agency", ...at(ONE_PASS, '"sss"')],
      ["invalid_value", "services[0].kind", ...at(ONE_PASS, '"benefit"')],
      ["unknown_reference", "services[0].steps[0].next[0].to", ...at(ONE_PASS, '"reveiw"')],
    ],
  ],
  ["a mistyped next, followed to the step it meant: no unreachable steps behind it", BROKEN_NEXT, [["unknown_reference", "services[0].steps[0].next[0].to", ...at(BROKEN_NEXT, '"reveiw"')]]],
  [
    "a next that names no step at all: the step behind it is unreachable too",
    UNKNOWN_NEXT,
    [
      ["unknown_reference", "services[0].steps[2].next[0].to", ...at(UNKNOWN_NEXT, '"nowhere"')],
      ["unreachable_step", "services[0].steps[3]", ...at(UNKNOWN_NEXT, "{", UNKNOWN_NEXT.lastIndexOf("{", UNKNOWN_NEXT.indexOf('"id": "letter"')) - UNKNOWN_NEXT.indexOf("{"))],
    ],
  ],
  ["a mistyped next key, without unreachable steps behind it", MISTYPED_NEXT, [["unrecognized_key", "services[0].steps[0].nxt", ...at(MISTYPED_NEXT, '"nxt"')]]],
];

function run(input: string | Uint8Array) {
  return typeof input === "string" ? safeParseCatalogText(input) : safeParseCatalogBytes(input);
}

const shape = (issues: readonly CatalogIssue[]) => issues.map((i) => [i.code, i.path, i.line, i.column]);

describe("every input gets a true answer (issue 21)", () => {
  it.each(ROWS)("%s", (_name, input, expected) => {
    const first = run(input);
    expect(shape(first.issues)).toEqual(expected);
    expect(first.success).toBe(expected.length === 0);
    expect(run(input)).toEqual(first);
  });

  it("refuses a 50 MB label without parsing the text", () => {
    const text = JSON_TEXT.replace("Small test catalog", "x".repeat(50_000_000));
    const result = safeParseCatalogText(text);
    expect(shape(result.issues)).toEqual([["string_too_long", "name", 3, 11]]);
    expect(result.issues[0]!.message).toBe("a text of 50,000,000 characters, over the limit of 1,000,000");
  });

  it("accepts a nesting just within the limit and refuses one level more, with the path", () => {
    const nested = (levels: number) => `{"version":1,"name":"x","x":${'{"a":'.repeat(levels)}1${"}".repeat(levels)}}`;
    const within = safeParseCatalogText(nested(63));
    expect(shape(within.issues)).toEqual([["unrecognized_key", "x", 1, 25]]);
    const over = safeParseCatalogText(nested(64));
    expect(shape(over.issues)).toEqual([["document_too_deep", `x${".a".repeat(63)}`, 1, 344]]);
  });

  it("refuses YAML moderately over the depth limit after parsing, with the path", () => {
    let text = "version: 1\nname: x\nx:\n";
    for (let i = 1; i <= 70; i++) text += `${"  ".repeat(i)}a:\n`;
    const result = safeParseCatalogText(text);
    expect(result.issues.map((i) => i.code)).toEqual(["document_too_deep"]);
    expect(result.issues[0]!.path).toBe(`x${".a".repeat(63)}`);
  });

  it("keeps every other problem of a catalog with a duplicate JSON key", () => {
    const text = DUPLICATE_JSON.replace('"kind": "benefits"', '"kind": "benefit"');
    expect(shape(safeParseCatalogText(text).issues).map(([code]) => code)).toEqual(["duplicate_key", "invalid_value"]);
  });

  it("reports an over-long text in a plain value (safeParseCatalog) at its path", () => {
    const doc: Mutable = smallCatalog();
    doc.services[0].steps[1].name = "y".repeat(2_000);
    const result = safeParseCatalog(doc, { limits: { maxStringLength: 1_000 } });
    expect(result.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      ["string_too_long", "services[0].steps[1].name", "a text of 2,000 characters, over the limit of 1,000"],
    ]);
  });
});
