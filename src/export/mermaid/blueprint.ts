/**
 * The service blueprint view.
 *
 * Lanes are full-width horizontal bands, top to bottom in the standard order; the lines of interaction,
 * visibility and internal interaction run between them, labelled; time runs left to right in moments, and the
 * steps of one moment (a step and those `attachedTo` it) share a column across lanes.
 *
 * Mermaid's flowchart layout (dagre) has no bands or columns, so the exporter pins them with invisible links:
 * every lane is a subgraph holding a title node, its steps and an invisible tail, chained by invisible links
 * whose lengths are the rank gaps; every chain runs from one invisible start node to one invisible end node. All
 * chains then have the same length, so the layout's cheapest solution puts every step exactly in its rank and
 * every lane from the first rank to the last. A line is a long dotted link in its own untitled subgraph between
 * two lanes. Flows carry their own lengths (rank differences), so they agree with the pins.
 */
import { LANES, BLUEPRINT_LINES, type Lane } from "../../model/vocabulary.js";
import type { Service } from "../../model/schema.js";
import { budgetTooSmall, fitAll, type Budget, type Cost } from "./budget.js";
import { agencyName, requireService, type ViewContext } from "./context.js";
import { shownFlows, stepIndexes, stepShown, type ShownService } from "./filters.js";
import { markdownLabel, mergeParallelFlows, writeFlowchart, writtenEdgeCount, type FlowCluster, type FlowEdge, type FlowNode, type Flowchart, type Label } from "./flowchart.js";
import { PIN_WEIGHT, pinBand, type BandItem } from "./bands.js";
import { LEGEND_CLASS_DEFS, legendKeys } from "./blueprint-legend.js";
import { LEGEND_CLUSTER_ID, helperNodeId, laneClusterId, lineClusterId, stepNodeId } from "./ids.js";
import { compactStepLabel, flowLabel } from "./labels.js";
import { placeMoments, type MomentPlacement } from "./moments.js";
import { SEVERITY_ORDER, stepKey, type Severity } from "./overlay.js";
import type { MermaidDiagram } from "./types.js";
import { known } from "../../internal/invariant.js";

/** Lane titles as practitioners write them. */
export const LANE_TITLES: Readonly<Record<Lane, string>> = {
  "physical-evidence": "Physical evidence",
  customer: "Customer actions",
  frontstage: "Frontstage",
  backstage: "Backstage",
  support: "Support processes",
};

const LANE_CLASSES: Readonly<Record<Lane, string>> = {
  "physical-evidence": "lane_evidence",
  customer: "lane_customer",
  frontstage: "lane_frontstage",
  backstage: "lane_backstage",
  support: "lane_support",
};

/** Class definitions of steps by lane, markers and helpers (the overlay's come after, so they win). */
export const BLUEPRINT_CLASS_DEFS: readonly (readonly [string, string])[] = [
  ["band", "fill:#f8fafc,stroke:#94a3b8,stroke-width:1px"],
  ["lineband", "fill:none,stroke:none"],
  ["ghost", "fill:none,stroke:none,color:transparent"],
  ["lanehead", "fill:#1e293b,stroke:#1e293b,color:#ffffff"],
  ["linelabel", "fill:none,stroke:none,color:#475569"],
  ["lane_evidence", "fill:#f1f5f9,stroke:#64748b,color:#0f172a"],
  ["lane_customer", "fill:#dbeafe,stroke:#1d4ed8,color:#0f172a"],
  ["lane_frontstage", "fill:#dcfce7,stroke:#15803d,color:#0f172a"],
  ["lane_backstage", "fill:#fef9c3,stroke:#a16207,color:#0f172a"],
  ["lane_support", "fill:#ede9fe,stroke:#6d28d9,color:#0f172a"],
  ["legendkey", "fill:#ffffff,stroke:#64748b,color:#0f172a"],
  ["outcome", "stroke-width:3px"],
  ["wait", "stroke:#b45309,stroke-width:3px,stroke-dasharray:6 3"],
  ["fail", "stroke:#dc2626,stroke-width:3px"],
  ["stub", "fill:#ffffff,stroke:#64748b,stroke-dasharray:3 3,color:#334155"],
];

