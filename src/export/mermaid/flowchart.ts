/**
 * A small intermediate form of a Mermaid flowchart and its writer. Views build this form; the writer is the only
 * place that turns it into text, so escaping, ids and statement order are decided once. Budgets count edges on the
 * form and measure the written text.
 */
import { cleanText, escapeText, yamlQuoted } from "./escape.js";
import { nonexhaustive } from "../../internal/words.js";

/** A run of label text, optionally bold or italic. */
export interface LabelSpan {
  readonly text: string;
  readonly strong?: boolean;
  readonly em?: boolean;
}
/** One line of a label. */
export type LabelLine = readonly LabelSpan[];
/** A label: lines of spans. User text goes in raw; the writer escapes it. */
export type Label = readonly LabelLine[];

/** Node shapes the exporter uses (all drawn without hand-drawn randomness, so renders are stable). */
export type NodeShape = "rect" | "round" | "subroutine" | "hexagon" | "parallelogram" | "circle";

/** A node of the flowchart. */
export interface FlowNode {
  readonly id: string;
  readonly label: Label;
  /**
   * The label already written by `markdownLabel(label, maxLabelLength)` with the writer's `maxLabelLength`, when
   * the view has it (a view written several times while it is fitted to the budget writes each label once).
   */
  readonly written?: string;
  readonly shape: NodeShape;
  /** Class names (from `classDefs`) applied to the node, in order. */
  readonly classes: readonly string[];
}

/** How an edge is drawn. */
export type EdgeStroke = "normal" | "dotted" | "thick" | "invisible";

/** An edge of the flowchart. */
export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: Label;
  readonly stroke: EdgeStroke;
  /**
   * Where the arrow head goes: at `to` (`end`), nowhere (`none`), or at `from` (`start`). A `start` edge is how a
   * flow that points backwards in time is written: the graph edge runs forwards (so Mermaid's layout never has to
   * break a cycle, which can tear the pinned layout apart) and the head is drawn at its start (a double arrow
   * whose end marker a `linkStyle` removes). `both` draws heads at both ends: two flows between the same pair of
   * steps, one each way, merged into one edge (Mermaid's layout fails on parallel visible edges across lanes).
   */
  readonly arrow: "end" | "start" | "both" | "none";
  /** Ranks the edge spans at least (Mermaid's link length); 1 for a normal link. */
  readonly length: number;
  /** CSS for a `linkStyle` line, if the edge has its own style. */
  readonly style?: string;
  /**
   * How many times the link is written (default 1). Mermaid's layout (dagre) adds up the weights of parallel links
   * when it orders the nodes of a rank, so an invisible pin written several times holds its band in place against
   * the pull of flows to far lanes (see bands.ts). Each copy counts against Mermaid's `maxEdges`.
   */
  readonly weight?: number;
}

/** A subgraph. */
export interface FlowCluster {
  readonly id: string;
  /** Its title; `null` draws an untitled box. */
  readonly title: Label | null;
  /** Node and subgraph ids inside it, in order. */
  readonly children: readonly string[];
  /** Class names applied to the subgraph. */
  readonly classes: readonly string[];
  /**
   * The direction its contents are laid out in. Mermaid honours it only for a subgraph no link crosses (it lays
   * such a subgraph out on its own); without it, each nested level turns the direction of the one around it.
   */
  readonly direction?: "LR" | "TB";
}

/** A whole flowchart in intermediate form. */
export interface Flowchart {
  /** `flowchart` for the classic renderer, `swimlane-beta` for Mermaid's swimlane layout. */
  readonly header: "flowchart" | "swimlane-beta";
  readonly direction: "LR" | "TB";
  /** A visible title (frontmatter). */
  readonly title?: string;
  /** Accessible title and description. */
  readonly accTitle?: string;
  readonly accDescr?: string;
  /** Layout settings written as frontmatter config (non-secure keys only). */
  readonly config?: {
    readonly nodeSpacing?: number;
    readonly rankSpacing?: number;
    readonly wrappingWidth?: number;
    /**
     * How links are drawn between their layout points. Mermaid keeps a link's label where dagre made room for it
     * only when that point lies on the drawn path; with its default `basis` curve it often does not, and the label
     * moves to the curve's midpoint, over other labels. `linear` and `rounded` pass through the points.
     */
    readonly curve?: "basis" | "linear" | "rounded";
  };
  readonly nodes: readonly FlowNode[];
  readonly clusters: readonly FlowCluster[];
  /** Node and subgraph ids at the top level, in order. */
  readonly top: readonly string[];
  readonly edges: readonly FlowEdge[];
  /** `classDef` lines: name and CSS, in order. */
  readonly classDefs: readonly (readonly [string, string])[];
}

