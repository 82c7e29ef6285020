/**
 * Every rule page in docs/rules has a sludgy example and a fixed one: the sludgy catalog, linted with the rule alone,
 * gives the finding the page quotes (`Finding: \`...\``, or several after `Findings:`), and the catalog with the
 * fixed fragment applied gives none. A page that drifts from the rule's messages fails here.
 *
 * A fixed fragment is applied the way a reader would: a whole catalog (starting with `version:`) replaces the sludgy
 * one; top-level sections (`tools:`, `lifeExperiences:`) replace the sections of the same name or are added; an
 * indented block replaces the block that starts with the same line (a list item `- id: x` also matches the flow
 * form `- { id: x, ... }`), up to the next line indented no deeper.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRules, lintCatalog, parseCatalogText } from "../../src/index.js";

const DIR = join(import.meta.dirname, "..", "..", "docs", "rules");

function section(page: string, title: string): string {
  const at = page.indexOf(`## ${title}\n`);
  if (at < 0) return "";
  const end = page.indexOf("\n## ", at + 1);
  return page.slice(at, end < 0 ? undefined : end);
}

function yamlBlocks(text: string): string[] {
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** The messages a sludgy example quotes: the backticked phrases after `Finding...:` / `Findings...:`. */
function documentedFindings(text: string): string[] {
  const at = /\nFindings?[^:\n]*:/.exec(text);
  if (at === null) return [];
  const rest = text.slice(at.index + at[0].length);
  const end = rest.search(/`\.\s*(\n|$)|`\. /);
  const quoted = end < 0 ? rest : rest.slice(0, end + 1);
  return [...quoted.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s+/g, " ").trim());
}

function sameStart(line: string, first: string): boolean {
  if (line === first) return true;
  const id = /^(\s*)- id: (\S+)$/.exec(first);
  return id !== null && (line.startsWith(`${id[1]}- { id: ${id[2]},`) || line === `${id[1]}- { id: ${id[2]} }`);
}

function applyFix(sludgy: string, fragment: string): string {
  if (/^version:/m.test(fragment)) return fragment;
  const lines = sludgy.replace(/\n$/, "").split("\n");
  const frag = fragment.replace(/\n$/, "").split("\n");
  if (indentOf(frag[0]!) === 0) {
    // Top-level sections, each replacing its namesake or added at the end.
    const starts = frag.flatMap((line, i) => (line.length > 0 && indentOf(line) === 0 ? [i] : []));
    let out = lines;
    starts.forEach((start, k) => {
      const part = frag.slice(start, starts[k + 1] ?? frag.length);
      const at = out.findIndex((line) => line === part[0]);
      if (at < 0) out = [...out, ...part];
      else {
        let end = at + 1;
        while (end < out.length && (out[end]!.length === 0 || indentOf(out[end]!) > 0)) end++;
        out = [...out.slice(0, at), ...part, ...out.slice(end)];
      }
    });
    return `${out.join("\n")}\n`;
  }
  const first = frag[0]!;
  const at = lines.findIndex((line) => sameStart(line, first));
  if (at < 0) throw new Error(`the fixed fragment's first line is not in the sludgy example: ${first}`);
  const indent = indentOf(first);
  let end = at + 1;
  while (end < lines.length && (lines[end]!.trim().length === 0 || indentOf(lines[end]!) > indent)) end++;
  return `${[...lines.slice(0, at), ...frag, ...lines.slice(end)].join("\n")}\n`;
}

const pages = readdirSync(DIR)
  .filter((file) => file.endsWith(".md") && file !== "index.md")
  .map((file) => ({ id: file.slice(0, -3), page: readFileSync(join(DIR, file), "utf8") }))
  .filter(({ id }) => builtinRules.some((rule) => rule.meta.id === id));

describe("the rule pages' examples", () => {
  it("cover every built-in rule", () => {
    expect(pages.map((p) => p.id).sort()).toEqual(builtinRules.map((rule) => rule.meta.id).sort());
  });

  it.each(pages)("$id: the sludgy example gives the quoted finding, the fixed one none", ({ id, page }) => {
    const sludgySection = section(page, "Sludgy example");
    const [sludgy] = yamlBlocks(sludgySection);
    expect(sludgy, "a yaml block under 'Sludgy example'").toBeDefined();
    const today = /Linted on (\d{4}-\d{2}-\d{2})/.exec(sludgySection)?.[1] ?? "2026-12-01";
    const config = { preset: [], rules: { [id]: "warning" as const }, today };
    const messages = lintCatalog(parseCatalogText(sludgy!, { format: "yaml", source: `docs/rules/${id}.md` }), config).findings.map((f) =>
      f.message.replace(/\s+/g, " "),
    );
    const documented = documentedFindings(sludgySection);
    expect(documented.length, "a `Finding: ...` line under the sludgy example").toBeGreaterThan(0);
    for (const message of documented) expect(messages, `${id}: the documented finding`).toContain(message);
    const fixes = yamlBlocks(section(page, "Fixed example"));
    expect(fixes.length, "a yaml block under 'Fixed example'").toBeGreaterThan(0);
    const fixed = fixes.reduce(applyFix, sludgy!);
    expect(lintCatalog(parseCatalogText(fixed, { format: "yaml", source: `docs/rules/${id}.md (fixed)` }), config).findings.map((f) => f.message)).toEqual([]);
  });
});
