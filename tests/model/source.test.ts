/**
 * A catalog's source: where a path is in its text. `safeParseCatalogText(text, { keepSource: true })` keeps it so
 * `formatFindings` places findings without parsing the text again; the output must be the same, byte for byte, as
 * with `catalogText`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CatalogSource, formatFindings, lintCatalog, parseCatalogText, safeParseCatalogText, serializeCatalog } from "../../src/index.js";
import { EXAMPLE_CATALOGS as catalogs } from "../fixtures/example-catalogs.js";

const TEXT = `version: 1
name: Demo
agencies:
  - id: ssa
    name: Social Security Administration
`;

describe("CatalogSource", () => {
  it("locates a path in YAML at its value, and a path the text lacks at its deepest node", () => {
    const source = CatalogSource.fromText(TEXT, "yaml");
    expect(source.format).toBe("yaml");
    expect(source.locate("agencies[0].name")).toEqual({ line: 5, column: 11 });
    expect(source.locate(["agencies", 0, "id"])).toEqual({ line: 4, column: 9 });
    expect(source.locate("agencies[3].name")).toEqual({ line: 4, column: 3 });
    expect(source.locate("")).toEqual({ line: 1, column: 1 });
  });

  it("locates a path in JSON at its value, and a path the text lacks at its deepest node", () => {
    const json = `{\n  "version": 1,\n  "name": "Demo",\n  "agencies": [\n    { "id": "ssa", "name": "SSA" }\n  ]\n}\n`;
    const source = CatalogSource.fromText(json, "json");
    expect(source.locate("agencies[0].name")).toEqual({ line: 5, column: 28 });
    expect(source.locate("agencies[2]")).toEqual({ line: 4, column: 15 });
    expect(source.locate("services[0]")).toEqual({ line: 1, column: 1 });
  });

  it("is kept by safeParseCatalogText only when asked", () => {
    const plain = safeParseCatalogText(TEXT);
    expect(plain.success && "source" in plain).toBe(false);
    const kept = safeParseCatalogText(TEXT, { keepSource: true });
    expect(kept.success).toBe(true);
    if (!kept.success) return;
    expect(kept.source?.format).toBe("yaml");
    expect(kept.source?.text).toBe(TEXT);
    expect(kept.source?.locate("agencies[0].name")).toEqual({ line: 5, column: 11 });
    const json = safeParseCatalogText(JSON.stringify(kept.catalog), { keepSource: true });
    expect(json.success && json.source?.format).toBe("json");
  });

  it("is not given for an invalid catalog", () => {
    const result = safeParseCatalogText("version: 1\nname: [\n", { keepSource: true });
    expect(result.success).toBe(false);
    expect("source" in result).toBe(false);
  });

  for (const file of catalogs) {
    it(`${file.split("/").slice(-2).join("/")}: formatFindings places findings as with catalogText, YAML and JSON`, () => {
      const yaml = readFileSync(file, "utf8");
      for (const text of [yaml, serializeCatalog(parseCatalogText(yaml), { format: "json" })]) {
        const parsed = safeParseCatalogText(text, { keepSource: true });
        if (!parsed.success) throw new Error(`${file} is invalid`);
        const result = lintCatalog(parsed.catalog, { preset: "all", today: "2026-12-01" });
        expect(result.findings.length).toBeGreaterThan(0);
        for (const format of ["stylish", "sarif"] as const) {
          const fromSource = formatFindings(result, format, { catalogFile: "catalog", catalogSource: parsed.source });
          const fromText = formatFindings(result, format, { catalogFile: "catalog", catalogText: text });
          expect(fromSource).toBe(fromText);
          expect(fromSource).not.toBe(formatFindings(result, format, { catalogFile: "catalog" }));
        }
      }
    });
  }
});
