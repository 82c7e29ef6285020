/**
 * The compare view: one service as-is and to-be in one Mermaid flowchart. Steps new in the to-be, changed, removed
 * and unchanged each have their own class and a legend entry; every step shows the expected customer minutes it
 * saves (or adds), and the legend the service's totals. The figures come from `compareCatalogs`, so they agree
 * with the `compare` command's text.
 */
import { suggest } from "../../model/did-you-mean.js";
import type { Catalog, Flow, Service, Step } from "../../model/schema.js";
import type { StepBurden } from "../../sludge/burden.js";
import { type CatalogComparison, compareCatalogs } from "../../sludge/compare.js";
import type { LintConfig, ResolvedLintConfig } from "../../sludge/config.js";
import { DEFAULT_MAX_LABEL_LENGTH } from "./filters.js";
import { type FlowCluster, type FlowEdge, type FlowNode, type Flowchart, type Label, type LabelLine, writeFlowchart, writtenEdgeCount } from "./flowchart.js";
import { formatMinutes, formatShare } from "./format.js";
import { LEGEND_CLUSTER_ID, helperNodeId, stepNodeId } from "./ids.js";
import { visibleName } from "./labels.js";
import { MermaidExportError, type MermaidResult, type MermaidWarning } from "./types.js";

/**
 * Options of {@link compareDiagram}.
 *
 * @example
 * ```ts
 * import type { CompareDiagramOptions } from "service-blueprint";
 * const options: CompareDiagramOptions = { service: "ssa-retirement", config: { preset: "recommended" } };
 * ```
 */
export interface CompareDiagramOptions {
  /** The service to draw. Required when the two catalogs hold more than one service between them. */
  readonly service?: string | undefined;
  /** The lint configuration `compareCatalogs` uses (when `comparison` is not given). */
  readonly config?: LintConfig | ResolvedLintConfig | undefined;
  /** A comparison already made of the same two catalogs (`compareCatalogs(asIs, toBe)`), to avoid linting twice. */
  readonly comparison?: CatalogComparison | undefined;
  /** Draw a title above the diagram (frontmatter `title`). Default `true`. */
  readonly title?: boolean | undefined;
  /** The longest step name in a label, in characters; longer ones end with "…". Default 120. */
  readonly maxLabelLength?: number | undefined;
}

/** How a step changed between the two versions. */
type StepStatus = "added" | "changed" | "removed" | "unchanged";

const STATUS_CLASSES: readonly (readonly [StepStatus, string, string])[] = [
  ["unchanged", "cmpUnchanged", "fill:#ffffff,stroke:#64748b,stroke-width:1px,color:#1e293b"],
  ["changed", "cmpChanged", "fill:#fef3c7,stroke:#b45309,stroke-width:3px,color:#1e293b"],
  ["added", "cmpAdded", "fill:#dcfce7,stroke:#15803d,stroke-width:3px,color:#14532d"],
  ["removed", "cmpRemoved", "fill:#f1f5f9,stroke:#94a3b8,stroke-width:2px,stroke-dasharray:6 4,color:#64748b"],
];

const STATUS_TEXT: Readonly<Record<StepStatus, string>> = {
  unchanged: "Unchanged step",
  changed: "Changed step (fields named)",
  added: "New step in the to-be",
  removed: "Removed step (as-is only)",
};

/** Expected customer minutes of a step per customer of its service: its minutes times its visits. */
function minutesPerCustomer(step: StepBurden | undefined): number {
  return step === undefined ? 0 : step.minutes * step.visits;
}

/** Below this many minutes a saving is rounding noise and is not shown. */
const NOISE = 0.05;

/** `saves 35 min per customer`, `adds 5 min per customer`, or nothing. */
function savingLine(saved: number): LabelLine | undefined {
  if (Math.abs(saved) < NOISE) return undefined;
  return [{ text: `${saved > 0 ? "saves" : "adds"} ${formatMinutes(Math.abs(saved))} per customer`, strong: true }];
}

