/**
 * Keeps the README true: its quick start names scripts that exist, every CLI command it shows is a command of the
 * built binary, and its TypeScript example runs as written against the built package on a bundled example.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: Record<string, string> };
const cli = join(root, "dist", "cli.js");
const work = mkdtempSync(join(tmpdir(), "sb-readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function blocks(lang: string): string[] {
  return [...readme.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
}

describe("README", () => {
  it("quick start: npm ci, then scripts that exist", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## The command line"));
    const commands = quick.match(/^npm [^\n]+$/gm) ?? [];
    expect(commands).toEqual(["npm ci", "npm run demo"]);
    expect(pkg.scripts["demo"]).toBeDefined();
    expect(quick).toContain("`npm test`");
    expect(pkg.bin["service-blueprint"]).toBe("./dist/cli.js");
  });

  it("shows only commands the binary has", () => {
    const shown = blocks("sh")
      .flatMap((b) => b.split("\n"))
      .filter((line) => line.startsWith("npx service-blueprint "))
      .map((line) => line.split(/\s+/)[2]!);
    expect(shown.length).toBeGreaterThan(5);
    for (const command of new Set(shown)) {
      const run = spawnSync(process.execPath, [cli, command, "--help"], { encoding: "utf8" });
      expect(run.status, `${command} --help: ${run.stderr}`).toBe(0);
    }
  });

  it("runs its TypeScript example as written on a bundled example", () => {
    const [example] = blocks("ts");
    const code = example!.replace(/from "service-blueprint"/g, `from ${JSON.stringify(pathToFileURL(join(root, "dist", "index.js")).href)}`);
    const js = transformSync(code, { loader: "ts", format: "esm" }).code;
    writeFileSync(join(work, "example.mjs"), js);
    copyFileSync(join(root, "examples", "approaching-retirement", "as-is.yaml"), join(work, "catalog.yaml"));
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\d+ customer hours a year/);
    expect(run.stdout).toContain("flowchart");
  });

  it("reports an invalid catalog the way its example says", () => {
    const [example] = blocks("ts");
    const code = example!.replace(/from "service-blueprint"/g, `from ${JSON.stringify(pathToFileURL(join(root, "dist", "index.js")).href)}`);
    writeFileSync(join(work, "example.mjs"), transformSync(code, { loader: "ts", format: "esm" }).code);
    const text = readFileSync(join(root, "examples", "approaching-retirement", "as-is.yaml"), "utf8");
    const channel = /channel: ([a-z0-9-]+)/.exec(text)![1]!;
    writeFileSync(join(work, "catalog.yaml"), text.replace(`channel: ${channel}`, `channel: ${channel}x`));
    const run = spawnSync(process.execPath, ["example.mjs"], { cwd: work, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`'${channel}x'`);
    expect(run.stderr).toContain(`did you mean '${channel}'?`);
  });
});
