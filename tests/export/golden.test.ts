/**
 * Golden files: the exact text of every view of the test catalog. A change to the exporter shows up as a diff
 * here, to be reviewed (and the picture looked at, see render.test.ts) before the files are rewritten with
 * `UPDATE_GOLDEN=1 npx vitest run tests/export/golden.test.ts`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMermaid } from "../helpers/mermaid-parse.js";
import { GOLDEN_CASES, goldenFiles } from "./golden-cases.js";

const dir = join(import.meta.dirname, "golden");
const update = process.env.UPDATE_GOLDEN === "1";

describe("golden files", () => {
  const expected = new Set<string>();
  for (const c of GOLDEN_CASES) {
    for (const { file, text } of goldenFiles(c)) {
      expected.add(file);
      it(`${file} matches and parses`, async () => {
        const path = join(dir, file);
        if (update) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(path, text);
        }
        expect(existsSync(path), `missing golden file ${file} (run with UPDATE_GOLDEN=1)`).toBe(true);
        expect(text).toBe(readFileSync(path, "utf8"));
        expect(["flowchart-v2", "swimlane", "journey"]).toContain(await parseMermaid(text));
      });
    }
  }

  it("has no stale golden files", () => {
    const present = readdirSync(dir).filter((f) => f.endsWith(".mmd"));
    expect(present.filter((f) => !expected.has(f))).toEqual([]);
  });
});
