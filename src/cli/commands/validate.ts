import { type Command, Option } from "commander";
import { formatIssueLines, loadCatalogFile, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../errors.js";
import { expandInputs } from "../inputs.js";
import { writeAtomic } from "../io.js";

/** Output formats of `validate`. */
export const VALIDATE_FORMATS = ["stylish", "json"] as const;

/** `validate <files...>`: every issue as `file:line:column code message`, with its hint. */
export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .summary("check catalogs against the format and its integrity rules")
    .description(
      "Check catalogs (YAML or JSON) against the catalog format and its integrity rules. Every issue is printed as " +
        "'file:line:column code message (at path)', with a hint on the next line where one can be given.",
    )
    .argument("<files...>", "catalog files, folders, globs the tool expands, or - for standard input")
    .addOption(new Option("-f, --format <format>", "output format: stylish, or json (an array, one entry per file)").choices(VALIDATE_FORMATS).default("stylish"))
    .option("-o, --output <file>", "write the output to a file (whole, atomically) instead of stdout")
    .addHelpText(
      "after",
      "\nExit codes: 0 all valid, 1 an invalid catalog, 2 a usage error or a missing file.\n\nExamples:\n  $ service-blueprint validate 'examples/*/as-is.yaml'\n  $ service-blueprint validate services -f json",
    )
    .action(async (args: string[], options: { format: (typeof VALIDATE_FORMATS)[number]; output?: string }) => {
      const { io } = ctx;
      const files = await expandInputs(io, args);
      const style = options.output === undefined && options.format === "stylish" ? ctx.outStyle : { red: String, yellow: String, green: String, dim: String, bold: String };
      // Stylish on stdout streams file by file; JSON and --output are written whole at the end.
      const stream = options.output === undefined && options.format === "stylish";
      let text = "";
      const emit = (part: string) => {
        if (stream) io.out(part);
        else text += part;
      };
      const entries: unknown[] = [];
      for (const file of files) {
        const result = await loadCatalogFile(io, file);
        if (result.ok) {
          const { catalog } = result.value;
          const steps = catalog.services.reduce((n, s) => n + s.steps.length, 0);
          entries.push({ file, valid: true, services: catalog.services.length, steps, lifeExperiences: catalog.lifeExperiences.length });
          emit(
            `${style.green("valid")} ${file}: ${plural(catalog.services.length, "service")}, ${plural(steps, "step")}, ` +
            `${plural(catalog.lifeExperiences.length, "life experience")}\n`,
          );
        } else {
          entries.push({ file, valid: false, issues: result.issues });
          emit(formatIssueLines(file, result.issues, style));
          emit(`${style.red("invalid")} ${file}: ${plural(result.issues.length, "issue")}\n`);
          ctx.exit(EXIT.findings);
        }
      }
      if (stream) return;
      const out = options.format === "json" ? `${JSON.stringify(entries, null, 2)}\n` : text;
      if (options.output !== undefined) {
        await writeAtomic(io, options.output, out);
        io.err(`wrote ${options.output}\n`);
      } else io.out(out);
    });
}
