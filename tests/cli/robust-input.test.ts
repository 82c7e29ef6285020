/**
 * Issue 21 through the command line: hostile and unusual files get a typed issue at file:line:column and exit 1,
 * never an abort or a stack trace; a byte-order mark is accepted.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCatalog, serializeCatalog } from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";
import { runCliInProcess, tempDir } from "./run.js";

const JSON_TEXT = JSON.stringify(smallCatalog(), null, 2);
const YAML_TEXT = serializeCatalog(parseCatalog(smallCatalog()));

function latin1(): Buffer {
  const bytes = Buffer.from(JSON_TEXT.replace("Apply online", "Apply onl\u00e9ine"), "utf8");
  bytes[bytes.indexOf(0xc3)] = 0xe9;
  return bytes;
}

const CASES: readonly (readonly [name: string, file: string, content: string | Buffer, expected: RegExp | undefined])[] = [
  ["JSON nested 10,000 deep", "deep.json", `{"a":`.repeat(10_000) + "1" + "}".repeat(10_000), /deep\.json:1:321 document_too_deep the document nests deeper than 64 levels/],
  ["YAML nested 10,000 deep", "deep.yaml", `version: 1\nname: x\nservices: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`, /deep\.yaml:3:139 document_too_deep /],
  ["a byte that is not UTF-8", "latin1.json", latin1(), /latin1\.json:\d+:\d+ invalid_encoding byte 0xE9 at byte offset \d+ is not valid UTF-8/],
  ["a duplicate key in JSON", "dup.json", JSON_TEXT.replace('"name": "Small test catalog",', '"name": "Small test catalog",\n  "name": "Again",'), /dup\.json:4:3 duplicate_key /],
  ["a NUL byte", "nul.yaml", YAML_TEXT.replace("Small test", "Small\u0000test"), /nul\.yaml:2:12 control_character /],
  ["a custom YAML tag", "tag.yaml", YAML_TEXT.replace("name: Small", "name: !custom Small"), /tag\.yaml:2:7 unknown_tag /],
  ["JSON with a byte-order mark", "bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON_TEXT)]), undefined],
  ["YAML with a byte-order mark", "bom.yaml", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(YAML_TEXT)]), undefined],
];

describe("validate, lint and compare on hostile files (issue 21)", () => {
  it.each(CASES)("%s", async (_name, name, content, expected) => {
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, content);
    const validate = await runCliInProcess(["validate", file]);
    expect(validate.stderr).toBe("");
    if (expected === undefined) {
      expect(validate.code).toBe(0);
      expect(validate.stdout).toMatch(/^valid /);
      return;
    }
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(expected);
    expect(validate.stdout).not.toMatch(/\n\s+at /);
    const again = await runCliInProcess(["validate", file]);
    expect(again).toEqual(validate);
    for (const args of [["lint", file], ["compare", file, file]]) {
      const run = await runCliInProcess(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr).not.toMatch(/\n\s+at |internal/);
    }
  });
});

/** A catalog of one service whose steps form a chain of `steps`, as JSON text. */
function chain(steps: number): string {
  const doc: any = smallCatalog();
  doc.services = [
    {
      ...doc.services[0],
      steps: Array.from({ length: steps }, (_, i) => ({
        id: `s${i}`,
        name: `Step ${i}`,
        lane: i % 2 === 0 ? "customer" : "backstage",
        ...(i < steps - 1 ? { next: [{ to: `s${i + 1}` }] } : { outcome: "completed" }),
      })),
    },
  ];
  doc.lifeExperiences = [];
  doc.waivers = [];
  return JSON.stringify(doc);
}

describe("diagram on a service that splits into many parts", () => {
  it("says so and asks for a limit instead of writing the files; writes them under a limit that allows it", async () => {
    const dir = tempDir();
    const file = join(dir, "chain.json");
    writeFileSync(file, chain(3_000));
    const out = join(dir, "diagrams");
    const refused = await runCliInProcess(["diagram", file, "--view", "blueprint", "--out", out, "--max-files", "3"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    // Counts in the message carry thousands separators ("1,000 files"); the hint's --max-files value does not.
    expect(refused.stderr.replace(/(\d),(?=\d{3}\b)/g, "$1")).toMatch(
      /^note: the blueprint of 'ssa-retire' was split into (\d+) parts[^\n]*\nerror too_many_files: the blueprint view would write \1 files, over --max-files 3; blueprint-ssa-retire alone splits into \1 parts \(draw fewer \(--service or --experience\), or raise the limit: --max-files \1\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
    const count = Number(/--max-files (\d+)\)\n$/.exec(refused.stderr)![1]);
    const written = await runCliInProcess(["diagram", file, "--view", "blueprint", "--out", out, "--max-files", String(count)]);
    expect(written.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(count);
    const bad = await runCliInProcess(["diagram", file, "--view", "blueprint", "--max-files", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-files must be a whole number from 1/);
  });
});
