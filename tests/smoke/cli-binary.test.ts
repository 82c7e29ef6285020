/**
 * The built binary (`dist/cli.js`) as a user runs it, in a subprocess: what the in-process tests of tests/cli
 * cannot show. Its own `--version` (answered before the program loads), the exit status of the process, real
 * standard input and output (a reader that stops early), colour from the process's environment, no stack trace
 * on a failure, and a plugin loaded by Node's own module loader.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { STARTER_CATALOG } from "../../src/cli/starter.js";
import { postalPlugin } from "../cli/postal-plugin.js";
import { CLI, ROOT, runCli, tempDir } from "../cli/run.js";

const EXAMPLE = "examples/approaching-retirement/as-is.yaml";
const ESC = "\u001b[";

describe("the binary", () => {
  it("prints its version (before loading the program) and its help", async () => {
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
    for (const flag of ["--version", "-V"]) expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["validate", "lint", "diagram", "compare", "report", "schema", "init", "import-a11"]) expect(help.stdout).toContain(command);
    expect(help.stderr).toBe("");
  });

  it("exits 0, 1 or 2 as the process's status", async () => {
    expect((await runCli(["validate", EXAMPLE])).code).toBe(0);
    expect((await runCli(["lint", EXAMPLE, "--fail-on", "warn"])).code).toBe(1);
    const usage = await runCli(["lint", EXAMPLE, "--nope"]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr).toBe("error usage: unknown option '--nope'\n");
  });

  it("fails with one line and no stack trace, the stack only with --debug", async () => {
    const run = await runCli(["validate", "no/such.yaml"]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: "error file_not_found: catalog no/such.yaml not found (check the path)\n" });
    const debug = await runCli(["validate", "no/such.yaml", "--debug"]);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^error file_not_found: .*\n.*ENOENT[\s\S]*\n\s+at /);
  });

  it("reads a catalog from standard input with -", async () => {
    const run = await runCli(["lint", "-", "-f", "json", "--fail-on", "never"], { stdin: readFileSync(join(ROOT, EXAMPLE)), cwd: tempDir() });
    expect(run.code, run.stderr).toBe(0);
    const [entry] = JSON.parse(run.stdout) as { file: string; valid: boolean; findings: unknown[] }[];
    expect(entry).toMatchObject({ file: "-", valid: true });
    expect(entry!.findings.length).toBeGreaterThan(0);
  });

  it("takes colour from its environment: FORCE_COLOR asks for it, NO_COLOR wins", async () => {
    const args = ["lint", EXAMPLE, "--fail-on", "never"];
    const plain = await runCli(args);
    expect(plain.stdout).not.toContain(ESC);
    expect((await runCli(args, { env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
    expect((await runCli(args, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stdout).toBe(plain.stdout);
  });

  it("stops quietly, exit 0, when its reader closes early (`lint ... | head`)", () => {
    // A shell pipe, as a user writes it (Node's own "pipe" to a child is a socket whose buffer would take the whole
    // output). The imported federal catalog's JSON findings, about 200 kB, are far more than a pipe holds.
    const command = `"${process.execPath}" "${CLI}" lint examples/federal-hisp-services/catalog.yaml -f json --fail-on never | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const run = spawnSync("bash", ["-c", command], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("0\n");
  });

  it("reads an ES module config and a plugin package by name, with Node's own module loader", async () => {
    // Under vitest, a package in node_modules is loaded by Node too, and could not import the library's sources:
    // this case runs here, with the built package.
    const dir = tempDir();
    writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true }\n');
    writeFileSync(join(dir, "service-blueprint.config.mjs"), `export default { plugins: ["sb-plugin-postal"], rules: { "postal-step": ["info", { kinds: ["postal-mail"] }] } };\n`);
    mkdirSync(join(dir, "services"));
    writeFileSync(join(dir, "services", "catalog.yaml"), STARTER_CATALOG);
    const pkg = join(dir, "node_modules", "sb-plugin-postal");
    mkdirSync(join(pkg, "lib"), { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "sb-plugin-postal", type: "module", exports: { ".": { import: "./lib/index.js" } } }));
    const plugin = postalPlugin(pathToFileURL(join(ROOT, "dist/index.js")).href);
    writeFileSync(join(pkg, "lib", "index.js"), plugin.replace("export default defineRule(", "export const postalStep = defineRule("));
    const run = await runCli(["lint", "services/catalog.yaml", "--format", "json"], { cwd: dir });
    expect(run.stderr).toBe("");
    const [report] = JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; message: string }[] }[];
    expect(report!.findings.filter((f) => f.ruleId === "postal-step").map((f) => [f.severity, f.message])).toEqual([["info", "'decision' goes by post"]]);
    expect(run.code).toBe(0);
  });
});
