/**
 * The pieces every life-experience diagram is drawn from: how hand-offs and channels look, the services as the
 * filters show them, the time to outcome, the legends, and the lazily written diagrams (see life-experience.ts).
 */
import type { Agency, LifeExperience, Link, Service, Step } from "../../model/schema.js";
import { channelGroup, type ChannelGroup, type LinkKind } from "../../model/vocabulary.js";
import { type ViewContext } from "./context.js";
import { type ShownService } from "./filters.js";
import { writeFlowchart, writtenEdgeCount, type FlowCluster, type FlowEdge, type FlowNode, type Flowchart, type Label, type LabelLine } from "./flowchart.js";
import { formatDays, formatMinutes, formatShare } from "./format.js";
import { helperNodeId } from "./ids.js";
import { visibleName } from "./labels.js";
import { SEVERITY_CLASS_DEFS, SEVERITY_ORDER, findingLine, legend, linkKey, severityLinkStyle, stepKey, type Severity } from "./overlay.js";
import { MermaidExportError, type MermaidDiagram } from "./types.js";
import { suggest } from "../../model/did-you-mean.js";
import type { GraphAnalysisBase, GraphAnalysisOptions, TimeTotals } from "../../graph/types.js";
import { known } from "../../internal/invariant.js";

/** How each kind of hand-off is drawn. */
export const LINK_LOOK: Readonly<Record<LinkKind, { stroke: "normal" | "dotted" | "thick"; style: string; words: string }>> = {
  "data-share": { stroke: "thick", style: "stroke:#15803d,stroke-width:4px,color:#14532d", words: "data shared" },
  // Solid and magenta: the dotted orange line is rework in every view, and carrying papers is not rework.
  "customer-carries": { stroke: "normal", style: "stroke:#be185d,stroke-width:3px,color:#831843", words: "customer carries" },
  trigger: { stroke: "normal", style: "stroke:#1d4ed8,stroke-width:2px,color:#1e3a8a", words: "triggers" },
  referral: { stroke: "normal", style: "stroke:#7c3aed,stroke-width:2px,color:#4c1d95", words: "referral" },
  notification: { stroke: "dotted", style: "stroke:#0369a1,stroke-width:2px,color:#0c4a6e", words: "notification" },
};

export const LINK_LEGEND: Readonly<Record<LinkKind, string>> = {
  "data-share": "Agencies share the data",
  "customer-carries": "The customer carries it",
  trigger: "One service triggers the next",
  referral: "Referral",
  notification: "Notification",
};

export type ChannelKey = ChannelGroup | "none";
export const CHANNEL_CLASS: Readonly<Record<ChannelKey, string>> = {
  digital: "ch_digital",
  phone: "ch_phone",
  "in-person": "ch_in_person",
  paper: "ch_paper",
  other: "ch_other",
  none: "ch_none",
};
export const CHANNEL_WORDS: Readonly<Record<ChannelKey, string>> = {
  digital: "Digital",
  phone: "Phone",
  "in-person": "In person",
  paper: "Paper or mail",
  other: "Other channel",
  none: "No channel (behind the scenes)",
};
export const CHANNEL_KEYS: readonly ChannelKey[] = ["digital", "phone", "in-person", "paper", "other", "none"];

export const CLASS_DEFS: readonly (readonly [string, string])[] = [
  ["agency", "fill:#f8fafc,stroke:#334155,stroke-width:2px"],
  ["service", "fill:#ffffff,stroke:#94a3b8"],
  ["legends", "fill:#ffffff,stroke:#cbd5e1"],
  ["legend", "fill:#ffffff,stroke:#94a3b8"],
  ["legendnote", "fill:#ffffff,stroke:#94a3b8,color:#334155"],
  ["ch_digital", "fill:#e0f2fe,stroke:#0369a1,color:#0f172a"],
  ["ch_phone", "fill:#fae8ff,stroke:#a21caf,color:#0f172a"],
  ["ch_in_person", "fill:#ffedd5,stroke:#c2410c,color:#0f172a"],
  ["ch_paper", "fill:#f5f5f4,stroke:#57534e,color:#0f172a"],
  ["ch_other", "fill:#f1f5f9,stroke:#64748b,color:#0f172a"],
  ["ch_none", "fill:#ffffff,stroke:#94a3b8,color:#334155"],
  ["collapsed", "fill:#ffffff,stroke:#334155,stroke-width:2px,color:#0f172a"],
  ["stub", "fill:#ffffff,stroke:#64748b,stroke-dasharray:3 3,color:#334155"],
  ["total", "fill:#f1f5f9,stroke:#0f172a,stroke-width:2px,color:#0f172a"],
];