const SHAPES: Readonly<Record<NodeShape, readonly [string, string]>> = {
  rect: ["[", "]"],
  round: ["(", ")"],
  subroutine: ["[[", "]]"],
  hexagon: ["{{", "}}"],
  parallelogram: ["[/", "/]"],
  circle: ["((", "))"],
};

/**
 * Writes a label as a Mermaid markdown string (`"`...`"`): each line escaped, bold as `**x**`, italic as `*x*`.
 * An empty label is written as a single space so that Mermaid does not fall back to showing the node id.
 */
export function markdownLabel(label: Label, maxLength = Number.POSITIVE_INFINITY): string {
  const lines: string[] = [];
  for (const line of label) {
    let out = "";
    for (const span of line) {
      const text = cleanText(span.text, false, maxLength);
      if (text === "") continue;
      const escaped = escapeText(text, "markdown");
      if (out !== "" && !out.endsWith(" ")) out += " ";
      out += span.strong ? `**${escaped}**` : span.em ? `*${escaped}*` : escaped;
    }
    if (out !== "") lines.push(out);
  }
  return lines.length === 0 ? '" "' : `"\`${lines.join("\n")}\`"`;
}

/**
 * Writes a label as a plain quoted string on one line (for `swimlane-beta` edge labels, which Mermaid does not
 * read as markdown). Bold and italic are dropped.
 */
export function plainLabel(label: Label, maxLength = Number.POSITIVE_INFINITY): string {
  const text = label
    .map((line) => line.map((span) => cleanText(span.text, false, maxLength)).filter((t) => t !== "").join(" "))
    .filter((t) => t !== "")
    .join(" ");
  return text === "" ? '" "' : `"${escapeText(text, "line")}"`;
}

/** A label of one plain line. */
export function plain(text: string): Label {
  return [[{ text }]];
}

/** Mermaid reads link lengths up to 10 ranks; longer ones count as 10, so they are written as 10. */
const MAX_WRITTEN_LENGTH = 10;

function link(edge: FlowEdge): string {
  const length = Math.min(MAX_WRITTEN_LENGTH, Math.max(1, Math.floor(edge.length)));
  const head = edge.arrow !== "none";
  const tail = edge.arrow === "start" || edge.arrow === "both" ? "<" : "";
  switch (edge.stroke) {
    case "normal":
      return head ? `${tail}${"-".repeat(length + 1)}>` : "-".repeat(length + 2);
    case "thick":
      return head ? `${tail}${"=".repeat(length + 1)}>` : "=".repeat(length + 2);
    case "dotted":
      return head ? `${tail}-${".".repeat(length)}->` : `-${".".repeat(length)}-`;
    case "invisible":
      return "~".repeat(length + 2);
    default:
      return nonexhaustive(edge.stroke, "edge stroke");
  }
}


/** How many times an edge is written: its weight, a whole number of at least 1. */
export function edgeWeight(edge: FlowEdge): number {
  return edge.weight === undefined ? 1 : Math.max(1, Math.floor(edge.weight));
}

/** How many links a flowchart's text holds (what Mermaid's `maxEdges` counts): every edge as often as it is written. */
export function writtenEdgeCount(chart: Flowchart): number {
  let count = 0;
  for (const edge of chart.edges) count += edgeWeight(edge);
  return count;
}

/**
 * Writes a flowchart as Mermaid text. Nodes are defined inside their subgraphs; every edge comes after all
 * subgraphs (an edge written inside a subgraph would pull its nodes into it); classes and link styles come last.
 *
 * @param chart - the flowchart
 * @param maxLabelLength - the longest label span, in code points
 * @returns the Mermaid text, ending with a newline
 */
