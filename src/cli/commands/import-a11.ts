import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { A11ImportError } from "../../import/a11-error.js";
import { formatA11ImportReport } from "../../import/a11-report.js";
import type { Catalog } from "../../model/schema.js";
import { serializeCatalog } from "../../model/text.js";
import type { importA11Feedback } from "../../import/a11-import.js";
import { loadCatalogFiles, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { readText, refuseOverwrite, writeAtomic } from "../io.js";

interface ImportOptions {
  readonly out: string;
  readonly merge?: string;
  readonly mapping?: string;
  readonly report?: string;
  readonly name?: string;
  readonly force?: boolean;
}

/** Reads a mapping file: a JSON or YAML object of CSV service id → catalog service id. */
async function readMapping(ctx: CliContext, file: string): Promise<Record<string, string>> {
  const text = await readText(ctx.io, file, "mapping");
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 0 });
  } catch (cause) {
    throw new CliError("invalid_mapping", `${file}: not JSON or YAML: ${(cause as Error).message.split("\n")[0]}`, undefined, { cause });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new CliError("invalid_mapping", `${file}: expected an object of CSV service id to catalog service id`, 'e.g. { "62": "ssa-retirement" }');
  }
  const mapping: Record<string, string> = {};
  for (const [key, id] of Object.entries(value)) {
    if (typeof id !== "string" || id === "") {
      throw new CliError("invalid_mapping", `${file}: the value of "${key}" must be a catalog service id (a string)`);
    }
    mapping[key] = id;
  }
  return mapping;
}

/** `import-a11 <csv> --out catalog.yaml [--merge existing.yaml] [--mapping file]`. */
export function registerImportA11(program: Command, ctx: CliContext): void {
  program
    .command("import-a11")
    .summary("import A-11 customer feedback (HISP CX data CSV) into a catalog")
    .description(
      "Read the quarterly A-11 customer feedback that High-Impact Service Providers report (GSA's merged HISP CX " +
        "data CSV) and write a catalog: providers, services, channels and feedback collections. With --merge, attach " +
        "the feedback to the services of an existing catalog instead, matched by --mapping (CSV service id to catalog " +
        "service id) or by provider and service names, leaving everything else as it was. What was imported, mapped " +
        "and skipped is summarized on stderr, and written in full with --report.",
    )
    .argument("<csv>", "the CSV file")
    .requiredOption("--out <file>", "catalog file to write (.yaml, .yml or .json)")
    .option("--merge <file>", "existing catalog to attach the feedback to")
    .option("--mapping <file>", "JSON or YAML object: CSV service id -> catalog service id (with --merge)")
    .option("--report <file>", "write the full import report (Markdown)")
    .option("--name <name>", "name of the new catalog (without --merge)")
    .option("-f, --force", "replace --out (and --report) if they exist")
    .addHelpText(
      "after",
      "\nExamples:\n  $ service-blueprint import-a11 hisp-cx-data.csv --out federal.yaml --report import-report.md\n" +
        "  $ service-blueprint import-a11 hisp-cx-data.csv --merge as-is.yaml --mapping ids.json --out as-is.yaml --force",
    )
    .action(async (csvFile: string, options: ImportOptions) => {
      if (options.mapping !== undefined && options.merge === undefined) {
        throw new CliError("usage", "--mapping needs --merge", "give the catalog to attach the feedback to with --merge");
      }
      await refuseOverwrite(ctx.io, options.out, options.force);
      if (options.report !== undefined) await refuseOverwrite(ctx.io, options.report, options.force);
      const csv = await readText(ctx.io, csvFile, "CSV");
      let merge: { catalog: Catalog; serviceIds?: Record<string, string> } | undefined;
      if (options.merge !== undefined) {
        const { loaded } = await loadCatalogFiles(ctx.io, [options.merge], ctx.errStyle);
        const existing = loaded[0];
        if (existing === undefined) {
          ctx.exit(EXIT.findings);
          return;
        }
        merge = { catalog: existing.catalog };
        if (options.mapping !== undefined) merge.serviceIds = await readMapping(ctx, options.mapping);
      }
      // The importer (and csv-parse with it) is loaded by this command only, so that no other command pays for it.
      const { importA11Feedback: importFeedback } = await import("../../import/a11-import.js");
      let result: ReturnType<typeof importA11Feedback>;
      try {
        result = importFeedback(csv, {
          ...(options.name !== undefined ? { name: options.name } : {}),
          ...(merge !== undefined ? { merge } : {}),
        });
      } catch (error) {
        if (error instanceof A11ImportError) {
          const where = options.merge !== undefined && error.code === "unknown_service" ? options.mapping ?? csvFile : csvFile;
          throw new CliError("import_failed", `${where}: ${error.code}: ${error.message}`, undefined, { cause: error });
        }
        throw error;
      }
      const format = /\.json$/i.test(options.out) ? "json" : "yaml";
      // With --merge x --out x --force the catalog is updated in place: refuseOverwrite above has seen --force.
      await writeAtomic(ctx.io, options.out, serializeCatalog(result.catalog, { format }), { replaceInput: options.force === true });
      const { report } = result;
      if (options.report !== undefined) await writeAtomic(ctx.io, options.report, formatA11ImportReport(report));
      ctx.io.err(
        `read ${plural(report.rows, "row")}: ${report.imported.length.toLocaleString("en-US")} imported, ` +
          `${report.skipped.length.toLocaleString("en-US")} skipped; ${plural(report.mapped.length, "question text")} mapped; ` +
          `${plural(report.warnings.length, "warning")}\n`,
      );
      if (report.warnings.length > 0) {
        const byCode = new Map<string, number>();
        for (const warning of report.warnings) byCode.set(warning.code, (byCode.get(warning.code) ?? 0) + 1);
        const counts = [...byCode].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${n} ${code}`);
        ctx.io.err(`  ${ctx.errStyle.yellow("warnings")}: ${counts.join(", ")}${options.report === undefined ? " (details with --report)" : ""}\n`);
      }
      ctx.io.err(`wrote ${options.out}${options.report !== undefined ? ` and ${options.report}` : ""}\n`);
    });
}
