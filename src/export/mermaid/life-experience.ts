/**
 * The life-experience views.
 *
 * The overview (the default): one node per service, left to right in time order (a service after the services
 * whose hand-offs lead into it), each with its agency, its number of steps, the customer's time and the time to
 * outcome from the graph analysis, the typed hand-offs between services, and the end-to-end time at the right.
 *
 * The detailed graph (option `detailed`): the services grouped by agency, each service's shown steps inside it,
 * and the typed hand-offs between steps. Every step shows its channel, in its label and by colour (with a legend).
 * When the whole does not fit the budgets, it becomes the overview plus one detail diagram per service (split again
 * along its steps if needed), linked by continuation nodes.
 *
 * In both, data shared between agencies is a thick green link; a hand-off the customer carries is a solid magenta
 * one (never the dotted orange of rework); triggers, referrals and notifications have their own looks.
 */
import type { Agency, LifeExperience, Link, Service, Step } from "../../model/schema.js";
import { channelGroup, type ChannelGroup, type LinkKind } from "../../model/vocabulary.js";
import { budgetTooSmall, fitAll, fits, type Budget, type Cost } from "./budget.js";
import { agencyName, type ViewContext } from "./context.js";
import { shownFlows, stepIndexes, stepShown, type ShownService } from "./filters.js";
import { markdownLabel, writeFlowchart, writtenEdgeCount, type FlowCluster, type FlowEdge, type FlowNode, type Flowchart, type Label, type LabelLine } from "./flowchart.js";
import { formatDays, formatMinutes, formatShare } from "./format.js";
import { agencyClusterId, helperNodeId, serviceClusterId, serviceNodeId, stepNodeId } from "./ids.js";
import { flowLabel, stepLabel, visibleName } from "./labels.js";
import { SEVERITY_CLASS_DEFS, SEVERITY_ORDER, findingLine, legend, linkKey, severityClass, severityLinkStyle, stepKey, type Severity } from "./overlay.js";
import { MermaidExportError, type MermaidDiagram } from "./types.js";
import { suggest } from "../../model/did-you-mean.js";
import { analyzeLifeExperienceIndexed, analyzeServiceIndexed } from "../../graph/analyze.js";
import type { GraphAnalysisBase, GraphAnalysisOptions, TimeTotals } from "../../graph/types.js";

/** How each kind of hand-off is drawn. */
const LINK_LOOK: Readonly<Record<LinkKind, { stroke: "normal" | "dotted" | "thick"; style: string; words: string }>> = {
  "data-share": { stroke: "thick", style: "stroke:#15803d,stroke-width:4px,color:#14532d", words: "data shared" },
  // Solid and magenta: the dotted orange line is rework in every view, and carrying papers is not rework.
  "customer-carries": { stroke: "normal", style: "stroke:#be185d,stroke-width:3px,color:#831843", words: "customer carries" },
  trigger: { stroke: "normal", style: "stroke:#1d4ed8,stroke-width:2px,color:#1e3a8a", words: "triggers" },
  referral: { stroke: "normal", style: "stroke:#7c3aed,stroke-width:2px,color:#4c1d95", words: "referral" },
  notification: { stroke: "dotted", style: "stroke:#0369a1,stroke-width:2px,color:#0c4a6e", words: "notification" },
};

const LINK_LEGEND: Readonly<Record<LinkKind, string>> = {
  "data-share": "Agencies share the data",
  "customer-carries": "The customer carries it",
  trigger: "One service triggers the next",
  referral: "Referral",
  notification: "Notification",
};

type ChannelKey = ChannelGroup | "none";
const CHANNEL_CLASS: Readonly<Record<ChannelKey, string>> = {
  digital: "ch_digital",
  phone: "ch_phone",
  "in-person": "ch_in_person",
  paper: "ch_paper",
  other: "ch_other",
  none: "ch_none",
};
const CHANNEL_WORDS: Readonly<Record<ChannelKey, string>> = {
  digital: "Digital",
  phone: "Phone",
  "in-person": "In person",
  paper: "Paper or mail",
  other: "Other channel",
  none: "No channel (behind the scenes)",
};
const CHANNEL_KEYS: readonly ChannelKey[] = ["digital", "phone", "in-person", "paper", "other", "none"];