export const REWORK_STYLE = "stroke:#c2410c,stroke-width:2px,color:#c2410c";
export const BRIDGE_STYLE = "stroke:#64748b,color:#475569";

/** A service of the experience, with what the filters show of it. */
export interface Member {
  readonly service: Service;
  readonly serviceIndex: number;
  readonly agencyKey: number;
  readonly shown: ShownService;
  readonly ids: ReadonlyMap<string, number>;
  /** Position of each shown step in `shown.steps`, by step index. */
  readonly local: ReadonlyMap<number, number>;
}

/** How a service appears in one diagram. */
export type Appearance =
  /** Its steps (those of `part` when the service was split), in its own subgraph. */
  | { readonly kind: "expanded"; readonly partOf?: Int32Array; readonly part?: number; readonly parts?: number }
  /** One node. */
  | { readonly kind: "collapsed" }
  /** A continuation node pointing at another diagram. */
  | { readonly kind: "stub"; readonly where: string };

export function channelKey(context: ViewContext, step: Step): ChannelKey {
  if (step.channel === undefined) return "none";
  const channel = context.index.channels.get(step.channel);
  return channel === undefined ? "other" : channelGroup(channel.kind);
}

export function serviceSummary(context: ViewContext, member: Member): LabelLine[] {
  let minutes = 0;
  let days = 0;
  const groups = new Set<ChannelKey>();
  for (const i of member.shown.steps) {
    const step = member.service.steps[i]!;
    minutes += step.customerMinutes + step.holdMinutes + step.travelMinutes;
    days += step.waitDays;
    groups.add(channelKey(context, step));
  }
  groups.delete("none");
  const lines: LabelLine[] = [[{ text: `${stepCount(member.shown.steps.length)} · ${formatMinutes(minutes)} of customer time${days > 0 ? ` · waits ${formatDays(days)}` : ""}` }]];
  if (groups.size > 0) lines.push([{ text: `Channels: ${CHANNEL_KEYS.filter((k) => groups.has(k)).map((k) => CHANNEL_WORDS[k].toLowerCase()).join(", ")}`, em: true }]);
  return lines;
}

export function linkLabel(context: ViewContext, link: Link): Label {
  const look = LINK_LOOK[link.kind];
  const spans = [{ text: link.label ?? look.words, strong: true }];
  const items: string[] = [];
  for (const id of link.data) items.push(context.index.dataElements.get(id)?.name ?? id);
  for (const id of link.documents) items.push(context.index.documentTypes.get(id)?.name ?? id);
  const lines: LabelLine[] = [spans];
  if (items.length > 0) lines.push([{ text: items.join(", ") }]);
  const extra: string[] = [];
  if (link.share !== undefined) extra.push(formatShare(link.share));
  if (link.waitDays > 0) extra.push(`wait ${formatDays(link.waitDays)}`);
  if (extra.length > 0) lines.push([{ text: extra.join(" · "), em: true }]);
  return lines;
}

/** Everything needed to draw any diagram of the experience. */
export interface Setting {
  readonly context: ViewContext;
  readonly experience: LifeExperience;
  readonly members: readonly Member[];
  readonly byId: ReadonlyMap<string, Member>;
  readonly agencies: readonly Agency[];
  /** The links of the experience that touch each service (by service id), in experience order. */
  readonly linksOf: ReadonlyMap<string, readonly Link[]>;
  /** Each link's position in the experience. */
  readonly linkOrder: ReadonlyMap<Link, number>;
  /** The members in time order: a service after the services whose links lead into it, else in listed order. */
  readonly timeOrder: readonly Member[];
}

/** The links touching any of the given services, once each, in experience order. */
export function linksAmong(setting: Setting, serviceIds: Iterable<string>): Link[] {
  const chosen = new Set<Link>();
  for (const id of serviceIds) for (const link of setting.linksOf.get(id) ?? []) chosen.add(link);
  return [...chosen].sort((a, b) => known(setting.linkOrder, a) - known(setting.linkOrder, b));
}

