/**
 * `toGraph`: the serialised graph loads into graphology and @dagrejs/graphlib, and those libraries, used as
 * independent oracles on generated catalogs, agree with the library's own analyses on cycles, reachability and
 * topological order.
 */
import { Graph as Graphlib, alg } from "@dagrejs/graphlib";
import { fc, test } from "@fast-check/vitest";
import { MultiDirectedGraph } from "graphology";
import { hasCycle, topologicalSort } from "graphology-dag";
import { describe, expect, it } from "vitest";
import { type Catalog, type SerializedGraph, GraphAnalysisError, analyzeLifeExperience, analyzeService, parseCatalog, safeParseCatalog, toGraph } from "../../src/index.js";
import { arbCatalog } from "../../src/testing/index.js";
import { retirementCatalog } from "./fixtures.js";

/** The edges the library's paths and cycles follow: flows other than rework, and links. */
const walked = (kind: string) => kind === "sequence" || kind === "branch" || kind === "link";

function graphologyOf(data: SerializedGraph, keep: (kind: string) => boolean = () => true) {
  const graph = MultiDirectedGraph.from(data as never);
  graph.filterEdges((_edge, attributes) => !keep(String(attributes.kind))).forEach((edge) => graph.dropEdge(edge));
  return graph;
}

function graphlibOf(data: SerializedGraph, keep: (kind: string) => boolean = () => true) {
  const graph = new Graphlib({ directed: true, multigraph: true });
  for (const node of data.nodes) graph.setNode(node.key, node.attributes);
  for (const edge of data.edges) if (keep(edge.attributes.kind)) graph.setEdge(edge.source, edge.target, edge.attributes, edge.key);
  return graph;
}

/** How many graphs of each kind the properties checked (so that a property cannot pass on acyclic graphs alone). */
const seen = { cycles: 0, acyclic: 0 };

const key = (ref: { service: string; step: string }) => `${ref.service}/${ref.step}`;