const LINE_STYLE = "stroke:#334155,stroke-width:2px,stroke-dasharray:10 5";
const REWORK_STYLE = "stroke:#c2410c,stroke-width:2px,color:#c2410c";
const BRIDGE_STYLE = "stroke:#64748b,color:#475569";

/** Everything about one service that does not depend on the window drawn. */
interface Plan {
  readonly service: Service;
  readonly serviceIndex: number;
  readonly shown: ShownService;
  readonly placement: MomentPlacement;
  /** Local step order for windows: by column, rank, lane, catalog order. */
  readonly order: readonly number[];
  readonly lanes: readonly Lane[];
  /** For each local step, the local step of its moment it is attached to, or -1. */
  readonly attachedTo: readonly number[];
  /** Local index of each shown step, by step index. */
  readonly local: ReadonlyMap<number, number>;
}

function laneIndex(lane: Lane): number {
  return LANES.indexOf(lane);
}

function planService(context: ViewContext, service: Service, serviceIndex: number): Plan {
  const shownMask = service.steps.map((step) => stepShown(context.options, context.index, service, step));
  const shown = shownFlows(service, shownMask);
  const local = new Map<number, number>();
  shown.steps.forEach((stepIndex, l) => local.set(stepIndex, l));
  const ids = stepIndexes(service);

  // Moment roots over the whole service, so that steps attached to a hidden step still line up.
  const root = new Int32Array(service.steps.length).fill(-1);
  for (let i = 0; i < service.steps.length; i++) {
    const path: number[] = [];
    const onPath = new Set<number>();
    let v = i;
    while (root[v] === -1 && !onPath.has(v)) {
      onPath.add(v);
      path.push(v);
      const anchor = service.steps[v]!.attachedTo;
      const next = anchor === undefined ? undefined : ids.get(anchor);
      if (next === undefined) break;
      v = next;
    }
    const r = root[v] !== -1 ? root[v]! : v;
    for (const p of path) root[p] = r;
  }
  const representative = new Map<number, number>();
  const attachedTo = shown.steps.map((stepIndex, l) => {
    const r = root[stepIndex]!;
    const rep = representative.get(r);
    if (rep === undefined) {
      // The moment's own anchor is its representative when shown, else the first shown step of the moment.
      const anchorLocal = local.get(r);
      const first = anchorLocal ?? l;
      representative.set(r, first);
      return first === l ? -1 : first;
    }
    return rep === l ? -1 : rep;
  });
  const entries = shown.steps.map((stepIndex, l) => (service.steps[stepIndex]!.entry === true ? l : -1)).filter((l) => l >= 0);
  if (entries.length === 0 && shown.steps.length > 0) entries.push(0);
  const placement = placeMoments({
    count: shown.steps.length,
    edges: shown.flows.map((f) => ({ from: known(local, f.from), to: known(local, f.to), rework: f.flow?.kind === "rework" })),
    attachedTo,
    entries,
  });
  const laneOf = (l: number): number => laneIndex(service.steps[shown.steps[l]!]!.lane);
  const order = shown.steps.map((_, l) => l);
  order.sort(
    (a, b) =>
      placement.column[a]! - placement.column[b]! ||
      placement.rank[a]! - placement.rank[b]! ||
      laneOf(a) - laneOf(b) ||
      shown.steps[a]! - shown.steps[b]!,
  );
  const lanes = context.options.lanes === null ? [...LANES] : LANES.filter((lane) => context.options.lanes!.has(lane));
  return { service, serviceIndex, shown, placement, order, lanes, attachedTo, local };
}

interface WindowInfo {
  /** The part of each local step (index into windows). */
  readonly partOf: Int32Array;
  /** Indexes (into `shown.flows`) of the flows with an end in this part. */
  readonly flows: readonly number[];
  readonly part: number;
  readonly parts: number;
}