export function agencyTitle(setting: Setting, key: number): Label {
  const agency = setting.agencies[key];
  if (agency === undefined) return [[{ text: "Unknown agency", strong: true }]];
  const name = visibleName(agency.name, `agency ${agency.id}`);
  return agency.acronym !== undefined ? [[{ text: agency.acronym, strong: true }, { text: name }]] : [[{ text: name, strong: true }]];
}

/** Time to outcome, from the graph analysis (the same figures as `analyzeService` and `analyzeLifeExperience`). */
export interface OutcomeTime {
  /** Expected customer minutes and elapsed days per customer. */
  readonly expected: TimeTotals;
  /** The critical path (the longest by elapsed days), when there is a path. */
  readonly longest?: TimeTotals;
}

/** Paths are measured in elapsed days; none need listing (the critical path is found without listing them). */
export const TIME_OPTIONS: GraphAnalysisOptions = { pathMeasure: "days", maxPaths: 0 };

export function outcomeTime(analysis: GraphAnalysisBase): OutcomeTime {
  const longest = analysis.paths.critical?.time;
  return longest === undefined ? { expected: analysis.expected } : { expected: analysis.expected, longest };
}

export function timeLines(time: OutcomeTime): LabelLine[] {
  const longest = time.longest !== undefined && time.longest.days > time.expected.days ? ` · up to ${formatDays(time.longest.days)}` : "";
  return [
    [{ text: "Time to outcome" }, { text: `${formatDays(time.expected.days)}${longest}`, strong: true }],
    [{ text: `Customer time ${formatMinutes(time.expected.minutes)}` }],
  ];
}

/** A hand-off drawn as its kind looks, or in its severity's colour when it has findings (counted in `severities`). */
export function handOffEdge(setting: Setting, link: Link, from: string, to: string, severities: Record<Severity, number>): FlowEdge {
  const look = LINK_LOOK[link.kind];
  const findings = setting.context.options.overlay.links.get(linkKey(setting.experience.id, link.id));
  let label = linkLabel(setting.context, link);
  if (findings) {
    severities[findings.severity] += 1;
    label = [...label, findingLine(findings)];
  }
  return { from, to, stroke: look.stroke, arrow: "end", length: 1, label, style: findings ? severityLinkStyle(findings.severity) : look.style };
}

/** The worst severity among a service's shown steps and the service itself. */
export function worstSeverity(setting: Setting, member: Member): Severity | undefined {
  const { overlay } = setting.context.options;
  const { service } = member;
  let worst: Severity | undefined;
  const consider = (severity: Severity): void => {
    if (worst === undefined || SEVERITY_ORDER.indexOf(severity) < SEVERITY_ORDER.indexOf(worst)) worst = severity;
  };
  for (const i of member.shown.steps) {
    const summary = overlay.steps.get(stepKey(service.id, service.steps[i]!.id));
    if (summary) consider(summary.severity);
  }
  const serviceFindings = overlay.services.get(service.id);
  if (serviceFindings) consider(serviceFindings.severity);
  return worst;
}

/** What a drawing has gathered for its legends. */
export interface LegendInput {
  readonly channelsUsed: ReadonlySet<ChannelKey>;
  readonly linkKinds: ReadonlySet<LinkKind>;
  readonly severities: Readonly<Record<Severity, number>>;
}

/**
 * Adds the legends (channels, hand-off kinds, sludge) to a drawing, in one box so that they sit together beside
 * the graph; with `direction` "LR" the legend box and the hand-off samples are laid out left to right (a subgraph
 * alone is laid out across the direction around it, so the boxes of the legend stack and each sample reads left to
 * right). Returns the class definitions the drawing needs and the legend box's id, if there is one.
 */
