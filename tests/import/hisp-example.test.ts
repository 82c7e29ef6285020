import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { README_END, README_START, generateHispExample } from "../../examples/federal-hisp-services/generate.js";
import { safeParseCatalogText } from "../../src/index.js";
import type { ImportA11FeedbackOptions } from "../../src/import.js";
import { realCsv } from "./helpers.js";

const dir = new URL("../../examples/federal-hisp-services/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

describe("examples/federal-hisp-services", () => {
  const options = JSON.parse(read("import-options.json")) as ImportA11FeedbackOptions;
  const example = generateHispExample(realCsv(), options);

  it("commits what the importer gives (regenerate with `node scripts/import-hisp-example.mjs`)", () => {
    expect(read("catalog.yaml") === example.catalogYaml, "catalog.yaml is stale").toBe(true);
    expect(read("import-report.md")).toBe(example.reportMarkdown);
    const readme = read("README.md");
    const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(block).toBe(example.readmeBlock);
  });

  it("has a catalog.yaml that validates and cites the GSA data", () => {
    const result = safeParseCatalogText(read("catalog.yaml"), { format: "yaml" });
    expect(result.issues).toEqual([]);
    if (!result.success) return;
    const catalog = result.catalog;
    expect(catalog.name).toBe(options.name);
    expect(catalog.sources.map((s) => s.url)).toEqual(["https://github.com/GSA/HISP-CX-Data"]);
    expect(catalog.services.every((s) => s.sources.includes("hisp-cx-data"))).toBe(true);
    expect(catalog.services.reduce((n, s) => n + s.feedback.length, 0)).toBe(481);
  });
});
