/**
 * Machine output for many files: one SARIF run with every file's results (valid against the official schema and
 * within GitHub code scanning's documented upload limits), invalid catalogs as results and notifications, and JSON
 * that is always an array of files.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sarifValidator } from "./sarif-validator.js";
import {
  FINDING_FORMATS,
  FormatError,
  type LintFileReport,
  formatFindings,
  formatFindingsFiles,
  formatFindingsFilesChunks,
  formatJsonFiles,
  formatSarifFiles,
  lintCatalog,
  safeParseCatalogText,
  serializeCatalog,
} from "../../../src/index.js";
import { catalog, service } from "../../sludge/rules/fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * GitHub code scanning's documented limits for an uploaded SARIF file (docs.github.com, "SARIF support for code
 * scanning"): at most 10 MB gzip-compressed, 20 runs, 25,000 results and 25,000 rules per run, 1,000 locations
 * per result, 20 tags per rule; and several runs of one tool need distinct `automationDetails.id` categories.
 */
function githubProblems(text: string): string[] {
  const log = JSON.parse(text) as {
    runs: { tool: { driver: { name: string; rules?: { properties?: { tags?: unknown[] } }[] } }; automationDetails?: { id?: string }; results?: { locations?: unknown[] }[] }[];
  };
  const problems: string[] = [];
  if (gzipSync(text).length > 10 * 1024 * 1024) problems.push("more than 10 MB gzipped");
  if (log.runs.length > 20) problems.push("more than 20 runs");
  const categories = new Set<string>();
  for (const run of log.runs) {
    const key = `${run.tool.driver.name}/${run.automationDetails?.id ?? ""}`;
    if (categories.has(key)) problems.push(`two runs of ${run.tool.driver.name} with the same category`);
    categories.add(key);
    if ((run.results ?? []).length > 25_000) problems.push("more than 25,000 results in a run");
    if ((run.tool.driver.rules ?? []).length > 25_000) problems.push("more than 25,000 rules");
    for (const rule of run.tool.driver.rules ?? []) if ((rule.properties?.tags ?? []).length > 20) problems.push("more than 20 tags on a rule");
    for (const result of run.results ?? []) if ((result.locations ?? []).length > 1000) problems.push("more than 1,000 locations");
  }
  return problems;
}

/** Two valid catalogs (as YAML text) and one that does not validate. */
function reports(): LintFileReport[] {
  const a = serializeCatalog(catalog({ services: [service("svc", [{ id: "apply", lane: "customer", channel: "paper", signature: "wet", customerMinutes: 30 }])] }));
  const b = serializeCatalog(catalog({ services: [service("other", [{ id: "visit", lane: "customer", channel: "office", travelMinutes: 60 }])] }));
  const broken = "version: 1\nname: Broken\nservices:\n  - id: x\n";
  return [a, b, broken].map((text, i) => {
    const file = `services/${["a", "b", "broken"][i]}.yaml`;
    const parsed = safeParseCatalogText(text, { source: file });
    return parsed.success ? { file, result: lintCatalog(parsed.catalog, { today: "2026-12-01", preset: "all" }), catalogText: text } : { file, issues: parsed.issues };
  });
}

describe("formatSarifFiles", () => {
  const input = reports();
  const text = formatSarifFiles(input, { toolVersion: "0.1.0" });
  const log = JSON.parse(text);

  it("is valid SARIF 2.1.0 within GitHub's upload limits", () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3), null, 2)).toBe(true);
    expect(githubProblems(text)).toEqual([]);
  });

  it("puts every file's results in one run, each at its artifact", () => {
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(["services/a.yaml", "services/b.yaml", "services/broken.yaml"]);
    const counts = new Map<string, number>();
    for (const result of run.results) {
      const location = result.locations[0].physicalLocation.artifactLocation;
      expect(run.artifacts[location.index].location.uri).toBe(location.uri);
      counts.set(location.uri, (counts.get(location.uri) ?? 0) + 1);
    }
    const [a, b] = input as [Extract<LintFileReport, { result: unknown }>, Extract<LintFileReport, { result: unknown }>];
    expect(counts.get("services/a.yaml")).toBe(a.result.findings.length + a.result.waived.length);
    expect(counts.get("services/b.yaml")).toBe(b.result.findings.length + b.result.waived.length);
  });

  it("reports an invalid catalog as invalid-catalog errors at their lines, and as a notification", () => {
    const run = log.runs[0];
    const invalid = run.results.filter((r: { ruleId: string }) => r.ruleId === "invalid-catalog");
    const broken = input[2] as Extract<LintFileReport, { issues: unknown }>;
    expect(invalid).toHaveLength(broken.issues.length);
    expect(invalid.every((r: { level: string }) => r.level === "error")).toBe(true);
    expect(invalid[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    expect(run.tool.driver.rules[invalid[0].ruleIndex].id).toBe("invalid-catalog");
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^services\/broken\.yaml: invalid catalog/);
  });

  it("is the same for the same input, byte for byte", () => {
    expect(formatSarifFiles(reports(), { toolVersion: "0.1.0" })).toBe(text);
  });
});

describe("formatJsonFiles", () => {
  it("is always an array of files, with the issues of an invalid one", () => {
    const input = reports();
    const files = JSON.parse(formatJsonFiles(input));
    expect(files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      ["services/a.yaml", true],
      ["services/b.yaml", true],
      ["services/broken.yaml", false],
    ]);
    expect(files[0]).toMatchObject({ version: 1, today: "2026-12-01" });
    expect(files[2].issues.length).toBeGreaterThan(0);
    expect(JSON.parse(formatJsonFiles(input.slice(0, 1)))).toHaveLength(1);
    expect(JSON.parse(formatJsonFiles([]))).toEqual([]);
  });
});

describe("formatFindingsFiles", () => {
  const input = reports();
  const [a, b] = input as [Extract<LintFileReport, { result: unknown }>, Extract<LintFileReport, { result: unknown }>];
  const one = (report: typeof a, format: "stylish" | "markdown") =>
    formatFindings(report.result, format, { catalogFile: report.file, catalogText: report.catalogText });

  it("gives the machine formats' file reports, every file in them", () => {
    expect(formatFindingsFiles(input, "json")).toBe(formatJsonFiles(input));
    expect(formatFindingsFiles(input, "sarif", { toolVersion: "0.1.0" })).toBe(formatSarifFiles(input, { toolVersion: "0.1.0" }));
  });

  it("gives each linted file's stylish text in order, placed in its own text, and leaves the invalid one out", () => {
    const text = formatFindingsFiles(input, "stylish");
    expect(text).toBe(one(a, "stylish") + one(b, "stylish"));
    expect(text).toMatch(/^services\/a\.yaml\n {2}\d+:\d+ /);
    expect(text).toContain("\nservices/b.yaml\n");
    expect(text).not.toContain("broken");
  });

  it("separates markdown files by a blank line", () => {
    expect(formatFindingsFiles(input, "markdown")).toBe(`${one(a, "markdown")}\n${one(b, "markdown")}`);
  });

  it("joins its chunks into the same text, and refuses an unknown format at once", () => {
    for (const format of FINDING_FORMATS) expect([...formatFindingsFilesChunks(input, format)].join("")).toBe(formatFindingsFiles(input, format));
    expect(() => formatFindingsFilesChunks(input, "xml" as never)).toThrow(FormatError);
    expect(formatFindingsFiles([], "stylish")).toBe("");
  });
});
