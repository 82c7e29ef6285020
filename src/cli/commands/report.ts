import type { Command } from "commander";
import { toMermaid } from "../../export/mermaid/index.js";
import type { Catalog } from "../../model/schema.js";
import { type HtmlReportComparison, type HtmlReportDiagram, renderHtmlReport } from "../../report/html/render.js";
import { compareCatalogs } from "../../sludge/compare.js";
import { lintCatalog } from "../../sludge/engine.js";
import type { Finding } from "../../sludge/types.js";
import { hasNoModelledSteps } from "../../report/html/summary.js";
import { loadCatalogFiles, plural } from "../catalog-file.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../errors.js";
import { writeAtomic } from "../io.js";
import { progress } from "../render.js";
import type { SvgRenderer } from "../../render.js";
import { type LintFlags, loadLintConfig, CONFIG_HELP, NO_CONFIG_HELP } from "./lint.js";

/**
 * From this many steps on, report says on stderr what it is doing (lint does from 100,000): besides linting, it
 * draws a diagram per service and writes a page of megabytes, some 2 s for 10,000 steps without SVG.
 */
export const LARGE_REPORT_STEPS = 10_000;

/**
 * The diagrams of the report: each service's blueprint (and journey when it has feedback), each experience. A
 * service with no steps modelled (feedback data only) gets none: the report lists it in a table.
 */
export function reportDiagrams(catalog: Catalog, findings: readonly Finding[], tick?: (label: string) => void): HtmlReportDiagram[] {
  const out: HtmlReportDiagram[] = [];
  for (const experience of catalog.lifeExperiences) {
    for (const d of toMermaid(catalog, { view: "life-experience", experience: experience.id }, { findings }).diagrams) {
      out.push({ id: d.id, title: d.title, view: "life-experience", experience: experience.id, mermaid: d.text });
    }
  }
  for (const service of catalog.services) {
    tick?.(service.id);
    if (hasNoModelledSteps(service)) continue;
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

/**
 * Progress for a long loop: a `[i/n]` line (as {@link progress} writes) every tenth of the way, so a catalog of
 * 10,000 services prints ten lines, not 10,000.
 */
function every(ctx: CliContext, total: number, verb: string): (label: string) => void {
  const step = Math.max(1, Math.ceil(total / 10));
  const tick = progress(ctx, Math.ceil(total / step));
  let done = 0;
  return (label) => {
    done += 1;
    if (done % step === 0 || done === total) tick(`${verb} ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} (${label})`);
  };
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
        "It opens with a summary: rounded totals, the five findings with the most hours, and with --compare the " +
        "change from this catalog (as-is) to a to-be catalog. " +
        "Every catalog string is escaped and a Content-Security-Policy allows only the page's own script.",
    )
    .argument("<file>", "catalog file")
    .requiredOption("--out <file>", "the HTML file to write")
    .option("--preset <name>", "lint preset")
    .option("--config <file>", CONFIG_HELP)
    .option("--no-config", NO_CONFIG_HELP)
    .option("--no-svg", "do not start Chromium; show the diagrams' Mermaid source")
    .option("--title <title>", "page title (default: the catalog's name)")
    .option("--compare <to-be>", "a to-be catalog: the summary and a section state the change from <file> (the as-is)")
    .addHelpText(
      "after",
      "\nExamples:\n  $ service-blueprint report as-is.yaml --out out/report.html\n  $ service-blueprint report as-is.yaml --compare to-be.yaml --out out/report.html",
    )
    .action(async (file: string, options: LintFlags & { out: string; svg: boolean; title?: string; compare?: string }) => {
      const config = await loadLintConfig(ctx, options);
      const files = options.compare !== undefined ? [file, options.compare] : [file];
      const { loaded, invalid } = await loadCatalogFiles(ctx.io, files, ctx.errStyle);
      const source = loaded[0];
      if (source === undefined || invalid > 0) {
        ctx.exit(EXIT.findings);
        return;
      }
      const { catalog } = source;
      const steps = catalog.services.reduce((n, service) => n + service.steps.length, 0);
      const large = steps >= LARGE_REPORT_STEPS;
      const started = performance.now();
      const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
      if (large) ctx.io.err(`${file}: linting ${steps.toLocaleString("en-US")} steps\n`);
      // With a to-be, the comparison lints both; its as-is result is the report's.
      const toBe = loaded[1];
      const comparison = toBe !== undefined ? compareCatalogs(catalog, toBe.catalog, config) : undefined;
      const lint = comparison?.lint.before ?? lintCatalog(catalog, config);
      const compare: HtmlReportComparison | undefined =
        comparison !== undefined && toBe !== undefined ? { comparison, catalog: toBe.catalog, source: toBe.file } : undefined;
      if (large) ctx.io.err(`${file}: ${plural(lint.findings.length, "finding")} in ${seconds()}; drawing ${plural(catalog.services.length, "service")}\n`);
      const planned = reportDiagrams(catalog, lint.findings, large ? every(ctx, catalog.services.length, "drawing") : undefined);
      const rendered = options.svg ? await renderAll(ctx, planned) : { diagrams: planned, note: "rendering was turned off with --no-svg" };
      const html = renderHtmlReport({
        catalog,
        findings: lint.findings,
        waived: lint.waived,
        burden: lint.burden,
        diagrams: rendered.diagrams,
        source: file,
        rules: config.rules.map((setting) => setting.rule),
        ...(compare !== undefined ? { compare } : {}),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(rendered.note !== undefined ? { svgNote: rendered.note } : {}),
      });
      if (large) ctx.io.err(`${file}: writing ${(html.length / 1e6).toFixed(1)} MB after ${seconds()}\n`);
      await writeAtomic(ctx.io, options.out, html);
      ctx.io.err(`wrote ${options.out} (${plural(lint.findings.length, "finding")}, ${plural(planned.length, "diagram")})\n`);
    });
}
