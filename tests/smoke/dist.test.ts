import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const esm = new URL("dist/index.js", root);
const cjs = new URL("dist/index.cjs", root);

const doc = { version: 1, name: "Smoke", agencies: [{ id: "ssa", name: "Social Security Administration" }] };

/**
 * What loading an ES module of dist/ loads before any code runs: the files of dist/ it reaches through static
 * `import` and `export ... from` (not `import()`, which loads on demand), and the packages they name.
 */
function staticImports(entry: URL): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: URL) => {
    if (files.has(file.href)) return;
    files.add(file.href);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["'];|^import\s*["']([^"']+)["'];/gm)) {
      const specifier = (match[1] ?? match[2])!;
      if (specifier.startsWith(".")) visit(new URL(specifier, file));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}

/** The packages (under node_modules) that requiring a CommonJS file of dist/ leaves in the module cache. */
function requiredPackages(file: URL): string[] {
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      `require(${JSON.stringify(file.pathname)});` +
        "const names = Object.keys(require.cache).map((k) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(k)?.[1]).filter(Boolean);" +
        "console.log(JSON.stringify([...new Set(names)].sort()))",
    ],
    { encoding: "utf8" },
  );
  return JSON.parse(out) as string[];
}

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

  it("tells its errors from another copy of the package: isServiceBlueprintError across ESM and CommonJS", async () => {
    const esmLib = await import(esm.href);
    const cjsLib = createRequire(import.meta.url)(cjs.pathname);
    let thrown: unknown;
    try {
      cjsLib.parseCatalog({ version: 1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(cjsLib.ServiceBlueprintError);
    // instanceof fails between the two copies; the brand does not.
    expect(thrown instanceof esmLib.CatalogValidationError).toBe(false);
    expect(esmLib.isServiceBlueprintError(thrown)).toBe(true);
    expect(esmLib.isServiceBlueprintError(thrown, "invalid_catalog")).toBe(true);
    expect(esmLib.isServiceBlueprintError(thrown, "invalid_config")).toBe(false);
    expect(esmLib.isServiceBlueprintError(new Error("x"))).toBe(false);
  });

  it("does not load mermaid, a browser or fast-check from the core", async () => {
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

  it("does not load csv-parse from the main entry (the A-11 importer is service-blueprint/import)", () => {
    const esmGraph = staticImports(esm);
    // The graph walk does see packages: the main entry does load immer.
    expect(esmGraph.packages).toContain("immer");
    expect(esmGraph.packages.filter((name) => name.startsWith("csv-parse"))).toEqual([]);
    expect(requiredPackages(cjs)).not.toContain("csv-parse");
    // The importer's entry does load it, both ways.
    expect(staticImports(new URL("dist/import.js", root)).packages).toContain("csv-parse/sync");
    expect(requiredPackages(new URL("dist/import.cjs", root))).toContain("csv-parse");
  });

  it("bundles yaml, jsonc-parser and commander into the ESM output; the CommonJS output requires yaml and jsonc-parser", () => {
    const dist = new URL("dist/", root);
    const esmFiles = readdirSync(dist).filter((name) => name.endsWith(".js"));
    expect(esmFiles.length).toBeGreaterThan(5);
    for (const name of esmFiles) {
      const packages = staticImports(new URL(name, dist)).packages;
      expect(packages, name).not.toContain("yaml");
      expect(packages, name).not.toContain("jsonc-parser");
      expect(packages, name).not.toContain("commander");
      expect(readFileSync(new URL(name, dist), "utf8"), name).not.toMatch(/import\(["'](yaml|jsonc-parser|commander)["']\)/);
    }
    // commander's built-ins come from process.getBuiltinModule, in the binary's chunks only: no file the library's
    // entries load holds it (a browser bundle of the core must not meet it).
    for (const entry of ["index.js", "testing.js", "render.js", "import.js"]) {
      for (const file of staticImports(new URL(entry, dist)).files) expect(readFileSync(new URL(file), "utf8"), file).not.toContain("getBuiltinModule");
    }
    expect(requiredPackages(cjs)).toEqual(expect.arrayContaining(["yaml", "jsonc-parser"]));
  });

  it("lets the bundled yaml warn through process.emitWarning, as yaml's Node build does", () => {
    const run = spawnSync(process.execPath, [new URL("dist/cli.js", root).pathname, "validate", "-"], {
      input: "version: 1\n? [a, b]\n: c\n",
      encoding: "utf8",
    });
    expect(run.stderr).toMatch(/^\(node:\d+\) Warning: Keys with collection values will be stringified/m);
  });
});

describe("the built A-11 importer (service-blueprint/import)", () => {
  const importEsm = new URL("dist/import.js", root);
  const importCjs = new URL("dist/import.cjs", root);
  const csv = "not,a,feedback,file\n1,2,3,4\n";

  it("imports as ESM, and its errors are the library's", async () => {
    const importer = await import(importEsm.href);
    const lib = await import(esm.href);
    expect(importer.A11_IMPORT_ERROR_CODES).toContain("missing_column");
    expect(importer.mapQuestionDriver("This interaction increased my confidence in the USPTO.").driver).toBe("trust");
    let thrown: unknown;
    try {
      importer.importA11Feedback(csv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(importer.A11ImportError);
    expect(thrown).toBeInstanceOf(lib.ServiceBlueprintError);
    expect(lib.isServiceBlueprintError(thrown, "missing_column")).toBe(true);
    expect(lib.importA11Feedback).toBeUndefined();
  });

  it("requires as CommonJS", () => {
    const importer = createRequire(import.meta.url)(importCjs.pathname);
    expect(() => importer.importA11Feedback(csv)).toThrow(importer.A11ImportError);
    expect(typeof importer.formatA11ImportReport).toBe("function");
  });
});

describe("the built testing kit (service-blueprint/testing)", () => {
  const testingEsm = new URL("dist/testing.js", root);
  const testingCjs = new URL("dist/testing.cjs", root);

  it("imports as ESM and generates catalogs the built core accepts", async () => {
    const kit = await import(testingEsm.href);
    const lib = await import(esm.href);
    const fc = await import("fast-check");
    const [catalog] = fc.sample(kit.arbCatalog({ maxServices: 2 }), { numRuns: 1, seed: 7 });
    expect(lib.safeParseCatalog(catalog).success).toBe(true);
    expect(typeof kit.RuleTester).toBe("function");
  });

  it("requires as CommonJS", () => {
    const kit = createRequire(import.meta.url)(testingCjs.pathname);
    expect(typeof kit.arbCatalog).toBe("function");
    expect(typeof kit.RuleTester).toBe("function");
  });

  it("runs a custom rule through the RuleTester against the built engine", async () => {
    const kit = await import(testingEsm.href);
    const lib = await import(esm.href);
    const { z } = await import("zod");
    const noFax = lib.defineRule({
      meta: {
        id: "no-fax",
        title: "No fax",
        category: "compliance",
        categories: ["compliance"],
        defaultSeverity: "warning",
        recommended: false,
        description: "A step uses fax.",
        rationale: "Few people have a fax machine.",
        sources: [{ title: "OMB M-23-22", url: "https://digital.gov/resources/delivering-digital-first-public-experience/" }],
        remediation: "Offer an upload instead.",
        options: z.strictObject({}),
      },
      check(ctx: any) {
        for (const service of ctx.catalog.services)
          for (const step of service.steps)
            if (step.channel !== undefined && ctx.index.channels.get(step.channel)?.kind === "fax")
              ctx.report({ target: { service: service.id, step: step.id }, message: `Step '${step.id}' uses fax` });
      },
    });
    const base = {
      version: 1,
      name: "Fax",
      agencies: [{ id: "va", name: "Veterans Affairs" }],
      channels: [
        { id: "fax", name: "Fax", kind: "fax" },
        { id: "web", name: "Web", kind: "website" },
      ],
    };
    const service = (channel: string) => ({
      id: "svc",
      name: "Claim",
      agency: "va",
      kind: "benefits",
      occasion: { kind: "intent", story: "I claim" },
      offering: { name: "Benefit", kind: "benefit" },
      steps: [{ id: "send", name: "Send the form", lane: "customer", channel, outcome: "completed" }],
    });
    const tester = new kit.RuleTester();
    expect(() =>
      tester.run(noFax, {
        valid: [{ name: "web", catalog: lib.parseCatalog({ ...base, services: [service("web")] }) }],
        invalid: [{ name: "fax", catalog: lib.parseCatalog({ ...base, services: [service("fax")] }), findings: [{ target: { service: "svc", step: "send" }, message: /uses fax/ }] }],
      }),
    ).not.toThrow();
    expect(() =>
      tester.run(noFax, { valid: [{ name: "fax is not valid", catalog: lib.parseCatalog({ ...base, services: [service("fax")] }) }], invalid: [] }),
    ).toThrow(/fax is not valid/);
  });
});
