import type { Command } from "commander";
import { catalogJsonSchema } from "../../model/json-schema.js";
import type { CliContext } from "../context.js";

/** `schema`: prints the catalog JSON Schema. */
export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command("schema")
    .summary("print the catalog JSON Schema")
    .description("Print the JSON Schema of the catalog format (for editors and other validators).")
    .addHelpText("after", "\nExample:\n  $ service-blueprint schema > catalog.schema.json")
    .action(() => {
      ctx.io.out(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
    });
}
