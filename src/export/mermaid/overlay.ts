/**
 * The sludge overlay: findings of the linter highlight steps (and links and services) by severity, with class
 * definitions and a legend. Any view can carry it.
 */
import type { Finding, Severity } from "../../sludge/types.js";
import type { FlowCluster, FlowNode, LabelLine } from "./flowchart.js";
import { LEGEND_CLUSTER_ID, helperNodeId } from "./ids.js";

export type { Finding, Severity };

/** Severities from worst to mildest. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/** The class that marks a step with findings of a severity. */
export function severityClass(severity: Severity): string {
  return `sludge_${severity}`;
}

/** Class definitions of the overlay (written after the view's own classes, so that they win). */
export const SEVERITY_CLASS_DEFS: readonly (readonly [string, string])[] = [
  ["sludge_info", "fill:#e0f2fe,stroke:#0369a1,stroke-width:2px,stroke-dasharray:5 3,color:#0c4a6e"],
  ["sludge_warning", "fill:#fef3c7,stroke:#b45309,stroke-width:3px,color:#451a03"],
  ["sludge_error", "fill:#fee2e2,stroke:#b91c1c,stroke-width:4px,color:#450a0a"],
];

/** The style of a link with findings. */
export function severityLinkStyle(severity: Severity): string {
  switch (severity) {
    case "error":
      return "stroke:#b91c1c,stroke-width:4px,color:#b91c1c";
    case "warning":
      return "stroke:#b45309,stroke-width:3px,color:#b45309";
    default:
      return "stroke:#0369a1,stroke-width:2px,color:#0369a1";
  }
}

/** What the findings say about one target. */
export interface FindingSummary {
  /** The worst severity. */
  readonly severity: Severity;
  /** How many findings there are of each severity. */
  readonly counts: Readonly<Record<Severity, number>>;
  /** Rule ids, sorted, without repeats. */
  readonly rules: readonly string[];
}

/** Findings grouped by what they point at. */
export interface Overlay {
  /** Whether findings were given at all (the legend is drawn even when none apply). */
  readonly active: boolean;
  readonly steps: ReadonlyMap<string, FindingSummary>;
  /** The step ids of {@link Overlay.steps} by service id, in the order first met. */
  readonly stepsByService: ReadonlyMap<string, readonly string[]>;
  readonly services: ReadonlyMap<string, FindingSummary>;
  /** Keyed by `experience id`, then link id. */
  readonly links: ReadonlyMap<string, FindingSummary>;
  readonly experiences: ReadonlyMap<string, FindingSummary>;
  /** Findings that point at the catalog or at waivers. */
  readonly other: FindingSummary | undefined;
}

const SEP = "\u0000";

/** The key of a step in {@link Overlay.steps}. */
export function stepKey(service: string, step: string): string {
  return `${service}${SEP}${step}`;
}

/** The key of a link in {@link Overlay.links}. */
export function linkKey(experience: string, link: string): string {
  return `${experience}${SEP}${link}`;
}

interface Tally {
  counts: Record<Severity, number>;
  rules: Set<string>;
}

function rank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

function summarize(tallies: Map<string, Tally>): Map<string, FindingSummary> {
  const out = new Map<string, FindingSummary>();
  for (const [key, tally] of tallies) out.set(key, finish(tally));
  return out;
}

function finish(tally: Tally): FindingSummary {
  const severity = SEVERITY_ORDER.find((s) => tally.counts[s] > 0) ?? "info";
  return { severity, counts: { ...tally.counts }, rules: [...tally.rules].sort() };
}

function add(map: Map<string, Tally>, key: string, finding: Finding): void {
  let tally = map.get(key);
  if (!tally) {
    tally = { counts: { error: 0, warning: 0, info: 0 }, rules: new Set() };
    map.set(key, tally);
  }
  if (rank(finding.severity) >= 0) tally.counts[finding.severity] += 1;
  tally.rules.add(finding.ruleId);
}

/**
 * Overlays of frozen finding lists (a lint result's), by whether waived findings count. Kept here rather than on the
 * catalog index: an overlay is derived from a findings list (one lint's, under its config and date), not from the
 * catalog, and the same catalog can be exported with several lists.
 */
const overlays = new WeakMap<readonly Finding[], { withWaived?: Overlay; withoutWaived?: Overlay }>();

