/**
 * Options checking and step selection: which steps a view shows (by agency, lane, channel), and the flows between
 * the shown steps, with flows through hidden steps bridged by dotted "via" edges.
 */
import type { CatalogIndex } from "../../model/index-lookup.js";
import { suggest } from "../../model/did-you-mean.js";
import type { Flow, Service, Step } from "../../model/schema.js";
import { CHANNEL_GROUPS, CHANNEL_KINDS, LANES, channelGroup, type Lane } from "../../model/vocabulary.js";
import { buildOverlay, type Overlay } from "./overlay.js";
import { MermaidExportError, type MermaidOptions } from "./types.js";
import { known } from "../../internal/invariant.js";

/** Budget defaults: Mermaid's own limits. */
export const DEFAULT_MAX_EDGES = 500;
export const DEFAULT_MAX_TEXT_SIZE = 50_000;
export const DEFAULT_MAX_LABEL_LENGTH = 120;
/**
 * Blueprint columns a part holds by default: with the lane titles and the continuation stubs, three columns of
 * steps stay within 2,400 px at 100% (measured in tests/export/measure-blueprints.ts).
 */
export const DEFAULT_MAX_COLUMNS = 3;
const MIN_MAX_EDGES = 20;
const MIN_MAX_TEXT_SIZE = 2_000;

/** Options after checking, with defaults filled in. */
export interface ResolvedOptions {
  readonly overlay: Overlay;
  readonly agencies: ReadonlySet<string> | null;
  readonly lanes: ReadonlySet<Lane> | null;
  readonly channels: ReadonlySet<string> | null;
  readonly collapse: ReadonlySet<string> | "all";
  /** Life experience: the detailed graph rather than the overview (`collapse` asks for it too). */
  readonly detailed: boolean;
  readonly details: boolean;
  readonly layout: "flowchart" | "swimlane";
  readonly title: boolean;
  readonly maxEdges: number;
  readonly maxTextSize: number;
  readonly maxLabelLength: number;
  readonly maxColumns: number;
  readonly defaultScore: number;
  /** Whether any step filter is set. */
  readonly filtered: boolean;
}

function fail(path: string, message: string, hint?: string): never {
  throw new MermaidExportError("invalid_option", path, message, hint);
}

function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const guess = suggest(value, candidates);
  return guess === undefined ? undefined : `did you mean '${guess}'?`;
}

function stringList(value: unknown, path: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(path, "must be an array of strings");
  value.forEach((item, i) => {
    if (typeof item !== "string") fail(`${path}[${i}]`, "must be a string");
  });
  return value as readonly string[];
}

function integer(value: unknown, path: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `must be an integer from ${min} to ${max}`, `got ${String(value)}`);
  }
  return value;
}

function boolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") fail(path, "must be true or false");
  return value;
}

const KNOWN_OPTIONS = new Set([
  "findings",
  "includeWaived",
  "agencies",
  "lanes",
  "channels",
  "collapse",
  "detailed",
  "details",
  "layout",
  "title",
  "maxEdges",
  "maxTextSize",
  "maxLabelLength",
  "maxColumns",
  "defaultScore",
]);

/**
 * Checks the options against the catalog and fills in defaults.
 *
 * @param options - what the caller passed
 * @param index - lookups over the catalog
 * @returns the resolved options
 * @throws MermaidExportError with code `invalid_option` and the option's path
 */
export function resolveOptions(options: MermaidOptions | undefined, index: CatalogIndex): ResolvedOptions {
  const o: Record<string, unknown> = options === undefined ? {} : (options as unknown as Record<string, unknown>);
  if (typeof o !== "object" || o === null || Array.isArray(o)) fail("options", "must be an object");
  for (const key of Object.keys(o).sort()) {
    if (!KNOWN_OPTIONS.has(key)) fail(`options.${key}`, "is not an option", didYouMean(key, KNOWN_OPTIONS));
  }

  const agencies = stringList(o.agencies, "options.agencies");
  agencies?.forEach((id, i) => {
    if (!index.agencies.has(id)) fail(`options.agencies[${i}]`, `agency '${id}' is not in the catalog`, didYouMean(id, index.agencies.keys()));
  });
  const lanes = stringList(o.lanes, "options.lanes");
  lanes?.forEach((lane, i) => {
    if (!(LANES as readonly string[]).includes(lane)) fail(`options.lanes[${i}]`, `'${lane}' is not a lane`, didYouMean(lane, LANES) ?? `lanes are ${LANES.join(", ")}`);
  });
  const channels = stringList(o.channels, "options.channels");
  // Built only when needed: it holds every channel of the catalog, and most calls have no channel filter.
  const channelWords = channels === undefined ? new Set<string>() : new Set<string>([...index.channels.keys(), ...CHANNEL_KINDS, ...CHANNEL_GROUPS]);
  channels?.forEach((value, i) => {
    if (!channelWords.has(value)) {
      fail(`options.channels[${i}]`, `'${value}' is neither a channel id, a channel kind nor a channel group`, didYouMean(value, channelWords));
    }
  });
  let collapse: ReadonlySet<string> | "all" = new Set();
  if (o.collapse === "all") collapse = "all";
  else {
    const ids = stringList(o.collapse, "options.collapse");
    ids?.forEach((id, i) => {
      if (!index.services.has(id)) fail(`options.collapse[${i}]`, `service '${id}' is not in the catalog`, didYouMean(id, index.services.keys()));
    });
    collapse = new Set(ids ?? []);
  }
  if (o.findings !== undefined && !Array.isArray(o.findings)) fail("options.findings", "must be an array of findings (from lintCatalog)");
  const layout = o.layout ?? "flowchart";
  if (layout !== "flowchart" && layout !== "swimlane") fail("options.layout", "must be 'flowchart' or 'swimlane'");
  return {
    overlay: buildOverlay(o.findings as MermaidOptions["findings"], boolean(o.includeWaived, "options.includeWaived", false)),
    agencies: agencies ? new Set(agencies) : null,
    lanes: lanes ? new Set(lanes as readonly Lane[]) : null,
    channels: channels ? new Set(channels) : null,
    collapse,
    detailed: boolean(o.detailed, "options.detailed", collapse === "all" || collapse.size > 0),
    details: boolean(o.details, "options.details", true),
    layout,
    title: boolean(o.title, "options.title", true),
    maxEdges: integer(o.maxEdges, "options.maxEdges", DEFAULT_MAX_EDGES, MIN_MAX_EDGES, 1_000_000),
    maxTextSize: integer(o.maxTextSize, "options.maxTextSize", DEFAULT_MAX_TEXT_SIZE, MIN_MAX_TEXT_SIZE, 100_000_000),
    maxLabelLength: integer(o.maxLabelLength, "options.maxLabelLength", DEFAULT_MAX_LABEL_LENGTH, 10, 2_000),
    maxColumns: integer(o.maxColumns, "options.maxColumns", DEFAULT_MAX_COLUMNS, 1, 1_000_000),
    defaultScore: integer(o.defaultScore, "options.defaultScore", 3, 1, 5),
    filtered: agencies !== undefined || lanes !== undefined || channels !== undefined,
  };
}

