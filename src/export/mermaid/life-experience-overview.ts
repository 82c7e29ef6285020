/**
 * The life-experience overview: one node per service, left to right in time order, with the hand-offs between
 * services and the time to outcome of each and end to end (see life-experience.ts).
 */
import type { Link } from "../../model/schema.js";
import { type LinkKind } from "../../model/vocabulary.js";
import { budgetTooSmall, fitAll, type Budget, type Cost } from "./budget.js";
import { markdownLabel, type FlowCluster, type FlowEdge, type FlowNode, type Flowchart, type LabelLine } from "./flowchart.js";
import { helperNodeId, serviceNodeId } from "./ids.js";
import { visibleName } from "./labels.js";
import { findingLine, legend, severityClass, type Severity } from "./overlay.js";
import { type MermaidDiagram } from "./types.js";
import { experienceAnalysisOf, serviceAnalysisOf } from "../../graph/analyze.js";
import { type Appearance, type LazyDiagram, type Member, type OutcomeTime, type Setting, TIME_OPTIONS, addLegends, handOffEdge, lazyDiagram, linksAmong, measure, outcomeTime, plainDiagrams, serviceSummary, stepCount, timeLines, worstSeverity } from "./life-experience-parts.js";

/**
 * The members in time order: Kahn's algorithm over the links between services, the first listed service first
 * among those ready (and, when links form a cycle, the first listed service left).
 */
export function timeOrder(listed: readonly Member[], links: readonly Link[]): Member[] {
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
export function drawOverview(setting: Setting, appearances: ReadonlyMap<number, Appearance>, title: string, links: readonly Link[], total: OutcomeTime): Flowchart {
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
    label.push(...timeLines(outcomeTime(serviceAnalysisOf(context.index, service, TIME_OPTIONS))));
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

/**
 * The overview (see {@link drawOverview}), split into windows of services in time order when it is too large.
 */
export function overviewDiagrams(setting: Setting, budget: Budget, baseTitle: string): MermaidDiagram[] {
  const { experience, context } = setting;
  const members = setting.timeOrder;
  const max = context.options.maxLabelLength;
  const title = (part: number, parts: number): string => (parts > 1 ? `${baseTitle}, overview part ${part + 1} of ${parts}` : `${baseTitle}, overview`);
  const total = outcomeTime(experienceAnalysisOf(context.index, experience, TIME_OPTIONS));
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
