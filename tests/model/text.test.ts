import { describe, expect, it } from "vitest";
import {
  CatalogValidationError,
  detectCatalogFormat,
  parseCatalog,
  parseCatalogText,
  safeParseCatalogText,
  serializeCatalog,
} from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";

const YAML_WITH_ISSUES = `version: 1
name: Demo
agencies:
  - id: ssa
    name: Social Security Administration
services:
  - id: s1
    name: Apply
    agency: sa
    kind: benefits
    occasion: { kind: intent, story: I want my benefit }
    offering: { name: Benefit, kind: benefit }
    steps:
      - id: a
        name: Apply online
        lane: customer
        customerMinuts: 4
`;

describe("parseCatalogText", () => {
  it("reports issues with line and column in YAML, shape and references in one pass, in the order of the text", () => {
    const result = safeParseCatalogText(YAML_WITH_ISSUES, { source: "demo.yaml" });
    expect(result.success).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path, i.line, i.column])).toEqual([
      ["unknown_reference", "services[0].agency", 9, 13],
      ["unrecognized_key", "services[0].steps[0].customerMinuts", 17, 9],
    ]);
    const fixed = YAML_WITH_ISSUES.replace("customerMinuts", "customerMinutes");
    const second = safeParseCatalogText(fixed);
    expect(second.issues.map((i) => [i.code, i.path, i.line, i.column, i.hint])).toEqual([
      ["unknown_reference", "services[0].agency", 9, 13, "did you mean 'ssa'?"],
    ]);
  });

  it("reports issues with line and column in JSON", () => {
    const text = JSON.stringify({ version: 1, name: "x", agencies: [{ id: "a", name: "A", hisp: "yes" }] }, null, 2);
    const result = safeParseCatalogText(text);
    expect(result.issues.map((i) => [i.code, i.path, i.line])).toEqual([["invalid_type", "agencies[0].hisp", 8]]);
  });

  it("reports syntax errors with a position", () => {
    const yaml = safeParseCatalogText("version: 1\nname: [unclosed\n");
    expect(yaml.issues[0]!.code).toBe("syntax_error");
    expect(yaml.issues[0]!.line).toBeGreaterThanOrEqual(2);
    const json = safeParseCatalogText('{\n  "version": 1,\n  "name": "x",,\n}', { format: "json" });
    expect(json.issues[0]!.code).toBe("syntax_error");
    expect(json.issues[0]!.message).toMatch(/^invalid JSON/);
    // The second comma: line 3, column 15 (both counted from 1, as for YAML).
    expect([json.issues[0]!.line, json.issues[0]!.column]).toEqual([3, 15]);
    const oneLine = safeParseCatalogText('{"version": 1, "name": "x",}', { format: "json" });
    expect([oneLine.issues[0]!.line, oneLine.issues[0]!.column]).toEqual([1, 28]);
  });

  it("refuses duplicate keys, alias bombs, oversized text and prototype keys", () => {
    expect(safeParseCatalogText("version: 1\nname: a\nname: b\n").issues[0]!.code).toBe("duplicate_key");
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    expect(safeParseCatalogText(bomb).issues.map((i) => i.code)).toEqual(["too_many_aliases"]);
    expect(safeParseCatalogText("version: 1\nname: x\n", { limits: { maxTextLength: 5 } }).issues[0]!.code).toBe("document_too_large");
    const proto = safeParseCatalogText("version: 1\nname: x\n__proto__:\n  polluted: true\n");
    expect(proto.issues.map((i) => [i.code, i.line])).toEqual([["forbidden_key", 3]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("throws CatalogValidationError naming the file", () => {
    expect(() => parseCatalogText(YAML_WITH_ISSUES, { source: "demo.yaml" })).toThrow(CatalogValidationError);
    expect(() => parseCatalogText(YAML_WITH_ISSUES, { source: "demo.yaml" })).toThrow(/demo\.yaml:17:9 unrecognized_key/);
  });

  it("detects the format", () => {
    expect(detectCatalogFormat(" {")).toBe("json");
    expect(detectCatalogFormat("version: 1")).toBe("yaml");
    expect(detectCatalogFormat("{}", "a.yml")).toBe("yaml");
    expect(detectCatalogFormat("x", "a.JSON")).toBe("json");
  });
});

describe("serializeCatalog", () => {
  it("round-trips through YAML and JSON", () => {
    const catalog = parseCatalog(smallCatalog());
    for (const format of ["yaml", "json"] as const) {
      for (const defaults of ["omit", "keep"] as const) {
        const text = serializeCatalog(catalog, { format, defaults });
        expect(parseCatalogText(text, { format })).toEqual(catalog);
      }
    }
  });

  it("writes a stable key order and omits defaults", () => {
    const catalog = parseCatalog({ version: 1, name: "Demo", agencies: [{ name: "A", id: "a", hisp: false }] });
    expect(serializeCatalog(catalog)).toBe("version: 1\nname: Demo\nagencies:\n  - id: a\n    name: A\n");
    expect(serializeCatalog(catalog, { format: "json" })).toBe(
      '{\n  "version": 1,\n  "name": "Demo",\n  "agencies": [\n    {\n      "id": "a",\n      "name": "A"\n    }\n  ]\n}\n',
    );
    const keep = serializeCatalog(catalog, { defaults: "keep" });
    expect(keep).toContain("hisp: false");
    expect(keep.indexOf("level: federal")).toBeLessThan(keep.indexOf("hisp: false"));
  });

  it("gives the same bytes whatever the key order of the input", () => {
    const a = smallCatalog();
    const reversed = JSON.parse(JSON.stringify(a), (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(serializeCatalog(parseCatalog(reversed))).toBe(serializeCatalog(parseCatalog(a)));
  });

  it("quotes hostile text safely", () => {
    const catalog = parseCatalog({ version: 1, name: "x: y\n- z # not a comment &anchor *alias 'q' \"dq\"" });
    expect(parseCatalogText(serializeCatalog(catalog)).name).toBe(catalog.name);
  });
});