function blueprintTitle(context: ViewContext, service: Service, part: number, parts: number): string {
  const base = `Service blueprint: ${service.name} (${agencyName(context, service.agency)})`;
  return parts > 1 ? `${base}, part ${part + 1} of ${parts}` : base;
}

/**
 * Builds the flowchart of one window of a service's blueprint.
 *
 * Long on purpose: its stages (step nodes, continuation stubs, ranks, flows, the pinned bands and the legend) share
 * the window's rank arithmetic, its table of stubs and its lists of nodes and edges; cut apart, each would take
 * most of them as parameters.
 */
function buildWindow(context: ViewContext, plan: Plan, members: readonly number[], info: WindowInfo, labels: readonly StepLabel[]): Flowchart {
  const { service, serviceIndex, shown, placement } = plan;
  const { overlay } = context.options;
  const swimlane = context.options.layout === "swimlane";
  const inWindow = (l: number): boolean => info.partOf[l] === info.part;
  const nodeOf = (l: number): string => stepNodeId(serviceIndex, shown.steps[l]!);

  const nodes: FlowNode[] = [];
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const l of members) {
    const step = service.steps[shown.steps[l]!]!;
    const findings = overlay.steps.get(stepKey(service.id, step.id));
    const classes = [LANE_CLASSES[step.lane]];
    if (step.outcome !== undefined) classes.push("outcome");
    if (step.waitDays > 0) classes.push("wait");
    if (step.failPoint !== undefined) classes.push("fail");
    // Findings are a badge in the label (see compactStepLabel): the lane fill and the borders stay.
    if (findings !== undefined) for (const severity of SEVERITY_ORDER) severities[severity] += findings.counts[severity];
    const { label, written } = labels[l]!;
    nodes.push({
      id: nodeOf(l),
      label,
      written,
      shape: step.outcome !== undefined ? "round" : "rect",
      classes,
    });
  }

  // Continuation nodes for flows to and from other parts: one per lane, other part and direction.
  const stubs = new Map<string, { id: string; lane: Lane; label: Label; incoming: boolean }>();
  const stub = (lane: Lane, otherPart: number, incoming: boolean): string => {
    const key = `${incoming ? "in" : "out"}:${lane}:${otherPart}`;
    let found = stubs.get(key);
    if (!found) {
      found = {
        id: helperNodeId("more", stubs.size),
        lane,
        label: [[{ text: incoming ? `From part ${otherPart + 1}` : `Continues in part ${otherPart + 1}`, em: true }]],
        incoming,
      };
      stubs.set(key, found);
    }
    return found.id;
  };
  for (const e of info.flows) {
    const flow = shown.flows[e]!;
    const u = known(plan.local, flow.from);
    const v = known(plan.local, flow.to);
    if (inWindow(u) && !inWindow(v)) stub(service.steps[flow.to]!.lane, info.partOf[v]!, false);
    if (!inWindow(u) && inWindow(v)) stub(service.steps[flow.from]!.lane, info.partOf[u]!, true);
  }
  const stubList = [...stubs.values()];
  for (const s of stubList) nodes.push({ id: s.id, label: s.label, shape: "rect", classes: ["stub"] });

  // Ranks: start 0, lane titles 1, incoming continuations, the steps, outgoing continuations, tails, end.
  let minRank = Number.POSITIVE_INFINITY;
  let maxRank = Number.NEGATIVE_INFINITY;
  for (const l of members) {
    minRank = Math.min(minRank, placement.rank[l]!);
    maxRank = Math.max(maxRank, placement.rank[l]!);
  }
  if (members.length === 0) minRank = maxRank = 0;
  const firstStep = stubList.some((s) => s.incoming) ? 3 : 2;
  const at = (l: number): number => placement.rank[l]! - minRank + firstStep;
  const outRank = maxRank - minRank + firstStep + 1;
  const bridged = info.flows.some((e) => shown.flows[e]!.flow === undefined);
  const serviceFindings = overlay.active ? overlay.services.get(service.id) : undefined;
  const keys = legendKeys({ stubs: stubList.length > 0, bridged, overlay: overlay.active, severities, serviceRules: serviceFindings?.rules ?? [] });
  const tailRank = Math.max(stubList.some((s) => !s.incoming) ? outRank + 1 : outRank, keys.length + 2);
  const endRank = tailRank + 1;
  const stubRank = (s: { incoming: boolean }): number => (s.incoming ? 2 : outRank);

  // Flows.
  const flowEdges: FlowEdge[] = [];
  for (const e of info.flows) {
    const flow = shown.flows[e]!;
    const u = known(plan.local, flow.from);
    const v = known(plan.local, flow.to);
    const uIn = inWindow(u);
    const vIn = inWindow(v);
    const rework = flow.flow?.kind === "rework";
    const stroke = rework || flow.flow === undefined ? ("dotted" as const) : ("normal" as const);
    const style = rework ? REWORK_STYLE : flow.flow === undefined ? BRIDGE_STYLE : undefined;
    const label = flowLabel(flow.flow, flow.hidden);
    const look = { stroke, ...(label ? { label } : {}), ...(style ? { style } : {}) };
    if (uIn && vIn) {
      if (swimlane) flowEdges.push({ from: nodeOf(u), to: nodeOf(v), arrow: "end", length: 1, ...look });
      // A flow back in time is written forwards with its head at the start (see FlowEdge.arrow).
      // A flow from a step to itself (done again) is a self-loop: dagre lays those out apart from the ranks.
      else if (u === v) flowEdges.push({ from: nodeOf(u), to: nodeOf(v), arrow: "end", length: 1, ...look });
      else if (placement.back[e] === 1) flowEdges.push({ from: nodeOf(v), to: nodeOf(u), arrow: "start", length: Math.max(1, at(u) - at(v)), ...look });
      else flowEdges.push({ from: nodeOf(u), to: nodeOf(v), arrow: "end", length: Math.max(1, at(v) - at(u)), ...look });
    } else if (uIn) {
      flowEdges.push({ from: nodeOf(u), to: stub(service.steps[flow.to]!.lane, info.partOf[v]!, false), arrow: "end", length: Math.max(1, outRank - at(u)), ...look });
    } else {
      flowEdges.push({ from: stub(service.steps[flow.from]!.lane, info.partOf[u]!, true), to: nodeOf(v), arrow: "end", length: Math.max(1, at(v) - 2), ...look });
    }
  }

  mergeParallelFlows(flowEdges);

  const clusters: FlowCluster[] = [];
  const top: string[] = [];
  const edges: FlowEdge[] = [];
  const start = helperNodeId("start");
  const end = helperNodeId("end");
  const ghost = (id: string): FlowNode => ({ id, label: [], shape: "rect", classes: ["ghost"] });
  let helperCount = 0;
  const helper = (): string => {
    const id = helperNodeId("pad", helperCount++);
    nodes.push(ghost(id));
    return id;
  };
  const band = (items: BandItem[], line?: { from: string; to: string; style: string }): string[] => {
    const pinned = pinBand(items, { start, end, endRank, helper, ...(line ? { line } : {}) });
    edges.push(...pinned.edges);
    return pinned.helpers;
  };
  if (!swimlane) {
    nodes.push(ghost(start), ghost(end));
    top.push(start);
  }

  const addLane = (lane: Lane): void => {
    const li = laneIndex(lane);
    const id = laneClusterId(li);
    const headId = helperNodeId("head", li);
    const tailId = helperNodeId("tail", li);
    const steps = members.filter((l) => service.steps[shown.steps[l]!]!.lane === lane);
    steps.sort((a, b) => at(a) - at(b) || shown.steps[a]! - shown.steps[b]!);
    const laneStubs = stubList.filter((s) => s.lane === lane);
    if (swimlane) {
      const children = [...laneStubs.filter((s) => s.incoming).map((s) => s.id), ...steps.map(nodeOf), ...laneStubs.filter((s) => !s.incoming).map((s) => s.id)];
      clusters.push({ id, title: [[{ text: LANE_TITLES[lane], strong: true }]], children, classes: ["band"] });
      top.push(id);
      return;
    }
    nodes.push({ id: headId, label: [[{ text: LANE_TITLES[lane], strong: true }]], shape: "rect", classes: ["lanehead"] });
    nodes.push(ghost(tailId));
    const items: BandItem[] = [
      { id: headId, rank: 1 },
      ...laneStubs.filter((s) => s.incoming).map((s) => ({ id: s.id, rank: stubRank(s) })),
      ...steps.map((l) => ({ id: nodeOf(l), rank: at(l) })),
      ...laneStubs.filter((s) => !s.incoming).map((s) => ({ id: s.id, rank: stubRank(s) })),
      { id: tailId, rank: tailRank },
    ];
    const helpers = band(items);
    clusters.push({ id, title: null, children: [...items.map((item) => item.id), ...helpers], classes: ["band"] });
    top.push(id);
  };
  const addLine = (bi: number): void => {
    const line = BLUEPRINT_LINES[bi]!;
    const id = lineClusterId(bi);
    const labelId = helperNodeId("line", bi);
    const tailId = helperNodeId("linetail", bi);
    nodes.push({ id: labelId, label: [[{ text: line.label, em: true }]], shape: "rect", classes: ["linelabel"] });
    if (swimlane) {
      clusters.push({ id, title: null, children: [labelId], classes: ["lineband"] });
      top.push(id);
      return;
    }
    nodes.push(ghost(tailId));
    const helpers = band(
      [
        { id: labelId, rank: 1 },
        { id: tailId, rank: tailRank },
      ],
      { from: labelId, to: tailId, style: LINE_STYLE },
    );
    clusters.push({ id, title: null, children: [labelId, ...helpers, tailId], classes: ["lineband"] });
    top.push(id);
  };
  // Lanes top to bottom; before each lane, the lines above it that have a shown lane above them (with lanes
  // hidden, two lines can run between the same two lanes).
  const added = new Set<number>();
  plan.lanes.forEach((lane, position) => {
    BLUEPRINT_LINES.forEach((line, bi) => {
      if (added.has(bi) || laneIndex(line.below) > laneIndex(lane)) return;
      if (!plan.lanes.slice(0, position).some((l) => laneIndex(l) <= laneIndex(line.above))) return;
      added.add(bi);
      addLine(bi);
    });
    addLane(lane);
  });

  if (swimlane) {
    // The swimlane layout lines up the two ends of a link across lanes; an invisible link from a moment's anchor
    // to each step attached to it keeps the moment in one column.
    const linked = new Set(flowEdges.map((e) => `${e.from} ${e.to}`));
    for (const l of members) {
      const anchor = plan.attachedTo[l]!;
      if (anchor < 0 || !inWindow(anchor)) continue;
      const a = nodeOf(anchor);
      const b = nodeOf(l);
      if (!linked.has(`${a} ${b}`) && !linked.has(`${b} ${a}`)) edges.push({ from: a, to: b, stroke: "invisible", arrow: "none", length: 1 });
    }
  }

  const classDefs = [...BLUEPRINT_CLASS_DEFS, ...LEGEND_CLASS_DEFS];
  const cluster: FlowCluster = { id: LEGEND_CLUSTER_ID, title: [[{ text: "Legend", strong: true }]], children: keys.map((key) => key.id), classes: ["legend"] };
  nodes.push(...keys);
  if (swimlane) {
    clusters.push(cluster);
    top.push(cluster.id);
  } else {
    // The legend is a band under the lanes: a heading like the lanes' (a cluster title would be drawn over the
    // first row of keys: dagre reserves no room for it), then its keys left to right.
    const legendHead = helperNodeId("head", 9);
    const legendTail = helperNodeId("tail", 9);
    nodes.push({ id: legendHead, label: cluster.title!, shape: "rect", classes: ["lanehead"] }, ghost(legendTail));
    const items = [{ id: legendHead, rank: 1 }, ...keys.map((key, i) => ({ id: key.id, rank: i + 2 })), { id: legendTail, rank: tailRank }];
    const helpers = band(items);
    clusters.push({ ...cluster, title: null, children: [...items.map((item) => item.id), ...helpers] });
    top.push(cluster.id);
  }
  if (!swimlane) top.push(end);

  const title = blueprintTitle(context, service, info.part, info.parts);
  return {
    header: swimlane ? "swimlane-beta" : "flowchart",
    direction: "LR",
    ...(context.options.title ? { title } : {}),
    accTitle: title,
    accDescr: `${members.length} step${members.length === 1 ? "" : "s"} of ${service.name} in ${plan.lanes.length} lanes, from physical evidence to support processes, with the lines of interaction, visibility and internal interaction.`,
    ...(swimlane ? {} : { config: { rankSpacing: 30, nodeSpacing: 10, wrappingWidth: 180, curve: "rounded" } }),
    nodes,
    clusters,
    top,
    edges: [...edges, ...flowEdges],
    classDefs,
  };
}

