/**
 * The package as a consumer gets it (issue 19): `npm pack` of the build, installed into fresh temporary projects.
 *
 * - `app`: the tarball, its own zod 4.6.6 (not the library's copy) and `@types/node`. ESM import and CommonJS
 *   require; TypeScript with `module`/`moduleResolution` node16 (a `.ts` and a `.cts` file) and with `bundler`, both
 *   `strict` and `exactOptionalPropertyTypes`, on the README's and docs/getting-started.md's
 *   TypeScript blocks taken verbatim from the Markdown (and then run), and on options passed through with
 *   `undefined` (the public options types, those of the `service-blueprint/import` and `/render` entries too); a
 *   custom rule with zod 4 options, typechecked, run from code and run by `service-blueprint lint` through a
 *   discovered `service-blueprint.config.mjs`; a browser bundle of the core made with esbuild (`platform: "browser"`) that lints a catalog in a page in Chromium.
 * - `zod3`: the tarball and zod 3.24.4: the same custom rule, typechecked, run from code and by the CLI.
 *
 * The two projects are installed once, in parallel, with `npm install --prefer-offline`; the TypeScript runs are
 * parallel too. Chromium missing: the browser case is skipped with a notice, except in CI (`CI=true`) where it fails.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, transformSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const IN_CI = process.env.CI === "true";
const work = mkdtempSync(join(tmpdir(), "sb-consumer-"));
const app = join(work, "app");
const zod3 = join(work, "zod3");

/** What a child process printed and returned. */
interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for child processes: without the `npm_*` variables of an enclosing `npm test` (an inherited
 * `npm_config_local_prefix` or `npm_config_global` would send `npm install` elsewhere) and without colour.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== "FORCE_COLOR") env[key] = value;
  return { ...env, NO_COLOR: "1" };
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: childEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function mustRun(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.code}:\n${result.stderr}\n${result.stdout}`);
  return result;
}

/** The fenced blocks of one language in a Markdown file, in order, as written. */
function fencedBlocks(markdownFile: string, lang: string): string[] {
  const text = readFileSync(join(ROOT, markdownFile), "utf8");
  return [...text.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1]!);
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * A custom rule as a consumer writes it, after docs/sludge.md: options are the consumer's own zod schema (the same
 * text works with zod 3.24 and zod 4). Typechecked as `rules/no-fax.ts`, run as `rules/no-fax.mjs`.
 */
const NO_FAX_RULE = `import { defineRule } from "service-blueprint";
import { z } from "zod";

