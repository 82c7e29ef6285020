/**
 * Properties of the graph analyses on generated catalogs: the critical path bounds every listed path, appending a
 * step never shortens it, path counts, reach and expected time match brute force on random acyclic services,
 * reach stays a share, and reports ignore the order of lists in the catalog.
 */
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  type Catalog,
  type FlowInput,
  type LifeExperienceAnalysis,
  type ServiceAnalysis,
  type StepInput,
  analyzeLifeExperience,
  analyzeService,
} from "../../src/index.js";
import { arbCatalog, shuffleCatalog } from "../../src/testing/index.js";
import { catalog, service } from "../graph/fixtures.js";

const EPSILON = 1e-9;

function sortedReach<T extends { step: string; share: number; service?: string }>(reach: readonly T[]): T[] {
  const id = (r: T) => `${r.service ?? ""}/${r.step}`;
  return [...reach].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
}

function normalizeService(report: ServiceAnalysis) {
  return { ...report, reach: sortedReach(report.reach) };
}

function normalizeExperience(report: LifeExperienceAnalysis) {
  return { ...report, services: [...report.services].sort(), reach: sortedReach(report.reach) };
}

test.prop([arbCatalog({ minServices: 1, maxStepsPerService: 12 })], { numRuns: 60 })(
  "the critical path is at least, and the shortest at most, every listed path",
  (cat) => {
    for (const s of cat.services) {
      for (const measure of ["minutes", "days"] as const) {
        const { paths } = analyzeService(cat, s.id, { pathMeasure: measure });
        expect(paths.paths.length).toBeLessThanOrEqual(paths.count);
        expect(paths.capped).toBe(paths.paths.length < paths.count);
        if (paths.count === 0) continue;
        const critical = paths.critical!.time[measure === "minutes" ? "minutes" : "days"];
        const shortest = paths.shortest!.time[measure === "minutes" ? "minutes" : "days"];
        for (const path of paths.paths) {
          const value = path.time[measure === "minutes" ? "minutes" : "days"];
          expect(critical + EPSILON * Math.max(1, critical)).toBeGreaterThanOrEqual(value);
          expect(shortest - EPSILON * Math.max(1, shortest)).toBeLessThanOrEqual(value);
        }
      }
    }
  },
);

test.prop([arbCatalog({ minServices: 1, maxStepsPerService: 10 }), fc.nat({ max: 600 }), fc.nat({ max: 30 })], { numRuns: 60 })(
  "appending a step to the end of the critical path never shortens it",
  (cat, minutes, waitDays) => {
    const s = cat.services[0]!;
    const before = analyzeService(cat, s.id).paths.critical;
    if (before === undefined) return;
    const last = before.steps[before.steps.length - 1]!.step;
    const copy = structuredClone(cat) as Catalog;
    const target = copy.services[0]!;
    const lastStep = target.steps.find((step) => step.id === last)!;
    const added = { ...structuredClone(lastStep), id: "zz-appended", name: "Appended", next: [], entry: false, customerMinutes: minutes, holdMinutes: 0, travelMinutes: 0, waitDays };
    delete (added as { attachedTo?: string }).attachedTo;
    lastStep.next = [...lastStep.next, { to: "zz-appended", kind: "sequence" }];
    delete (lastStep as { outcome?: string }).outcome;
    target.steps.push(added);
    const after = analyzeService(copy, s.id).paths.critical!;
    expect(after.time.minutes + EPSILON * Math.max(1, after.time.minutes)).toBeGreaterThanOrEqual(before.time.minutes);
  },
);

test.prop([arbCatalog({ minServices: 1, maxStepsPerService: 10 })], { numRuns: 60 })("reach is a share; entries are reached by all", (cat) => {
  for (const s of cat.services) {
    const report = analyzeService(cat, s.id);
    for (const r of report.reach) {
      expect(r.share).toBeGreaterThanOrEqual(0);
      expect(r.share).toBeLessThanOrEqual(1);
    }
    for (const entry of report.entries) expect(report.reach.find((r) => r.step === entry.step)?.share).toBe(1);
    expect(report.unreachable.every((u) => report.reach.find((r) => r.step === u.step)?.share === 0)).toBe(true);
  }
});

test.prop([arbCatalog({ minServices: 1, maxStepsPerService: 10 }), fc.integer()], { numRuns: 40 })(
  "service reports ignore the order of lists",
  (cat, seed) => {
    const shuffled = shuffleCatalog(cat, seed);
    for (const s of cat.services) {
      expect(normalizeService(analyzeService(shuffled, s.id))).toEqual(normalizeService(analyzeService(cat, s.id)));
    }
  },
);