/** The label of a step and its written form. */
interface StepLabel {
  readonly label: Label;
  readonly written: string;
}

/** The label of each shown step, by local index: built once per view and level of detail, not once per write. */
function stepLabels(context: ViewContext, plan: Plan, details: boolean): StepLabel[] {
  const { service, shown } = plan;
  return shown.steps.map((stepIndex) => {
    const step = service.steps[stepIndex]!;
    const findings = context.options.overlay.steps.get(stepKey(service.id, step.id));
    const label = compactStepLabel(step, { details, findings });
    return { label, written: markdownLabel(label, context.options.maxLabelLength) };
  });
}

/** Estimated cost of each step in window order, for planning. */
function stepCosts(plan: Plan, labels: readonly StepLabel[]): Cost[] {
  const { service, shown } = plan;
  const outDegree = new Int32Array(service.steps.length);
  const inDegree = new Int32Array(service.steps.length);
  for (const f of shown.flows) {
    outDegree[f.from]! += 1;
    inDegree[f.to]! += 1;
  }
  const gapShare = (8 * plan.placement.ranks) / (10 * Math.max(1, plan.order.length));
  const { rank } = plan.placement;
  return plan.order.map((l, i) => {
    const stepIndex = shown.steps[l]!;
    const label = labels[l]!.written;
    const flowCount = outDegree[stepIndex]! + inDegree[stepIndex]!;
    // Its node line, its chain link, its flows (counted at both ends: a flow may need a continuation in another
    // part), its share of class statements and of the helpers that pin long gaps in eight bands.
    // A step opens a column of the picture when its rank differs from the step before it (steps are in rank order).
    const width = i === 0 || rank[l] !== rank[plan.order[i - 1]!] ? 1 : 0;
    return { text: label.length + 20 + 45 * PIN_WEIGHT + flowCount * 70 + 16 + gapShare * 40 * PIN_WEIGHT, edges: PIN_WEIGHT * (1 + gapShare) + flowCount, width };
  });
}

