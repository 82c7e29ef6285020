import type { Command } from "commander";
import {
  type Catalog,
  type Finding,
  type HtmlReportDiagram,
  lintCatalog,
  renderHtmlReport,
  toMermaid,
} from "../library.js";
import { loadCatalogFiles, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../errors.js";
import { writeAtomic } from "../io.js";
import { progress } from "../render.js";
import type { SvgRenderer } from "../../render.js";
import { type LintFlags, loadLintConfig, CONFIG_HELP, NO_CONFIG_HELP } from "./lint.js";

/** The diagrams of the report: each service's blueprint (and journey when it has feedback), each experience. */
export function reportDiagrams(catalog: Catalog, findings: readonly Finding[]): HtmlReportDiagram[] {
  const out: HtmlReportDiagram[] = [];
  for (const experience of catalog.lifeExperiences) {
    for (const d of toMermaid(catalog, { view: "life-experience", experience: experience.id }, { findings }).diagrams) {
      out.push({ id: d.id, title: d.title, view: "life-experience", experience: experience.id, mermaid: d.text });
    }
  }
  for (const service of catalog.services) {
    for (const d of toMermaid(catalog, { view: "blueprint", service: service.id }, { findings }).diagrams) {
      out.push({ id: d.id, title: d.title, view: "blueprint", service: service.id, mermaid: d.text });
    }
    if (service.feedback.length > 0) {
      for (const d of toMermaid(catalog, { view: "journey", service: service.id }).diagrams) {
        out.push({ id: d.id, title: d.title, view: "journey", service: service.id, mermaid: d.text });
      }
    }
  }
  return out;
}

/** Renders what it can; a missing browser leaves every diagram as Mermaid source, with the reason. */
async function renderAll(ctx: CliContext, diagrams: readonly HtmlReportDiagram[]): Promise<{ diagrams: HtmlReportDiagram[]; note?: string }> {
  let renderer: SvgRenderer;
  // Loaded only here: the renderer is Node-only and pulls in playwright-core when it starts.
  const { RenderSvgError, createSvgRenderer } = await import("../../render.js");
  try {
    renderer = await createSvgRenderer({ executablePath: ctx.io.env.CHROMIUM_PATH || undefined });
  } catch (error) {
    if (!(error instanceof RenderSvgError)) throw error;
    ctx.io.err(`note: diagrams not rendered: ${error.message}; the report shows their Mermaid source\n`);
    return { diagrams: [...diagrams], note: error.code === "missing_browser" ? "no Chromium was found" : error.message };
  }
  ctx.io.err(`rendering ${plural(diagrams.length, "diagram")} in headless Chromium\n`);
  const out: HtmlReportDiagram[] = [];
  let failed = 0;
  try {
    const tick = progress(ctx, diagrams.length);
    for (const diagram of diagrams) {
      tick(`rendering ${diagram.id}`);
      try {
        out.push({ ...diagram, svg: await renderer.render(diagram.mermaid) });
      } catch (error) {
        if (!(error instanceof RenderSvgError)) throw error;
        failed += 1;
        ctx.io.err(`note: ${diagram.id} not rendered: ${error.message}\n`);
        out.push(diagram);
      }
    }
  } finally {
    await renderer.close();
  }
  return failed > 0 ? { diagrams: out, note: "Mermaid could not render it" } : { diagrams: out };
}

/** `report <file> --out report.html`: one self-contained HTML page. */
export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command("report")
    .summary("write a self-contained HTML report")
    .description(
      "Write one self-contained HTML page that works offline: the services and life experiences with their " +
        "diagrams (rendered to SVG in headless Chromium when it is installed, else shown as Mermaid source), the " +
        "findings with filters, the burden figures and a chart of where the hours go, and A-11 feedback figures. " +
        "Every catalog string is escaped and a Content-Security-Policy allows only the page's own script.",
    )
    .argument("<file>", "catalog file")
    .requiredOption("--out <file>", "the HTML file to write")
    .option("--preset <name>", "lint preset")
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", NO_CONFIG_HELP)
    .option("--no-svg", "do not start Chromium; show the diagrams' Mermaid source")
    .option("--title <title>", "page title (default: the catalog's name)")
    .addHelpText("after", "\nExample:\n  $ service-blueprint report as-is.yaml --out out/report.html")
    .action(async (file: string, options: LintFlags & { out: string; svg: boolean; title?: string }) => {
      const config = await loadLintConfig(ctx, options);
      const { loaded } = await loadCatalogFiles(ctx.io, [file], ctx.errStyle);
      const source = loaded[0];
      if (source === undefined) {
        ctx.exit(EXIT.findings);
        return;
      }
      const { catalog } = source;
      const lint = lintCatalog(catalog, config);
      const planned = reportDiagrams(catalog, lint.findings);
      const rendered = options.svg ? await renderAll(ctx, planned) : { diagrams: planned, note: "rendering was turned off with --no-svg" };
      const html = renderHtmlReport({
        catalog,
        findings: lint.findings,
        waived: lint.waived,
        burden: lint.burden,
        diagrams: rendered.diagrams,
        source: file,
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(rendered.note !== undefined ? { svgNote: rendered.note } : {}),
      });
      await writeAtomic(ctx.io, options.out, html);
      ctx.io.err(`wrote ${options.out} (${plural(lint.findings.length, "finding")}, ${plural(planned.length, "diagram")})\n`);
    });
}
