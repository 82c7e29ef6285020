/**
 * The repeated-ask rules list a repeat's steps in flow order: `computeStepRank` ranks a service's steps on their
 * positions. It must rank exactly as the id-keyed Kahn's algorithm it replaced (kept here as the reference): along
 * non-rework flows and from each host to its attached steps, smallest id first, steps on cycles last by id, the
 * first step of a repeated id standing for it, and flows to unknown steps ignored.
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { type Catalog, indexCatalog } from "../../src/index.js";
import { computeStepRank } from "../../src/sludge/rules/internal/repeated-asks.js";

interface RawStep {
  readonly id: string;
  readonly next: readonly { readonly to: string; readonly kind: "sequence" | "branch" | "rework" }[];
  readonly attachedTo?: string;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The previous implementation: maps keyed by id, a sorted ready list. */
function referenceRank(steps: readonly RawStep[]): Map<string, number> {
  const attached = new Map<string, string[]>();
  for (const step of steps) {
    if (step.attachedTo === undefined) continue;
    attached.set(step.attachedTo, [...(attached.get(step.attachedTo) ?? []), step.id]);
  }
  const out = new Map<string, string[]>();
  for (const step of steps) {
    if (out.has(step.id)) continue;
    out.set(step.id, [...step.next.filter((f) => f.kind !== "rework").map((f) => f.to), ...(attached.get(step.id) ?? [])]);
  }
  const indegree = new Map<string, number>();
  for (const step of steps) indegree.set(step.id, 0);
  for (const node of indegree.keys()) for (const to of out.get(node)!) if (indegree.has(to)) indegree.set(to, indegree.get(to)! + 1);
  const ready = [...indegree].filter(([, d]) => d === 0).map(([node]) => node);
  const rank = new Map<string, number>();
  while (ready.length > 0) {
    ready.sort(byId);
    const node = ready.shift()!;
    rank.set(node, rank.size);
    for (const to of out.get(node)!) {
      const left = indegree.get(to);
      if (left === undefined || rank.has(to)) continue;
      indegree.set(to, left - 1);
      if (left - 1 === 0) ready.push(to);
    }
  }
  for (const node of [...indegree.keys()].sort(byId)) if (!rank.has(node)) rank.set(node, rank.size);
  return rank;
}

const ids = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
const stepArb = fc.record(
  {
    id: fc.constantFrom(...ids),
    next: fc.array(fc.record({ to: fc.constantFrom(...ids, "unknown"), kind: fc.constantFrom("sequence" as const, "branch" as const, "rework" as const) }), {
      maxLength: 3,
    }),
    attachedTo: fc.constantFrom(...ids, "unknown"),
  },
  { requiredKeys: ["id", "next"] },
);

function catalogOf(steps: readonly RawStep[]): Catalog {
  const empty: never[] = [];
  return {
    services: [{ id: "s", steps }],
    agencies: empty,
    channels: empty,
    roles: empty,
    tools: empty,
    dataElements: empty,
    documentTypes: empty,
    lifeExperiences: empty,
  } as unknown as Catalog;
}

test.prop([fc.array(stepArb, { maxLength: 14 })], { numRuns: 1000 })("ranks steps as the id-keyed reference does", (steps) => {
  const rank = computeStepRank(indexCatalog(catalogOf(steps)), "s");
  const reference = referenceRank(steps);
  for (const id of [...ids, "unknown"]) expect(rank(id), id).toBe(reference.get(id) ?? 0);
});

test.prop([fc.nat({ max: 3000 })], { numRuns: 5 })("ranks a long chain whose ids run against the flow in flow order", (length) => {
  const steps: RawStep[] = Array.from({ length }, (_, i) => ({
    id: `z${String(length - i).padStart(5, "0")}`,
    next: i + 1 < length ? [{ to: `z${String(length - i - 1).padStart(5, "0")}`, kind: "sequence" as const }] : [],
  }));
  const rank = computeStepRank(indexCatalog(catalogOf(steps)), "s");
  const reference = referenceRank(steps);
  for (const step of steps) expect(rank(step.id)).toBe(reference.get(step.id));
  expect(computeStepRank(indexCatalog(catalogOf(steps)), "no-such-service")("z00001")).toBe(0);
});
