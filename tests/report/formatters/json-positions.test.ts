/**
 * Finding positions in JSON catalog text: the formatters scan JSON with jsonc-parser's visitor instead of parsing it
 * as YAML. The positions must be those the YAML parser gives for the same text (the model's `locate`), whatever the
 * layout: minified, indented with spaces or tabs, CRLF line ends. Checked on every bundled example.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { formatFindings, lintCatalog, parseCatalogText } from "../../../src/index.js";
import { locate, pathSegments } from "../../../src/model/source.js";
import { EXAMPLE_CATALOGS as catalogs } from "../../fixtures/example-catalogs.js";

const LAYOUTS: Readonly<Record<string, (value: unknown) => string>> = {
  minified: (value) => JSON.stringify(value),
  "two spaces": (value) => JSON.stringify(value, null, 2),
  "tabs and CRLF": (value) => JSON.stringify(value, null, "\t").replace(/\n/g, "\r\n"),
};

describe("finding positions in JSON text", () => {
  it("has examples to check", () => expect(catalogs.length).toBeGreaterThanOrEqual(6));

  for (const file of catalogs) {
    for (const [layout, write] of Object.entries(LAYOUTS)) {
      it(`${file.split("/").slice(-2).join("/")}, ${layout}: the YAML parser's positions`, () => {
        const text = write(parseCatalogText(readFileSync(file, "utf8")));
        const result = lintCatalog(parseCatalogText(text), { preset: "all", today: "2026-12-01" });
        expect(result.findings.length).toBeGreaterThan(0);
        const lines = new LineCounter();
        const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
        const sarif = JSON.parse(formatFindings(result, "sarif", { catalogFile: "catalog.json", catalogText: text })) as {
          runs: { results: { locations: { physicalLocation: { region?: { startLine: number; startColumn: number } } }[] }[] }[];
        };
        const all = [...result.findings, ...result.waived];
        const regions = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region);
        expect(regions).toHaveLength(all.length);
        const expected = all.map((finding) => {
          const position = locate(document, pathSegments(finding.target.path), lines, false);
          return position === undefined ? undefined : { startLine: position.line, startColumn: position.column };
        });
        expect(regions).toEqual(expected);
      });
    }
  }
});
