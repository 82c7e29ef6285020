import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sarifValidator } from "./sarif-validator.js";
import { FINDING_FORMATS, FormatError, formatFindings, lintCatalog, parseCatalogText, serializeCatalog } from "../../../src/index.js";
import { catalog, service } from "../../sludge/rules/fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));

/** A catalog with findings of each severity and one waived finding, written out as YAML (so lines are known). */
function sample() {
  const parsed = catalog({
    services: [
      service("svc", [
        { id: "apply", lane: "customer", channel: "paper", signature: "wet", customerMinutes: 30, fee: 20 },
        { id: "visit", lane: "customer", channel: "office", travelMinutes: 60, accessible: false },
      ]),
    ],
    waivers: [{ id: "ink", rule: "wet-signature", target: { service: "svc", step: "apply" }, justification: "statutory-requirement", note: "Required by statute | for now", expires: "2027-01-01" }],
  });
  const text = serializeCatalog(parsed);
  const reparsed = parseCatalogText(text);
  return { text, result: lintCatalog(reparsed, { today: "2026-12-01", preset: "strict" }) };
}


describe("formatFindings", () => {
  it("knows its formats and rejects others", () => {
    expect(FINDING_FORMATS).toEqual(["stylish", "json", "sarif", "markdown"]);
    expect(() => formatFindings(sample().result, "xml" as never)).toThrow(FormatError);
  });

  it("stylish: one line per finding with line:column, path, severity, message, rule; no colour by default", () => {
    const { text, result } = sample();
    const out = formatFindings(result, "stylish", { catalogFile: "catalog.yaml", catalogText: text });
    const lines = out.split("\n");
    expect(lines[0]).toBe("catalog.yaml");
    const apply = lines.find((line) => line.includes("paper-channel"))!;
    expect(apply).toMatch(/^\s+\d+:\d+\s+services\[0\]\.steps\[0\]\s+error\s+Step 'apply' runs on paper/);
    expect(out).toMatch(/error \(waived\)\s+Step 'apply'/);
    expect(out).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\), 1 waived/);
    expect(out).toMatch(/Burden: [\d,]+ customer hours a year/);
    expect(out).not.toContain("\u001b[");
    expect(formatFindings(result, "stylish", { color: true })).toContain("\u001b[");
  });

  it("stylish: says so when there is nothing to report", () => {
    const clean = lintCatalog(catalog({ services: [service("ok", [{ id: "a", lane: "customer", channel: "web" }])] }), { today: "2026-12-01", preset: [] });
    expect(formatFindings(clean, "stylish")).toMatch(/^✔ No problems\n/);
  });

  it("json: the whole result with a summary", () => {
    const { result } = sample();
    const report = JSON.parse(formatFindings(result, "json"));
    expect(report).toMatchObject({ version: 1, today: "2026-12-01", summary: { waived: 1 } });
    expect(report.findings).toHaveLength(result.findings.length);
    expect(report.waived[0].waiver).toMatchObject({ id: "ink", justification: "statutory-requirement" });
    expect(report.burden.total.annualHours).toBe(result.burden.total.annualHours);
  });

  it("sarif: valid against the official 2.1.0 schema, with rules, help links, locations, fingerprints and suppressions", () => {
    const { text, result } = sample();
    const log = JSON.parse(formatFindings(result, "sarif", { catalogFile: "catalog.yaml", catalogText: text, toolVersion: "0.1.0" }));
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toContain("wet-signature");
    const wet = run.tool.driver.rules.find((rule: { id: string }) => rule.id === "wet-signature");
    expect(wet.helpUri).toMatch(/docs\/rules\/wet-signature\.md$/);
    expect(run.results).toHaveLength(result.findings.length + result.waived.length);
    const paper = run.results.find((r: { ruleId: string }) => r.ruleId === "paper-channel");
    expect(run.tool.driver.rules[paper.ruleIndex].id).toBe("paper-channel");
    expect(paper.locations[0].logicalLocations[0].fullyQualifiedName).toBe("services[0].steps[0]");
    const line = paper.locations[0].physicalLocation.region.startLine;
    expect(text.split("\n")[line - 1]).toContain("apply");
    expect(paper.partialFingerprints["sludgeFingerprint/v1"]).toMatch(/^[0-9a-f]{16}$/);
    const waived = run.results.find((r: { suppressions?: unknown[] }) => r.suppressions !== undefined);
    expect(waived.suppressions[0]).toMatchObject({ kind: "inSource", status: "accepted", justification: expect.stringContaining("statutory-requirement") });
    const levels = new Set(run.results.map((r: { level: string }) => r.level));
    expect([...levels].every((level) => ["error", "warning", "note"].includes(level as string))).toBe(true);
  });

  it("sarif: stays valid without a file (logical locations only)", () => {
    const log = JSON.parse(formatFindings(sample().result, "sarif"));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toBeUndefined();
  });

  it("markdown: a summary, a findings table, the waived findings with justification (escaped), and burden tables", () => {
    const out = formatFindings(sample().result, "markdown", { catalogFile: "catalog.yaml" });
    expect(out).toMatch(/^# Sludge report: catalog\.yaml\n/);
    expect(out).toContain("| Severity | Rule | Where | Message | Hours a year |");
    expect(out).toContain("[paper-channel](docs/rules/paper-channel.md)");
    expect(out).toContain("## Waived");
    expect(out).toContain("Required by statute \\| for now");
    expect(out).toContain("## Burden by service");
  });
});
