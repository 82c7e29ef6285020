/**
 * Parse, serialize, parse is the identity, for YAML and JSON: what a team writes back to version control reads
 * as the same catalog, and writing is stable byte for byte.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type CatalogFormat, parseCatalog, parseCatalogText, serializeCatalog } from "../../src/index.js";
import { arbCatalog } from "../../src/testing/index.js";

const catalogs = fc.oneof(arbCatalog(), arbCatalog({ text: "adversarial", sludge: "heavy" }));

describe.each(["yaml", "json"] satisfies CatalogFormat[])("%s", (format) => {
  test.prop([catalogs], { numRuns: 60 })("parse ∘ serialize ∘ parse = parse", (catalog) => {
    const parsed = parseCatalog(catalog);
    const text = serializeCatalog(parsed, { format });
    expect(parseCatalogText(text, { format })).toEqual(parsed);
  });

  test.prop([catalogs], { numRuns: 40 })("serializing is stable: the text of the re-read catalog is the same text", (catalog) => {
    const text = serializeCatalog(parseCatalog(catalog), { format });
    expect(serializeCatalog(parseCatalogText(text, { format }), { format })).toBe(text);
  });

  test.prop([catalogs], { numRuns: 30 })("the format is detected from the text", (catalog) => {
    const text = serializeCatalog(parseCatalog(catalog), { format });
    expect(parseCatalogText(text)).toEqual(parseCatalog(catalog));
  });
});

test.prop([arbCatalog()], { numRuns: 30 })("YAML and JSON hold the same catalog", (catalog) => {
  const parsed = parseCatalog(catalog);
  const fromYaml = parseCatalogText(serializeCatalog(parsed, { format: "yaml" }), { format: "yaml" });
  const fromJson = parseCatalogText(serializeCatalog(parsed, { format: "json" }), { format: "json" });
  expect(fromYaml).toEqual(fromJson);
});