/** The agency a step belongs to: its role's, else its channel's, else its service's. */
export function stepAgency(index: CatalogIndex, service: Service, step: Step): string {
  const role = step.role === undefined ? undefined : index.roles.get(step.role);
  if (role?.agency !== undefined) return role.agency;
  const channel = step.channel === undefined ? undefined : index.channels.get(step.channel);
  if (channel?.agency !== undefined) return channel.agency;
  return service.agency;
}

/** Whether the filters keep a step. */
export function stepShown(options: ResolvedOptions, index: CatalogIndex, service: Service, step: Step): boolean {
  if (options.lanes !== null && !options.lanes.has(step.lane)) return false;
  if (options.channels !== null) {
    const channel = step.channel === undefined ? undefined : index.channels.get(step.channel);
    if (channel === undefined) return false;
    if (!options.channels.has(channel.id) && !options.channels.has(channel.kind) && !options.channels.has(channelGroup(channel.kind))) {
      return false;
    }
  }
  if (options.agencies !== null && !options.agencies.has(stepAgency(index, service, step))) return false;
  return true;
}

/** A flow between two shown steps of one service, by step index. */
export interface ShownFlow {
  readonly from: number;
  readonly to: number;
  /** The flow as written, or `undefined` for a bridge over hidden steps. */
  readonly flow: Flow | undefined;
  /** For a bridge: how many hidden steps the shortest way passes. */
  readonly hidden: number;
}

/** The shown steps of a service and the flows between them. */
export interface ShownService {
  /** Indexes of the shown steps, in catalog order. */
  readonly steps: readonly number[];
  readonly flows: readonly ShownFlow[];
  /** Whether bridging stopped early somewhere (a very large hidden region). */
  readonly truncated: boolean;
}

/** How many hidden steps one bridge search may visit before it gives up. */
const BRIDGE_VISIT_LIMIT = 5_000;

/**
 * The shown steps of a service and the flows between them. A flow into a hidden step is followed through hidden
 * steps (breadth first, so the count of hidden steps is the shortest) to the shown steps it reaches.
 *
 * @param service - the service
 * @param shown - for each step index, whether it is shown
 * @returns shown steps and flows, in a deterministic order
 */
export function shownFlows(service: Service, shown: readonly boolean[]): ShownService {
  const ids = stepIndexes(service);
  const steps: number[] = [];
  const flows: ShownFlow[] = [];
  let truncated = false;
  const seen = new Map<number, number>();
  for (let u = 0; u < service.steps.length; u++) {
    if (!shown[u]) continue;
    steps.push(u);
    const step = service.steps[u]!;
    const direct = new Set<number>();
    for (const flow of step.next) {
      const v = ids.get(flow.to);
      if (v !== undefined && shown[v]) {
        flows.push({ from: u, to: v, flow, hidden: 0 });
        direct.add(v);
      }
    }
    // Bridges: breadth-first through hidden steps.
    seen.clear();
    const queue: number[] = [];
    for (const flow of step.next) {
      const v = ids.get(flow.to);
      if (v !== undefined && !shown[v] && !seen.has(v)) {
        seen.set(v, 1);
        queue.push(v);
      }
    }
    const reached: [number, number][] = [];
    for (let head = 0; head < queue.length; head++) {
      if (head >= BRIDGE_VISIT_LIMIT) {
        truncated = true;
        break;
      }
      const h = queue[head]!;
      const hops = known(seen, h);
      for (const flow of service.steps[h]!.next) {
        const w = ids.get(flow.to);
        if (w === undefined) continue;
        if (shown[w]) {
          if (!direct.has(w) && w !== u) {
            direct.add(w);
            reached.push([w, hops]);
          }
        } else if (!seen.has(w)) {
          seen.set(w, hops + 1);
          queue.push(w);
        }
      }
    }
    reached.sort((a, b) => a[0] - b[0]);
    for (const [w, hops] of reached) flows.push({ from: u, to: w, flow: undefined, hidden: hops });
  }
  return { steps, flows, truncated };
}

/** Builds the map from step id to index of a service (first occurrence wins). */
export function stepIndexes(service: Service): Map<string, number> {
  const ids = new Map<string, number>();
  service.steps.forEach((step, i) => {
    if (!ids.has(step.id)) ids.set(step.id, i);
  });
  return ids;
}
