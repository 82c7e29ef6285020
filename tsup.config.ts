import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      testing: "src/testing/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    // Both builds run at once: this one cleans dist/ but leaves the CLI's files to the other.
    clean: ["!cli.js", "!cli.js.map"],
    target: "node20",
    splitting: true,
    // The testing kit's peer: never bundled, loaded only by service-blueprint/testing.
    external: ["fast-check"],
  },
  {
    // The binary: ESM only, no types; the shebang comes from src/cli/main.ts.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    define: { SERVICE_BLUEPRINT_VERSION: JSON.stringify(version) },
  },
]);
