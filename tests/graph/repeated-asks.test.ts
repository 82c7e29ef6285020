/**
 * Repeated asks along paths against a brute-force reference that enumerates every path with its probability: a
 * step repeats an item for the customers who were asked it earlier on their path, and never between exclusive
 * branches. Random acyclic services (with rework back),
 * asks that repeat inside a step, documents and identity checks; and a service with more candidate items than one
 * thousand items.
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

/**
 * By brute force over every path from the entry (each with its probability, the product of the branch shares it
 * takes: the generator's branches state no share, so each of k branches carries 1/k): for each item, the steps
 * that ask it of customers who were asked it earlier on their path, with the share of customers on such paths and
 * the first asks of those paths. An independent computation: no propagation, no graph code of the library.
 */
function bruteRepeats(steps: readonly StepInput[]): Map<string, Map<string, { share: number; first: string[] }>> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const result = new Map<string, Map<string, { share: number; first: Set<string> }>>();
  const walk = (id: string, p: number, path: string[]): void => {
    const step = byId.get(id)!;
    const here = [...path, id];
    const forward = (step.next ?? []).filter((f) => f.kind !== "rework");
    if (forward.length === 0) {
      // A complete path: record every repeat on it.
      const firstAt = new Map<string, string>();
      for (const at of here) {
        // A step asking an item twice asks it once.
        for (const key of new Set(asksOf(byId.get(at)!).map((ask) => `${ask.kind} ${ask.item}`))) {
          if (!firstAt.has(key)) {
            firstAt.set(key, at);
            continue;
          }
          const map = result.get(key) ?? new Map();
          const entry = map.get(at) ?? { share: 0, first: new Set<string>() };
          entry.share += p;
          entry.first.add(firstAt.get(key)!);
          map.set(at, entry);
          result.set(key, map);
        }
      }
      return;
    }
    const branch = forward.some((f) => f.kind === "branch");
    for (const f of forward) walk(f.to, branch ? p / forward.length : p, here);
  };
  walk(steps[0]!.id, 1, []);
  return new Map(
    [...result].map(([key, map]) => [
      key,
      new Map([...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([step, e]) => [step, { share: e.share, first: [...e.first].sort() }])),
    ]),
  );
}

function analysedRepeats(steps: StepInput[]): Map<string, Map<string, { share: number; first: string[] }>> {
  const cat = catalog({ services: [service("svc", steps)] });
  const report = analyzeService(cat, "svc");
  const reach = new Map(report.reach.map((r) => [r.step, r.share]));
  for (const r of report.repeatedAsks) {
    for (const repeat of r.repeats) {
      // Never more customers than reach the repeat, or than reach its first asks together.
      expect(repeat.share).toBeLessThanOrEqual(reach.get(repeat.step.step)! + 1e-9);
      expect(repeat.share).toBeLessThanOrEqual(repeat.first.reduce((sum, a) => sum + reach.get(a.step)!, 0) + 1e-9);
    }
  }
  return new Map(
    report.repeatedAsks.map((r) => [
      `${r.kind} ${r.item}`,
      new Map(
        [...r.repeats]
          .sort((a, b) => (a.step.step < b.step.step ? -1 : 1))
          .map((x) => [x.step.step, { share: x.share, first: x.first.map((a) => a.step).sort() }]),
      ),
    ]),
  );
}

function expectSameRepeats(got: ReturnType<typeof analysedRepeats>, want: ReturnType<typeof bruteRepeats>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [key, map] of want) {
    const mine = got.get(key)!;
    expect([...mine.keys()]).toEqual([...map.keys()]);
    for (const [step, entry] of map) {
      expect(mine.get(step)!.first).toEqual(entry.first);
      expect(mine.get(step)!.share).toBeCloseTo(entry.share, 9);
    }
  }
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

test.prop([arbAskingSteps], { numRuns: 300 })("path repeats, their customers and first asks match every path enumerated", (steps) => {
  expectSameRepeats(analysedRepeats(steps), bruteRepeats(steps));
});

it("finds the repeats of 3,000 items on a 6,000-step service", () => {
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
  const report = analyzeService(catalog({ services: [service("svc", steps)] }), "svc");
  expect(report.repeatedAsks.length).toBe(3_000);
  const d0 = report.repeatedAsks.find((r) => r.item === "d0")!;
  // c0 asks first; half the customers take the side branch (asked again there), half go down the chain to c3000.
  expect(d0.repeats.map((r) => [r.step.step, r.share, r.first.map((a) => a.step)]).sort()).toEqual([
    ["c3000", 0.5, ["c0"]],
    ["side", 0.5, ["c0"]],
  ]);
  const d2999 = report.repeatedAsks.find((r) => r.item === "d2999")!;
  // The side branch never meets c2999: only the chain repeats it, for the half who stay on it.
  expect(d2999.repeats.map((r) => [r.step.step, r.share, r.first.map((a) => a.step)])).toEqual([["c5999", 0.5, ["c2999"]]]);
});
