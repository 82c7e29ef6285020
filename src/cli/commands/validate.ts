import type { Command } from "commander";
import { formatIssueLines, loadCatalogFile, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../errors.js";

/** `validate <files...>`: every issue as `file:line:column code message`, with its hint. */
export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .summary("check catalogs against the format and its integrity rules")
    .description(
      "Check catalogs (YAML or JSON) against the catalog format and its integrity rules. Every issue is printed as " +
        "'file:line:column code message (at path)', with a hint on the next line where one can be given.",
    )
    .argument("<files...>", "catalog files")
    .addHelpText("after", "\nExit codes: 0 all valid, 1 an invalid catalog, 2 a usage error or a missing file.\n\nExample:\n  $ service-blueprint validate examples/*/as-is.yaml")
    .action(async (files: string[]) => {
      const { io, outStyle } = ctx;
      for (const file of files) {
        const result = await loadCatalogFile(io, file);
        if (result.ok) {
          const { catalog } = result.value;
          const steps = catalog.services.reduce((n, s) => n + s.steps.length, 0);
          io.out(
            `${outStyle.green("valid")} ${file}: ${plural(catalog.services.length, "service")}, ${plural(steps, "step")}, ` +
              `${plural(catalog.lifeExperiences.length, "life experience")}\n`,
          );
        } else {
          io.out(formatIssueLines(file, result.issues, outStyle));
          io.out(`${outStyle.red("invalid")} ${file}: ${plural(result.issues.length, "issue")}\n`);
          ctx.exit(EXIT.findings);
        }
      }
    });
}
