import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RuleDefinitionError, builtinRules, defineRule, validateRuleOptions } from "../../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ruleFiles = readdirSync(join(root, "src/sludge/rules"))
  .filter((name) => name.endsWith(".ts") && name !== "index.ts")
  .map((name) => name.replace(/\.ts$/, ""))
  .sort();

describe("the rule catalogue", () => {
  it("lists every rule file in builtinRules, sorted by id, the file name being the id", () => {
    expect(builtinRules.map((rule) => rule.meta.id)).toEqual(ruleFiles);
  });

  it.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))("%s has a doc page, a test file, sources and option defaults", (id, rule) => {
    expect(existsSync(join(root, "docs/rules", `${id}.md`)), `docs/rules/${id}.md`).toBe(true);
    expect(existsSync(join(root, "tests/sludge/rules", `${id}.test.ts`)), `tests/sludge/rules/${id}.test.ts`).toBe(true);
    const page = readFileSync(join(root, "docs/rules", `${id}.md`), "utf8");
    expect(page.startsWith(`# ${id}: `)).toBe(true);
    expect(page).toMatch(/## Sludgy example/);
    expect(page).toMatch(/## Fixed example/);
    expect(rule.meta.categories).toContain(rule.meta.category);
    expect(rule.meta.sources.length).toBeGreaterThan(0);
    expect(validateRuleOptions(rule.meta.options, {}).success).toBe(true);
    expect(Object.isFrozen(rule)).toBe(true);
  });

  it("says in the README how many rules there are", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toContain(`**A sludge linter**: ${builtinRules.length} rules,`);
  });

  it("indexes every rule in docs/rules/index.md", () => {
    const index = readFileSync(join(root, "docs/rules/index.md"), "utf8");
    for (const rule of builtinRules) expect(index).toContain(`[${rule.meta.id}](${rule.meta.id}.md)`);
  });
});

describe("defineRule", () => {
  const meta = builtinRules[0]!.meta;
  it("rejects malformed metadata with a typed error", () => {
    expect(() => defineRule({ meta: { ...meta, id: "Not Kebab" }, check() {} })).toThrow(RuleDefinitionError);
    expect(() => defineRule({ meta: { ...meta, id: "x", categories: ["inclusion"], category: "learning" }, check() {} })).toThrow(/must list meta.category/);
    expect(() => defineRule({ meta: { ...meta, id: "x", defaultSeverity: "fatal" as never }, check() {} })).toThrow(/unknown default severity/);
  });
});
