/**
 * Mermaid's own parser under Node, for tests.
 *
 * mermaid 11 calls `DOMPurify.addHook` and `DOMPurify.sanitize` while parsing flowcharts and journeys, and without a
 * DOM those throw ("DOMPurify.addHook is not a function"). This helper gives the `dompurify` module mermaid imports
 * (the same deduped copy) a real sanitizer bound to a jsdom window, before mermaid is imported. Labels are
 * therefore sanitized exactly as in a browser, which is what a "label survives" check needs.
 *
 * Usage:
 * ```ts
 * import { parseMermaid, readMermaid } from "../helpers/mermaid-parse.js";
 * await parseMermaid(text);                    // throws on a syntax error or an edge limit
 * const content = await readMermaid(text);     // nodes, subgraphs, edges (flowchart) or tasks (journey)
 * ```
 */
import type { Mermaid } from "mermaid";

let loading: Promise<Mermaid> | undefined;

/** Imports mermaid once, with DOMPurify patched first. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    const [{ default: DOMPurify }, { JSDOM }] = await Promise.all([import("dompurify"), import("jsdom")]);
    const real = DOMPurify(new JSDOM("").window as unknown as Parameters<typeof DOMPurify>[0]);
    const target = DOMPurify as unknown as { addHook: unknown; sanitize: unknown; removeHook: unknown; removeAllHooks: unknown };
    target.addHook = real.addHook.bind(real);
    target.sanitize = real.sanitize.bind(real);
    target.removeHook = real.removeHook.bind(real);
    target.removeAllHooks = real.removeAllHooks.bind(real);
    const { default: mermaid } = await import("mermaid");
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    return mermaid;
  })();
  return loading;
}

/** Limits to parse under; Mermaid's own defaults when left out. */
export interface ParseLimits {
  /** Mermaid's `maxEdges` (default 500). */
  readonly maxEdges?: number;
}

async function configured(limits: ParseLimits): Promise<Mermaid> {
  const mermaid = await loadMermaid();
  // `maxEdges` is a secure key: only initialize can set it, and it stays set, so set it every time.
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", maxEdges: limits.maxEdges ?? 500 });
  return mermaid;
}

/**
 * Parses Mermaid text with Mermaid's own parser and returns the diagram type. Throws on any syntax error, and on
 * a flowchart with more edges than `maxEdges`.
 *
 * @param text - Mermaid text
 * @param limits - parse limits (Mermaid's defaults otherwise)
 * @returns the diagram type, e.g. `flowchart-v2` or `journey`
 */
export async function parseMermaid(text: string, limits: ParseLimits = {}): Promise<string> {
  const mermaid = await configured(limits);
  const result = await mermaid.parse(text);
  return result.diagramType;
}

/** What a flowchart holds, as Mermaid's parser read it. Labels are decoded to the text a reader sees. */
export interface FlowchartContent {
  readonly kind: "flowchart";
  readonly type: string;
  /** The accessible title (`accTitle:`), decoded. */
  readonly accTitle: string;
  /** Node id to label text. */
  readonly nodes: ReadonlyMap<string, string>;
  /** Subgraph id to title and member ids. */
  readonly subgraphs: ReadonlyMap<string, { readonly title: string; readonly nodes: readonly string[] }>;
  readonly edges: readonly { readonly from: string; readonly to: string; readonly label: string; readonly stroke: string; readonly length: number }[];
}

/** What a journey holds, as Mermaid's parser read it. */
export interface JourneyContent {
  readonly kind: "journey";
  readonly title: string;
  /** The accessible title (`accTitle:`), decoded. */
  readonly accTitle: string;
  readonly sections: readonly string[];
  readonly tasks: readonly { readonly section: string; readonly task: string; readonly score: number; readonly people: readonly string[] }[];
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', lt: "<", gt: ">", amp: "&", apos: "'", nbsp: "\u00a0" };

/**
 * Turns label text as Mermaid's parser stores it into what a reader sees: entity placeholders and HTML entities
 * decoded, the exporter's own markdown markers (`**`, `*`) removed (before decoding, so a user's
 * escaped `*` stays), spaces collapsed.
 *
 * @param text - a label as stored by the parser
 * @returns the visible text
 */
export function visibleText(text: string): string {
  // Markers first: the user's own `*` are still entity placeholders at this point. Then placeholders become
  // entities (as Mermaid's decodeEntities does to the SVG) and entities are decoded once (as a browser does).
  return text
    .replace(/\*\*|\*/g, "")
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, "&#$1;")
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, "&$1;")
    .replace(/&(?:#(\d+)|(\w+));/g, (whole, code: string | undefined, name: string | undefined) =>
      code !== undefined ? String.fromCodePoint(Number(code)) : (NAMED[name!] ?? whole),
    )
    .replace(/\s+/g, " ")
    .trim();
}

interface FlowDb {
  getAccTitle(): string;
  getVertices(): Map<string, { text?: string }>;
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
  getEdges(): { start: string; end: string; text?: string; stroke?: string; length?: number }[];
}
interface JourneyDb {
  getAccTitle(): string;
  getDiagramTitle(): string;
  getSections(): string[];
  getTasks(): { section: string; task: string; score: number; people: string[] }[];
}

/**
 * Parses Mermaid text and reads back what the parser built: nodes, subgraphs and edges of a flowchart (or
 * swimlane), or sections and tasks of a journey, with labels decoded by {@link visibleText}.
 *
 * @param text - Mermaid text
 * @param limits - parse limits
 * @returns the content
 */
export async function readMermaid(text: string, limits: ParseLimits = {}): Promise<FlowchartContent | JourneyContent> {
  const mermaid = await configured(limits);
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  if (diagram.type === "journey") {
    const db = diagram.db as unknown as JourneyDb;
    return {
      kind: "journey",
      title: visibleText(db.getDiagramTitle()),
      accTitle: visibleText(db.getAccTitle()),
      sections: db.getSections().map(visibleText),
      tasks: db.getTasks().map((t) => ({ section: visibleText(t.section), task: visibleText(t.task), score: t.score, people: t.people.map(visibleText) })),
    };
  }
  const db = diagram.db as unknown as FlowDb;
  const nodes = new Map<string, string>();
  for (const [id, vertex] of db.getVertices()) nodes.set(id, visibleText(vertex.text ?? ""));
  const subgraphs = new Map<string, { title: string; nodes: string[] }>();
  for (const sg of db.getSubGraphs()) subgraphs.set(sg.id, { title: visibleText(sg.title), nodes: [...sg.nodes] });
  return {
    kind: "flowchart",
    type: diagram.type,
    accTitle: visibleText(db.getAccTitle()),
    nodes,
    subgraphs,
    edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, label: visibleText(e.text ?? ""), stroke: e.stroke ?? "normal", length: e.length ?? 1 })),
  };
}
