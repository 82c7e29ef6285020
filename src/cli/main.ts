#!/usr/bin/env node
/**
 * The `service-blueprint` binary. Everything it does goes through the library's public API.
 */
import { processIo } from "./io.js";
import { runCli } from "./program.js";

/** Set by tsup from package.json at build time. */
declare const SERVICE_BLUEPRINT_VERSION: string | undefined;
const version = typeof SERVICE_BLUEPRINT_VERSION === "string" ? SERVICE_BLUEPRINT_VERSION : "0.0.0-dev";

// A reader that stops early (`service-blueprint lint x.yaml | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo(), version);
