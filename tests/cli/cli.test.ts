import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogJsonSchema, parseCatalogText } from "../../src/index.js";
import { STARTER_CATALOG } from "../../src/cli/starter.js";
import { ROOT, runCliInProcess, tempDir } from "./run.js";

const EXAMPLE = "examples/approaching-retirement/as-is.yaml";
const ESC = "\u001b[";
const COMMANDS = ["validate", "lint", "diagram", "compare", "report", "schema", "init", "import-a11"];

/** Writes a file into a fresh directory and returns its path. */
function fixture(name: string, text: string): string {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const INVALID = `version: 1
name: Broken
agencies:
  - { id: ssa, name: Social Security Administration }
channels:
  - { id: ssa-online, name: my Social Security, kind: website, agency: ssa }
services:
  - id: retire
    name: Apply
    agency: ssa
    kind: benefits
    occasion: { kind: life-event, story: I want to retire }
    offering: { name: Benefit, kind: benefit }
    steps:
      - id: apply
        name: Apply online
        lane: customer
        channel: ssa-onlin
`;

describe("outputs never replace an input", () => {
  it("refuses to write lint, report, compare or diagram output over a catalog or config it reads", async () => {
    const dir = tempDir();
    const original = readFileSync(join(ROOT, EXAMPLE), "utf8");
    writeFileSync(join(dir, "as-is.yaml"), original);
    writeFileSync(join(dir, "lint.yaml"), "preset: all\n");
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "as-is.yaml"), original);
    for (const args of [
      ["lint", "as-is.yaml", "--output", "as-is.yaml"],
      ["lint", "as-is.yaml", "--config", "lint.yaml", "--output", "./lint.yaml"],
      ["report", "as-is.yaml", "--out", "as-is.yaml", "--no-svg"],
      ["compare", "as-is.yaml", "out/as-is.yaml", "--output", "out/../as-is.yaml"],
    ]) {
      const run = await runCliInProcess(args, { cwd: dir });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^error output_is_input: \S+ is a file this command reads \(write the output to another file\)\n$/);
    }
    expect(readFileSync(join(dir, "as-is.yaml"), "utf8")).toBe(original);
    expect(readFileSync(join(dir, "lint.yaml"), "utf8")).toBe("preset: all\n");
    expect(readdirSync(dir).sort()).toEqual(["as-is.yaml", "lint.yaml", "out"]);
  });
});

