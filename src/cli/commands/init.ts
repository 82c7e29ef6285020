import type { Command } from "commander";
import type { CliContext } from "../context.js";
import { refuseOverwrite, writeAtomic } from "../io.js";
import { STARTER_CATALOG } from "../starter.js";

/** `init [file]`: writes a starter catalog; never overwrites without `--force`. */
export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .summary("write a starter catalog")
    .description("Write a small, valid starter catalog to edit. An existing file is never replaced without --force.")
    .argument("[file]", "where to write it", "catalog.yaml")
    .option("-f, --force", "replace the file if it exists")
    .addHelpText("after", "\nExample:\n  $ service-blueprint init services/catalog.yaml")
    .action(async (file: string, options: { force?: boolean }) => {
      await refuseOverwrite(ctx.io, file, options.force);
      await writeAtomic(ctx.io, file, STARTER_CATALOG);
      ctx.io.err(`wrote ${file}; next: service-blueprint validate ${file}\n`);
    });
}