export const noFax = defineRule({
  meta: {
    id: "no-fax",
    title: "No fax",
    category: "compliance",
    categories: ["compliance", "inclusion"],
    defaultSeverity: "warning",
    recommended: false,
    description: "A customer step uses a fax channel.",
    rationale: "Few households own a fax machine; a fax step sends people to a print shop.",
    sources: [{ title: "OMB M-23-22", url: "https://digital.gov/resources/delivering-digital-first-public-experience/" }],
    remediation: "Offer an upload or an online form.",
    options: z.strictObject({ minutes: z.number().min(0).default(20) }),
  },
  check(ctx) {
    const minutes: number = ctx.options.minutes;
    for (const service of ctx.catalog.services) {
      for (const step of service.steps) {
        if (step.channel === undefined || ctx.index.channels.get(step.channel)?.kind !== "fax") continue;
        ctx.report({
          target: { service: service.id, step: step.id },
          message: \`Step '\${step.id}' uses fax\`,
          evidence: [\`channel: \${step.channel}\`],
          minutes,
        });
      }
    }
  },
});

export default noFax;
`;

/** Code using the rule from TypeScript: defaults, options, and a bad option reported at its path. */
const USE_RULE = `import { readFileSync } from "node:fs";
import { LintConfigError, lintCatalog, parseCatalogText, validateRuleOptions } from "service-blueprint";
import { noFax } from "./rules/no-fax.js";

const catalog = parseCatalogText(readFileSync("catalog.yaml", "utf8"));
const defaults = validateRuleOptions(noFax.meta.options, {});
const on = lintCatalog(catalog, { plugins: [noFax], rules: { "no-fax": ["error", { minutes: 30 }] } });
let refused = "";
try {
  lintCatalog(catalog, { plugins: [noFax], rules: { "no-fax": ["error", { minutes: "thirty" }] } });
} catch (error) {
  if (error instanceof LintConfigError) refused = error.message;
}
console.log(JSON.stringify({ defaults, found: on.findings.filter((f) => f.ruleId === "no-fax").map((f) => f.severity), refused }));
`;

/** The browser page's code: parse and lint a catalog text, a summary out. */
const BROWSER_ENTRY = `import { lintCatalog, safeParseCatalogText } from "service-blueprint";

export function lintText(text: string): { valid: boolean; findings: string[]; annualHours: number } {
  const parsed = safeParseCatalogText(text, { source: "catalog.yaml" });
  if (!parsed.success) return { valid: false, findings: parsed.issues.map((issue) => issue.code), annualHours: 0 };
  const result = lintCatalog(parsed.catalog, { preset: "all", today: "2026-01-01" });
  return { valid: true, findings: result.findings.map((f) => \`\${f.ruleId}:\${f.fingerprint}\`), annualHours: result.burden.total.annualHours };
}
`;

/**
 * Options passed through from a consumer's own optional settings, \`undefined\` included: under
 * \`exactOptionalPropertyTypes\` this compiles only if every public option accepts \`undefined\`.
 */
const PASS_THROUGH = `import {
  type AddStepOptions,
  type CompareDiagramOptions,
  type ComputeBurdenOptions,
  type FormatOptions,
  type GraphAnalysisOptions,
  type HtmlReportInput,
  type LintConfig,
  type LintFileReport,
  type MermaidOptions,
  type ParseCatalogTextOptions,
  type SerializeCatalogOptions,
  type SummarizeFeedbackOptions,
  lintCatalog,
  parseCatalogText,
} from "service-blueprint";
import type { RenderSvgOptions } from "service-blueprint/render";
import { type ImportA11FeedbackOptions, importA11Feedback } from "service-blueprint/import";

interface Settings {
  text?: string;
  count?: number;
  flag?: boolean;
}

export function passThrough(text: string, settings: Settings): number {
  const parse: ParseCatalogTextOptions = { source: settings.text, format: undefined, limits: undefined };
  const catalog = parseCatalogText(text, parse);
  const lint: LintConfig = { preset: undefined, today: settings.text, hourValue: settings.count, plugins: undefined };
  const result = lintCatalog(catalog, lint);
  const format: FormatOptions = { catalogSource: undefined, catalogText: settings.text, color: settings.flag };
  const report: LintFileReport = { file: "catalog.yaml", result, catalogText: settings.text, catalogSource: undefined };
  const mermaid: MermaidOptions = { findings: undefined, maxEdges: settings.count, title: settings.flag, layout: undefined };
  const compare: CompareDiagramOptions = { service: settings.text, title: settings.flag };
  const graph: GraphAnalysisOptions = { maxPaths: settings.count, pathMeasure: undefined };
  const burden: ComputeBurdenOptions = { hourValue: settings.count };
  const serialize: SerializeCatalogOptions = { format: undefined, defaults: undefined };
  const summary: SummarizeFeedbackOptions = { channel: settings.text, flatThreshold: settings.count };
  const step: AddStepOptions = { after: settings.text, flow: undefined };
  const html: HtmlReportInput = { catalog, findings: undefined, title: settings.text, generatedAt: undefined };
  const render: RenderSvgOptions = { executablePath: settings.text, timeoutMs: settings.count };
  const imported: ImportA11FeedbackOptions = { name: settings.text, merge: undefined };
  const options = [format, report, mermaid, compare, graph, burden, serialize, summary, step, html, render, imported];
  return options.length + (settings.text === undefined ? 0 : importA11Feedback(settings.text, imported).report.rows);
}
`;

const CJS_CONSUMER = `import { type Catalog, lintCatalog, parseCatalogText } from "service-blueprint";
import sb = require("service-blueprint");

export function count(text: string): number {
  const catalog: Catalog = parseCatalogText(text);
  return lintCatalog(catalog).findings.length + sb.lintCatalog(catalog).findings.length;
}
`;

function tsconfig(resolution: "node16" | "bundler", include: readonly string[], types: readonly string[]): string {
  const module = resolution === "node16" ? "node16" : "esnext";
  return JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module,
        moduleResolution: resolution,
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        // The consumer's code is checked against the library's types under these options; the libraries' own
        // declaration files (zod's and @types/node's included) are not rechecked, as most projects set.
        skipLibCheck: true,
        noEmit: true,
        types,
      },
      include,
    },
    null,
    2,
  );
}

let tarball = "";
let exampleYaml = "";

beforeAll(async () => {
  for (const file of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/cli.js"]) {
    if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: npm test builds it first (pretest); run \`npm run build\``);
  }
  const packed = await mustRun("npm", ["pack", "--json", "--pack-destination", work], ROOT);
  tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  const project = (dir: string, dependencies: Record<string, string>): Promise<Run> => {
    write(join(dir, "package.json"), JSON.stringify({ name: `consumer-${dir.split(/[\\/]/).pop()}`, private: true, type: "module", dependencies }, null, 2));
    return mustRun("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  };
  await Promise.all([
    project(app, { "service-blueprint": `file:${tarball}`, zod: "4.6.6", "@types/node": "20.19.43" }),
    project(zod3, { "service-blueprint": `file:${tarball}`, zod: "3.24.4" }),
  ]);
  exampleYaml = readFileSync(join(app, "node_modules/service-blueprint/examples/approaching-retirement/as-is.yaml"), "utf8");
  for (const dir of [app, zod3]) {
    write(join(dir, "catalog.yaml"), exampleYaml);
    write(join(dir, "services/catalog.yaml"), exampleYaml);
    write(join(dir, "rules/no-fax.ts"), NO_FAX_RULE);
    write(join(dir, "rules/no-fax.mjs"), transformSync(NO_FAX_RULE, { loader: "ts", format: "esm" }).code);
    write(join(dir, "use-rule.ts"), USE_RULE);
    write(join(dir, "use-rule.mjs"), transformSync(USE_RULE, { loader: "ts", format: "esm" }).code.replace("./rules/no-fax.js", "./rules/no-fax.mjs"));
    write(join(dir, "service-blueprint.config.mjs"), `export default {\n  plugins: ["./rules/no-fax.mjs"],\n  rules: { "no-fax": ["error", { minutes: 30 }] },\n};\n`);
  }
}, 300_000);

// SB_KEEP_CONSUMERS=1 keeps the projects for a look (their folder is printed).
afterAll(() => (process.env.SB_KEEP_CONSUMERS === "1" ? console.log(`consumer projects kept in ${work}`) : rmSync(work, { recursive: true, force: true })));

describe("installed from npm pack", () => {
  it("installs the consumer's own zod beside the library's", () => {
    const version = (dir: string): string => (JSON.parse(readFileSync(join(dir, "node_modules/zod/package.json"), "utf8")) as { version: string }).version;
    expect(version(app)).toBe("4.6.6");
    expect(version(zod3)).toBe("3.24.4");
    // The library's range excludes 4.6.6 and 3.x, so it gets its own copy: custom rules must not depend on it.
    expect(existsSync(join(app, "node_modules/service-blueprint/node_modules/zod"))).toBe(true);
  });

  it("imports as ESM and requires as CommonJS, with the same results", async () => {
    write(join(app, "esm.mjs"), `import { lintCatalog, parseCatalogText } from "service-blueprint";\nimport { readFileSync } from "node:fs";\nconst r = lintCatalog(parseCatalogText(readFileSync("catalog.yaml", "utf8")));\nconsole.log(JSON.stringify([r.findings.length, r.burden.total.annualHours]));\n`);
    write(join(app, "cjs.cjs"), `const { lintCatalog, parseCatalogText } = require("service-blueprint");\nconst { readFileSync } = require("node:fs");\nconst r = lintCatalog(parseCatalogText(readFileSync("catalog.yaml", "utf8")));\nconsole.log(JSON.stringify([r.findings.length, r.burden.total.annualHours]));\nrequire.resolve("service-blueprint/schema.json");\n`);
    const [esm, cjs] = await Promise.all([mustRun(process.execPath, ["esm.mjs"], app), mustRun(process.execPath, ["cjs.cjs"], app)]);
    const [findings, hours] = JSON.parse(esm.stdout) as [number, number];
    expect(findings).toBeGreaterThan(0);
    expect(hours).toBeGreaterThan(0);
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it("typechecks under node16 and bundler resolution with exactOptionalPropertyTypes: the README and getting-started code verbatim, a custom rule with zod 4 and zod 3.24, a CommonJS module", async () => {
    const readme = fencedBlocks("README.md", "ts");
    const started = fencedBlocks("docs/getting-started.md", "ts");
    expect(readme.length).toBeGreaterThan(0);
    expect(started.length).toBeGreaterThan(1);
    // A page's blocks in order are one program (getting-started's later block uses the catalog of an earlier one).
    write(join(app, "docs/readme.ts"), readme.join("\n"));
    write(join(app, "docs/getting-started.ts"), started.join("\n"));
    write(join(app, "cjs-consumer.cts"), CJS_CONSUMER);
    write(join(app, "browser.ts"), BROWSER_ENTRY);
    write(join(app, "pass-through.ts"), PASS_THROUGH);
    const esmFiles = ["docs/*.ts", "rules/*.ts", "use-rule.ts", "browser.ts", "pass-through.ts"];
    write(join(app, "tsconfig.node16.json"), tsconfig("node16", [...esmFiles, "cjs-consumer.cts"], ["node"]));
    write(join(app, "tsconfig.bundler.json"), tsconfig("bundler", esmFiles, ["node"]));
    write(join(zod3, "tsconfig.node16.json"), tsconfig("node16", ["rules/*.ts"], []));
    write(join(zod3, "tsconfig.bundler.json"), tsconfig("bundler", ["rules/*.ts"], []));
    const checks = await Promise.all(
      [app, zod3].flatMap((dir) =>
        ["node16", "bundler"].map(async (kind) => ({ what: `${dir.split(/[\\/]/).pop()} ${kind}`, run: await run(process.execPath, [TSC, "-p", `tsconfig.${kind}.json`], dir) })),
      ),
    );
    for (const { what, run: result } of checks) expect(`${what}: ${result.stdout}${result.stderr}`).toBe(`${what}: `);
  }, 240_000);

  it("runs the README and getting-started code as written", async () => {
    for (const [name, blocks] of [
      ["readme", fencedBlocks("README.md", "ts")],
      ["getting-started", fencedBlocks("docs/getting-started.md", "ts")],
    ] as const) {
      write(join(app, `${name}.mjs`), transformSync(blocks.join("\n"), { loader: "ts", format: "esm" }).code);
    }
    const [readme, started] = await Promise.all([run(process.execPath, ["readme.mjs"], app), run(process.execPath, ["getting-started.mjs"], app)]);
    expect(readme.stderr).toBe("");
    expect(readme.code).toBe(0);
    expect(readme.stdout).toMatch(/\d+ customer hours a year/);
    expect(readme.stdout).toContain("flowchart");
    expect(started.stderr).toBe("");
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(/^\d+ findings, \d+ customer hours a year$/m);
  });

  describe.each([
    ["zod 4.6.6", app],
    ["zod 3.24.4", zod3],
  ])("a custom rule whose options are the consumer's %s schema", (_, dir) => {
    it("runs from code: defaults, options and a bad option at its path", async () => {
      const result = await mustRun(process.execPath, ["use-rule.mjs"], dir);
      const { defaults, found, refused } = JSON.parse(result.stdout) as { defaults: unknown; found: string[]; refused: string };
      expect(defaults).toEqual({ success: true, value: { minutes: 20 } });
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found)).toEqual(new Set(["error"]));
      expect(refused).toMatch(/rules\["no-fax"\]\[1\]\.minutes/);
    });

    it("runs in `service-blueprint lint` through the config file found from a subfolder", async () => {
      const bin = join(dir, "node_modules/.bin/service-blueprint");
      const services = join(dir, "services");
      const [found, none] = await Promise.all([
        run(bin, ["lint", "catalog.yaml", "--format", "json"], services),
        run(bin, ["lint", "catalog.yaml", "--format", "json", "--no-config"], services),
      ]);
      expect(found.stderr).toBe("");
      expect(found.code).toBe(1);
      const [file] = JSON.parse(found.stdout) as { file: string; findings: { ruleId: string; severity: string }[] }[];
      expect(file!.file).toBe("catalog.yaml");
      const fax = file!.findings.filter((f) => f.ruleId === "no-fax");
      expect(fax.length).toBeGreaterThan(0);
      expect(fax.every((f) => f.severity === "error")).toBe(true);
      const [plain] = JSON.parse(none.stdout) as { findings: { ruleId: string }[] }[];
      expect(plain!.findings.some((f) => f.ruleId === "no-fax")).toBe(false);
    });

    it("reports a bad option of the custom rule as an invalid config", async () => {
      const config = join(dir, "bad.config.mjs");
      write(config, `export default { plugins: ["./rules/no-fax.mjs"], rules: { "no-fax": ["error", { minutes: -1 }] } };\n`);
      const result = await run(join(dir, "node_modules/.bin/service-blueprint"), ["lint", "catalog.yaml", "--config", config], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^error invalid_config: .*bad\.config\.mjs: rules\["no-fax"\]\[1\]\.minutes/m);
    });
  });
});

describe("a browser bundle of the core", () => {
  it("bundles with esbuild for the browser and lints a catalog in a page in Chromium as Node does", async () => {
    write(join(app, "browser.ts"), BROWSER_ENTRY);
    const bundle = await build({
      absWorkingDir: app,
      entryPoints: ["browser.ts"],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "serviceBlueprint",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // What is in the output (esbuild reads csv-parse through the entry's re-exports, then drops it as unused).
    const output = Object.values(bundle.metafile.outputs)[0]!;
    const inputs = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input);
    expect(inputs.filter((input) => /node_modules[\\/](mermaid|playwright-core|fast-check|csv-parse)[\\/]|^node:/.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes("node_modules/service-blueprint/dist/"))).toBe(true);
    const code = bundle.outputFiles[0]!.text;
    // The same code in Node, for the expected answer.
    const nodeModule = join(app, "browser-node.mjs");
    write(nodeModule, transformSync(BROWSER_ENTRY, { loader: "ts", format: "esm" }).code);
    const { lintText } = (await import(pathToFileURL(nodeModule).href)) as { lintText: (text: string) => unknown };
    const expected = lintText(exampleYaml);
    expect(expected).toMatchObject({ valid: true });

    if (!existsSync(CHROMIUM)) {
      const message = `Chromium not found at ${CHROMIUM} (install the Debian 'chromium' package or set CHROMIUM_PATH)`;
      if (IN_CI) throw new Error(`${message}: CI must run the browser bundle in a page`);
      console.warn(`\n[skip] ${message}: the browser bundle was built but not run in a page\n`);
      return;
    }
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.setContent("<!doctype html><title>service-blueprint in a page</title><body></body>");
      await page.addScriptTag({ content: code });
      const inPage = await page.evaluate(
        (text) => (globalThis as unknown as { serviceBlueprint: { lintText: (t: string) => unknown } }).serviceBlueprint.lintText(text),
        exampleYaml,
      );
      const broken = await page.evaluate(
        (text) => (globalThis as unknown as { serviceBlueprint: { lintText: (t: string) => unknown } }).serviceBlueprint.lintText(text),
        exampleYaml.replace("version: 1", "version: 1\nunknownKey: 1"),
      );
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(inPage).toEqual(expected);
      expect(broken).toMatchObject({ valid: false });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
