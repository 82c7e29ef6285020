/**
 * Issue 21 through the command line: hostile and unusual files get a typed issue at file:line:column and exit 1,
 * never an abort or a stack trace; a byte-order mark is accepted.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCatalog, serializeCatalog } from "../../src/index.js";
import { smallCatalog } from "../fixtures/small-catalog.js";
import { runCli, tempDir } from "./run.js";

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
    const validate = await runCli(["validate", file]);
    expect(validate.stderr).toBe("");
    if (expected === undefined) {
      expect(validate.code).toBe(0);
      expect(validate.stdout).toMatch(/^valid /);
      return;
    }
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(expected);
    expect(validate.stdout).not.toMatch(/\n\s+at /);
    const again = await runCli(["validate", file]);
    expect(again).toEqual(validate);
    for (const args of [["lint", file], ["compare", file, file]]) {
      const run = await runCli(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr).not.toMatch(/\n\s+at |internal/);
    }
  });
});
