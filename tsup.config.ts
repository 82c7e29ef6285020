import { defineConfig } from "tsup";

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
    noExternal: ["zod"],
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
