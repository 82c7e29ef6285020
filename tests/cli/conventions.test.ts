/**
 * Command-line conventions: standard input, folders and globs expanded by the tool, --quiet, --max-warnings,
 * -o / -f, --output always written, colour as Node's hasColors() decides.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliIo, colorWanted } from "../../src/cli/io.js";
import { ROOT, runCliInProcess, tempDir } from "./run.js";

const EXAMPLE = "examples/having-a-child/as-is.yaml";

/** A folder with two catalogs in sub-folders, a config-like JSON and a package.json that are not catalogs. */
function tree(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "services/a"), { recursive: true });
  mkdirSync(join(dir, "services/b"), { recursive: true });
  copyFileSync(join(ROOT, EXAMPLE), join(dir, "services/a/as-is.yaml"));
  copyFileSync(join(ROOT, "examples/having-a-child/to-be.yaml"), join(dir, "services/b/to-be.yml"));
  writeFileSync(join(dir, "services/package.json"), "{}");
  writeFileSync(join(dir, "services/notes.txt"), "not a catalog");
  return dir;
}

type Entry = { file: string; valid: boolean; findings?: { severity: string }[] };

describe("inputs", () => {
  it("reads a catalog from standard input with -", async () => {
    const run = await runCliInProcess(["lint", "-", "-f", "json", "--fail-on", "never"], { stdin: readFileSync(join(ROOT, EXAMPLE)), cwd: tempDir() });
    expect(run.code).toBe(0);
    const [entry] = JSON.parse(run.stdout) as Entry[];
    expect(entry).toMatchObject({ file: "-", valid: true });
    expect(entry!.findings!.length).toBeGreaterThan(0);
  });

  it("expands a folder to its catalog files, sorted, skipping other files", async () => {
    const run = await runCliInProcess(["validate", "services", "-f", "json"], { cwd: tree() });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Entry[]).map((e) => e.file)).toEqual(["services/a/as-is.yaml", "services/b/to-be.yml"]);
  });

  it("expands globs itself (quoted, as in npm scripts), and says when nothing matches", async () => {
    const dir = tree();
    const all = await runCliInProcess(["lint", "services/**/*.{yaml,yml}", "-f", "json", "--fail-on", "never"], { cwd: dir });
    expect((JSON.parse(all.stdout) as Entry[]).map((e) => e.file)).toEqual(["services/a/as-is.yaml", "services/b/to-be.yml"]);
    const one = await runCliInProcess(["validate", "services/*/as-is.yaml", "-f", "json"], { cwd: dir });
    expect((JSON.parse(one.stdout) as Entry[]).map((e) => e.file)).toEqual(["services/a/as-is.yaml"]);
    const none = await runCliInProcess(["lint", "services/*.yaml"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error file_not_found: no files match services\/\*\.yaml /);
  });
});

describe("lint flags", () => {
  it("--quiet reports errors only; --max-warnings fails on more warnings than allowed", async () => {
    const full = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "-f", "json", "--fail-on", "never"])).stdout) as Entry[];
    const warnings = full[0]!.findings!.filter((f) => f.severity === "warning").length;
    expect(warnings).toBeGreaterThan(0);
    const quiet = JSON.parse((await runCliInProcess(["lint", EXAMPLE, "-f", "json", "--fail-on", "never", "-q"])).stdout) as Entry[];
    expect(quiet[0]!.findings!.every((f) => f.severity === "error")).toBe(true);
    const over = await runCliInProcess(["lint", EXAMPLE, "--fail-on", "never", "-q", "--max-warnings", String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`more than --max-warnings ${warnings - 1}`);
    expect((await runCliInProcess(["lint", EXAMPLE, "--fail-on", "never", "--max-warnings", String(warnings)])).code).toBe(0);
    const bad = await runCliInProcess(["lint", EXAMPLE, "--max-warnings", "many"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error usage: option '--max-warnings <n>' argument 'many' is invalid/);
  });

  it("always writes --output, with an invalid catalog in it, and exits 1", async () => {
    const dir = tree();
    writeFileSync(join(dir, "broken.yaml"), "version: 1\nname: [\n");
    for (const format of ["json", "sarif"]) {
      const out = `out.${format}`;
      const run = await runCliInProcess(["lint", "services/a/as-is.yaml", "broken.yaml", "-f", format, "-o", out, "--fail-on", "never"], { cwd: dir });
      expect(run.code, format).toBe(1);
      expect(run.stdout).toBe("");
      const text = readFileSync(join(dir, out), "utf8");
      expect(text).toContain("broken.yaml");
    }
    const only = await runCliInProcess(["lint", "broken.yaml", "-f", "sarif", "-o", "only.sarif"], { cwd: dir });
    expect(only.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "only.sarif"), "utf8")).runs[0].results[0].ruleId).toBe("invalid-catalog");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("validate writes -o whole in the format asked", async () => {
    const dir = tree();
    const run = await runCliInProcess(["validate", "services", "-f", "json", "-o", "valid.json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, "valid.json"), "utf8")) as Entry[]).every((e) => e.valid)).toBe(true);
  });
});

describe("colour", () => {
  const io = (env: Record<string, string>, tty: boolean): CliIo => ({ out() {}, err() {}, outIsTty: tty, errIsTty: tty, env, cwd: "/" });
  it("follows Node's hasColors() on a terminal, FORCE_COLOR off one, and NO_COLOR always", () => {
    expect(colorWanted(io({ TERM: "xterm-256color" }, true), "out")).toBe(true);
    expect(colorWanted(io({ TERM: "dumb" }, true), "out")).toBe(false);
    expect(colorWanted(io({ TERM: "xterm-256color", FORCE_COLOR: "0" }, true), "out")).toBe(false);
    expect(colorWanted(io({ TERM: "xterm-256color", NO_COLOR: "1" }, true), "out")).toBe(false);
    expect(colorWanted(io({ TERM: "xterm-256color" }, false), "out")).toBe(false);
    expect(colorWanted(io({ FORCE_COLOR: "1" }, false), "err")).toBe(true);
    expect(colorWanted(io({ FORCE_COLOR: "1", NO_COLOR: "1" }, false), "err")).toBe(false);
  });
});
