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
