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
    const { execFileSync } = await import("node:child_process");
    for (const file of [esm, cjs]) {
      const text = readFileSync(file, "utf8");
      // Top-level loads only: renderSvg imports playwright-core lazily, inside the function, when it is called.
      expect(text).not.toMatch(/^(?:var|const|let) .*= require\(["'](mermaid|playwright-core|fast-check)["']\)/m);
      expect(text).not.toMatch(/^import .* from ["'](mermaid|playwright-core|fast-check)["']/m);
    }
    // And at run time: requiring the CommonJS build leaves none of them in the module cache.
    const loaded = execFileSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(cjs.pathname)});` +
          "console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\/](mermaid|playwright-core|fast-check)[\\/]/.test(k))))",
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(loaded)).toEqual([]);
  });
});