/** `1,234,567` for a rounded count. */
function count(value: number): string {
  return String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Picks the service: the one named, else the only one the catalogs hold between them. */
function chooseService(asIs: Catalog, toBe: Catalog, id: string | undefined): string {
  const ids = [...new Set([...asIs.services, ...toBe.services].map((s) => s.id))].sort();
  if (id === undefined) {
    if (ids.length === 1) return ids[0]!;
    throw new MermaidExportError(
      "invalid_option",
      "options.service",
      `the catalogs hold ${ids.length} services: name the one to draw`,
      ids.length === 0 ? "add a service to the catalogs" : `one of ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", ..." : ""}`,
    );
  }
  if (!ids.includes(id)) {
    const guess = suggest(id, ids);
    throw new MermaidExportError(
      "unknown_service",
      "options.service",
      `service '${id}' is in neither catalog`,
      guess === undefined ? "check the service id" : `did you mean '${guess}'?`,
    );
  }
  return id;
}

/** The edge of a flow: its stroke and label as the blueprint draws them. */
function flowEdge(from: string, to: string, flow: Flow, old: boolean): FlowEdge {
  const share = flow.share === undefined ? undefined : formatShare(flow.share);
  const text = [flow.label, share, flow.kind === "rework" ? "rework" : undefined].filter((t) => t !== undefined && t !== "").join(" · ");
  return {
    from,
    to,
    ...(text === "" ? {} : { label: [[{ text }]] }),
    stroke: flow.kind === "rework" || old ? "dotted" : "normal",
    arrow: "end",
    length: 1,
    ...(old ? { style: "stroke:#94a3b8,color:#64748b" } : {}),
  };
}

/**
 * Draws one service as-is and to-be in one Mermaid flowchart (top to bottom, so that a long service grows in
 * height, not width): the to-be steps with their flows, the removed as-is steps with their old flows dotted and
 * grey, each step classed new, changed, removed or unchanged, with the expected customer minutes it saves or adds
 * per customer (minutes × visits, from `compareCatalogs`'s burden figures), and a legend with every class and the
 * service's totals: minutes per customer and customer hours a year, before and after.
 *
 * @param asIs - the catalog before the redesign
 * @param toBe - the catalog after
 * @param options - the service, the lint configuration or a ready comparison, the title and label length
 * @returns one diagram and warnings
 * @throws MermaidExportError `invalid_option` when the catalogs hold several services and none is named,
 *   `unknown_service` (with a did-you-mean hint) for a service in neither catalog
 * @example
 * ```ts
 * import { compareDiagram, parseCatalogText } from "service-blueprint";
 * const asIs = parseCatalogText(await readFile("as-is.yaml", "utf8"));
 * const toBe = parseCatalogText(await readFile("to-be.yaml", "utf8"));
 * const { diagrams } = compareDiagram(asIs, toBe, { service: "ssa-retirement" });
 * await writeFile("compare.mmd", diagrams[0].text);
 * ```
 */
export function compareDiagram(asIs: Catalog, toBe: Catalog, options: CompareDiagramOptions = {}): MermaidResult {
  const serviceId = chooseService(asIs, toBe, options.service);
  const comparison = options.comparison ?? compareCatalogs(asIs, toBe, options.config);
  const maxLabelLength = options.maxLabelLength ?? DEFAULT_MAX_LABEL_LENGTH;
  const warnings: MermaidWarning[] = [];
  const before: Service | undefined = asIs.services.find((s) => s.id === serviceId);
  const after: Service | undefined = toBe.services.find((s) => s.id === serviceId);
  const burdenOf = (report: CatalogComparison["burden"]["before"]) => {
    const row = report.services.find((s) => s.service === serviceId);
    return new Map((row?.steps ?? []).map((s) => [s.step, s] as const));
  };
  const burdenBefore = burdenOf(comparison.burden.before);
  const burdenAfter = burdenOf(comparison.burden.after);
  const row = comparison.burden.services.find((r) => r.id === serviceId);
  const added = new Set(comparison.steps.added.filter((s) => s.service === serviceId).map((s) => s.step));
  const removed = new Set(comparison.steps.removed.filter((s) => s.service === serviceId).map((s) => s.step));
  const changed = new Map(comparison.steps.changed.filter((s) => s.service === serviceId).map((s) => [s.step, s.fields] as const));

  const nodes: FlowNode[] = [];
  const top: string[] = [];
  const edges: FlowEdge[] = [];
  const nodeOf = new Map<string, string>();
  const addStep = (step: Step, id: string, status: StepStatus): void => {
    const saved = minutesPerCustomer(burdenBefore.get(step.id)) - minutesPerCustomer(burdenAfter.get(step.id));
    const name = visibleName(step.name, `step ${step.id}`);
    const fields = changed.get(step.id) ?? [];
    const detail =
      status === "added"
        ? "new"
        : status === "removed"
          ? "removed"
          : status === "changed"
            ? `changed: ${fields.slice(0, 3).join(", ")}${fields.length > 3 ? ` and ${fields.length - 3} more` : ""}`
            : `${step.lane}`;
    const label: LabelLine[] = [[{ text: name, strong: true }], [{ text: detail, em: status !== "unchanged" }]];
    const saving = savingLine(saved);
    if (saving !== undefined) label.push(saving);
    nodes.push({ id, label, shape: step.outcome === undefined ? "rect" : "round", classes: [STATUS_CLASSES.find(([s]) => s === status)![1]] });
    top.push(id);
    nodeOf.set(step.id, id);
  };
  const seen = new Set<string>();
  (after?.steps ?? []).forEach((step, i) => {
    if (seen.has(step.id)) return;
    seen.add(step.id);
    addStep(step, stepNodeId(0, i), added.has(step.id) ? "added" : changed.has(step.id) ? "changed" : "unchanged");
  });
  (before?.steps ?? []).forEach((step, i) => {
    if (!removed.has(step.id) || seen.has(step.id)) return;
    seen.add(step.id);
    addStep(step, stepNodeId(1, i), "removed");
  });
  for (const step of after?.steps ?? []) {
    const from = nodeOf.get(step.id);
    for (const flow of step.next) {
      const to = nodeOf.get(flow.to);
      if (from !== undefined && to !== undefined) edges.push(flowEdge(from, to, flow, false));
    }
    const host = step.attachedTo === undefined ? undefined : nodeOf.get(step.attachedTo);
    if (host !== undefined && from !== undefined) edges.push({ from: host, to: from, stroke: "dotted", arrow: "none", length: 1 });
  }
  // The removed steps' old flows, dotted and grey, so a reader sees where they stood.
  for (const step of before?.steps ?? []) {
    for (const flow of step.next) {
      if (!removed.has(step.id) && !removed.has(flow.to)) continue;
      const from = nodeOf.get(step.id);
      const to = nodeOf.get(flow.to);
      if (from !== undefined && to !== undefined) edges.push(flowEdge(from, to, flow, true));
    }
    const host = step.attachedTo === undefined ? undefined : nodeOf.get(step.attachedTo);
    const from = nodeOf.get(step.id);
    if (removed.has(step.id) && host !== undefined && from !== undefined) edges.push({ from: host, to: from, stroke: "dotted", arrow: "none", length: 1, style: "stroke:#94a3b8" });
  }

  // The legend: one key per class, then the service's totals.
  const keys: FlowNode[] = STATUS_CLASSES.map(([status, className], k) => ({
    id: helperNodeId("key", k),
    label: [[{ text: STATUS_TEXT[status] }]],
    shape: "rect",
    classes: [className],
  }));
  const minutesBefore = row?.before?.minutesPerCustomer ?? 0;
  const minutesAfter = row?.after?.minutesPerCustomer ?? 0;
  const saved = minutesBefore - minutesAfter;
  const hoursBefore = row?.before?.annualHours ?? 0;
  const hoursAfter = row?.after?.annualHours ?? 0;
  const totals: Label = [
    [{ text: "Customer minutes per customer", strong: true }],
    [{ text: `${formatMinutes(minutesBefore)} → ${formatMinutes(minutesAfter)}` }],
    [{ text: Math.abs(saved) < NOISE ? "no change" : `${saved > 0 ? "saves" : "adds"} ${formatMinutes(Math.abs(saved))} per customer`, strong: true }],
    [{ text: `Customer hours a year: ${count(hoursBefore)} → ${count(hoursAfter)}` }],
    [{ text: `Steps: ${added.size} new, ${changed.size} changed, ${removed.size} removed` }],
  ];
  keys.push({ id: helperNodeId("key", STATUS_CLASSES.length), label: totals, shape: "rect", classes: ["cmpTotals"] });
  const legend: FlowCluster = { id: LEGEND_CLUSTER_ID, title: [[{ text: "Legend", strong: true }]], children: keys.map((k) => k.id), classes: ["cmpLegend"] };
  // No links between the keys: unlinked nodes of one subgraph sit side by side in one rank.
  const name = after?.name ?? before?.name ?? serviceId;
  const title = `As-is vs to-be: ${name}`;
  const chart: Flowchart = {
    header: "flowchart",
    direction: "TB",
    ...(options.title === false ? {} : { title }),
    accTitle: title,
    accDescr: `${added.size} new, ${changed.size} changed and ${removed.size} removed steps; customer minutes per customer ${formatMinutes(minutesBefore)} before, ${formatMinutes(minutesAfter)} after`,
    // Links drawn through their layout points, so that each label stays in the space dagre made for it (with
    // Mermaid's default curve two branch labels can land on each other; see Flowchart.config.curve).
    config: { wrappingWidth: 220, curve: "rounded" },
    nodes: [...nodes, ...keys],
    clusters: [legend],
    top: [LEGEND_CLUSTER_ID, ...top],
    edges,
    classDefs: [
      ...STATUS_CLASSES.map(([, className, css]) => [className, css] as const),
      ["cmpTotals", "fill:#eff6ff,stroke:#1d4ed8,stroke-width:2px,color:#1e3a8a"],
      ["cmpLegend", "fill:#f8fafc,stroke:#cbd5e1"],
    ],
  };
  const text = writeFlowchart(chart, maxLabelLength);
  return { diagrams: [{ id: `compare-${serviceId}`, title, text, edges: writtenEdgeCount(chart) }], warnings };
}
