import { readFile, readdir, mkdir } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { CATALOG_SCHEMA_URL } from "../../model/json-schema.js";
import { CONFIG_FILE_NAMES, findConfigFile } from "../config-file.js";
import type { CliContext } from "../context.js";
import { CliError } from "../errors.js";
import { exists, refuseOverwrite, writeAtomic } from "../io.js";
import { STARTER_CATALOG, STARTER_CONFIG } from "../starter.js";

/** The package's root folder (where `examples/` and `schema/` are), from the running module. */
async function packageRoot(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = await readFile(join(dir, "package.json"), "utf8").catch(() => undefined);
    if (manifest !== undefined && (JSON.parse(manifest) as { name?: string }).name === "service-blueprint") return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new CliError("read_failed", "cannot find the service-blueprint package folder");
    dir = parent;
  }
}

/** The bundled examples: folders of `examples/` with an `as-is.yaml` catalog. */
async function exampleNames(root: string): Promise<string[]> {
  const entries = await readdir(join(root, "examples"), { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) if (entry.isDirectory() && (await exists({ cwd: root } as CliContext["io"], join("examples", entry.name, "as-is.yaml")))) names.push(entry.name);
  return names.sort();
}

/**
 * The `$schema` to write at the top of a catalog at `file`: a relative path to the installed package's schema when
 * there is one above the file, else this version's URL. Either works from the catalog's own folder.
 */
async function schemaRef(ctx: CliContext, file: string): Promise<string> {
  const from = dirname(resolve(ctx.io.cwd, file));
  let dir = from;
  for (;;) {
    const candidate = join(dir, "node_modules", "service-blueprint", "schema", "catalog.schema.json");
    if (await exists(ctx.io, candidate)) return relative(from, candidate).split(sep).join("/");
    const parent = dirname(dir);
    if (parent === dir) return CATALOG_SCHEMA_URL;
    dir = parent;
  }
}

/** Writes a new file, creating its folder, refusing to replace one unless `force`. */
async function writeNew(ctx: CliContext, file: string, text: string, force: boolean | undefined): Promise<void> {
  await refuseOverwrite(ctx.io, file, force);
  try {
    await mkdir(dirname(resolve(ctx.io.cwd, file)), { recursive: true });
  } catch (cause) {
    throw new CliError("write_failed", `cannot create the folder of ${file}: ${(cause as Error).message}`, undefined, { cause });
  }
  await writeAtomic(ctx.io, file, text);
}

/** `init [file]`: writes a starter catalog (or a bundled example), and a config on request. */
export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .summary("write a starter catalog, a bundled example or a lint config")
    .description(
      "Write a small, valid starter catalog to edit (folders are created). With --example <name>, write one of the " +
        "bundled example catalogs into a folder instead. With --config, also write a lint config " +
        `(${CONFIG_FILE_NAMES[4]}) in the working directory. An existing file is never replaced without --force.`,
    )
    .argument("[path]", "where to write: the catalog file (default catalog.yaml), or with --example the folder (default the example's name)")
    .option("--example <name>", "write a bundled example (run with --example list to see them)")
    .option("--config", `also write ${CONFIG_FILE_NAMES[4]}, the lint config found by lint, diagram, compare and report`)
    .option("-f, --force", "replace files that exist")
    .addHelpText(
      "after",
      "\nExamples:\n  $ service-blueprint init services/catalog.yaml --config\n  $ service-blueprint init --example having-a-child\n  $ service-blueprint init --example list",
    )
    .action(async (path: string | undefined, options: { example?: string; config?: boolean; force?: boolean }) => {
      const written: string[] = [];
      if (options.example !== undefined) {
        const root = await packageRoot();
        const names = await exampleNames(root);
        if (options.example === "list") {
          ctx.io.out(`${names.join("\n")}\n`);
          return;
        }
        if (!names.includes(options.example)) {
          throw new CliError("unknown_id", `no bundled example '${options.example}'`, `one of ${names.join(", ")}`);
        }
        const folder = path ?? options.example;
        const source = join(root, "examples", options.example);
        const files = (await readdir(source)).filter((name) => /\.(ya?ml|md)$/.test(name)).sort();
        for (const name of files) await refuseOverwrite(ctx.io, join(folder, name), options.force);
        for (const name of files) {
          const target = join(folder, name);
          let text = await readFile(join(source, name), "utf8");
          if (/\.ya?ml$/.test(name)) text = text.replace(/^# yaml-language-server: \$schema=\S+/m, `# yaml-language-server: $schema=${await schemaRef(ctx, target)}`);
          await writeNew(ctx, target, text, options.force);
          written.push(target);
        }
      } else {
        const file = path ?? "catalog.yaml";
        await writeNew(ctx, file, STARTER_CATALOG.replace(`$schema=${CATALOG_SCHEMA_URL}`, `$schema=${await schemaRef(ctx, file)}`), options.force);
        written.push(file);
      }
      if (options.config === true) {
        const existing = await findConfigFile(ctx.io.cwd);
        const file = CONFIG_FILE_NAMES[4]!;
        if (existing !== undefined && resolve(existing) !== resolve(ctx.io.cwd, file) && options.force !== true) {
          throw new CliError("file_exists", `a config already applies here: ${relative(ctx.io.cwd, existing)}`, "edit it, or pass --force to write another");
        }
        await writeNew(ctx, file, STARTER_CONFIG, options.force);
        written.push(file);
      }
      const catalog = written.find((file) => !file.endsWith(CONFIG_FILE_NAMES[4]!) && /\.ya?ml$/.test(file));
      for (const file of written) ctx.io.err(`wrote ${file}${file === catalog ? `; next: service-blueprint validate ${file}` : ""}\n`);
    });
}
