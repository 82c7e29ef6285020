#!/usr/bin/env node
/**
 * The `service-blueprint` binary. Everything it does goes through the library's public API. `--version` is
 * answered before anything else is loaded, so that it costs no more than starting Node.
 */
import { PACKAGE_VERSION } from "../model/version.js";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  process.stdout.write(`${PACKAGE_VERSION}\n`);
} else {
  // A reader that stops early (`service-blueprint lint x.yaml | head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const [{ runCli }, { processIo }] = await Promise.all([import("./program.js"), import("./io.js")]);
  process.exitCode = await runCli(argv, processIo(), PACKAGE_VERSION);
}
