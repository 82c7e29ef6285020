/**
 * Scale: a 100,000-step chain (and a life experience of two such halves) analyses without a stack overflow, since
 * every walk is iterative. Not timed; the bench measures speed.
 */
import { describe, expect, it } from "vitest";
import { type StepInput, analyzeLifeExperience, analyzeService } from "../../src/index.js";
import { catalog, service } from "./fixtures.js";

function longChain(n: number, prefix = "s"): StepInput[] {
  return Array.from({ length: n }, (_, i): StepInput => ({
    id: `${prefix}${i}`,
    name: `Step ${i}`,
    lane: i % 2 === 0 ? "customer" : "backstage",
    customerMinutes: 1,
    dataAsked: i % 1000 === 0 ? ["ssn"] : [],
    next:
      i + 1 < n
        ? [{ to: `${prefix}${i + 1}` }, ...(i % 5000 === 4999 ? [{ to: `${prefix}${i - 10}`, kind: "rework" as const }] : [])]
        : [],
    ...(i + 1 === n ? { outcome: "completed" as const } : {}),
  }));
}

describe("a 100,000-step chain", () => {
  it("analyses without overflowing the stack", () => {
    const n = 100_000;
    const cat = catalog({ services: [service("long", longChain(n))] });
    const report = analyzeService(cat, "long");
    expect(report.paths.count).toBe(1);
    expect(report.paths.paths[0]!.steps).toHaveLength(n);
    expect(report.paths.critical?.time.minutes).toBe(n);
    expect(report.expected.minutes).toBe(n);
    expect(report.reach.every((r) => r.share === 1)).toBe(true);
    expect(report.reworkLoops).toHaveLength(19);
    expect(report.reworkLoops[0]!.steps).toHaveLength(11);
    expect(report.repeatedAsks[0]!.asks).toHaveLength(100);
    expect(report.counts.visibilityCrossings).toBe(n - 1);
    expect(report.deadEnds).toEqual([]);
    expect(report.unreachable).toEqual([]);
  }, 60_000);

  it("analyses as a life experience of two 50,000-step services", () => {
    const cat = catalog({
      services: [service("first", longChain(50_000, "a")), service("second", longChain(50_000, "b"), { agency: "cms" })],
      lifeExperiences: [
        {
          id: "both",
          name: "Both",
          services: ["first", "second"],
          links: [{ id: "on", kind: "customer-carries", from: { service: "first", step: "a49999" }, to: { service: "second", step: "b0" } }],
        },
      ],
    });
    const report = analyzeLifeExperience(cat, "both");
    expect(report.paths.critical?.steps).toHaveLength(100_000);
    expect(report.repeatedAsks).toHaveLength(1);
    expect(report.handOffs.agencies[0]?.carriedBy).toBe("customer");
  }, 60_000);
});