export function addLegends(
  setting: Setting,
  into: { readonly nodes: FlowNode[]; readonly clusters: FlowCluster[]; readonly edges: FlowEdge[] },
  used: LegendInput,
  direction?: "LR",
): { readonly classDefs: (readonly [string, string])[]; readonly legends?: string } {
  const { nodes, clusters, edges } = into;
  const { overlay } = setting.context.options;
  const keys: FlowNode[] = [];
  let k = 0;
  for (const key of CHANNEL_KEYS) {
    if (!used.channelsUsed.has(key)) continue;
    keys.push({ id: helperNodeId("key", k++), label: [[{ text: CHANNEL_WORDS[key] }]], shape: "rect", classes: [CHANNEL_CLASS[key]] });
  }
  const legends: string[] = [];
  if (keys.length > 0) {
    nodes.push(...keys);
    clusters.push({ id: "g_channels", title: [[{ text: "Channels", strong: true }]], children: keys.map((n) => n.id), classes: ["legend"] });
    legends.push("g_channels");
  }
  const handoffKeys: string[] = [];
  for (const kind of ["data-share", "customer-carries", "trigger", "referral", "notification"] as const) {
    if (!used.linkKinds.has(kind)) continue;
    const a = helperNodeId("key", k++);
    const b = helperNodeId("key", k++);
    nodes.push({ id: a, label: [[{ text: "Service" }]], shape: "rect", classes: ["legendnote"] });
    nodes.push({ id: b, label: [[{ text: "Service" }]], shape: "rect", classes: ["legendnote"] });
    edges.push({ from: a, to: b, stroke: LINK_LOOK[kind].stroke, arrow: "end", length: 1, label: [[{ text: LINK_LEGEND[kind] }]], style: LINK_LOOK[kind].style });
    handoffKeys.push(a, b);
  }
  if (handoffKeys.length > 0) {
    clusters.push({ id: "g_handoffs", title: [[{ text: "Hand-offs", strong: true }]], children: handoffKeys, classes: ["legend"], ...(direction ? { direction } : {}) });
    legends.push("g_handoffs");
  }
  const classDefs = [...CLASS_DEFS];
  if (overlay.active) {
    const extra: string[] = [];
    const experienceFindings = overlay.experiences.get(setting.experience.id);
    if (experienceFindings) extra.push(`This life experience: ${experienceFindings.rules.join(", ")}`);
    const { cluster, nodes: legendNodes } = legend(used.severities, extra);
    const renamed = legendNodes.map((n) => ({ ...n, id: helperNodeId("key", k++) }));
    nodes.push(...renamed);
    clusters.push({ ...cluster, children: renamed.map((n) => n.id) });
    legends.push(cluster.id);
    classDefs.push(...SEVERITY_CLASS_DEFS);
  }
  if (legends.length === 0) return { classDefs };
  clusters.push({ id: "g_legends", title: [[{ text: "Legend", strong: true }]], children: legends, classes: ["legends"], ...(direction ? { direction } : {}) });
  return { classDefs, legends: "g_legends" };
}

export function requireExperience(context: ViewContext, id: unknown): LifeExperience {
  if (typeof id !== "string") throw new MermaidExportError("invalid_view", "view.experience", "must be a life experience id");
  const experience = context.index.lifeExperiences.get(id);
  if (experience === undefined) {
    const guess = suggest(id, context.index.lifeExperiences.keys());
    throw new MermaidExportError(
      "unknown_experience",
      "view.experience",
      `life experience '${id}' is not in the catalog`,
      guess === undefined ? "check the life experience id" : `did you mean '${guess}'?`,
    );
  }
  return experience;
}

/**
 * A chart's edge count now and its text on first use: fitting checks edges first, and a chart over `maxEdges` is
 * dropped without its text ever being written.
 */
export function measure(chart: Flowchart, maxLabelLength: number): { readonly text: string; readonly edges: number } {
  let text: string | undefined;
  return {
    edges: writtenEdgeCount(chart),
    get text(): string {
      text ??= writeFlowchart(chart, maxLabelLength);
      return text;
    },
  };
}

/** A diagram whose text is written on first use (see {@link measure}). */
export interface LazyDiagram {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly edges: number;
}

export function lazyDiagram(id: string, title: string, written: { readonly text: string; readonly edges: number }): LazyDiagram {
  return {
    id,
    title,
    get text(): string {
      return written.text;
    },
    edges: written.edges,
  };
}

/** The plain diagrams of a result (every text written). */
export function plainDiagrams(diagrams: readonly LazyDiagram[]): MermaidDiagram[] {
  return diagrams.map((d) => ({ id: d.id, title: d.title, text: d.text, edges: d.edges }));
}

/** "1 step", "2 steps". */
export function stepCount(count: number): string {
  return `${count} step${count === 1 ? "" : "s"}`;
}
