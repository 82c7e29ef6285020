import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig } from "tsup";

// The ES module builds of yaml (the one its package.json gives browsers) and jsonc-parser (its `module` field), and
// commander, bundled into the ES module output, where Node would load their CommonJS builds (yaml's is 70 files) at
// every start. yaml's `log` module is swapped for the Node build's (build/yaml-log.js), so that its warnings still
// go through `process.emitWarning`. The CommonJS output keeps `require("yaml")` and `require("jsonc-parser")`.
const packageRoot = (name: string): string => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const yamlBrowser = join(packageRoot("yaml"), "browser");
const esmEntries: Record<string, string> = {
  yaml: join(yamlBrowser, "index.js"),
  "jsonc-parser": join(packageRoot("jsonc-parser"), "lib/esm/main.js"),
};
const bundledEsm: Plugin = {
  name: "bundled-esm",
  setup(build) {
    build.onResolve({ filter: /^(yaml|jsonc-parser)$/ }, (args) => ({ path: esmEntries[args.path]! }));
    build.onResolve({ filter: /^\.\.?\/(\.\.\/)*log\.js$/ }, (args) =>
      args.importer.startsWith(yamlBrowser) ? { path: resolve("build/yaml-log.js") } : undefined,
    );
    // commander has only a CommonJS build (its esm.mjs wraps it), which `require`s Node's built-in modules; in ES
    // module output esbuild turns those calls into a `__require` that throws. Each becomes a module that takes the
    // built-in from `process.getBuiltinModule` (Node 20.16 and later; the package needs 20.19). Only the binary's
    // chunks contain commander, so no entry a browser bundles meets these.
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === "require-call" ? { path: args.path, namespace: "node-builtin" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "node-builtin" }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

export default defineConfig([
  {
    // The library (ESM) and the binary in one build, so that the binary shares the library's chunks instead of
    // carrying a copy; commands load what only they need (csv-parse, the renderer) on demand.
    // zod is bundled: esbuild keeps only what the library uses (one locale of its 64), where Node would load the whole
    // package at every start; its types still come from the zod dependency.
    entry: {
      index: "src/index.ts",
      testing: "src/testing/index.ts",
      render: "src/render.ts",
      import: "src/import.ts",
      cli: "src/cli/main.ts",
    },
    format: ["esm"],
    dts: { entry: { index: "src/index.ts", testing: "src/testing/index.ts", render: "src/render.ts", import: "src/import.ts" } },
    // Maps for stack traces, without the sources inlined (they would be most of the package).
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: true,
    // Peers: never bundled, loaded only where used.
    external: ["fast-check", "mermaid", "playwright-core"],
    noExternal: ["zod", "yaml", "jsonc-parser", "commander"],
    // Keep `node:` on built-in modules (tsup would strip it and mark them external before the plugin sees commander's
    // `require("node:events")`).
    removeNodeProtocol: false,
    esbuildPlugins: [bundledEsm],
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  },
  {
    entry: {
      index: "src/index.ts",
      testing: "src/testing/index.ts",
      render: "src/render.ts",
      import: "src/import.ts",
    },
    format: ["cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
    splitting: true,
    external: ["fast-check", "mermaid", "playwright-core"],
    noExternal: ["zod"],
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  },
]);