/**
 * A window's flowchart, written to text on first use: fitting a view to the budget checks edges first, and a
 * window over `maxEdges` is dropped without its text ever being needed.
 */
class WrittenWindow {
  readonly edges: number;
  private written: string | undefined;

  constructor(
    private readonly chart: Flowchart,
    private readonly maxLabelLength: number,
    readonly title: string,
    /** Its columns: the ranks its steps take. */
    readonly width: number,
  ) {
    this.edges = writtenEdgeCount(chart);
  }

  get text(): string {
    this.written ??= writeFlowchart(this.chart, this.maxLabelLength);
    return this.written;
  }
}

/**
 * Draws the blueprint of a service, split into parts along the moments when it does not fit the budget.
 *
 * @param context - catalog, options, warnings
 * @param serviceId - the service's id
 * @returns the diagrams
 */
export function blueprintView(context: ViewContext, serviceId: unknown): MermaidDiagram[] {
  const { service, serviceIndex } = requireService(context, serviceId, "view.service");
  const plan = planService(context, service, serviceIndex);
  const budget: Budget = {
    maxEdges: context.options.maxEdges,
    maxTextSize: context.options.maxTextSize,
    maxWidth: balancedWidth(new Set(plan.order.map((l) => plan.placement.rank[l])).size, context.options.maxColumns),
  };
  if (plan.shown.truncated) context.warn("filtered", `some flows through hidden steps of '${service.id}' were not followed to the end`);
  if (context.options.filtered && plan.shown.steps.length < service.steps.length) {
    context.warn("filtered", `the filters hide ${service.steps.length - plan.shown.steps.length} of ${service.steps.length} steps of '${service.id}'`);
  }
  warnUnshownFindings(context, service, plan);

  for (const details of context.options.details ? [true, false] : [false]) {
    const labels = stepLabels(context, plan, details);
    const costs = stepCosts(plan, labels);
    // The start and end pins of eight bands (each written PIN_WEIGHT times), the legend and the styles.
    const fixed: Cost = { text: 4_000, edges: 16 * PIN_WEIGHT + 14 };
    const write = (list: readonly [number, number][]): WrittenWindow[] => {
      const partOf = new Int32Array(plan.order.length);
      list.forEach(([s, e], part) => {
        for (let i = s; i < e; i++) partOf[plan.order[i]!] = part;
      });
      // Each flow goes to the part of each of its ends, so that a part only looks at its own flows.
      const flows: number[][] = list.map(() => []);
      plan.shown.flows.forEach((flow, e) => {
        const a = partOf[known(plan.local, flow.from)]!;
        const b = partOf[known(plan.local, flow.to)]!;
        flows[a]!.push(e);
        if (b !== a) flows[b]!.push(e);
      });
      return list.map(([s, e], part) => {
        const members = plan.order.slice(s, e);
        const chart = buildWindow(context, plan, members, { partOf, part, parts: list.length, flows: flows[part]! }, labels);
        const width = new Set(members.map((l) => plan.placement.rank[l])).size;
        return new WrittenWindow(chart, context.options.maxLabelLength, blueprintTitle(context, service, part, list.length), width);
      });
    };
    // Always write at least one diagram, even for a service with every step filtered out.
    const settled =
      plan.order.length === 0
        ? { windows: [[0, 0]] as [number, number][], diagrams: write([[0, 0]]) }
        : fitAll(costs, fixed, budget, (i) => plan.placement.column[plan.order[i]!] !== plan.placement.column[plan.order[i - 1]!], write);
    if (settled === null) continue;
    if (!details && context.options.details) {
      context.warn("collapsed", `step details of '${service.id}' were left out to fit the budget`);
    }
    if (settled.diagrams.length > 1) {
      context.warn(
        "split",
        `the blueprint of '${service.id}' was split into ${settled.diagrams.length} parts along its moments to fit maxColumns ${context.options.maxColumns} / maxEdges ${budget.maxEdges} / maxTextSize ${budget.maxTextSize}`,
      );
    }
    return settled.diagrams.map((d, part) => ({
      id: settled.diagrams.length > 1 ? `blueprint-${service.id}-part-${part + 1}` : `blueprint-${service.id}`,
      title: d.title,
      text: d.text,
      edges: d.edges,
    }));
  }
  throw budgetTooSmall(budget, "step");
}

/**
 * The columns each part may hold so that parts come out even: a blueprint of 7 columns with at most 6 a part is
 * drawn as 4 and 3, not 6 and 1.
 */
function balancedWidth(columns: number, maxColumns: number): number {
  if (columns <= maxColumns) return maxColumns;
  return Math.ceil(columns / Math.ceil(columns / maxColumns));
}

function warnUnshownFindings(context: ViewContext, service: Service, plan: Plan): void {
  const { overlay } = context.options;
  if (!overlay.active) return;
  const withFindings = overlay.stepsByService.get(service.id);
  if (withFindings === undefined) return;
  const shownIds = new Set(plan.shown.steps.map((i) => service.steps[i]!.id));
  let hidden = 0;
  for (const stepId of withFindings) if (!shownIds.has(stepId)) hidden++;
  if (hidden > 0) context.warn("finding_not_shown", `${hidden} step${hidden === 1 ? "" : "s"} with findings are hidden by the filters`);
}
