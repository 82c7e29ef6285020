/**
 * `report` from the command line: `--compare <to-be>` states the as-is vs to-be change, the page shows the file
 * names as given, and a large catalog reports its progress on stderr.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CatalogInput, parseCatalogText, serializeCatalog, parseCatalog } from "../../../src/index.js";
import { LARGE_REPORT_STEPS } from "../../../src/cli/commands/report.js";
import { ROOT, runCliInProcess, tempDir } from "../../cli/run.js";
import { expectInert } from "./hostile.js";

const AS_IS = "examples/approaching-retirement/as-is.yaml";
const TO_BE = "examples/approaching-retirement/to-be.yaml";

describe("report --compare", { timeout: 120_000 }, () => {
  it("states the change from the as-is to the to-be in the summary and a section", async () => {
    const out = join(tempDir(), "report.html");
    const run = await runCliInProcess(["report", AS_IS, "--compare", TO_BE, "--out", out, "--no-svg"]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    const doc = expectInert(html).window.document;
    expect(doc.querySelector("main > section")!.id).toBe("summary");
    expect(doc.getElementById("summary")!.textContent).toMatch(/The to-be design \(examples\/approaching-retirement\/to-be\.yaml\) saves about [\d.,]+( million)? customer hours a year/);
    expect(doc.querySelectorAll("#compare tbody tr").length).toBeGreaterThan(0);
    expect(html).not.toContain(ROOT);
  });

  it("shows an absolute catalog path by its file name only", async () => {
    const out = join(tempDir(), "report.html");
    const run = await runCliInProcess(["report", join(ROOT, AS_IS), "--out", out, "--no-svg"]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toContain(ROOT);
    expect(expectInert(html).window.document.querySelector("header p.muted")!.textContent).toMatch(/^as-is\.yaml: /);
  });

  it("refuses an invalid to-be with its issues, exit 1, and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "to-be.yaml"), "version: 1\nname: x\nservices: 3\n");
    const run = await runCliInProcess(["report", AS_IS, "--compare", join(dir, "to-be.yaml"), "--out", join(dir, "report.html"), "--no-svg"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("to-be.yaml");
    expect(() => readFileSync(join(dir, "report.html"))).toThrow();
  });
});

describe("report on a large catalog", { timeout: 300_000 }, () => {
  it("says on stderr what it is doing: linting, drawing in tenths, writing", async () => {
    // The as-is, its services copied under new ids until it has LARGE_REPORT_STEPS steps.
    const base = parseCatalogText(readFileSync(join(ROOT, AS_IS), "utf8"));
    const perCopy = base.services.reduce((n, s) => n + s.steps.length, 0);
    const copies = Math.ceil(LARGE_REPORT_STEPS / perCopy);
    const services = Array.from({ length: copies }, (_, i) => base.services.map((s) => ({ ...s, id: `${s.id}-${i}` }))).flat();
    const catalog = parseCatalog({ ...base, services, lifeExperiences: [], waivers: [] } as unknown as CatalogInput);
    const dir = tempDir();
    writeFileSync(join(dir, "large.yaml"), serializeCatalog(catalog));
    const out = join(dir, "report.html");
    const run = await runCliInProcess(["report", join(dir, "large.yaml"), "--out", out, "--no-svg"]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trim().split("\n");
    const steps = copies * perCopy;
    expect(lines[0]).toBe(`${join(dir, "large.yaml")}: linting ${steps.toLocaleString("en-US")} steps`);
    expect(lines[1]).toMatch(/: \d[\d,]* findings in \d+\.\d s; drawing [\d,]+ services$/);
    const ticks = lines.filter((line) => /^\[\s*\d+\/10\] drawing /.test(line));
    expect(ticks).toHaveLength(10);
    expect(ticks[9]).toMatch(new RegExp(`^\\[10/10\\] drawing ${services.length.toLocaleString("en-US")} of ${services.length.toLocaleString("en-US")} `));
    expect(lines.some((line) => /: writing \d+\.\d MB after \d+\.\d s$/.test(line))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^wrote /);
  });

  it("stays quiet on a small catalog", async () => {
    const run = await runCliInProcess(["report", AS_IS, "--out", join(tempDir(), "report.html"), "--no-svg"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/linting|drawing/);
  });
});