describe("the program", () => {
  it("prints its version and help, and help for every command", async () => {
    const version = await runCliInProcess(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    const help = await runCliInProcess(["--help"]);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toContain(command);
    expect(help.stdout).toContain("Exit codes");
    for (const command of COMMANDS) {
      const run = await runCliInProcess([command, "--help"]);
      expect(run.code, command).toBe(0);
      expect(run.stdout).toContain(`Usage: service-blueprint ${command}`);
      expect(run.stderr).toBe("");
    }
  });

  it("exits 2 with one line on stderr for an unknown flag, command or option value", async () => {
    for (const args of [["lint", EXAMPLE, "--nope"], ["frobnicate"], ["lint", EXAMPLE, "--format", "xml"], ["diagram", EXAMPLE], ["lint"]]) {
      const run = await runCliInProcess(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^error [a-z_]+: /);
    }
  });

  it("prints the same program help whatever command follows a help flag (only the named command's module loads)", async () => {
    const help = await runCliInProcess(["--help"]);
    for (const args of [["-h", "lint"], ["--debug", "--help", "validate"], ["help"]]) {
      const run = await runCliInProcess(args);
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout, args.join(" ")).toBe(help.stdout);
    }
    // The command's own help after its name, as one would get with every command registered.
    const lint = await runCliInProcess(["--debug", "lint", "--help"]);
    expect(lint.stdout).toContain("Usage: service-blueprint lint");
    expect(lint.stdout).not.toContain("import-a11");
  });

  it("exits 2 and shows help when no command is given", async () => {
    const run = await runCliInProcess([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: service-blueprint");
  });
});

describe("validate", () => {
  it("says a valid catalog is valid", async () => {
    const run = await runCliInProcess(["validate", EXAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^valid examples\/approaching-retirement\/as-is\.yaml: \d+ services, \d+ steps, 1 life experience\n$/);
  });

  it("prints file:line:column code message and the hint for an invalid catalog, exit 1", async () => {
    const file = fixture("broken.yaml", INVALID);
    const run = await runCliInProcess(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:18:18 unknown_reference channel 'ssa-onlin' is not defined (at services[0].steps[0].channel)\n  hint: did you mean 'ssa-online'?`);
    expect(run.stdout).toMatch(/invalid .*broken\.yaml: 1 issue\n$/);
  });

  it("reports bad YAML as a syntax_error with its position, exit 1", async () => {
    const file = fixture("bad.yaml", "version: 1\nname: [unclosed\nservices: []\n");
    const run = await runCliInProcess(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+ syntax_error `));
  });

  it("exits 2 with one line for a missing file, after checking the others", async () => {
    const run = await runCliInProcess(["validate", EXAMPLE, "no/such/catalog.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("valid examples/approaching-retirement/as-is.yaml");
    expect(run.stderr).toBe("error file_not_found: catalog no/such/catalog.yaml not found (check the path)\n");
  });
});

describe("lint", () => {
  it("writes JSON and nothing else to stdout", async () => {
    const run = await runCliInProcess(["lint", EXAMPLE, "--format", "json", "--fail-on", "never"]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout) as { file: string; valid: boolean; findings: { ruleId: string; severity: string }[] }[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ file: EXAMPLE, valid: true });
    expect(parsed[0]!.findings.length).toBeGreaterThan(0);
  });

  it("writes SARIF 2.1.0 with a result per finding", async () => {
    const json = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "--format", "json", "--fail-on", "never"])).stdout)[0] as { findings: unknown[] };
    const run = await runCliInProcess(["lint", EXAMPLE, "--format", "sarif", "--fail-on", "never"]);
    expect(run.code).toBe(0);
    const sarif = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { name: string; version?: string } }; results: { ruleId: string; locations: unknown[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.results.length).toBeGreaterThanOrEqual(json.findings.length);
    expect(JSON.stringify(sarif.runs[0]!.results[0]!.locations)).toContain(EXAMPLE);
  });

  it("merges several files into one JSON array and one SARIF log", async () => {
    const files = [EXAMPLE, "examples/approaching-retirement/to-be.yaml"];
    const json = JSON.parse((await runCliInProcess(["lint", ...files, "--format", "json", "--fail-on", "never"])).stdout) as { file: string }[];
    expect(json.map((r) => r.file)).toEqual(files);
    const sarif = JSON.parse((await runCliInProcess(["lint", ...files, "--format", "sarif", "--fail-on", "never"])).stdout) as {
      runs: { results: { locations: { physicalLocation?: { region?: { startLine: number } } }[] }[] }[];
    };
    // One run with every file's results (GitHub code scanning rejects several runs of one tool without categories).
    expect(sarif.runs).toHaveLength(1);
    const uris = new Set(sarif.runs[0]!.results.map((r) => (r.locations[0]?.physicalLocation as { artifactLocation?: { uri: string } } | undefined)?.artifactLocation?.uri));
    expect([...uris].sort()).toEqual([...files].sort());
    for (const run of sarif.runs) expect(run.results.every((r) => (r.locations[0]?.physicalLocation?.region?.startLine ?? 0) > 0)).toBe(true);
  });

  it("lints every valid file in order, each placed in its own text, when another is invalid", async () => {
    const files = [EXAMPLE, "examples/approaching-retirement/to-be.yaml"];
    const one = await Promise.all(files.map(async (file) => (await runCliInProcess(["lint", file, "--fail-on", "never"])).stdout));
    const broken = fixture("broken.yaml", "version: 1\nname: [\n");
    const run = await runCliInProcess(["lint", files[0]!, broken, files[1]!, "--fail-on", "never"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(one.join(""));
    expect(run.stderr).toContain(`${broken}: invalid catalog`);
  });

  it("sets the exit code from --fail-on", async () => {
    const json = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "--format", "json", "--fail-on", "never"])).stdout)[0] as { findings: { severity: string }[] };
    const hasError = json.findings.some((f) => f.severity === "error");
    const hasWarning = json.findings.some((f) => f.severity === "warning");
    expect(hasWarning).toBe(true);
    expect((await runCliInProcess(["lint", EXAMPLE, "--fail-on", "never"])).code).toBe(0);
    expect((await runCliInProcess(["lint", EXAMPLE, "--fail-on", "warn"])).code).toBe(1);
    expect((await runCliInProcess(["lint", EXAMPLE, "--fail-on", "error"])).code).toBe(hasError ? 1 : 0);
  });

  it("turns rules off and changes severities from a config file", async () => {
    const json = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "--format", "json", "--fail-on", "never"])).stdout)[0] as { findings: { ruleId: string; severity: string }[] };
    const rule = json.findings.find((f) => f.severity === "warning")!.ruleId;
    const config = fixture("lint.yaml", `rules:\n  ${rule}: error\n`);
    const raised = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "--config", config, "--format", "json", "--fail-on", "never"])).stdout)[0] as typeof json;
    expect(raised.findings.filter((f) => f.ruleId === rule).every((f) => f.severity === "error")).toBe(true);
    expect((await runCliInProcess(["lint", EXAMPLE, "--config", config, "--fail-on", "error"])).code).toBe(1);
    const off = fixture("lint.json", JSON.stringify({ rules: { [rule]: "off" } }));
    const silenced = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "--config", off, "--format", "json", "--fail-on", "never"])).stdout)[0] as typeof json;
    expect(silenced.findings.some((f) => f.ruleId === rule)).toBe(false);
  });

  it("refuses an unknown rule in the config with a did-you-mean, exit 2, nothing on stdout", async () => {
    const config = fixture("lint.yaml", "rules:\n  long-wiat: error\n");
    const run = await runCliInProcess(["lint", EXAMPLE, "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("invalid_config");
    expect(run.stderr).toContain("long-wiat");
    expect(run.stderr).toContain("long-wait");
  });

  it("refuses an unknown preset, exit 2", async () => {
    const run = await runCliInProcess(["lint", EXAMPLE, "--preset", "lax"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error invalid_config: /);
  });

  it("reports an invalid catalog with exit 1: on stderr, and in the JSON array with its issues", async () => {
    const file = fixture("broken.yaml", INVALID);
    const stylish = await runCliInProcess(["lint", file]);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toBe("");
    expect(stylish.stderr).toContain(`${file}:18:18 unknown_reference`);
    const run = await runCliInProcess(["lint", file, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([{ file, valid: false, issues: [expect.objectContaining({ code: "unknown_reference", line: 18, column: 18 })] }]);
    expect(run.stderr).toBe(`${file}: invalid catalog (1 issue); run 'service-blueprint validate ${file}'\n`);
  });

  it("writes --output whole, leaving no temporary file, and prints nothing on stdout", async () => {
    const dir = tempDir();
    const output = join(dir, "findings.sarif");
    writeFileSync(output, "old content");
    const run = await runCliInProcess(["lint", EXAMPLE, "--format", "sarif", "--output", output, "--fail-on", "never"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(output, "utf8")).version).toBe("2.1.0");
    expect(readdirSync(dir)).toEqual(["findings.sarif"]);
  });

  it("fails to write into a missing directory with one line, exit 2, and leaves nothing behind", async () => {
    const dir = tempDir();
    const run = await runCliInProcess(["lint", EXAMPLE, "--output", join(dir, "missing", "out.txt"), "--fail-on", "never"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error write_failed: /);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("uses colour only when asked by FORCE_COLOR and never with NO_COLOR", async () => {
    const plain = await runCliInProcess(["lint", EXAMPLE, "--fail-on", "never"]);
    expect(plain.stdout).not.toContain(ESC);
    const forced = await runCliInProcess(["lint", EXAMPLE, "--fail-on", "never"], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain(ESC);
    const off = await runCliInProcess(["lint", EXAMPLE, "--fail-on", "never"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    expect(off.stdout).not.toContain(ESC);
    expect(off.stdout).toBe(plain.stdout);
    const json = await runCliInProcess(["lint", EXAMPLE, "--format", "json", "--fail-on", "never"], { env: { FORCE_COLOR: "1" } });
    expect(json.stdout).not.toContain(ESC);
  });
});

describe("compare", () => {
  const before = EXAMPLE;
  const after = "examples/approaching-retirement/to-be.yaml";

  it("shows the burden delta and the findings fixed and introduced", async () => {
    const run = await runCliInProcess(["compare", before, after]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Customer hours a year: [\d,]+ → [\d,]+ \(−[\d,]+ h, −\d+%\)/);
    expect(run.stdout).toMatch(/Fixed \(\d+\):/);
    expect(run.stdout).toMatch(/Introduced \(\d+\):/);
  });

  it("writes JSON whose totals agree with the text, and Markdown", async () => {
    const json = JSON.parse((await runCliInProcess(["compare", before, after, "--format", "json"])).stdout) as {
      burden: { total: { delta: { annualHours: number } } };
      fixed: unknown[];
      introduced: { severity: string }[];
    };
    expect(json.burden.total.delta.annualHours).toBeLessThan(0);
    const md = await runCliInProcess(["compare", before, after, "--format", "markdown"]);
    expect(md.stdout).toContain(`### Fixed (${json.fixed.length})`);
    const failOnWarn = await runCliInProcess(["compare", before, after, "--fail-on", "warn"]);
    expect(failOnWarn.code).toBe(json.introduced.some((f) => f.severity !== "info") ? 1 : 0);
  });

  it("compares a catalog with itself as no change", async () => {
    const json = JSON.parse((await runCliInProcess(["compare", before, before, "--format", "json"])).stdout) as {
      burden: { total: { delta: { annualHours: number } } };
      fixed: unknown[];
      introduced: unknown[];
    };
    expect(json.burden.total.delta.annualHours).toBe(0);
    expect(json.fixed).toEqual([]);
    expect(json.introduced).toEqual([]);
  });
});

describe("schema and init", () => {
  it("prints the JSON Schema", async () => {
    const run = await runCliInProcess(["schema"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(catalogJsonSchema())));
  });

  it("writes a valid starter catalog and never overwrites without --force", async () => {
    expect(() => parseCatalogText(STARTER_CATALOG)).not.toThrow();
    const dir = tempDir();
    const file = join(dir, "catalog.yaml");
    const first = await runCliInProcess(["init"], { cwd: dir });
    expect(first.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(STARTER_CATALOG);
    expect((await runCliInProcess(["validate", "catalog.yaml"], { cwd: dir })).code).toBe(0);
    writeFileSync(file, "mine");
    const again = await runCliInProcess(["init", "catalog.yaml"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("error file_exists: catalog.yaml already exists (pass --force to replace it)\n");
    expect(readFileSync(file, "utf8")).toBe("mine");
    const forced = await runCliInProcess(["init", "catalog.yaml", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(STARTER_CATALOG);
    expect(readdirSync(dir)).toEqual(["catalog.yaml"]);
  });

  it("lints the starter catalog without errors", async () => {
    const file = fixture("catalog.yaml", STARTER_CATALOG);
    const run = await runCliInProcess(["lint", file, "--format", "json", "--fail-on", "never"]);
    const [json] = JSON.parse(run.stdout) as { findings: { severity: string; ruleId: string }[] }[];
    expect(json!.findings.filter((f) => f.severity === "error")).toEqual([]);
    // It shows the linter something to find.
    expect(json!.findings.length).toBeGreaterThan(0);
  });
});

describe("diagram", () => {
  it("writes one .mmd per service, lists them on stdout, progress on stderr", async () => {
    const dir = tempDir();
    const run = await runCliInProcess(["diagram", EXAMPLE, "--view", "blueprint", "--sludge", "--out", dir]);
    expect(run.code).toBe(0);
    const paths = run.stdout.trim().split("\n");
    expect(paths.length).toBeGreaterThanOrEqual(3);
    for (const path of paths) {
      expect(path.endsWith(".mmd")).toBe(true);
      expect(readFileSync(path, "utf8")).toMatch(/flowchart/);
    }
    // --sludge: the legend's badge key in every blueprint, a badge on steps with findings.
    expect(readFileSync(paths[0]!, "utf8")).toContain("sludge findings");
    expect(paths.some((path) => readFileSync(path, "utf8").includes("⚠ "))).toBe(true);
    expect(run.stderr).toMatch(/wrote \d+ diagrams/);
  });

  it("draws one service or one experience when asked, and refuses an unknown id with a hint", async () => {
    const dir = tempDir();
    const one = await runCliInProcess(["diagram", EXAMPLE, "--view", "journey", "--service", "ssa-retirement-claim", "--out", dir]);
    expect(one.code).toBe(0);
    // One service: one file, or its parts (a journey holds at most 8 tasks per part, to be read at 100%).
    const written = one.stdout.trim().split("\n");
    expect(written.every((f) => /journey-ssa-retirement-claim(-part-\d+)?\.mmd$/.test(f))).toBe(true);
    for (const f of written) expect(readFileSync(f, "utf8")).toMatch(/journey/);
    const le = await runCliInProcess(["diagram", EXAMPLE, "--view", "life-experience", "--experience", "approaching-retirement", "--out", dir]);
    expect(le.code).toBe(0);
    // The overview by default: one node per service, with the time to outcome.
    expect(le.stdout.trim()).toBe(join(dir, "life-experience-approaching-retirement-overview.mmd"));
    expect(readFileSync(le.stdout.trim(), "utf8")).toContain("Time to outcome");
    const detailed = await runCliInProcess(["diagram", EXAMPLE, "--view", "life-experience", "--experience", "approaching-retirement", "--detailed", "--out", dir]);
    expect(detailed.code).toBe(0);
    expect(detailed.stdout.trim()).toBe(join(dir, "life-experience-approaching-retirement.mmd"));
    expect(readFileSync(detailed.stdout.trim(), "utf8")).toMatch(/subgraph g_s0 /);
    const misplaced = await runCliInProcess(["diagram", EXAMPLE, "--view", "blueprint", "--detailed", "--out", dir]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(/--detailed does not apply to --view blueprint/);
    const bad = await runCliInProcess(["diagram", EXAMPLE, "--view", "blueprint", "--service", "ssa-retirement-clam", "--out", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error unknown_id: .*did you mean 'ssa-retirement-claim'/);
    const wrong = await runCliInProcess(["diagram", EXAMPLE, "--view", "blueprint", "--experience", "approaching-retirement"]);
    expect(wrong.code).toBe(2);
  });

  it("--max-columns sets the columns of a blueprint part: fewer parts when higher, a usage error elsewhere", async () => {
    const parts = async (args: string[]): Promise<number> => {
      const run = await runCliInProcess(["diagram", EXAMPLE, "--view", "blueprint", "--service", "ssa-retirement-claim", "--out", tempDir(), ...args]);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout.trim().split("\n").length;
    };
    const narrow = await parts(["--max-columns", "1"]);
    const standard = await parts([]);
    const wide = await parts(["--max-columns", "50"]);
    expect(narrow).toBeGreaterThan(standard);
    expect(wide).toBeLessThan(standard);
    expect(wide).toBe(1);
    const bad = await runCliInProcess(["diagram", EXAMPLE, "--view", "blueprint", "--max-columns", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error usage: --max-columns must be a whole number from 1, got '0'/);
    const misplaced = await runCliInProcess(["diagram", EXAMPLE, "--view", "journey", "--max-columns", "4"]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toMatch(/--max-columns does not apply to --view journey/);
  });
});

describe("without a browser", () => {
  const env = { CHROMIUM_PATH: "/nonexistent/chromium" };

  it("diagram --svg stops with one line and the fix, after writing the Mermaid text", async () => {
    const dir = tempDir();
    const run = await runCliInProcess(["diagram", EXAMPLE, "--view", "life-experience", "--svg", "--out", dir], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\nerror render_failed: no browser at \/nonexistent\/chromium \(.*CHROMIUM_PATH.*\)\n$/);
    expect(readdirSync(dir)).toEqual(["life-experience-approaching-retirement-overview.mmd"]);
  });

  it("report falls back to the Mermaid source, with a note, exit 0", async () => {
    const out = join(tempDir(), "report.html");
    const run = await runCliInProcess(["report", EXAMPLE, "--out", out], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("note: diagrams not rendered");
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<pre class="mermaid-source">');
    expect(html).not.toContain("data:image/svg+xml");
  });
});

describe("import-a11", () => {
  const csv = "examples/federal-hisp-services/hisp-cx-data-2023-05-21.csv";

  it("writes a valid catalog and a report, and refuses to overwrite --out", async () => {
    const dir = tempDir();
    const out = join(dir, "federal.yaml");
    const run = await runCliInProcess(["import-a11", csv, "--out", out, "--report", join(dir, "report.md")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/read 481 rows: 481 imported, 0 skipped/);
    expect((await runCliInProcess(["validate", out])).code).toBe(0);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/^# A-11 import report/);
    const before = readFileSync(out, "utf8");
    const again = await runCliInProcess(["import-a11", csv, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error file_exists: /);
    expect(readFileSync(out, "utf8")).toBe(before);
  });

  it("merges into an existing catalog by a mapping file, leaving the rest as it was", async () => {
    const dir = tempDir();
    const mapping = join(dir, "ids.json");
    // SSA's retirement claim (CSV service 62) attached to the catalog's Medicare enrollment, which has no feedback yet.
    writeFileSync(mapping, JSON.stringify({ "62": "medicare-enrollment" }));
    const out = join(dir, "merged.yaml");
    const run = await runCliInProcess(["import-a11", csv, "--merge", EXAMPLE, "--mapping", mapping, "--out", out]);
    expect(run.code).toBe(0);
    const merged = parseCatalogText(readFileSync(out, "utf8"));
    const original = parseCatalogText(readFileSync(join(ROOT, EXAMPLE), "utf8"));
    expect(merged.services.map((s) => s.id)).toEqual(original.services.map((s) => s.id));
    expect(original.services[1]!.feedback).toEqual([]);
    expect(merged.services[1]!.feedback.length).toBeGreaterThan(0);
    expect(merged.services[1]!.steps).toEqual(original.services[1]!.steps);
    expect(merged.services[0]).toEqual(original.services[0]);
    expect(merged.lifeExperiences).toEqual(original.lifeExperiences);
  });

  it("reports a broken CSV or mapping with one line, exit 2", async () => {
    const bad = fixture("bad.csv", "id,type\n1,x\n");
    const run = await runCliInProcess(["import-a11", bad, "--out", join(tempDir(), "x.yaml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error import_failed: .*missing_column/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const mapping = fixture("ids.json", '{"62": "nope"}');
    const unknown = await runCliInProcess(["import-a11", csv, "--merge", EXAMPLE, "--mapping", mapping, "--out", join(tempDir(), "x.yaml")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("'nope'");
    const noMerge = await runCliInProcess(["import-a11", csv, "--mapping", mapping, "--out", join(tempDir(), "x.yaml")]);
    expect(noMerge.code).toBe(2);
  });
});

describe("errors", () => {
  it("never prints a stack trace without --debug", async () => {
    const run = await runCliInProcess(["validate", join(tempDir())]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const debug = await runCliInProcess(["validate", "no/such.yaml", "--debug"]);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^error file_not_found: .*\n.*ENOENT[\s\S]*\n\s+at /);
  });

  it("leaves no stray files when a write target exists as a directory", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "report.html"));
    const run = await runCliInProcess(["report", EXAMPLE, "--out", join(dir, "report.html"), "--no-svg"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error write_failed: /m);
    expect(readdirSync(dir)).toEqual(["report.html"]);
    expect(existsSync(join(dir, "report.html", "index.html"))).toBe(false);
  });
});
