import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Command, Option } from "commander";
import { MermaidExportError, toMermaid } from "../../export/mermaid/index.js";
import type { MermaidDiagram, MermaidOptions } from "../../export/mermaid/types.js";
import { suggest } from "../../model/did-you-mean.js";
import type { Catalog } from "../../model/schema.js";
import { loadCatalogFiles, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { CliError, EXIT, messageWithoutHint } from "../errors.js";
import { writeAtomic } from "../io.js";
import { progress, startRenderer } from "../render.js";
import { lintForOverlay, CONFIG_HELP, NO_CONFIG_HELP } from "./lint.js";

/** The views the command draws. */
export const DIAGRAM_VIEWS = ["blueprint", "life-experience", "journey"] as const;
type DiagramView = (typeof DIAGRAM_VIEWS)[number];

interface DiagramOptions {
  readonly view: DiagramView;
  readonly service?: string;
  readonly experience?: string;
  readonly detailed?: boolean;
  readonly sludge?: boolean;
  readonly out: string;
  readonly svg?: boolean;
  readonly preset?: string;
  readonly config?: string | false;
  readonly maxFiles: number;
  readonly maxColumns?: number;
}

/** The most diagrams `diagram` writes unless `--max-files` says more. */
export const DEFAULT_MAX_FILES = 200;

/** `--max-files`: a whole number from 1. */
function parseMaxFiles(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError("usage", `--max-files must be a whole number from 1, got '${value}'`);
  return n;
}

/** `--max-columns`: a whole number from 1. */
function parseMaxColumns(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError("usage", `--max-columns must be a whole number from 1, got '${value}'`);
  return n;
}

/**
 * Refuses to write more diagrams than `--max-files`, before writing any: a very large service splits into
 * thousands of parts, and thousands of files are rarely what was meant. Names the biggest sources of parts.
 */
function checkFileCount(diagrams: readonly MermaidDiagram[], options: DiagramOptions): void {
  const files = diagrams.length * (options.svg ? 2 : 1);
  if (files <= options.maxFiles) return;
  const parts = new Map<string, number>();
  for (const diagram of diagrams) {
    const whole = diagram.id.replace(/-part-\d+$/, "");
    parts.set(whole, (parts.get(whole) ?? 0) + 1);
  }
  const largest = [...parts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  const split = largest[1] > 1 ? `; ${largest[0]} alone splits into ${plural(largest[1], "part")}` : "";
  throw new CliError(
    "too_many_files",
    `the ${options.view} view would write ${plural(files, "file")}, over --max-files ${options.maxFiles}${split}`,
    `draw fewer (--service or --experience), or raise the limit: --max-files ${files}`,
  );
}

/** Every diagram of one view of a catalog (all services or experiences when no id is given). */
export function viewDiagrams(
  catalog: Catalog,
  view: DiagramView,
  ids: { readonly service?: string | undefined; readonly experience?: string | undefined },
  options: MermaidOptions,
): { readonly diagrams: readonly MermaidDiagram[]; readonly warnings: readonly string[] } {
  const diagrams: MermaidDiagram[] = [];
  const warnings: string[] = [];
  const draw = (v: Parameters<typeof toMermaid>[1]): void => {
    try {
      const result = toMermaid(catalog, v, options);
      diagrams.push(...result.diagrams);
      for (const w of result.warnings) if (w.code !== "option_ignored") warnings.push(w.message);
    } catch (error) {
      if (error instanceof MermaidExportError) {
        throw new CliError("unknown_id", messageWithoutHint(error), error.hint, { cause: error });
      }
      throw error;
    }
  };
  const known = (kind: "service" | "life experience", id: string, ids: readonly string[]): void => {
    if (ids.includes(id)) return;
    const guess = suggest(id, ids);
    throw new CliError("unknown_id", `${kind} '${id}' is not in the catalog`, guess !== undefined ? `did you mean '${guess}'?` : `one of: ${ids.slice(0, 10).join(", ")}`);
  };
  if (ids.service !== undefined) known("service", ids.service, catalog.services.map((s) => s.id));
  if (ids.experience !== undefined) known("life experience", ids.experience, catalog.lifeExperiences.map((e) => e.id));
  if (view === "life-experience") {
    const targets = ids.experience !== undefined ? [ids.experience] : catalog.lifeExperiences.map((e) => e.id);
    for (const experience of targets) draw({ view, experience });
  } else {
    const targets = ids.service !== undefined ? [ids.service] : catalog.services.map((s) => s.id);
    for (const service of targets) draw({ view, service });
  }
  return { diagrams, warnings };
}

/** `diagram <file> --view ...`: writes `.mmd` files, and `.svg` with `--svg`. */
export function registerDiagram(program: Command, ctx: CliContext): void {
  program
    .command("diagram")
    .summary("write Mermaid diagrams (.mmd, and .svg with --svg)")
    .description(
      "Draw a view of a catalog as Mermaid text: the service blueprint or the customer journey of each service " +
        "(or of --service), or the overview of each life experience (or of --experience): one node per service in " +
        "time order, with the hand-offs and the time to outcome (--detailed draws every step). Writes one .mmd file per " +
        "diagram into --out (a large view is split into parts), and an .svg beside it with --svg (headless Chromium).",
    )
    .argument("<file>", "catalog file")
    .addOption(new Option("--view <view>", "which view").choices(DIAGRAM_VIEWS).makeOptionMandatory())
    .option("--service <id>", "only this service (blueprint, journey)")
    .option("--experience <id>", "only this life experience (life-experience)")
    .option("--detailed", "life-experience: every step of every service, grouped by agency, instead of the overview")
    .option("--sludge", "highlight lint findings on the diagram")
    .option("--preset <name>", "lint preset for --sludge")
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", NO_CONFIG_HELP)
    .option("--out <dir>", "directory to write into (created if missing)", "diagrams")
    .option("--svg", "also render each diagram to SVG in headless Chromium")
    .option("--max-columns <n>", "blueprint: most columns of steps a part (default 3; higher for a wide screen or a poster)", parseMaxColumns)
    .option("--max-files <n>", "refuse to write more files than this (a large service splits into many parts)", parseMaxFiles, DEFAULT_MAX_FILES)
    .addHelpText(
      "after",
      "\nPaths of the written files go to stdout, one a line; progress goes to stderr.\n\nExamples:\n" +
        "  $ service-blueprint diagram as-is.yaml --view blueprint --service ssa-retirement-claim --sludge --out diagrams\n" +
        "  $ service-blueprint diagram as-is.yaml --view blueprint --max-columns 6 --out poster\n" +
        "  $ service-blueprint diagram as-is.yaml --view life-experience --svg\n" +
        "  $ service-blueprint diagram as-is.yaml --view life-experience --experience having-a-child --detailed",
    )
    .action(async (file: string, options: DiagramOptions) => {
      if (options.service !== undefined && options.view === "life-experience") {
        throw new CliError("usage", "--service does not apply to --view life-experience", "use --experience");
      }
      if (options.experience !== undefined && options.view !== "life-experience") {
        throw new CliError("usage", `--experience does not apply to --view ${options.view}`, "use --service");
      }
      if (options.maxColumns !== undefined && options.view !== "blueprint") {
        throw new CliError("usage", `--max-columns does not apply to --view ${options.view}`, "use it with --view blueprint");
      }
      if (options.detailed && options.view !== "life-experience") {
        throw new CliError("usage", `--detailed does not apply to --view ${options.view}`, "use it with --view life-experience");
      }
      const { loaded, invalid } = await loadCatalogFiles(ctx.io, [file], ctx.errStyle);
      const source = loaded[0];
      if (invalid > 0 || source === undefined) {
        ctx.exit(EXIT.findings);
        return;
      }
      const mermaidOptions: MermaidOptions = {
        ...(options.sludge ? { findings: (await lintForOverlay(ctx, source.catalog, options)).findings } : {}),
        ...(options.detailed ? { detailed: true } : {}),
        ...(options.maxColumns !== undefined ? { maxColumns: options.maxColumns } : {}),
      };
      const { diagrams, warnings } = viewDiagrams(source.catalog, options.view, options, mermaidOptions);
      for (const warning of warnings) ctx.io.err(`note: ${warning}\n`);
      if (diagrams.length === 0) {
        ctx.io.err(`${file}: nothing to draw (the catalog has no ${options.view === "life-experience" ? "life experiences" : "services"})\n`);
        return;
      }
      checkFileCount(diagrams, options);
      await mkdir(resolve(ctx.io.cwd, options.out), { recursive: true });
      for (const diagram of diagrams) {
        const path = join(options.out, `${diagram.id}.mmd`);
        await writeAtomic(ctx.io, path, diagram.text);
        ctx.io.out(`${path}\n`);
      }
      ctx.io.err(`wrote ${plural(diagrams.length, "diagram")} to ${options.out}\n`);
      if (!options.svg) return;
      const renderer = await startRenderer(ctx);
      const { RenderSvgError } = await import("../../render.js");
      try {
        const tick = progress(ctx, diagrams.length);
        for (const diagram of diagrams) {
          const path = join(options.out, `${diagram.id}.svg`);
          tick(`rendering ${path}`);
          let svg: string;
          try {
            svg = await renderer.render(diagram.text);
          } catch (error) {
            if (error instanceof RenderSvgError) throw new CliError("render_failed", `${diagram.id}: ${messageWithoutHint(error)}`, error.hint, { cause: error });
            throw error;
          }
          await writeAtomic(ctx.io, path, svg);
          ctx.io.out(`${path}\n`);
        }
      } finally {
        await renderer.close();
      }
    });
}