export function writeFlowchart(chart: Flowchart, maxLabelLength = Number.POSITIVE_INFINITY): string {
  const out: string[] = [];
  const frontmatter: string[] = [];
  if (chart.title !== undefined) frontmatter.push(`title: ${yamlQuoted(chart.title)}`);
  const config = chart.config;
  if (config !== undefined) {
    const keys = Object.entries(config).filter(([, v]) => v !== undefined);
    if (keys.length > 0) {
      frontmatter.push("config:", "  flowchart:");
      for (const [key, value] of keys) frontmatter.push(`    ${key}: ${typeof value === "string" ? value : Number(value)}`);
    }
  }
  if (frontmatter.length > 0) out.push("---", ...frontmatter, "---");
  out.push(`${chart.header} ${chart.direction}`);
  if (chart.accTitle !== undefined) out.push(`  accTitle: ${escapeText(cleanText(chart.accTitle, false), "line")}`);
  if (chart.accDescr !== undefined) out.push(`  accDescr: ${escapeText(cleanText(chart.accDescr, false), "line")}`);

  const nodes = new Map(chart.nodes.map((node) => [node.id, node]));
  const clusters = new Map(chart.clusters.map((cluster) => [cluster.id, cluster]));
  // Iterative walk of the subgraph tree: a stack of [id, depth] frames, with an explicit `end` marker.
  const stack: { id: string; depth: number; close: boolean }[] = [];
  for (let i = chart.top.length - 1; i >= 0; i--) stack.push({ id: chart.top[i]!, depth: 1, close: false });
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const indent = "  ".repeat(frame.depth);
    if (frame.close) {
      out.push(`${indent}end`);
      continue;
    }
    const cluster = clusters.get(frame.id);
    if (cluster !== undefined) {
      const title = cluster.title === null ? '" "' : markdownLabel(cluster.title, maxLabelLength);
      out.push(`${indent}subgraph ${cluster.id} [${title}]`);
      if (cluster.direction !== undefined) out.push(`${indent}  direction ${cluster.direction}`);
      stack.push({ id: cluster.id, depth: frame.depth, close: true });
      for (let i = cluster.children.length - 1; i >= 0; i--) {
        stack.push({ id: cluster.children[i]!, depth: frame.depth + 1, close: false });
      }
      continue;
    }
    const node = nodes.get(frame.id);
    if (node === undefined) continue;
    const [open, close] = SHAPES[node.shape];
    out.push(`${indent}${node.id}${open}${node.written ?? markdownLabel(node.label, maxLabelLength)}${close}`);
  }

  const styled = new Map<string, number[]>();
  // linkStyle counts written links, so an edge written several times takes several indexes.
  let index = 0;
  for (const edge of chart.edges) {
    const write = chart.header === "swimlane-beta" ? plainLabel : markdownLabel;
    const text = edge.label === undefined ? "" : write(edge.label, maxLabelLength);
    const label = text === "" || text === '" "' ? "" : `|${text}|`;
    const line = `  ${edge.from} ${link(edge)}${label} ${edge.to}`;
    const style = edge.arrow === "start" ? `marker-end:none${edge.style === undefined ? "" : `,${edge.style}`}` : edge.style;
    const copies = edgeWeight(edge);
    for (let copy = 0; copy < copies; copy++, index++) {
      out.push(line);
      if (style !== undefined) {
        const list = styled.get(style);
        if (list) list.push(index);
        else styled.set(style, [index]);
      }
    }
  }

  for (const [name, css] of chart.classDefs) out.push(`  classDef ${name} ${css}`);
  const byClass = new Map<string, string[]>();
  const assign = (id: string, classes: readonly string[]): void => {
    for (const name of classes) {
      const list = byClass.get(name);
      if (list) list.push(id);
      else byClass.set(name, [id]);
    }
  };
  for (const cluster of chart.clusters) assign(cluster.id, cluster.classes);
  for (const node of chart.nodes) assign(node.id, node.classes);
  // Class statements in classDef order, so that later classes win the way the reader expects.
  const order = chart.classDefs.map(([name]) => name);
  for (const name of order) {
    const ids = byClass.get(name);
    if (!ids) continue;
    for (let i = 0; i < ids.length; i += 200) out.push(`  class ${ids.slice(i, i + 200).join(",")} ${name}`);
  }
  for (const [css, indexes] of styled) out.push(`  linkStyle ${indexes.join(",")} ${css}`);
  return `${out.join("\n")}\n`;
}

/**
 * Merges flows drawn between the same two nodes (a branch forwards and a rework back, say) into one edge, in place:
 * Mermaid's dagre layout throws on parallel visible edges between nodes of different lanes. The merged edge keeps
 * the first edge's place, carries both labels, a head at each end the flows point to, and the plainest stroke.
 */
export function mergeParallelFlows(edges: FlowEdge[]): void {
  const first = new Map<string, number>();
  const merged: FlowEdge[] = [];
  for (const edge of edges) {
    const key = `${edge.from} ${edge.to}`;
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, merged.length);
      merged.push(edge);
      continue;
    }
    const kept = merged[at]!;
    const heads = new Set([kept.arrow, edge.arrow].flatMap((a) => (a === "both" ? ["start", "end"] : a === "none" ? [] : [a])));
    const arrow = heads.has("start") && heads.has("end") ? "both" : heads.has("start") ? "start" : heads.has("end") ? "end" : "none";
    const label = [...(kept.label ?? []), ...(edge.label ?? [])];
    const stroke = kept.stroke === "normal" || edge.stroke === "normal" ? "normal" : kept.stroke;
    const style = kept.stroke === "normal" ? kept.style : edge.stroke === "normal" ? edge.style : kept.style;
    merged[at] = {
      from: kept.from,
      to: kept.to,
      arrow,
      stroke,
      length: Math.max(kept.length, edge.length),
      ...(label.length > 0 ? { label } : {}),
      ...(style === undefined ? {} : { style }),
    };
  }
  edges.splice(0, edges.length, ...merged);
}
