/**
 * Repeated asks along paths against a brute-force reference: an item asked by two reachable steps is repeated
 * when one step reaches the other over flows that are not rework. Random acyclic services (with rework back),
 * asks that repeat inside a step, documents and identity checks; and a service with more candidate items than one
 * chunk of the bit-matrix sweeps holds.
 */
import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { type StepInput, analyzeService } from "../../src/index.js";
import { catalog, service } from "./fixtures.js";

interface Ask {
  readonly kind: "data" | "document" | "identity";
  readonly item: string;
}

function asksOf(step: StepInput): Ask[] {
  const asks: Ask[] = [];
  for (const id of step.dataAsked ?? []) asks.push({ kind: "data", item: id });
  for (const id of step.documentsAsked ?? []) asks.push({ kind: "document", item: id });
  if ((step.identityProofing ?? "none") !== "none") asks.push({ kind: "identity", item: "identity" });
  return asks;
}

/** `kind item -> sorted step ids`, by brute force over every pair of steps. */
function bruteRepeats(steps: readonly StepInput[]): Map<string, string[]> {
  const forward = new Map<string, string[]>();
  const all = new Map<string, string[]>();
  for (const step of steps) {
    forward.set(step.id, (step.next ?? []).filter((f) => f.kind !== "rework").map((f) => f.to));
    all.set(step.id, (step.next ?? []).map((f) => f.to));
  }
  const closure = (from: string, edges: Map<string, string[]>): Set<string> => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) for (const to of edges.get(stack.pop()!) ?? []) if (!seen.has(to)) (seen.add(to), stack.push(to));
    return seen;
  };
  const reachable = closure(steps[0]!.id, all);
  const reaches = new Map(steps.map((s) => [s.id, closure(s.id, forward)]));
  const result = new Map<string, Set<string>>();
  for (const a of steps) {
    for (const b of steps) {
      if (a.id === b.id || !reachable.has(a.id) || !reachable.has(b.id)) continue;
      if (!reaches.get(a.id)!.has(b.id)) continue;
      for (const ask of asksOf(a)) {
        if (!asksOf(b).some((x) => x.kind === ask.kind && x.item === ask.item)) continue;
        const key = `${ask.kind} ${ask.item}`;
        const set = result.get(key) ?? new Set<string>();
        set.add(a.id).add(b.id);
        result.set(key, set);
      }
    }
  }
  return new Map([...result].map(([key, ids]) => [key, [...ids].sort()]));
}

function analysedRepeats(steps: StepInput[]): Map<string, string[]> {
  const cat = catalog({ services: [service("svc", steps)] });
  const report = analyzeService(cat, "svc");
  return new Map(report.repeatedAsks.map((r) => [`${r.kind} ${r.item}`, r.asks.map((a) => a.step)]));
}

const ITEMS = ["a", "b", "c", "d"];

/** A random acyclic service (a step flows to later steps; rework goes back) whose steps ask random items. */
const arbAskingSteps = fc
  .integer({ min: 1, max: 10 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.array(fc.nat({ max: n }), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: undefined }), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.constantFrom(...ITEMS), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.constantFrom(...ITEMS), { maxLength: 2 }), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ),
  )
  .map(([forward, rework, data, documents, identity]) =>
    forward.map((targets, i): StepInput => {
      const to = [...new Set(targets.map((t) => i + 1 + (t % Math.max(1, forward.length - i - 1))).filter((t) => t < forward.length))];
      const next: NonNullable<StepInput["next"]> = to.map((t) => ({ to: `s${t}`, kind: to.length > 1 ? "branch" : "sequence" }));
      const back = rework[i];
      if (back !== undefined && back <= i) next.push({ to: `s${back}`, kind: "rework" });
      return {
        id: `s${i}`,
        name: `Step ${i}`,
        lane: "customer",
        next,
        dataAsked: data[i]!,
        documentsAsked: documents[i]!,
        identityProofing: identity[i]! ? "remote" : "none",
        ...(to.length === 0 ? { outcome: "completed" as const } : {}),
      };
    }),
  );

test.prop([arbAskingSteps], { numRuns: 300 })("path repeats match brute force on random acyclic services", (steps) => {
  expect(analysedRepeats(steps)).toEqual(bruteRepeats(steps));
});

it("finds repeats of more candidate items than one chunk of the sweep holds", () => {
  // 3,000 items, each asked by two steps of one chain, and two of them once more on a branch that leaves the chain
  // at its first step and ends: d0 (also asked by that first step) is repeated there too, d2999 is not.
  const n = 6_000;
  const steps: StepInput[] = [];
  for (let i = 0; i < n; i++) {
    const next: NonNullable<StepInput["next"]> = i < n - 1 ? [{ to: `c${i + 1}` }] : [];
    if (i === 0) next.splice(0, 1, { to: "c1", kind: "branch", share: 0.5 }, { to: "side", kind: "branch", share: 0.5 });
    steps.push({ id: `c${i}`, name: `Chain ${i}`, lane: "customer", next, dataAsked: [`d${i % 3_000}`], ...(i === n - 1 ? { outcome: "completed" as const } : {}) });
  }
  steps.push({ id: "side", name: "Side", lane: "customer", next: [], dataAsked: ["d2999", "d0"], outcome: "withdrawn" });
  const repeats = analysedRepeats(steps);
  expect(repeats.size).toBe(3_000);
  expect(repeats.get("data d0")).toEqual(["c0", "c3000", "side"]);
  expect(repeats.get("data d2999")).toEqual(["c2999", "c5999"]);
});
