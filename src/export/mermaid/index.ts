/**
 * `toMermaid`: catalog views as Mermaid text.
 */
import { indexCatalog } from "../../model/index-lookup.js";
import type { Catalog } from "../../model/schema.js";
import { blueprintView } from "./blueprint.js";
import type { ViewContext } from "./context.js";
import { resolveOptions } from "./filters.js";
import { journeyView } from "./journey.js";
import { lifeExperienceView } from "./life-experience.js";
import { MermaidExportError, type MermaidDiagram, type MermaidOptions, type MermaidResult, type MermaidView, type MermaidWarning } from "./types.js";

/**
 * Turns a view of a catalog into Mermaid text: a service blueprint, a life-experience graph or a customer
 * journey. Pure and deterministic: the same catalog, view and options give byte-identical text; nothing is read
 * or written.
 *
 * Every user string is escaped (no label can inject syntax, HTML, directives or links) and every id is generated.
 * A view larger than the budgets (`maxEdges`, `maxTextSize`) is split into linked diagrams or drawn with less
 * detail; `warnings` says so.
 *
 * @param catalog - a parsed catalog (see `parseCatalog`)
 * @param view - which view, of which service or life experience
 * @param options - filters, the sludge overlay, budgets and layout
 * @returns the diagrams (one, or several parts) and warnings
 * @throws MermaidExportError for an unknown id (`unknown_service`, `unknown_experience`) or a bad option
 * @example
 * ```ts
 * import { lintCatalog, parseCatalog, toMermaid } from "service-blueprint";
 * const catalog = parseCatalog(document);
 * const { diagrams } = toMermaid(catalog, { view: "blueprint", service: "ssa-retirement" }, {
 *   findings: lintCatalog(catalog).findings,
 * });
 * console.log(diagrams[0].text); // "---\ntitle: ...\nflowchart LR\n..."
 * ```
 */
export function toMermaid(catalog: Catalog, view: MermaidView, options?: MermaidOptions): MermaidResult {
  // Memoised per frozen catalog: exporting every view of a catalog indexes it once, and shares what the analyses
  // derive from it (which made the export quadratic in the number of services when each view indexed it).
  const index = indexCatalog(catalog);
  const resolved = resolveOptions(options, index);
  const warnings: MermaidWarning[] = [];
  const context: ViewContext = {
    catalog,
    index,
    options: resolved,
    warnings,
    warn(code, message) {
      warnings.push({ code, message });
    },
  };
  if (typeof view !== "object" || view === null) throw new MermaidExportError("invalid_view", "view", "must be an object such as { view: 'blueprint', service: 'id' }");
  let diagrams: MermaidDiagram[];
  switch (view.view) {
    case "blueprint":
      diagrams = blueprintView(context, view.service);
      break;
    case "life-experience":
      diagrams = lifeExperienceView(context, view.experience);
      break;
    case "journey":
      diagrams = journeyView(context, view.service);
      break;
    default:
      throw new MermaidExportError(
        "invalid_view",
        "view.view",
        `unknown view '${String((view as { view?: unknown }).view)}'`,
        "use 'blueprint', 'life-experience' or 'journey'",
      );
  }
  return { diagrams, warnings };
}

export { MermaidExportError };
export { compareDiagram, type CompareDiagramOptions } from "./compare.js";
export type { MermaidDiagram, MermaidOptions, MermaidResult, MermaidView, MermaidWarning };
