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
 *
 * This module chooses the diagrams and draws the detailed graph; life-experience-overview.ts draws the overview,
 * life-experience-parts.ts holds what both draw with.
 */
import type { Link } from "../../model/schema.js";
import { type LinkKind } from "../../model/vocabulary.js";
import { budgetTooSmall, fitAll, fits, type Budget, type Cost } from "./budget.js";
import { agencyName, type ViewContext } from "./context.js";
import { shownFlows, stepIndexes, stepShown } from "./filters.js";
import { markdownLabel, type FlowCluster, type FlowEdge, type FlowNode, type Flowchart, type Label, type LabelLine } from "./flowchart.js";
import { agencyClusterId, helperNodeId, serviceClusterId, serviceNodeId, stepNodeId } from "./ids.js";
import { flowLabel, stepLabel, visibleName } from "./labels.js";
import { findingLine, severityClass, stepKey, type Severity } from "./overlay.js";
import { type MermaidDiagram } from "./types.js";
import { type Appearance, BRIDGE_STYLE, CHANNEL_CLASS, type ChannelKey, type LazyDiagram, type Member, REWORK_STYLE, type Setting, addLegends, agencyTitle, channelKey, handOffEdge, lazyDiagram, measure, plainDiagrams, requireExperience, serviceSummary, stepCount, worstSeverity } from "./life-experience-parts.js";
import { overviewDiagrams, timeOrder } from "./life-experience-overview.js";
import { known } from "../../internal/invariant.js";

/**
 * Draws one diagram: the given services, each as it appears, with the hand-offs between the drawn ones.
 *
 * Long on purpose: services, steps, stubs and hand-offs are added to one set of nodes, clusters and severity
 * counts, which the legends read at the end.
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
    const here = (stepIndex: number): boolean => appearance.partOf === undefined || appearance.partOf[known(local, stepIndex)] === appearance.part;
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
    // A subgraph's title is one line: the layout keeps room above the steps for one, and a second lay on them.
    const titleLines: LabelLine[] = [[{ text: `${visibleName(service.name, `service ${service.id}`)}${part}`, strong: true }, ...(serviceFindings ? [{ text: " · " }, ...findingLine(serviceFindings)] : [])]];
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
        const otherPart = appearance.partOf![known(local, stepIndex)]!;
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

  // Agencies, in catalog order of first appearance. An agency that holds one service and nothing else is not a
  // box of its own: its name heads the service's title. (Nested, the agency's title and the service's lay 4 px
  // over each other: the layout keeps less room between nested boxes than a title takes.)
  const top: string[] = [];
  const clusterAt = new Map(clusters.map((c, i) => [c.id, i]));
  for (const [agencyKey, children] of agencyChildren) {
    const only = children.length === 1 ? clusterAt.get(children[0]!) : undefined;
    if (only !== undefined) {
      const service = clusters[only]!;
      // On the title's one line (see above).
      const agencyLine = agencyTitle(setting, agencyKey)[0] ?? [];
      clusters[only] = { ...service, title: [[...agencyLine, { text: " · " }, ...(service.title?.[0] ?? [])]] };
      top.push(service.id);
      continue;
    }
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
  members.sort((a, b) => known(firstOfAgency, a.agencyKey) - known(firstOfAgency, b.agencyKey) || known(position, a) - known(position, b));
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