/**
 * Groups findings by target. Waived findings are left out unless `includeWaived` is set. The overlay of a frozen
 * list (as `lintCatalog` returns) is made once and shared: exporting every view of a catalog with its findings
 * passes the same list to each call, and grouping it each time cost findings × views.
 *
 * @param findings - the linter's findings, or `undefined` for no overlay
 * @param includeWaived - whether waived findings count
 * @returns the grouped findings (read-only, possibly shared)
 */
export function buildOverlay(findings: readonly Finding[] | undefined, includeWaived: boolean): Overlay {
  if (findings === undefined || !Object.isFrozen(findings)) return groupFindings(findings, includeWaived);
  let cached = overlays.get(findings);
  if (cached === undefined) {
    cached = {};
    overlays.set(findings, cached);
  }
  if (includeWaived) return (cached.withWaived ??= groupFindings(findings, true));
  return (cached.withoutWaived ??= groupFindings(findings, false));
}

function groupFindings(findings: readonly Finding[] | undefined, includeWaived: boolean): Overlay {
  const steps = new Map<string, Tally>();
  const stepsByService = new Map<string, string[]>();
  const services = new Map<string, Tally>();
  const links = new Map<string, Tally>();
  const experiences = new Map<string, Tally>();
  const other = new Map<string, Tally>();
  for (const finding of findings ?? []) {
    if (finding.waiver !== undefined && !includeWaived) continue;
    const target = finding.target;
    if (target.kind === "step" && target.service !== undefined && target.step !== undefined) {
      const key = stepKey(target.service, target.step);
      if (!steps.has(key)) {
        const ids = stepsByService.get(target.service);
        if (ids === undefined) stepsByService.set(target.service, [target.step]);
        else ids.push(target.step);
      }
      add(steps, key, finding);
    } else if (target.kind === "service" && target.service !== undefined) {
      add(services, target.service, finding);
    } else if (target.kind === "link" && target.experience !== undefined && target.link !== undefined) {
      add(links, linkKey(target.experience, target.link), finding);
    } else if (target.kind === "experience" && target.experience !== undefined) {
      add(experiences, target.experience, finding);
    } else {
      add(other, "", finding);
    }
  }
  const rest = other.get("");
  return {
    active: findings !== undefined,
    steps: summarize(steps),
    stepsByService,
    services: summarize(services),
    links: summarize(links),
    experiences: summarize(experiences),
    other: rest ? finish(rest) : undefined,
  };
}

/** A label line that names the findings of a target: `Sludge (2 errors): rule-a, rule-b`. */
export function findingLine(summary: FindingSummary): LabelLine {
  const parts = SEVERITY_ORDER.filter((s) => summary.counts[s] > 0).map(
    (s) => `${summary.counts[s]} ${s}${summary.counts[s] === 1 ? "" : "s"}`,
  );
  const shown = summary.rules.slice(0, 3).join(", ");
  const more = summary.rules.length > 3 ? ` +${summary.rules.length - 3} more` : "";
  return [{ text: `Sludge (${parts.join(", ")}):`, strong: true }, { text: `${shown}${more}` }];
}

/**
 * The legend: one key node per severity with how many highlighted targets carry it, inside a titled subgraph.
 *
 * @param counts - targets highlighted at each severity (worst severity per target)
 * @param extra - lines about findings the diagram cannot place on a node (service or catalog level)
 * @returns the legend's subgraph and nodes
 */
export function legend(
  counts: Readonly<Record<Severity, number>>,
  extra: readonly string[],
): { cluster: FlowCluster; nodes: FlowNode[] } {
  const nodes: FlowNode[] = SEVERITY_ORDER.map((severity, i) => ({
    id: helperNodeId("key", i),
    label: [[{ text: severity === "error" ? "Error" : severity === "warning" ? "Warning" : "Info", strong: true }], [{ text: `${counts[severity]} highlighted` }]],
    shape: "rect",
    classes: [severityClass(severity)],
  }));
  if (extra.length > 0) {
    nodes.push({ id: helperNodeId("key", 3), label: extra.map((text) => [{ text }]), shape: "rect", classes: ["legendnote"] });
  }
  return {
    cluster: { id: LEGEND_CLUSTER_ID, title: [[{ text: "Sludge findings", strong: true }]], children: nodes.map((n) => n.id), classes: ["legend"] },
    nodes,
  };
}
