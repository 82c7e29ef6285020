/**
 * Every bundled example end to end through the command line (run in this process, from the sources): validate,
 * lint (every format), diagram (every view), compare (as-is → to-be) and report. This is the "script runs every
 * example end to end" of the test suite; the same commands make `npm run demo`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectInert } from "../report/html/hostile.js";
import { parseCatalogText, summarizeFeedback } from "../../src/index.js";
import { ROOT, examples, runCliInProcess, tempDir } from "./run.js";

const all = examples();

describe("examples end to end", () => {
  it("finds the bundled examples", () => {
    expect(all.map((e) => e.name)).toContain("approaching-retirement");
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(all)("$name", (example) => {
    const catalogs = example.toBe !== undefined ? [example.asIs, example.toBe] : [example.asIs];

    it("validates", async () => {
      const run = await runCliInProcess(["validate", ...catalogs]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split("\n")).toHaveLength(catalogs.length);
    });

    it("lints in every format", async () => {
      const json = await runCliInProcess(["lint", example.asIs, "--format", "json", "--fail-on", "never"]);
      expect(json.code).toBe(0);
      const [{ findings }] = JSON.parse(json.stdout) as [{ findings: { ruleId: string }[] }];
      expect(findings.length).toBeGreaterThan(0);
      const stylish = await runCliInProcess(["lint", example.asIs, "--fail-on", "never"]);
      expect(stylish.stdout).toContain(example.asIs);
      const sarif = JSON.parse((await runCliInProcess(["lint", example.asIs, "--format", "sarif", "--fail-on", "never"])).stdout) as { version: string };
      expect(sarif.version).toBe("2.1.0");
      const markdown = await runCliInProcess(["lint", example.asIs, "--format", "markdown", "--fail-on", "never"]);
      expect(markdown.stdout).toMatch(/^#/m);
    });

    it("draws every view", async () => {
      const dir = tempDir();
      for (const view of ["blueprint", "life-experience", "journey"]) {
        const run = await runCliInProcess(["diagram", example.asIs, "--view", view, "--sludge", "--out", dir]);
        expect(run.code, `${view}: ${run.stderr}`).toBe(0);
      }
      const files = readdirSync(dir);
      expect(files.some((f) => f.startsWith("blueprint"))).toBe(true);
      expect(files.every((f) => f.endsWith(".mmd"))).toBe(true);
      for (const f of files) expect(readFileSync(join(dir, f), "utf8").length).toBeGreaterThan(20);
    });

    it.runIf(example.toBe !== undefined)("compares the as-is with the to-be, which saves hours", async () => {
      const run = await runCliInProcess(["compare", example.asIs, example.toBe!, "--format", "json"]);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as { burden: { total: { delta: { annualHours: number } } }; fixed: unknown[] };
      expect(json.burden.total.delta.annualHours).toBeLessThan(0);
      expect(json.fixed.length).toBeGreaterThan(0);
    });

    it("writes the report", async () => {
      const out = join(tempDir(), "report.html");
      const run = await runCliInProcess(["report", example.asIs, "--out", out, "--no-svg"]);
      expect(run.code, run.stderr).toBe(0);
      const dom = expectInert(readFileSync(out, "utf8"));
      const doc = dom.window.document;
      expect(doc.querySelectorAll("#sb-findings tbody tr").length).toBeGreaterThan(0);
      expect(doc.querySelectorAll("svg.sb-chart").length).toBeGreaterThan(0);
      expect(doc.querySelectorAll("pre.mermaid-source").length).toBeGreaterThan(0);
      dom.window.close();
    });
  });

  it("reports the imported federal A-11 feedback with its figures per service", async () => {
    const out = join(tempDir(), "hisp.html");
    const run = await runCliInProcess(["report", "examples/federal-hisp-services/catalog.yaml", "--out", out, "--no-svg"]);
    expect(run.code, run.stderr).toBe(0);
    const dom = expectInert(readFileSync(out, "utf8"));
    const doc = dom.window.document;
    const feedback = [...doc.querySelectorAll("h4")].filter((h) => h.textContent!.startsWith("A-11 customer feedback"));
    const catalog = parseCatalogText(readFileSync(join(ROOT, "examples/federal-hisp-services/catalog.yaml"), "utf8"));
    const withFigures = catalog.services.filter((service) => summarizeFeedback(service).quarters.length > 0);
    expect(withFigures.length).toBeGreaterThan(20);
    expect(feedback).toHaveLength(withFigures.length);
    // Each shows a quarter row with respondents and driver means of 5.
    const table = feedback[0]!.nextElementSibling!;
    expect(table.querySelector("tbody tr td")!.textContent).toMatch(/^FY20\d\d Q[1-4]$/);
    expect(table.textContent).toMatch(/[1-5]\.\d\d \(\d+%\)/);
    dom.window.close();
  });
});
