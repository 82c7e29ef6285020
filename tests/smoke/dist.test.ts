import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const esm = new URL("dist/index.js", root);
const cjs = new URL("dist/index.cjs", root);

const doc = { version: 1, name: "Smoke", agencies: [{ id: "ssa", name: "Social Security Administration" }] };

describe("the built package", () => {
  it("exists (npm test builds it first; run `npm run build` when calling vitest directly)", () => {
    expect(existsSync(esm), "dist/index.js is missing").toBe(true);
    expect(existsSync(cjs), "dist/index.cjs is missing").toBe(true);
  });

  it("imports as ESM", async () => {
    const lib = await import(esm.href);
    expect(lib.parseCatalog(doc).agencies[0].level).toBe("federal");
    expect(lib.safeParseCatalog({}).success).toBe(false);
  });

  it("requires as CommonJS", () => {
    const lib = createRequire(import.meta.url)(cjs.pathname);
    expect(lib.parseCatalog(doc).agencies[0].hisp).toBe(false);
    expect(() => lib.parseCatalog({ version: 1 })).toThrow(lib.CatalogValidationError);
  });

  it("does not load mermaid, a browser or fast-check from the core", async () => {
    const { readFileSync } = await import("node:fs");
    for (const file of [esm, cjs]) {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/require\(["'](mermaid|playwright-core|fast-check)["']\)/);
      expect(text).not.toMatch(/^import .* from ["'](mermaid|playwright-core|fast-check)["']/m);
    }
  });
});