test.prop(
  [arbCatalog({ minServices: 2, maxStepsPerService: 8, minLifeExperiences: 1, minLinksPerExperience: 1 }), fc.integer()],
  { numRuns: 40 },
)("life-experience reports ignore the order of lists", (cat, seed) => {
  const shuffled = shuffleCatalog(cat, seed);
  for (const x of cat.lifeExperiences) {
    const report = analyzeLifeExperience(cat, x.id);
    expect(normalizeExperience(analyzeLifeExperience(shuffled, x.id))).toEqual(normalizeExperience(report));
    for (const path of report.paths.paths) {
      expect(report.paths.critical!.time.minutes + EPSILON * Math.max(1, path.time.minutes)).toBeGreaterThanOrEqual(path.time.minutes);
    }
  }
});

/** A random acyclic service: step i may flow to any later step; rework flows go anywhere earlier. */
const arbDagSteps = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.nat({ max: 120 }), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.nat({ max: n }), { maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: undefined }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([minutes, forward, rework]) =>
    minutes.map((m, i): StepInput => {
      const targets = [...new Set(forward[i]!.map((t) => i + 1 + (t % Math.max(1, minutes.length - i - 1))).filter((t) => t < minutes.length))];
      const next: FlowInput[] = targets.map((t) => ({ to: `s${t}`, kind: targets.length > 1 ? "branch" : "sequence" }));
      const back = rework[i];
      if (back !== undefined && back <= i) next.push({ to: `s${back}`, kind: "rework" });
      return { id: `s${i}`, name: `Step ${i}`, lane: "customer", customerMinutes: m, next, ...(targets.length === 0 ? { outcome: "completed" as const } : {}) };
    }),
  );

/** Every path from s0 over sequence and branch flows, by brute force. */
function brutePaths(stepList: readonly StepInput[]): number[] {
  const byId = new Map(stepList.map((s) => [s.id, s]));
  const totals: number[] = [];
  const walk = (id: string, sum: number): void => {
    const step = byId.get(id)!;
    const total = sum + (step.customerMinutes ?? 0);
    const forward = (step.next ?? []).filter((f) => f.kind !== "rework");
    if (forward.length === 0) totals.push(total);
    for (const flow of forward) walk(flow.to, total);
  };
  walk("s0", 0);
  return totals;
}

test.prop([arbDagSteps], { numRuns: 200 })("counts, critical and shortest paths match brute force on acyclic services", (stepList) => {
  const cat = catalog({ services: [service("dag", stepList)] });
  const { paths } = analyzeService(cat, "dag", { maxPaths: 100_000 });
  const brute = brutePaths(stepList);
  expect(paths.count).toBe(brute.length);
  expect(paths.paths.map((p) => p.time.minutes).sort((a, b) => a - b)).toEqual([...brute].sort((a, b) => a - b));
  expect(paths.critical!.time.minutes).toBe(Math.max(...brute));
  expect(paths.shortest!.time.minutes).toBe(Math.min(...brute));
});

/** The chance a customer walking the random DAG service reaches each step, and the mean minutes of a whole walk. */
function bruteReach(stepList: readonly StepInput[]): { reach: Map<string, number>; meanMinutes: number } {
  const byId = new Map(stepList.map((s) => [s.id, s]));
  const reach = new Map<string, number>(stepList.map((s) => [s.id, 0]));
  let meanMinutes = 0;
  const walk = (id: string, probability: number, sum: number): void => {
    const step = byId.get(id)!;
    reach.set(id, reach.get(id)! + probability);
    const total = sum + (step.customerMinutes ?? 0);
    const forward = (step.next ?? []).filter((f) => f.kind !== "rework");
    if (forward.length === 0) meanMinutes += probability * total;
    for (const flow of forward) walk(flow.to, probability / forward.length, total);
  };
  walk("s0", 1, 0);
  return { reach, meanMinutes };
}

test.prop([arbDagSteps], { numRuns: 200 })("reach and expected time match a brute-force random walk on acyclic services", (stepList) => {
  const cat = catalog({ services: [service("dag", stepList)] });
  const report = analyzeService(cat, "dag", { maxPaths: 0 });
  const brute = bruteReach(stepList);
  for (const r of report.reach) expect(r.share).toBeCloseTo(brute.reach.get(r.step)!, 9);
  expect(report.expected.minutes).toBeCloseTo(brute.meanMinutes, 6);
});
