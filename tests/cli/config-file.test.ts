/**
 * The config file: discovered from the working directory up to the project root, with plugins (ES modules of
 * rules made with defineRule) by path or package name; `init` writes configs, starters and bundled examples.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCatalogText } from "../../src/index.js";
import { STARTER_CATALOG } from "../../src/cli/starter.js";
import { RuleTester } from "../../src/testing/index.js";
import { postalPlugin } from "./postal-plugin.js";
import { ROOT, runCliInProcess, tempDir } from "./run.js";

/** The plugin, made with the library's sources, as the command line runs in this process. */
const PLUGIN = postalPlugin(pathToFileURL(join(ROOT, "src/index.ts")).href);

/** A project: package.json, the starter catalog in a sub-folder, the plugin in rules/. */
function project(config: string, configName = "service-blueprint.config.yaml"): string {
  const dir = tempDir();
  writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true }\n');
  mkdirSync(join(dir, "services"));
  mkdirSync(join(dir, "rules"));
  writeFileSync(join(dir, "services", "catalog.yaml"), STARTER_CATALOG);
  writeFileSync(join(dir, "rules", "postal-step.mjs"), PLUGIN);
  writeFileSync(join(dir, configName), config);
  return dir;
}

type JsonReport = { file: string; findings?: { ruleId: string; severity: string; message: string }[] }[];

function findingsOf(stdout: string, ruleId: string) {
  const [report] = JSON.parse(stdout) as JsonReport;
  return (report?.findings ?? []).filter((f) => f.ruleId === ruleId);
}

describe("a custom rule tested with the RuleTester runs in the CLI through a discovered config", () => {
  const catalog = parseCatalogText(STARTER_CATALOG);

  it("passes its RuleTester cases", async () => {
    const dir = project("plugins: [./rules/postal-step.mjs]\n");
    const { default: rule } = (await import(pathToFileURL(join(dir, "rules", "postal-step.mjs")).href)) as { default: never };
    new RuleTester({ today: "2026-01-01" }).run(rule, {
      valid: [{ name: "no postal kind asked for", catalog, options: { kinds: ["fax"] } }],
      invalid: [{ name: "the decision letter", catalog, findings: [{ target: { service: "apply-for-benefit", step: "decision" }, message: /goes by post/ }] }],
    });
  });

  it("is found from a sub-folder, with the plugin path relative to the config", async () => {
    const dir = project("plugins: [./rules/postal-step.mjs]\nrules:\n  postal-step: error\n");
    const run = await runCliInProcess(["lint", "catalog.yaml", "--format", "json"], { cwd: join(dir, "services") });
    expect(run.stderr).toBe("");
    expect(findingsOf(run.stdout, "postal-step")).toEqual([expect.objectContaining({ severity: "error", message: "'decision' goes by post" })]);
    expect(run.code).toBe(1);
  });

  it("stops at the project root, and --no-config turns discovery off", async () => {
    const outer = project("plugins: [./rules/postal-step.mjs]\n");
    const inner = join(outer, "inner");
    mkdirSync(inner);
    writeFileSync(join(inner, "package.json"), "{}\n");
    writeFileSync(join(inner, "catalog.yaml"), STARTER_CATALOG);
    const below = await runCliInProcess(["lint", "catalog.yaml", "--format", "json"], { cwd: inner });
    expect(findingsOf(below.stdout, "postal-step")).toEqual([]);
    const off = await runCliInProcess(["lint", "services/catalog.yaml", "--format", "json", "--no-config"], { cwd: outer });
    expect(findingsOf(off.stdout, "postal-step")).toEqual([]);
    const named = await runCliInProcess(["lint", "catalog.yaml", "--format", "json", "--config", "../service-blueprint.config.yaml"], { cwd: inner });
    expect(findingsOf(named.stdout, "postal-step")).toHaveLength(1);
  });

  it("names a bad plugin, a bad option and a rule that is not there", async () => {
    const missing = await runCliInProcess(["lint", "services/catalog.yaml"], { cwd: project("plugins: [./rules/nope.mjs]\n") });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error invalid_config: service-blueprint.config.yaml: plugins\[0\] '.\/rules\/nope.mjs': no such file/);
    const empty = project("plugins: [./rules/empty.mjs]\n");
    writeFileSync(join(empty, "rules", "empty.mjs"), "export const answer = 42;\n");
    const none = await runCliInProcess(["lint", "services/catalog.yaml"], { cwd: empty });
    expect(none.stderr).toMatch(/plugins\[0\] '.\/rules\/empty.mjs': exports no rule made with defineRule/);
    const option = await runCliInProcess(["lint", "services/catalog.yaml"], { cwd: project("plugins: [./rules/postal-step.mjs]\nrules:\n  postal-step: [error, { kind: [fax] }]\n") });
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(`error invalid_config: service-blueprint.config.yaml: rules["postal-step"][1]: unknown option 'kind' (did you mean 'kinds'?)\n`);
    const unknown = await runCliInProcess(["lint", "services/catalog.yaml"], { cwd: project("rules:\n  postal-step: error\n") });
    expect(unknown.stderr).toMatch(/unknown rule 'postal-step'/);
  });
});

describe("init", () => {
  it("creates missing folders and writes a config that the commands then find", async () => {
    const dir = tempDir();
    const run = await runCliInProcess(["init", "services/catalog.yaml", "--config"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("wrote services/catalog.yaml; next: service-blueprint validate services/catalog.yaml\nwrote service-blueprint.config.yaml\n");
    expect(readFileSync(join(dir, "services/catalog.yaml"), "utf8")).toBe(STARTER_CATALOG);
    writeFileSync(join(dir, "service-blueprint.config.yaml"), readFileSync(join(dir, "service-blueprint.config.yaml"), "utf8").replace("preset: recommended", "preset: nope"));
    const lint = await runCliInProcess(["lint", "services/catalog.yaml"], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(/^error invalid_config: service-blueprint.config.yaml: preset: unknown preset "nope"/);
  });

  it("writes a bundled example that validates, with a schema path that works from its folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "node_modules/service-blueprint/schema"), { recursive: true });
    writeFileSync(join(dir, "node_modules/service-blueprint/schema/catalog.schema.json"), "{}");
    const list = await runCliInProcess(["init", "--example", "list"], { cwd: dir });
    expect(list.stdout.split("\n")).toContain("having-a-child");
    const run = await runCliInProcess(["init", "--example", "having-a-child"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, "having-a-child")).sort()).toEqual(["README.md", "as-is.yaml", "to-be.yaml"]);
    expect(readFileSync(join(dir, "having-a-child/as-is.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=../node_modules/service-blueprint/schema/catalog.schema.json");
    expect((await runCliInProcess(["validate", "having-a-child/as-is.yaml", "having-a-child/to-be.yaml"], { cwd: dir })).code).toBe(0);
    const again = await runCliInProcess(["init", "--example", "having-a-child"], { cwd: dir });
    expect(again.code).toBe(2);
    const unknown = await runCliInProcess(["init", "--example", "having-a-chld"], { cwd: dir });
    expect(unknown.stderr).toMatch(/^error unknown_id: no bundled example 'having-a-chld'/);
  });
});
