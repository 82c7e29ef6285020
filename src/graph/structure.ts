/**
 * Structure: dead ends, unreachable steps and cycles of non-rework flows.
 *
 * @internal
 */
import type { CompiledGraph } from "./build.js";
import { PATH_KINDS, cyclicComponents } from "./order.js";
import type { StepRef } from "./types.js";

/**
 * Dead ends, in node order: reachable steps that are not outcomes, not attached, and have no flow (sequence,
 * branch or rework) and no link leaving them. A step whose only flow is rework sends people back to an earlier
 * step, which is a loop (see the rework loops), not a place where they are stuck.
 *
 * @internal
 */
export function findDeadEnds(graph: CompiledGraph, reachable: Uint8Array): StepRef[] {
  const dead: StepRef[] = [];
  graph.nodes.forEach((node, v) => {
    if (reachable[v] === 0 || node.step.outcome !== undefined || node.step.attachedTo !== undefined) return;
    if (graph.out[v]!.some((edge) => edge.kind !== "attached")) return;
    dead.push(node.ref);
  });
  return dead;
}

/** Steps not reachable, in node order. @internal */
export function findUnreachable(graph: CompiledGraph, reachable: Uint8Array): StepRef[] {
  return graph.nodes.filter((_, v) => reachable[v] === 0).map((node) => node.ref);
}

/** Cycles of non-rework flows and links (attachments cannot close a cycle a customer walks). @internal */
export function findCycles(graph: CompiledGraph): (readonly StepRef[])[] {
  return cyclicComponents(graph, PATH_KINDS).map((component) => Object.freeze(component.map((v) => graph.nodes[v]!.ref)));
}