/** Checks one graph against its analysis. */
function agree(data: SerializedGraph, analysis: { cycles: readonly (readonly { service: string; step: string }[])[]; unreachable: readonly { service: string; step: string }[]; paths: { paths: readonly { steps: readonly { service: string; step: string }[] }[] } }) {
  // Cycles: graphology-dag and graphlib's Tarjan on the walked edges.
  const walkedGraph = graphologyOf(data, walked);
  expect(hasCycle(walkedGraph)).toBe(analysis.cycles.length > 0);
  if (analysis.cycles.length > 0) seen.cycles += 1;
  else seen.acyclic += 1;
  const lib = graphlibOf(data, walked);
  const inCycles = new Set(alg.findCycles(lib).flat());
  for (const node of lib.nodes()) if (lib.hasEdge(node, node)) inCycles.add(node);
  expect([...inCycles].sort()).toEqual(analysis.cycles.flat().map(key).sort());
  // Reachability: graphlib's preorder from the roots, over every edge.
  const all = graphlibOf(data);
  const roots = data.nodes.filter((node) => node.attributes.root).map((node) => node.key);
  const reached = new Set(roots.length === 0 ? [] : alg.preorder(all, roots));
  expect(data.nodes.filter((node) => !reached.has(node.key)).map((node) => node.key)).toEqual(analysis.unreachable.map(key));
  // Topological order: when the walked graph is acyclic, every listed path goes forward in graphology's order.
  if (analysis.cycles.length === 0) {
    const order = new Map(topologicalSort(walkedGraph).map((node, i) => [node, i]));
    for (const path of analysis.paths.paths) {
      const positions = path.steps.map((step) => order.get(key(step))!);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  }
}

/** A catalog with one more sequence flow (which may close a cycle), when it stays valid. */
function withExtraFlow(catalog: Catalog, pick: { service: number; from: number; to: number }): Catalog | undefined {
  const service = catalog.services[pick.service % Math.max(1, catalog.services.length)];
  if (service === undefined || service.steps.length === 0) return undefined;
  const from = service.steps[pick.from % service.steps.length]!;
  const to = service.steps[pick.to % service.steps.length]!;
  if (from.outcome !== undefined || from.attachedTo !== undefined || to.attachedTo !== undefined || from.next.some((f) => f.kind !== "sequence" || f.to === to.id)) return undefined;
  const copy = structuredClone(catalog) as { services: { id: string; steps: { id: string; next: { to: string }[] }[] }[] };
  copy.services.find((s) => s.id === service.id)!.steps.find((s) => s.id === from.id)!.next.push({ to: to.id });
  const parsed = safeParseCatalog(copy);
  return parsed.success ? parsed.catalog : undefined;
}

describe("toGraph", () => {
  it("gives graphology's serialisation, with rework marked and attached steps on their host", () => {
    const catalog = retirementCatalog();
    const service = catalog.services[0]!;
    const data = toGraph(catalog, { service: service.id });
    expect(data.attributes).toEqual({ kind: "service", id: service.id, name: service.name });
    expect(data.nodes.map((n) => n.attributes.step).sort()).toEqual(service.steps.map((s) => s.id).sort());
    const graph = MultiDirectedGraph.from(data as never);
    expect(graph.order).toBe(service.steps.length);
    expect(graph.type).toBe("directed");
    for (const edge of data.edges) {
      expect(edge.attributes.rework).toBe(edge.attributes.kind === "rework");
      if (edge.attributes.kind === "attached") expect(data.nodes.find((n) => n.key === edge.target)!.attributes.attachedTo).toBe(edge.source);
    }
    expect(JSON.stringify(toGraph(catalog, { service: service.id }))).toBe(JSON.stringify(data));
  });

  it("joins a life experience's services by its links", () => {
    const catalog = retirementCatalog();
    const experience = catalog.lifeExperiences[0]!;
    const data = toGraph(catalog, { experience: experience.id });
    expect(data.attributes.kind).toBe("life-experience");
    const links = data.edges.filter((e) => e.attributes.kind === "link").map((e) => e.attributes.link).sort();
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links).size).toBeLessThanOrEqual(experience.links.length);
  });

  it("refuses an unknown id with a suggestion", () => {
    const catalog = retirementCatalog();
    const id = catalog.services[0]!.id;
    expect(() => toGraph(catalog, { service: `${id}x` })).toThrow(GraphAnalysisError);
    expect(() => toGraph(catalog, { service: `${id}x` })).toThrow(`did you mean '${id}'?`);
    // A JavaScript caller with a misspelt key gets the typed error too, not a TypeError.
    expect(() => toGraph(catalog, { lifeExperience: "x" } as never)).toThrow(GraphAnalysisError);
    expect(() => toGraph(catalog, { lifeExperience: "x" } as never)).toThrow("toGraph needs a target");
  });
});

describe("graphology and graphlib as oracles", () => {
  test.prop([arbCatalog({ maxServices: 3, maxLifeExperiences: 2 })], { numRuns: 60, seed: 19 })("agree with the analyses on generated catalogs", (input) => {
    const catalog = parseCatalog(input);
    for (const service of catalog.services) agree(toGraph(catalog, { service: service.id }), analyzeService(catalog, service.id));
    for (const experience of catalog.lifeExperiences) agree(toGraph(catalog, { experience: experience.id }), analyzeLifeExperience(catalog, experience.id));
  });

  test.prop(
    [arbCatalog({ maxServices: 2, maxLifeExperiences: 1 }), fc.record({ service: fc.nat(), from: fc.nat(), to: fc.nat() })],
    { numRuns: 80, seed: 1919 },
  )("agree when an extra flow may close a cycle", (input, pick) => {
    const catalog = withExtraFlow(parseCatalog(input), pick);
    if (catalog === undefined) return;
    for (const service of catalog.services) agree(toGraph(catalog, { service: service.id }), analyzeService(catalog, service.id));
    for (const experience of catalog.lifeExperiences) agree(toGraph(catalog, { experience: experience.id }), analyzeLifeExperience(catalog, experience.id));
  });

  it("checked graphs with cycles and without", () => {
    expect(seen.cycles).toBeGreaterThan(5);
    expect(seen.acyclic).toBeGreaterThan(5);
  });
});