const CLASS_DEFS: readonly (readonly [string, string])[] = [
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

const REWORK_STYLE = "stroke:#c2410c,stroke-width:2px,color:#c2410c";
const BRIDGE_STYLE = "stroke:#64748b,color:#475569";

/** A service of the experience, with what the filters show of it. */
interface Member {
  readonly service: Service;
  readonly serviceIndex: number;
  readonly agencyKey: number;
  readonly shown: ShownService;
  readonly ids: ReadonlyMap<string, number>;
  /** Position of each shown step in `shown.steps`, by step index. */
  readonly local: ReadonlyMap<number, number>;
}

/** How a service appears in one diagram. */
type Appearance =
  /** Its steps (those of `part` when the service was split), in its own subgraph. */
  | { readonly kind: "expanded"; readonly partOf?: Int32Array; readonly part?: number; readonly parts?: number }
  /** One node. */
  | { readonly kind: "collapsed" }
  /** A continuation node pointing at another diagram. */
  | { readonly kind: "stub"; readonly where: string };

function channelKey(context: ViewContext, step: Step): ChannelKey {
  if (step.channel === undefined) return "none";
  const channel = context.index.channels.get(step.channel);
  return channel === undefined ? "other" : channelGroup(channel.kind);
}

function serviceSummary(context: ViewContext, member: Member): LabelLine[] {
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

function linkLabel(context: ViewContext, link: Link): Label {
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
interface Setting {
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
function linksAmong(setting: Setting, serviceIds: Iterable<string>): Link[] {
  const chosen = new Set<Link>();
  for (const id of serviceIds) for (const link of setting.linksOf.get(id) ?? []) chosen.add(link);
  return [...chosen].sort((a, b) => setting.linkOrder.get(a)! - setting.linkOrder.get(b)!);
}

function agencyTitle(setting: Setting, key: number): Label {
  const agency = setting.agencies[key];
  if (agency === undefined) return [[{ text: "Unknown agency", strong: true }]];
  const name = visibleName(agency.name, `agency ${agency.id}`);
  return agency.acronym !== undefined ? [[{ text: agency.acronym, strong: true }, { text: name }]] : [[{ text: name, strong: true }]];
}

/** Time to outcome, from the graph analysis (the same figures as `analyzeService` and `analyzeLifeExperience`). */
interface OutcomeTime {
  /** Expected customer minutes and elapsed days per customer. */
  readonly expected: TimeTotals;
  /** The critical path (the longest by elapsed days), when there is a path. */
  readonly longest?: TimeTotals;
}

/** Paths are measured in elapsed days; none need listing (the critical path is found without listing them). */
const TIME_OPTIONS: GraphAnalysisOptions = { pathMeasure: "days", maxPaths: 0 };

function outcomeTime(analysis: GraphAnalysisBase): OutcomeTime {
  const longest = analysis.paths.critical?.time;
  return longest === undefined ? { expected: analysis.expected } : { expected: analysis.expected, longest };
}

function timeLines(time: OutcomeTime): LabelLine[] {
  const longest = time.longest !== undefined && time.longest.days > time.expected.days ? ` · up to ${formatDays(time.longest.days)}` : "";
  return [
    [{ text: "Time to outcome" }, { text: `${formatDays(time.expected.days)}${longest}`, strong: true }],
    [{ text: `Customer time ${formatMinutes(time.expected.minutes)}` }],
  ];
}

/**
 * The members in time order: Kahn's algorithm over the links between services, the first listed service first
 * among those ready (and, when links form a cycle, the first listed service left).
 */
function timeOrder(listed: readonly Member[], links: readonly Link[]): Member[] {
  const at = new Map(listed.map((m, i) => [m.service.id, i]));
  const after: number[][] = listed.map(() => []);
  const before = new Int32Array(listed.length);
  for (const link of links) {
    const a = at.get(link.from.service);
    const b = at.get(link.to.service);
    if (a === undefined || b === undefined || a === b) continue;
    after[a]!.push(b);
    before[b]! += 1;
  }
  const placed = new Uint8Array(listed.length);
  const order: Member[] = [];
  while (order.length < listed.length) {
    let next = -1;
    for (let i = 0; i < listed.length && next < 0; i++) if (placed[i] === 0 && before[i] === 0) next = i;
    for (let i = 0; i < listed.length && next < 0; i++) if (placed[i] === 0) next = i;
    placed[next] = 1;
    order.push(listed[next]!);
    for (const b of after[next]!) before[b]! -= 1;
  }
  return order;
}

/**
 * Draws the overview: one node per service, left to right in time order, with the agency, the customer's time
 * and the time to outcome of each, the typed hand-offs between them, and the end-to-end time at the right.
 * Services of another part of a split overview appear as continuation nodes.
 */
function drawOverview(setting: Setting, appearances: ReadonlyMap<number, Appearance>, title: string, links: readonly Link[], total: OutcomeTime): Flowchart {
  const { context, experience } = setting;
  const { overlay } = context.options;
  const nodes: FlowNode[] = [];
  const clusters: FlowCluster[] = [];
  const edges: FlowEdge[] = [];
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const drawn = new Map<number, string>();
  const order: string[] = [];
  let stubs = 0;
  for (const member of setting.timeOrder) {
    const appearance = appearances.get(member.serviceIndex);
    if (appearance === undefined || appearance.kind === "expanded") continue;
    const { service } = member;
    const name = visibleName(service.name, `service ${service.id}`);
    if (appearance.kind === "stub") {
      const id = helperNodeId("more", stubs++);
      nodes.push({ id, label: [[{ text: name, strong: true }], [{ text: `continues in ${appearance.where}`, em: true }]], shape: "rect", classes: ["stub"] });
      drawn.set(member.serviceIndex, id);
      order.push(id);
      continue;
    }
    const agency = setting.agencies[member.agencyKey];
    const label: LabelLine[] = [[{ text: name, strong: true }]];
    if (agency !== undefined) label.push([{ text: agency.acronym ?? visibleName(agency.name, `agency ${agency.id}`), em: true }]);
    label.push([{ text: stepCount(member.shown.steps.length) }]);
    label.push(...timeLines(outcomeTime(analyzeServiceIndexed(context.index, service, TIME_OPTIONS))));
    const classes = ["collapsed"];
    const worst = worstSeverity(setting, member);
    const serviceFindings = overlay.services.get(service.id);
    if (serviceFindings) label.push(findingLine(serviceFindings));
    if (worst !== undefined) {
      classes.push(severityClass(worst));
      severities[worst] += 1;
    }
    const id = serviceNodeId(member.serviceIndex);
    nodes.push({ id, label, shape: "subroutine", classes });
    drawn.set(member.serviceIndex, id);
    order.push(id);
  }

  // Hand-offs between drawn services (two continuation nodes say nothing about this part).
  const linkKinds = new Set<LinkKind>();
  const into = new Set<string>();
  const outOf = new Set<string>();
  for (const link of links) {
    const fromMember = setting.byId.get(link.from.service);
    const toMember = setting.byId.get(link.to.service);
    if (fromMember === undefined || toMember === undefined) continue;
    const from = drawn.get(fromMember.serviceIndex);
    const to = drawn.get(toMember.serviceIndex);
    if (from === undefined || to === undefined || from === to) continue;
    if (appearances.get(fromMember.serviceIndex)?.kind === "stub" && appearances.get(toMember.serviceIndex)?.kind === "stub") continue;
    edges.push(handOffEdge(setting, link, from, to, severities));
    linkKinds.add(link.kind);
    into.add(to);
    outOf.add(from);
  }
  // Services no drawn hand-off leads into follow the one before them in time, and the end-to-end time follows
  // every service no hand-off leaves: the picture reads left to right in time.
  for (let i = 1; i < order.length; i++) {
    if (!into.has(order[i]!)) edges.push({ from: order[i - 1]!, to: order[i]!, stroke: "invisible", arrow: "none", length: 1 });
  }
  const end = helperNodeId("end");
  nodes.push({ id: end, label: [[{ text: "End to end", strong: true }], ...timeLines(total)], shape: "rect", classes: ["total"] });
  for (const id of order) if (!outOf.has(id)) edges.push({ from: id, to: end, stroke: "invisible", arrow: "none", length: 1 });

  // The legend's boxes stacked (the sludge key above the hand-off samples), so that it is no wider than its widest
  // box: side by side, beside the first service, they made the picture wider than 2,400 px.
  const { classDefs, legends } = addLegends(setting, { nodes, clusters, edges }, { channelsUsed: new Set(), linkKinds, severities }, "LR");
  const top = [...order, end];
  if (legends !== undefined) top.push(legends);
  const services = [...appearances.values()].filter((a) => a.kind === "collapsed").length;
  return {
    header: "flowchart",
    direction: "LR",
    ...(context.options.title ? { title } : {}),
    accTitle: title,
    accDescr: `${services} services in time order, one node each, with ${edges.length} links and hand-offs and the time to outcome of each and end to end.`,
    // Tighter ranks than Mermaid's 50 px: the hand-off labels already hold the services apart. Links drawn through
    // their layout points, so that each label stays in the space dagre made for it (see Flowchart.config.curve).
    config: { rankSpacing: 30, curve: "rounded" },
    nodes,
    clusters,
    top,
    edges,
    classDefs,
  };
}

/** A hand-off drawn as its kind looks, or in its severity's colour when it has findings (counted in `severities`). */
function handOffEdge(setting: Setting, link: Link, from: string, to: string, severities: Record<Severity, number>): FlowEdge {
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
function worstSeverity(setting: Setting, member: Member): Severity | undefined {
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
interface LegendInput {
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
function addLegends(
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

/**
 * Draws one diagram: the given services, each as it appears, with the hand-offs between the drawn ones.
 */
function draw(setting: Setting, appearances: ReadonlyMap<number, Appearance>, title: string, details: boolean, links: readonly Link[]): Flowchart {
  const { context, experience, members } = setting;
  const { overlay } = context.options;
  const nodes: FlowNode[] = [];
  const clusters: FlowCluster[] = [];
  const edges: FlowEdge[] = [];
  const agencyChildren = new Map<number, string[]>();
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const channelsUsed = new Set<ChannelKey>();
  const stubs = new Map<string, string>();
  const stubNode = (label: Label, key: string, agencyKey: number): string => {
    let id = stubs.get(key);
    if (id === undefined) {
      id = helperNodeId("more", stubs.size);
      stubs.set(key, id);
      nodes.push({ id, label, shape: "rect", classes: ["stub"] });
      push(agencyKey, id);
    }
    return id;
  };
  const push = (agencyKey: number, id: string): void => {
    const list = agencyChildren.get(agencyKey);
    if (list) list.push(id);
    else agencyChildren.set(agencyKey, [id]);
  };

  for (const member of members) {
    const appearance = appearances.get(member.serviceIndex);
    if (appearance === undefined) continue;
    const { service, serviceIndex } = member;
    const serviceFindings = overlay.services.get(service.id);
    if (appearance.kind === "stub") {
      stubNode([[{ text: visibleName(service.name, `service ${service.id}`), strong: true }], [{ text: `continues in ${appearance.where}`, em: true }]], `svc:${serviceIndex}`, member.agencyKey);
      continue;
    }
    if (appearance.kind === "collapsed") {
      const label: LabelLine[] = [[{ text: visibleName(service.name, `service ${service.id}`), strong: true }], ...serviceSummary(context, member)];
      const classes = ["collapsed"];
      // The collapsed node carries the worst severity among its steps and the service itself.
      const worst = worstSeverity(setting, member);
      if (serviceFindings) label.push(findingLine(serviceFindings));
      if (worst !== undefined) {
        classes.push(severityClass(worst));
        severities[worst] += 1;
      }
      nodes.push({ id: serviceNodeId(serviceIndex), label, shape: "subroutine", classes });
      push(member.agencyKey, serviceNodeId(serviceIndex));
      continue;
    }
    // Expanded: the service's subgraph with its shown steps (of this part).
    const local = member.local;
    const here = (stepIndex: number): boolean => appearance.partOf === undefined || appearance.partOf[local.get(stepIndex)!] === appearance.part;
    const children: string[] = [];
    for (const stepIndex of member.shown.steps) {
      if (!here(stepIndex)) continue;
      const step = service.steps[stepIndex]!;
      const findings = overlay.steps.get(stepKey(service.id, step.id));
      const key = channelKey(context, step);
      channelsUsed.add(key);
      const classes = [CHANNEL_CLASS[key]];
      if (findings) {
        classes.push(severityClass(findings.severity));
        severities[findings.severity] += 1;
      }
      const label = stepLabel(context.index, step, { details, channel: true, role: false, findings });
      nodes.push({ id: stepNodeId(serviceIndex, stepIndex), label, shape: step.outcome !== undefined ? "round" : "rect", classes });
      children.push(stepNodeId(serviceIndex, stepIndex));
    }
    const part = appearance.parts !== undefined && appearance.parts > 1 ? ` (part ${appearance.part! + 1} of ${appearance.parts})` : "";
    const titleLines: LabelLine[] = [[{ text: `${visibleName(service.name, `service ${service.id}`)}${part}`, strong: true }]];
    if (serviceFindings) titleLines.push(findingLine(serviceFindings));
    const classes = ["service"];
    if (serviceFindings) {
      classes.push(severityClass(serviceFindings.severity));
      severities[serviceFindings.severity] += 1;
    }
    clusters.push({ id: serviceClusterId(serviceIndex), title: titleLines, children, classes });
    push(member.agencyKey, serviceClusterId(serviceIndex));
    // Flows inside the service; flows to another part end at a continuation node.
    for (const flow of member.shown.flows) {
      const fromHere = here(flow.from);
      const toHere = here(flow.to);
      if (!fromHere && !toHere) continue;
      const rework = flow.flow?.kind === "rework";
      const label = flowLabel(flow.flow, flow.hidden);
      const style = rework ? REWORK_STYLE : flow.flow === undefined ? BRIDGE_STYLE : undefined;
      const look = { stroke: rework || flow.flow === undefined ? ("dotted" as const) : ("normal" as const), arrow: "end" as const, length: 1, ...(label ? { label } : {}), ...(style ? { style } : {}) };
      const partStub = (stepIndex: number, incoming: boolean): string => {
        const otherPart = appearance.partOf![local.get(stepIndex)!]!;
        return stubNode(
          [[{ text: incoming ? `From part ${otherPart + 1} of ${service.name}` : `Continues in part ${otherPart + 1} of ${service.name}`, em: true }]],
          `part:${serviceIndex}:${otherPart}:${incoming ? "in" : "out"}`,
          member.agencyKey,
        );
      };
      const from = fromHere ? stepNodeId(serviceIndex, flow.from) : partStub(flow.from, true);
      const to = toHere ? stepNodeId(serviceIndex, flow.to) : partStub(flow.to, false);
      edges.push({ from, to, ...look });
    }
    // A step attached to another (same moment, another lane) and with no flow of its own sits next to it.
    const linked = new Set<number>();
    for (const flow of member.shown.flows) linked.add(flow.from).add(flow.to);
    for (const stepIndex of member.shown.steps) {
      const anchorId = service.steps[stepIndex]!.attachedTo;
      const anchor = anchorId === undefined ? undefined : member.ids.get(anchorId);
      if (linked.has(stepIndex) || anchor === undefined || !local.has(anchor) || !here(anchor) || !here(stepIndex)) continue;
      edges.push({ from: stepNodeId(serviceIndex, anchor), to: stepNodeId(serviceIndex, stepIndex), stroke: "invisible", arrow: "none", length: 1 });
    }
  }

  // Hand-offs between drawn services.
  const linkKinds = new Set<LinkKind>();
  const endpoint = (member: Member, stepId: string): string | undefined => {
    const appearance = appearances.get(member.serviceIndex);
    if (appearance === undefined) return undefined;
    if (appearance.kind === "stub") return stubs.get(`svc:${member.serviceIndex}`);
    if (appearance.kind === "collapsed") return serviceNodeId(member.serviceIndex);
    const stepIndex = member.ids.get(stepId);
    const l = stepIndex === undefined ? undefined : member.local.get(stepIndex);
    if (stepIndex === undefined || l === undefined) return serviceClusterId(member.serviceIndex);
    if (appearance.partOf !== undefined && appearance.partOf[l] !== appearance.part) {
      const otherPart = appearance.partOf[l]!;
      const key = `part:${member.serviceIndex}:${otherPart}:link`;
      const existing = stubs.get(key);
      if (existing !== undefined) return existing;
      const id = helperNodeId("more", stubs.size);
      stubs.set(key, id);
      nodes.push({ id, label: [[{ text: `${member.service.name}, part ${otherPart + 1}`, em: true }]], shape: "rect", classes: ["stub"] });
      push(member.agencyKey, id);
      return id;
    }
    return stepNodeId(member.serviceIndex, stepIndex);
  };
  links.forEach((link) => {
    const fromMember = setting.byId.get(link.from.service);
    const toMember = setting.byId.get(link.to.service);
    if (fromMember === undefined || toMember === undefined) return;
    const fromApp = appearances.get(fromMember.serviceIndex);
    const toApp = appearances.get(toMember.serviceIndex);
    // Two stubs say nothing about this diagram.
    if (fromApp === undefined || toApp === undefined || (fromApp.kind === "stub" && toApp.kind === "stub")) return;
    const from = endpoint(fromMember, link.from.step);
    const to = endpoint(toMember, link.to.step);
    if (from === undefined || to === undefined || from === to) return;
    edges.push(handOffEdge(setting, link, from, to, severities));
    linkKinds.add(link.kind);
  });

  // Agencies, in catalog order of first appearance.
  const top: string[] = [];
  for (const [agencyKey, children] of agencyChildren) {
    clusters.push({ id: agencyClusterId(agencyKey), title: agencyTitle(setting, agencyKey), children, classes: ["agency"] });
    top.push(agencyClusterId(agencyKey));
  }

  const { classDefs, legends } = addLegends(setting, { nodes, clusters, edges }, { channelsUsed, linkKinds, severities });
  if (legends !== undefined) top.push(legends);

  const shownServices = [...appearances.values()].filter((a) => a.kind !== "stub").length;
  return {
    header: "flowchart",
    direction: "LR",
    ...(context.options.title ? { title } : {}),
    accTitle: title,
    accDescr: `${shownServices} services of ${agencyChildren.size} agencies, grouped by agency, with ${edges.length} links and hand-offs.`,
    // As the overview: labels stay where dagre made room for them (see Flowchart.config.curve).
    config: { curve: "rounded" },
    nodes,
    clusters,
    top,
    edges,
    classDefs,
  };
}

function requireExperience(context: ViewContext, id: unknown): LifeExperience {
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
function measure(chart: Flowchart, maxLabelLength: number): { readonly text: string; readonly edges: number } {
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
interface LazyDiagram {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly edges: number;
}

function lazyDiagram(id: string, title: string, written: { readonly text: string; readonly edges: number }): LazyDiagram {
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
function plainDiagrams(diagrams: readonly LazyDiagram[]): MermaidDiagram[] {
  return diagrams.map((d) => ({ id: d.id, title: d.title, text: d.text, edges: d.edges }));
}

/**
 * Draws a life experience, as one diagram or, when it does not fit, as an overview and one diagram per service.
 *
 * @param context - catalog, options, warnings
 * @param experienceId - the life experience's id
 * @returns the diagrams
 */
export function lifeExperienceView(context: ViewContext, experienceId: unknown): MermaidDiagram[] {
  const experience = requireExperience(context, experienceId);
  const agencyKeys = new Map(context.catalog.agencies.map((a, i) => [a.id, i]));
  const members: Member[] = [];
  const seen = new Set<string>();
  let hidden = 0;
  for (const id of experience.services) {
    if (seen.has(id)) continue;
    seen.add(id);
    const service = context.index.services.get(id);
    const serviceIndex = context.index.serviceIndexes.get(id);
    if (service === undefined || serviceIndex === undefined) continue;
    const mask = service.steps.map((step) => stepShown(context.options, context.index, service, step));
    const shown = shownFlows(service, mask);
    hidden += service.steps.length - shown.steps.length;
    // A service with every step filtered out is left out, unless it is to be collapsed.
    if (shown.steps.length === 0) continue;
    const local = new Map<number, number>();
    shown.steps.forEach((stepIndex, l) => local.set(stepIndex, l));
    members.push({ service, serviceIndex, agencyKey: agencyKeys.get(service.agency) ?? context.catalog.agencies.length, shown, ids: stepIndexes(service), local });
  }
  const listed = [...members];
  // Agencies in order of first appearance among the services; services keep their order within an agency.
  const firstOfAgency = new Map<number, number>();
  members.forEach((m, i) => {
    if (!firstOfAgency.has(m.agencyKey)) firstOfAgency.set(m.agencyKey, i);
  });
  const position = new Map(members.map((m, i) => [m, i]));
  members.sort((a, b) => firstOfAgency.get(a.agencyKey)! - firstOfAgency.get(b.agencyKey)! || position.get(a)! - position.get(b)!);
  if (context.options.filtered && hidden > 0) context.warn("filtered", `the filters hide ${stepCount(hidden)} of the services of '${experience.id}'`);
  if (context.options.layout !== "flowchart") context.warn("option_ignored", "options.layout applies to blueprints only");

  const linksOf = new Map<string, Link[]>();
  for (const link of experience.links) {
    for (const id of new Set([link.from.service, link.to.service])) {
      const list = linksOf.get(id);
      if (list) list.push(link);
      else linksOf.set(id, [link]);
    }
  }
  const setting: Setting = {
    context,
    experience,
    members,
    byId: new Map(members.map((m) => [m.service.id, m])),
    agencies: context.catalog.agencies,
    linksOf,
    linkOrder: new Map(experience.links.map((link, i) => [link, i])),
    timeOrder: timeOrder(listed, experience.links),
  };
  const budget: Budget = { maxEdges: context.options.maxEdges, maxTextSize: context.options.maxTextSize };
  const max = context.options.maxLabelLength;
  const baseTitle = `Life experience: ${experience.name}`;
  if (!context.options.detailed) {
    const overview = overviewDiagrams(setting, budget, baseTitle);
    if (overview.length > 1) {
      context.warn("split", `the overview of the life experience '${experience.id}' did not fit maxEdges ${budget.maxEdges} / maxTextSize ${budget.maxTextSize}; it was drawn in ${overview.length} parts`);
    }
    return overview;
  }
  const collapse = context.options.collapse;
  const chosen = new Map<number, Appearance>(
    members.map((m) => [m.serviceIndex, collapse === "all" || collapse.has(m.service.id) ? { kind: "collapsed" } : { kind: "expanded" }]),
  );

  // 1. The whole experience in one diagram, with details, then without (unless it is clearly far too large).
  let steps = 0;
  for (const m of members) steps += chosen.get(m.serviceIndex)?.kind === "expanded" ? m.shown.steps.length : 1;
  const plausible = steps * 1.2 + experience.links.length <= budget.maxEdges * 3 && steps * 60 <= budget.maxTextSize * 3;
  for (const details of !plausible ? [] : context.options.details ? [true, false] : [false]) {
    const chart = draw(setting, chosen, baseTitle, details, experience.links);
    const written = measure(chart, max);
    if (fits(written, budget)) {
      if (!details && context.options.details) context.warn("collapsed", `step details were left out to fit the budget`);
      return [{ id: `life-experience-${experience.id}`, title: baseTitle, text: written.text, edges: written.edges }];
    }
  }

  // 2. Overview (every service one node) plus one diagram per expanded service.
  const details = context.options.details;
  const overview = overviewDiagrams(setting, budget, baseTitle);
  const diagrams: MermaidDiagram[] = [...overview];
  const overviewName = overview.length === 1 ? "the overview" : "the overview parts";
  for (const member of members) {
    if (chosen.get(member.serviceIndex)?.kind !== "expanded") continue;
    diagrams.push(...serviceDiagrams(setting, member, budget, details, overviewName));
  }
  context.warn(
    "split",
    `the life experience '${experience.id}' did not fit maxEdges ${budget.maxEdges} / maxTextSize ${budget.maxTextSize}; it was drawn as ${overview.length === 1 ? "an overview" : `${overview.length} overview parts`} (services collapsed) and ${diagrams.length - overview.length} service diagrams`,
  );
  return diagrams;
}


/**
 * The overview (see {@link drawOverview}), split into windows of services in time order when it is too large.
 */
function overviewDiagrams(setting: Setting, budget: Budget, baseTitle: string): MermaidDiagram[] {
  const { experience, context } = setting;
  const members = setting.timeOrder;
  const max = context.options.maxLabelLength;
  const title = (part: number, parts: number): string => (parts > 1 ? `${baseTitle}, overview part ${part + 1} of ${parts}` : `${baseTitle}, overview`);
  const total = outcomeTime(analyzeLifeExperienceIndexed(context.index, experience, TIME_OPTIONS));
  const linksPer = new Int32Array(members.length);
  const position = new Map(members.map((m, i) => [m.service.id, i]));
  for (const link of experience.links) {
    const a = position.get(link.from.service);
    const b = position.get(link.to.service);
    if (a !== undefined) linksPer[a]! += 1;
    if (b !== undefined) linksPer[b]! += 1;
  }
  const costs: Cost[] = members.map((m, i) => ({
    text: markdownLabel([[{ text: m.service.name, strong: true }], ...serviceSummary(context, m)], max).length + 200 + linksPer[i]! * 160,
    edges: linksPer[i]! + 2,
  }));
  const write = (windows: readonly [number, number][]): LazyDiagram[] => {
    const partOf = new Int32Array(members.length);
    windows.forEach(([s, e], part) => {
      for (let i = s; i < e; i++) partOf[i] = part;
    });
    return windows.map(([s, e], part) => {
      const appearances = new Map<number, Appearance>();
      const here: string[] = [];
      for (let i = s; i < e; i++) {
        appearances.set(members[i]!.serviceIndex, { kind: "collapsed" });
        here.push(members[i]!.service.id);
      }
      // Services of other parts that are linked to this part appear as continuation nodes.
      const links = linksAmong(setting, here);
      for (const link of links) {
        const a = position.get(link.from.service);
        const b = position.get(link.to.service);
        if (a === undefined || b === undefined) continue;
        if (partOf[a] === part && partOf[b] !== part) appearances.set(members[b]!.serviceIndex, { kind: "stub", where: `overview part ${partOf[b]! + 1}` });
        if (partOf[b] === part && partOf[a] !== part) appearances.set(members[a]!.serviceIndex, { kind: "stub", where: `overview part ${partOf[a]! + 1}` });
      }
      const t = title(part, windows.length);
      const written = measure(drawOverview(setting, appearances, t, links, total), max);
      const id = windows.length > 1 ? `life-experience-${experience.id}-overview-${part + 1}` : `life-experience-${experience.id}-overview`;
      return lazyDiagram(id, t, written);
    });
  };
  const settled = fitAll(costs, { text: 1_500, edges: 8 }, budget, () => true, write);
  if (settled === null) throw budgetTooSmall(budget, "service");
  return plainDiagrams(settled.diagrams);
}

/** The diagram(s) of one service of the experience, with its hand-offs to other services as continuation nodes. */
function serviceDiagrams(setting: Setting, member: Member, budget: Budget, details: boolean, overviewName: string): MermaidDiagram[] {
  const { context, experience } = setting;
  const max = context.options.maxLabelLength;
  const service = member.service;
  const baseTitle = `Life experience: ${experience.name}, ${service.name} (${agencyName(context, service.agency)})`;
  const linked = new Map<number, Appearance>();
  const links = setting.linksOf.get(service.id) ?? [];
  for (const link of links) {
    const other = link.from.service === service.id ? link.to.service : link.to.service === service.id ? link.from.service : undefined;
    if (other === undefined || other === service.id) continue;
    const m = setting.byId.get(other);
    if (m !== undefined) linked.set(m.serviceIndex, { kind: "stub", where: overviewName });
  }
  const count = member.shown.steps.length;
  const write = (windows: readonly [number, number][], withDetails: boolean): LazyDiagram[] => {
    const partOf = new Int32Array(count);
    windows.forEach(([s, e], part) => {
      for (let i = s; i < e; i++) partOf[i] = part;
    });
    return windows.map((_, part) => {
      const appearances = new Map(linked);
      appearances.set(member.serviceIndex, windows.length > 1 ? { kind: "expanded", partOf, part, parts: windows.length } : { kind: "expanded" });
      const t = windows.length > 1 ? `${baseTitle}, part ${part + 1} of ${windows.length}` : baseTitle;
      const written = measure(draw(setting, appearances, t, withDetails, links), max);
      const id = windows.length > 1 ? `life-experience-${experience.id}-${service.id}-part-${part + 1}` : `life-experience-${experience.id}-${service.id}`;
      return lazyDiagram(id, t, written);
    });
  };
  for (const withDetails of details ? [true, false] : [false]) {
    const costs: Cost[] = member.shown.steps.map((stepIndex) => {
      const step = service.steps[stepIndex]!;
      const label = stepLabel(context.index, step, { details: withDetails, channel: true, role: false, findings: context.options.overlay.steps.get(stepKey(service.id, step.id)) });
      return { text: markdownLabel(label, max).length + 40 + step.next.length * 120, edges: step.next.length + 1 };
    });
    const settled = fitAll(costs, { text: 4_000 + linked.size * 400, edges: 12 + linked.size * 4 }, budget, () => true, (w) => write(w, withDetails));
    if (settled === null) continue;
    if (!withDetails && details) context.warn("collapsed", `step details of '${service.id}' were left out to fit the budget`);
    return plainDiagrams(settled.diagrams);
  }
  throw budgetTooSmall(budget, "step");
}

/** "1 step", "2 steps". */
function stepCount(count: number): string {
  return `${count} step${count === 1 ? "" : "s"}`;
}
